"""What a message offers besides the problem: the key meant (¿Quisiste decir…?), a date written
the way the files take it, how a key is written."""

import datetime as dt
import difflib
import re
from collections.abc import Collection

from generator.content.dates import MONTHS
from generator.text import fold_accents, slugify

SLUG_HINT = "usa minúsculas sin tildes, números y guiones, por ejemplo «los-angeles»"


def suggest(value: str, options: Collection[str]) -> str:
    """A "¿Quisiste decir ...?" sentence, or nothing when no option is close.

    The same key written with capitals, accents or spaces comes first (`Los Angeles` ->
    `los-angeles`); then the nearest by edit distance."""
    match = closest(value, options)
    return f" ¿Quisiste decir «{match}»?" if match else ""


def closest(value: str, options: Collection[str]) -> str | None:
    if not options:
        return None
    same_key = slugify(value)
    for option in options:
        if slugify(option) == same_key and option != value:
            return option
    listed = list(options)
    matches = difflib.get_close_matches(value, listed, n=1, cutoff=0.6)
    if not matches:
        folded = {fold_accents(o).lower(): o for o in listed}
        close = difflib.get_close_matches(fold_accents(value).lower(), list(folded), n=1)
        matches = [folded[m] for m in close]
    return matches[0] if matches else None


# Dates written another way, as (pattern, order of its groups): 30/04/2021 (day first, as in
# Chile), 2021/4/30, 30 de abril de 2021; months (for fields that take one): 12/2020, abril 2021.
_OTHER_DATES = (
    (re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"), "dmy"),
    (re.compile(r"(\d{4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})"), "ymd"),
    (re.compile(r"(\d{1,2})(?:\s+de)?\s+([a-z]+)(?:\s+de\s+|\s+|\s*,\s*)(\d{4})"), "dmy"),
)


_OTHER_MONTHS = (
    (re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{4})"), "my"),
    (re.compile(r"(\d{4})\s*[/.-]\s*(\d{1,2})"), "ym"),
    (re.compile(r"([a-z]+)(?:\s+de\s+|\s+|\s*,\s*)(\d{4})"), "my"),
)


def iso_date_hint(shown: str, *, months: bool = False) -> str:
    """ " ¿Quisiste decir «2021-04-30»?" for a full date written another way: 30/04/2021,
    2021/4/30, 2021-4-30, 30 de abril de 2021; with `months`, also «2020-12» for 12/2020 or
    diciembre de 2020."""
    text = fold_accents(shown.strip()).lower()
    for pattern, order in _OTHER_DATES + (_OTHER_MONTHS if months else ()):
        match = pattern.fullmatch(text)
        if not match:
            continue
        parts = dict(zip(order, match.groups(), strict=True))
        month = parts["m"]
        if not month.isdigit():
            month = str(MONTHS.index(month) + 1) if month in MONTHS else "0"
        try:
            day = dt.date(int(parts["y"]), int(month), int(parts.get("d", 1)))
        except ValueError:
            return ""
        iso = day.isoformat() if "d" in parts else day.isoformat()[:7]
        return f" ¿Quisiste decir «{iso}»?" if iso != shown.strip() else ""
    return ""
