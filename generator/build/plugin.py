"""The thin MkDocs plugin, hook plumbing only: run the generator before each build and watch
the sources. The work is done in build/ (driver, search, watch, preview) and build/speed/."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from generator.build import preview, settings
from generator.build.driver import GenerateOptions, PreviewCache, build_epoch, generate_docs
from generator.build.search import BackgroundIndex, PreviewIndex, page_articles
from generator.build.settings import RunSettings
from generator.build.sitedir import write_marker
from generator.build.speed.halfpages import HalfPages
from generator.build.speed.templatecache import CompiledTemplates
from generator.build.watch import watch_sources
from generator.content.problems import ContentError
from generator.parallel import available_workers
from generator.site.htmlfix import fix_material_markup

MATERIAL_SEARCH_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


class PluginConfig(Config):
    drafts = c.Type(bool, default=False)


class RedDeCentrosPlugin(BasePlugin[PluginConfig]):
    def __init__(self) -> None:
        self.run: RunSettings | None = None  # this build's (see settings.py)
        self.is_serving = False
        self.preview_cache: PreviewCache | None = None  # kept across the preview's rebuilds
        self.preview_index = PreviewIndex()  # the preview's search, in the background
        self.rest_trigger: Path | None = None  # the preview's second pass (see on_serve)
        self.half_pages: HalfPages | None = None  # a build's second process (halfpages.py)
        self.index: BackgroundIndex | None = None  # a build's search index, beside the theme
        self.preview_state = preview.PreviewState()  # what the preview shows (see on_serve)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serving = command == "serve"
        self.preview_cache = PreviewCache() if self.is_serving else None

    def on_config(self, config: Any) -> Any:
        # `mkdocs build` directly: the content beside mkdocs.yml and its plugin options.
        self.run = settings.current() or RunSettings(
            Path(config.config_file_path).resolve().parent, drafts=self.config.drafts
        )
        # `mkdocs build` directly: dates from git or the content, never the clock.
        if "SOURCE_DATE_EPOCH" not in os.environ:
            os.environ["SOURCE_DATE_EPOCH"] = str(build_epoch(self.run.root))
        if not self.run.generate:
            return config
        if cache := self.preview_cache:  # the preview's: what did not change is kept
            cache.theme_files.keep(config.theme)
        options = GenerateOptions(
            drafts=self.run.drafts,
            directory_urls=config.use_directory_urls,
            # After a save, the edited practice's page first; the lists it is in right after.
            practices_only=self.rest_trigger is not None and not (cache and cache.rest_pending),
        )
        try:
            generate_docs(self.run.root, Path(config.docs_dir), options, cache)
        except ContentError as error:
            if self.is_serving and not self.preview_state.started:  # the preview's first build
                return self.preview_state.start_invalid(error, config)
            raise PluginError("El contenido no es válido:\n" + error.report()) from None
        return config

    def on_files(self, files: Any, *, config: Any) -> Any:
        files = self.preview_state.pages(files)
        if not any(name.rsplit("/", 1)[-1] == "search" for name in config.plugins):
            # Material's lunr and search worker, for its own search plugin: this site uses
            # Pagefind (search.py), and no page loads these 36 files (1.2 MB).
            for file in [f for f in files if f.src_uri.startswith(MATERIAL_SEARCH_ASSETS)]:
                files.remove(file)
        return files

    def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        if not self.is_serving:  # the preview converts only what changed: no helper
            self.half_pages = None  # what the forked helper sees: it must not hand pages on
            self.half_pages = HalfPages.start(config, files)
        return nav

    def on_pre_page(self, page: Any, *, config: Any, files: Any) -> Any:
        if self.half_pages is not None:
            self.half_pages.claim(page)
        return page

    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        env.bytecode_cache = CompiledTemplates.in_user_cache()
        if self.half_pages is not None:
            self.half_pages.close()
            self.half_pages = None
        if self.run and self.run.index_search and not self.is_serving:
            # Every article is converted now: index them while MkDocs renders the theme
            # (with one process, before it).
            articles = page_articles(files, config.site_name)
            self.index = BackgroundIndex.start(articles, Path(config.site_dir))
            if available_workers() < 2:
                self.finish_index()
        return env

    def on_post_build(self, *, config: Any) -> None:
        write_marker(Path(config.site_dir))  # a later build may replace this folder
        pending = self.preview_cache is not None and self.preview_cache.rest_pending
        if self.rest_trigger and pending:
            self.rest_trigger.write_text(str(time.monotonic_ns()), encoding="utf-8")  # rebuild
        if self.index is not None:
            self.finish_index()
        elif self.run and self.run.index_search and self.is_serving and not pending:
            self.preview_index.restart(Path(config.site_dir))  # not before the second pass

    def finish_index(self) -> None:
        index, self.index = self.index, None
        if index is not None:
            index.finish()

    def on_build_error(self, *, error: Exception) -> None:
        if self.half_pages is not None:
            self.half_pages.abort()
            self.half_pages = None
        if self.index is not None:
            self.index.stop()
            self.index = None

    def on_shutdown(self) -> None:
        self.preview_index.stop()
        if self.rest_trigger is not None:
            shutil.rmtree(self.rest_trigger.parent, ignore_errors=True)

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        return fix_material_markup(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: Any) -> str:
        html = template_name.endswith(".html")
        return fix_material_markup(output_content) if html else output_content

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        assert self.run is not None  # on_config runs first
        self.rest_trigger = watch_sources(server, config, self.run.root)
        preview.attach(server, self.preview_state)
        return server
