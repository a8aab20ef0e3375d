"""Practice lists pass through Python-Markdown without being parsed tag by tag.

The lists of practices (`practice_list` in templates/_macros.md.j2) are HTML, which
Python-Markdown passes through unchanged, but only after its HTML parser has read every tag
of them: at 1,000 practices that was most of the time the preview spent converting the pages
a save changes (the catalogue alone: 600 KB). This preprocessor, run just before that parser,
hands the inside of each list (`<ul>` to `</ul>`) to Python-Markdown's store of raw HTML
at once; the parser then reads only the list's `<div>` around a placeholder, and the page
comes out the same, byte for byte (tests/test_speed_lists.py). Anything that is not exactly
a generated list is left to the parser.
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

OPENING = '<div class="rc-lista" data-pagefind-ignore>'  # as _macros.md.j2 writes it
# Just before Python-Markdown's HTML block parser (md_in_html's too), which has priority 20.
PRIORITY = 21


class UnparsedLists(Preprocessor):  # type: ignore[misc]  # untyped library
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        start = 0
        for opening in [i for i, line in enumerate(lines) if line == OPENING]:
            inside = opening + 1
            if inside < start or inside >= len(lines) or lines[inside] != "<ul>":
                continue
            end = _list_end(lines, inside)
            if end is None:
                continue
            out += lines[start:inside]
            out.append(self.md.htmlStash.store("\n".join(lines[inside : end + 1])))
            start = end + 1
        return out + lines[start:] if out else lines


def _list_end(lines: list[str], inside: int) -> int | None:
    """The `</ul>` that closes the list opened at `inside`, right before its `</div>`; None
    when the lines are not a generated list (every item is one `<li`…`</li>` run of lines)."""
    for i in range(inside + 1, len(lines)):
        line = lines[i]
        if line == "</ul>":
            return i if i + 1 < len(lines) and lines[i + 1] == "</div>" else None
        if line.startswith("<ul") or line.startswith("<div") or line == "</div>":
            return None
    return None


class UnparsedListsExtension(Extension):  # type: ignore[misc]  # untyped library
    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's API
        md.preprocessors.register(UnparsedLists(md), "red_unparsed_lists", PRIORITY)


def makeExtension(**kwargs: Any) -> UnparsedListsExtension:  # Python-Markdown's API
    return UnparsedListsExtension(**kwargs)
