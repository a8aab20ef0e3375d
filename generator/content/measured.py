"""A practice whose text says nothing was measured while its front matter lists measured
results: one of the two is wrong, and the page would show both."""

from __future__ import annotations

import re

from generator.content.models import PracticeMeta
from generator.content.problems import Problem
from generator.content.repository import MarkdownEntry
from generator.content.safety import lines_outside_code
from generator.text import fold_accents, plural

# «Sin resultados medidos (todavía)», «(aún|todavía) no hay resultados medidos», «no se (han|ha)
# medido (los) resultados»; on text without accents nor capitals.
_NO_RESULTS = re.compile(
    r"\bsin\s+resultados\s+medidos\b"
    r"|\b(?:(?:aun|todavia)\s+)?no\s+hay\s+resultados\s+medidos\b"
    r"|\b(?:(?:aun|todavia)\s+)?no\s+se\s+(?:han|ha)\s+medido\s+(?:los\s+)?resultados\b"
)

_MEASURED_WORD = re.compile("medid", re.IGNORECASE)


def _folded(line: str) -> tuple[str, list[int]]:
    """`line` without accents nor capitals, and the column in `line` of each of its characters."""
    parts, columns = [], []
    for column, char in enumerate(line):
        folded = fold_accents(char).casefold()
        parts.append(folded)
        columns += [column] * len(folded)
    return "".join(parts), columns


def check_no_results_claim(practice: MarkdownEntry[PracticeMeta]) -> list[Problem]:
    """A warning at each line of the text (outside code) that says no result was measured,
    when `resultados` lists some."""
    if not _MEASURED_WORD.search(practice.body):  # nearly every body: a quick look
        return []
    measured = practice.value("resultados") or []
    if not measured:
        return []
    where = practice.at("resultados", key=True)
    problems = []
    for index, line in lines_outside_code(practice.body):
        folded, columns = _folded(line)
        match = _NO_RESULTS.search(folded)
        if match is None:
            continue
        said = line[columns[match.start()] : columns[match.end() - 1] + 1]
        count = plural(len(measured), "resultado medido", "resultados medidos")
        problems.append(
            Problem(
                practice.file,
                practice.body_first_line + index,
                columns[match.start()] + 1,
                "resultados-contradictorios",
                f"El texto dice «{said}», pero «resultados» (línea {where.line}) lista {count}: "
                "si ya se midió algo, cuenta aquí qué se midió; si no, borra «resultados» del "
                "encabezado.",
                "warning",
            )
        )
    return problems
