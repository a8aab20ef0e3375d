"""The editor /admin/ on one machine (`make editar`), in a real Chromium with decap-server.

decap-server (npm, pinned) runs in its file-system mode on a fixture repository, the site is
built with RED_CMS_BACKEND=local and served on 127.0.0.1: what the CMS saves lands in the
fixture's files, and is compared line by line with what was there.
"""

from __future__ import annotations

import difflib
import json
import re
from typing import Any

from generator.authoring import canonical
from generator.authoring.yamlscalars import number_text, text_scalar
from generator.content.models import PracticeMeta
from generator.content.pipeline import check
from generator.content.problems import has_errors
from tests.browser.conftest import page_from_open_tabs
from tests.browser.local_editor import (
    EVERY_CONSTRUCT_FILE,
    LocalEditor,
    new_practice,
    publish,
    sign_in,
    wait_for_file,
)
from tests.conftest import REPO
from tests.spanish import WORD, foreign_words, slips

TALCA = "centers/talca.yml"


page = page_from_open_tabs()


def test_changing_one_milestone_changes_exactly_one_line(page: Any, editor: LocalEditor) -> None:
    path = editor.root / TALCA
    before = path.read_text(encoding="utf-8")
    assert canonical.format_text(TALCA, before) == before
    sign_in(page, editor)
    page.get_by_role("link", name="Centros").click()
    page.get_by_text("Centro de Negocios Sercotec Talca").first.click()
    # The milestone's bar shows its date; its first button opens it.
    page.get_by_text("2020", exact=True).locator("xpath=..").locator("button").first.click()
    event = page.get_by_label("Evento", exact=True)
    old_event = event.input_value()
    event.fill(old_event + " Dato de prueba.")
    publish(page)

    after = wait_for_file(path, unlike=before)
    changed = [
        line
        for line in difflib.ndiff(before.splitlines(), after.splitlines())
        if line[:2] in ("- ", "+ ")
    ]
    assert changed == [f"-     evento: {old_event}", f"+     evento: {old_event} Dato de prueba."]
    _, problems = check(editor.root)
    assert not has_errors(problems), [p.as_text() for p in problems]


def test_a_practice_created_in_the_cms_passes_check_and_format(
    page: Any, editor: LocalEditor
) -> None:
    sign_in(page, editor)
    new_practice(page, "Feria: almaceneros del barrio", "Una feria mensual, #1 en la plaza.")
    page.get_by_label(re.compile("^Etiquetas")).fill("ferias, sí")
    publish(page)

    rel = "practices/feria-almaceneros-del-barrio.md"
    text = wait_for_file(editor.root / rel, unlike=None)
    assert canonical.format_text(rel, text) == text, text
    _, problems = check(editor.root)
    assert not has_errors(problems), [p.as_text() for p in problems]
    assert "fecha: 2021-04-02\n" in text and "titulo: 'Feria: almaceneros del barrio'\n" in text


def test_the_practice_preview_shows_names_not_keys(page: Any, editor: LocalEditor) -> None:
    sign_in(page, editor)
    page.get_by_text("+ Práctica", exact=True).click()
    area = "Aplicación de herramientas de innovación"
    for label, option in (("Centro", "Centro de Negocios Sercotec Talca"), ("Áreas", area)):
        page.get_by_label(label, exact=True).click()
        page.get_by_role("option", name=option, exact=True).click()
    preview = page.frame_locator("iframe").first.locator("article")
    preview.get_by_text(area).wait_for()
    text = preview.inner_text()
    assert "Centro: Centro de Negocios Sercotec Talca" in text and f"Áreas: {area}" in text
    assert "Estado: Borrador" in text and "talca" not in text


def test_the_browser_writes_what_format_writes(page: Any, editor: LocalEditor) -> None:
    sign_in(page, editor)
    page.wait_for_function("() => window.RedCanonico !== undefined")
    texts = [
        "texto simple", "2020", "2020-12", "2021-04-02", "12:30", "sí", "no", "yes", "null", "~",
        "-5%", "#uno", "a: b", "a #b", "fin:", " espacio", "línea\nnueva", "tab\tx", "comilla'",
        'doble"', "0x1F", "1e5", ".5", "1_000", "*ancla", "&ref", "!tag", "@x", "`x`", "[x]",
        "{x}", "x, y", "🙂 emoji", "\u2028", "\x7f", "", "O'Higgins", "Ñuble", "=", "<<",
    ]  # fmt: skip
    written = page.evaluate("texts => texts.map(t => window.RedCanonico.textScalar(t))", texts)
    assert written == [text_scalar(t) for t in texts]
    numbers = [1.0, -35.4264, 12.5, 100.0, 1e-7, 2.5e-5, 1e21, 0.1 + 0.2]
    written = page.evaluate("ns => ns.map(n => window.RedCanonico.numberText(n))", numbers)
    assert written == [number_text(n) for n in numbers]

    data: dict[str, Any] = {
        "estado": "borrador",
        "titulo": "Feria: almaceneros",
        "fecha": "2021-04-02",
        "areas": ["digitalizacion", "innovacion"],
        "resultados": [
            {"valor": 12, "indicador": "Ferias", "fuente": "Registro", "fecha": "2021-05-01"},
            {"valor": 3.0, "indicador": "Horas", "fuente": "Registro"},
            {"valor": 2.5, "indicador": "Nota", "fuente": "Encuesta"},
        ],
        "contacto": {"correo": "equipo@ejemplo.cl", "nombre": "Equipo"},
        "etiquetas": [],
        "otra": {"x": []},
    }  # fmt: skip
    rules = page.evaluate(
        "() => JSON.parse(document.getElementById('reglas-del-editor').textContent)"
    )
    order = rules["formats"][canonical.PRACTICE_FORMAT]["order"]
    from_browser = page.evaluate(
        "([data, order]) => window.RedCanonico.dump(data, order)", [data, order]
    )
    expected = canonical.dump(json.loads(json.dumps(data)), canonical.order_of(PracticeMeta))
    # Python holds days as dates, the browser as text: both write them bare.
    assert from_browser == expected.replace("'2021-04-02'", "2021-04-02").replace(
        "'2021-05-01'", "2021-05-01"
    )


# A header as people write it by hand: comments, quotes, flow lists, keys out of order.
BY_HAND = """\
---
# Escrita a mano.
titulo: "Feria de almaceneros"
centro: talca  # el centro que la creó
resumen: Una feria de almaceneros.
areas: [vinculacion-ecosistema]
fecha: 2021-04-30
estado: borrador
etiquetas:
- ferias

- plaza
---


## Contexto
Texto.
"""


def test_a_file_saved_unchanged_is_the_same_file_byte_for_byte(
    page: Any, editor: LocalEditor
) -> None:
    """Every practice and center of the repository, the practice with every construct and a
    header written by hand, read and saved by the editor's own format: nothing changes; with
    one value changed, only its line does."""
    sign_in(page, editor)
    page.wait_for_function("() => window.RedCanonico !== undefined")
    files = {
        **{p.name: (canonical.PRACTICE_FORMAT, p) for p in (REPO / "practices").glob("*.md")},
        **{p.name: (canonical.CENTER_FORMAT, p) for p in (REPO / "centers").glob("*.yml")},
        EVERY_CONSTRUCT_FILE.name: (canonical.PRACTICE_FORMAT, EVERY_CONSTRUCT_FILE),
    }
    texts = {name: (kind, path.read_text(encoding="utf-8")) for name, (kind, path) in files.items()}
    texts["a-mano.md"] = (canonical.PRACTICE_FORMAT, BY_HAND)
    assert len(texts) > 15
    for name, (kind, text) in texts.items():
        again = page.evaluate("([k, t]) => window.RedCanonico.savedAgain(k, t)", [kind, text])
        assert again == text, name
    changed = page.evaluate(
        "t => window.RedCanonico.savedAgain('red-practica', t, {resumen: 'Otra.'})", BY_HAND
    )
    assert changed == BY_HAND.replace("resumen: Una feria de almaceneros.", "resumen: Otra.")


def test_every_phrase_is_spanish(page: Any, editor: LocalEditor) -> None:
    sign_in(page, editor)
    page.wait_for_function("() => window.RedCanonico !== undefined")
    missing = page.evaluate(
        """() => {
        const missing = [];
        const walk = (en, es, path) => Object.keys(en).forEach(key => {
          if (typeof en[key] === 'object') walk(en[key], (es || {})[key], path + key + '.');
          else if (!es || !(key in es)) missing.push(path + key);
        });
        walk(CMS.getLocale('en'), CMS.getLocale('es'), '');
        return missing;
      }"""
    )
    assert missing == []
    # Decap's own Spanish says «usted» and «eliminar» in places: the site's phrases replace them.
    phrases = page.evaluate(
        """() => {
        const found = {};
        const walk = (node, path) => Object.keys(node).forEach(key => {
          if (typeof node[key] === 'object') walk(node[key], path + key + '.');
          else found[path + key] = String(node[key]);
        });
        walk(CMS.getLocale('es'), '');
        return found;
      }"""
    )
    assert len(phrases) > 200 and slips(phrases) == []
    page.get_by_text("+ Práctica", exact=True).click()
    page.get_by_label("Título", exact=True).wait_for()
    buttons = " ".join(page.get_by_role("button").all_inner_texts())
    assert "Add" not in buttons and "Agregar resultado" in buttons


# What react-select (Decap's choices) says in English, beyond tests/spanish.py's list.
SELECT_ENGLISH = frozenset(
    WORD.findall(
        """press focused option options selected deselected available results result use menu
        exit choose toggle values cleared disabled another term refine type down up left right
        enter escape backspace currently"""
    )
)
# Every text of the editor a person sees or hears: the page's text, and the labels, titles
# and placeholders of its elements (a screen reader reads them).
EDITOR_TEXTS = """() => {
  const found = {};
  document.querySelectorAll("*").forEach((el, i) => {
    for (const name of ["aria-label", "title", "placeholder", "alt"]) {
      const value = el.getAttribute(name);
      if (value) found[`${el.tagName.toLowerCase()}[${name}] ${i}`] = value;
    }
  });
  found.texto = document.body.innerText;
  // What a screen reader reads out of sight: the descriptions elements point to.
  document.querySelectorAll("[aria-describedby]").forEach((el, i) => {
    for (const id of el.getAttribute("aria-describedby").split(" ")) {
      const described = document.getElementById(id);
      if (described) found[`#${id} ${i}`] = described.textContent;
    }
  });
  return found;
}"""


def english_in(texts: dict[str, str]) -> list[str]:
    return foreign_words(texts) + [
        f"{where}: {word!r}"
        for where, text in texts.items()
        for word in WORD.findall(text)
        if word.lower() in SELECT_ENGLISH
    ]


def test_the_choices_and_lists_speak_spanish(page: Any, editor: LocalEditor) -> None:
    """The chips' «×» (react-select said «Remove Vinculación con el ecosistema»), what a
    screen reader hears from a choice, a choice with nothing to offer, a list's count that
    agrees with its number («0 equipo» before) and an item with nothing in it yet."""
    sign_in(page, editor)
    page.goto(f"{editor.admin_url}#/collections/practicas/entries/diagnostico")
    areas = page.get_by_label("Áreas", exact=True)
    areas.wait_for()
    chip = page.get_by_role("button", name="Quitar Digitalización de los negocios")
    assert chip.count() == 1
    team = page.locator("[class*='-ExpandButtonContainer']", has_text="roles")
    assert team.inner_text().strip() == "0 roles"
    page.get_by_role("button", name="Agregar rol").click()
    assert team.count() == 0
    assert page.locator("[class*='-ExpandButtonContainer']", has_text="1 rol").count() == 1
    assert page.locator("[class*='-NestedObjectLabel']", has_text="Sin rol").count() == 1
    areas.click()
    page.keyboard.type("zzz")
    page.get_by_text("No hay opciones", exact=True).wait_for()
    assert page.locator("#aria-results").inner_text() == "0 opciones con «zzz»."
    assert page.locator("#aria-guidance").inner_text().startswith("Usa las flechas arriba y abajo")
    heard = page.evaluate(EDITOR_TEXTS)
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")  # back into the choice: what a screen reader says there
    guidance = page.locator("#aria-guidance", has_text="activa")
    guidance.wait_for(state="attached")
    assert guidance.inner_text().startswith("Lista de opciones activa, escribe para filtrar")
    page.keyboard.press("ArrowLeft")  # onto the chosen area
    assert page.locator("#aria-focused").inner_text() == (
        "«Digitalización de los negocios» marcada, 1 de 1 elegidas."
    )
    texts = {**heard, **page.evaluate(EDITOR_TEXTS)}
    assert english_in(texts) == [], "\n".join(english_in(texts))
    # The other screens: the lists, a center with its milestones, a new practice.
    screens = {
        "practicas": page.get_by_text("+ Práctica", exact=True),
        "centros": page.get_by_text("+ Centro", exact=True),
        "centros/entries/talca": page.get_by_text("1 hito", exact=True),
        "practicas/new": page.get_by_text("0 resultados", exact=True),
    }
    page.once("dialog", lambda dialog: dialog.accept())  # leave the changed entry unsaved
    for screen, drawn in screens.items():
        page.goto(f"{editor.admin_url}#/collections/{screen}")
        drawn.wait_for()
        screen_texts = page.evaluate(EDITOR_TEXTS)
        assert english_in(screen_texts) == [], (screen, "\n".join(english_in(screen_texts)))
    # The check sees the English it looks for (a check that cannot fail proves nothing).
    assert english_in({"x": "Remove x, press Down to open the menu, 0 equipo"})


def test_the_editor_shows_the_sites_icon_and_misses_no_file(
    browser: Any, editor: LocalEditor
) -> None:
    """/admin/ names the site's icon (the browser asked for a missing /favicon.ico) and no
    file it asks for is missing."""
    tab = browser.new_page()
    missing: list[str] = []
    tab.on("response", lambda r: missing.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    sign_in(tab, editor)
    tab.get_by_text("+ Práctica", exact=True).wait_for()
    icon = tab.evaluate("() => document.querySelector('link[rel=icon]').href")
    answer = tab.request.get(icon)
    assert answer.status == 200 and answer.headers["content-type"] == "image/png"
    assert missing == []


def test_a_server_that_does_not_answer_is_said_in_spanish(
    browser: Any, editor: LocalEditor
) -> None:
    """decap-server gone (make editar stopped, or it never started): the entries cannot load,
    and the notice says why in Spanish, not the browser's «TypeError: Failed to fetch»."""
    tab = browser.new_page()
    sign_in(tab, editor)
    tab.get_by_text("+ Práctica", exact=True).wait_for()
    tab.route("**/api/v1", lambda route: route.abort())
    tab.reload()
    notice = tab.locator(".Toastify__toast-body")
    notice.first.wait_for()
    said = notice.first.inner_text()
    assert said.startswith("No se pudieron cargar las entradas: no hay conexión"), said
    assert "make editar" in said and "TypeError" not in said and "fetch" not in said


def test_the_preview_shows_names_not_keys(page: Any, editor: LocalEditor) -> None:
    sign_in(page, editor)
    page.get_by_role("link", name="Centros").click()
    page.get_by_text("Centro de Negocios Sercotec Talca").first.click()
    preview = page.frame_locator("iframe").first.locator("article")
    preview.wait_for()
    text = preview.inner_text()
    assert "Región: Maule" in text and "Estado:" not in text  # no state without its source
    assert "Servicios: Capacitación" in text
    assert "maule" not in text and "entrevista-2020" not in text
