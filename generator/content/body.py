"""Checks on the Markdown body of a practice or page: required sections, text that reads like
a link but is none, and brackets left open."""

from __future__ import annotations

import re

from generator.content.linkplaces import body_lines
from generator.content.markdown import ParsedBody, body_parser
from generator.content.models import REQUIRED_SECTIONS
from generator.content.problems import Problem
from generator.content.safety import allowed_scheme, lines_outside_code, url_scheme
from generator.text import fold_accents

# A text that reads like a link, `[texto](destino)`, that is not one: GitHub's preview shows it
# with its brackets (its destination has a space, or a template tag of another generator).
_LINK_LIKE = re.compile(r"(!?)\[[^\[\]\n]*+\]\(((?:[^()\n]|\([^()\n]*+\))*+)\)")
_TEMPLATE_TAG = re.compile(r"\{\{|\{%")
# A reference definition that is not one (`[clave]: javascript:…`): shown as text.
_DEFINITION_LIKE = re.compile(r"^ {0,3}\[[^\[\]\n]++\]:[ \t]*+(\S++)", re.M)


def section_headings(parsed: ParsedBody) -> list[tuple[int, str]]:
    """(line index in body, title as written) of every section heading (`##` at the top)."""
    return [(h.line, h.source) for h in parsed.headings if h.level == 2 and h.top]


def _all_headings(parsed: ParsedBody) -> list[tuple[int, str, str]]:
    """(line index in body, its «#»s, title as written) of every heading."""
    return [(h.line, "#" * h.level, h.source) for h in parsed.headings if h.source]


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


def check_sections(parsed: ParsedBody, first_line: int, file: str) -> list[Problem]:
    headings = _all_headings(parsed)
    present = {title for _, title in section_headings(parsed)}
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


def check_link_text(parsed: ParsedBody, body: str, first_line: int, file: str) -> list[Problem]:
    """Text that reads like a link, or like a link's definition, but is none: the author
    meant one."""
    if "](" not in body and "]:" not in body:  # nearly every body
        return []
    problems = []
    lines = body.splitlines()
    for block in parsed.tokens:
        if block.type != "inline" or block.map is None or "]" not in block.content:
            continue
        for token in block.children or []:
            if token.type != "text":
                continue
            found = [*_LINK_LIKE.finditer(token.content), *_DEFINITION_LIKE.finditer(token.content)]
            for match in found:
                reason = _not_a_link(match)
                if reason is not None:
                    line, column = _find(lines, block.map, match.group(0))
                    problems.append(Problem(file, first_line + line, column, *reason))
    return problems


def _find(lines: list[str], span: list[int], text: str) -> tuple[int, int]:
    for index in range(span[0], min(span[1], len(lines))):
        column = lines[index].find(text)
        if column >= 0:
            return index, column + 1
    return span[0], 1


def _not_a_link(match: re.Match[str]) -> tuple[str, str] | None:
    """Why `[texto](destino)` (or `[clave]: destino`) is text: a template tag, a forbidden
    scheme or a space."""
    image = match.re is _LINK_LIKE and match.group(1)
    what = "La imagen" if image else "El enlace"
    target = match.group(match.re.groups).strip()
    if not allowed_scheme(target):
        return (
            "enlace-peligroso",
            f"{what} usa «{url_scheme(target)}:», que no se permite (se ve como texto con "
            "corchetes). Usa una dirección https:// o un archivo del repositorio.",
        )
    if _TEMPLATE_TAG.search(target):
        return (
            "enlace-plantilla",
            f"{what} «{target}» lleva una etiqueta de plantilla de otro generador de sitios "
            "({{ … }} o {% … %}), que aquí no se reemplaza: se ve como texto con corchetes. "
            "Escribe la dirección tal cual: el archivo (otra-practica.md) o la página "
            "(/centros/talca/).",
        )
    if " " not in target:
        return None
    if url_scheme(target) in ("mailto", "tel"):
        example = "tel:+56912345678" if url_scheme(target) == "tel" else "mailto:nombre@centro.cl"
        return (
            "enlace-contacto",
            f"{what} «{target}» se ve como texto con corchetes, no como enlace: una dirección de "
            f"correo o de teléfono va sin espacios, por ejemplo «{example}».",
        )
    return (
        "enlace-con-espacios",
        f"{what} «{target}» se ve como texto con corchetes, no como enlace: su dirección tiene "
        "espacios (así lo muestran también GitHub y el editor). Renombra el archivo sin "
        f"espacios, o escribe la dirección entre < y >: «(<{target}>)».",
    )


# Every line is a block to the parsers, markdown-it's and (in a build) Python-Markdown's, each
# with its fixed cost: 250,000 lines of «#» took check 6.7 s and build 134 s (Python-Markdown
# pops blocks off the front of a list). Real texts have hundreds of lines (the longest
# document of tests/dialect, 1,870): more than MAX_LINES is refused before it is parsed.
MAX_LINES = 10_000


def check_line_count(body: str, first_line: int, file: str) -> list[Problem]:
    if body.count("\n") < MAX_LINES and body.count("\r") < MAX_LINES:  # nearly every body
        return []
    lines = len(body_lines(body.rstrip("\r\n")))
    if lines <= MAX_LINES:
        return []
    return [
        Problem(
            file,
            first_line + MAX_LINES,
            1,
            "texto-demasiado-largo",
            f"El texto tiene {lines:,} líneas y el sitio acepta hasta {MAX_LINES:,}: esta es la "
            "primera que sobra. Divídelo en varias prácticas o páginas, o quita las líneas "
            "vacías o repetidas.".replace(",", "."),
        )
    ]


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


# --- structures that hide or drop the rest of a body --------------------------------------------

# The HTML blocks CommonMark ends only at a closing marker (its kinds 1 to 5), by how they open:
# left open, each runs to the end of its container. A comment hides all of it from the page.
_HTML_BLOCK_ENDS = (
    (
        re.compile(r"<(?:script|pre|style|textarea)(?=[\s>]|$)", re.I),
        re.compile(r"</(?:script|pre|style|textarea)>", re.I),
        "«<{}»",
        "«</{}>»",
    ),
    (re.compile(r"<!--"), re.compile(r"-->"), "«<!--»", "«-->»"),
    (re.compile(r"<\?"), re.compile(r"\?>"), "«<?»", "«?>»"),
    (re.compile(r"<![A-Za-z]"), re.compile(r">"), "«<!»", "«>»"),
    (re.compile(r"<!\[CDATA\["), re.compile(r"\]\]>"), "«<![CDATA[»", "«]]>»"),
)
_CLOSING_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})[ \t]*$")


def check_structure(parsed: ParsedBody, body: str, first_line: int, file: str) -> list[Problem]:
    """Text the page would not show where the author sees it: dropped for being nested too deep,
    hidden by an HTML comment left open, or shown as code by a code block left open to the end."""
    problems = [
        Problem(file, first_line + line, 1, "anidado-demasiado", TOO_DEEP_MESSAGE)
        for line in sorted(set(parsed.too_deep))
    ]
    lines = body_lines(body)
    if body.endswith(("\n", "\r")):  # markdown-it counts no line after the last line break
        lines.pop()
    for token in parsed.tokens:
        if token.map is None:
            continue
        if token.type == "html_block":
            said = _unclosed_html(token.content)
        elif token.type == "fence":
            said = _unclosed_fence(token.markup, lines, token.map)
        else:
            continue
        if said is not None:
            problems.append(Problem(file, first_line + token.map[0], 1, *said))
    return problems


def _unclosed_html(content: str) -> tuple[str, str] | None:
    start = content.lstrip(" ")
    for opening, closing, opened, closed in _HTML_BLOCK_ENDS:
        if match := opening.match(start):
            if closing.search(start, match.end()):
                return None
            tag = start[1 : match.end()].strip("<").lower()
            what, end = opened.format(tag), closed.format(tag)
            hidden = "queda oculto en la página" if end == "«-->»" else "se ve como HTML crudo"
            return (
                "html-sin-cerrar",
                f"{what} se abre aquí y no se cierra con {end}: todo lo que sigue, hasta el final "
                f"del texto (o de la lista o cita que lo tiene), {hidden}. Ciérralo con {end}, o "
                "escribe «&lt;» en lugar de «<» si es texto.",
            )
    return None


def _unclosed_fence(markup: str, lines: list[str], span: list[int]) -> tuple[str, str] | None:
    """A code block whose fence is not closed runs to the end of the body (or of its container:
    that ends it, and hides nothing)."""
    if span[1] < len(lines) or not markup:
        return None
    closing = _CLOSING_FENCE.match(lines[span[1] - 1]) if span[1] - 1 > span[0] else None
    if closing and closing.group(1)[0] == markup[0] and len(closing.group(1)) >= len(markup):
        return None
    if not any(line.strip() for line in lines[span[0] + 1 : span[1]]):
        return None
    return (
        "codigo-sin-cerrar",
        f"Este bloque de código se abre con «{markup}» y no se cierra: todo lo que sigue, hasta "
        f"el final del texto, se ve como código. Ciérralo con una línea «{markup}» donde termina "
        "el código.",
    )


TOO_DEEP_MESSAGE = (
    "Este texto está dentro de demasiadas citas («>») o listas, una dentro de otra: el sitio no "
    f"lo mostraría (acepta hasta {body_parser().options.maxNesting} niveles). Usa menos niveles, "
    "o escribe «\\>» o «\\-» al comienzo si son caracteres del texto."
)
