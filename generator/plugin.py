"""The thin MkDocs plugin: run the generator before each build and watch the sources."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from generator.build import SOURCE_FOLDERS, GenerateOptions, generate_docs
from generator.problems import ContentError


class PluginConfig(Config):
    drafts = c.Type(bool, default=False)


class RedDeCentrosPlugin(BasePlugin[PluginConfig]):
    # Set for the whole process by `python -m generator build|serve` (see build.configure_plugin).
    root: Path | None = None
    drafts: bool | None = None
    generate = True
    is_serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serving = command == "serve"

    def content_root(self, config: Any) -> Path:
        return self.root or Path(config.config_file_path).resolve().parent

    def on_config(self, config: Any) -> Any:
        if not self.generate:
            return config
        options = GenerateOptions(
            drafts=self.config.drafts if self.drafts is None else self.drafts,
            directory_urls=config.use_directory_urls,
            incremental=self.is_serving,
        )
        try:
            generate_docs(self.content_root(config), Path(config.docs_dir), options)
        except ContentError as error:
            raise PluginError("El contenido no es válido:\n" + error.report()) from None
        return config

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        # The generator writes docs_dir itself: watching it would rebuild in a loop.
        server.unwatch(config.docs_dir)
        root = self.content_root(config)
        for folder in SOURCE_FOLDERS:
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server
