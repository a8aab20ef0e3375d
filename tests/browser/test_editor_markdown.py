"""The editor and the site agree on Markdown: the body is written in Markdown beside a live
preview, and that preview shows what the site shows.

- A practice that uses every construct of the site's Markdown (task lists, each table
  alignment, nested lists, every bullet, ordered lists from any number, comments, hard
  breaks, bare addresses, links to files, alerts, code) previews with the structure the
  site's renderer gives it (tests/htmlshape.py, the comparison tests/test_dialect.py uses
  against GitHub's renderer).
- What an author types (a list right after a sentence, a nested list, a link, a bold word,
  a table) shows in the preview while typing, is saved, built, and has on the site the
  structure the preview showed.

The editor is Decap CMS with decap-server (`make editar`), in Chromium
(tests/browser/local_editor.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from generator.content.pipeline import check
from generator.content.problems import has_errors
from generator.site.htmlrender import render_html
from tests.browser.local_editor import (
    EVERY_CONSTRUCT,
    LocalEditor,
    local_editor,
    new_practice,
    open_entry,
    publish,
    repository_with_every_construct,
    sign_in,
    wait_for_file,
)
from tests.htmlshape import difference
from tests.sitebuild import build, soup

LINK = "https://www.sercotec.cl/"
TITLE = "Prueba del editor y el sitio"
PATH = "practices/prueba-del-editor-y-el-sitio.md"
WRITTEN = f"""Pasos:
- Convocar a los almacenes
- Visitar cada negocio
  - Con una pauta impresa

Algo **importante**: más información en [el sitio de Sercotec]({LINK}) o en www.codesser.cl.

| Paso | Quién | Horas |
| --- | --- | ---: |
| Convocar | Equipo del centro | 4 |"""


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalEditor]:
    yield from local_editor(tmp_path_factory, repository_with_every_construct)


def preview_of_body(page: Any) -> Any:
    return page.frame_locator("iframe").first.locator(".cuerpo")


def test_every_construct_previews_as_the_site_renders_it(page: Any, editor: LocalEditor) -> None:
    sign_in(page, editor)
    open_entry(page, editor, EVERY_CONSTRUCT)
    preview = preview_of_body(page)
    preview.get_by_text("Un párrafo final.").wait_for()
    text = (editor.root / "practices" / f"{EVERY_CONSTRUCT}.md").read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    shown = preview.locator(":scope > div").inner_html()  # Decap's container of the body
    different = difference(render_html(body), shown)
    assert not different, different


def write_in_markdown(page: Any, body: Any) -> None:
    """«Qué hicimos»'s guidance line becomes WRITTEN, typed as an author types it."""
    body.get_by_text("Cuenta paso a paso", exact=False).click(click_count=3)  # its line
    page.keyboard.type(WRITTEN)


def structure(content: Tag) -> dict[str, Any]:
    """What a reader sees of the written parts: lists (with what each item holds), links,
    bold words and table cells with their alignment."""

    def items(listing: Tag) -> list[Any]:
        found = []
        for item in listing.find_all("li", recursive=False):
            text = "".join(str(t) for t in item.find_all(string=True, recursive=False)).strip()
            own = item.find("p", recursive=False)
            text = text or (own.get_text(strip=True) if own else "")
            nested = item.find(["ul", "ol"])
            found.append([text, items(nested)] if nested else text)
        return found

    def align(cell: Tag) -> str:
        style = str(cell.get("style") or "")
        return str(cell.get("align") or style.replace("text-align:", "").strip(" ;") or "-")

    lists = [
        (str(listing.find_previous_sibling().get_text(strip=True)), items(listing))
        for listing in content.find_all(["ul", "ol"])
        if listing.find_parent("li") is None and listing.find_previous_sibling() is not None
    ]
    return {
        "lists": lists,
        "links": [a.get_text(strip=True) for a in content.select("a[href]")],
        "bold": [b.get_text(strip=True) for b in content.select("strong, b")],
        "table": [
            [(c.get_text(strip=True), align(c)) for c in r.select("th, td")]
            for r in content.select("tr")
        ],
    }


def test_what_the_editor_shows_is_what_the_site_shows(page: Any, editor: LocalEditor) -> None:
    sign_in(page, editor)
    new_practice(page, TITLE, "Una práctica escrita en el editor.")
    write_in_markdown(page, page.locator("[data-slate-editor]"))
    preview = preview_of_body(page)
    preview.get_by_text("Equipo del centro").wait_for()  # shown while typing
    previewed = structure(BeautifulSoup(preview.inner_html(), "html.parser"))
    publish(page)
    text = wait_for_file(editor.root / PATH, unlike=None)
    assert f"\n{WRITTEN}\n" in text, text
    _, problems = check(editor.root)
    assert not has_errors(problems), [p.as_text() for p in problems]
    site = editor.root.parent / "sitio-editor"
    result = build(editor.root, "--drafts", site_dir=site)
    assert result.returncode == 0, result.stderr
    shown = structure(body_of(soup(site, "practicas/prueba-del-editor-y-el-sitio/")))
    nested = ["Visitar cada negocio", ["Con una pauta impresa"]]
    assert previewed["lists"] == [("Pasos:", ["Convocar a los almacenes", nested])], previewed
    assert previewed["links"] == ["el sitio de Sercotec", "www.codesser.cl"]
    assert previewed["bold"] == ["importante"]
    assert previewed["table"] == [
        [("Paso", "-"), ("Quién", "-"), ("Horas", "right")],
        [("Convocar", "-"), ("Equipo del centro", "-"), ("4", "right")],
    ]
    assert shown == previewed


def body_of(page: BeautifulSoup) -> Tag:
    """The author's body on the site's page: after the practice's card, before the template's
    «Adoptada por»."""
    card = page.select_one("article .rc-ficha")
    assert card is not None
    part = BeautifulSoup("<div></div>", "html.parser")
    holder = part.div
    assert holder is not None
    for node in card.find_next_siblings():
        if isinstance(node, Tag) and node.get("id") == "adoptada-por":
            break
        holder.append(node.__copy__())
    return holder
