"""A Python-Markdown extension that hands each HTML block of a docs page over whole.

Both engines read the docs pages (`generator/site/docspage.py`) with Python-Markdown, which
would pass their HTML through anyway, but only after reading it tag by tag with its HTML
parser: at 1,000 practices that parser was most of the time an engine spent on content.
The generator marks each block (`<!-- rc:html -->` … `<!-- /rc:html -->`); this preprocessor,
run just before that parser, stores each marked block in Python-Markdown's stash of raw HTML
(its public extension API) and leaves a placeholder, so the page comes out the same without
the parser reading it (tests/test_passthrough.py compares both ways). It is listed in
mkdocs.yml, which MkDocs and Zensical both read.
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

OPEN = "<!-- rc:html -->"  # as generator/site/docspage.py writes them
CLOSE = "<!-- /rc:html -->"
# Just before Python-Markdown's HTML block parser (priority 20).
PRIORITY = 21


class StashMarkedBlocks(Preprocessor):  # type: ignore[misc]  # untyped library
    def run(self, lines: list[str]) -> list[str]:
        if OPEN not in lines:
            return lines
        out: list[str] = []
        block: list[str] | None = None
        for line in lines:
            if block is None and line == OPEN:
                block = []
            elif block is not None and line == CLOSE:
                out += ["", self.md.htmlStash.store("\n".join(block)), ""]
                block = None
            elif block is not None:
                block.append(line)
            else:
                out.append(line)
        return out if block is None else [*out, OPEN, *block]


class PassthroughExtension(Extension):  # type: ignore[misc]  # untyped library
    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's API
        md.preprocessors.register(StashMarkedBlocks(md), "red_passthrough", PRIORITY)


def makeExtension(**kwargs: Any) -> PassthroughExtension:  # Python-Markdown's API
    return PassthroughExtension(**kwargs)
