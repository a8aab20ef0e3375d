"""Each Markdown body (a practice's, a page's): read, that is parsed once with its page's
headings around it (`read_body`, for the loader), then checked on its own (`check_body`, for
validate.py); its links and its page's sections are kept for the checks across files
(`linkcheck.py`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from generator.content.anchors import page_ids, parse_page_body
from generator.content.body import (
    check_line_count,
    check_link_text,
    check_open_brackets,
    check_sections,
    check_structure,
)
from generator.content.linkcheck import BodyLinks
from generator.content.problems import Problem
from generator.content.rawhtml import check_raw_html
from generator.content.repository import MarkdownEntry


@dataclass(frozen=True)
class ReadBody:
    entry: MarkdownEntry[Any]  # the same entry, with its parse
    problems: list[Problem]  # why it was not parsed (then alone: nothing else is checked)
    links: BodyLinks
    ids: list[str] | None  # every section id of its page, in order (None: not parsed)


def read_body(
    entry: MarkdownEntry[Any], title: str, trailing: Sequence[str] = (), *, draft: bool = False
) -> ReadBody:
    """`title` and `trailing`: the headings its page has before and after the body."""
    body, first, file = entry.body, entry.body_first_line, entry.file
    unbalanced = check_line_count(body, first, file) or check_open_brackets(body, first, file)
    if unbalanced:
        # Said first and alone: Markdown parsers take minutes over runs of open brackets
        # (markdown-it: 13 s for a 500 KB line of «[») or hundreds of thousands of lines, and
        # the rest waits for the fix.
        parsed = parse_page_body(title, "")
        return ReadBody(
            replace(entry, parsed=parsed), unbalanced, BodyLinks(file, first, (), draft), None
        )
    parsed = parse_page_body(title, body)
    return ReadBody(
        replace(entry, parsed=parsed),
        [],
        BodyLinks(file, first, parsed.links, draft),
        page_ids(title, parsed, trailing),
    )


def check_body(read: ReadBody, *, sections: bool = False) -> list[Problem]:
    """The rules of a body on its own; `sections`: whether it must have a practice's
    sections. Nothing of a body that could not be parsed."""
    entry, parsed = read.entry, read.entry.parsed
    if read.ids is None or parsed is None:
        return []
    body, first, file = entry.body, entry.body_first_line, entry.file
    # What hides the rest of the body is said first, and its sections wait for the fix.
    problems = check_structure(parsed, body, first, file)
    if sections and not problems:
        problems = check_sections(parsed, first, file)
    problems += check_raw_html(parsed, body, first, file)
    problems += check_link_text(parsed, body, first, file)
    return problems
