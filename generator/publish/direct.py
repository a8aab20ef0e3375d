"""`mkdocs build` and `mkdocs serve` in the repository's root, as the MkDocs plugin asks for
them (`generator/engines/mkdocs/plugin.py`, the one entrance MkDocs calls): the same tree and
the same completed site as `python -m generator build`, through these three steps."""

from __future__ import annotations

from pathlib import Path

from generator.content.problems import ContentError
from generator.publish.build import (
    complete_site,
    page_count,
    project_config_file,
    start_index,
)
from generator.publish.search import tree_pages
from generator.publish.settings import RunSettings
from generator.publish.tree import SOURCE_FOLDERS, Written, write_tree

__all__ = ["SOURCE_FOLDERS", "Written", "complete", "settings_for", "write_docs"]


def settings_for(config_file: str, *, drafts: bool) -> RunSettings:
    """The run's settings for the repository whose mkdocs.yml MkDocs reads."""
    return RunSettings.from_environment(Path(config_file).resolve().parent, drafts=drafts)


def write_docs(settings: RunSettings, docs_dir: Path) -> Written | str:
    """Write the docs tree, and keep it for `complete`; when the content is invalid, nothing,
    and what `check` says."""
    try:
        return write_tree(settings, docs_dir)
    except ContentError as error:
        return error.report()


def complete(settings: RunSettings, written: Written, site_dir: Path) -> None:
    """After MkDocs wrote the site: the search index of the tree `write_docs` wrote, the
    sitemap and the marker (dated by the content it read, without reading it again)."""
    tree = written.tree or {}
    config_file = project_config_file(settings.root)
    index = start_index(tree_pages(tree), site_dir, config_file, page_count(tree))
    index.finish()
    index.link_parts(site_dir)
    complete_site(settings, site_dir, written.newest)
