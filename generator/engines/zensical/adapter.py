"""Zensical turns the finished docs tree into the site, through its command line, the
interface its documentation gives: `python -m zensical build -f CONFIG --strict` for a build,
and `zensical serve` kept running for the preview (`live.py`).

Zensical reads mkdocs.yml; the adapter writes a copy of the project's with this build's
folders, and a copy of the tree that Zensical reads as it should (`tree.py`), and runs Zensical
on them. Zensical wants the site inside the folder of its configuration: it builds into a
folder beside the site's (the same disk), which then takes the site's place. Its own cache
(`.cache`) is kept in the project's cache folder, so a second build of the same repository is
quicker. What Zensical prints is kept: when it fails, our Spanish sentence comes first, then
its lines.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.engines.base import EngineError, EngineJob
from generator.engines.zensical.live import LiveZensical
from generator.engines.zensical.tree import copy_tree, engine_config

TIMEOUT_SECONDS = 1800


class ZensicalEngine:
    name = "zensical"

    def __init__(self) -> None:
        self.live: LiveZensical | None = None  # the preview's Zensical, while it runs

    def build(self, job: EngineJob) -> None:
        if job.preview:
            self.close()
            self.live = LiveZensical(job)
            self.live.start()
            return
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
        """The preview's Zensical rebuilds the pages of the changed files; without it (a
        job that is not the preview's), the whole build again."""
        if self.live is None:
            self.build(job)
        else:
            self.live.update(changed, removed)

    def close(self) -> None:
        if self.live is not None:
            self.live.stop()
            self.live = None


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
