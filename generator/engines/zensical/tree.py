"""Where Zensical reads: a work folder of its own, with its configuration (the project's
mkdocs.yml with this build's folders), the docs tree and the site it builds.

Zensical wants the docs tree and the site inside the folder of its configuration (it refuses
a docs folder outside it, even through a symbolic link), so the generator writes the tree
straight into the work folder, once (`docs_folder`). Zensical reads a page's relative
addresses as relative to its Markdown file, as MkDocs reads a Markdown link, and moves them for
the page's address: the generator writes them so (`Addresses.file_relative`), and both engines
publish the same links.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from generator.addresses import OFFLINE_JS
from generator.engines.base import EngineJob

CONFIG = "mkdocs.yml"
BUILT = "sitio-zensical"


def work_folder_of(docs_dir: Path) -> Path:
    """The work folder a docs folder of `docs_folder` sits in."""
    return docs_dir.parent


@contextlib.contextmanager
def docs_folder(
    site_dir: Path, config_file: Path, cache_dir: Path | None, *, preview: bool
) -> Iterator[Path]:
    """A docs folder Zensical reads, removed after. A build's work folder is a new one beside
    the site (the same disk: the site built there takes its place in one step), named as the
    generator names its unfinished sites (`.<site>.nuevo-<pid>-…`), so a later build clears it
    if this process is killed; the preview's is the preview's own folder, where the site it
    shows is. Its `.cache` is Zensical's cache of this repository in the project's cache
    folder when there is one."""
    name = site_dir.name
    work = site_dir.parent if preview else site_dir.with_name(f".{name}.nuevo-{os.getpid()}-z")
    docs = work / (f".zensical-docs-{name}" if preview else "docs-zensical")
    made = [docs] if preview else [work]
    for folder in made:
        shutil.rmtree(folder, ignore_errors=True)
    docs.mkdir(parents=True)
    if cache_dir is not None:
        key = hashlib.sha256(str(config_file.resolve()).encode()).hexdigest()[:12]
        cache = cache_dir / "zensical" / key
        with contextlib.suppress(OSError):
            cache.mkdir(parents=True, exist_ok=True)
            (work / ".cache").unlink(missing_ok=True)
            (work / ".cache").symlink_to(cache, target_is_directory=True)
    try:
        yield docs
    finally:
        for folder in made:
            shutil.rmtree(folder, ignore_errors=True)
        with contextlib.suppress(OSError):
            (work / ".cache").unlink(missing_ok=True)


def engine_config(job: EngineJob, site_dir: Path) -> str:
    """The project's mkdocs.yml with this build's folders, as Zensical reads it (both inside
    the folder of its configuration, the docs folder's)."""
    config: dict[str, Any] = yaml.safe_load(job.config_file.read_text(encoding="utf-8")) or {}
    work = work_folder_of(job.docs_dir)
    config["docs_dir"] = job.docs_dir.relative_to(work).as_posix()
    config["site_dir"] = site_dir.relative_to(work).as_posix()
    theme = config.setdefault("theme", {})
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((job.config_file.parent / theme["custom_dir"]).resolve())
    # The MkDocs plugin is MkDocs' (Zensical does not run plugins): the tree is finished. The
    # site's search is Pagefind's, as with MkDocs: Zensical's own (English, and blind to
    # accents) is off, so the header gets the site's search box (assets/buscar.js).
    config["plugins"] = {"search": {"enabled": False}}
    if job.offline:
        config["use_directory_urls"] = False
        config["extra_javascript"] = [OFFLINE_JS, *config.get("extra_javascript", [])]
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
