"""How the canonical form writes one value (canonical.py writes the rest): a string quoted only
when YAML needs it, in single quotes, or in double quotes when it holds a character that must be
escaped; a number as the CMS's JavaScript writes it. The CMS receives the same patterns
(`canonical.browser_rules`), so both write alike."""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from typing import Any

# A plain scalar that YAML 1.1 (PyYAML, the generator) or YAML 1.2 (the CMS in the browser)
# would read as something other than text: null, a boolean, a number, a date, `<<` or `=`.
# Written so that Python and JavaScript read the pattern alike.
RESOLVES_TO_OTHER = (
    r"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON"
    r"|off|Off|OFF|y|Y|n|N|<<|="
    r"|[-+]?(?:0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*)"
    r"|[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?)$"
)
# Plain text cannot start with an indicator, hold ": " or " #", end with ":" or be padded.
NEEDS_QUOTES = r"""^$|^[-?:,\[\]{}#&*!|>'"%@`\s]|\s$|: | #|:$"""
# Characters only a double-quoted string can hold (escaped).
NEEDS_ESCAPE = r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]"
_RESOLVES = re.compile(RESOLVES_TO_OTHER)
_QUOTES = re.compile(NEEDS_QUOTES)
_NEEDS_ESCAPE = re.compile(NEEDS_ESCAPE)
_ESCAPE = re.compile(NEEDS_ESCAPE + r'|["\\]')
_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def scalar(value: Any) -> str:
    """One value as canonical YAML text."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        return number_text(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return text_scalar(str(value))


def number_text(value: float) -> str:
    """A finite number as the CMS writes it: JavaScript's String(number) (`1`, not `1.0`), with
    a decimal point before an exponent (`1.0e-7`), without which YAML 1.1 would read text."""
    if value == 0:
        return "0"
    if value < 0:
        return "-" + number_text(-value)
    # The shortest digits that read back as `value` (as JavaScript chooses them): value is
    # 0.DIGITS times ten to the `point`.
    _, places, exponent = Decimal(repr(value)).as_tuple()
    digits = "".join(map(str, places)).rstrip("0")
    point = int(exponent) + len(places)
    if len(digits) <= point <= 21:
        return digits + "0" * (point - len(digits))
    if 0 < point <= 21:
        return digits[:point] + "." + digits[point:]
    if -6 < point <= 0:
        return "0." + "0" * -point + digits
    power = point - 1
    return f"{digits[0]}.{digits[1:] or '0'}e{'+' if power >= 0 else '-'}{abs(power)}"


def text_scalar(text: str) -> str:
    if _NEEDS_ESCAPE.search(text):
        return '"' + _ESCAPE.sub(_escape, text) + '"'
    if _QUOTES.search(text) or _RESOLVES.match(text):
        return "'" + text.replace("'", "''") + "'"
    return text


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _SHORT_ESCAPES.get(char) or f"\\u{ord(char):04x}"
