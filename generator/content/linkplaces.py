"""Where each link of a body is written: found in one pass over the parse, whatever the count.

markdown-it gives a block's line span, not where an inline token starts. The parser's link and
image rules are wrapped (`mark_link_places`) so each link and image keeps its offset in its
block's text, and markdown-it keeps where each reference definition is (`env["references"]`).
A link's destination is then looked for only in its own source (an inline link) or in its
definition's lines (a reference link), and a block's text is mapped to the body's lines once:
a body of 10,000 reference links took 60 s when each was looked for from its block's start
and in every line of the body; now it takes what its parse takes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

# The keys this module adds to a link's or image's `meta`.
_START, _END = "red_start", "red_end"
_LINE_BREAKS = re.compile(r"\r\n?|\n")

InlineRule = Callable[[StateInline, bool], bool]


@dataclass(frozen=True)
class Link:
    """A link or image of a body, where the author wrote it."""

    line: int  # index of the line in the body
    column: int  # 1-based
    target: str  # the destination as written, when found in the text; else as parsed
    href: str  # the destination as parsed (percent-encoded)
    is_image: bool


def body_lines(body: str) -> list[str]:
    """The body's lines as markdown-it numbers them (its `map`): CR LF, CR or LF end one."""
    return _LINE_BREAKS.split(body)


def mark_link_places(md: MarkdownIt) -> None:
    """Make the parser's link and image rules note each token's span in its block's text."""
    for name in ("link", "image"):
        original = md.inline.ruler.__rules__[md.inline.ruler.__find__(name)].fn
        md.inline.ruler.at(name, _noting_place(original))


def _noting_place(rule: InlineRule) -> InlineRule:
    def noted(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        if not silent:
            for token in state.tokens[count:]:
                if token.type in ("link_open", "image"):
                    token.meta[_START], token.meta[_END] = start, state.pos
                    break
        return True

    return noted


class _BlockText:
    """One inline block's text, mapped to the body's lines: its n-th line is the end of (or,
    in a table, a part of) the block's n-th source line."""

    def __init__(self, block: Token, lines: Sequence[str], cursors: dict[int, int]) -> None:
        self.text = block.content
        self.first = block.map[0] if block.map else 0
        self.lines = lines
        self.cursors = cursors  # by line: where the last block found on it ends (table cells)
        self.breaks = [m.start() for m in re.finditer("\n", self.text)]
        self.columns: dict[int, int] = {}

    def place(self, offset: int) -> tuple[int, int]:
        """(line index in the body, 1-based column) of `offset` in the block's text."""
        row = bisect.bisect_left(self.breaks, offset)
        row_start = self.breaks[row - 1] + 1 if row else 0
        return self.first + row, self._column(row, row_start) + offset - row_start + 1

    def _column(self, row: int, row_start: int) -> int:
        if row not in self.columns:
            row_end = self.breaks[row] if row < len(self.breaks) else len(self.text)
            written = self.text[row_start:row_end]
            index = self.first + row
            source = self.lines[index] if index < len(self.lines) else ""
            if source.endswith(written):
                column = len(source) - len(written)
            else:
                column = max(source.find(written, self.cursors.get(index, 0)), 0)
            self.cursors[index] = column + len(written)
            self.columns[row] = column
        return self.columns[row]


class _Definitions:
    """Where each reference definition's destination is written, looked for once a label."""

    def __init__(self, env: dict[str, Any], lines: Sequence[str]) -> None:
        self.references: dict[str, Any] = env.get("references", {})
        self.lines = lines
        self.found: dict[tuple[str, str], tuple[int, int, str] | None] = {}

    def place(self, label: str, candidates: Sequence[str]) -> tuple[int, int, str] | None:
        key = (label, candidates[0])
        if key not in self.found:
            self.found[key] = self._look(label, candidates)
        return self.found[key]

    def _look(self, label: str, candidates: Sequence[str]) -> tuple[int, int, str] | None:
        span = (self.references.get(label) or {}).get("map")
        if not span:
            return None
        for index in range(span[0], min(span[1], len(self.lines))):
            for candidate in candidates:
                column = self.lines[index].find(candidate) if candidate else -1
                if column >= 0:
                    return index, column + 1, candidate
        return span[0], 1, candidates[0]


def _label(written: str) -> str:
    """The reference label of a reference link or image as written (`[texto][clave]`,
    `[clave][]`, `[clave]`, each maybe after «!»): brackets cannot nest inside a label."""
    inner = written.removeprefix("!")[:-1]  # without the last «]»
    opening = inner.rfind("[")
    label = inner[opening + 1 :]
    if not label and opening > 0:  # `[clave][]`
        label = inner[: opening - 1].removeprefix("[")
    return normalizeReference(label)


def find_links(tokens: Sequence[Token], lines: Sequence[str], env: dict[str, Any]) -> list[Link]:
    """Every link and image of the body's top-level inline blocks, with where it is written."""
    found: list[Link] = []
    cursors: dict[int, int] = {}
    definitions = _Definitions(env, lines)
    for block in tokens:
        if block.type != "inline" or not block.children or block.map is None:
            continue
        text: _BlockText | None = None
        for token in block.children:
            if token.type == "link_open" and token.info != "auto":
                href, image = str(token.attrs.get("href", "")), False
            elif token.type == "image":
                href, image = str(token.attrs.get("src", "")), True
            else:
                continue
            text = text or _BlockText(block, lines, cursors)
            found.append(Link(*_place(token, href, text, definitions), href, image))
    return found


def _place(
    token: Token, href: str, text: _BlockText, definitions: _Definitions
) -> tuple[int, int, str]:
    """(line index, column, destination as written) of a link or image."""
    candidates = list(dict.fromkeys((unquote(href), href)))
    start, end = token.meta.get(_START), token.meta.get(_END)
    if start is None or end is None:  # not made by the wrapped rules
        return text.first, 1, candidates[0]
    written = text.text[start:end]
    if not written.endswith(")"):  # a reference: its destination is in its definition
        defined = definitions.place(_label(written), candidates)
        if defined is not None:
            return defined
    destination = max(written.find("]("), 0)  # after the text: `[otra.md](otra.md)`
    for candidate in candidates:
        at = written.find(candidate, destination) if candidate else -1
        if at >= 0:
            return (*text.place(start + at), candidate)
    return (*text.place(start), candidates[0])
