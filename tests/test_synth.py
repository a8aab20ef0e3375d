"""`python -m generator synth` writes a valid, deterministic synthetic repository."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.content.models import PracticeMeta

from .command import run_generator

CENTERS, PRACTICES = 6, 30
# taxonomia.yml, red.yml and three pages, plus the manifest synth keeps to recognise its trees.
CONTENT_FILES = 5


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_generator(*args)


def synth(out: Path, seed: int = 1) -> subprocess.CompletedProcess[str]:
    return run(
        "synth",
        "--centers",
        str(CENTERS),
        "--practices",
        str(PRACTICES),
        "--out",
        str(out),
        "--seed",
        str(seed),
    )


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "arbol"
    result = synth(out)
    assert result.returncode == 0, result.stderr
    return out


def test_tree_has_the_requested_size(synthetic: Path) -> None:
    assert len(list((synthetic / "centers").glob("*.yml"))) == CENTERS
    assert len(list((synthetic / "practices").glob("*.md"))) == PRACTICES
    assert len(tree(synthetic)) == CENTERS + PRACTICES + CONTENT_FILES + 1


def test_check_passes_without_errors(synthetic: Path) -> None:
    result = run("check", "--root", str(synthetic), "--format", "json")
    assert result.returncode == 0, result.stdout
    problems = json.loads(result.stdout)
    assert [p for p in problems if p["severity"] == "error"] == []
    assert {p["code"] for p in problems} <= {"borrador"}  # drafts warn by design, nothing else


def test_text_is_spanish_utf8_with_unix_newlines(synthetic: Path) -> None:
    texts = [data.decode("utf-8") for data in tree(synthetic).values()]
    assert not any("\r" in text for text in texts)
    assert any("ñ" in text for text in texts)
    practice = next((synthetic / "practices").glob("*.md")).read_text(encoding="utf-8")
    for section in ("## Contexto", "## Qué hicimos", "## Resultados", "## Cómo replicarla"):
        assert section in practice


def test_same_seed_same_bytes_other_seed_differs(synthetic: Path, tmp_path: Path) -> None:
    assert synth(tmp_path / "igual").returncode == 0
    assert synth(tmp_path / "otra", seed=2).returncode == 0
    assert tree(tmp_path / "igual") == tree(synthetic)
    assert tree(tmp_path / "otra") != tree(synthetic)


def test_rewrites_its_own_tree_without_leftovers(tmp_path: Path) -> None:
    out = tmp_path / "arbol"
    assert synth(out, seed=3).returncode == 0
    result = run("synth", "--centers", "2", "--practices", "4", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert len(list((out / "centers").glob("*.yml"))) == 2
    assert len(list((out / "practices").glob("*.md"))) == 4


def test_refuses_a_folder_it_did_not_create(tmp_path: Path) -> None:
    mine = tmp_path / "notas.txt"
    mine.write_text("no borrar", encoding="utf-8")
    result = synth(tmp_path)
    assert result.returncode == 1
    assert "no está vacía" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["notas.txt"]
    assert mine.read_text(encoding="utf-8") == "no borrar"


def test_rejects_zero_centers(tmp_path: Path) -> None:
    result = run("synth", "--centers", "0", "--practices", "3", "--out", str(tmp_path / "x"))
    assert result.returncode == 2
    assert "error de uso" in result.stderr


def test_builds_into_a_site(synthetic: Path, tmp_path: Path) -> None:
    site = tmp_path / "sitio"
    result = run("build", "--root", str(synthetic), "--site-dir", str(site))
    assert result.returncode == 0, result.stderr[-3000:]
    practice = next(
        p for p in (synthetic / "practices").glob("*.md") if "publicada" in p.read_text()
    )
    assert (site / "practicas" / practice.stem / "index.html").is_file()


def test_the_taxonomy_is_the_projects_own(synthetic: Path) -> None:
    """synth reads content/taxonomia.yml instead of keeping a copy of its terms."""
    real = Path(__file__).resolve().parent.parent / "content" / "taxonomia.yml"
    assert (synthetic / "content" / "taxonomia.yml").read_bytes() == real.read_bytes()


def test_practices_use_every_field_of_a_practice(synthetic: Path) -> None:
    """Realistic pages for the benchmarks: each front matter key of a practice (content/
    models.py) appears in some synthetic practice, the optional ones too."""
    used: set[str] = set()
    for practice in (synthetic / "practices").glob("*.md"):
        head = practice.read_text(encoding="utf-8").split("---\n")[1]
        used |= set(yaml.safe_load(head))
    assert used == set(PracticeMeta.model_fields)
