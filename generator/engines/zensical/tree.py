"""What Zensical reads: a copy of the docs tree, and the project's mkdocs.yml with this build's
folders.

Zensical reads every relative address in a page's HTML as relative to the page's Markdown
file, as MkDocs reads a Markdown link (and changes it for the page's address: `centros/talca.md`
is served at `centros/talca/`, one folder deeper). The generator writes addresses relative to
the page's own address, as a browser reads them: the copy of the tree handed to Zensical has
them relative to the file instead (`file_relative`), so Zensical's change gives back the
generator's addresses, and both engines publish the same links.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from generator.addresses import OFFLINE_JS
from generator.engines.base import EngineJob

_ADDRESS = re.compile(r'((?:href|src)=")([^"]*)(")')
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")


def copy_tree(source: Path, target: Path, *, directory_urls: bool) -> None:
    """The docs tree, each page's addresses made relative to its file (see above)."""
    shutil.copytree(source, target)
    if directory_urls:  # else a page is served beside its file: nothing to change
        for page in target.rglob("*.md"):
            _make_file_relative(page, page.relative_to(target).as_posix())


def copy_file(source: Path, target: Path, docs_path: str, *, directory_urls: bool) -> None:
    """One file of the docs tree into the copy, as `copy_tree` copies it."""
    copied = target / docs_path
    copied.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / docs_path, copied)
    if directory_urls and docs_path.endswith(".md"):
        _make_file_relative(copied, docs_path)


def _make_file_relative(page: Path, docs_path: str) -> None:
    if docs_path == "index.md" or docs_path.endswith("/index.md"):
        return  # served in its file's own folder
    text = page.read_text(encoding="utf-8")
    stem = posixpath.basename(docs_path).removesuffix(".md")
    page.write_text(_ADDRESS.sub(partial(file_relative, stem=stem), text), encoding="utf-8")


def file_relative(match: re.Match[str], stem: str) -> str:
    """An address relative to the page `…/stem/`, made relative to its file `…/stem.md`."""
    address = match.group(2)
    if not address or address.startswith(("#", "/")) or _SCHEME.match(address):
        return match.group(0)
    moved = address.removeprefix("../") if address.startswith("../") else f"{stem}/{address}"
    return match.group(1) + (moved or "./") + match.group(3)


def engine_config(job: EngineJob, docs_dir: Path, site_dir: Path) -> str:
    """The project's mkdocs.yml with this build's folders, as Zensical reads it (it wants
    both inside the folder of its configuration)."""
    config: dict[str, Any] = yaml.safe_load(job.config_file.read_text(encoding="utf-8")) or {}
    config["docs_dir"] = docs_dir.name
    config["site_dir"] = site_dir.name
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
