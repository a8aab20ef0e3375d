"""Finding a practice in a real Chromium: Spanish search, the faceted catalogue, printing.

One site per module: a synthetic network plus three hand-made practices whose titles carry
the words searched for, so the expected result is known.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Tabs, served
from tests.sitebuild import build

from ..command import run_generator

SYNTH_PRACTICES = 150
FIRST_QUERY_BUDGET = 300_000  # bytes, compressed, at 5,000 practices; here far less

SECTIONS = """
## Contexto
Los {plural} de la comuna pedían apoyo concreto en {tema}.

## Qué hicimos
Un taller breve de {tema} y una visita a cada negocio.

## Resultados
No se midieron resultados todavía.

## Cómo replicarla
Reservar una sala, invitar a los {plural} y seguir la pauta de {tema}.
"""

HAND_MADE = {
    "digitalizacion-ferias-libres": (
        "Digitalización paso a paso para ferias libres",
        "Un plan de digitalización en tres pasos para los puestos de una feria libre.",
        "feriantes",
        "digitalización",
        "digitalizacion",
    ),
    "almacen-inventario-al-dia": (
        "Almacén con inventario al día",
        "Cómo un almacén de barrio lleva su inventario en un cuaderno y luego en planilla.",
        "almaceneros",
        "orden del almacén",
        "mejora-continua",
    ),
    "capacitacion-cobro-con-tarjeta": (
        "Capacitación en cobro con tarjeta para comerciantes",
        "Una capacitación práctica para aceptar pagos con tarjeta en el negocio.",
        "comerciantes",
        "capacitación en cobro con tarjeta",
        "digitalizacion",
    ),
}
SEARCHES = {
    "digitalizacion": "digitalizacion-ferias-libres",
    "almacen": "almacen-inventario-al-dia",
    "capacitaciones": "capacitacion-cobro-con-tarjeta",
}


def hand_made_practice(center: str, values: tuple[str, str, str, str, str]) -> str:
    title, summary, plural, theme, area = values
    return (
        f"---\ntitulo: {title}\nresumen: {summary}\ncentro: {center}\nareas: [{area}]\n"
        "fecha: 2021-06-01\nestado: publicada\nservicios: [capacitacion]\n---\n"
        + SECTIONS.format(plural=plural, tema=theme)
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, chromium: object) -> Path:
    root = tmp_path_factory.mktemp("finding") / "repo"
    synth = ["synth", "--centers", "6", "--practices", str(SYNTH_PRACTICES), "--out", str(root)]
    assert run_generator(*synth).returncode == 0
    # Drafts are not this module's subject (and a published page may link to one): publish all.
    for path in (root / "practices").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\nestado: borrador\n", "\nestado: publicada\n", 1))
    center = sorted(p.stem for p in (root / "centers").glob("*.yml"))[0]
    for practice_id, values in HAND_MADE.items():
        text = hand_made_practice(center, values)
        (root / "practices" / f"{practice_id}.md").write_text(text, encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with served(site) as url:
        yield url


PART_PAGES = 40  # the site has over 200 pages: its index in 6 parts


@pytest.fixture(scope="module")
def split_url(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same site, its index made in parts as a site of thousands of pages has it."""
    from generator.publish.build import SITE_NAME, project_config_file
    from generator.publish.search import (
        INDEX_DIR,
        BackgroundIndex,
        articles,
        nav_titles,
        tree_pages,
    )
    from generator.publish.settings import RunSettings
    from generator.publish.tree import render_tree

    split = tmp_path_factory.mktemp("partes") / "site"
    shutil.copytree(site, split)
    shutil.rmtree(split / INDEX_DIR)
    root = site.parent
    tree = render_tree(RunSettings.from_environment(root)).tree
    found = articles(tree_pages(tree), SITE_NAME, nav_titles(project_config_file(root)))
    index = BackgroundIndex.start(found, split, part_pages=PART_PAGES)
    index.finish()
    index.link_parts(split)
    assert len(index.parts) > 2
    with served(split) as url:
        yield url


@pytest.fixture
def phone(tabs: Tabs) -> Iterator[Any]:
    with tabs.lent((390, 844)) as tab:
        yield tab


def practice_records(site: Path) -> list[dict[str, Any]]:
    data = json.loads((site / "api" / "practicas.json").read_text(encoding="utf-8"))
    return list(data["practicas"])


def compressed_size(url: str, body: bytes) -> int:
    """What the file costs on the wire: Pagefind's chunks are gzip already, the rest is not."""
    if body[:2] == b"\x1f\x8b" or url.endswith(".pagefind"):
        return len(body)
    return len(gzip.compress(body, compresslevel=6))


def search(page: Any, query: str) -> list[str]:
    page.fill("#rc-buscar-q", query)
    page.wait_for_function(
        "q => document.querySelector('[data-rc-buscar-estado]').textContent.includes('«' + q + '»')"
        " && document.querySelectorAll('[data-rc-buscar-resultados] li').length > 0",
        arg=query,
    )
    links = page.locator("[data-rc-buscar-resultados] li > a")
    return [str(links.nth(i).get_attribute("href")) for i in range(min(3, links.count()))]


@pytest.mark.parametrize("query", sorted(SEARCHES))
def test_spanish_search_finds_the_practice_in_the_top_three(
    phone: Any, base_url: str, query: str
) -> None:
    phone.goto(base_url + "buscar/")
    top = search(phone, query)
    assert f"/practicas/{SEARCHES[query]}/" in top, top
    assert phone.url.endswith(f"?q={query}")


def test_more_results_button_only_when_there_are_more(phone: Any, base_url: str) -> None:
    more = phone.get_by_role("button", name="Mostrar más resultados")
    status = phone.locator("[data-rc-buscar-estado]")
    phone.goto(base_url + "buscar/?q=zzqxj")
    status.filter(has_text="Nada encontrado").wait_for()
    assert not more.is_visible()
    phone.goto(base_url + "buscar/?q=taller")
    status.filter(has_text="resultados para").wait_for()
    total = int(status.inner_text().split()[0])
    items = phone.locator("[data-rc-buscar-resultados] li")
    items.nth(9).wait_for()  # the first page of results follows the count
    assert total > 10 and items.count() == 10 and more.is_visible()
    while more.is_visible():
        count = items.count()
        more.click()
        phone.wait_for_function(
            "n => document.querySelectorAll('[data-rc-buscar-resultados] li').length > n", arg=count
        )
    assert items.count() == total


def test_header_box_opens_the_results_and_the_first_query_is_small(
    browser: Any, site: Path, base_url: str
) -> None:
    # A tab of its own: an empty cache, as on a first visit.
    phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    errors: list[str] = []
    phone.on("pageerror", lambda error: errors.append(str(error)))
    phone.goto(base_url + "centros/")
    box = phone.get_by_role("searchbox", name="Buscar en el sitio")
    responses: list[Any] = []
    phone.on("response", lambda response: responses.append(response))
    box.fill("almacen")
    box.press("Enter")
    phone.wait_for_selector("[data-rc-buscar-resultados] li")
    assert phone.url == base_url + "buscar/?q=almacen"
    search_files = [r for r in responses if "/pagefind/" in r.url and r.status == 200]
    assert any(r.url.endswith("pagefind.js") for r in search_files)
    assert not [r.url for r in responses if not r.url.startswith(base_url)]  # own origin only
    total = sum(compressed_size(r.url, r.body()) for r in search_files)
    assert total < FIRST_QUERY_BUDGET, total
    assert errors == []


def test_search_without_the_index_says_so_and_points_to_the_catalogue(
    desktop: Any, site: Path
) -> None:
    page = desktop
    page.goto((site / "buscar" / "index.html").as_uri())
    page.fill("#rc-buscar-q", "almacen")
    status = page.locator("[data-rc-buscar-estado]")
    status.filter(has_text="no está disponible").wait_for()


def expected_count(records: list[dict[str, Any]], **chosen: set[str]) -> int:
    def fits(record: dict[str, Any]) -> bool:
        for facet, values in chosen.items():
            have = record[facet] if isinstance(record[facet], list) else [record[facet]]
            if not set(have) & values:
                return False
        return True

    return sum(1 for r in records if fits(r))


def shown(page: Any) -> int:
    return int(page.locator(".rc-catalogo li:visible").count())


def open_filters(page: Any) -> None:
    page.locator("summary", has_text="Filtrar").click()


def test_filters_combine_count_and_live_in_the_url(phone: Any, site: Path, base_url: str) -> None:
    records = practice_records(site)
    center = sorted(r["centro"] for r in records)[0]
    phone.goto(base_url + "practicas/")
    assert shown(phone) == len(records)
    open_filters(phone)

    phone.get_by_role("checkbox", name=re.compile("^Digitalización")).check()
    phone.get_by_label("Centro", exact=True).select_option(center)
    want = expected_count(records, areas={"digitalizacion"}, centro={center})
    assert 0 < want < len(records)
    assert shown(phone) == want
    status = phone.locator("[data-conteo]")
    assert status.inner_text() == f"Se muestran {want} de {len(records)} prácticas"
    # Each option counts the practices it would show with the other filters kept.
    innovation = expected_count(records, areas={"innovacion"}, centro={center})
    label = phone.locator("label", has=phone.locator("input[value=innovacion]"))
    assert label.inner_text().endswith(f"({innovation})")
    other_centers = expected_count(records, areas={"digitalizacion"})
    assert phone.locator("#rc-filtro-centro option[value='']").count() == 1
    total_in_options = phone.evaluate(
        "() => [...document.querySelectorAll('#rc-filtro-centro option')].filter(o => o.value)"
        ".reduce((n, o) => n + Number(o.textContent.match(/\\((\\d+)\\)$/)[1]), 0)"
    )
    assert total_in_options == other_centers

    shared = phone.url
    assert "area=digitalizacion" in shared and f"centro={center}" in shared
    phone.goto(shared)
    open_filters(phone)
    assert phone.get_by_role("checkbox", name=re.compile("^Digitalización")).is_checked()
    assert phone.get_by_label("Centro", exact=True).input_value() == center
    assert shown(phone) == want

    phone.get_by_role("button", name="Limpiar filtros").click()
    assert shown(phone) == len(records)
    assert phone.url == base_url + "practicas/"


def test_filters_work_from_the_keyboard(phone: Any, site: Path, base_url: str) -> None:
    records = practice_records(site)
    phone.goto(base_url + "practicas/")
    phone.locator("summary", has_text="Filtrar").focus()
    phone.keyboard.press("Enter")
    phone.get_by_role("checkbox", name=re.compile("^Asesoría")).focus()
    phone.keyboard.press("Space")
    assert shown(phone) == expected_count(records, servicios={"asesoria"})


def test_without_javascript_the_catalogue_is_the_full_list(browser: Any, site: Path) -> None:
    page = browser.new_page(java_script_enabled=False)
    page.goto((site / "practicas" / "index.html").as_uri())
    assert not page.locator("#rc-filtros").is_visible()
    assert page.locator(".rc-catalogo li:visible").count() == len(practice_records(site))


def test_a_printed_practice_is_one_clean_document(desktop: Any, base_url: str) -> None:
    from pypdf import PdfReader

    page = desktop
    page.goto(base_url + "practicas/almacen-inventario-al-dia/")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    for present in ("Almacén con inventario al día", "Contexto", "Qué hicimos", "Resultados"):
        assert present in text
    assert "Cómo replicarla" in text and "Contacto" in text
    for absent in ("Made with", "Material for MkDocs", "La red", "Acerca", "Buscar", "Limpiar"):
        assert absent not in text, absent


def all_results(page: Any, url: str) -> tuple[int, set[str]]:
    """The count the page says, and every result's address (shown to the end)."""
    page.goto(url)
    status = page.locator("[data-rc-buscar-estado]")
    status.filter(has_text="resultados para").wait_for()
    total = int(status.inner_text().split()[0])
    more = page.get_by_role("button", name="Mostrar más resultados")
    items = page.locator("[data-rc-buscar-resultados] li")
    items.nth(min(total, 10) - 1).wait_for()
    while more.is_visible():
        count = items.count()
        more.click()
        page.wait_for_function(
            "n => document.querySelectorAll('[data-rc-buscar-resultados] li').length > n", arg=count
        )
    links = page.locator("[data-rc-buscar-resultados] li > a")
    return total, {str(links.nth(i).get_attribute("href")) for i in range(links.count())}


@pytest.mark.parametrize("query", ["taller", "almacen", "capacitaciones", "digitalizacion"])
def test_an_index_made_in_parts_finds_what_the_whole_index_finds(
    desktop: Any, base_url: str, split_url: str, query: str
) -> None:
    whole = all_results(desktop, f"{base_url}buscar/?q={query}")
    parts = all_results(desktop, f"{split_url}buscar/?q={query}")
    assert parts == (whole[0], {href.replace(base_url, split_url) for href in whole[1]})
    assert whole[0] > 0
    if query in SEARCHES:
        assert f"/practicas/{SEARCHES[query]}/" in search(desktop, query)
