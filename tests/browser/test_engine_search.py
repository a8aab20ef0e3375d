"""The site's search answers the same with either engine: the same Spanish queries, typed in
the search page of each site in Chromium, give the same first results."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator

import pytest

from tests.browser.conftest import Tabs, served
from tests.browser.test_finding import search
from tests.sitebuild import built_by_each_engine

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
