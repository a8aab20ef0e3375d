"""`mkdocs build` and `mkdocs serve` in the repository's root still work, through the project's
MkDocs plugin: it writes the docs tree as `python -m generator build` does, and completes the
site after MkDocs (the search index)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from .conftest import REPO
from .test_engines import fetch, free_port, wait_for

MKDOCS = Path(sys.executable).parent / "mkdocs"


def repository_copy(tmp_path: Path) -> Path:
    """What a fresh clone has of the sources (docs_site/ holds only its .gitignore)."""
    root = tmp_path / "repo"
    for folder in ("content", "centers", "practices", "generator"):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "docs_site").mkdir()
    shutil.copy(REPO / "docs_site" / ".gitignore", root / "docs_site" / ".gitignore")
    return root


def test_mkdocs_build_in_the_root_builds_the_site(tmp_path: Path) -> None:
    root = repository_copy(tmp_path)
    result = subprocess.run(
        [str(MKDOCS), "build", "--quiet"], cwd=root, capture_output=True, text=True, timeout=50
    )
    assert result.returncode == 0, result.stdout + result.stderr
    page = root / "site" / "practicas" / "mesa-ecosistema-local" / "index.html"
    article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").article
    assert article is not None and article.select_one("h2#contexto") is not None
    assert (root / "site" / "pagefind" / "pagefind.js").is_file()  # the site's search
    assert (root / "docs_site" / "practicas" / "mesa-ecosistema-local.md").is_file()


def test_mkdocs_serve_in_the_root_shows_the_site(tmp_path: Path) -> None:
    root = repository_copy(tmp_path)
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [str(MKDOCS), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}/practicas/"
        assert wait_for(lambda: process.poll() is not None or fetch(url) is not None, 45)
        assert process.poll() is None, (tmp_path / "serve.log").read_text()
        assert "Prácticas" in (fetch(url) or "")
    finally:
        process.terminate()
        process.wait(timeout=60)
        log.close()
