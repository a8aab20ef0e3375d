"""Second line of defence: every page's HTML is sanitized before any engine sees it.

`check` already rejects dangerous HTML in bodies (see `generator.content.rawhtml`); this strips
whatever gets past it from the generated content (`finish.py`), with nh3 (the Rust `ammonia`
sanitizer). The allowlist is what the generator's own pages use: text markup, tables, forms
for the filters, and the SVG of the map and charts.
"""

from __future__ import annotations

import re
from typing import Any

import nh3

from generator.content.safety import (
    BODY_GLOBAL_ATTRIBUTES,
    BODY_TAG_ATTRIBUTES,
    BODY_TAGS,
    URL_SCHEMES,
    from_other_host,
)

# The generator's own pages use more than an author may write (see the safety policy):
# headings, sections, time, the filters' forms and the SVG of the map and charts.
PAGE_TAGS = "col colgroup h1 h2 h3 h4 h5 h6 nav section tfoot time"
FORM_TAGS = "button fieldset form input label legend option select"
SVG_TAGS = "circle desc ellipse g line path polygon polyline rect svg text title tspan"
TAGS = BODY_TAGS | frozenset(f"{PAGE_TAGS} {FORM_TAGS} {SVG_TAGS}".split())

GLOBAL = {"class", "id", "title", "lang", "dir", "role", "hidden", "tabindex"}
SVG_PAINT = {
    "fill",
    "fill-opacity",
    "fill-rule",
    "stroke",
    "stroke-dasharray",
    "stroke-linejoin",
    "stroke-linecap",
    "stroke-width",
    "opacity",
    "transform",
}
SVG_SHAPES = {
    "circle": {"cx", "cy", "r"},
    "ellipse": {"cx", "cy", "rx", "ry"},
    "line": {"x1", "y1", "x2", "y2"},
    "path": {"d"},
    "polygon": {"points"},
    "polyline": {"points"},
    "rect": {"x", "y", "width", "height", "rx", "ry"},
    "text": {"x", "y", "dx", "dy", "text-anchor", "font-size", "font-family", "font-weight"},
    "tspan": {"x", "y", "dx", "dy"},
    "g": {"font-size", "font-family", "text-anchor"},
    "svg": {"viewBox", "width", "height", "font-family", "preserveAspectRatio", "focusable"},
}
ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(names) for tag, names in BODY_TAG_ATTRIBUTES.items()},
    "*": GLOBAL | BODY_GLOBAL_ATTRIBUTES,
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "col": {"span"},
    "time": {"datetime"},
    "details": {"open"},
    "label": {"for"},
    "input": {"type", "name", "value", "checked", "placeholder", "autocomplete", "disabled"},
    "select": {"name", "multiple", "disabled"},
    "option": {"value", "selected", "disabled"},
    "button": {"type", "name", "value", "disabled"},
    "form": {"role"},
    **{tag: names | SVG_PAINT for tag, names in SVG_SHAPES.items()},
}


# Built once: nh3 converts the allowlists to Rust on every `nh3.clean` call (38 µs), and a
# page is sanitized piece by piece (`finish.py`).
_SETTINGS: dict[str, Any] = {
    "tags": set(TAGS),
    "attributes": ATTRIBUTES,
    "generic_attribute_prefixes": {"aria-", "data-"},
    "url_schemes": set(URL_SCHEMES),
    "filter_style_properties": {"text-align"},
    "link_rel": None,
    "strip_comments": True,
}
_CLEANER = nh3.Cleaner(**_SETTINGS)


def _local_sources_only(tag: str, attribute: str, value: str) -> str | None:
    return None if attribute == "src" and from_other_host(value) else value


_SOURCE = re.compile("src", re.IGNORECASE)
# A callback per attribute costs time: this one runs only on pages that name another host.
_LOCAL_CLEANER = nh3.Cleaner(**_SETTINGS, attribute_filter=_local_sources_only)


def sanitize_html(html: str) -> str:
    """Only allowed tags, attributes (plus aria-* and data-*) and URL schemes remain, and no
    `src` that loads from another host."""
    cleaner = _LOCAL_CLEANER if "//" in html and _SOURCE.search(html) else _CLEANER
    return str(cleaner.clean(html))
