"""Two practices with one title, written with other capitals, accents, spaces or punctuation
(«Mesa de coordinación…» and «mesa de coordinacion…»): a reader cannot tell them apart in a
list, and the second is often the first proposed again. A warning on each, naming the others.

Each practice gives its title as it is loaded; where a title stands in its file is worked out
only for the titles that have a twin (a position costs the whole header's, 1.5 ms a file).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator.content.frontmatter import split_front_matter
from generator.content.models import PracticeMeta
from generator.content.problems import Problem
from generator.content.repository import MarkdownEntry
from generator.content.yamlrecover import parse_recovering
from generator.content.yamlsource import Position
from generator.text import plural, slugify

CODE = "titulo-repetido"
NAMED = 3  # the other practices a warning names; more are counted
TextOf = Callable[[str], str | None]  # a practice's file -> its text (None: unreadable)


@dataclass(frozen=True)
class Titled:
    """A practice's title, and the file that gives it."""

    file: str
    title: str
    key: str  # the title without what a reader does not tell apart, as a file name folds it


def titled(practice: MarkdownEntry[PracticeMeta]) -> Titled | None:
    title = practice.value("titulo")
    key = slugify(title) if isinstance(title, str) else ""
    return Titled(practice.file, title, key) if key else None  # no letter nor digit: told so


def repeated_titles(titles: Iterable[Titled], text_of: TextOf, file: str = "") -> list[Problem]:
    """A warning at each title that another practice also has (only at `file`'s, if given)."""
    groups: dict[str, list[Titled]] = {}
    for one in titles:
        groups.setdefault(one.key, []).append(one)
    problems = []
    for group in groups.values():
        for one in group:
            others = [other for other in group if other is not one]
            if others and file in ("", one.file):
                where = title_position(one.file, text_of(one.file))
                message = _message(others)
                problems.append(
                    Problem(one.file, where.line, where.column, CODE, message, "warning")
                )
    return problems


def title_position(file: str, text: str | None) -> Position:
    """Where the title of the practice `text` stands in it (its header's start, or the first
    line, when the header cannot say)."""
    split = split_front_matter(text, file)[0] if text is not None else None
    if split is None:
        return Position(1, 1)
    fields = PracticeMeta.model_fields
    doc = parse_recovering(split.yaml_text, file, fields, line_offset=split.yaml_line_offset)[0]
    if doc is None:
        return Position(split.yaml_line_offset + 1, 1)
    return doc.position(("titulo",))


def _message(others: list[Titled]) -> str:
    named = ", ".join(f"«{other.title}» ({other.file})" for other in others[:NAMED])
    if len(others) > NAMED:
        named += f" y {plural(len(others) - NAMED, 'otra', 'otras')}"
    which = "Otra práctica tiene" if len(others) == 1 else "Otras prácticas tienen"
    return (
        f"{which} este mismo título, escrito quizá con otras mayúsculas, tildes, espacios o "
        f"signos: {named}. Si es la misma práctica, completa esa ficha en vez de repetirla; si "
        "es otra, cambia el título para que se distingan."
    )
