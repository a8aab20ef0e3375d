"""Content files: read one safely (inside the repository, not too big, UTF-8, not empty),
and find the files of a folder."""

from __future__ import annotations

import os
from pathlib import Path

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
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return None, problem(
            "codificacion",
            "El archivo no está en UTF-8 (probablemente Latin-1 o Windows-1252): ábrelo en tu "
            "editor y guárdalo con la codificación «UTF-8».",
            line,
            column,
        )
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
    return text, []


def all_files(root: Path, folder: str) -> set[str]:
    directory = root / folder
    if not directory.is_dir():
        return set()
    return {relative(root, p) for p in directory.rglob("*") if p.is_file()}
