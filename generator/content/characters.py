"""Characters that are not text: no content file may hold one, anywhere.

A control character (C0 and C1, but the tab and the ends of lines), a noncharacter (U+FFFE,
U+FFFF, U+FDD0–U+FDEF and the last two of every plane), a lone surrogate (only a YAML escape
such as «\\uD800» makes one) or a line or paragraph separator (U+2028, U+2029) does not show,
and each breaks something the site publishes: XML (the feeds, the sitemap) refuses the
controls, YAML (the search index reads the pages' titles) refuses U+FFFE, a surrogate cannot
even be written to a file, and JavaScript (before 2019) ended a string at U+2028. They come
from copying out of other programs, or from an escape in a double-quoted YAML text.

`check` reports each at its line and column, naming it («U+000B, tabulación vertical»); the file
is read on with each replaced by U+FFFD, so every other problem is still reported at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.content.problems import Problem

CODE = "caracter-no-permitido"
# Raw in a file: the tab, the line feed and the carriage return (CR LF files) are text. Looked for
# with a class of the ones below U+10000 and one range above (whose characters are then tested
# one by one): the exact class with the 32 noncharacters of the other planes was 10 times slower.
_BMP = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\ufdd0-\ufdef\ufffe\uffff"
_IN_FILE = re.compile(f"[{_BMP}]|[\U0001fffe-\U0010ffff]")
REPLACEMENT = "\ufffd"

_NAMES = {
    0x00: "carácter nulo",
    0x07: "campana",
    0x08: "retroceso",
    0x0B: "tabulación vertical",
    0x0C: "salto de página",
    0x0D: "retorno de carro",
    0x1B: "escape",
    0x7F: "borrar",
    0x85: "siguiente línea",
    0x2028: "separador de línea",
    0x2029: "separador de párrafo",
}


def is_unusable(char: str) -> bool:
    """Whether a character of a value is not text (a value's CR is one: it came from «\\r»)."""
    return char == "\r" or (_IN_FILE.fullmatch(char) is not None and _not_text(char))


def _not_text(char: str) -> bool:
    """Of what _IN_FILE finds: above U+FFFF, only the last two points of each plane."""
    return ord(char) < 0x10000 or ord(char) & 0xFFFE == 0xFFFE


def name(char: str) -> str:
    """«U+000B, tabulación vertical»: the code point and what it is, in Spanish."""
    point = ord(char)
    if point in _NAMES:
        what = _NAMES[point]
    elif 0xD800 <= point <= 0xDFFF:
        what = "sustituto suelto, media letra de UTF-16"
    elif point < 0x20 or 0x7F <= point <= 0x9F:
        what = "carácter de control"
    else:
        what = "no carácter: Unicode lo reserva y no es texto"
    return f"U+{point:04X}, {what}"


def message(char: str, written: str = "") -> str:
    """What an author reads about `char`; `written`: the escape that wrote it («\\v»)."""
    what = f"«{written}» escribe un carácter" if written else "Hay un carácter"
    return (
        f"{what} que no es texto («{name(char)}»): no se ve y el sitio no puede publicarlo "
        "(rompe los canales de noticias y el índice de búsqueda). Bórralo"
        + ("" if written else "; si tu editor no lo muestra, vuelve a escribir a mano esa palabra")
        + "."
    )


def found(text: str) -> Iterator[tuple[int, int, str]]:
    """(line index, column index, character) of every character of `text` that is not text."""
    if not _IN_FILE.search(text):
        return
    for index, line in enumerate(text.split("\n")):
        for match in _IN_FILE.finditer(line):
            if _not_text(match.group()):
                yield index, match.start(), match.group()


def replaced(text: str, file: str, line_offset: int = 0) -> tuple[str, list[Problem]]:
    """`text` with each character that is not text replaced by U+FFFD (same lines and
    columns), and a problem at each."""
    problems = [
        Problem(file, line_offset + index + 1, column + 1, CODE, message(char))
        for index, column, char in found(text)
    ]
    if not problems:
        return text, problems
    return _IN_FILE.sub(
        lambda m: REPLACEMENT if _not_text(m.group()) else m.group(), text
    ), problems
