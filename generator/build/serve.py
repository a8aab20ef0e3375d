"""`python -m generator serve`: MkDocs' live preview with the plugin, Spanish in the terminal
and a clean stop on Ctrl-C or SIGTERM."""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path

from generator.build import driver as build
from generator.build import preview
from generator.build.settings import RunSettings, running
from generator.text import os_reason


def serve_preview(root: Path, address: str) -> int:
    """Serves the preview at `address` until stopped: 0, or 1 when the address cannot be
    opened (said in Spanish)."""
    from mkdocs.commands.serve import serve

    # Invalid content does not stop it: every page shows the problems until they are fixed.
    preview.quiet_mkdocs()
    print("Preparando la vista previa…", flush=True)
    # Ctrl-C and SIGTERM alike: MkDocs then removes its temporary site and the plugin its folder.
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    (root / build.DOCS_DIR).mkdir(exist_ok=True)  # MkDocs requires it before the plugin runs
    # Rebuild only the pages whose Markdown changed: the generator rewrites only those files.
    logging.getLogger("mkdocs.commands.build").addFilter(_without_dirty_build_warning)
    with running(RunSettings(root, drafts=True)):  # the author's own drafts too
        try:
            serve(
                config_file=str(build.project_config_file(root)),
                docs_dir=str(root / build.DOCS_DIR),
                dev_addr=address,
                livereload=True,
                build_type="dirty",
                # MkDocs' warnings are said in the terminal (quiet_mkdocs) and the author keeps
                # the preview; `build` and CI stay strict.
                strict=False,
            )
        except OSError as error:
            if error.filename is not None:
                raise  # a file, not the address: main says which
            print(
                f"No se pudo abrir la vista previa en {address}: {os_reason(error)}. "
                "Elige otro puerto, por ejemplo: python -m generator serve --dev-addr "
                "127.0.0.1:8001 (o make serve PORT=8001).",
                file=sys.stderr,
            )
            return 1
    print("Vista previa detenida.")
    return 0


def _interrupt(signum: int, frame: object) -> None:
    # Once: a second Ctrl-C, or the SIGTERM that make passes on to `serve`, would break the
    # shutdown halfway and leave its threads keeping the process alive. (A handler that does
    # nothing, not SIG_IGN: Python reports a signal already on its way to an ignored handler.)
    signal.signal(signal.SIGTERM, _already_stopping)
    signal.signal(signal.SIGINT, _already_stopping)
    raise KeyboardInterrupt


def _already_stopping(signum: int, frame: object) -> None:
    pass


def _without_dirty_build_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build may leave navigation stale: it is bounded and the
    generator rewrites every page whose content changed, so the preview stays exact."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")
