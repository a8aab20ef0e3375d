"""A body's tokens made HTML (the author's body and the templates' Markdown, both parsed by
`content.markdown`), cut at each top-level heading: engines put those headings in the page's
table of contents (`docspage.py`). The parsers' own render rules (where a link goes, an
image's alt text) stay with the parsers in content/markdown.py: markdown-it keeps its renderer
on the parser object."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.content.markdown import Heading, LinkRewriter, body_parser, parse_body, plain_text


@dataclass(frozen=True)
class Segment:
    """A piece of a page: HTML, or one of the page's sections' headings (its inner HTML),
    which engines put in the page's table of contents."""

    html: str
    heading: Heading | None = None


def render_segments(
    md: MarkdownIt, tokens: Sequence[Token], rewrite_link: LinkRewriter | None = None
) -> list[Segment]:
    """The tokens' HTML, cut at each top-level heading."""
    env = {"rewrite_link": rewrite_link}
    segments: list[Segment] = []
    start = 0
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open" and token.level == 0:
            if i > start:
                segments.append(Segment(md.renderer.render(tokens[start:i], md.options, env)))
            inline = tokens[i + 1]
            renderer: Any = md.renderer  # markdown-it's RendererHTML
            inner = renderer.renderInline(inline.children or [], md.options, env)
            text = plain_text(inline.children or [])
            line = token.map[0] if token.map else 0
            given = str(token.attrGet("id") or "")
            heading = Heading(int(token.tag[1]), given, text, inline.content, line, True)
            segments.append(Segment(inner, heading))
            i += 3
            start = i
            continue
        i += 1
    if start < len(tokens):
        segments.append(Segment(md.renderer.render(tokens[start:], md.options, env)))
    return segments


def render_html(body: str) -> str:
    """A body's HTML as the site shows it, links untouched (for tests and previews)."""
    parsed = parse_body(body)
    return segments_html(render_segments(body_parser(), parsed.tokens))


def segments_html(segments: Iterable[Segment]) -> str:
    return "".join(
        f'<h{s.heading.level} id="{s.heading.id}">{s.html}</h{s.heading.level}>\n'
        if s.heading
        else s.html
        for s in segments
    )
