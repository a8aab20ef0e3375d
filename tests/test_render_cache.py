"""The preview's cached pages are the pages a fresh render writes, whatever changed.

Every page renders from its context alone (generator/site/contexts.py), and that context is
its cache key: a change anywhere in the repository either changes the context of the pages
that show it, or changes no page. The list items are cached the same way, by their context.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import addresses as paths
from generator.addresses import OFFLINE, ONLINE
from generator.content.models import Coordinates, Replica
from generator.content.pipeline import load_valid
from generator.content.repository import Repository
from generator.site.contexts import Page
from generator.site.render import RenderCache, RenderOptions, render_docs
from generator.site.similar import Kept
from generator.site.view import SiteView

from .conftest import create_repo


def practice(front: str) -> str:
    sections = "".join(
        f"\n## {s}\nTexto de {s.lower()}.\n"
        for s in ("Contexto", "Qué hicimos", "Resultados", "Cómo replicarla")
    )
    return f"---\n{front.strip()}\n---\n{sections}"


FILES = {
    "practices/ferias.md": practice(
        """
titulo: Ferias locales
resumen: Ferias mensuales para vender productos de emprendedores.
centro: talca
areas: [vinculacion-ecosistema]
fecha: 2021-08-01
estado: publicada
etiquetas: [ventas]
relacionadas: [ventas]
replicas:
  - {centro: osorno, fecha: 2022-03-01, nota: En la plaza}
"""
    ),
    "practices/ventas.md": practice(
        """
titulo: Ventas por redes
resumen: Vender por redes sociales con un catálogo simple.
centro: osorno
areas: [digitalizacion]
fecha: 2021-06-01
estado: publicada
etiquetas: [ventas, redes]
"""
    ),
}
PRACTICES = ["diagnostico", "ferias", "ventas"]
CENTERS = ["talca", "osorno"]
Changed = tuple[SiteView, RenderOptions]
Change = Callable[[Repository, SiteView, RenderOptions, str], Changed]


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    root = create_repo(tmp_path_factory.mktemp("cache") / "repo", FILES)
    repo, _ = load_valid(root)
    return repo


def copied(repo: Repository) -> Repository:
    return dataclasses.replace(
        repo, centers=dict(repo.centers), practices=dict(repo.practices), pages=dict(repo.pages)
    )


def practice_field(name: str, index: int) -> Change:
    def change(repo: Repository, view: SiteView, options: RenderOptions, text: str) -> Changed:
        entry = repo.practices[PRACTICES[index]]
        if name == "body":
            repo.practices[entry.id] = dataclasses.replace(entry, body=entry.body + text)
        else:
            data = entry.data.model_copy(update={name: text})
            repo.practices[entry.id] = dataclasses.replace(entry, data=data)
        return view, options

    return change


def center_name(index: int) -> Change:
    def change(repo: Repository, view: SiteView, options: RenderOptions, text: str) -> Changed:
        entry = repo.centers[CENTERS[index]]
        data = entry.data.model_copy(update={"nombre": text})
        repo.centers[entry.id] = dataclasses.replace(entry, data=data)
        return view, options

    return change


def practice_list(name: str, index: int) -> Change:
    """A tag or an area more (the areas' keys cycle through the taxonomy's)."""

    def change(repo: Repository, view: SiteView, options: RenderOptions, text: str) -> Changed:
        entry = repo.practices[PRACTICES[index]]
        keys = list(repo.taxonomy.data.areas)
        value = text if name == "etiquetas" else keys[len(text) % len(keys)]
        data = entry.data.model_copy(update={name: [*getattr(entry.data, name), value]})
        repo.practices[entry.id] = dataclasses.replace(entry, data=data)
        return view, options

    return change


def practice_state(index: int) -> Change:
    def change(repo: Repository, view: SiteView, options: RenderOptions, text: str) -> Changed:
        entry = repo.practices[PRACTICES[index]]
        state = ("publicada", "ejemplo", "borrador")[len(text) % 3]
        repo.practices[entry.id] = dataclasses.replace(
            entry, data=entry.data.model_copy(update={"estado": state})
        )
        return view, options

    return change


def adoption(repo: Repository, view: SiteView, options: RenderOptions, text: str) -> Changed:
    """Another center adopts «Ventas por redes», with a note."""
    entry = repo.practices["ventas"]
    replica = Replica(centro="talca", fecha=dt.date(2023, 1, 1 + len(text) % 28), nota=text)
    data = entry.data.model_copy(update={"replicas": [replica]})
    repo.practices[entry.id] = dataclasses.replace(entry, data=data)
    return view, options


def center_field(name: str, index: int) -> Change:
    def change(repo: Repository, view: SiteView, options: RenderOptions, text: str) -> Changed:
        entry = repo.centers[CENTERS[index]]
        value: object = text
        if name == "coordenadas":  # moved on the map, or off it
            value = Coordinates(lat=-20 - len(text), lon=-71) if len(text) % 3 else None
        data = entry.data.model_copy(update={name: value})
        repo.centers[entry.id] = dataclasses.replace(entry, data=data)
        return view, options

    return change


def network_field(name: str) -> Change:
    def change(repo: Repository, view: SiteView, options: RenderOptions, text: str) -> Changed:
        data = repo.network.data.model_copy(update={name: text})
        repo.network = dataclasses.replace(repo.network, data=data)
        return view, options

    return change


def page_body(repo: Repository, view: SiteView, options: RenderOptions, text: str) -> Changed:
    page = repo.pages["acerca"]
    repo.pages["acerca"] = dataclasses.replace(page, body=page.body + text)
    return view, options


def area_name(repo: Repository, view: SiteView, options: RenderOptions, text: str) -> Changed:
    taxonomy = repo.taxonomy.data
    areas = dict(taxonomy.areas)
    areas["digitalizacion"] = areas["digitalizacion"].model_copy(update={"nombre": text})
    data = taxonomy.model_copy(update={"areas": areas})
    repo.taxonomy = dataclasses.replace(repo.taxonomy, data=data)
    return view, options


def without_contributing(
    repo: Repository, view: SiteView, options: RenderOptions, text: str
) -> Changed:
    repo.pages.pop("contribuir", None)
    return view, options


def git_date(repo: Repository, view: SiteView, options: RenderOptions, text: str) -> Changed:
    updated = {**view.updated, "practices/ferias.md": dt.date(2024, 1, 1 + len(text) % 28)}
    return dataclasses.replace(view, updated=updated), options


def edit_base(repo: Repository, view: SiteView, options: RenderOptions, text: str) -> Changed:
    return view, dataclasses.replace(options, edit_base=f"https://example.org/{len(text)}/")


def file_urls(repo: Repository, view: SiteView, options: RenderOptions, text: str) -> Changed:
    switched = OFFLINE if options.addresses.directory_urls else ONLINE
    return view, dataclasses.replace(options, addresses=switched)


CHANGES: list[Change] = [
    *(practice_field(name, i) for name in ("titulo", "resumen", "body") for i in range(3)),
    *(practice_list(name, i) for name in ("etiquetas", "areas") for i in range(3)),
    *(practice_state(i) for i in range(3)),
    adoption,
    *(center_name(i) for i in range(2)),
    *(center_field(name, i) for name in ("comuna", "coordenadas") for i in range(2)),
    *(network_field(name) for name in ("nombre", "descripcion")),
    page_body,
    area_name,
    without_contributing,
    git_date,
    edit_base,
    file_urls,
]
NAMES = st.text(alphabet="abcdefghijklmnñopqrstuvwxyz áéí", min_size=1, max_size=12).map(
    lambda t: t.strip() or "x"
)


def pages(view: SiteView, options: RenderOptions, cache: RenderCache | None) -> dict[str, bytes]:
    return render_docs(view, options, cache)


@pytest.fixture(scope="module")
def first_render(repository: Repository) -> RenderCache:
    """The cache after rendering the repository as it is: the same for every example below,
    so rendered once (a sixth of the test's renders); each example starts from a copy."""
    cache = RenderCache()
    pages(SiteView(copied(repository)), RenderOptions(), cache)
    return cache


# 40 examples of up to 4 changes, each rendered cached and fresh: 21 s alone on this machine,
# 77 s in a suite beside two other suites; a hang is still cut off, at 180 s.
@pytest.mark.timeout(180)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(st.tuples(st.sampled_from(CHANGES), NAMES), min_size=1, max_size=4))
def test_a_cached_render_equals_a_fresh_one(
    repository: Repository, first_render: RenderCache, steps: list[tuple[Change, str]]
) -> None:
    cache = RenderCache(
        pages=dict(first_render.pages),
        items=dict(first_render.items),
        feeds=dict(first_render.feeds),
    )
    options = RenderOptions()
    repo = copied(repository)
    kept = Kept()  # the practices alike, kept between renders as the preview keeps them
    view = SiteView(repo, kept=kept)
    for change, text in steps:
        view, options = change(repo, view, options, text)
        view = SiteView(repo, updated=view.updated, kept=kept)  # a new render, a new view
        cached = pages(view, options, cache)
        assert cached == pages(SiteView(repo, updated=view.updated), options, None)


def page_kinds(base: type[Page]) -> set[type[Page]]:
    """Every context class with a template of its own."""
    found = {base} if "TEMPLATE" in vars(base) else set()
    return found.union(*(page_kinds(kind) for kind in base.__subclasses__()))


def test_every_page_kind_renders_through_the_cache(repository: Repository) -> None:
    cache = RenderCache()
    tree = pages(SiteView(copied(repository)), RenderOptions(), cache)
    kinds = {type(context) for context, _ in cache.pages.values()}
    assert kinds == page_kinds(Page)
    assert all(tree[here] is output for here, (_, output) in cache.pages.items())
    assert cache.items  # the list items too
    assert {path for path in tree if path.endswith(".xml")} == cache.feeds.keys()  # the feeds
    assert all(tree[path] is output for path, (_, output) in cache.feeds.items())


def test_the_cache_is_used_when_nothing_changed(repository: Repository) -> None:
    cache = RenderCache()
    pages(SiteView(copied(repository)), RenderOptions(), cache)
    kept, kept_feeds = dict(cache.pages), dict(cache.feeds)
    pages(SiteView(copied(repository)), RenderOptions(), cache)
    assert cache.pages.keys() == kept.keys()
    assert all(cache.pages[here][1] is kept[here][1] for here in kept)  # not rendered again
    assert all(cache.feeds[path][1] is kept_feeds[path][1] for path in kept_feeds)


def rewritten(repository: Repository, change: Change, text: str) -> tuple[set[str], set[str]]:
    """The pages and the feeds that a render after `change` wrote again instead of reusing."""
    cache = RenderCache()
    pages(SiteView(copied(repository)), RenderOptions(), cache)
    kept, kept_feeds = dict(cache.pages), dict(cache.feeds)
    repo = copied(repository)
    change(repo, SiteView(repo), RenderOptions(), text)
    tree = pages(SiteView(repo), RenderOptions(), cache)
    again = {here for here in kept if cache.pages[here][1] is not kept[here][1]}
    feeds = {path for path in kept_feeds if cache.feeds[path][1] is not kept_feeds[path][1]}
    assert all(text.encode() in tree[path] for path in feeds)
    return again, feeds


def test_a_change_re_renders_only_the_pages_that_show_it(repository: Repository) -> None:
    again, feeds = rewritten(repository, practice_field("body", 2), "Un párrafo más.")
    assert again == {"practicas/ventas.md"}  # a body shows only on its own page
    assert not feeds


def test_a_renamed_practice_rewrites_only_the_feeds_it_is_in(repository: Repository) -> None:
    _, feeds = rewritten(repository, practice_field("titulo", 2), "Ventas renombradas")
    # «Ventas por redes»: Osorno's, in digitalización; the site-wide feed has every practice.
    assert feeds == {"feed.xml", paths.area_feed("digitalizacion"), paths.center_feed("osorno")}
