"""The one safety policy: which HTML an author may write, which URL schemes a link may use, what
may load from another host, and where code is (it is shown, never interpreted).

`check` (body.py, rawhtml.py) reports, at its line, whatever breaks it; the build's sanitizer
(`generator.site.sanitize`) strips the same from every page, plus the markup the generator's own
pages use. Every pass here is linear in the length of the body: any input answers quickly.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

# --- HTML an author may write in a body ---------------------------------------------------------

BODY_TAGS = frozenset(
    {
        *("a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del"),
        *("details", "div", "dl", "dt", "em", "figcaption", "figure", "hr", "i", "img", "ins"),
        *("kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub"),
        *("summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul"),
    }
)
BODY_GLOBAL_ATTRIBUTES = frozenset({"class", "title", "lang"})
BODY_TAG_ATTRIBUTES = {
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "ol": frozenset({"start"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
}
URL_ATTRIBUTES = frozenset({"href", "src"})

# --- URLs ----------------------------------------------------------------------------------------

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})  # and relative addresses
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")


def url_scheme(url: str) -> str:
    """The scheme as a browser reads it (it ignores spaces and control characters); "" when
    relative."""
    cleaned = _URL_NOISE.sub("", url)
    scheme, colon, _ = cleaned.partition(":")
    if not colon or "/" in scheme or "?" in scheme or "#" in scheme:
        return ""
    return scheme.lower()


def allowed_scheme(url: str) -> bool:
    scheme = url_scheme(url)
    return scheme == "" or scheme in URL_SCHEMES


def from_other_host(url: str) -> bool:
    """An address the browser would fetch from another host (`https://…`, `//host/…`)."""
    cleaned = _URL_NOISE.sub("", url).replace("\\", "/")
    if cleaned.startswith("//"):
        return True
    if url_scheme(url) not in ("http", "https"):
        return False
    try:
        return bool(urlsplit(cleaned).netloc)
    except ValueError:  # «https://[x»: the browser fetches nothing either
        return False


# --- code: shown as text, so never checked as HTML or links -------------------------------------

_FENCE = re.compile(r"[ \t]{0,3}(```|~~~)")
_BACKTICKS = re.compile(r"`+")


def _mask_code_spans(line: str) -> str:
    """`line` with its code spans blanked. A span opens with a run of backticks and closes at
    the next run of the same length (CommonMark); each run is looked at once."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(line)]
    if len(runs) < 2:
        return line
    later: dict[int, list[int]] = {}  # run length -> indexes of the runs, last first
    for index in range(len(runs) - 1, -1, -1):
        start, end = runs[index]
        later.setdefault(end - start, []).append(index)
    spans = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = later[end - start]
        while same and same[-1] <= index:
            same.pop()
        if same:
            closing = same.pop()
            spans.append((start, runs[closing][1]))
            index = closing + 1
        else:
            index += 1
    if not spans:
        return line
    parts, last = [], 0
    for start, end in spans:
        parts += [line[last:start], " " * (end - start)]
        last = end
    parts.append(line[last:])
    return "".join(parts)


@lru_cache(maxsize=1)  # sections, links and HTML read the same body one after the other
def lines_outside_code(body: str) -> list[tuple[int, str]]:
    """(line index, line) of every line outside fenced code, code spans blanked (same columns)."""
    lines = []
    fence: str | None = None
    quick = "`" not in body and "~" not in body  # most bodies: no code at all
    for index, line in enumerate(body.splitlines()):  # numbered as the front matter numbers
        if quick:
            lines.append((index, line))
            continue
        match = _FENCE.match(line) if "`" in line or "~" in line else None
        if match:
            fence = None if fence == match.group(1) else (fence or match.group(1))
            continue
        if fence is None:
            lines.append((index, _mask_code_spans(line) if "`" in line else line))
    return lines
