"""The same site from either engine: the repository's own content and a synthetic repository of
200 practices, built with MkDocs + Material and with Zensical, compared page by page.

The generator finishes every page, so what each engine adds is its theme alone. Pages must have
the same addresses, the same article (text, links, heading ids); the feeds, the JSON API and the
search index must be the same bytes. What may differ is listed in THEME_CHROME, with why.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup, Tag

from generator.cli import main

from .command import run_generator
from .conftest import REPO

# Where the engines may differ, and why: only their theme, never the content.
THEME_CHROME = {
    "assets/javascripts/": "each theme's own scripts (Material's and Zensical's bundles)",
    "assets/stylesheets/": "each theme's own style sheets",
    # Zensical writes it with its own search turned off, with no page in it (tested below).
    "search.json": "Zensical's own header search index, empty (the site's search is Pagefind's)",
}
# Outside <article>: header, tabs, navigation, footer; scripts and style links in <head>.
OUTSIDE_THE_ARTICLE = "the theme's chrome around the page's content"
BYTE_FOR_BYTE = (".xml", ".xml.gz", ".json", "pagefind/")


@pytest.fixture(scope="module")
def repositories(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    own = tmp_path_factory.mktemp("propio") / "repo"
    for folder in ("content", "centers", "practices"):
        shutil.copytree(REPO / folder, own / folder)
    synthetic = tmp_path_factory.mktemp("sintetico") / "repo"
    command = ["synth", "--centers", "20", "--practices", "200", "--out", str(synthetic)]
    assert run_generator(*command).returncode == 0
    return {"propio": own, "sintetico": synthetic}


@pytest.fixture(scope="module")
def sites(repositories: dict[str, Path]) -> dict[str, dict[str, Path]]:
    built: dict[str, dict[str, Path]] = {}
    for name, root in repositories.items():
        built[name] = {}
        for engine in ("mkdocs", "zensical"):
            site = root.parent / f"sitio-{engine}"
            status = main(
                ["build", "--root", str(root), "--site-dir", str(site), "--engine", engine]
            )
            assert status == 0, (name, engine)
            built[name][engine] = site
    return built


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def chrome(name: str) -> bool:
    return any(name.startswith(prefix) or name == prefix for prefix in THEME_CHROME)


def targets(page: str, content: Tag) -> list[str]:
    """Where each link of `content` goes from the page at `page` (`../` and `.././` alike)."""
    here = "https://sitio.example/" + page
    return [urljoin(here, str(a.get("href"))) for a in content.select("a[href]")]


def article(site: Path, page: str) -> Tag:
    """The page's <article>, parsed alone: the theme around it (head, header, navigation,
    footer) was most of what the parser read, for ~600 pages."""
    html = (site / page).read_text(encoding="utf-8")
    start, end = html.find("<article"), html.rfind("</article>")
    assert 0 <= start < end, page
    found = BeautifulSoup(html[start : end + len("</article>")], "html.parser").article
    assert found is not None, page
    return found


@pytest.mark.parametrize("repository", ["propio", "sintetico"])
def test_both_engines_publish_the_same_files(
    sites: dict[str, dict[str, Path]], repository: str
) -> None:
    mkdocs, zensical = (files(sites[repository][e]) for e in ("mkdocs", "zensical"))
    assert {f for f in mkdocs if not chrome(f)} == {f for f in zensical if not chrome(f)}
    assert sum(f.endswith(".html") for f in mkdocs) > (150 if repository == "sintetico" else 30)


@pytest.mark.parametrize("repository", ["propio", "sintetico"])
def test_every_page_has_the_same_article_links_and_sections(
    sites: dict[str, dict[str, Path]], repository: str
) -> None:
    mkdocs, zensical = sites[repository]["mkdocs"], sites[repository]["zensical"]
    pages = sorted(f for f in files(mkdocs) if f.endswith(".html") and f != "404.html")
    for page in pages:
        ours, theirs = article(mkdocs, page), article(zensical, page)
        assert ours.get_text(" ", strip=True) == theirs.get_text(" ", strip=True), page
        assert targets(page, ours) == targets(page, theirs), page
        assert [h.get("id") for h in ours.select("h1, h2, h3, h4, h5, h6")] == [
            h.get("id") for h in theirs.select("h1, h2, h3, h4, h5, h6")
        ], page


@pytest.mark.parametrize("repository", ["propio", "sintetico"])
def test_feeds_api_and_search_index_are_the_same_bytes(
    sites: dict[str, dict[str, Path]], repository: str
) -> None:
    mkdocs, zensical = sites[repository]["mkdocs"], sites[repository]["zensical"]
    generated = sorted(
        f for f in files(mkdocs) if not chrome(f) and any(k in f for k in BYTE_FOR_BYTE)
    )
    assert any(f.startswith("pagefind/") for f in generated)
    assert any(f.startswith("api/") for f in generated) and "feed.xml" in generated
    for name in generated:
        assert (mkdocs / name).read_bytes() == (zensical / name).read_bytes(), name


def test_the_chrome_list_names_only_what_differs(sites: dict[str, dict[str, Path]]) -> None:
    """Every entry of THEME_CHROME is needed by one of the builds (the list stays true)."""
    seen = set()
    for built in sites.values():
        mkdocs, zensical = files(built["mkdocs"]), files(built["zensical"])
        for name in mkdocs ^ zensical:
            seen |= {p for p in THEME_CHROME if name.startswith(p) or name == p}
    assert seen == set(THEME_CHROME)


@pytest.mark.parametrize("repository", ["propio", "sintetico"])
def test_the_header_search_is_the_sites_own_with_both_engines(
    sites: dict[str, dict[str, Path]], repository: str
) -> None:
    """No page carries an engine's own search box (Zensical's is English and blind to accents):
    each loads the site's search script, which puts the same box in the header and sends it to
    the same Pagefind search page (tests/browser/test_engine_search.py types into it)."""
    for engine, site in sites[repository].items():
        for page in sorted(f for f in files(site) if f.endswith(".html")):
            html = (site / page).read_text(encoding="utf-8")
            head = BeautifulSoup(html[: html.find("<main")], "html.parser")
            assert head.select(".md-search, [data-md-component=search]") == [], (engine, page)
            scripts = [str(s.get("src", "")) for s in BeautifulSoup(html, "html.parser")("script")]
            assert any(src.endswith("assets/buscar.js") for src in scripts), (engine, page)
    index = json.loads((sites[repository]["zensical"] / "search.json").read_text("utf-8"))
    assert index["items"] == []
