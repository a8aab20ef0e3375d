"""The deterministic part of Lighthouse's verdict on the site, kept by tests.

Performance scores move with the machine's load and are measured in
benchmarks/lighthouse.py, never asserted here. What does not move is: no script in the way
of the first paint, no layout shift (tests/browser/test_reading.py measures it with a
PerformanceObserver at 320, 390 and 1280 px), and Lighthouse's accessibility, best-practices
and SEO audits, which pass today and must keep passing.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from ..conftest import REPO
from ..sitecheck import NODE_MODULES, require
from .conftest import served

LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
CATEGORIES = ("accessibility", "best-practices", "seo")
PAGES = ["practicas/", "practicas/capacitaciones-para-conexiones-lentas/", "red/"]
LIGHTHOUSE_SECONDS = 90  # the three runs at once: ~20 s on a quiet machine


@pytest.fixture(scope="module")
def site(repository_site: Path) -> Iterator[str]:
    with served(repository_site) as base:
        yield base


@pytest.fixture(scope="module")
def reports(site: str) -> Iterator[dict[str, Future[dict[str, Any]]]]:
    """Lighthouse on every page of PAGES at once, each in its own process with its own
    Chromium (and so its own cache and storage): most of a run is waiting for the page to
    settle (and, after it, for Lighthouse's process to end), which the three runs share. One
    after the other they took 36 s; at once, 20 s."""
    require(LIGHTHOUSE, "npm ci --no-audit --no-fund --ignore-scripts (lighthouse)")
    run = benchmark().lighthouse_report
    with ThreadPoolExecutor(max_workers=len(PAGES)) as pool:
        yield {path: pool.submit(run, site + path, CATEGORIES) for path in PAGES}


def test_no_script_blocks_the_first_paint(repository_site: Path) -> None:
    """A <script src> in <head> without defer, async or type=module holds the page blank
    until it is fetched and run (Lighthouse's render-blocking resources)."""
    blocking = {}
    for path in repository_site.rglob("*.html"):
        head = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").head
        if head is None:
            continue
        found = [
            script["src"]
            for script in head.find_all("script", src=True)
            if not (script.has_attr("defer") or script.has_attr("async"))
            and script.get("type") != "module"
        ]
        if found:
            blocking[str(path.relative_to(repository_site))] = found
    assert blocking == {}


def benchmark() -> Any:
    """benchmarks/lighthouse.py (not a package): how the project runs Lighthouse."""
    path = REPO / "benchmarks" / "lighthouse.py"
    spec = importlib.util.spec_from_file_location("lighthouse_benchmark", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", PAGES)
def test_lighthouse_accessibility_best_practices_and_seo_pass(
    reports: dict[str, Future[dict[str, Any]]], path: str
) -> None:
    report = reports[path].result(timeout=LIGHTHOUSE_SECONDS)
    failing = {
        ref["id"]: report["audits"][ref["id"]]["title"]
        for name in CATEGORIES
        for ref in report["categories"][name]["auditRefs"]
        if ref["weight"]
        and (report["audits"][ref["id"]]["score"] or 0) < 1
        and report["audits"][ref["id"]]["scoreDisplayMode"] == "binary"
    }
    assert failing == {}
    assert {name: report["categories"][name]["score"] for name in CATEGORIES} == dict.fromkeys(
        CATEGORIES, 1
    )
