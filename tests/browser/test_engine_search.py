"""The site's search answers the same with either engine: the same Spanish queries, typed in
the search page or in the header's box of each site in Chromium, give the same first results,
with or without accents; Zensical's offline copy, opened from disk, searches too."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Tabs, served
from tests.browser.test_finding import search
from tests.sitebuild import build, built_by_each_engine

from ..command import run_generator

QUERIES = ("almacen", "capacitaciones", "digitalizacion", "municipio")


@pytest.fixture(scope="module")
def addresses(
    tmp_path_factory: pytest.TempPathFactory, chromium: object
) -> Iterator[dict[str, str]]:
    root = tmp_path_factory.mktemp("buscar-motores") / "repo"
    synth = ["synth", "--centers", "6", "--practices", "60", "--out", str(root)]
    assert run_generator(*synth).returncode == 0
    sites = built_by_each_engine(root)
    with served(sites["mkdocs"]) as mkdocs, served(sites["zensical"]) as zensical:
        yield {"mkdocs": mkdocs, "zensical": zensical}


@pytest.mark.parametrize("query", QUERIES)
def test_the_same_query_finds_the_same_first_results(
    tabs: Tabs, addresses: dict[str, str], query: str
) -> None:
    found = {}
    for engine, base in addresses.items():
        with tabs.lent((1280, 720)) as page:
            page.goto(base + "buscar/")
            found[engine] = search(page, query)
    assert found["mkdocs"], query
    assert found["zensical"] == found["mkdocs"]


def test_the_two_sites_are_two_engines(addresses: dict[str, str]) -> None:
    """Not one site twice (the test above would pass on it): Zensical's theme is its own."""
    homes = {}
    for engine, base in addresses.items():
        with urllib.request.urlopen(base, timeout=10) as response:
            homes[engine] = response.read().decode("utf-8")
    assert "assets/stylesheets/modern/" in homes["zensical"]
    assert "assets/stylesheets/modern/" not in homes["mkdocs"]


# Typed into the header's box: each with its accents and without (the site forgives them).
HEADER_QUERIES = (("digitalizacion", "digitalización"), ("almacen", "almacén"))


def header_search(page: Any, query: str) -> tuple[str, list[str]]:
    """Type `query` in the header's box and press Enter: on the page it opens, how many results
    it says and the first ones."""
    page.fill("#rc-buscar-cabecera-q", query)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    results = page.locator("[data-rc-buscar-resultados] li > a")
    results.first.wait_for()
    status = page.inner_text("[data-rc-buscar-estado]")
    assert status.endswith(f"para «{query}».") and "result " not in status, status
    first = [str(results.nth(i).get_attribute("href")) for i in range(min(3, results.count()))]
    return status.split(" ")[0], first


@pytest.mark.parametrize("queries", HEADER_QUERIES, ids=lambda q: q[0])
def test_the_header_box_finds_the_same_with_both_engines_and_forgives_accents(
    tabs: Tabs, addresses: dict[str, str], queries: tuple[str, str]
) -> None:
    found = {}
    for engine, base in addresses.items():
        for query in queries:
            with tabs.lent((1280, 720)) as page:
                page.goto(base + "practicas/")
                assert page.locator(".md-search").count() == 0  # no engine's own search box
                found[engine, query] = header_search(page, query)
                assert page.url.startswith(base + "buscar/?q=")
    for query in queries:  # the same first results on both engines
        assert found["mkdocs", query] == found["zensical", query], query
    # As many found with the accent as without it, on each engine.
    assert len({total for total, _ in found.values()}) == 1, found


@pytest.fixture(scope="module")
def zensical_offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("buscar-sin-conexion") / "repo"
    synth = ["synth", "--centers", "4", "--practices", "20", "--out", str(root)]
    assert run_generator(*synth).returncode == 0
    site = root.parent / "sitio"
    result = build(root, "--engine", "zensical", "--offline", site_dir=site)
    assert result.returncode == 0, result.stderr
    return site


def test_zensicals_offline_copy_searches_from_the_header_on_disk(
    tabs: Tabs, zensical_offline: Path
) -> None:
    with tabs.lent((390, 800)) as page:
        page.goto((zensical_offline / "index.html").as_uri(), wait_until="load")
        assert page.locator(".md-search").count() == 0
        total, first = header_search(page, "digitalización")
        assert page.url.split("?")[0].endswith("/buscar.html")
        assert first and all(href.endswith(".html") for href in first)
        page.goto((zensical_offline / "acerca.html").as_uri(), wait_until="load")
        assert header_search(page, "digitalizacion")[0] == total
