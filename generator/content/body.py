"""Checks on the Markdown body of a practice: required sections and internal links."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from generator.content.models import REQUIRED_SECTIONS
from generator.content.problems import Problem
from generator.text import fold_accents

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")
_INLINE_LINK = re.compile(r"(!?)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*<?(\S+?)>?(?:[ \t]|$)")
_CODE_SPAN = re.compile(r"`+[^`]*`+")


@lru_cache(maxsize=1)  # sections and links read the same body one after the other
def _lines_outside_code(body: str) -> list[tuple[int, str]]:
    if "```" not in body and "~~~" not in body:  # most bodies: no fenced code at all
        return list(enumerate(body.splitlines()))
    lines = []
    fence: str | None = None
    for index, line in enumerate(body.splitlines()):
        match = _FENCE.match(line) if "`" in line or "~" in line else None
        if match:
            fence = None if fence == match.group(1) else (fence or match.group(1))
            continue
        if fence is None:
            lines.append((index, line))
    return lines


def _normal(title: str) -> str:
    return fold_accents(title).casefold().strip()


def section_headings(body: str) -> list[tuple[int, str]]:
    """(line index in body, title) of every `##` heading outside code blocks."""
    return [
        (index, match.group(2))
        for index, line in _lines_outside_code(body)
        if line.startswith("##") and (match := _HEADING.match(line)) and len(match.group(1)) == 2
    ]


def check_sections(body: str, first_line: int, file: str) -> list[Problem]:
    headings = section_headings(body)
    present = {title for _, title in headings}
    if all(required in present for required in REQUIRED_SECTIONS):
        return []
    by_normal = {_normal(title): (index, title) for index, title in headings}
    problems = []
    for required in REQUIRED_SECTIONS:
        if required in present:
            continue
        near = by_normal.get(_normal(required))
        if near:
            index, title = near
            problems.append(
                Problem(
                    file,
                    first_line + index,
                    1,
                    "seccion-mal-escrita",
                    f"La sección «## {title}» debe escribirse exactamente «## {required}».",
                )
            )
        else:
            problems.append(
                Problem(
                    file,
                    first_line,
                    1,
                    "falta-seccion",
                    f"Falta la sección «## {required}»: agrégala como una línea «## {required}» "
                    "seguida de su texto. Cada práctica tiene estas secciones, en este orden: "
                    + ", ".join(f"«## {s}»" for s in REQUIRED_SECTIONS)
                    + ".",
                )
            )
    return problems


Link = tuple[int, int, str, bool]  # (line index in body, column, target, is_image)


def links(body: str) -> list[Link]:
    """Every Markdown link outside code."""
    found = []
    for index, line in _lines_outside_code(body):
        if "[" not in line:  # every link has one
            continue
        text = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        for match in _INLINE_LINK.finditer(text):
            found.append((index, match.start(2) + 1, match.group(2), match.group(1) == "!"))
        ref = _REFERENCE.match(text)
        if ref:
            found.append((index, ref.start(1) + 1, ref.group(1), False))
    return found


def check_links(
    found: list[Link], first_line: int, file: str, existing: Collection[str], base_dir: str
) -> list[Problem]:
    """Relative links (`found` by `links`) must point at a file under `base_dir` that exists."""
    problems = []
    for index, column, target, is_image in found:
        parts = urlsplit(target)
        scheme = parts.scheme.lower()
        what = "La imagen" if is_image else "El enlace"
        if scheme in ("javascript", "data", "vbscript", "file"):
            problems.append(
                Problem(
                    file,
                    first_line + index,
                    column,
                    "enlace-peligroso",
                    f"{what} usa «{scheme}:», que no se permite. Usa una dirección https:// o un "
                    "archivo del repositorio.",
                )
            )
            continue
        if scheme or parts.netloc or not parts.path or target.startswith("/"):
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(file), unquote(parts.path)))
        if not resolved.startswith(base_dir + "/"):
            problems.append(
                Problem(
                    file,
                    first_line + index,
                    column,
                    "enlace-fuera",
                    f"{what} apunta a «{target}», fuera de {base_dir}/, que no se publica así. "
                    "Para enlazar otra parte del sitio usa su dirección, por ejemplo "
                    "/centros/talca/.",
                )
            )
            continue
        if resolved in existing:
            continue
        problems.append(
            Problem(
                file,
                first_line + index,
                column,
                "enlace-roto",
                f"{what} apunta a «{target}», que no existe en {base_dir}/. Revisa el nombre del "
                "archivo (mayúsculas, tildes) o sube el archivo junto a la práctica.",
            )
        )
    return problems
