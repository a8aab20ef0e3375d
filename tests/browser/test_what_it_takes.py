"""In Chromium: the catalogue filters by difficulty and cost, and without a known repository
«¿Tu centro adoptó esta práctica? Cómo registrarlo» leads to the contributing page's section."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import served
from tests.conftest import REPO, create_repo
from tests.sitebuild import build
from tests.test_what_it_takes import FIXTURE


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, chromium: object) -> Iterator[str]:
    root = create_repo(tmp_path_factory.mktemp("necesita") / "repo", FIXTURE)
    contributing = root / "content" / "paginas" / "contribuir.md"
    contributing.parent.mkdir(exist_ok=True)
    contributing.write_bytes((REPO / "content" / "paginas" / "contribuir.md").read_bytes())
    result = build(root)  # no RED_REPO_URL, no GitHub variables: the repository is unknown
    assert result.returncode == 0, result.stderr
    with served(root / "site") as url:
        yield url


def shown(page: Any) -> list[str]:
    items = page.locator(".rc-catalogo li:visible a")
    return [str(items.nth(i).get_attribute("href")) for i in range(items.count())]


def test_filters_by_difficulty_and_cost(page: Any, base_url: str) -> None:
    page.goto(base_url + "practicas/")
    assert len(shown(page)) == 3
    page.locator("summary", has_text="Filtrar").click()
    page.get_by_role("checkbox", name=re.compile("^Media")).check()
    assert shown(page) == ["feria/"]
    page.get_by_role("checkbox", name=re.compile("^Sin costo")).check()
    assert shown(page) == []  # across facets the filters narrow
    page.get_by_role("checkbox", name=re.compile("^Media")).uncheck()
    assert shown(page) == ["taller/"]
    assert "costo=sin-costo" in page.url


def test_the_adoption_link_leads_to_how_to_record_it(page: Any, base_url: str) -> None:
    page.goto(base_url + "practicas/feria/")
    page.get_by_role("link", name="¿Tu centro adoptó esta práctica? Cómo registrarlo").click()
    page.wait_for_url(re.compile(r"/contribuir/#registrar-que-tu-centro-adopto-una-practica$"))
    heading = page.locator("#registrar-que-tu-centro-adopto-una-practica")
    assert heading.is_visible()
    assert "adoptó una práctica" in heading.inner_text()
