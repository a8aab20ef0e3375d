"""MkDocs + Material turn the finished docs tree into the site, through MkDocs' public API
(`load_config`, `commands.build.build`) and the project's plugin (`plugin.py`).

What MkDocs logs is collected, not printed: when the build fails, the author reads our
Spanish sentence first and MkDocs' own lines after it, marked as MkDocs' (in English).
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.addresses import OFFLINE_JS
from generator.engines.base import EngineError, EngineJob
from generator.engines.mkdocs.templatecache import CompiledTemplates
from generator.engines.mkdocs.themefiles import ThemeFiles

PLUGIN_NAME = "red-de-centros"


class MkDocsEngine:
    name = "mkdocs"
    file_relative = False

    def docs_folder(
        self, site_dir: Path, config_file: Path, cache_dir: Path | None, *, preview: bool
    ) -> None:
        """MkDocs reads the docs folder where it is."""
        return None

    def __init__(self) -> None:
        # Kept between a preview's rebuilds: MkDocs lists Material's 14,510 files each time.
        self.theme_files = ThemeFiles()

    def build(self, job: EngineJob) -> None:
        self._run(job, dirty=False)

    def rebuild(self, job: EngineJob, changed: list[str], removed: list[str]) -> None:
        """MkDocs' dirty build: only the pages whose docs file is newer than their HTML (the
        generator rewrote only the files that changed); the pages of removed files go."""
        for docs_path in removed:
            built = job.addresses.page_file(docs_path) if docs_path.endswith(".md") else docs_path
            (job.site_dir / built).unlink(missing_ok=True)
        self._run(job, dirty=True)

    def close(self) -> None:
        """Nothing runs between MkDocs' builds."""

    def _run(self, job: EngineJob, *, dirty: bool) -> None:
        from mkdocs.commands.build import build
        from mkdocs.exceptions import MkDocsException

        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's banner about MkDocs 2
        with collected_logs() as records:
            try:
                config = self._config(job, strict=job.strict and not dirty)
                build(config, dirty=dirty)
            except MkDocsException as error:
                raise EngineError(failure(error, records)) from None
            # An OSError (a full disk) goes on as it is: the command says it in Spanish.
        shown = [r for r in records if r.levelno >= logging.WARNING and not _dirty_notice(r)]
        for record in shown:  # a preview is not strict: its warnings are said, not fatal
            print(f"Aviso de MkDocs (en inglés): {record.getMessage()}", flush=True)

    def _config(self, job: EngineJob, *, strict: bool) -> Any:
        from mkdocs.config import load_config

        config = load_config(
            str(job.config_file),
            docs_dir=str(job.docs_dir),
            site_dir=str(job.site_dir),
            strict=strict,
            use_directory_urls=not job.offline,
        )
        if job.offline:
            config.extra_javascript.insert(0, OFFLINE_JS)
        plugin = config.plugins.get(PLUGIN_NAME)
        if plugin is not None:
            plugin.tree_given = True  # this run's instance: the generator wrote the tree
        self.theme_files.keep(config.theme)
        CompiledTemplates.attach(config.theme, job.cache_dir)
        return config


def _dirty_notice(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build may leave navigation stale: the navigation is bounded
    and the generator rewrites every page whose content changed, so the preview stays exact."""
    return record.getMessage().startswith("A 'dirty' build is being performed")


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextlib.contextmanager
def collected_logs() -> Iterator[list[logging.LogRecord]]:
    """MkDocs' log records while the block runs, kept from the terminal. Its logger is named
    after the package that answers `import mkdocs`: ProperDocs, in its place, logs as itself."""
    import mkdocs

    logger = logging.getLogger(mkdocs.__name__)
    collector = _Collector()
    saved = logger.handlers, logger.propagate, logger.level
    logger.handlers, logger.propagate = [collector], False
    logger.setLevel(logging.INFO)
    try:
        yield collector.records
    finally:
        logger.handlers, logger.propagate = saved[0], saved[1]
        logger.setLevel(saved[2])


def failure(error: BaseException, records: list[logging.LogRecord]) -> str:
    """Why MkDocs failed, in Spanish first; then what MkDocs itself said."""
    said = [r.getMessage() for r in records if r.levelno >= logging.WARNING]
    warnings = sum(1 for r in records if r.levelno == logging.WARNING)
    if warnings and "strict mode" in str(error):
        reason = (
            f"dio {warnings} {'aviso' if warnings == 1 else 'avisos'} y el sitio se construye en "
            "modo estricto: cada aviso detiene la construcción"
        )
    elif "configuration" in str(error).lower() or "Config value" in " ".join(said):
        reason = "encontró un error en la configuración del sitio (mkdocs.yml)"
    else:
        reason = "no pudo construir el sitio"
    details = [*said, *([] if said else [str(error)])]
    lines = "".join(f"\n  MkDocs (en inglés): {line}" for line in details)
    return f"MkDocs {reason}.{lines}"
