"""Reading the repository's own site on a phone and on a desktop, measured as a person sees
it in Chromium: where things are, how wide, whether they overlap or move, how big a finger's
target is, and what text is on the screen."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import Chromium, Tabs, page_from_open_tabs, served

PHONES = [(320, 568), (390, 844)]
SCREENS = [*PHONES, (1280, 800)]
PRACTICE = "practicas/capacitaciones-para-conexiones-lentas/"
# Collected from the first paint on: every layout shift the page makes while it loads.
LAYOUT_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__shifts.push(entry.value);
  }
}).observe({ type: "layout-shift", buffered: true });
"""


@pytest.fixture(scope="module")
def site(repository_site: Path) -> Iterator[str]:
    with served(repository_site) as base:
        yield base


@pytest.fixture(scope="module")
def tabs(chromium: Chromium) -> Iterator[Tabs]:
    """This module's tabs collect every layout shift from each page's first paint on."""
    kept = Tabs(chromium, init_script=LAYOUT_SHIFTS)
    yield kept
    kept.close()


@pytest.fixture(params=SCREENS, ids=lambda s: f"{s[0]}px")
def screen(request: pytest.FixtureRequest, tabs: Tabs) -> Iterator[Any]:
    with tabs.lent(request.param) as tab:
        yield tab


@pytest.fixture(params=PHONES, ids=lambda s: f"{s[0]}px")
def phone(request: pytest.FixtureRequest, tabs: Tabs) -> Iterator[Any]:
    with tabs.lent(request.param) as tab:
        yield tab


page = page_from_open_tabs()


def sideways_overflow(page: Any) -> int:
    """How many pixels the page is wider than the screen (0: no sideways scroll). The screen's
    own width: a phone's browser widens innerWidth to what the page holds."""
    width = min(page.viewport_size["width"], page.evaluate("window.innerWidth"))
    return int(page.evaluate("document.scrollingElement.scrollWidth")) - width


def total_shift(page: Any) -> float:
    page.wait_for_timeout(500)  # let the scripts run and any late shift be reported
    return float(page.evaluate("window.__shifts.reduce((a, b) => a + b, 0)"))


def box(page: Any, selector: str) -> dict[str, float]:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, selector
    return dict(found)


def test_first_practice_is_in_the_first_screen_behind_one_filter_control(
    phone: Any, site: str
) -> None:
    phone.goto(site + "practicas/", wait_until="load")
    first = box(phone, ".rc-catalogo li a")
    assert first["y"] + first["height"] <= phone.viewport_size["height"]
    assert not phone.locator("#rc-filtros").is_visible()
    assert phone.locator("summary", has_text="Filtrar").is_visible()
    assert sideways_overflow(phone) == 0
    assert total_shift(phone) < 0.01
    phone.locator("summary", has_text="Filtrar").click()
    assert phone.locator("#rc-filtros").is_visible()
    assert "necesitan JavaScript" not in phone.locator(".rc-filtrar").inner_text()
    assert sideways_overflow(phone) == 0


def test_the_headline_count_follows_the_filters(phone: Any, site: str) -> None:
    phone.goto(site + "practicas/", wait_until="load")
    total = phone.locator(".rc-catalogo li").count()
    headline = phone.locator("[data-conteo]")
    assert headline.inner_text() == f"{total} prácticas"
    # Beside the count, how many of the practices counted are examples (not real cases).
    examples = phone.locator("[data-ejemplos]")

    def shown_examples() -> str:
        count = phone.locator(".rc-catalogo li[data-estado=ejemplo]:visible").count()
        return f"({count} de ejemplo)" if count else ""

    assert phone.locator(".rc-catalogo li[data-estado=ejemplo]").count() > 0
    assert examples.inner_text().strip() == shown_examples()
    phone.locator("summary", has_text="Filtrar").click()
    phone.get_by_label("Centro", exact=True).select_option(
        label="Centro de Negocios Sercotec Talca (1)"
    )
    assert phone.locator(".rc-catalogo li:visible").count() == 1
    assert headline.inner_text() == f"Se muestra 1 de {total} prácticas"
    assert examples.inner_text().strip() == shown_examples()
    assert phone.locator("summary", has_text="Filtrar").inner_text().endswith("(1 activo)")
    phone.get_by_role("checkbox", name="Pymes").check()
    assert phone.locator("summary").first.inner_text().endswith("(2 activos)")
    phone.get_by_role("button", name="Limpiar filtros").click()
    assert headline.inner_text() == f"{total} prácticas"
    assert phone.locator("summary", has_text="Filtrar").inner_text().strip().endswith("Filtrar")


def test_filters_that_leave_nothing_say_so_in_a_sentence(phone: Any, site: str) -> None:
    """The headline reads as one sentence for every count: the order of the list («de la más
    reciente a la más antigua») is said of a list, not of none."""
    phone.goto(site + "practicas/", wait_until="load")
    total = phone.locator(".rc-catalogo li").count()
    headline = phone.locator(".rc-titular")
    assert headline.inner_text().startswith(f"{total} prácticas")
    assert headline.inner_text().endswith(", de la más reciente a la más antigua.")
    phone.locator("summary", has_text="Filtrar").click()
    phone.get_by_label("Centro", exact=True).select_option(
        label="Centro de Negocios Sercotec Talca (1)"
    )
    phone.get_by_role("checkbox", name=re.compile("^Vinculación con el ecosistema")).check()
    assert phone.locator(".rc-catalogo li:visible").count() == 0
    assert headline.inner_text() == f"Ninguna de las {total} prácticas cumple estos filtros."
    phone.get_by_role("checkbox", name=re.compile("^Vinculación con el ecosistema")).uncheck()
    assert headline.inner_text().startswith(f"Se muestra 1 de {total} prácticas")
    assert headline.inner_text().endswith(", de la más reciente a la más antigua.")


def test_an_unknown_filter_in_the_address_is_said(phone: Any, site: str) -> None:
    phone.goto(site + "practicas/?area=no-existe&centro=talca", wait_until="load")
    headline = phone.locator(".rc-titular").inner_text()
    assert "«area=no-existe»" in headline and "no se aplicó" in headline
    assert phone.locator(".rc-catalogo li:visible").count() == 1
    assert "Se muestra 1 de" in headline


def test_search_lists_practices_first_with_their_center_and_area(phone: Any, site: str) -> None:
    phone.goto(site + "buscar/?q=ecosistema", wait_until="load")
    results = phone.locator("[data-rc-buscar-resultados] li")
    results.first.wait_for()
    titles = [results.nth(i).locator("a").inner_text() for i in range(results.count())]
    practice = titles.index("Mesa de coordinación con el ecosistema local (ejemplo)")
    for general in ("Acerca de la red", "Datos abiertos (API)"):
        assert general in titles and titles.index(general) > practice, titles
    where = results.nth(practice).locator(".rc-buscar-donde").inner_text()
    assert (
        where == "Centro: Centro de Negocios Sercotec Osorno · Áreas: Vinculación con el ecosistema"
    )
    # Nothing more to show: no button to show more.
    assert not phone.get_by_role("button", name="Mostrar más resultados").is_visible()


@pytest.mark.parametrize("path", ["", "practicas/", PRACTICE, "centros/", "red/", "buscar/"])
def test_no_page_is_wider_than_the_screen_or_moves_while_loading(
    screen: Any, site: str, path: str
) -> None:
    screen.goto(site + path, wait_until="load")
    assert sideways_overflow(screen) == 0
    assert total_shift(screen) < 0.01
    text = screen.locator("body").inner_text()
    for technical in ("Not found", "practices/", "centers/", ".md", "historial de git", "la clave"):
        assert technical not in text, (path, technical)


def test_edit_this_page_is_a_link_to_propose_a_change(page: Any, site: str) -> None:
    page.goto(site + PRACTICE, wait_until="load")
    link = page.get_by_role("link", name="Editar esta página")
    href = str(link.get_attribute("href"))
    if href.startswith("https://"):  # in CI the repository is known: GitHub's edit page
        assert href.endswith("/practices/capacitaciones-para-conexiones-lentas.md")
    else:
        link.click()
        assert page.url == site + "contribuir/"
        assert page.locator("article h1").inner_text() == "Cómo contribuir"


OVERLAPS = """
(selector) => {
  const boxes = [...document.querySelectorAll(selector)].map((e) => e.getBoundingClientRect());
  const touching = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => {
    if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
      touching.push([i, i + 1 + j]);
    }
  }));
  return touching;
}
"""


def test_no_two_chart_labels_touch(screen: Any, site: str) -> None:
    screen.goto(site + "red/", wait_until="load")
    assert screen.locator(".rc-grafico text").count() >= 4
    assert screen.evaluate(OVERLAPS, ".rc-grafico text") == []
    chart = box(screen, ".rc-grafico")
    assert chart["x"] + chart["width"] <= screen.viewport_size["width"]


@pytest.mark.parametrize(
    "labels",
    [
        ["2020", "2020", "meta 2021"],
        ["inicio de 2020", "fin de 2020", "meta fin de 2021"],
        ["enero de 2020", "diciembre de 2020", "septiembre de 2021", "meta diciembre de 2021"],
    ],
)
def test_chart_labels_of_any_length_never_touch(screen: Any, labels: list[str]) -> None:
    from generator.site.charts import bar_chart

    bars = [(label, 9 + 3 * i, i == len(labels) - 1) for i, label in enumerate(labels)]
    svg = bar_chart(bars, title="Centros")
    screen.set_content(
        f'<meta name="viewport" content="width=device-width"><body style="margin:16px">'
        f"<style>svg {{ max-width: 100%; height: auto; }}</style>{svg}</body>"
    )
    assert screen.evaluate(OVERLAPS, "svg text") == []
    assert sideways_overflow(screen) == 0


@pytest.mark.parametrize("path", ["centros/", "red/", "api/"])
def test_tables_fit_the_screen(screen: Any, site: str, path: str) -> None:
    screen.goto(site + path, wait_until="load")
    width = screen.viewport_size["width"]
    rights = screen.eval_on_selector_all(
        "article table, article table td", "els => els.map(e => e.getBoundingClientRect().right)"
    )
    assert rights and max(rights) <= width, (path, max(rights))


def test_every_center_on_the_map_is_a_finger_sized_target_with_its_name(
    screen: Any, site: str
) -> None:
    screen.goto(site + "centros/", wait_until="load")
    links = screen.locator("figure svg a.mapa-centro")
    assert links.count() == 13
    for i in range(links.count()):
        target = links.nth(i).locator(".mapa-centro-zona").bounding_box()
        assert target["width"] >= 24 and target["height"] >= 24, target
    melipilla = screen.locator("figure svg a[href='melipilla/']")
    name = melipilla.locator(".mapa-centro-nombre")
    assert not name.is_visible()
    melipilla.focus()
    assert name.is_visible() and name.text_content() == "Melipilla"
    talagante = screen.locator("figure svg a[href='talagante/']")
    talagante.hover()
    assert talagante.locator(".mapa-centro-nombre").is_visible()


def test_the_list_beside_the_map_tells_close_centers_apart(screen: Any, site: str) -> None:
    screen.goto(site + "centros/", wait_until="load")
    on_map = screen.eval_on_selector_all(
        "figure svg a.mapa-centro", "els => els.map(e => e.getAttribute('href')).sort()"
    )
    listed = screen.eval_on_selector_all(
        ".rc-mapa-lista a", "els => els.map(e => e.getAttribute('href')).sort()"
    )
    assert listed == on_map
    figure, names = box(screen, "figure.rc-mapa"), box(screen, ".rc-mapa-lista")
    assert names["x"] >= figure["x"] + figure["width"]  # beside it, at every width
    for center in ("Melipilla", "Talagante"):
        link = screen.locator(".rc-mapa-lista a", has_text=center)
        size = link.bounding_box()
        assert size["height"] >= 24 and link.is_visible()
    # A name wraps only between words: never more lines than words ("Copiap/ó").
    lines_and_words = screen.eval_on_selector_all(
        ".rc-mapa-lista a",
        """els => els.map(a => {
            const range = document.createRange();
            range.selectNodeContents(a);
            const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
            return [a.textContent, tops.size, a.textContent.trim().split(/\\s+/).length];
        })""",
    )
    for name, lines, words in lines_and_words:
        assert lines <= words, (name, lines)
    assert sideways_overflow(screen) == 0


def test_the_published_data_read_well_on_a_phone(phone: Any, site: str) -> None:
    """On a phone each label of «Datos publicados» sits over its value, which gets the whole
    width of the text (beside a wide label it got a word per line)."""
    phone.goto(site + "red/", wait_until="load")
    text = box(phone, ".md-content__inner")
    for label, value in zip(
        phone.locator(".rc-ficha dt").all(), phone.locator(".rc-ficha dd").all(), strict=True
    ):
        above, below = label.bounding_box(), value.bounding_box()
        assert above["y"] + above["height"] <= below["y"] + 1, label.inner_text()
        assert below["width"] >= 0.9 * text["width"], label.inner_text()
    assert sideways_overflow(phone) == 0


DETAIL_PAGES = {
    PRACTICE: ("Prácticas", ["Prácticas", "Digitalización de los negocios"]),
    "centros/talca/": ("Centros", ["Centros"]),
    "areas/digitalizacion/": ("Áreas", ["Áreas"]),
    "etiquetas/conectividad/": ("Prácticas", ["Prácticas", "Etiquetas"]),
}


@pytest.mark.parametrize("path", sorted(DETAIL_PAGES))
def test_every_detail_page_shows_where_it_is(screen: Any, site: str, path: str) -> None:
    section, trail = DETAIL_PAGES[path]
    screen.goto(site + path, wait_until="load")
    crumbs = screen.locator(".rc-ruta a")
    assert crumbs.all_inner_texts() == trail
    assert crumbs.first.is_visible()
    width = screen.viewport_size["width"]
    if width >= 1280:
        assert screen.locator(".md-tabs__item--active").inner_text().strip() == section
        # No empty navigation column on the left: the article starts near the left edge.
        assert not screen.locator(".md-sidebar--primary").is_visible()
        assert box(screen, "article")["x"] < width / 8
    footer = screen.locator(".md-footer")
    assert footer.inner_text().strip(), "empty footer bar"
    assert "Novedades" in footer.inner_text()


def test_the_printed_sheet_says_where_and_when_it_came_from(page: Any, site: str) -> None:
    import io
    import re

    from pypdf import PdfReader

    page.goto(site + PRACTICE, wait_until="load")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    first = pdf.pages[0].extract_text()
    assert "Red de Centros" in first
    assert (site + PRACTICE) in first.replace("\n", "")
    assert re.search(r"\d{1,2} de [a-z]+ de 20\d\d", first), first[:300]
    # An example practice says so on paper too: in its title and in the note under it.
    sheet = " ".join(first.split())
    assert "conexiones lentas (ejemplo)" in sheet
    assert "Esta ficha solo muestra el formato de una práctica" in sheet


ATOM = "{http://www.w3.org/2005/Atom}"


def read_feed(page: Any, url: str) -> Any:
    import xml.etree.ElementTree as ET

    response = page.request.get(url)
    assert response.ok, url
    feed = ET.fromstring(response.body())
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.findtext(f"{ATOM}{required}"), required
    return feed


@pytest.mark.parametrize("path", ["areas/digitalizacion/", "centros/talca/", "centros/osorno/"])
def test_areas_and_centers_offer_their_own_feed(page: Any, site: str, path: str) -> None:
    from urllib.parse import urljoin

    page.goto(site + path, wait_until="load")
    alternates = page.eval_on_selector_all(
        "head link[rel=alternate][type='application/atom+xml']", "els => els.map(e => e.href)"
    )
    own = [href for href in alternates if not href.endswith("/feed.xml")]
    assert len(own) == 1, alternates
    subscribe = page.get_by_role("link", name="Suscribirse", exact=True)
    assert page.evaluate("a => a.href", subscribe.element_handle()) == own[0]
    feed = read_feed(page, own[0])
    alternate = feed.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert urljoin(own[0], alternate) == site + path  # the feed links back to its page
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        target = urljoin(own[0], entry.find(f"{ATOM}link[@rel='alternate']").get("href"))
        page.goto(target)
        heading = page.locator("article h1").inner_text()
        title = entry.findtext(f"{ATOM}title")
        assert heading in title
        # Every practice of this repository is an example: every entry says so.
        assert title.endswith("(ejemplo)")
        assert entry.findtext(f"{ATOM}summary").startswith("Práctica de ejemplo")


def test_news_page_lists_the_latest_practices(page: Any, site: str) -> None:
    page.goto(site, wait_until="load")
    page.locator(".md-footer").get_by_role("link", name="Novedades").click()
    assert page.url == site + "novedades/"
    items = page.locator(".rc-novedades li")
    assert items.count() == 3
    assert all("(ejemplo" in text for text in items.all_inner_texts())
    items.first.locator("a").click()
    assert page.url.startswith(site + "practicas/")


def test_the_news_page_has_its_own_tab(page: Any, site: str) -> None:
    """«Novedades» is a section of its own: a tab in the header, marked while it is open."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site, wait_until="load")
    tabs = page.locator(".md-tabs__link")
    assert "Novedades" in [t.strip() for t in tabs.all_inner_texts()]
    tabs.filter(has_text="Novedades").click()
    assert page.url == site + "novedades/"
    assert page.locator(".md-tabs__item--active").inner_text().strip() == "Novedades"
