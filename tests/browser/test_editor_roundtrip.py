"""The editor changes only what the person changed (`make editar`, in Chromium with
decap-server), for every practice in practices/ and for one that uses every construct of the
site's Markdown (tests/browser/todas-las-formas.md).

The fixture is a git repository with the repository's own content: after each step the test
reads `git diff` and counts the lines changed outside the edit, which must be none. The body
is edited in the mode the editor opens with (Markdown, beside its preview: Decap's rich text
rewrote 28 of that practice's 78 body lines on a keystroke typed and erased).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.authoring import canonical
from generator.content.markdown import body_parser
from tests.browser.conftest import page_from_open_tabs
from tests.browser.local_editor import (
    EVERY_CONSTRUCT,
    EVERY_CONSTRUCT_FILE,
    LocalEditor,
    git,
    local_editor,
    open_entry,
    publish,
    repository_with_every_construct,
    sign_in,
    wait_for_file,
)
from tests.conftest import REPO

PRACTICES = [*sorted(p.stem for p in (REPO / "practices").glob("*.md")), EVERY_CONSTRUCT]
SENTENCE = " Una frase nueva."


page = page_from_open_tabs()


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalEditor]:
    yield from local_editor(tmp_path_factory, repository_with_every_construct)


def changed_lines(root: Path) -> list[tuple[str, int, str]]:
    """Every line `git diff` shows removed (-) or added (+), with its number in the old or
    the new file."""
    found = []
    old = new = 0
    for line in git(root, "diff", "-U0", "--no-color").splitlines():
        hunk = re.match(r"@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@", line)
        if hunk:
            old, new = int(hunk[1]), int(hunk[2])
        elif line.startswith("-") and not line.startswith("---"):
            found.append(("-", old, line[1:]))
            old += 1
        elif line.startswith("+") and not line.startswith("+++"):
            found.append(("+", new, line[1:]))
            new += 1
    return found


def body_start(text: str) -> int:
    """The number (from 0) of the file's first line after the front matter's closing ---."""
    return text.splitlines().index("---", 1) + 1


def paragraph_ends(text: str) -> list[tuple[int, int]]:
    """Every paragraph of the body (in lists and quotes too), as the numbers (from 0) of its
    first and last lines in the file."""
    start = body_start(text)
    body = "\n".join(text.splitlines()[start:])
    return [
        (start + token.map[0], start + token.map[1] - 1)
        for token in body_parser().parse(body)
        if token.type == "paragraph_open" and token.map is not None
    ]


# Where a line of the body's editor ends on the screen: past its last letter, on its last
# row (a long line wraps).
LINE_END = """(line) => {
  const range = document.createRange();
  range.selectNodeContents(line);
  const rows = range.getClientRects();
  const last = rows[rows.length - 1];
  return { x: last.right, y: last.top + last.height / 2 };
}"""


def type_at_line_end(page: Any, body: Any, index: int, text: str) -> None:
    """Click after the last letter of the body's line `index` (from 0) and type `text`."""
    line = body.locator(":scope > [data-slate-node='element']").nth(index)
    line.scroll_into_view_if_needed()
    end = line.evaluate(LINE_END)
    page.mouse.click(end["x"] - 1, end["y"])
    page.keyboard.press("End")
    page.keyboard.type(text)


def published(page: Any, path: Path, before: str) -> str:
    publish(page)
    after = wait_for_file(path, unlike=before)
    page.get_by_text("Publicado", exact=True).wait_for()
    return after


def commit(root: Path) -> None:
    git(root, "commit", "-q", "-am", "Paso")


@pytest.mark.parametrize("key", PRACTICES)
def test_the_body_opens_in_markdown_and_a_reverted_keystroke_leaves_nothing_to_publish(
    page: Any, editor: LocalEditor, key: str
) -> None:
    sign_in(page, editor)
    body = open_entry(page, editor, key)
    assert page.locator(".cms-editor-raw").count() == 1
    assert page.locator(".cms-editor-visual").count() == 0
    assert page.get_by_role("switch").count() == 0  # no way into rich text
    text = (editor.root / "practices" / f"{key}.md").read_text(encoding="utf-8")
    last = paragraph_ends(text)[-1][1] - body_start(text)
    type_at_line_end(page, body, last, "x")
    page.get_by_role("button", name="Publicar", exact=True).wait_for()
    page.keyboard.press("Backspace")
    page.get_by_text("Publicado", exact=True).wait_for()
    assert git(editor.root, "status", "--porcelain") == ""


@pytest.mark.parametrize("key", PRACTICES)
def test_changing_the_summary_changes_only_its_line(
    page: Any, editor: LocalEditor, key: str
) -> None:
    path = editor.root / "practices" / f"{key}.md"
    before = path.read_text(encoding="utf-8")
    sign_in(page, editor)
    open_entry(page, editor, key)
    summary = page.get_by_label("Resumen", exact=True)
    old = summary.input_value()
    summary.fill(old + SENTENCE)
    published(page, path, before)
    number = before.splitlines().index(f"resumen: {old}") + 1
    assert changed_lines(editor.root) == [
        ("-", number, f"resumen: {old}"),
        ("+", number, f"resumen: {old}{SENTENCE}"),
    ]
    commit(editor.root)


def source_of(key: str) -> str:
    """A practice's file as the fixture repository holds it (a copy, line for line)."""
    folder = EVERY_CONSTRUCT_FILE if key == EVERY_CONSTRUCT else REPO / "practices" / f"{key}.md"
    return folder.read_text(encoding="utf-8")


# Every paragraph of every practice (in lists and quotes too): (key, first line, last line).
PARAGRAPHS = [(key, *ends) for key in PRACTICES for ends in paragraph_ends(source_of(key))]


@pytest.mark.parametrize(
    ("key", "first", "last"), PARAGRAPHS, ids=[f"{k}:{f + 1}" for k, f, _ in PARAGRAPHS]
)
def test_a_sentence_added_to_a_paragraph_changes_only_that_paragraph(
    page: Any, editor: LocalEditor, key: str, first: int, last: int
) -> None:
    """The file afterwards is the file before with the sentence at the end of that paragraph,
    and `git diff` shows no line outside it changed (each paragraph saved on its own)."""
    path = editor.root / "practices" / f"{key}.md"
    before = path.read_text(encoding="utf-8")
    lines = before.splitlines()
    sign_in(page, editor)
    body = open_entry(page, editor, key)
    type_at_line_end(page, body, last - body_start(before), SENTENCE)
    after = published(page, path, before)
    changed = changed_lines(editor.root)
    assert [c for c in changed if not first + 1 <= c[1] <= last + 1] == [], changed
    expected = [*lines[:last], lines[last] + SENTENCE, *lines[last + 1 :]]
    assert after == "\n".join(expected) + "\n", changed
    commit(editor.root)


# CONTRIBUTING.md, section 3, word for word; each claim is checked below.
PROMISE = (
    "Lo que guarda es un archivo igual al que escribirías a mano: cambian solo las líneas de lo "
    "que cambiaste, y lo que escribe queda en la misma forma que deja "
    "`python -m generator format`."
)
HAND_WRITTEN = """\
---
# Escrita a mano: comentarios, comillas y una lista entre corchetes.
titulo: "Feria de almaceneros"
resumen: Una feria donde los almaceneros del barrio muestran sus productos.
centro: talca  # el centro que la creó
areas: [vinculacion-ecosistema]
fecha: 2021-04-30
estado: borrador
etiquetas:
- ferias
---


## Contexto
Texto.

## Qué hicimos
Texto.

## Resultados
Sin resultados medidos todavía.

## Cómo replicarla
Texto.
"""


def test_contributing_promises_a_file_as_written_by_hand(page: Any, editor: LocalEditor) -> None:
    """A file written by hand, not in the canonical form: the summary and the areas change in
    the editor, and those lines alone change, written as `format` writes them (a new file is
    written whole in that form: test_local_cms.py)."""
    contributing = " ".join((REPO / "CONTRIBUTING.md").read_text(encoding="utf-8").split())
    assert PROMISE in contributing
    path = editor.root / "practices" / "feria-de-almaceneros.md"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    git(editor.root, "add", "-A")
    commit(editor.root)
    sign_in(page, editor)
    open_entry(page, editor, "feria-de-almaceneros")
    summary = page.get_by_label("Resumen", exact=True)
    summary.fill(summary.input_value() + SENTENCE)
    page.get_by_label("Áreas", exact=True).click()
    page.get_by_role("option", name="Sustentabilidad", exact=True).click()
    after = published(page, path, HAND_WRITTEN)

    old = "resumen: Una feria donde los almaceneros del barrio muestran sus productos."
    written = [
        f"{old}{SENTENCE}",
        "areas:",
        "  - vinculacion-ecosistema",
        "  - sustentabilidad",
    ]
    assert changed_lines(editor.root) == [
        ("-", 4, old),
        ("+", 4, written[0]),
        ("-", 6, "areas: [vinculacion-ecosistema]"),
        ("+", 6, written[1]),
        ("+", 7, written[2]),
        ("+", 8, written[3]),
    ]
    formatted = canonical.format_text("practices/feria-de-almaceneros.md", after).splitlines()
    assert all(line in formatted for line in written)
    commit(editor.root)
