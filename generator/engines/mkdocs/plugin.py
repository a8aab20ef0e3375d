"""The MkDocs plugin: hook plumbing only.

`mkdocs build` and `mkdocs serve` in the repository's root: before MkDocs reads the docs tree,
the generator writes it (`publish.tree.write_tree`, the same as `python -m generator build`);
after MkDocs wrote the site, the generator completes it (search index, sitemap). Under the
generator's own build (`adapter.py`) the tree is already finished: `tree_given` is set on this
run's instance and the plugin only adjusts Material's output. It keeps nothing between runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from generator.engines.mkdocs.finished import give_finished_pages
from generator.engines.mkdocs.material import drop_material_search, fix_material_markup
from generator.engines.mkdocs.navcache import keep_rendered
from generator.publish.direct import (
    SOURCE_FOLDERS,
    Written,
    complete,
    settings_for,
    write_docs,
)
from generator.publish.settings import RunSettings


class PluginConfig(Config):
    drafts = c.Type(bool, default=False)


class RedDeCentrosPlugin(BasePlugin[PluginConfig]):
    tree_given = False  # set by adapter.py on the run's instance: the docs tree is finished
    written: Written | None = None  # what on_config wrote, for on_post_build

    def settings(self, config: Any) -> RunSettings:
        return settings_for(config.config_file_path, drafts=self.config.drafts)

    def on_config(self, config: Any) -> Any:
        if self.tree_given:
            return config
        written = write_docs(self.settings(config), Path(config.docs_dir))
        if isinstance(written, str):
            raise PluginError("El contenido no es válido:\n" + written)
        self.written = written  # the tree, in memory until the site is complete
        return config

    def on_files(self, files: Any, *, config: Any) -> Any:
        return drop_material_search(files, config)

    def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        give_finished_pages(files, config)
        return nav

    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        keep_rendered(env)
        return env

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        return fix_material_markup(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: Any) -> str:
        html = template_name.endswith(".html")
        return fix_material_markup(output_content) if html else output_content

    def on_post_build(self, *, config: Any) -> None:
        if not self.tree_given and self.written is not None:
            complete(self.settings(config), self.written, Path(config.site_dir))
            self.written = None

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        """`mkdocs serve`: rebuild when a source changes, not when the tree is written."""
        if self.tree_given:
            return server
        server.unwatch(config.docs_dir)
        root = Path(config.config_file_path).resolve().parent
        for folder in SOURCE_FOLDERS:
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server
