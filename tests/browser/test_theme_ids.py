"""A page whose headings are named like every id of its theme still runs its JavaScript, with
both engines: no script error, the theme's own elements keep their ids (`### __config` took the
id of Material's `<script id="__config">`: its JSON failed and the page stayed «no-js»)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from generator.engines.themeids import reserved_ids

from ..conftest import VALID_PRACTICE, create_repo
from ..sitebuild import built_by_each_engine
from .conftest import Tabs, served

BODY = "".join(f"### {wanted}\n\nTexto bajo «{wanted}».\n\n" for wanted in reserved_ids().examples)
PRACTICE = VALID_PRACTICE.replace("## Qué hicimos\nTexto.\n", "## Qué hicimos\nTexto.\n\n" + BODY)

PAGE_STATE = """() => {
  const counted = {};
  for (const el of document.querySelectorAll("[id]")) counted[el.id] = (counted[el.id] || 0) + 1;
  const config = document.getElementById("__config");
  let settings = null;
  try { settings = JSON.parse(config.textContent); } catch (error) { settings = String(error); }
  return {
    twice: Object.keys(counted).filter((id) => counted[id] > 1),
    noJs: document.documentElement.classList.contains("no-js"),
    config: config.tagName,
    settings: typeof settings,
    headings: [...document.querySelectorAll("article h3")].map((h) => h.id),
  };
}"""


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory, chromium: object) -> Iterator[dict[str, str]]:
    root = create_repo(
        tmp_path_factory.mktemp("ids-del-tema") / "repo", {"practices/diagnostico.md": PRACTICE}
    )
    built = built_by_each_engine(root)
    with served(built["mkdocs"]) as mkdocs, served(built["zensical"]) as zensical:
        yield {"mkdocs": mkdocs, "zensical": zensical}


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_headings_named_like_the_themes_ids_break_no_script(
    tabs: Tabs, sites: dict[str, str], engine: str
) -> None:
    console: list[str] = []
    with tabs.lent((1280, 720)) as page:  # a script error on the page fails the test
        page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
        page.goto(sites[engine] + "practicas/diagnostico/", wait_until="load")
        page.wait_for_function(
            "!document.documentElement.classList.contains('no-js')", timeout=10_000
        )
        state: dict[str, Any] = page.evaluate(PAGE_STATE)
    assert console == []
    assert state["twice"] == []
    assert (state["noJs"], state["config"], state["settings"]) == (False, "SCRIPT", "object")
    assert state["headings"] == [f"{wanted}-1" for wanted in reserved_ids().examples]
