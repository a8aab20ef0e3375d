"""`python -m generator serve`: the live preview, with either engine.

The generator writes the docs tree (with drafts) into docs_site/, the engine builds it into a
temporary folder, and the preview's own server (`server.py`) shows it. After each save: a first
pass writes only the practice pages (the edited page shows at once), a second one the lists,
centers and feeds; the engine rebuilds only the pages whose docs file changed, and an open page
reloads only when its own HTML did. Invalid content does not stop the preview: every page shows
the problems (`page.py`) until they are fixed. Ctrl-C or SIGTERM stop it and remove its folder.
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.problems import ContentError
from generator.engines import Engine, EngineError, EngineJob, engine_named
from generator.publish.build import page_count, project_config_file, start_index
from generator.publish.preview.page import error_page
from generator.publish.preview.server import EVERYTHING, PreviewServer, PreviewState, pages_of
from generator.publish.preview.watch import SourceWatch
from generator.publish.search import BackgroundIndex, SearchError, tree_pages
from generator.publish.settings import RunSettings
from generator.publish.tree import PreviewCache, write_tree
from generator.publish.write import scratch_dir
from generator.site.render import DocsTree
from generator.text import os_reason

DOCS_DIR = "docs_site"  # the preview's and `mkdocs serve`'s tree, in the repository
FOLDER_PREFIX = "red-vista-previa-"


@dataclass
class Preview:
    settings: RunSettings
    engine: Engine
    job: EngineJob
    state: PreviewState
    cache: PreviewCache = field(default_factory=PreviewCache)
    index: BackgroundIndex | None = None
    built: bool = False  # the engine built the whole site once
    saved: bool = False  # a file was saved since the preview started

    def update(self, *, first_pass: bool, rest: bool = False) -> None:
        """Write the tree and rebuild; on the first pass after a save, only the practice pages
        (the `rest` follows at once). While a pass builds, a page asked for waits for it; not
        while the rest does: the edited page, ready, must not wait for the lists."""
        if not rest:
            self.state.start_building()
        started = time.monotonic()
        try:
            written = write_tree(
                self.settings,
                self.job.docs_dir,
                self.cache,
                practices_only=first_pass,
                file_relative=self.engine.file_relative,
            )
            if self.built:
                self.engine.rebuild(self.job, written.changed, written.removed)
            else:
                self.engine.build(self.job)
                self.built = True
        except (ContentError, EngineError) as error:
            self.state.error_page, report = error_page(error)
            print(report, file=sys.stderr, flush=True)
            self.state.publish(frozenset([EVERYTHING]))
            return
        fixed = self.state.error_page is not None
        if fixed:
            print("Problemas corregidos: la vista previa vuelve a mostrar el sitio.", flush=True)
        self.state.error_page = None
        changed = pages_of(written.changed + written.removed)
        self.state.publish(frozenset([EVERYTHING]) if fixed else changed)
        if self.saved:  # not the first build: its end is the preview's address
            print(f"Vista previa actualizada ({time.monotonic() - started:.1f} s).", flush=True)
        if self.cache.rest_pending:
            self.update(first_pass=False, rest=True)
        elif written.tree is not None:
            self.restart_index(written.tree)

    def restart_index(self, tree: DocsTree) -> None:
        """The search, over the new tree, in the background; a newer save stops it."""
        self.stop_index()
        try:
            pages = tree_pages(tree)
            self.index = start_index(
                pages, self.job.site_dir, self.job.config_file, page_count(tree)
            )
            self.index.finish_in_background(self.job.site_dir)
        except SearchError as error:
            print(error, file=sys.stderr, flush=True)

    def stop_index(self) -> None:
        if self.index is not None:
            self.index.stop()
            self.index = None


def serve_preview(settings: RunSettings, address: str) -> int:
    """Serve the preview at `address` (host:port) until stopped: 0, or 1 when the address
    cannot be opened (said in Spanish)."""
    host, _, port = address.rpartition(":")
    folder = scratch_dir(FOLDER_PREFIX, None)
    state = PreviewState(folder / "sitio")
    state.site_dir.mkdir()
    try:
        server = PreviewServer((host or "127.0.0.1", int(port)), state)
    except OSError as error:
        shutil.rmtree(folder, ignore_errors=True)
        print(
            f"No se pudo abrir la vista previa en {address}: {os_reason(error)}. Elige otro "
            "puerto, por ejemplo: python -m generator serve --dev-addr 127.0.0.1:8001 "
            "(o make serve PORT=8001).",
            file=sys.stderr,
        )
        return 1
    engine = engine_named(settings.engine)
    folders = contextlib.ExitStack()  # the engine's own docs folder, when it needs one
    job = preview_job(settings, engine, state.site_dir, folders)
    preview = Preview(settings, engine, job, state)
    _stop_on_signals()
    try:
        # Watching first: a file saved while the first build runs is built after it.
        with SourceWatch(settings.root, job.config_file) as watch:
            print("Preparando la vista previa…", flush=True)
            preview.update(first_pass=False)
            server.start()
            print(
                f"Vista previa en {server.url} (con los borradores). Se actualiza cada vez que "
                "guardas un archivo; Ctrl+C la detiene.",
                flush=True,
            )
            while True:
                watch.wait()
                preview.saved = True
                preview.update(first_pass=True)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        preview.stop_index()
        preview.engine.close()
        folders.close()
        shutil.rmtree(folder, ignore_errors=True)
    print("Vista previa detenida.", flush=True)
    return 0


def preview_job(
    settings: RunSettings, engine: Engine, site_dir: Path, folders: contextlib.ExitStack
) -> EngineJob:
    """The preview's build: the docs tree in docs_site/ (where `mkdocs serve` reads it too), or
    in the engine's own folder, kept in `folders` while the preview runs."""
    config_file = project_config_file(settings.root)
    tree_folder = engine.docs_folder(site_dir, config_file, settings.cache_dir, preview=True)
    if tree_folder is not None:
        docs_dir = folders.enter_context(tree_folder)
    else:
        docs_dir = settings.root / DOCS_DIR
        docs_dir.mkdir(exist_ok=True)
    return EngineJob(
        config_file, docs_dir, site_dir, cache_dir=settings.cache_dir, strict=False, preview=True
    )


def _stop_on_signals() -> None:
    """Ctrl-C and SIGTERM alike stop the preview, once."""

    def interrupt(signum: int, frame: object) -> None:
        # A second signal (make passes its SIGTERM on too) must not break the cleanup halfway.
        signal.signal(signal.SIGTERM, _already_stopping)
        signal.signal(signal.SIGINT, _already_stopping)
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGINT, interrupt)


def _already_stopping(signum: int, frame: object) -> None:
    pass
