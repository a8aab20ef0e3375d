"""A practice still holding what `new practica` wrote, or an empty section: not ready to publish.

The guidance lines live here, beside the check that finds them: `new practica`, the CMS and
the issue form write them; `check` refuses them in a practice that is not a draft.
"""

from __future__ import annotations

from generator.content.body import section_headings
from generator.content.models import REQUIRED_SECTIONS, PracticeMeta
from generator.content.problems import Problem
from generator.content.repository import MarkdownEntry

# One line under each required heading, telling the author what goes there.
SECTION_GUIDANCE: dict[str, str] = {
    "Contexto": "Describe la situación antes de la práctica: qué problema tenían las pymes del "
    "territorio y a quiénes afectaba.",
    "Qué hicimos": "Cuenta paso a paso lo que hizo el equipo del centro: actividades, plazos y "
    "quiénes participaron.",
    "Resultados": "Escribe solo resultados que alguien midió, diciendo quién y dónde consta; si "
    "todavía no hay mediciones, escribe «Sin resultados medidos todavía».",
    "Cómo replicarla": "Explica qué necesita otro centro para repetirla y qué tendría que adaptar "
    "a su territorio.",
}
assert tuple(SECTION_GUIDANCE) == REQUIRED_SECTIONS

SUMMARY_PLACEHOLDER = "Completa aquí, en una o dos frases, qué hizo el centro y para quién."

_NOT_YET = "o deja «estado: borrador» mientras tanto"


def check_unfinished(practice: MarkdownEntry[PracticeMeta]) -> list[Problem]:
    """An error for each unfinished part of a practice that is published (or an example); one
    warning that lists them for a draft."""
    if not practice.readable("estado"):
        return []
    left = _unfinished_parts(practice)
    if not left:
        return []
    if practice.data.estado == "borrador":
        pos = practice.at("estado")
        parts = [f"{name} (línea {line})" for line, _, name, _ in left]
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " y " + parts[-1]
        return [
            Problem(
                practice.file,
                pos.line,
                pos.column,
                "borrador-incompleto",
                f"Antes de publicar este borrador, completa: {listed}.",
                "warning",
            )
        ]
    return [
        Problem(practice.file, line, column, code, message)
        for line, column, _, (code, message) in left
    ]


def _unfinished_parts(
    practice: MarkdownEntry[PracticeMeta],
) -> list[tuple[int, int, str, tuple[str, str]]]:
    """(line, column, name, (code, message)) of each part still to write."""
    left = []
    if practice.readable("resumen") and practice.data.resumen == SUMMARY_PLACEHOLDER:
        pos = practice.at("resumen")
        left.append(
            (
                pos.line,
                pos.column,
                "el resumen",
                (
                    "texto-de-ayuda",
                    "«resumen» todavía tiene el texto de ayuda: escribe en una o dos frases qué "
                    f"hizo el centro y para quién, {_NOT_YET}.",
                ),
            )
        )
    headings = section_headings(practice.parsed) if practice.parsed else []
    lines = practice.body.splitlines()
    for number, (index, title) in enumerate(headings):
        if title not in SECTION_GUIDANCE:
            continue
        end = headings[number + 1][0] if number + 1 < len(headings) else len(lines)
        text = "\n".join(lines[index + 1 : end]).strip()
        name = f"«## {title}»"
        if not text:
            problem = (
                "seccion-vacia",
                f"La sección {name} está vacía: escribe su texto antes de publicar, {_NOT_YET}.",
            )
        elif SECTION_GUIDANCE[title] in text:
            problem = (
                "texto-de-ayuda",
                f"La sección {name} todavía tiene el texto de ayuda de «new practica»: "
                f"reemplázalo por lo que hizo tu centro, {_NOT_YET}.",
            )
        else:
            continue
        left.append((practice.body_first_line + index, 1, name, problem))
    return left
