"""Every kind of page of the repository's own site, built without a GitHub repository (as on a
contributor's computer), in a real Chromium: no sideways scroll at 320 px, no request that
fails, numbers beside their names in «De norte a sur», labelled search results, and example
practices that speak to center staff, not in the files' keys."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.content.models import PracticeMeta
from tests.browser.conftest import screen_options, served
from tests.sitebuild import soup
from tests.test_cms import model_tree

NARROW = [(320, 568), (320, 900)]  # a phone, and a tall narrow window (the map is wider)
LANES = 5  # tabs loading pages side by side


@pytest.fixture(scope="module")
def site(repository_site_without_github: Path) -> Path:
    return repository_site_without_github


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with served(site) as url:
        yield url


def page_kinds(site: Path) -> list[str]:
    """One address of each kind of page: each top-level page, and the first page under each
    folder that has several (a practice, a center, an area, a tag), plus the 404 page."""
    pages = sorted(
        path.parent.relative_to(site).as_posix()
        for path in site.rglob("index.html")
        if "pagefind" not in path.parts
    )
    kinds: dict[str, str] = {}
    for page in pages:
        parts = [] if page == "." else page.split("/")
        kind = "/".join(parts[:1]) + ("/*" if len(parts) > 1 else "")
        kinds.setdefault(kind, "" if not parts else page + "/")
    return [*kinds.values(), "404.html", "buscar/?q=almacen"]


def open_context(browser: Any, size: tuple[int, int]) -> Any:
    return browser.new_context(**screen_options(size)).new_page()


@pytest.mark.parametrize("size", NARROW, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_page_scrolls_sideways_at_320_px(
    browser: Any, site: Path, base_url: str, size: tuple[int, int]
) -> None:
    page = open_context(browser, size)
    kinds = page_kinds(site)
    assert len(kinds) >= 12 and "centros/" in kinds  # every kind of page is visited
    wider = {}
    for address in kinds:
        page.goto(base_url + address, wait_until="load")
        page.wait_for_timeout(100)  # the scripts that add the header's search box
        width = page.evaluate("document.scrollingElement.scrollWidth")
        # A phone's browser widens the page to what it holds (innerWidth follows): the
        # screen's own width is the measure.
        if width > min(page.evaluate("innerWidth"), size[0]):
            wider[address] = width
    page.context.close()
    assert wider == {}


def test_no_request_of_any_page_fails(browser: Any, site: Path, base_url: str) -> None:
    """Every request each kind of page makes (styles, scripts, images, feeds, Material's
    sitemap, the search index), listened to while it loads and settles: each page is waited
    for until its network has been idle for 500 ms. The pages of one size load LANES at a
    time, each in its own tab, the tabs going on to the next pages: one after the other the
    waits took 23 s, and a tab per page cost Chromium 0.6 s of CPU for each page."""
    failed: list[str] = []
    seen: list[str] = []

    def answered(response: Any) -> None:
        seen.append(response.url)
        if response.status >= 400:
            failed.append(f"{response.status} {response.url}")

    addresses = page_kinds(site)
    for size in ((1280, 800), (390, 844)):
        first = open_context(browser, size)
        first.context.on("response", answered)
        first.context.on("requestfailed", lambda r: failed.append(f"{r.failure} {r.url}"))
        tabs = [first, *(first.context.new_page() for _ in range(LANES - 1))]
        for start in range(0, len(addresses), LANES):
            loading = list(zip(tabs, addresses[start : start + LANES], strict=False))
            for tab, address in loading:
                tab.goto(base_url + address, wait_until="commit")  # it goes on loading
            for tab, _ in loading:
                tab.wait_for_load_state("networkidle")
        first.context.close()
    assert failed == []
    assert any(url.endswith("sitemap.xml") for url in seen)  # Material's request was heard
    assert any("/pagefind/" in url for url in seen)  # and the search's


MARKER_ROWS = """async (png) => {
  const image = new Image();
  image.src = "data:image/png;base64," + png;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const { data, width } = context.getImageData(0, 0, image.width, image.height);
  const rows = [];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (data[i] + data[i + 1] + data[i + 2] < 300) { rows.push(y); break; }
    }
  }
  return rows;
}"""


def marker_and_first_line(page: Any, item: Any) -> tuple[float, float, float]:
    """Where the number of a list item is drawn (the middle of its dark pixels, from a
    screenshot of the space left of the name) and where the name's first line is."""
    link = item.locator("a")
    name = link.bounding_box()
    line = link.evaluate(
        """a => { const r = document.createRange(); r.selectNodeContents(a);
                  const first = r.getClientRects()[0]; return [first.top, first.bottom]; }"""
    )
    area = item.bounding_box()
    clip = {"x": max(area["x"] - 40, 0), "y": area["y"], "height": area["height"]}
    clip["width"] = name["x"] - clip["x"]
    png = base64.b64encode(page.screenshot(clip=clip)).decode()
    rows = page.evaluate(MARKER_ROWS, png)
    assert rows, item.inner_text()
    scale = 1 / page.evaluate("window.devicePixelRatio")  # screenshot pixels per CSS pixel
    middle = area["y"] + (rows[0] + rows[-1]) / 2 * scale
    return middle, line[0], line[1]


@pytest.mark.parametrize("narrow_list", [False, True], ids=["como-es", "nombres-en-dos-lineas"])
def test_each_number_stands_by_the_first_line_of_its_name(
    browser: Any, base_url: str, narrow_list: bool
) -> None:
    page = open_context(browser, (390, 844))
    page.goto(base_url + "centros/", wait_until="load")
    if narrow_list:  # a list too narrow for «Arica Norte»: names wrap onto two lines
        page.add_style_tag(content=".rc-mapa-lista { flex: 0 0 5.5em !important; }")
    items = page.locator(".rc-mapa-lista li").all()
    wrapped = 0
    for item in items:
        middle, top, bottom = marker_and_first_line(page, item)
        assert top <= middle <= bottom, (item.inner_text(), middle, top, bottom)
        wrapped += item.locator("a").bounding_box()["height"] > 2 * (bottom - top)
    assert wrapped > 0 if narrow_list else len(items) == 13
    page.context.close()


def test_search_results_label_each_value(browser: Any, base_url: str) -> None:
    """A practice's result reads «Centro: …» and its snippet «Centro: …. Región: …», not
    «Centro Centro de Negocios … Región …»."""
    page = open_context(browser, (390, 844))
    page.goto(base_url + "buscar/?q=rapa nui", wait_until="load")
    first = page.locator("[data-rc-buscar-resultados] li").first
    first.wait_for()
    assert first.locator("a").inner_text().startswith("Capacitaciones pensadas")
    where, snippet = [p.inner_text() for p in first.locator("p").all()]
    labels = [part.split(": ", 1)[0] for part in where.split(" · ")]
    assert labels == ["Centro", "Áreas"], where
    assert "Centro: Centro de Negocios Sercotec Rapa Nui. Región: Valparaíso." in snippet
    assert "Centro Centro" not in snippet
    page.context.close()


def test_example_practices_speak_to_center_staff_not_in_keys(site: Path) -> None:
    """No key of the files («la clave `replicas`») in a practice page: a reader is told what
    to do on the site."""
    keys = {key for model in model_tree(PracticeMeta) for key in model.model_fields}
    practices = sorted(p.parent.name for p in (site / "practicas").glob("*/index.html"))
    assert len(practices) >= 3
    for practice in practices:
        text = soup(site, f"practicas/{practice}/").select_one("article")
        assert text is not None
        code = {c.get_text() for c in text.find_all("code")}
        assert not code & keys, (practice, code & keys)
        assert "clave" not in text.get_text().lower(), practice
