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
from dataclasses import dataclass
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


@dataclass
class ReadPage:
    """A docs page's lines as this extension reads them."""

    read: list[tuple[bool, str]]  # (is HTML, its text): blocks, headings, other lines
    headings: list[dict[str, Any]]  # as the `toc` extension gives them, not nested
    unclosed: list[str] | None  # the lines of a block that was opened and never closed

    @property
    def pieces(self) -> list[str]:
        return [text for is_html, text in self.read if is_html]

    def whole(self, md: Markdown) -> bool:
        """The page can be stashed whole: nothing else for Python-Markdown to read, and every
        piece one that its raw-HTML step would put back as it is (a piece that is not
        block-level, as `<img …>` first, it wraps in a paragraph of its own)."""
        if self.unclosed is not None:
            return False
        if any(not is_html and text.strip() for is_html, text in self.read):
            return False
        raw_html = md.postprocessors["raw_html"]
        return all(raw_html.isblocklevel(piece) for piece in self.pieces)


def read_page(lines: list[str]) -> ReadPage:
    page = ReadPage([], [], None)
    block: list[str] | None = None
    for line in lines:
        if block is None and line == OPEN:
            block = []
        elif block is not None and line == CLOSE:
            page.read.append((True, "\n".join(block)))
            block = None
        elif block is not None:
            block.append(line)
        elif match := HEADING_LINE.fullmatch(line):
            page.read.append((True, _heading(page.headings, *match.groups())))
        else:
            page.read.append((False, line))
    page.unclosed = block
    return page


def _heading(headings: list[dict[str, Any]], marks: str, inner: str, given: str) -> str:
    level = len(marks)
    name = _TAG.sub("", inner)
    headings.append(
        {"level": level, "id": given, "name": name, "html": inner, "data-toc-label": ""}
    )
    return f'<h{level} id="{html.escape(given)}">{inner}</h{level}>'


class StashPage(Preprocessor):  # type: ignore[misc]  # untyped library
    def __init__(self, md: Markdown, headings: list[dict[str, Any]]) -> None:
        super().__init__(md)
        self.headings = headings

    def run(self, lines: list[str]) -> list[str]:
        page = read_page(lines)
        self.headings[:] = page.headings
        pieces = page.pieces
        if page.whole(self.md):
            # Only block-level blocks and headings: the page as one stashed block, as they would
            # come out one by one (a line break between two), without Python-Markdown's inline
            # patterns running over a placeholder per block (at 1,000 practices, 1.9 s of
            # MkDocs' 14.6 s).
            # A blank line after it, too: the paragraph that holds it must end at the placeholder.
            return ["", self.md.htmlStash.store("\n".join(pieces)), "", ""] if pieces else []
        out: list[str] = []
        for is_html, text in page.read:
            out += ["", self.md.htmlStash.store(text), ""] if is_html else [text]
        return out if page.unclosed is None else [*out, OPEN, *page.unclosed]


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


def converted_whole(md: Markdown, source: str) -> tuple[str, list[dict[str, Any]]] | None:
    """What `md.convert(source)` returns, and `md.toc_tokens` after it, without Python-Markdown's
    block and inline parsers, when this extension stashes the page whole; None when the page
    must be converted. `md` holds this extension and only extensions that change nothing in a
    stashed page (MkDocs' own: toc, tables, fenced_code); its preprocessors run as they would
    (fenced_code's, which reads before this one, included)."""
    md.reset()
    if not source.strip():
        return "", []
    lines = source.split("\n")
    for preprocessor in md.preprocessors:
        lines = preprocessor.run(lines)
    stash = md.htmlStash
    if stash.html_counter != 1 or [line for line in lines if line.strip()] != [
        stash.get_placeholder(0)
    ]:
        return None
    html_text = str(stash.rawHtmlBlocks[0])
    if not md.postprocessors["raw_html"].isblocklevel(html_text):
        return None  # Python-Markdown would wrap it in a paragraph
    headings = md.preprocessors["red_passthrough"].headings
    return html_text.strip(), nest_toc_tokens([dict(h) for h in headings]) if headings else []
