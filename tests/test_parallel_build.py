"""Two processes build the same site as one: the check and the rendering split their work,
the search index is made from the docs tree beside the engine, and the result is the same."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jinja2
import pytest

from generator import parallel
from generator.cli import main
from generator.engines import EngineJob, engine_named
from generator.publish.build import project_config_file
from generator.publish.search import index_command
from generator.publish.settings import RunSettings
from generator.publish.tree import write_tree
from generator.site import render

from .command import run_generator

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="needs fork")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("mitades") / "arbol"
    synth = ["synth", "--centers", "4", "--practices", "30", "--out", str(root)]
    assert run_generator(*synth).returncode == 0
    return root


def pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


def fragments(index: Path) -> set[str]:
    return {p.name for p in (index / "fragment").glob("*.pf_fragment")}


def test_practice_pages_rendered_in_a_second_process_are_the_same(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    forks = []
    in_parallel = render.in_parallel
    monkeypatch.setattr(render, "in_parallel", lambda *a: forks.append(1) or in_parallel(*a))
    monkeypatch.setattr(render, "PRACTICES_AT_ONCE", 2)  # both processes take some
    trees, orders = {}, {}
    for split in (False, True):
        monkeypatch.setattr(render, "MIN_PRACTICES_TO_SPLIT", 2 if split else 10**9)
        docs = tmp_path / str(split)
        written = write_tree(RunSettings(synthetic, processes="2"), docs)
        trees[split] = {
            p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()
        }
        orders[split] = list(written.tree or {})
    assert len(forks) == 1
    assert sum(name.startswith("practicas/") for name in trees[True]) > 20
    assert trees[True] == trees[False]
    # The order too: the search's parts are cut from the tree in its order.
    assert orders[True] == orders[False]


def test_two_processes_take_every_run_once() -> None:
    tickets = parallel.Tickets(1000, 3)
    mine, theirs = parallel.in_parallel(
        lambda: [i for run in tickets for i in run], lambda: [i for run in tickets for i in run]
    )
    assert sorted(mine + theirs) == list(range(1000))


def test_the_next_build_reuses_the_compiled_theme_templates(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled: list[str] = []
    compile_template = jinja2.Environment.compile

    def counting(env: jinja2.Environment, source: str, name: str | None = None, *args: Any) -> Any:
        if name and name.endswith(".html"):  # the theme's, not the generator's .md.j2
            compiled.append(name)
        return compile_template(env, source, name, *args)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    docs = tmp_path / "docs"
    write_tree(RunSettings(synthetic), docs)
    sites = []
    for run in ("primero", "segundo"):
        compiled.clear()
        job = EngineJob(
            project_config_file(synthetic), docs, tmp_path / run, cache_dir=tmp_path / "cache"
        )
        engine_named("mkdocs").build(job)
        sites.append((len(compiled), pages(tmp_path / run)))
    assert sites[0][0] > 10  # main.html, Material's base.html and its partials
    assert sites[1][0] == 0
    assert sites[1][1] == sites[0][1]


def test_one_process_forks_nothing_and_builds_the_same_site(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """RED_PROCESOS=1: check, generate and the build in this process only (Pagefind is a
    program of its own either way), with the same result; the index made from the docs
    tree's articles holds what Pagefind reads from the finished pages."""
    forks: list[int] = []
    fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or fork())
    # Small enough that each part would fork: the check and the rendering.
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    monkeypatch.setattr(render, "MIN_PRACTICES_TO_SPLIT", 2)
    sites = {}
    for processes in ("2", "1"):
        monkeypatch.setenv("RED_PROCESOS", processes)
        forks.clear()
        site = tmp_path / processes
        assert main(["check", "--root", str(synthetic)]) == 0
        assert main(["build", "--root", str(synthetic), "--site-dir", str(site)]) == 0
        sites[processes] = (len(forks), pages(site), fragments(site / "pagefind"))
    # The check's helper, and the build's child that renders (its own helpers fork in it,
    # where this count does not see them).
    assert sites["2"][0] == 2
    assert sites["1"][0] == 0
    assert sites["1"][1:] == sites["2"][1:]
    # One fragment per page (address, title, text, filters), each named by the hash of its
    # content: the same as Pagefind makes from the finished site.
    again = tmp_path / "indice"
    command = index_command(tmp_path / "2", again)
    subprocess.run(command, check=True, capture_output=True, timeout=50)
    assert fragments(tmp_path / "2" / "pagefind") == fragments(again)
    searchable = [html for html in sites["2"][1].values() if b"data-pagefind-body" in html]
    assert len(fragments(again)) == len(searchable)


def test_what_the_second_process_raised_is_raised_in_the_first() -> None:
    def fails() -> None:
        raise ValueError("«la otra mitad»")

    with pytest.raises(ValueError, match="la otra mitad"):
        parallel.in_parallel(lambda: 1, fails)


def test_without_shared_memory_the_pages_are_rendered_in_one_process(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_semaphores() -> None:  # as where /dev/shm is missing
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(parallel.multiprocessing, "Lock", no_semaphores)
    forks: list[int] = []
    monkeypatch.setattr(render, "in_parallel", lambda *a: forks.append(1))
    monkeypatch.setattr(render, "MIN_PRACTICES_TO_SPLIT", 2)
    written = write_tree(RunSettings(synthetic, processes="2"), tmp_path / "docs")
    assert forks == []
    assert sum(path.startswith("practicas/") for path in written.changed) > 20


def test_an_answer_that_cannot_be_sent_back_is_said() -> None:
    with pytest.raises(parallel.ChildFailed, match="no pudo enviar su resultado"):
        parallel.in_parallel(lambda: 1, lambda: lambda: None)  # a lambda does not pickle
