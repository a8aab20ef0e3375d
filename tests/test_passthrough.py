"""The passthrough extension (generator/engines/passthrough.py) is a speed trick behind Python-
Markdown's public extension API: every docs page of a site reads to the same HTML and the same
table of contents with it as with Python-Markdown's own `toc` and `attr_list` without it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup

from generator.engines import passthrough
from generator.publish.settings import RunSettings
from generator.publish.tree import write_tree
from generator.site import docspage

from .conftest import REPO

WITH = ["generator.engines.passthrough"]
WITHOUT = ["toc", "attr_list"]
CONFIGS = {"toc": {"permalink": False}}


@pytest.fixture(scope="module")
def docs_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The docs tree of the repository's content and the golden site's extra pages."""
    root = tmp_path_factory.mktemp("paso") / "repo"
    for folder in ("content", "centers", "practices"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copytree(REPO / "tests" / "golden" / "site" / "repo", root, dirs_exist_ok=True)
    docs = root / "docs"
    write_tree(RunSettings(root), docs)
    return docs


@pytest.fixture(scope="module")
def pages(docs_dir: Path) -> dict[str, str]:
    return {
        p.relative_to(docs_dir).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(docs_dir.rglob("*.md"))
    }


def converted(page: str, extensions: list[str]) -> tuple[list[str], Any]:
    """The page's HTML, one element a line (attributes sorted, comments and whitespace
    between blocks left out), and its table of contents."""
    md = markdown.Markdown(extensions=extensions, extension_configs=CONFIGS)
    text = md.convert(page.split("\n---\n", 1)[1] if page.startswith("---\n") else page)
    text = text.replace(docspage.OPEN, "").replace(docspage.CLOSE, "")
    soup = BeautifulSoup(text, "html.parser")
    lines = []
    for element in soup.find_all(True):
        attributes = sorted(
            (k, " ".join(v) if isinstance(v, list) else v) for k, v in element.attrs.items()
        )
        own = " ".join(element.find_all(string=True, recursive=False)).split()
        lines.append(f"{element.name} {attributes} {' '.join(own)}")
    return lines, _toc(md.toc_tokens)


def _toc(tokens: list[dict[str, Any]]) -> list[Any]:
    return [
        (t["level"], t["id"], re.sub(r"\s+", " ", t["name"]), _toc(t["children"])) for t in tokens
    ]


def test_every_page_reads_the_same_with_and_without_it(pages: dict[str, str]) -> None:
    assert len(pages) > 30
    headings = 0
    for name, page in pages.items():
        with_it, without = converted(page, WITH), converted(page, WITHOUT)
        assert with_it[0] == without[0], name
        assert with_it[1] == without[1], name
        headings += len(with_it[1])
    assert headings > 30  # the tables of contents were compared, not only empty ones


def test_the_comparison_sees_a_difference() -> None:
    page = "## Título {#titulo}\n\n<!-- rc:html -->\n<p>Texto</p>\n<!-- /rc:html -->\n"
    assert converted(page, WITH) == converted(page, WITHOUT)
    assert converted(page, WITH) != converted(page.replace("{#titulo}", "{#otro}"), WITHOUT)


@pytest.mark.parametrize(
    "first",
    ['<img src="a.png" alt="a">', "<span>b</span>", "  <p>sangría</p>", "<p>bloque</p>"],
)
def test_a_page_is_stashed_whole_only_when_it_reads_the_same(
    first: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stashed whole, a page would be wrapped in one paragraph when its first piece is not
    block-level (Python-Markdown judges a stashed piece by how it starts): such a page is read
    piece by piece, as every page was before."""
    page = (
        f"# Título {{#titulo}}\n\n{docspage.OPEN}\n{first}\n{docspage.CLOSE}\n"
        f"{docspage.OPEN}\n<div>después</div>\n{docspage.CLOSE}\n"
    )
    whole = markdown.Markdown(extensions=WITH).convert(page)
    assert whole.startswith('<h1 id="titulo">Título</h1>')
    monkeypatch.setattr(passthrough.ReadPage, "whole", lambda *_: False)
    assert markdown.Markdown(extensions=WITH).convert(page) == whole


# MkDocs' own extensions and this one, as MkDocs loads them (mkdocs.yml lists only this one).
AS_MKDOCS = ["toc", "tables", "fenced_code", "generator.engines.passthrough"]
TRICKY = {
    "fence lines in a block": f"{docspage.OPEN}\n<pre><code>x\n```\ny\n```\n</code></pre>\n"
    f"{docspage.CLOSE}\n",
    "a tab in a block": f"{docspage.OPEN}\n<pre><code>a\tb\n  \nc</code></pre>\n{docspage.CLOSE}\n",
    "an image first": f'{docspage.OPEN}\n<img src="a.png" alt="a">\n{docspage.CLOSE}\n',
    "text outside blocks": f"## Uno {{#uno}}\n\nsuelto *aquí*\n{docspage.OPEN}\n<p>x</p>\n"
    f"{docspage.CLOSE}\n",
    "a block never closed": f"# Uno {{#uno}}\n{docspage.OPEN}\n<p>x</p>\n",
    "blank": "\n  \n",
    "headings and blocks": f"# Uno {{#uno}}\n\n{docspage.OPEN}\n<p>a &amp; b</p>\n{docspage.CLOSE}"
    f"\n## Dos <em>y</em> tres {{#dos}}\n\n### Cuatro {{#cuatro}}\n",
}


@pytest.mark.parametrize("page", TRICKY.values(), ids=TRICKY.keys())
def test_a_page_taken_whole_is_what_python_markdown_makes_of_it(page: str) -> None:
    """`converted_whole` gives Python-Markdown's HTML and table of contents, or says the page
    must be converted (None): never something else."""
    kept = markdown.Markdown(extensions=AS_MKDOCS)
    for _ in range(2):  # the same reader, page after page, as MkDocs' build uses it
        found = passthrough.converted_whole(kept, page)
        fresh = markdown.Markdown(extensions=AS_MKDOCS)
        html = fresh.convert(page)
        if found is not None:
            assert found == (html, fresh.toc_tokens)


def test_the_pages_taken_whole_and_those_converted_are_told_apart() -> None:
    reader = markdown.Markdown(extensions=AS_MKDOCS)
    taken = {name for name, page in TRICKY.items() if passthrough.converted_whole(reader, page)}
    assert taken == {"a tab in a block", "headings and blocks", "blank"}


def test_mkdocs_reads_every_page_as_its_own_conversion_would(
    docs_dir: Path, tmp_path: Path
) -> None:
    """MkDocs' `Page.render` and the plugin's FinishedPage give every page of the site the same
    HTML, table of contents, title, anchors and links, and the finished way is the one taken."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    from generator.engines.mkdocs.finished import FinishedPage, give_finished_pages

    config = load_config(
        str(REPO / "mkdocs.yml"), docs_dir=str(docs_dir), site_dir=str(tmp_path / "sitio")
    )
    files = get_files(config)
    get_navigation(files, config)  # MkDocs makes a page of each file
    give_finished_pages(files, config)
    finished = [file.page for file in files.documentation_pages()]
    assert len(finished) > 30
    assert [page.title for page in finished if page.title == "Inicio"]  # the navigation's title
    for page in finished:
        assert isinstance(page, FinishedPage)
        page.read_source(config)
        assert passthrough.converted_whole(page.reader, page.markdown) is not None, page.file
        page.render(config, files)
        plain = Page(page.title, page.file, config)
        plain.read_source(config)
        plain.render(config, files)
        assert page.content == plain.content, page.file
        assert _anchors(page.toc) == _anchors(plain.toc), page.file
        assert page.title == plain.title
        assert page.present_anchor_ids == plain.present_anchor_ids
        assert page.links_to_anchors == plain.links_to_anchors


def _anchors(toc: Any) -> list[Any]:
    return [(a.title, a.id, a.level, _anchors(a.children)) for a in toc]
