"""The value types of content fields (keys, texts, emails, addresses, dates), with the
checks pydantic runs on them; the models in models/ are built from these."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from generator.content.dates import PATTERN as PARTIAL_DATE_PATTERN
from generator.content.dates import PartialDate as PartialDateValue

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_RE = re.compile(SLUG_PATTERN)
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def _check_email(value: str) -> str:
    if not EMAIL_RE.match(value):
        raise PydanticCustomError("correo", "correo no válido")
    return value


_URL_FORBIDDEN = re.compile(r"[\s\"'<>`\\]")


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or "." not in parts.netloc:
        raise PydanticCustomError("url", "dirección web no válida")
    if _URL_FORBIDDEN.search(value):  # spaces, quotes and brackets never belong in a real address
        raise PydanticCustomError("url", "dirección web no válida")
    return value


def _parse_iso_date(value: Any) -> Any:
    # A quoted "2021-03-15" is as good as an unquoted one.
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("fecha", "fecha inexistente") from None
    return value


def reject_bare_status(value: Any) -> Any:
    """A center's `estado: activo` alone: a state nobody dated nor sourced (models.CenterState)."""
    if isinstance(value, str):
        raise PydanticCustomError("estado_sin_fuente", "estado sin fecha ni fuente")
    return value


def _parse_partial_date(value: Any) -> PartialDateValue:
    try:
        date = PartialDateValue.parse(value)
    except ValueError:
        raise PydanticCustomError("fecha_parcial", "fecha parcial no válida") from None
    if not FIRST_YEAR <= date.year <= LAST_YEAR:  # as for a day (_date_in_range)
        raise PydanticCustomError("fecha_fuera_de_rango", "fecha fuera de rango")
    return date


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# A title is short (the rest goes in the summary or the text) and a summary one or two sentences:
# the same limits in `check`, the editors' schemas and the issue form (github_forms.py).
MAX_TITLE_LENGTH, MAX_SUMMARY_LENGTH = 150, 300
Title = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TITLE_LENGTH)
]
Summary = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_SUMMARY_LENGTH)
]
# A tag names a page of its own (etiquetas/<tag>.md): a few short words, a few per practice.
MAX_TAGS, MAX_TAG_LENGTH = 20, 80
Tags = Annotated[
    list[Annotated[Text, StringConstraints(max_length=MAX_TAG_LENGTH)]],
    Field(max_length=MAX_TAGS),
]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Email = Annotated[str, AfterValidator(_check_email)]
Url = Annotated[str, AfterValidator(_check_url)]


def _date_in_range(value: dt.date) -> dt.date:
    # The site shows and dates practices of this century; 9999 broke the offline zip.
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise PydanticCustomError("fecha_fuera_de_rango", "fecha fuera de rango")
    return value


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):  # YAML's .inf and .nan
        raise PydanticCustomError("numero_no_finito", "número no finito")
    return value


FIRST_YEAR, LAST_YEAR = 2000, 2100
Date = Annotated[dt.date, BeforeValidator(_parse_iso_date), AfterValidator(_date_in_range)]
# A measured value: a text or a number the page and the API can show (after the union: one error).
Measured = Annotated[Text | int | float, AfterValidator(_finite)]
DATE_FORMS = (
    "un año como 2020, «inicio de 2020», «fin de 2020», un mes como 2020-12 o un día como "
    "2020-12-15"
)
# A year, the start or the end of a year, a month or a day: as precise as the source (dates.py).
PartialDate = Annotated[
    PartialDateValue,
    PlainValidator(_parse_partial_date),
    PlainSerializer(str, return_type=str),
    # YAML reads an unquoted 2020 as a number: the editor must accept it as the model does.
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
                {"type": "string", "pattern": PARTIAL_DATE_PATTERN},
            ]
        },
        mode="validation",
    ),
    WithJsonSchema({"type": "string", "pattern": PARTIAL_DATE_PATTERN}, mode="serialization"),
]


NO_COST = "sin costo"
_PESOS_RE = re.compile(r"^\$?\s*(?:\d{1,3}(?:\.\d{3})+|\d+)$")


def check_cost(value: Any) -> int | str:
    # A whole number of pesos, also as a text field writes it ("$150.000"), or «sin costo».
    if isinstance(value, str) and _PESOS_RE.match(value.strip()):
        value = int(re.sub(r"\D", "", value))
    if value == NO_COST:
        return NO_COST
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    raise PydanticCustomError(
        "costo", "escribe el costo en pesos, como número entero (p. ej. 150000), o «sin costo»"
    )


Cost = Annotated[
    int | Literal["sin costo"],
    PlainValidator(check_cost),
    WithJsonSchema(
        {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "const": NO_COST}]}
    ),
]
