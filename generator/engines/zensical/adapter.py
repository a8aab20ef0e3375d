"""Zensical turns the finished docs tree into the site, through its command line, the
interface its documentation gives: `python -m zensical build -f CONFIG --strict` for a build,
and `zensical serve` kept running for the preview (`live.py`).

Zensical reads mkdocs.yml and a folder: the generator writes the tree once into the work folder
the adapter gives it (`docs_folder`, `tree.py`), where the adapter writes the project's
configuration with this build's folders and runs Zensical. It builds into that folder, beside
the site's (the same disk), and the result then takes the site's place. Its own cache
(`.cache`) is kept in the project's cache folder, so a second build of the same repository is
quicker. What Zensical prints is kept: when it fails, our Spanish sentence comes first, then
its lines.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.engines.base import EngineError, EngineJob
from generator.engines.zensical.live import LiveZensical
from generator.engines.zensical.tree import (
    BUILT,
    CONFIG,
    docs_folder,
    engine_config,
    work_folder_of,
)

TIMEOUT_SECONDS = 1800


class ZensicalEngine:
    name = "zensical"
    file_relative = True  # it reads a page's relative addresses from its Markdown file

    def __init__(self) -> None:
        self.live: LiveZensical | None = None  # the preview's Zensical, while it runs

    def docs_folder(
        self, site_dir: Path, config_file: Path, cache_dir: Path | None, *, preview: bool
    ) -> contextlib.AbstractContextManager[Path]:
        """Its own work folder's (tree.py): Zensical reads no docs folder outside it."""
        return docs_folder(site_dir, config_file, cache_dir, preview=preview)

    def build(self, job: EngineJob) -> None:
        if job.preview:
            self.close()
            self.live = LiveZensical(job)
            self.live.start()
            return
        work = work_folder_of(job.docs_dir)
        config, built = work / CONFIG, work / BUILT
        config.write_text(engine_config(job, built), encoding="utf-8")
        command = [sys.executable, "-m", "zensical", "build", "-f", str(config)]
        command += ["--strict"] if job.strict else []
        try:
            result = subprocess.run(
                command,
                cwd=work,
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
