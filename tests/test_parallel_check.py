"""`check` with two processes reports exactly what one process reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import parallel
from generator.content.pipeline import check, find_problems

from .command import run_generator

BROKEN_YAML = "---\ntitulo: [\n---\n\n## Contexto\n"


@pytest.fixture(scope="module")
def broken_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("paralelo") / "arbol"
    synth = ["synth", "--centers", "4", "--practices", "60", "--out", str(root)]
    assert run_generator(*synth).returncode == 0
    practices = sorted((root / "practices").glob("*.md"))
    first = practices[0].read_text(encoding="utf-8")
    (root / "practices" / "zz-yaml.md").write_text(BROKEN_YAML, "utf-8")
    (root / "practices" / "zz-centro.md").write_text(
        first.replace("centro: sintetico-", "centro: no-existe-", 1), "utf-8"
    )
    last = practices[-1]  # a section renamed and a broken link, in the second half
    last.write_text(
        last.read_text(encoding="utf-8").replace("## Resultados", "## Resultado")
        + "\n[roto](no-existe.md)\n",
        "utf-8",
    )
    return root


def test_two_processes_report_the_same_problems(
    broken_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, alone = check(broken_tree)
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    split = find_problems(broken_tree, workers=2)
    assert {p.code for p in alone} >= {"yaml-sintaxis", "referencia-desconocida", "enlace-roto"}
    assert split == alone  # same problems, same order
