"""The authors' Markdown: CommonMark with GitHub's extensions, parsed once per body.

Authors write in GitHub's web editor (with its preview), in the browser editor and in plain
text editors; the first two speak CommonMark with GitHub's extensions (tables,
strikethrough, task lists, autolinks, alerts). The site speaks the same: markdown-it-py's
`gfm-like2` preset, with GitHub's own autolink rules (`autolinks.py`) and, where the preset
reads otherwise than GitHub, GitHub's reading (alerts only at the top, the text after a task's
checkbox, where emphasis opens and closes). Its ~0.25 ms per body of typical length was
measured against Python-Markdown (0.6 ms with the extensions the site used), and GitHub's
renderer is the oracle: tests/test_dialect.py compares every body of a corpus with it.

One parse gives everything: the tokens the page's HTML is rendered from (by
site/htmlrender.py), the heading ids (the page's and the anchors `check` verifies), and every
link with its line and column. The parsers carry their render rules (where a link goes, an
image's alt text), as markdown-it keeps its renderer on the parser object; the rendering itself
is the site's.
"""

from __future__ import annotations

import functools
import re
import string
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock, lheading, paragraph, reference
from markdown_it.rules_block.blockquote import blockquote
from markdown_it.rules_inline import StateInline, strikethrough
from markdown_it.rules_inline.state_inline import Delimiter
from markdown_it.token import Token
from markdown_it.utils import OptionsDict, OptionsType

from generator.content.autolinks import gfm_autolinks
from generator.content.linkplaces import Link, body_lines, find_links, mark_link_places
from generator.engines.themeids import reserved_ids

# GitHub's alert titles, in the site's language.
ALERT_TITLES = {
    "NOTE": "Nota",
    "TIP": "Consejo",
    "IMPORTANT": "Importante",
    "WARNING": "Advertencia",
    "CAUTION": "Precaución",
}


@functools.cache
def body_parser() -> MarkdownIt:
    """What authors write: GitHub's dialect."""
    md = MarkdownIt("gfm-like2").use(gfm_autolinks)
    md.block.ruler.at("blockquote", _quote_or_alert, {"alt": list(_CONTAINER_ALT)})
    md.block.ruler.before("code", "red_task_text", _text_after_task_marker)
    md.inline.ruler.at("emphasis", _emphasis)
    md.inline.ruler.at("strikethrough", _strikethrough)
    md.core.ruler.after("block", "red_alert_titles", _spanish_alert_titles)
    mark_link_places(md)
    setattr(md.block, "tokenize", _noting_depth(md.block.tokenize))  # noqa: B010 (a method)
    return _with_site_rules(md)


@functools.cache
def page_parser() -> MarkdownIt:
    """What the site's templates write: CommonMark with tables and raw HTML, without
    autolinks (a value that looks like an address stays text)."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return _with_site_rules(md)


def _with_site_rules(md: MarkdownIt) -> MarkdownIt:
    md.add_render_rule("link_open", _link_open)
    md.add_render_rule("image", _image)
    md.add_render_rule("s_open", lambda *args: "<del>")
    md.add_render_rule("s_close", lambda *args: "</del>")
    return md


# Where markdown-it's preset reads otherwise than GitHub -------------------------------

_CONTAINER_ALT = ("paragraph", "reference", "blockquote", "list")  # markdown-it's own


class _WithoutAlerts:
    """The parser as a quote inside a list or another quote sees it: without alerts."""

    def __init__(self, md: MarkdownIt) -> None:
        self._md = md
        self.options = OptionsDict(cast(OptionsType, {**md.options, "alerts": False}))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._md, name)


def _quote_or_alert(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """An alert only as a block of the body itself, as on GitHub («Alerts cannot be nested
    within other elements», GitHub's documentation): inside a list or a quote, `> [!NOTE]`
    is a quote."""
    nested = state.level > 0 and not isinstance(state.md, _WithoutAlerts)
    if not nested or not state.src.startswith(">", state.bMarks[start] + state.tShift[start]):
        return blockquote(state, start, end, silent)
    md = state.md
    state.md = cast(MarkdownIt, _without_alerts(md))
    try:
        return blockquote(state, start, end, silent)
    finally:
        state.md = md


@functools.cache
def _without_alerts(md: MarkdownIt) -> _WithoutAlerts:
    return _WithoutAlerts(md)


# The lines whose text markdown-it drops: at `maxNesting` levels of quotes and lists (20), it
# skips the rest of the container («That's not ordinary situation and we should not care about
# content», parser_block.py). `check` says where instead (body.check_structure).
TOO_DEEP = "red_too_deep"


def _noting_depth(tokenize: Callable[[StateBlock, int, int], None]) -> Any:
    def tokenize_noting(state: StateBlock, start: int, end: int) -> None:
        if state.level >= state.md.options.maxNesting:
            line = state.skipEmptyLines(start)
            if line < end and state.sCount[line] >= state.blkIndent:
                state.env.setdefault(TOO_DEEP, []).append(line)
        tokenize(state, start, end)

    return tokenize_noting


def _text_after_task_marker(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """What follows a task item's `[ ]` on its line is the text of its first paragraph, as on
    GitHub (`- [ ] 1. Llamar` is a task «1. Llamar», not a task holding a list)."""
    item = state.tokens[-1] if state.tokens else None
    if silent or item is None or item.type != "list_item_open" or not item.map:
        return False
    if "checked" not in (item.meta or {}) or item.map[0] != start:
        return False
    return any(rule(state, start, end, silent) for rule in (reference, lheading, paragraph))


def _cmark_space(char: str) -> bool:
    return char in "\t\n\f\r " or unicodedata.category(char) == "Zs"


def _cmark_punctuation(char: str) -> bool:
    """Punctuation as cmark-gfm reads it (CommonMark 0.29): ASCII's and Unicode's P
    categories, not symbols (€, →, ✅), which markdown-it (CommonMark 0.31) adds."""
    return char in string.punctuation or unicodedata.category(char).startswith("P")


def _flanking(state: StateInline, start: int, end: int, skip: str) -> tuple[bool, bool]:
    """(can open, can close) of the delimiter run `src[start:end]`, as cmark-gfm's
    scan_delims decides: the characters around it are read past any in `skip`."""
    src, before, after = state.src, start - 1, end
    while before > 0 and src[before] in skip:
        before -= 1
    while after < state.posMax and src[after] in skip:
        after += 1
    last = src[before] if before >= 0 and src[before] not in skip else "\n"
    next_ = src[after] if after < state.posMax and src[after] not in skip else "\n"
    punct_last, punct_next = _cmark_punctuation(last), _cmark_punctuation(next_)
    left = not _cmark_space(next_) and (not punct_next or _cmark_space(last) or punct_last)
    right = not _cmark_space(last) and (not punct_last or _cmark_space(next_) or punct_next)
    if src[start] == "_":
        return left and (not right or punct_last), right and (not left or punct_next)
    return left, right


def _emphasis(state: StateInline, silent: bool) -> bool:
    """markdown-it's emphasis rule, each run opening and closing where GitHub's renderer
    decides: cmark-gfm reads past a `~` beside it (the strikethrough extension's character),
    so `**Nota:**~~no~~` stays text, as on GitHub."""
    start, marker = state.pos, state.src[state.pos]
    if silent or marker not in "*_":
        return False
    end = start
    while end < state.posMax and state.src[end] == marker:
        end += 1
    can_open, can_close = _flanking(state, start, end, skip="~")
    for _ in range(end - start):
        token = state.push("text", "", 0)
        token.content = marker
        state.delimiters.append(
            Delimiter(ord(marker), end - start, len(state.tokens) - 1, -1, can_open, can_close)
        )
    state.pos = end
    return True


def _strikethrough(state: StateInline, silent: bool) -> bool:
    """markdown-it's strikethrough rule, each run opening and closing where GitHub's
    renderer decides (a symbol beside it is not punctuation)."""
    start, known = state.pos, len(state.delimiters)
    if state.src[start] != "~" or not strikethrough.tokenize(state, silent):
        return False
    can_open, can_close = _flanking(state, start, state.pos, skip="")
    for delimiter in state.delimiters[known:]:
        delimiter.open, delimiter.close = can_open, can_close
    return True


def _spanish_alert_titles(state: Any) -> None:
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type == "alert_open" and i + 2 < len(tokens):
            tokens[i + 2].content = ALERT_TITLES.get(token.meta.get("kind", ""), "Nota")


# Links -------------------------------------------------------------------------------

LinkRewriter = Callable[[str, bool], str]  # (href as parsed, is_image) -> href on the page


def _link_open(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
    token = tokens[idx]
    rewrite: LinkRewriter | None = env.get("rewrite_link") if env else None
    href = str(token.attrs.get("href", ""))
    if rewrite is not None and token.info != "auto":
        token = token.copy(attrs={**token.attrs, "href": rewrite(href, False)})
    return str(self.renderToken([token], 0, options, env))


def _image(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
    token = tokens[idx]
    rewrite: LinkRewriter | None = env.get("rewrite_link") if env else None
    if rewrite is not None:
        token = token.copy(attrs={**token.attrs, "src": rewrite(str(token.attrs["src"]), True)})
    alt = self.renderInlineAsText(token.children or [], options, env)
    token = token.copy(attrs={**token.attrs, "alt": alt})
    return str(self.renderToken([token], 0, options, env))


# Headings ------------------------------------------------------------------------------

_NOT_WORD = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"[-\s]+")
_NUMBERED = re.compile(r"^(.*)_([0-9]+)$")


def slugify(text: str) -> str:
    """A heading's id, as the site has always made them (Python-Markdown's toc): accents
    and other marks dropped, lower case, words joined by «-»."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SPACES.sub("-", _NOT_WORD.sub("", ascii_text).strip().lower())


class UniqueIds:
    """Ids made unique across a page as toc made them: `wanted`, else `wanted_1`,
    `wanted_2`… (remembering the last number of each, so 5,000 equal headings stay quick).

    An id the page's theme uses (`__config`, `__nav_2`: engines/themeids.py) is taken on every
    page: such a heading gets «-1», «-2»…, which no theme id ends with."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.taken = set(taken)
        self.last: dict[str, int] = {}

    def add(self, wanted: str) -> str:
        if wanted and wanted not in self.taken and not theme_id(wanted):
            self.taken.add(wanted)
            return wanted
        numbered = _NUMBERED.match(wanted)
        stem, number = (numbered.group(1), int(numbered.group(2))) if numbered else (wanted, 0)
        joiner = "_"
        if theme_id(wanted) or theme_id(f"{stem}_{number + 1}"):
            stem, number, joiner = wanted, 0, "-"
        number = max(number, self.last.get(stem + joiner, 0))
        candidate = wanted
        while candidate in self.taken or not candidate or theme_id(candidate):
            number += 1
            candidate = f"{stem}{joiner}{number}"
        self.last[stem + joiner] = number
        self.taken.add(candidate)
        return candidate


def theme_id(wanted: str) -> bool:
    """Whether a page's theme gives that id to an element of its own."""
    return wanted in reserved_ids()


def plain_text(children: Iterable[Token]) -> str:
    """The text of inline tokens, without their markup (a heading's name)."""
    parts = []
    for token in children:
        if token.type in ("text", "code_inline", "html_inline"):
            parts.append(token.content if token.type != "html_inline" else "")
        elif token.type == "image":
            parts.append(plain_text(token.children or []))
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    text: str  # plain text: the table of contents' name
    source: str  # as written, without its «#»s: what section rules compare
    line: int  # index of its first line in the body
    top: bool  # a section of the page, not a heading inside a list or a quote


def assign_heading_ids(tokens: Sequence[Token], ids: UniqueIds) -> list[Heading]:
    """Give every heading its id (unique among `ids`, which grows); the headings found."""
    headings = []
    for i, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[i + 1]
        text = plain_text(inline.children or [])
        given = ids.add(slugify(text))
        token.attrSet("id", given)
        line = token.map[0] if token.map else 0
        headings.append(
            Heading(int(token.tag[1]), given, text, inline.content, line, token.level == 0)
        )
    return headings


# The parse of a body -------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class ParsedBody:
    """One body, parsed once: its tokens (to render), headings and links (to check)."""

    tokens: list[Token]
    headings: tuple[Heading, ...]
    links: tuple[Link, ...]
    too_deep: tuple[int, ...] = ()  # lines (in the body) of text dropped for its depth

    @property
    def ids(self) -> list[str]:
        return [heading.id for heading in self.headings]


def parse_body(body: str, taken_ids: Iterable[str] = ()) -> ParsedBody:
    """`taken_ids`: the ids the page has before the body (its title's)."""
    env: dict[str, Any] = {}
    tokens = body_parser().parse(body, env)
    headings = assign_heading_ids(tokens, UniqueIds(taken_ids))
    links = find_links(tokens, body_lines(body), env)
    return ParsedBody(tokens, tuple(headings), tuple(links), tuple(env.get(TOO_DEEP, ())))
