"""The editor and the site agree on Markdown: what an author writes in the editor's rich text
(a list right after a sentence, a nested list, a link, a bold word) and its Markdown mode (a
table, which rich text cannot make) is saved, built, and has on the site the structure the
editor's own preview shows.

The editor is Decap CMS with decap-server (`make editar`), in Chromium
(tests/browser/local_editor.py).
"""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup, Tag

from generator.content.pipeline import check
from generator.content.problems import has_errors
from tests.browser.local_editor import LocalEditor, new_practice, publish, sign_in, wait_for_file
from tests.sitebuild import build, soup

LINK = "https://www.sercotec.cl/"
TITLE = "Prueba del editor y el sitio"
PATH = "practices/prueba-del-editor-y-el-sitio.md"


def write_in_rich_text(page: Any) -> None:
    """In «Qué hicimos»: a sentence, a list right after it with a nested list, a sentence with
    a link and a bold word; each made as an author makes it, with the keyboard and the bar."""
    body = page.locator("[data-slate-editor]")
    body.get_by_text("Cuenta paso a paso", exact=False).click(click_count=3)
    keyboard = page.keyboard
    keyboard.type("Pasos:")
    keyboard.press("Enter")
    page.get_by_title("Lista con viñetas").click()
    keyboard.type("Convocar a los almacenes")
    keyboard.press("Enter")
    keyboard.type("Visitar cada negocio")
    keyboard.press("Enter")
    keyboard.press("Tab")  # a nested list, as in a word processor
    keyboard.type("Con una pauta impresa")
    keyboard.press("Enter")
    keyboard.press("Enter")
    keyboard.press("Enter")
    # The link ends the sentence. The editor (Slate) learns of a caret moved by a key only
    # later (it listens to the page's selection changes, throttled): text typed right after
    # «End» past a link it had just inserted went into the link now and then (3 runs in 64
    # with both cores busy), and a choice made with Shift+arrows was linked a few letters
    # short. Typing and the bar's buttons act where the editor itself left the caret.
    keyboard.type("Algo ")
    keyboard.press("Control+b")
    keyboard.type("importante")
    keyboard.press("Control+b")
    keyboard.type(": más información en ")
    page.once("dialog", lambda dialog: dialog.accept(LINK))
    page.get_by_title("Enlace").click()  # with no text chosen, the address is the link's text
    body.locator("a", has_text=LINK).wait_for()


def write_a_table_in_markdown(page: Any) -> None:
    """Rich text has no table: in the editor's Markdown mode, «Cómo replicarla» becomes a
    sentence and a table."""
    mode = page.get_by_role("switch")  # «Texto enriquecido | Markdown» over the text
    mode.click()
    raw = page.locator("[data-slate-editor]")  # the Markdown as text, in an editor too
    raw.get_by_text("Explica qué necesita", exact=False).click(click_count=3)  # its line
    page.keyboard.type("Pedir la pauta al centro.\n\n| Paso | Quién |\n|---|---|\n")
    page.keyboard.type("| Convocar | Equipo del centro |")
    mode.click()


def structure(content: Tag) -> dict[str, Any]:
    """What a reader sees of the written parts: lists (with what each item holds), links,
    bold words and table cells."""

    def items(listing: Tag) -> list[Any]:
        found = []
        for item in listing.find_all("li", recursive=False):
            text = "".join(str(t) for t in item.find_all(string=True, recursive=False)).strip()
            own = item.find("p", recursive=False)
            text = text or (own.get_text(strip=True) if own else "")
            nested = item.find(["ul", "ol"])
            found.append([text, items(nested)] if nested else text)
        return found

    lists = [
        (str(listing.find_previous_sibling().get_text(strip=True)), items(listing))
        for listing in content.find_all(["ul", "ol"])
        if listing.find_parent("li") is None and listing.find_previous_sibling() is not None
    ]
    return {
        "lists": lists,
        "links": [(a.get_text(strip=True), a.get("href")) for a in content.select("a[href]")],
        "bold": [b.get_text(strip=True) for b in content.select("strong, b")],
        "table": [
            [c.get_text(strip=True) for c in r.select("th, td")] for r in content.select("tr")
        ],
    }


def test_what_the_editor_shows_is_what_the_site_shows(page: Any, editor: LocalEditor) -> None:
    sign_in(page, editor)
    new_practice(page, TITLE, "Una práctica escrita en el editor.")
    write_in_rich_text(page)
    write_a_table_in_markdown(page)
    preview = page.frame_locator("iframe").first.locator(".cuerpo")
    preview.get_by_text("Equipo del centro").wait_for()
    previewed = structure(BeautifulSoup(preview.inner_html(), "html.parser"))
    publish(page)
    text = wait_for_file(editor.root / PATH, unlike=None)
    assert "Pasos:\n\n" in text or "Pasos:\n-" in text or "Pasos:\n*" in text, text
    _, problems = check(editor.root)
    assert not has_errors(problems), [p.as_text() for p in problems]
    site = editor.root.parent / "sitio-editor"
    result = build(editor.root, "--drafts", site_dir=site)
    assert result.returncode == 0, result.stderr
    shown = structure(body_of(soup(site, "practicas/prueba-del-editor-y-el-sitio/")))
    nested = ["Visitar cada negocio", ["Con una pauta impresa"]]
    assert previewed["lists"] == [("Pasos:", ["Convocar a los almacenes", nested])], previewed
    assert previewed["links"] == [(LINK, LINK)]
    assert previewed["bold"] == ["importante"]
    assert previewed["table"] == [["Paso", "Quién"], ["Convocar", "Equipo del centro"]]
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
