"""Checks on the Markdown body of a practice: required sections and internal links."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection
from urllib.parse import unquote, urlsplit

from generator.content.models import REQUIRED_SECTIONS
from generator.content.problems import Problem
from generator.content.rawhtml import LOADING_HINT
from generator.content.safety import allowed_scheme, from_other_host, lines_outside_code, url_scheme
from generator.text import fold_accents

# Every pattern reads each character a bounded number of times (possessive `*+`, no "[" inside
# a link's text but one nested pair, one nested pair of parentheses in its address): a line of
# 250,000 «[» took minutes with the former patterns.
_HEADING = re.compile(r"(#{1,6})[ \t]++(.*+)")
_INLINE_LINK = re.compile(
    r"(!?)\[(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*+\])*+\]"
    r"\(\s*+<?((?:[^()\s<>]|\([^()\s]*+\))*+)>?"
    r"(?:\s++(?:\"[^\"]*+\"|'[^']*+'|\([^()]*+\)))?\s*+\)"
)
_IMAGE_REFERENCE = re.compile(r"!\[([^\[\]]*+)\](?:\[([^\[\]]++)\])?")
_REFERENCE = re.compile(r"[ \t]{0,3}\[([^\]]++)\]:[ \t]*+<?([^\s>]++)")


def _heading_title(text: str) -> str:
    """The title of a heading without its closing «#»s and spaces (`## Título ##`)."""
    title = text.rstrip(" \t")
    bare = title.rstrip("#")
    if bare != title and (not bare or bare[-1] in " \t"):
        title = bare.rstrip(" \t")
    return title


def section_headings(body: str) -> list[tuple[int, str]]:
    """(line index in body, title) of every `##` heading outside code blocks."""
    return [
        (index, title)
        for index, line in lines_outside_code(body)
        if line.startswith("##")
        and (match := _HEADING.match(line))
        and len(match.group(1)) == 2
        and (title := _heading_title(match.group(2)))
    ]


def _all_headings(body: str) -> list[tuple[int, str, str]]:
    """(line index in body, its «#»s, title) of every heading outside code blocks."""
    return [
        (index, match.group(1), title)
        for index, line in lines_outside_code(body)
        if line.startswith("#")
        and (match := _HEADING.match(line))
        and (title := _heading_title(match.group(2)))
    ]


def _bare(title: str) -> str:
    """A title without case, accents or trailing punctuation: «Resultados:» -> «resultados»."""
    return fold_accents(title).casefold().strip().rstrip(" \t.:;,!?¡¿-")


def _edits(a: str, b: str) -> int:
    """How many letters to add, remove or change to turn `a` into `b` (Levenshtein)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def _nearness(required: str, marks: str, title: str) -> int | None:
    """How close a heading is to a required section (lower is closer), or None when it is
    another section: the same words at another level or with other capitals, accents or
    final punctuation; one or two letters off; the title followed by more words."""
    want, have = _bare(required), _bare(title)
    if have == want:
        return 0 if marks == "##" else 1
    if (distance := _edits(want, have)) <= 2:
        return 1 + distance
    if have.startswith(want + " "):
        return 4
    return None


def _near_misses(
    missing: list[str], headings: list[tuple[int, str, str]]
) -> dict[str, tuple[int, str, str]]:
    """Missing section -> the heading that was meant as it; each heading answers for one
    section, closest pairs first."""
    candidates = sorted(
        (nearness, index, required, marks, title)
        for required in missing
        for index, marks, title in headings
        if not (marks == "##" and title in REQUIRED_SECTIONS)
        and (nearness := _nearness(required, marks, title)) is not None
    )
    near: dict[str, tuple[int, str, str]] = {}
    used: set[int] = set()
    for _, index, required, marks, title in candidates:
        if required not in near and index not in used:
            near[required] = (index, marks, title)
            used.add(index)
    return near


def check_sections(body: str, first_line: int, file: str) -> list[Problem]:
    headings = _all_headings(body)
    present = {title for _, marks, title in headings if marks == "##"}
    missing = [required for required in REQUIRED_SECTIONS if required not in present]
    if not missing:
        return []
    near = _near_misses(missing, headings)
    problems = []
    for required in missing:
        if required in near:
            index, marks, title = near[required]
            problems.append(
                Problem(
                    file,
                    first_line + index,
                    1,
                    "seccion-mal-escrita",
                    f"La sección «{marks} {title}» debe escribirse exactamente «## {required}».",
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
    found: list[Link] = []
    references = []
    image_labels = set()  # `![texto][clave]` and `![clave]`: their definitions load an image
    for index, line in lines_outside_code(body):
        if "[" not in line:  # every link has one
            continue
        for match in _INLINE_LINK.finditer(line):
            found.append((index, match.start(2) + 1, match.group(2), match.group(1) == "!"))
        if "![" in line:
            for match in _IMAGE_REFERENCE.finditer(line):
                image_labels.add((match.group(2) or match.group(1)).casefold())
        ref = _REFERENCE.match(line)
        if ref:
            references.append((index, ref.start(2) + 1, ref.group(2), ref.group(1).casefold()))
    for index, column, target, label in references:
        found.append((index, column, target, label in image_labels))
    return found


def check_links(
    found: list[Link], first_line: int, file: str, existing: Collection[str], base_dir: str
) -> list[Problem]:
    """Relative links (`found` by `links`) must point at a file under `base_dir` that exists."""
    problems = []
    for index, column, target, is_image in found:
        wrong = _link_problem(target, is_image, file, existing, base_dir)
        if wrong is not None:
            problems.append(Problem(file, first_line + index, column, *wrong))
    return problems


def _link_problem(
    target: str, is_image: bool, file: str, existing: Collection[str], base_dir: str
) -> tuple[str, str] | None:
    """What is wrong with one link of `file`: its problem's code and message, or None."""
    what = "La imagen" if is_image else "El enlace"
    if not allowed_scheme(target):
        return (
            "enlace-peligroso",
            f"{what} usa «{url_scheme(target)}:», que no se permite. Usa una dirección "
            "https:// o un archivo del repositorio.",
        )
    if is_image and from_other_host(target):
        return "carga-externa", f"La imagen se carga desde otro sitio («{target}»). " + LOADING_HINT
    resolved = _repository_file(target, file)
    if resolved is None:
        return None
    if not resolved.startswith(base_dir + "/"):
        return (
            "enlace-fuera",
            f"{what} apunta a «{target}», fuera de {base_dir}/, que no se publica así. "
            "Para enlazar otra parte del sitio usa su dirección, por ejemplo /centros/talca/.",
        )
    if resolved in existing:
        return None
    return (
        "enlace-roto",
        f"{what} apunta a «{target}», que no existe en {base_dir}/. Revisa el nombre del "
        "archivo (mayúsculas, tildes) o sube el archivo junto a la práctica.",
    )


def _repository_file(target: str, file: str) -> str | None:
    """The repository path that a relative link in `file` points at; None for an address
    (with a scheme or a host), a link to the site's own pages («/…») or an anchor alone."""
    try:
        parts = urlsplit(target)
    except ValueError:  # «http://[x»: not an address at all
        parts = urlsplit("")
    if parts.scheme or parts.netloc or not parts.path or target.startswith("/"):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(file), unquote(parts.path)))


# Python-Markdown looks for the end of every «[» and «](» it meets: a paragraph with thousands
# left open took it minutes (1,000 «[» took 1 s, 4,000 took 19 s). A paragraph may leave a few
# open, and nest a few deep; more is refused here, so the build stays quick too.
MAX_OPEN = 50
_BRACKETS = re.compile(r"\\.|[\[\]()]")


def check_open_brackets(body: str, first_line: int, file: str) -> list[Problem]:
    """Paragraphs that leave more than MAX_OPEN «[» or «(» open, or nest them deeper."""
    if body.count("[") <= MAX_OPEN and body.count("(") <= MAX_OPEN:  # nearly every body
        return []
    problems = []
    paragraph: list[str] = []
    start = previous = 0
    for index, line in [*lines_outside_code(body), (-2, "")]:
        if paragraph and (not line.strip() or index != previous + 1):
            opened = _deepest_open("\n".join(paragraph))
            if opened > MAX_OPEN:
                problems.append(
                    Problem(
                        file,
                        first_line + start,
                        1,
                        "corchetes-abiertos",
                        f"Este párrafo deja {opened} «[» o «(» sin cerrar (o anidados): el sitio "
                        f"acepta hasta {MAX_OPEN}. Ciérralos, o escribe «\\[» y «\\(» si son "
                        "texto.",
                    )
                )
            paragraph = []
        if line.strip():
            if not paragraph:
                start = index
            paragraph.append(line)
        previous = index
    return problems


def _deepest_open(text: str) -> int:
    """The most «[» plus «(» open at once, reading left to right (escaped ones are text)."""
    square = round_ = deepest = 0
    for token in _BRACKETS.findall(text):
        if token == "[":
            square += 1
        elif token == "]":
            square = max(square - 1, 0)
        elif token == "(":
            round_ += 1
        elif token == ")":
            round_ = max(round_ - 1, 0)
        deepest = max(deepest, square + round_)
    return deepest
