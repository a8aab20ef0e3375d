"""Zensical turns the finished docs tree into the site, through its command line
(`python -m zensical build -f CONFIG --strict`), the interface its documentation gives.

Zensical reads mkdocs.yml; the adapter writes a copy of the project's with this build's
folders and runs Zensical on it. Zensical wants the site inside the folder of its
configuration: it builds into a folder beside the site's (the same disk), which then takes the
site's place. Its own cache (`.cache`) is kept in the project's cache folder, so a second
build of the same repository is quicker. What Zensical prints is kept: when it fails, our
Spanish sentence comes first, then its lines.

Zensical reads every relative address in a page's HTML as relative to the page's Markdown
file, as MkDocs reads a Markdown link (and changes it for the page's address: `centros/talca.md`
is served at `centros/talca/`, one folder deeper). The generator writes addresses relative to
the page's own address, as a browser reads them: the copy of the tree the adapter hands to
Zensical has them relative to the file instead (`file_relative`), so Zensical's change gives
back the generator's addresses, and both engines publish the same links.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import posixpath
import re
import shutil
import subprocess
import sys
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from generator.engines.base import EngineError, EngineJob

OFFLINE_SCRIPT = "assets/sin-conexion.js"  # as the MkDocs adapter adds it
TIMEOUT_SECONDS = 1800


class ZensicalEngine:
    name = "zensical"

    def build(self, job: EngineJob) -> None:
        with _work_folder(job) as folder:
            config = folder / "mkdocs.yml"
            built = folder / "sitio"
            docs = folder / "docs"  # a copy: Zensical refuses a docs folder outside its own
            copy_tree(job.docs_dir, docs, directory_urls=not job.offline)
            config.write_text(engine_config(job, docs, built), encoding="utf-8")
            command = [sys.executable, "-m", "zensical", "build", "-f", str(config)]
            command += ["--strict"] if job.strict else []
            try:
                result = subprocess.run(
                    command,
                    cwd=folder,
                    capture_output=True,
                    encoding="utf-8",  # whatever the locale: its lines are kept and quoted
                    errors="replace",
                    timeout=TIMEOUT_SECONDS,
                )
            except subprocess.TimeoutExpired:
                raise EngineError(
                    f"Zensical no terminó de construir el sitio en {TIMEOUT_SECONDS} s."
                ) from None
            except OSError as error:
                raise EngineError(f"No se pudo ejecutar Zensical: {error.strerror}.") from None
            if result.returncode != 0 or not (built / "index.html").is_file():
                said = "".join(
                    f"\n  Zensical (en inglés): {line}"
                    for line in (result.stdout + result.stderr).splitlines()
                    if line.strip()
                )
                raise EngineError(f"Zensical no pudo construir el sitio.{said}")
            shutil.rmtree(job.site_dir, ignore_errors=True)
            os.replace(built, job.site_dir)

    def rebuild(self, job: EngineJob, changed: list[str], removed: list[str]) -> None:
        """Zensical decides itself what to rebuild (its cache): the whole build again."""
        self.build(job)


_ADDRESS = re.compile(r'((?:href|src)=")([^"]*)(")')


def copy_tree(source: Path, target: Path, *, directory_urls: bool) -> None:
    """The docs tree, each page's addresses made relative to its file (see above)."""
    shutil.copytree(source, target)
    if not directory_urls:  # a page is served beside its file: nothing to change
        return
    for page in target.rglob("*.md"):
        docs_path = page.relative_to(target).as_posix()
        if docs_path == "index.md" or docs_path.endswith("/index.md"):
            continue  # served in its file's own folder
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


_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")


def engine_config(job: EngineJob, docs_dir: Path, site_dir: Path) -> str:
    """The project's mkdocs.yml with this build's folders, as Zensical reads it (it wants
    both inside the folder of its configuration)."""
    config: dict[str, Any] = yaml.safe_load(job.config_file.read_text(encoding="utf-8")) or {}
    config["docs_dir"] = docs_dir.name
    config["site_dir"] = site_dir.name
    theme = config.setdefault("theme", {})
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((job.config_file.parent / theme["custom_dir"]).resolve())
    # The MkDocs plugin is MkDocs' (Zensical does not run plugins): the tree is finished.
    config.pop("plugins", None)
    if job.offline:
        config["use_directory_urls"] = False
        config["extra_javascript"] = [OFFLINE_SCRIPT, *config.get("extra_javascript", [])]
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


class _work_folder:  # a context manager, used like a function
    """A new folder beside the site's (removed after the build), whose `.cache` is Zensical's
    cache of this repository in the project's cache folder when there is one."""

    def __init__(self, job: EngineJob) -> None:
        self.job = job
        self.folder = job.site_dir.parent / f".zensical-{os.getpid()}-{job.site_dir.name}"

    def __enter__(self) -> Path:
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        if self.job.cache_dir is not None:
            key = hashlib.sha256(str(self.job.config_file.resolve()).encode()).hexdigest()[:12]
            cache = self.job.cache_dir / "zensical" / key
            with contextlib.suppress(OSError):
                cache.mkdir(parents=True, exist_ok=True)
                (self.folder / ".cache").symlink_to(cache, target_is_directory=True)
        return self.folder

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
