"""What the browser gets from the repository's own site: accessible pages, a map and filters
that work by keyboard, no request to another host, a small page weight, and an offline
bundle that navigates and searches from `file://`."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from ..sitecheck import AXE_SCRIPT, require
from .conftest import page_from_open_tabs, served

PRACTICE = "practicas/capacitaciones-para-conexiones-lentas/"
PAGES = ["", "practicas/", PRACTICE, "centros/", "centros/rapa-nui/", "red/"]
FIRST_VISIT_BUDGET = 300 * 1024
NEXT_PAGE_BUDGET = 60 * 1024


page = page_from_open_tabs()


@pytest.fixture(scope="module")
def site(repository_site: Path) -> Iterator[str]:
    with served(repository_site) as base:
        yield base


def test_no_serious_or_critical_accessibility_violations(site: str, page: Any) -> None:
    require(AXE_SCRIPT, "npm ci --no-audit --no-fund (axe-core)")
    found = {}
    for path in PAGES:
        page.goto(site + path, wait_until="load")
        page.add_script_tag(path=str(AXE_SCRIPT))
        result = page.evaluate("() => axe.run(document, { resultTypes: ['violations'] })")
        serious = [
            f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if serious:
            found[path] = serious
    assert found == {}


def focused_after_tabs(page: Any, count: int) -> list[str]:
    reached = []
    for _ in range(count):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("() => document.activeElement.getAttribute('href') || ''"))
    return reached


def test_tab_reaches_every_map_link(site: str, page: Any) -> None:
    page.goto(site + "centros/", wait_until="load")
    links = page.eval_on_selector_all("figure svg a", "els => els.map(e => e.getAttribute('href'))")
    assert len(links) == 13
    reached = focused_after_tabs(page, 150)
    assert [link for link in links if link not in reached] == []
    page.focus(f"figure svg a[href='{links[0]}']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site + "centros/" + links[0].removeprefix("./")


def test_catalogue_filters_work_by_keyboard(site: str, page: Any) -> None:
    page.goto(site + "practicas/", wait_until="load")
    controls = page.eval_on_selector_all(
        "#rc-filtros input, #rc-filtros select, #rc-filtros button", "els => els.length"
    )
    if controls == 0:
        pytest.skip("El catálogo no tiene filtros.")
    reached = []
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate(
            "() => document.activeElement.matches('.rc-filtrar:not([open]) > summary')"
        ):
            page.keyboard.press("Enter")  # "Filtrar" opens the filters
        inside = page.evaluate("() => !!document.activeElement.closest('#rc-filtros')")
        if inside:
            reached.append(page.evaluate("() => document.activeElement.outerHTML"))
    assert len(set(reached)) == controls
    visible = "() => document.querySelectorAll('.rc-catalogo li:not([hidden])').length"
    before = page.evaluate(visible)
    page.focus("#rc-filtros input[type=checkbox]")
    page.keyboard.press("Space")
    assert page.evaluate(visible) < before or before <= 1


def test_no_request_leaves_the_site(site: str, browser: Any) -> None:
    page = browser.new_page()  # a tab of its own: every file is fetched, none from a cache
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    for path in [*PAGES, "buscar/?q=almacen"]:
        page.goto(site + path, wait_until="networkidle")
    assert hosts == {urlsplit(site).netloc}


class Transfer:
    """Bytes a visit transfers, gzip-compressed as a static host would send them.

    The test server neither compresses nor sets cache headers, so a URL already fetched
    counts as cached (a revalidation carries no body): what a later page adds is new files.
    """

    def __init__(self, page: Any) -> None:
        self.finished: list[Any] = []
        self.seen: set[str] = set()
        page.on("requestfinished", lambda request: self.finished.append(request))

    def take(self) -> int:
        total = 0
        for request in self.finished:
            response = request.response()
            if response is None or response.status != 200 or request.url in self.seen:
                continue
            self.seen.add(request.url)
            total += len(gzip.compress(response.body(), 9))
        self.finished.clear()
        return total


def test_page_weight_budget(site: str, browser: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    transfer = Transfer(page)
    page.goto(site + PRACTICE, wait_until="networkidle")
    first = transfer.take()
    page.goto(site + "practicas/mesa-ecosistema-local/", wait_until="networkidle")
    second = transfer.take()
    print(f"primera visita: {first / 1024:.0f} KB, segunda página: {second / 1024:.0f} KB")
    assert first <= FIRST_VISIT_BUDGET
    assert second <= NEXT_PAGE_BUDGET


def test_offline_bundle_navigates_and_searches_from_disk(
    repository_offline_site: Path, page: Any
) -> None:
    home = (repository_offline_site / "index.html").as_uri()
    page.goto(home, wait_until="load")
    page.click("a.md-tabs__link:has-text('Prácticas')")
    page.wait_for_load_state("load")
    assert page.url.endswith("/practicas/index.html")
    page.click(".rc-catalogo a[href$='capacitaciones-para-conexiones-lentas.html']")
    page.wait_for_load_state("load")
    assert "conexiones lentas" in page.inner_text("article h1").lower()
    page.fill("#rc-buscar-cabecera-q", "rapa nui")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("?")[0].endswith("/buscar.html")
    results = page.locator("[data-rc-buscar-resultados] a")
    results.first.wait_for()
    titles = results.all_inner_texts()
    assert any("Rapa Nui" in title for title in titles), titles
    # As online: an example says so, and the center and the areas follow its title.
    example = page.locator("[data-rc-buscar-resultados] li").filter(has_text="conexiones lentas")
    assert example.locator("a").inner_text().endswith("(ejemplo)")
    assert example.locator(".rc-buscar-donde").inner_text() == (
        "Centro: Centro de Negocios Sercotec Rapa Nui · Áreas: Digitalización de los negocios, "
        "Aplicación de herramientas de innovación"
    )
    with page.expect_navigation():
        results.first.click()
    assert page.url.startswith("file://") and page.url.endswith(".html")


def test_the_offline_bundle_opens_from_disk_with_a_clean_console(
    repository_offline_site: Path, browser: Any
) -> None:
    """Every kind of page, opened from disk: no error, no warning, no failed request (the
    theme fetched the sitemap.xml beside each feed link: a CORS error on every page)."""
    tab = browser.new_page()
    said: list[str] = []
    tab.on("console", lambda m: said.append(f"{m.type}: {m.text}") if m.type != "log" else None)
    tab.on("pageerror", lambda error: said.append(f"pageerror: {error}"))
    tab.on("requestfailed", lambda request: said.append(f"requestfailed: {request.url}"))
    files = ["index.html", "practicas/index.html", PRACTICE.removesuffix("/") + ".html"]
    files += ["centros/index.html", "centros/rapa-nui.html", "red/index.html", "buscar.html"]
    files += ["novedades.html", "areas/digitalizacion.html"]
    for name in files:
        tab.goto((repository_offline_site / name).as_uri(), wait_until="load")
        tab.wait_for_timeout(300)  # what the theme's scripts fetch once the page is there
    assert said == []


def test_the_online_site_offers_its_feeds(site: str, page: Any) -> None:
    """The feed links the offline bundle leaves out stay in the published site."""
    page.goto(site + "centros/talca/")
    feeds = page.locator("link[rel=alternate][type='application/atom+xml']")
    assert feeds.count() == 2
