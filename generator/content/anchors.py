"""The sections of a page (the ids a link's `#…` may name), the same ids the page is built with.

A page's sections are, in its order: its title, its body's headings (from the one parse of the
body, `markdown.parse_body`), and the headings its template adds after the body. Each id is
made unique across the page the way the page makes it (`markdown.unique`), so a body heading
«Contacto» and the template's «Contacto» get `contacto` and `contacto_1` in both.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.content.markdown import ParsedBody, UniqueIds, parse_body, slugify
from generator.content.models import PracticeMeta
from generator.content.repository import Entry

# The headings templates/practica.md.j2 adds to a practice's page after its body, in order,
# each with the fields that make it show (none: always). tests/test_anchors.py holds this to
# the template.
PRACTICE_TEMPLATE_HEADINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Qué se necesita", ("equipo", "tiempo", "costo", "materiales", "dificultad")),
    ("Indicadores medidos", ("resultados",)),
    ("Adoptada por", ()),
    ("Prácticas parecidas", ()),
    ("Contacto", ()),
)
LISTED = 15  # sections named in a message


def practice_title(practice: Entry[PracticeMeta]) -> str:
    """The practice's title as its page shows it (an example says so)."""
    title = practice.value("titulo")
    example = practice.value("estado") == "ejemplo"
    return f"{title} (ejemplo)" if title and example else str(title or "")


def practice_trailing(practice: Entry[PracticeMeta]) -> list[str]:
    """The headings its template shows after the body, for this practice's fields."""
    return [
        heading
        for heading, fields in PRACTICE_TEMPLATE_HEADINGS
        if not fields or any(practice.value(f) for f in fields)
    ]


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
