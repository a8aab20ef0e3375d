"""Each Markdown body (a practice's, a page's), parsed once and checked on its own; its links
and its page's sections are kept for the checks across files (`linkcheck.py`)."""

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
class CheckedBody:
    entry: MarkdownEntry[Any]  # the same entry, with its parse
    problems: list[Problem]
    links: BodyLinks
    ids: list[str] | None  # every section id of its page, in order (None: not read)


def check_body(
    entry: MarkdownEntry[Any],
    title: str,
    trailing: Sequence[str] = (),
    *,
    draft: bool = False,
    sections: bool = False,
) -> CheckedBody:
    """`title` and `trailing`: the headings its page has before and after the body;
    `sections`: whether the body must have a practice's sections."""
    body, first, file = entry.body, entry.body_first_line, entry.file
    unbalanced = check_line_count(body, first, file) or check_open_brackets(body, first, file)
    if unbalanced:
        # Said first and alone: Markdown parsers take minutes over runs of open brackets
        # (markdown-it: 13 s for a 500 KB line of «[») or hundreds of thousands of lines, and
        # the rest waits for the fix.
        parsed = parse_page_body(title, "")
        return CheckedBody(
            replace(entry, parsed=parsed), unbalanced, BodyLinks(file, first, (), draft), None
        )
    parsed = parse_page_body(title, body)
    # What hides the rest of the body is said first, and its sections wait for the fix.
    problems = check_structure(parsed, body, first, file)
    if sections and not problems:
        problems = check_sections(parsed, first, file)
    problems += check_raw_html(parsed, body, first, file)
    problems += check_link_text(parsed, body, first, file)
    return CheckedBody(
        replace(entry, parsed=parsed),
        problems,
        BodyLinks(file, first, parsed.links, draft),
        page_ids(title, parsed, trailing),
    )
