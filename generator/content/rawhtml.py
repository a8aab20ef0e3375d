"""Checks on the raw HTML inside a Markdown body, against the safety policy
(`generator.content.safety`).

The build also sanitizes every page (see `generator.site.sanitize`); this check tells the
author, with the line, before anything is published. The tags are found by a scanner that
reads each character a bounded number of times (Python's HTMLParser took 86 s on a line of
20,000 «<a »), so any body answers quickly.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from html import unescape

from generator.content.markdown import ParsedBody
from generator.content.problems import Problem
from generator.content.safety import (
    BODY_GLOBAL_ATTRIBUTES,
    BODY_TAG_ATTRIBUTES,
    BODY_TAGS,
    URL_ATTRIBUTES,
    allowed_scheme,
    from_other_host,
    url_scheme,
)

_TAG_START = re.compile(r"<([A-Za-z][^\s/<>]*+)|<!--")
_ATTRIBUTE = re.compile(
    r"""[\s/]*+([^\s"'<>/=][^\s"'<>/=]*+)(?:\s*+=\s*+("[^"]*+"|'[^']*+'|[^\s"'<>=`]++))?"""
)
_TAG_END = re.compile(r"[\s/]*+>")
_AUTOLINK = re.compile(r"^(?:https?:|mailto:|[^:]*@)", re.IGNORECASE)
HINT_CODE = "Si quieres mostrarla como código, escríbela entre comillas invertidas (`)."
LOADING_HINT = (
    "La página no carga nada de otros sitios (privacidad de quien lee, y conexiones lentas "
    "como la de Rapa Nui): sube el archivo a practices/adjuntos/ y enlázalo desde ahí."
)


class _Scanner:
    """Start tags of `text`, each with its attributes and its line and column."""

    def __init__(self, text: str, file: str, first_line: int) -> None:
        self.text = text
        self.file = file
        self.first_line = first_line
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.problems: list[Problem] = []

    def problem(self, offset: int, code: str, message: str) -> None:
        line = bisect_right(self.line_starts, offset) - 1
        column = offset - self.line_starts[line] + 1
        self.problems.append(Problem(self.file, self.first_line + line, column, code, message))

    def scan(self) -> list[Problem]:
        text, position = self.text, 0
        while match := _TAG_START.search(text, position):
            if match.group(1) is None:  # a comment: never shown, and nh3 removes it
                end = text.find("-->", match.end())
                position = len(text) if end < 0 else end + 3
                continue
            tag, position = match.group(1).lower(), match.end()
            attrs: list[tuple[str, str]] = []
            while attribute := _ATTRIBUTE.match(text, position):
                if attribute.end() == position:
                    break
                value = attribute.group(2) or ""
                if value[:1] in ("'", '"'):
                    value = value[1:-1]
                attrs.append((attribute.group(1).lower(), unescape(value)))
                position = attribute.end()
            closing = _TAG_END.match(text, position)
            if closing is None:
                self.unclosed(match.start(), tag)
                continue
            position = closing.end()
            self.start_tag(match.start(), tag, attrs)
        return self.problems

    def unclosed(self, offset: int, tag: str) -> None:
        if tag not in BODY_TAGS:  # «a<b» in a sentence: text, shown as written
            return
        self.problem(
            offset,
            "html-no-permitido",
            f"La etiqueta «<{tag}» no se cierra con «>»: ciérrala o, si no es HTML, escribe "
            "«&lt;» en lugar de «<». " + HINT_CODE,
        )

    def start_tag(self, offset: int, tag: str, attrs: list[tuple[str, str]]) -> None:
        if ":" in tag or "@" in tag:
            if not _AUTOLINK.match(tag):
                self.problem(
                    offset,
                    "html-no-permitido",
                    f"«<{tag}>» no es un enlace permitido. Usa una dirección https://.",
                )
            return
        if tag not in BODY_TAGS:
            self.problem(
                offset,
                "html-no-permitido",
                f"La etiqueta HTML «<{tag}>» no se permite: el texto acepta solo HTML sencillo "
                "(por ejemplo <abbr>, <kbd>, <details>, <figure>). " + HINT_CODE,
            )
            return
        allowed = BODY_GLOBAL_ATTRIBUTES | BODY_TAG_ATTRIBUTES.get(tag, frozenset())
        for name, value in attrs:
            if name not in allowed:
                self.problem(
                    offset,
                    "html-no-permitido",
                    f"El atributo «{name}» de «<{tag}>» no se permite (atributos como on…, "
                    "style o id pueden ejecutar código o romper la página). Quítalo.",
                )
            elif name in URL_ATTRIBUTES and not allowed_scheme(value):
                self.problem(
                    offset,
                    "enlace-peligroso",
                    f"El atributo «{name}» de «<{tag}>» usa «{url_scheme(value)}:», que no "
                    "se permite. Usa una dirección https:// o un archivo del repositorio.",
                )
            elif name == "src" and from_other_host(value):
                self.problem(
                    offset,
                    "carga-externa",
                    f"«<{tag}>» carga «{value}» desde otro sitio. " + LOADING_HINT,
                )


def check_raw_html(parsed: ParsedBody, body: str, first_line: int, file: str) -> list[Problem]:
    """Disallowed tags, attributes, URL schemes and loads from other hosts in the body's raw
    HTML: only what its parse says is HTML (not code, not a link's `<address>`); and HTML
    nested too deep."""
    if "<" not in body:  # most bodies: no tag at all
        return []
    text = raw_html_only(parsed, body)
    if "<" not in text:
        return []
    scanner = _Scanner(text, file, first_line)
    scanner.scan()
    _check_depth(scanner)
    return scanner.problems


# An HTML parser (nh3's, the browser's, Pagefind's) walks the elements open around each new
# one: 100,000 «<div>» took the build's sanitizer 270 s and Pagefind 140 s, where 100 take
# nothing. Elements that close themselves (void) or close when the next of them opens (`<p>`,
# `<li>`…) are not counted.
MAX_HTML_DEPTH = 100
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*+)[^<>]*?(/?)>")
_NOT_NESTING = frozenset(
    {
        *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"),
        *("source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option"),
        *("thead", "tbody", "tfoot", "colgroup", "caption", "rt", "rp", "optgroup"),
    }
)

_TEXT_LEVEL = frozenset(
    {
        *("a", "abbr", "b", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s"),
        *("small", "span", "strong", "sub", "sup", "u"),
    }
)


def _check_depth(scanner: _Scanner) -> None:
    """An error where raw HTML opens its element number MAX_HTML_DEPTH + 1 inside the others."""
    open_: list[str] = []
    for match in _TAG.finditer(scanner.text):
        closing, name = match.group(1), match.group(2).lower()
        if closing:
            # It closes what is open inside it only if that is text-level markup: a block
            # (a «<div>» inside «<b>») stays open, as parsers keep it.
            at = len(open_) - 1 - open_[::-1].index(name) if name in open_ else len(open_)
            if all(inner in _TEXT_LEVEL for inner in open_[at + 1 :]):
                del open_[at:]
        elif name not in _NOT_NESTING and not match.group(3):
            open_.append(name)
            if len(open_) > MAX_HTML_DEPTH:
                scanner.problem(
                    match.start(),
                    "html-demasiado-anidado",
                    f"Aquí el HTML tiene más de {MAX_HTML_DEPTH} etiquetas abiertas, una dentro "
                    "de otra: ciérralas («</div>») o quita las que sobran.",
                )
                return


def raw_html_only(parsed: ParsedBody, body: str) -> str:
    """`body` with everything but its raw HTML blanked, lines and columns kept."""
    kept = [char if char == "\n" else " " for char in body]
    starts = [0] + [m.end() for m in re.finditer("\n", body)] + [len(body)]
    for token in parsed.tokens:
        if token.map is None:
            continue
        first, last = (
            starts[min(token.map[0], len(starts) - 1)],
            starts[min(token.map[1], len(starts) - 1)],
        )
        if token.type == "html_block":
            kept[first:last] = body[first:last]
        elif token.type == "inline" and "<" in token.content:
            for child in token.children or []:
                at = body.find(child.content, first, last) if child.type == "html_inline" else -1
                if at >= 0:
                    first = at + len(child.content)
                    kept[at:first] = body[at:first]
    return "".join(kept)
