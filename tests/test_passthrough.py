"""The passthrough extension (generator/engines/passthrough.py) is a speed trick behind Python-
Markdown's public extension API: every docs page of a site reads to the same HTML and the same
table of contents with it as with Python-Markdown's own `toc` and `attr_list` without it."""

from __future__ import annotations

import re
import shutil
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
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("paso") / "repo"
    for folder in ("content", "centers", "practices"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copytree(REPO / "tests" / "golden" / "site" / "repo", root, dirs_exist_ok=True)
    docs = root / "docs"
    write_tree(RunSettings(root), docs)
    return {
        p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(docs.rglob("*.md"))
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
    monkeypatch.setattr(passthrough.StashPage, "one_block", lambda *_: False)
    assert markdown.Markdown(extensions=WITH).convert(page) == whole
