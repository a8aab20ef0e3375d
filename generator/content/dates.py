"""A date as precise as its source: a year, the start or the end of a year, a month or a day.

The source of the network's facts says "Comenzamos este 2020" and "termina el año 2020":
a year and where in it, never a month. A `PartialDate` keeps exactly that precision from the
YAML file to every page, the API and the feeds, and sorts by what it means.

In YAML it is written as one plain value, the same that `str()` gives back:

    2020            a year (YAML reads it as a number; a string "2020" is the same)
    inicio de 2020  the start of a year
    fin de 2020     the end of a year
    2020-12         a month
    2020-12-15      a day
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

# Spanish month names, for dates written out and read back.
MONTHS = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)

Part = Literal["inicio", "fin"]
Precision = Literal["año", "parte-del-año", "mes", "día"]

FORMS = "AAAA (2020), «inicio de AAAA», «fin de AAAA», AAAA-MM (2020-12) o AAAA-MM-DD"
PATTERN = r"^(?:(?:inicio|fin) de \d{4}|\d{4}(?:-\d{2}(?:-\d{2})?)?)$"
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_PART = re.compile(r"^(inicio|fin) de (\d{4})$")
# Where a date falls inside its year, for sorting: the start of the year first, then months
# and days, a year alone (some time during it) at mid-year, the end of the year last.
_START, _MID_YEAR, _END = 0, 650, 1300


@dataclass(frozen=True, order=False)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None
    part: Part | None = None  # only with a year alone

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """The date written in `value`; ValueError when it is none of the accepted forms."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, bool):
            raise ValueError(value)
        if isinstance(value, dt.datetime):
            raise ValueError(value)
        if isinstance(value, dt.date):  # YAML reads an unquoted 2020-12-15 as a date
            return cls(value.year, value.month, value.day)
        if isinstance(value, int):
            value = str(value)
        if not isinstance(value, str):
            raise ValueError(value)
        text = " ".join(value.split())
        if match := _PART.match(text):
            part: Part = "inicio" if match[1] == "inicio" else "fin"
            return cls(int(match[2]), part=part)
        match = _ISO.match(text)
        if not match:
            raise ValueError(value)
        year, month, day = (int(g) if g else None for g in match.groups())
        dt.date(year or 1, month or 1, day or 1)  # ValueError for a month 13 or a 30 February
        return cls(year or 0, month, day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "día"
        if self.month is not None:
            return "mes"
        return "parte-del-año" if self.part else "año"

    @property
    def first_day(self) -> dt.date:
        """The earliest day the date can mean (the start of a year: its first day)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The latest day the date can mean."""
        if self.day is not None:
            return self.first_day
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def sort_key(self) -> tuple[int, int]:
        """Orders dates by what they mean: the start of 2020, then 2020-03, then 2020 (some
        time during it, counted at mid-year), then 2020-12, then the end of 2020."""
        if self.month is not None:
            return (self.year, self.month * 100 + (self.day or 0))
        return (self.year, {"inicio": _START, "fin": _END, None: _MID_YEAR}[self.part])

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        """The canonical written form, the one YAML files, the API and the feeds use."""
        if self.part:
            return f"{self.part} de {self.year}"
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text
