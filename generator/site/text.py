"""Escaping and formatting for values that land in the templates' Markdown."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from generator.content.dates import MONTHS, PartialDate

# Characters that may mean something to CommonMark with tables and strikethrough; each is
# written after a backslash, which CommonMark reads as the character itself.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def md(value: Any) -> Markup:
    """Any value as literal inline Markdown text: no formatting, no HTML, one line."""
    if isinstance(value, Markup):
        return value
    text = " ".join(str(value).split())
    # `&apos;`, not html.escape's `&#x27;`: a backslash before its `#` would reach page titles.
    escaped = html.escape(text, quote=True).replace("&#x27;", "&apos;")
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", escaped))


def html_text(value: Any) -> Markup:
    """Any value as text inside raw HTML (a form, an attribute), where Markdown is not parsed."""
    return Markup(html.escape(" ".join(str(value).split()), quote=True))


def md_url(value: str) -> Markup:
    """A URL for a Markdown link destination `<...>`: quotes, brackets and spaces encoded."""
    return Markup(quote(value, safe="/:?#[]@!$&'()*+,;=%~"))


def meta_string(value: str) -> Markup:
    """A YAML front-matter string whose value is also safe inside an HTML attribute."""
    return Markup(json.dumps(html.escape(" ".join(value.split()), quote=True), ensure_ascii=False))


def date_es(value: dt.date) -> str:
    return f"{value.day} de {MONTHS[value.month - 1]} de {value.year}"


def partial_date_es(value: PartialDate) -> str:
    """As precise as written: `2020`, `inicio de 2020`, `fin de 2020`, `diciembre de 2020`,
    `15 de diciembre de 2020`."""
    if value.day is not None:
        return date_es(value.first_day)
    if value.month is not None:
        return f"{MONTHS[value.month - 1]} de {value.year}"
    return str(value)  # a year, or its start or end, reads as written


def partial_date_when(value: PartialDate) -> str:
    """The date after a verb: "adjudicado a fines de 2020", "renovado en 2020"."""
    if value.day is not None:
        return "el " + partial_date_es(value)
    if value.part is not None:
        return f"a {'inicios' if value.part == 'inicio' else 'fines'} de {value.year}"
    return "en " + partial_date_es(value)


def capitalized(text: str) -> str:
    """The first letter in capitals, the rest as it is ("fin de 2020" -> "Fin de 2020")."""
    return text[:1].upper() + text[1:]


_CENTER_PREFIXES = ("Centro de Negocios Sercotec ", "Centro de Negocios ")


def short_center_name(name: str) -> str:
    """ "Centro de Negocios Sercotec Talca" -> "Talca": where the full name does not fit (the
    map's labels, the list beside it)."""
    for prefix in _CENTER_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix) :]
    return name


def pesos(cost: int | str) -> str:
    """150000 -> «$150.000»; «sin costo» -> «Sin costo»."""
    if isinstance(cost, int):
        return "$" + f"{cost:,}".replace(",", ".")
    return cost.capitalize()


EXAMPLE_MARK = " (ejemplo)"


def practice_title(title: str, status: str) -> str:
    """A practice's title as every list shows it: an example says so after its title."""
    return title + EXAMPLE_MARK if status == "ejemplo" else title


def decimal_es(value: float) -> str:
    """45.0 -> «45», 45.5 -> «45,5»: a median of an even count may end in a half."""
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}".replace(".", ",")


UNIT_SINGULAR = {"días": "día", "meses": "mes"}


def median_es(median: float | None, unit: str, base: int) -> str:
    """«45 días (7 prácticas)», or «sin datos suficientes (2 prácticas)» below the minimum."""
    count = f"{base} {'práctica' if base == 1 else 'prácticas'}"
    if median is None:
        return f"sin datos suficientes ({count})"
    word = UNIT_SINGULAR[unit] if median == 1 else unit
    return f"{decimal_es(median)} {word} ({count})"
