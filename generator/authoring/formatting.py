"""`python -m generator format [--check] [FILES…]`: content files in their canonical form."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from generator.authoring.canonical import FormatError, format_text, model_for
from generator.content.loader import CENTERS_DIR, PAGES_DIR, PRACTICES_DIR
from generator.content.problems import Problem
from generator.text import plural

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def content_files(root: Path) -> list[Path]:
    """Every content file of the repository at `root`, in a stable order."""
    found = [root / rel for rel in ("content/taxonomia.yml", "content/red.yml")]
    found += sorted((root / CENTERS_DIR).glob("*.yml"))
    found += sorted((root / PRACTICES_DIR).glob("*.md"))
    found += sorted((root / PAGES_DIR).glob("*.md"))
    return [path for path in found if path.is_file()]


def relative(root: Path, path: Path) -> str | None:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


def run(root: Path, files: Sequence[Path], *, check: bool) -> int:
    """Rewrite (or with `check`, only list) the files not in canonical form."""
    paths = list(files) or content_files(root)
    problems: list[Problem] = []
    changed: list[str] = []
    for path in paths:
        rel = relative(root, path)
        if rel is None or model_for(rel) is None:
            print(
                f"error de uso: {path} no es un archivo de contenido de {root} (centros, "
                "prácticas, páginas, content/red.yml o content/taxonomia.yml).",
                file=sys.stderr,
            )
            return EXIT_USAGE
        if not path.is_file():
            print(f"error de uso: no existe {path}.", file=sys.stderr)
            return EXIT_USAGE
        try:
            text = path.read_bytes().decode("utf-8")
            canonical = format_text(rel, text)
        except UnicodeDecodeError:
            problems.append(Problem(rel, 1, 1, "codificacion", "El archivo no está en UTF-8."))
            continue
        except FormatError as error:
            problems += error.problems
            continue
        if canonical != text:
            changed.append(rel)
            if not check:
                path.write_text(canonical, encoding="utf-8", newline="\n")
    for problem in problems:
        print(problem.as_text(), file=sys.stderr)
    for rel in changed:
        print(
            f"{rel}: no está en la forma canónica; ejecuta «python -m generator format {rel}»."
            if check
            else f"Formateado {rel}"
        )
    if problems:
        print(
            plural(
                len({problem.file for problem in problems}),
                "archivo con errores no se formateó",
                "archivos con errores no se formatearon",
            )
            + ": corrígelos primero.",
            file=sys.stderr,
        )
    return EXIT_INVALID if problems or (check and changed) else EXIT_OK
