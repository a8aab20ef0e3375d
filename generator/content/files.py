"""Content files: read one safely (inside the repository, not too big, UTF-8, not empty, only
characters that are text), and find the files of a folder."""

from __future__ import annotations

import os
from pathlib import Path

from generator.content import characters
from generator.content.problems import Problem
from generator.text import os_reason

MAX_FILE_BYTES = 512 * 1024


def relative(root: Path, path: Path) -> str:
    root_text, text = str(root), str(path)
    if text.startswith(root_text) and text[len(root_text) : len(root_text) + 1] == os.sep:
        return text[len(root_text) + 1 :].replace(os.sep, "/")  # `relative_to`, 10 times faster
    return path.relative_to(root).as_posix()


def read_text(root: Path, path: Path) -> tuple[str | None, list[Problem]]:
    rel = relative(root, path)

    def problem(code: str, message: str, line: int = 1, column: int = 1) -> list[Problem]:
        return [Problem(rel, line, column, code, message)]

    if path.is_symlink():
        return None, problem(
            "enlace-simbolico",
            "Es un enlace simbólico: el contenido no sigue enlaces, apunten donde apunten. "
            "Reemplázalo por el archivo real.",
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, problem(
            "lectura",
            f"No se pudo leer el archivo ({os_reason(error)}): revisa que exista y que tengas "
            "permiso para abrirlo.",
        )
    if len(data) > MAX_FILE_BYTES:
        return None, problem(
            "archivo-demasiado-grande",
            f"El archivo pesa {len(data) // 1024} KB; el máximo es {MAX_FILE_BYTES // 1024} KB. "
            "Acorta el texto o mueve las imágenes a archivos aparte.",
        )
    encoding = wide_encoding(data)
    if encoding:
        return None, problem(
            "codificacion",
            f"El archivo está en {encoding}, no en UTF-8: ábrelo en tu editor y guárdalo con "
            "la codificación «UTF-8».",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return None, problem("codificacion", _not_utf8(data), line, column)
    if not text.strip():
        return None, problem(
            "archivo-vacio", "El archivo está vacío: escribe su contenido o bórralo."
        )
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return None, problem(
            "codificacion",
            "El archivo contiene caracteres nulos, así que no es texto (¿es un Word o un PDF?): "
            "copia solo el texto en un archivo .md o .yml.",
            line,
        )
    return characters.replaced(text, rel)


# Byte order marks, longest first (UTF-32's begin as UTF-16's do).
_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32 LE (con BOM)"),
    (b"\x00\x00\xfe\xff", "UTF-32 BE (con BOM)"),
    (b"\xff\xfe", "UTF-16 LE (con BOM)"),
    (b"\xfe\xff", "UTF-16 BE (con BOM)"),
)
_SAMPLE = 4096


def wide_encoding(data: bytes) -> str | None:
    """The name of a two- or four-byte encoding the bytes say the file is in: its byte order
    mark, or, without one, zero bytes in every other place (text in UTF-16 that is mostly
    ASCII: each letter is a letter and a zero)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    sample = data[:_SAMPLE]
    pairs = len(sample) // 2
    if pairs < 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0 : pairs * 2 : 2], sample[1 : pairs * 2 : 2]
    if odd.count(0) > pairs * 0.6 and even.count(0) == 0:
        return "UTF-16 LE (sin BOM)"
    if even.count(0) > pairs * 0.6 and odd.count(0) == 0:
        return "UTF-16 BE (sin BOM)"
    return None


def _not_utf8(data: bytes) -> str:
    """What the bytes say about a file that is not UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        return (
            "El archivo empieza con la marca de UTF-8 con BOM, pero tiene más adelante "
            "caracteres que no son UTF-8 (se pegó texto de otra codificación, quizá Latin-1 o "
            "Windows-1252): escribe de nuevo, en tu editor, los caracteres de esta línea y "
            "guárdalo con la codificación «UTF-8»."
        )
    return (
        "El archivo no está en UTF-8 (probablemente Latin-1 o Windows-1252): ábrelo en tu "
        "editor y guárdalo con la codificación «UTF-8»."
    )
