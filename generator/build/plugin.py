"""The thin MkDocs plugin: run the generator before each build and watch the sources."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from functools import partial
from pathlib import Path
from subprocess import DEVNULL
from typing import Any

import jinja2
import jinja2.bccache
import mkdocs
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import InclusionLevel
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    FileSystemEvent,
)
from watchdog.observers import Observer

from generator.build import preview
from generator.build.driver import (
    SOURCE_FOLDERS,
    GenerateOptions,
    PreviewCache,
    build_epoch,
    generate_docs,
)
from generator.build.search import BackgroundIndex, article_html, index_command
from generator.build.sitedir import write_marker
from generator.build.speed.halfpages import HalfPages
from generator.content.problems import ContentError
from generator.site.htmlfix import fix_material_markup

MATERIAL_SEARCH_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


class PluginConfig(Config):
    drafts = c.Type(bool, default=False)


class ChangesObserver(Observer):  # type: ignore[misc,valid-type]  # a platform alias
    """The system's file events (inotify on Linux), only those that change a file: MkDocs
    rebuilds on any event, and reading a file (as every build does) is one too."""

    CHANGES: tuple[type[FileSystemEvent], ...] = (
        FileClosedEvent,  # closed after writing
        FileCreatedEvent,
        FileDeletedEvent,
        FileMovedEvent,
        DirCreatedEvent,
        DirDeletedEvent,
        DirMovedEvent,
    )

    def schedule(self, handler: Any, path: str, *, recursive: bool = False) -> Any:
        return super().schedule(handler, path, recursive=recursive, event_filter=self.CHANGES)


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """The theme's compiled templates, kept between builds like Python's __pycache__:
    compiling Material's templates cost 0.19 s of every build and every preview rebuild.
    Jinja reuses one only while its template's source is the same; the folder is per version
    of Jinja and of MkDocs, which sets the environment up (Jinja's header covers Python's)."""

    @classmethod
    def in_user_cache(cls) -> CompiledTemplates | None:
        versions = f"jinja2-{jinja2.__version__}-mkdocs-{mkdocs.__version__}"
        try:
            base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
            folder = Path(base) / "red-de-centros" / "plantillas" / versions
            folder.mkdir(parents=True, exist_ok=True)
        except (OSError, RuntimeError):  # RuntimeError: no home folder to be found
            return None  # no cache: the templates are compiled in every build, as before
        return cls(str(folder))

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):  # a full or read-only disk only costs the compiling
            super().dump_bytecode(bucket)


class RedDeCentrosPlugin(BasePlugin[PluginConfig]):
    # Set for the whole process by `python -m generator build|serve` (see build.configure_plugin).
    root: Path | None = None
    drafts: bool | None = None
    generate = True
    index_search = True
    preview_cache: PreviewCache | None = None
    is_serving = False
    indexing: subprocess.Popen[bytes] | None = None  # the preview's search, in the background
    rest_trigger: Path | None = None  # the preview's second pass (see on_serve)
    half_pages: HalfPages | None = None  # a build's second process (see halfpages.py)
    index: BackgroundIndex | None = None  # a build's search index, beside the theme rendering

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serving = command == "serve"
        # The plugin lives across the preview's rebuilds: it keeps what did not change.
        self.preview_cache = PreviewCache() if self.is_serving else None

    def content_root(self, config: Any) -> Path:
        return self.root or Path(config.config_file_path).resolve().parent

    def on_config(self, config: Any) -> Any:
        # `mkdocs build` directly: dates from git or the content, never the clock.
        if "SOURCE_DATE_EPOCH" not in os.environ:
            os.environ["SOURCE_DATE_EPOCH"] = str(build_epoch(self.content_root(config)))
        if not self.generate:
            return config
        cache = self.preview_cache
        options = GenerateOptions(
            drafts=self.config.drafts if self.drafts is None else self.drafts,
            directory_urls=config.use_directory_urls,
            # After a save, the edited practice's page first; the lists it is in right after.
            practices_only=self.rest_trigger is not None and not (cache and cache.rest_pending),
        )
        try:
            generate_docs(self.content_root(config), Path(config.docs_dir), options, cache)
        except ContentError as error:
            raise PluginError("El contenido no es válido:\n" + error.report()) from None
        return config

    def on_files(self, files: Any, *, config: Any) -> Any:
        if not any(name.rsplit("/", 1)[-1] == "search" for name in config.plugins):
            # Material ships lunr and a search worker for its own search plugin («search»,
            # «material/search»), which this site does not use (Pagefind): 36 files, 1.2 MB
            # that no page loads.
            for file in [f for f in files if f.src_uri.startswith(MATERIAL_SEARCH_ASSETS)]:
                files.remove(file)
        return files

    def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        if not self.is_serving:  # the preview converts only what changed: no helper
            self.half_pages = None  # what the forked helper sees: it must not hand pages on
            self.half_pages = HalfPages.start(config, files)
        return nav

    def on_pre_page(self, page: Any, *, config: Any, files: Any) -> Any:
        if self.half_pages is not None and page.file.src_uri in self.half_pages.theirs:
            page.render = partial(self.half_pages.render, page)
        return page

    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        env.bytecode_cache = CompiledTemplates.in_user_cache()
        if self.half_pages is not None:
            self.half_pages.close()
            self.half_pages = None
        if self.index_search and not self.is_serving:
            # Every article is converted now: index them while MkDocs renders the theme.
            pages = files.documentation_pages(inclusion=InclusionLevel.is_included)
            articles = (
                (f.dest_uri, article_html(f.page.title or config.site_name, f.page.content or ""))
                for f in pages
                if f.page is not None
            )
            self.index = BackgroundIndex.start(articles, Path(config.site_dir))
        return env

    def on_post_build(self, *, config: Any) -> None:
        write_marker(Path(config.site_dir))  # a later build may replace this folder
        if self.rest_trigger and self.preview_cache and self.preview_cache.rest_pending:
            self.rest_trigger.write_text(str(time.monotonic_ns()), encoding="utf-8")  # rebuild
        if self.index is not None:
            index, self.index = self.index, None
            index.finish()
        elif self.index_search and self.is_serving:
            # The preview shows the edited page now; its search follows.
            self.stop_indexing()
            command = index_command(Path(config.site_dir))
            self.indexing = subprocess.Popen(command, stdout=DEVNULL, stderr=DEVNULL)

    def on_build_error(self, *, error: Exception) -> None:
        if self.half_pages is not None:
            self.half_pages.abort()
            self.half_pages = None
        if self.index is not None:
            self.index.stop()
            self.index = None

    def stop_indexing(self) -> None:
        if self.indexing is not None:
            self.indexing.kill()
            self.indexing.wait()
            self.indexing = None

    def on_shutdown(self) -> None:
        self.stop_indexing()
        if self.rest_trigger is not None:
            shutil.rmtree(self.rest_trigger.parent, ignore_errors=True)

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        return fix_material_markup(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: Any) -> str:
        return (
            fix_material_markup(output_content)
            if template_name.endswith(".html")
            else output_content
        )

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        # The generator writes docs_dir itself: watching it would rebuild in a loop.
        server.unwatch(config.docs_dir)
        # The system's file events instead of MkDocs' polling every half second: the preview
        # starts rebuilding as soon as a file is saved (within its 1-second budget).
        if config.config_file_path:
            server.unwatch(config.config_file_path)
        server.observer = ChangesObserver()
        if config.config_file_path:
            server.watch(config.config_file_path)
        root = self.content_root(config)
        for folder in SOURCE_FOLDERS:
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        # A file of the plugin's own that it writes to ask for the second pass after a save.
        trigger_dir = Path(tempfile.mkdtemp(prefix="red-vista-previa-"))
        server.watch(str(trigger_dir))
        self.rest_trigger = trigger_dir / "resto"
        preview.attach(server, preview.PreviewState())
        return server
