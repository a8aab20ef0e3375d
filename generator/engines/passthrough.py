"""A Python-Markdown extension that takes the generator's finished docs page as it is.

Both engines read the docs pages (`generator/site/docspage.py`) with Python-Markdown, listed in
mkdocs.yml with this extension only. A page is HTML blocks (`<!-- rc:html -->` …
`<!-- /rc:html -->`) and the headings of its sections (`## Título {#id}`). Read by
Python-Markdown's own means, the blocks would pass through only after its HTML parser read
them tag by tag, and every heading line would go through its inline patterns and the `toc`
extension: at 1,000 practices, 1.4 s of MkDocs' 3.2 s. Instead this extension, through
Python-Markdown's public extension API:

- stores each block, and each heading as `<hN id="id">…</hN>`, in Python-Markdown's stash of
  raw HTML (a preprocessor), so nothing reads them again;
- gives the page's table of contents as the `toc` extension would (`md.toc_tokens`, the
  documented attribute both engines read), nested with toc's own `nest_toc_tokens`.

Without this extension, `toc` and `attr_list` read the same page to the same HTML and table of
contents (tests/test_passthrough.py compares both ways).
"""

from __future__ import annotations

import html
import re
from typing import Any

from markdown import Extension, Markdown
from markdown.extensions.toc import nest_toc_tokens
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from generator.engines.pageformat import CLOSE, HEADING_LINE, OPEN

_TAG = re.compile(r"<[^>]*>")
# After Python-Markdown's whitespace normalizer (priority 30, it removes the stash's markers)
# and before its HTML block parser (20).
PRIORITY = 25


class StashPage(Preprocessor):  # type: ignore[misc]  # untyped library
    def __init__(self, md: Markdown, headings: list[dict[str, Any]]) -> None:
        super().__init__(md)
        self.headings = headings

    def run(self, lines: list[str]) -> list[str]:
        self.headings.clear()
        read: list[tuple[bool, str]] = []  # (is HTML, its text): blocks, headings, other lines
        block: list[str] | None = None
        for line in lines:
            if block is None and line == OPEN:
                block = []
            elif block is not None and line == CLOSE:
                read.append((True, "\n".join(block)))
                block = None
            elif block is not None:
                block.append(line)
            elif match := HEADING_LINE.fullmatch(line):
                read.append((True, self.heading(*match.groups())))
            else:
                read.append((False, line))
        pieces = [text for is_html, text in read if is_html]
        if block is None and self.one_block(read, pieces):
            # Only block-level blocks and headings: the page as one stashed block, as they would
            # come out one by one (a line break between two), without Python-Markdown's inline
            # patterns running over a placeholder per block (at 1,000 practices, 1.9 s of
            # MkDocs' 14.6 s).
            # A blank line after it, too: the paragraph that holds it must end at the placeholder.
            return ["", self.md.htmlStash.store("\n".join(pieces)), "", ""] if pieces else []
        out: list[str] = []
        for is_html, text in read:
            out += ["", self.md.htmlStash.store(text), ""] if is_html else [text]
        return out if block is None else [*out, OPEN, *block]

    def one_block(self, read: list[tuple[bool, str]], pieces: list[str]) -> bool:
        """The page can be stashed whole: nothing else for Python-Markdown to read, and every
        piece one that its raw-HTML step would put back as it is (a piece that is not
        block-level, as `<img …>` first, it wraps in a paragraph of its own)."""
        if any(not is_html and text.strip() for is_html, text in read):
            return False
        raw_html = self.md.postprocessors["raw_html"]
        return all(raw_html.isblocklevel(piece) for piece in pieces)

    def heading(self, marks: str, inner: str, given: str) -> str:
        level = len(marks)
        name = _TAG.sub("", inner)
        self.headings.append(
            {"level": level, "id": given, "name": name, "html": inner, "data-toc-label": ""}
        )
        return f'<h{level} id="{html.escape(given)}">{inner}</h{level}>'


class TableOfContents(Postprocessor):  # type: ignore[misc]  # untyped library
    """Last: the page's headings as `toc` gives them (what `toc` itself found is replaced)."""

    def __init__(self, md: Markdown, headings: list[dict[str, Any]]) -> None:
        super().__init__(md)
        self.headings = headings

    def run(self, text: str) -> str:
        if self.headings:
            self.md.toc_tokens = nest_toc_tokens([dict(h) for h in self.headings])
        return text


class PassthroughExtension(Extension):  # type: ignore[misc]  # untyped library
    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's API
        self.md = md
        headings: list[dict[str, Any]] = []
        md.preprocessors.register(StashPage(md, headings), "red_passthrough", PRIORITY)
        md.postprocessors.register(TableOfContents(md, headings), "red_toc", 0)
        md.registerExtension(self)
        self.reset()

    def reset(self) -> None:  # Python-Markdown's API: before each document
        self.md.toc_tokens = []


def makeExtension(**kwargs: Any) -> PassthroughExtension:  # Python-Markdown's API
    return PassthroughExtension(**kwargs)
