"""Tables that fit a phone: every body cell carries its column's heading (`data-label`).

Every page's HTML goes through `stackable_tables` (`finish.py`), which marks each table
with a heading row `data-apilada` and copies the heading's text into each cell. On a narrow
screen `assets/red.css` then shows every row as a small card, "Heading: value" per line,
instead of a table wider than the screen. Nothing is done in the browser, so nothing moves
when the page loads.
"""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table(?P<attrs>[^>]*)>(?P<body>.*?)</table>", re.S)
_HEAD = re.compile(r"<thead[^>]*>(.*?)</thead>", re.S)
_HEADING = re.compile(r"<th(?:\s[^>]*)?>(.*?)</th>", re.S)
_ROW = re.compile(r"(<tr[^>]*>)(.*?)(</tr>)", re.S)
_CELL_START = re.compile(r"<td(?=[\s>])")
_TAG = re.compile(r"<[^>]+>")


def _text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", fragment)).split())


def _label_cells(row: str, labels: list[str]) -> str:
    column = iter(labels)

    def label(match: re.Match[str]) -> str:
        name = next(column, "")
        return f'<td data-label="{html.escape(name, quote=True)}"' if name else match.group(0)

    return _CELL_START.sub(label, row)


def _stackable(match: re.Match[str]) -> str:
    attrs, body = match.group("attrs"), match.group("body")
    head = _HEAD.search(body)
    if head is None or "data-apilada" in attrs:
        return match.group(0)
    labels = [_text(cell) for cell in _HEADING.findall(head.group(1))]
    rest = body[head.end() :]
    rest = _ROW.sub(lambda r: r.group(1) + _label_cells(r.group(2), labels) + r.group(3), rest)
    return f"<table{attrs} data-apilada>{body[: head.end()]}{rest}</table>"


def stackable_tables(page_html: str) -> str:
    """Every table with a heading row, marked and labelled for the narrow layout."""
    return _TABLE.sub(_stackable, page_html) if "<table" in page_html else page_html
