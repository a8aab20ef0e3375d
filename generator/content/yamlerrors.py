"""YAML syntax errors in Spanish, at the line the author has to change."""

from __future__ import annotations

import re

import yaml

from generator.content.problems import Problem

DEPTH_MESSAGE = (
    "El YAML tiene demasiados niveles de sangría: usa como máximo los niveles que muestran los "
    "archivos de ejemplo."
)
# libyaml stops at 1,000 levels with this problem, before the parser's own limit (yamlsource).
_TOO_DEEP = "exceeded maximum nesting depth"

_TAB_HINT = (
    "Hay un tabulador (la tecla Tab): YAML no los acepta para sangrar. Reemplázalo por "
    "espacios, dos por nivel."
)

# libyaml's problem -> (what to write in Spanish, whether the place to fix is where the
# construct opened, libyaml's "context", rather than where libyaml noticed the problem).
_SYNTAX_HINTS = (
    (
        "mapping values are not allowed",
        "Aquí no se esperaba «:». Si el texto contiene dos puntos, escríbelo entre comillas, "
        'por ejemplo: resumen: "Etapa 1: diagnóstico". Si es una clave, alinéala con las claves '
        "de su mismo nivel.",
        False,
    ),
    (
        "could not find expected ':'",
        "A esta línea le falta «:» después de la clave (por ejemplo «titulo: Mi práctica»), o "
        "es la continuación de un texto que debe ir sangrado con espacios bajo su clave.",
        True,
    ),
    (
        "found a tab character",
        _TAB_HINT,
        False,
    ),
    (
        "cannot start any token",
        "Hay un carácter que no puede empezar un valor (a menudo «@», «`» o «%»): pon el texto "
        "entre comillas.",
        False,
    ),
    (
        "did not find expected key",
        "La sangría no es consistente: las claves de un mismo nivel deben empezar en la misma "
        "columna, usando espacios (no tabuladores).",
        False,
    ),
    (
        "did not find expected '-' indicator",
        "La sangría de la lista no es consistente: cada elemento empieza con «- » en la misma "
        "columna.",
        False,
    ),
    (
        "expected <block end>",
        "La sangría no es consistente: revisa que esta línea esté alineada con las claves de su "
        "mismo nivel.",
        False,
    ),
    (
        "while scanning a quoted scalar",
        "Las comillas que se abren aquí no se cierran: agrega la comilla de cierre al final del "
        'texto, en la misma línea, por ejemplo: titulo: "Mi práctica".',
        True,
    ),
    (
        "did not find expected ',' or ']'",
        "El corchete «[» que se abre aquí no se cierra: termina la lista con «]» en la misma "
        "línea, por ejemplo: areas: [digitalizacion, innovacion].",
        True,
    ),
    (
        "did not find expected ',' or '}'",
        "La llave «{» que se abre aquí no se cierra: termina el bloque con «}» en la misma "
        "línea, por ejemplo: {centro: talca, fecha: 2021-05-10}.",
        True,
    ),
    (
        "found unexpected end of stream",
        "Unas comillas o corchetes se abren y no se cierran: ciérralos en la misma línea, por "
        'ejemplo: titulo: "Mi práctica" o areas: [digitalizacion].',
        True,
    ),
    (
        "found unknown escape character",
        "Entre comillas dobles, «\\» empieza un código especial (como \\n): escribe «\\\\» "
        "para una barra invertida, o usa comillas simples.",
        False,
    ),
    (
        "found invalid Unicode character escape code",
        "Este código «\\u…» o «\\U…» no escribe ningún carácter: es un sustituto suelto "
        "(U+D800 a U+DFFF, media letra de UTF-16) o pasa de U+10FFFF. Escribe la letra misma, "
        "o bórralo.",
        False,
    ),
    (
        "found undefined alias",
        "No se permiten alias de YAML (*): escribe el valor completo.",
        False,
    ),
    (
        "found undefined tag handle",
        "Hay una etiqueta YAML desconocida (empieza con «!»): quítala o pon el texto entre "
        "comillas.",
        False,
    ),
    (
        "special characters are not allowed",
        "El archivo contiene caracteres invisibles no permitidos (a veces vienen al copiar desde "
        "Word o un PDF): vuelve a escribir esta línea a mano.",
        False,
    ),
)


# «clave:valor»: a key whose colon has no space after it (not an address's «https://»).
_NO_SPACE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?=[^\s/])(.*)$")
# Where libyaml stops when a line holds «clave:valor» (read as text, not as a key).
_KEY_PROBLEMS = ("mapping values are not allowed", "could not find expected ':'")


def syntax_problem(error: yaml.MarkedYAMLError, text: str, file: str, offset: int) -> Problem:
    """libyaml's error as a Spanish problem at the line the author has to change."""
    problem, context = error.problem or "", error.context or ""
    mark = error.problem_mark or error.context_mark
    if _TOO_DEEP in problem:
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return Problem(file, line + offset, column, "yaml-profundidad", DEPTH_MESSAGE)
    hint = "Revisa las comillas, los «:» y la sangría (con espacios) de esta línea."
    if mark is not None and _char_at(text, mark) == "\t":
        hint = _TAB_HINT
    else:
        for needle, message, at_opening in _SYNTAX_HINTS:
            if needle in problem or needle in context:
                hint = message
                if at_opening and error.context_mark is not None:
                    mark = error.context_mark
                break
    line = mark.line if mark else 0
    column = mark.column + 1 if mark else 1
    lines = text.splitlines()
    if mark is not None and "did not find expected key" in problem:
        hint = _after_closing(lines[mark.line][: mark.column]) or hint
    if any(needle in problem for needle in _KEY_PROBLEMS):
        found = _missing_space(lines, line)
        if found is not None:
            line, column, hint = found
    return Problem(
        file, line + 1 + offset, column, "yaml-sintaxis", f"Error de sintaxis YAML. {hint}"
    )


def _after_closing(before: str) -> str | None:
    """Text left after a closed quote or bracket, on its line (libyaml: "expected key")."""
    last = before.rstrip()[-1:]
    if last in ("'", '"'):
        return (
            f"Después de la comilla de cierre «{last}» sigue más texto: pon todo el texto dentro "
            "de las comillas, o borra lo que sobra."
        )
    if last in ("]", "}"):
        return f"Sobra lo que sigue a «{last}», que ya cerró el valor: bórralo o corrígelo."
    return None


def _missing_space(lines: list[str], at: int) -> tuple[int, int, str] | None:
    """(line, column, hint) of a «clave:valor» at line `at` or in the text that runs into it
    from the lines above (YAML reads those lines as one text, then stops at a later «:»)."""
    index = at
    while 0 <= index < len(lines) and lines[index].strip():
        match = _NO_SPACE.match(lines[index])
        if match:
            indent, key, value = match.groups()
            return (
                index,
                len(indent) + len(key) + 1,
                f"Falta un espacio después de «:»: escribe «{key}: {value.strip()}».",
            )
        if index < at and ": " in lines[index]:
            break  # a key of its own: the text above it is not part of this one
        index -= 1
    return None


def _char_at(text: str, mark: yaml.Mark) -> str:
    lines = text.splitlines()
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""
