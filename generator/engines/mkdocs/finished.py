"""MkDocs receives the generator's pages finished: a page MkDocs would only hand to Python-
Markdown for the `passthrough` extension to give it back whole is taken as it is.

MkDocs converts each page with a new Python-Markdown (`Page.render`): at 10,000 practices
13 s of the engine's 32 s, for pages that are already HTML. The plugin gives MkDocs its pages
as `FinishedPage`s in `on_nav`: the pages MkDocs made, titled by its navigation, turned into
the subclass in place. A `FinishedPage` runs the preprocessors of one Python-Markdown kept for the
whole build (`passthrough.converted_whole`): when they stash the page whole, what MkDocs would
have set comes from there, else the page is converted as MkDocs does. tests/test_passthrough.py
compares both ways on every page.
"""

from __future__ import annotations

import logging
from typing import Any

import markdown
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.engines import passthrough

# MkDocs' own extensions, and this one: none changes anything in a page stashed whole.
_HARMLESS = {"toc", "tables", "fenced_code", passthrough.__name__}


class FinishedPage(Page):
    reader: markdown.Markdown  # the build's one Python-Markdown (give_finished_pages)

    def render(self, config: Any, files: Any) -> None:
        """As `Page.render` would (tests/test_passthrough.py): the HTML, the table of contents,
        the ids links may point at (none: the page is one stashed block, which MkDocs does not
        read) and the links to other pages' anchors (none, likewise)."""
        assert self.markdown is not None  # read_source comes first
        found = passthrough.converted_whole(self.reader, self.markdown)
        if found is None:
            super().render(config, files)
            return
        self.content, toc_tokens = found
        self.toc = get_toc(toc_tokens)  # type: ignore[arg-type]  # the dicts `toc` gives
        self.present_anchor_ids = set()
        # Kept unless MkDocs logs at DEBUG level, as MkDocs' `Page.render` does.
        if logging.getLogger(Page.__module__).getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = {}


def give_finished_pages(files: Any, config: Any) -> None:
    """Each page MkDocs made of `files` (its navigation made one of every documentation page,
    with the navigation's titles) as a FinishedPage, when the site's Markdown extensions are
    MkDocs' own and `passthrough`."""
    if not set(config.markdown_extensions) <= _HARMLESS:
        return
    reader = markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs or {}
    )
    for file in files.documentation_pages():
        page = file.page
        if type(page) is Page:  # the same object, so the navigation still holds it
            page.__class__ = FinishedPage
            page.reader = reader  # type: ignore[attr-defined]  # a FinishedPage now
