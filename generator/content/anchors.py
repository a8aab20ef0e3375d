"""The sections of a page (the ids a link's `#…` may name), the same ids the page is built with.

A page's sections are, in its order: its title, its body's headings (from the one parse of the
body, `markdown.parse_body`), and the headings its template adds after the body. Each id is
made unique across the page the way the page makes it (`markdown.unique`), so a body heading
«Contacto» and the template's «Contacto» get `contacto` and `contacto_1` in both.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.content.markdown import ParsedBody, UniqueIds, parse_body, slugify
from generator.content.models import PracticeMeta
from generator.content.repository import Entry

# The headings the practice page's template adds after the body are declared once, in a data
# file beside the template (site/templates/practica-headings.toml): the template writes them
# from it (through its context, `practice_headings`), and `check` reads them from it here.
# Content may not import site/ (tests/test_architecture.py, FLOORS), and passing them down
# from the site would take every caller of `check`; a file both read is one place, not a copy.
TEMPLATE_HEADINGS = Path(__file__).parents[1] / "site" / "templates" / "practica-headings.toml"


@dataclass(frozen=True)
class TemplateHeading:
    key: str  # the template's name for it
    text: str
    when: tuple[str, ...]  # the fields that make it show (any with a value); none: always


@functools.cache
def practice_template_headings() -> tuple[TemplateHeading, ...]:
    """The headings the practice page's template adds after the body, in order."""
    declared = tomllib.loads(TEMPLATE_HEADINGS.read_text(encoding="utf-8"))["heading"]
    return tuple(TemplateHeading(h["key"], h["text"], tuple(h.get("when", ()))) for h in declared)


LISTED = 15  # sections named in a message


def practice_title(practice: Entry[PracticeMeta]) -> str:
    """The practice's title as its page shows it (an example says so)."""
    title = practice.value("titulo")
    example = practice.value("estado") == "ejemplo"
    return f"{title} (ejemplo)" if title and example else str(title or "")


def practice_headings(practice: Entry[PracticeMeta]) -> dict[str, str]:
    """The headings its template shows after the body, for this practice's fields, by key
    (in the page's order)."""
    return {
        heading.key: heading.text
        for heading in practice_template_headings()
        if not heading.when or any(practice.value(f) for f in heading.when)
    }


def practice_trailing(practice: Entry[PracticeMeta]) -> list[str]:
    """The headings its template shows after the body, for this practice's fields."""
    return list(practice_headings(practice).values())


def title_id(title: str) -> str:
    return UniqueIds().add(slugify(title))


def parse_page_body(title: str, body: str) -> ParsedBody:
    """A body, parsed with its page's title before it (the title's id is taken)."""
    return parse_body(body, [title_id(title)] if title else [])


def page_ids(title: str, parsed: ParsedBody, trailing: Sequence[str] = ()) -> list[str]:
    """Every id of the page, in order: title, body, then the template's `trailing`."""
    first = [title_id(title)] if title else []
    ids = UniqueIds([*first, *parsed.ids])
    return first + parsed.ids + [ids.add(slugify(heading)) for heading in trailing]


def listed(ids: Sequence[str]) -> str:
    """The sections of a page, for a message."""
    return ", ".join(f"«#{i}»" for i in ids[:LISTED]) + (", …" if len(ids) > LISTED else "")
