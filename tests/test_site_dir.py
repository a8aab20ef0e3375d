"""`build --site-dir` can destroy nothing: the sources, the root, home and `/` are refused, and so
is any existing folder that is not a site this tool built."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from generator.publish.sitedir import MARKER, refusal

from .command import run_generator
from .conftest import MakeRepo
from .sitebuild import build
from .sitecheck import snapshot


def run_build(root: Path, site_dir: str, *extra: str, home: Path | None = None) -> str:
    """Build with `--site-dir` as typed, from inside `root`; asserts the refusal; its message."""
    env = {**os.environ, **({"HOME": str(home)} if home else {})}
    result = run_generator("build", "--site-dir", site_dir, *extra, cwd=root, env=env)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "No se tocó nada" in result.stderr
    return result.stderr


@pytest.fixture
def repo(make_repo: MakeRepo) -> Path:
    root = make_repo()
    subprocess.run(["git", "init", "-q", str(root)], check=True, timeout=30)
    return root


@pytest.mark.parametrize(
    ("site_dir", "said"),
    [
        (".", "la raíz del repositorio"),
        ("..", "la raíz del repositorio"),
        ("practices", "«practices/»"),
        ("content", "«content/»"),
        ("centers/nuevo", "«centers/»"),
        (".git", "«.git/»"),
        ("docs_site", "«docs_site/»"),
    ],
)
def test_the_sources_and_the_root_are_refused(repo: Path, site_dir: str, said: str) -> None:
    (repo / "docs_site").mkdir()
    outside = repo.parent / "vecino.txt"
    outside.write_text("no tocar", encoding="utf-8")
    before = snapshot(repo.parent)
    message = run_build(repo, site_dir)
    assert said in message
    assert snapshot(repo.parent) == before


def test_home_and_a_folder_holding_it_are_refused(repo: Path, tmp_path: Path) -> None:
    home = tmp_path / "casa" / "usuaria"
    (home / "notas").mkdir(parents=True)
    (home / "notas" / "a.txt").write_text("mío", encoding="utf-8")
    before = snapshot(tmp_path)
    for site_dir in (str(home), str(home.parent)):
        assert "la carpeta personal" in run_build(repo, site_dir, home=home)
    assert snapshot(tmp_path) == before


def test_the_system_root_is_refused(repo: Path) -> None:
    # Only the check itself: this machine's tests run as root, a wrong answer must cost nothing.
    reason = refusal(repo, Path("/"))
    assert reason is not None and "la raíz del sistema" in reason


def test_a_folder_that_is_not_a_built_site_is_refused(repo: Path, tmp_path: Path) -> None:
    mine = tmp_path / "fotos"
    mine.mkdir()
    (mine / "viaje.jpg").write_bytes(b"\xff\xd8")
    a_file = tmp_path / "informe.pdf"
    a_file.write_bytes(b"%PDF")
    assert MARKER in run_build(repo, str(mine))
    assert "no es una carpeta" in run_build(repo, str(a_file))
    assert (mine / "viaje.jpg").read_bytes() == b"\xff\xd8" and a_file.read_bytes() == b"%PDF"


def test_the_offline_zip_never_replaces_what_is_not_one(repo: Path, tmp_path: Path) -> None:
    (tmp_path / "sin-conexion.zip").mkdir()
    message = run_build(repo, str(tmp_path / "sin-conexion"), "--offline")
    assert "no es un .zip" in message
    assert (tmp_path / "sin-conexion.zip").is_dir()


def test_every_site_is_marked_and_only_a_marked_or_empty_folder_is_replaced(
    repo: Path, tmp_path: Path
) -> None:
    site = tmp_path / "vacia"
    site.mkdir()
    result = build(repo, site_dir=site)  # an empty folder is fine
    assert result.returncode == 0, result.stderr
    assert (site / MARKER).is_file() and (site / "index.html").is_file()
    (site / "viejo.html").write_text("de la construcción anterior", encoding="utf-8")
    assert build(repo, site_dir=site).returncode == 0  # our own site: replaced whole
    assert not (site / "viejo.html").exists() and (site / MARKER).is_file()
