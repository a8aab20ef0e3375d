"""A rendered template becomes a finished docs page: its Markdown converted to HTML by the
generator, the author's body (parsed once, `content.markdown`) put in its place with its
links turned into the site's addresses, every heading given its id, every table made to
stack on a phone, and all of it sanitized. Nothing is left for an engine to convert."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from generator.content.markdown import (
    LinkRewriter,
    ParsedBody,
    UniqueIds,
    body_parser,
    page_parser,
    plain_text,
    slugify,
)
from generator.site import docspage
from generator.site.htmlrender import Segment, render_segments
from generator.site.sanitize import sanitize_html
from generator.site.tables import stackable_tables
from generator.site.text import meta_string

_TITLE = re.compile(r"^title:", re.M)
# Where a template puts the author's body (`{{ body_here }}`): an HTML comment, so the
# template's Markdown around it is converted as if the body were not there.
BODY_PLACEHOLDER = "<!-- rc:cuerpo -->"


@dataclass(frozen=True)
class Body:
    """An author's body for one page: its parse, and where its links go from that page."""

    parsed: ParsedBody
    rewrite_link: LinkRewriter


def finish_page(text: str, body: Body | None = None, *, home: bool = False) -> bytes:
    """The docs page of a template's output `text` (front matter, then Markdown); `home`:
    the home page, which the theme titles with the site's name."""
    front, markdown = _split_front_matter(text)
    tokens = page_parser().parse(markdown)
    _assign_ids(tokens, body.parsed.ids if body else ())
    segments = render_segments(page_parser(), tokens)
    if body is not None:
        segments = _with_body(segments, body)
    front = front if home else _titled(front, segments)
    return docspage.write(front, [_clean(s) for s in segments]).encode("utf-8")


def _titled(front: str, segments: list[Segment]) -> str:
    """The front matter with the page's title: its own, else its first heading's (engines
    take it from there, not from the page's HTML)."""
    if _TITLE.search(front):
        return front
    first = next((s.heading for s in segments if s.heading and s.heading.level == 1), None)
    return front + f"title: {meta_string(first.text)}\n" if first else front


def _split_front_matter(text: str) -> tuple[str, str]:
    stripped = text.lstrip("\n")
    if stripped.startswith("---\n") and "\n---\n" in stripped[3:]:
        front, rest = stripped[4:].split("\n---\n", 1)
        return front + "\n", rest
    return "", text


def _assign_ids(tokens: Sequence[Token], body_ids: Sequence[str]) -> None:
    """Ids unique across the page, in its order: the body's (given when it was parsed)
    count from where it is placed."""
    ids = UniqueIds()
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            token.attrSet("id", ids.add(slugify(plain_text(tokens[i + 1].children or []))))
        elif token.type == "html_block" and BODY_PLACEHOLDER in token.content:
            ids.taken.update(body_ids)


def _with_body(segments: list[Segment], body: Body) -> list[Segment]:
    inserted = render_segments(body_parser(), body.parsed.tokens, body.rewrite_link)
    out: list[Segment] = []
    for segment in segments:
        if segment.heading is None and BODY_PLACEHOLDER in segment.html:
            before, after = segment.html.split(BODY_PLACEHOLDER, 1)
            out += [Segment(before), *inserted, Segment(after)]
        else:
            out.append(segment)
    return out


def _clean(segment: Segment) -> Segment:
    html = sanitize_html(segment.html)
    if segment.heading is None:
        html = stackable_tables(html)
    return Segment(html, segment.heading)
