"""A table on a phone is a stack of small cards, «Heading: value» per line: every value starts
right after its label, whatever the column's alignment in Markdown (`:---`, `:---:`, `---:`).
A right-aligned column used to push its values to the card's far edge, away from their
labels."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import VALID_PRACTICE, create_repo
from tests.sitebuild import build

from .conftest import Tabs, served

TABLE = """
| Paso | Izquierda | Centro | Derecha |
| --- | :--- | :---: | ---: |
| Convocar | a | b | 1 |
| Visitar a cada uno | c | d | 20 |
"""
PAGE = "practicas/diagnostico/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    practice = VALID_PRACTICE.replace("## Cómo replicarla\nTexto.", "## Cómo replicarla\n" + TABLE)
    root = create_repo(tmp_path_factory.mktemp("tablas") / "repo")
    (root / "practices" / "diagnostico.md").write_text(practice, encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stderr
    with served(root / "site") as base:
        yield base


# Where each body cell's value starts and its card's left edge, row by row.
VALUE_STARTS = """() => [...document.querySelectorAll("table[data-apilada] tbody tr")].map((row) =>
  [...row.querySelectorAll("td")].map((cell) => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    return { cell: cell.getBoundingClientRect().left, value: rects[rects.length - 1].left };
  }))"""


@pytest.mark.parametrize("width", [320, 390])
def test_every_value_starts_after_its_label(
    tabs: Tabs, site: str, width: int, tmp_path: Path
) -> None:
    with tabs.lent((width, 800)) as phone:
        phone.goto(site + PAGE)
        table = phone.locator("table[data-apilada]")
        table.scroll_into_view_if_needed()
        phone.screenshot(path=tmp_path / f"tabla-{width}.png")
        print(f"Captura: {tmp_path / f'tabla-{width}.png'}")
        rows: list[list[dict[str, Any]]] = phone.evaluate(VALUE_STARTS)
        assert len(rows) == 2 and all(len(row) == 4 for row in rows)
        starts = {round(cell["value"] - cell["cell"]) for row in rows for cell in row}
        # Every label is narrower than the labels' column (6.5em): every value starts at it.
        assert len(starts) == 1, starts
        assert 0 < starts.pop() < width / 2


def test_on_a_desktop_the_columns_keep_their_alignment(tabs: Tabs, site: str) -> None:
    with tabs.lent((1280, 800)) as desktop:
        desktop.goto(site + PAGE)
        aligns = desktop.evaluate(
            """() => [...document.querySelector("table tbody tr").children].map(
              (cell) => getComputedStyle(cell).textAlign)"""
        )
        assert aligns == ["left", "left", "center", "right"]
