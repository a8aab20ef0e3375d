"""Structures that drop or hide the rest of a body say where they start: text nested deeper
than the parser goes (markdown-it drops it in silence), an HTML comment left open (it hides
everything after it) and a code block left open to the end (everything after it is code)."""

from __future__ import annotations

import pytest

from generator.content.body import check_structure
from generator.content.markdown import parse_body
from generator.content.rawhtml import MAX_HTML_DEPTH, check_raw_html

from .checkrun import problems_of
from .command import cpu_seconds
from .conftest import VALID_PRACTICE, MakeRepo

FIRST_LINE = 10  # where the body starts in its file


def said(body: str) -> list[tuple[int, str]]:
    """(line in the file, code) of each problem `check` finds in the body's structure."""
    problems = check_structure(parse_body(body), body, FIRST_LINE, "practices/x.md")
    return [(p.line, p.code) for p in problems]


@pytest.mark.parametrize("marker", ["> ", "- ", "1. ", "* > "])
def test_fifty_thousand_levels_are_an_error_at_their_line(marker: str) -> None:
    body = "Antes.\n\n" + marker * 50_000 + "texto perdido\n\nDespués.\n"
    started = cpu_seconds()
    assert said(body) == [(FIRST_LINE + 2, "anidado-demasiado")]
    assert cpu_seconds() - started < 5


def test_a_list_nested_line_by_line_is_said_where_its_text_is_dropped() -> None:
    body = "".join("  " * level + f"- nivel {level}\n" for level in range(15))
    [(line, code)] = said(body)
    assert code == "anidado-demasiado"
    dropped = line - FIRST_LINE
    rendered = "".join(t.content for t in parse_body(body).tokens if t.type == "inline")
    assert f"nivel {dropped - 1}" in rendered and f"nivel {dropped}" not in rendered


def test_ten_levels_are_fine() -> None:
    assert said("> " * 10 + "texto\n") == []
    assert said("".join("  " * level + "- punto\n" for level in range(8))) == []


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("<!-- nota", "-->"), ("<pre>", "</pre>"), ("<?php", "?>"), ("<![CDATA[", "]]>")],
)
def test_an_html_block_left_open_is_an_error_where_it_opens(opening: str, closing: str) -> None:
    body = f"Texto.\n\n{opening}\n\n## Qué hicimos\n\nMás texto.\n"
    assert said(body) == [(FIRST_LINE + 2, "html-sin-cerrar")]
    assert said(body.replace("Más texto.", f"Más texto. {closing}")) == []


def test_a_code_block_left_open_to_the_end_is_an_error_where_it_opens() -> None:
    body = "Texto.\n\n```python\nprint(1)\n\n## Resultados\n\nTexto.\n"
    assert said(body) == [(FIRST_LINE + 2, "codigo-sin-cerrar")]
    assert said(body + "```\n") == []
    assert said(body.replace("```python", "~~~~") + "~~~~~\n") == []
    assert said("> ```\n> código\n\nFuera de la cita.\n") == []  # the quote ends it
    assert said("Texto.\n\n```\n") == []  # it hides nothing


def test_a_comment_left_open_is_said_instead_of_the_sections_it_hides(
    make_repo: MakeRepo,
) -> None:
    text = VALID_PRACTICE.replace("## Contexto\n", "## Contexto\n<!-- borrador\n")
    root = make_repo({"practices/diagnostico.md": text})
    problems = problems_of(root)
    line = text.splitlines().index("<!-- borrador") + 1
    assert [(p["line"], p["code"]) for p in problems] == [(line, "html-sin-cerrar")]


def test_raw_html_nested_too_deep_is_an_error_where_it_passes_the_limit() -> None:
    body = "Texto.\n\n" + "<div>" * (MAX_HTML_DEPTH + 5) + "x\n"
    [problem] = check_raw_html(parse_body(body), body, FIRST_LINE, "practices/x.md")
    assert (problem.line, problem.column, problem.code) == (
        FIRST_LINE + 2,
        len("<div>") * MAX_HTML_DEPTH + 1,
        "html-demasiado-anidado",
    )
    fine = "<div><b><i>x</i></b></div>\n" * 1000 + "<b>" + "<span>x</span>" * 200 + "</b>"
    assert check_raw_html(parse_body(fine), fine, FIRST_LINE, "practices/x.md") == []
