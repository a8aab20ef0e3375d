"""Material's navigation and tabs, rendered once per place for the pages outside the
navigation (generator/engines/mkdocs/navcache.py), give every page the bytes it had when they
were rendered for each page."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import pytest

from generator.engines import EngineJob, engine_named
from generator.engines.mkdocs import navcache, plugin
from generator.publish.build import project_config_file
from generator.publish.settings import RunSettings
from generator.publish.tree import write_tree

from .conftest import copy_repository


def pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


@pytest.mark.parametrize("offline", [False, True], ids=["en-linea", "sin-conexion"])
def test_each_page_gets_the_navigation_it_had(
    offline: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_repository(tmp_path / "repo")
    docs = tmp_path / "docs"
    write_tree(RunSettings(root, offline=offline), docs)
    places: list[Any] = []
    place = navcache.place
    monkeypatch.setattr(navcache, "place", lambda *a: places.append(place(*a)) or places[-1])
    environments: list[Any] = []
    keep = plugin.keep_rendered
    monkeypatch.setattr(plugin, "keep_rendered", lambda env: environments.append(env) or keep(env))

    def build(site: str) -> dict[str, bytes]:
        job = EngineJob(project_config_file(root), docs, tmp_path / site, offline)
        engine_named("mkdocs").build(job)
        return pages(tmp_path / site)

    kept_once = build("una-vez")
    kept = environments[0].globals["rc_kept"]
    monkeypatch.setattr(plugin, "keep_rendered", lambda env: None)
    assert kept_once == build("cada-vez")

    outside = sum(1 for p in places if p is not None) // len(navcache.CACHED)
    assert outside > 20  # the practices, the centers, the areas, the tags…
    assert {name for name, _ in kept} == set(navcache.CACHED)
    assert len(kept) < outside  # pages in one place share what was rendered once


def test_a_link_in_the_navigation_is_part_of_the_place(tmp_path: Path) -> None:
    """Two pages at the same depth in different folders link differently to a folder of the
    navigation that has no page of its own."""
    from mkdocs.structure.nav import Link, Navigation
    from mkdocs.structure.pages import Page

    class Config:  # what `place` reads of MkDocs' config
        extra: ClassVar[dict[str, str]] = {}
        theme: ClassVar[dict[str, str]] = {}

    def page_at(url: str) -> Any:
        page = Page.__new__(Page)
        page.file = type("F", (), {"url": url})()
        page.meta = {}
        return page

    nav = Navigation([Link("Etiquetas", "etiquetas/")], [])
    one, other = page_at("etiquetas/a/"), page_at("otros/b/")
    assert navcache.place(one, nav, Config()) != navcache.place(other, nav, Config())
