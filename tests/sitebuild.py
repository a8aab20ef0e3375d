"""Helpers to build a site from a fixture tree in tests."""

from __future__ import annotations

import subprocess
from pathlib import Path

from bs4 import BeautifulSoup

from .command import run_generator
from .conftest import REPO, create_repo


def build(
    root: Path, *extra: str, site_dir: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator build` as a user would; returns the finished process."""
    site = site_dir or root / "site"
    return run_generator("build", "--root", str(root), "--site-dir", str(site), *extra)


def built_fixture(folder: Path, files: dict[str, str]) -> Path:
    """The repository's content and centers with `files` on top, built in `folder`: the site."""
    root = create_repo(folder / "repo", files)
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def write_config_naming_a_missing_page(root: Path) -> None:
    """Give `root` the repository's mkdocs.yml with one more page in its navigation, a page
    that does not exist: valid content that MkDocs (strict) stops on, after the docs tree is
    written."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    theme = REPO / "generator" / "site" / "theme"
    config = config.replace("custom_dir: generator/site/theme", f"custom_dir: {theme}")
    config = config.replace(
        "  - Acerca: acerca.md", "  - Acerca: acerca.md\n  - Otra: no-existe.md"
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")


def soup(site: Path, url_path: str) -> BeautifulSoup:
    """The parsed page at `url_path` (e.g. "practicas/x/") of a built site."""
    path = site / url_path / "index.html" if not url_path.endswith(".html") else site / url_path
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def built_by_each_engine(root: Path) -> dict[str, Path]:
    """`root` built by each engine, into `sitio-mkdocs` and `sitio-zensical` beside it."""
    sites = {}
    for engine in ("mkdocs", "zensical"):
        site = root.parent / f"sitio-{engine}"
        result = build(root, "--engine", engine, site_dir=site)
        assert result.returncode == 0, result.stderr
        sites[engine] = site
    return sites
