"""Links to a section of the same page (`[abajo](#como-replicarla)`) must name a section the
page has: MkDocs checks the same when it builds, and stops the build with an English line.

A page's sections are the ids Python-Markdown gives the body's headings (and any `{#id}` an
author writes), plus the headings the page's template adds around the body. Only the
headings are converted, and only of a body that links to a section, which few bodies do.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

import markdown

from generator.content.messages import closest
from generator.content.models import PracticeMeta
from generator.content.problems import Problem
from generator.content.repository import Entry
from generator.content.safety import lines_outside_code

# The headings templates/practica.md.j2 adds to a practice's page, in order, each with the
# fields that make it show (none: always). tests/test_anchors.py holds this to the template.
PRACTICE_TEMPLATE_HEADINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Qué se necesita", ("equipo", "tiempo", "costo", "materiales", "dificultad")),
    ("Indicadores medidos", ("resultados",)),
    ("Adoptada por", ()),
    ("Prácticas relacionadas", ()),
    ("Contacto", ()),
)
# The extensions of mkdocs.yml that give a heading its id.
_EXTENSIONS = ["toc", "attr_list", "md_in_html", "def_list", "tables", "admonition"]
_ATX = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_LONGEST_HEADING = 1_000  # a longer line is no heading anybody links to; it is not converted
_LISTED = 15  # sections named in a message
_ID = re.compile(r"""\sid="([^"]*)\"""")

Link = tuple[int, int, str, bool]  # as generator.content.body.links finds them


def practice_titles(practice: Entry[PracticeMeta]) -> list[str]:
    """The headings a practice's page has besides its body's: its title (marked when it is an
    example) and those its template shows for it."""
    title, example = practice.value("titulo"), practice.value("estado") == "ejemplo"
    shown = [f"{title} (ejemplo)" if example else str(title)] if title else []
    return shown + [
        heading
        for heading, fields in PRACTICE_TEMPLATE_HEADINGS
        if not fields or any(practice.value(f) for f in fields)
    ]


def section_ids(body: str, titles: Sequence[str] = ()) -> list[str]:
    """The ids of the sections a page has, in its order: the first of `titles` (the page's
    title), its body's headings, then the rest of `titles` (those its template adds after)."""
    first, after = (titles[0], titles[1:]) if titles else ("", ())
    parts = [f"# {first}" if first else "", *_headings(body), *(f"## {h}" for h in after)]
    converted = markdown.markdown("\n\n".join(parts), extensions=_EXTENSIONS)
    return list(dict.fromkeys(html.unescape(found) for found in _ID.findall(converted)))


def _headings(body: str) -> list[str]:
    """The body's headings outside code, as Markdown: `## Título` and underlined ones. Only
    they give ids, and converting them alone keeps the time bounded on any body."""
    lines = body.splitlines()
    found = []
    for index, _ in lines_outside_code(body):
        text = lines[index]  # with its code spans, which the id keeps
        if len(text) > _LONGEST_HEADING:
            continue
        if _ATX.match(text):
            found.append(text)
        elif _UNDERLINE.match(text) and index and lines[index - 1].strip():
            found.append(lines[index - 1] + "\n" + text)
    return found


def check_anchors(
    found: list[Link], body: str, first_line: int, file: str, titles: Sequence[str]
) -> list[Problem]:
    """Every link to a section of the same page (`#…`) names one the page has."""
    to_sections = [link for link in found if link[2].startswith("#") and len(link[2]) > 1]
    if not to_sections:
        return []
    ids = section_ids(body, titles)
    problems = []
    for index, column, target, _ in to_sections:
        if target[1:] in ids:
            continue
        listed = ", ".join(f"«#{i}»" for i in ids[:_LISTED]) + (", …" if len(ids) > _LISTED else "")
        near = closest(target[1:], ids)
        problems.append(
            Problem(
                file,
                first_line + index,
                column,
                "seccion-inexistente",
                f"El enlace apunta a «{target}», pero esta página no tiene esa sección."
                + (f" ¿Quisiste decir «#{near}»?" if near else "")
                + f" Sus secciones son: {listed}.",
            )
        )
    return problems
