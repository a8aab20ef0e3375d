"""Two practices with one title, written with other capitals, accents, spaces or punctuation
(«Mesa de coordinación…» and «mesa de coordinacion…»): a reader cannot tell them apart in a
list, and the second is often the first proposed again. A warning on each, naming the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.content.models import PracticeMeta
from generator.content.problems import Problem
from generator.content.repository import MarkdownEntry
from generator.text import plural, slugify

CODE = "titulo-repetido"


@dataclass(frozen=True)
class Titled:
    """A practice's title and where its file says it."""

    practice_id: str
    file: str
    line: int
    column: int
    title: str

    @property
    def key(self) -> str:
        """The title without what a reader does not tell apart: capitals, accents, spaces,
        punctuation (the same folding that makes a file name from it)."""
        return slugify(self.title)


def titled(practice: MarkdownEntry[PracticeMeta]) -> Titled | None:
    title = practice.value("titulo")
    if not isinstance(title, str):
        return None
    where = practice.at("titulo")
    return Titled(practice.id, practice.file, where.line, where.column, title)


def repeated_titles(titles: Iterable[Titled], file: str | None = None) -> list[Problem]:
    """A warning at each title that another practice also has (only at `file`'s, if given)."""
    groups: dict[str, list[Titled]] = {}
    for one in titles:
        if one.key:  # a title of no letter nor digit has its own problem
            groups.setdefault(one.key, []).append(one)
    problems = []
    for group in groups.values():
        for one in group:
            others = [other for other in group if other is not one]
            if others and file in (None, one.file):
                problems.append(
                    Problem(one.file, one.line, one.column, CODE, _message(others), "warning")
                )
    return problems


NAMED = 3  # the other practices a warning names; more are counted


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
