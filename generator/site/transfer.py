"""How fast a practice travels between centers: its time from its own date to its first
adoption by another center, for the network, each area and each center.

Only published practices count: an example is not a real case and a draft is not published
(`check` refuses their adoptions, and this leaves them out again), and a center that records
its own practice did not receive it from anyone. An interval is never more precise than its
two dates: in days when both give the day, in months when one gives only the month, and left
out (and counted as left out) when one gives only the year.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from generator.content.dates import PartialDate

# A median of fewer intervals than this says more than the data do: «sin datos suficientes».
# The network page says «tres» in words (a digit there would read as a fact of the network).
MIN_BASE = 3

Unit = Literal["días", "meses"]


@dataclass(frozen=True)
class Counted:
    """A published practice as the figures count it: its adoptions by other centers only."""

    id: str
    center: str
    areas: tuple[str, ...]
    date: PartialDate
    adoptions: tuple[tuple[str, PartialDate], ...]  # (adopting center, since when)

    @property
    def first_adoption(self) -> PartialDate | None:
        return min((date for _, date in self.adoptions), default=None)


@dataclass(frozen=True)
class Figures:
    """What the site says of one group of practices (the network, an area, a center)."""

    practices: int  # published
    adopted: int  # of those, adopted by at least one other center
    adoptions: int  # their adoptions by other centers
    median: float | None  # time to the first adoption, in `unit`; None below MIN_BASE
    unit: Unit
    base: int  # the practices whose interval the median is (or would be) based on
    left_out: int  # adopted practices whose interval no date says precisely enough

    @property
    def median_days(self) -> float | None:
        return self.median if self.unit == "días" else None

    @property
    def median_months(self) -> float | None:
        return self.median if self.unit == "meses" else None


def as_partial(date: dt.date | PartialDate) -> PartialDate:
    return date if isinstance(date, PartialDate) else PartialDate(date.year, date.month, date.day)


def months_between(start: PartialDate, end: PartialDate) -> int:
    assert start.month is not None and end.month is not None
    return (end.year - start.year) * 12 + end.month - start.month


def interval_unit(start: PartialDate, end: PartialDate) -> Unit | None:
    """The finest unit both dates allow: days, months, or none (a date with only a year)."""
    if start.day is not None and end.day is not None:
        return "días"
    if start.month is not None and end.month is not None:
        return "meses"
    return None


def figures(practices: Iterable[Counted]) -> Figures:
    """The figures of a group. Its intervals share one unit: days when every date in them
    gives the day, else months (a day's date counted by its month, as a month's must be)."""
    counted = list(practices)
    pairs = [(p.date, first) for p in counted if (first := p.first_adoption) is not None]
    units = [interval_unit(start, end) for start, end in pairs]
    precise = [pair for pair, unit in zip(pairs, units, strict=True) if unit is not None]
    unit: Unit = "meses" if "meses" in units else "días"
    if unit == "días":
        values = [float((end.first_day - start.first_day).days) for start, end in precise]
    else:
        values = [float(months_between(start, end)) for start, end in precise]
    return Figures(
        practices=len(counted),
        adopted=len(pairs),
        adoptions=sum(len(p.adoptions) for p in counted),
        median=statistics.median(values) if len(values) >= MIN_BASE else None,
        unit=unit,
        base=len(values),
        left_out=len(pairs) - len(precise),
    )


@dataclass(frozen=True)
class Transfer:
    """The figures of the network, of each area and of each center, and what they rest on."""

    network: Figures
    areas: Mapping[str, Figures]  # by the taxonomy's order
    centers: Mapping[str, Figures]  # as given (the site's order: by name)
    adopted_by: Mapping[str, tuple[str, ...]]  # center -> other centers' practices it adopted
    per_year: tuple[tuple[int, int], ...]  # (year, adoptions), every year from first to last


def transfer(
    practices: Sequence[Counted], areas: Sequence[str], centers: Sequence[str]
) -> Transfer:
    """The figures of these published practices, for these areas and centers."""
    adopted_by: dict[str, list[str]] = {center: [] for center in centers}
    for practice in sorted(practices, key=lambda p: p.id):
        for adopter, _ in practice.adoptions:
            adopted_by.setdefault(adopter, []).append(practice.id)
    years = Counter(date.year for p in practices for _, date in p.adoptions)
    span = range(min(years), max(years) + 1) if years else range(0)
    return Transfer(
        network=figures(practices),
        areas={area: figures(p for p in practices if area in p.areas) for area in areas},
        centers={center: figures(p for p in practices if p.center == center) for center in centers},
        adopted_by={center: tuple(ids) for center, ids in adopted_by.items()},
        per_year=tuple((year, years[year]) for year in span),
    )
