"""A build whose second process converts every other page writes the same site, and reports
the same warnings, as MkDocs alone."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jinja2
import pytest
from mkdocs.exceptions import Abort
from mkdocs.structure.pages import Page

from generator import parallel
from generator.build.driver import DOCS_DIR, GenerateOptions, build_site, generate_docs
from generator.build.search import index_command
from generator.build.speed import halfpages
from generator.cli import main
from generator.site import render

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="needs fork")


@pytest.fixture(autouse=True)
def two_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A second process even on a one-core machine: the results must not depend on it."""
    monkeypatch.setenv(parallel.PROCESSES, "2")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("mitades") / "arbol"
    synth = ["synth", "--centers", "4", "--practices", "30", "--out", str(root)]
    subprocess.run([sys.executable, "-m", "generator", *synth], check=True, capture_output=True)
    return root


def build_counting(
    root: Path, site: Path, monkeypatch: pytest.MonkeyPatch, *, helper: bool, generate: bool = True
) -> int:
    """Build; return how many pages this process converted itself."""
    converted = 0
    render = Page.render

    def counting(page: Page, *args: object) -> None:
        nonlocal converted
        converted += 1
        render(page, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Page, "render", counting)
    monkeypatch.setattr(halfpages, "MIN_PAGES", 2 if helper else 10**9)
    if generate:
        generate_docs(root, root / DOCS_DIR, GenerateOptions())
    build_site(root, site, generate=False)
    return converted


def pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


def test_the_helper_converts_half_and_the_site_is_the_same(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = build_counting(synthetic, tmp_path / "solo", monkeypatch, helper=False)
    helped = build_counting(synthetic, tmp_path / "ayuda", monkeypatch, helper=True)
    assert alone > 40
    assert helped <= alone // 2 + 1  # the other half came from the helper
    assert pages(tmp_path / "ayuda") == pages(tmp_path / "solo")
    # The index, made from the articles while MkDocs rendered the theme, holds what Pagefind
    # reads from the finished pages: one fragment per page (address, title, text, filters),
    # each file named by the hash of its content. (The word index numbers the pages in the
    # order Pagefind finds the files, which depends on the file system.)
    again = tmp_path / "indice"
    subprocess.run([*index_command(tmp_path / "ayuda", again)], check=True, capture_output=True)
    assert fragments(tmp_path / "ayuda" / "pagefind") == fragments(again)
    searchable = [
        html for html in pages(tmp_path / "ayuda").values() if b"data-pagefind-body" in html
    ]
    assert len(fragments(again)) == len(searchable)


def fragments(index: Path) -> set[str]:
    return {p.name for p in (index / "fragment").glob("*.pf_fragment")}


def test_warnings_of_pages_the_helper_converted_still_fail_a_strict_build(
    synthetic: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """MkDocs warns while converting (a link to a missing page) and after (a missing anchor)."""
    generate_docs(synthetic, synthetic / DOCS_DIR, GenerateOptions())
    docs = sorted((synthetic / DOCS_DIR / "practicas").glob("*.md"))
    target = docs[0].name
    for page in docs[1:5]:  # consecutive pages: some fall to each process
        text = page.read_text("utf-8")
        page.write_text(text + f"\n[a]({target}#no-existe) [b](no-existe.md)\n", "utf-8")
    reports = {}
    for helper in (False, True):
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="mkdocs"), pytest.raises(Abort):
            build_counting(
                synthetic, tmp_path / str(helper), monkeypatch, helper=helper, generate=False
            )
        reports[helper] = sorted(
            r.getMessage() for r in caplog.records if "no-existe" in r.getMessage()
        )
    assert len(reports[False]) == 8  # two per page
    assert reports[True] == reports[False]


def test_practice_pages_rendered_in_a_second_process_are_the_same(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    forks = []
    in_parallel = render.in_parallel
    monkeypatch.setattr(render, "in_parallel", lambda *a: forks.append(1) or in_parallel(*a))
    trees = {}
    for split in (False, True):
        monkeypatch.setattr(render, "MIN_PRACTICES_TO_SPLIT", 2 if split else 10**9)
        docs = tmp_path / str(split)
        generate_docs(synthetic, docs, GenerateOptions())
        trees[split] = {
            p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()
        }
    assert len(forks) == 1
    assert sum(name.startswith("practicas/") for name in trees[True]) > 20
    assert trees[True] == trees[False]


def test_the_next_build_reuses_the_compiled_theme_templates(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    compiled: list[str] = []
    compile_template = jinja2.Environment.compile

    def counting(env: jinja2.Environment, source: str, name: str | None = None, *args: Any) -> Any:
        if name and name.endswith(".html"):  # the theme's, not the generator's .md.j2
            compiled.append(name)
        return compile_template(env, source, name, *args)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    generate_docs(synthetic, synthetic / DOCS_DIR, GenerateOptions())
    sites = []
    for run in ("primero", "segundo"):
        compiled.clear()
        build_site(synthetic, tmp_path / run, generate=False)
        sites.append((len(compiled), pages(tmp_path / run)))
    assert sites[0][0] > 10  # main.html, Material's base.html and its partials
    assert sites[1][0] == 0
    assert sites[1][1] == sites[0][1]


def test_one_process_forks_nothing_and_builds_the_same_site(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """RED_PROCESOS=1: check, generate, the build and its search index in this process only
    (Pagefind is a program of its own either way), with the same result."""
    forks: list[int] = []
    fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or fork())
    # Small enough that each part would fork: the check, the rendering, the conversion.
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    monkeypatch.setattr(render, "MIN_PRACTICES_TO_SPLIT", 2)
    monkeypatch.setattr(halfpages, "MIN_PAGES", 2)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    sites = {}
    for processes in ("2", "1"):
        monkeypatch.setenv(parallel.PROCESSES, processes)
        forks.clear()
        site = tmp_path / processes
        assert main(["check", "--root", str(synthetic)]) == 0
        assert main(["build", "--root", str(synthetic), "--site-dir", str(site)]) == 0
        sites[processes] = (len(forks), pages(site), fragments(site / "pagefind"))
    assert sites["2"][0] == 3  # the check's, the rendering's and the conversion's helpers
    assert sites["1"][0] == 0
    assert sites["1"][1:] == sites["2"][1:]
