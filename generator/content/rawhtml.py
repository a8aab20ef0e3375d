"""Checks on the raw HTML and attribute lists inside a Markdown body: a small allowlist.

The build also sanitizes every page (see `generator.site.sanitize`); this check tells the
author, with the line, before anything is published.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from markdown.extensions.attr_list import get_attrs_and_remainder

from generator.content.problems import Problem

_TAGS = (
    "a abbr b blockquote br caption cite code dd del details div dl dt em figcaption figure "
    "hr i img ins kbd li mark ol p pre q s small span strong sub summary sup table tbody td "
    "th thead tr u ul"
)
ALLOWED_TAGS = frozenset(_TAGS.split())
GLOBAL_ATTRIBUTES = frozenset({"class", "title", "lang", "markdown"})
TAG_ATTRIBUTES = {
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "ol": frozenset({"start"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
}
URL_ATTRIBUTES = frozenset({"href", "src"})
SAFE_SCHEMES = frozenset({"", "http", "https", "mailto", "tel"})
# Attribute lists (`{: ... }`) may set any attribute: these run code or load URLs.
RISKY_LIST_ATTRIBUTES = frozenset(
    {"style", "href", "src", "srcdoc", "action", "formaction", "xlink:href"}
)

_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_ATTR_LIST = re.compile(r"\{:?[ ]*([^}\n ][^}\n]*)[ ]*\}")
_AUTOLINK = re.compile(r"^(?:https?:|mailto:|[^:]*@)", re.IGNORECASE)
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")
HINT_CODE = "Si quieres mostrarla como código, escríbela entre comillas invertidas (`)."


def url_scheme(url: str) -> str:
    """The scheme as a browser reads it (it ignores spaces and control characters)."""
    cleaned = _URL_NOISE.sub("", url)
    scheme, colon, _ = cleaned.partition(":")
    if not colon or "/" in scheme or "?" in scheme or "#" in scheme:
        return ""
    return scheme.lower()


def _masked(body: str) -> str:
    """`body` with code blocks and code spans blanked out, keeping lines and columns."""
    lines = []
    fence: str | None = None
    for line in body.split("\n"):
        match = _FENCE.match(line)
        if match or fence is not None:
            if match:
                fence = None if fence == match.group(1) else (fence or match.group(1))
            lines.append("")
            continue
        lines.append(_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line))
    return "\n".join(lines)


class _Finder(HTMLParser):
    def __init__(self, file: str, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.file = file
        self.first_line = first_line
        self.problems: list[Problem] = []

    def _problem(self, code: str, message: str) -> None:
        line, offset = self.getpos()
        place = (self.first_line + line - 1, offset + 1)
        self.problems.append(Problem(self.file, *place, code, message))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if ":" in tag or "@" in tag:
            if not _AUTOLINK.match(tag):
                self._problem(
                    "html-no-permitido",
                    f"«<{tag}>» no es un enlace permitido. Usa una dirección https://.",
                )
            return
        if tag not in ALLOWED_TAGS:
            self._problem(
                "html-no-permitido",
                f"La etiqueta HTML «<{tag}>» no se permite: el texto acepta solo HTML sencillo "
                "(por ejemplo <abbr>, <kbd>, <details>, <figure>). " + HINT_CODE,
            )
            return
        allowed = GLOBAL_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, frozenset())
        for name, value in attrs:
            if name not in allowed:
                self._problem(
                    "html-no-permitido",
                    f"El atributo «{name}» de «<{tag}>» no se permite (atributos como on…, "
                    "style o id pueden ejecutar código o romper la página). Quítalo.",
                )
            elif name in URL_ATTRIBUTES and url_scheme(value or "") not in SAFE_SCHEMES:
                self._problem(
                    "enlace-peligroso",
                    f"El atributo «{name}» de «<{tag}>» usa «{url_scheme(value or '')}:», que no "
                    "se permite. Usa una dirección https:// o un archivo del repositorio.",
                )

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def _attribute_list_problems(text: str, file: str, first_line: int) -> list[Problem]:
    problems = []
    for index, line in enumerate(text.split("\n")):
        for match in _ATTR_LIST.finditer(line):
            attrs, _ = get_attrs_and_remainder(match.group(1))
            for name, _value in attrs:
                name = str(name).lower()
                if name.startswith("on") or name in RISKY_LIST_ATTRIBUTES:
                    problems.append(
                        Problem(
                            file,
                            first_line + index,
                            match.start() + 1,
                            "html-no-permitido",
                            f"El atributo «{name}» en «{{: … }}» no se permite: puede ejecutar "
                            "código o cargar otra dirección. Usa solo clases (.clase) o title.",
                        )
                    )
    return problems


def check_raw_html(body: str, first_line: int, file: str) -> list[Problem]:
    """Disallowed tags, attributes and URL schemes in raw HTML and attribute lists."""
    if "<" not in body and "{" not in body:  # most bodies: no tag and no attribute list
        return []
    text = _masked(body)
    finder = _Finder(file, first_line)
    finder.feed(text)
    finder.close()
    return finder.problems + _attribute_list_problems(text, file, first_line)
