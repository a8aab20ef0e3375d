"""The network page with adoptions (its chart of adoptions per year, its tables of figures)
and a practice's and a center's suggestions, in Chromium: accessible (axe), valid HTML (the Nu
Html Checker), no script and nothing wider than a phone's screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ..sitebuild import built_fixture
from ..sitecheck import AXE_SCRIPT, require, vnu_errors
from ..test_similar import ALIKE
from ..test_transfer import KNOWN
from .conftest import Tabs, served

PAGES = ["red/", "practicas/feria-talca/", "centros/osorno/", "centros/chillan/"]
WIDTHS = (320, 390, 1280)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_fixture(tmp_path_factory.mktemp("transferencia"), {**KNOWN, **ALIKE})


@pytest.fixture(scope="module")
def address(site: Path) -> Iterator[str]:
    with served(site) as base:
        yield base


def test_the_pages_are_valid_html(site: Path) -> None:
    assert vnu_errors([site / path / "index.html" for path in PAGES]) == []


def test_no_accessibility_violation(address: str, tabs: Tabs) -> None:
    require(AXE_SCRIPT, "npm ci --no-audit --no-fund (axe-core)")
    found = {}
    with tabs.lent((1280, 800)) as page:
        for path in PAGES:
            page.goto(address + path, wait_until="load")
            page.add_script_tag(path=str(AXE_SCRIPT))
            result = page.evaluate("() => axe.run(document, { resultTypes: ['violations'] })")
            found[path] = [
                f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
                for v in result["violations"]
            ]
    assert found == {path: [] for path in PAGES}


def test_the_chart_is_named_and_described(address: str, tabs: Tabs) -> None:
    with tabs.lent((390, 800)) as page:
        page.goto(address + "red/", wait_until="load")
        said = page.evaluate(
            """() => {
              const svg = document.querySelector('figure.rc-adopciones-anuales svg');
              const text = name => document.getElementById(svg.getAttribute(name)).textContent;
              return [svg.getAttribute('role'), text('aria-labelledby'), text('aria-describedby')];
            }"""
        )
    assert said == [
        "img",
        "Adopciones entre centros por año",
        "4 adopciones de prácticas publicadas por otro centro: 3 en 2021, 1 en 2022.",
    ]


@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_is_wider_than_the_screen(address: str, tabs: Tabs, width: int) -> None:
    with tabs.lent((width, 800)) as page:
        for path in PAGES:
            page.goto(address + path, wait_until="load")
            wide = page.evaluate(
                """() => [...document.querySelectorAll('article *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                        && !e.closest('.rc-matriz, .rc-oculto, table[data-apilada] thead'))
                .map(e => e.tagName + '.' + e.className).slice(0, 5)"""
            )
            assert wide == [], (path, width)
