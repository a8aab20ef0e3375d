"""The docs page: what the generator hands to a site engine for each page, finished.

A page's content is all HTML the generator made (`finish.py`); an engine only puts the theme
around it. Engines read Markdown with Python-Markdown, so the page is written as:

- its front matter (title, description…), as YAML between `---` lines;
- the headings of the page's sections as Markdown headings with their id (`## Título {#id}`):
  engines build the page's table of contents from those;
- everything else as blocks of HTML between `<!-- rc:html -->` and `<!-- /rc:html -->`.

Python-Markdown passes HTML blocks through as they are; the `passthrough` extension
(`generator/engines/passthrough.py`, listed in mkdocs.yml) hands each block and each heading
over whole, without reading them tag by tag, and gives the table of contents from the
headings (both engines read it from mkdocs.yml). `article_html` reads the same page back as
the HTML the engine puts in the page's article (search indexes that, and the engines' parity
test compares it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.content.markdown import Heading
from generator.engines.pageformat import CLOSE, HEADING_LINE, OPEN
from generator.site.htmlrender import Segment

# Characters Python-Markdown reads as markup in a heading line; written as character
# references they show as themselves.
_MARKUP = re.compile(r"[\\`*_\[\]{}!#<>|~]")
_TAG = re.compile(r"(<[^>]*>)")


def _literal(text: str) -> str:
    return _MARKUP.sub(lambda m: f"&#{ord(m.group(0))};", text)


def heading_line(heading: Heading, inner_html: str) -> str:
    """`## Qué hicimos {#que-hicimos}`, the heading's HTML kept (tags as inline HTML)."""
    parts = _TAG.split(inner_html.replace("\n", " "))
    text = "".join(part if part.startswith("<") else _literal(part) for part in parts)
    return f"{'#' * heading.level} {text.strip()} {{#{heading.id}}}"


def write(front_matter: str, segments: Iterable[Segment]) -> str:
    """The docs page of `segments` (already clean HTML)."""
    out = [f"---\n{front_matter}---\n"] if front_matter else []
    for segment in segments:
        if segment.heading is not None:
            out.append(heading_line(segment.heading, segment.html) + "\n")
        elif segment.html.strip():
            out.append(f"{OPEN}\n{segment.html.strip(chr(10))}\n{CLOSE}\n")
    return "\n".join(out)


def article_html(page: str) -> str:
    """The HTML of a docs page's content, as an engine renders it."""
    body = page.split("\n---\n", 1)[1] if page.startswith("---\n") else page
    out = []
    inside = False
    for line in body.split("\n"):
        if line == OPEN:
            inside = True
        elif line == CLOSE:
            inside = False
        elif inside:
            out.append(line + "\n")
        elif match := HEADING_LINE.match(line):
            level = len(match.group(1))
            out.append(f'<h{level} id="{match.group(3)}">{match.group(2)}</h{level}>\n')
    return "".join(out)


def front_matter(page: str) -> str:
    """The YAML front matter of a docs page, without its `---` lines ("" when none)."""
    if not page.startswith("---\n"):
        return ""
    return page[4:].split("\n---\n", 1)[0] + "\n"
