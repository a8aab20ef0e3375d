"""`python -m generator check` as CI and contributors run it: formats, exit codes, file problems."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from generator.content.pipeline import check

from .command import run_generator
from .conftest import REPO, MakeRepo


def run_check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_generator("check", "--root", str(root), *args)


def test_repository_content_is_valid_with_the_center_count_warning() -> None:
    result = run_check(REPO)
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    assert lines[0].startswith("content/red.yml:")
    assert ": aviso: La fuente declara 14 centros y hay 13 perfiles" in lines[0]
    assert lines[-1] == "0 errores, 1 aviso."


def test_text_format_names_file_line_column_and_code(make_repo: MakeRepo) -> None:
    root = make_repo({"practices/diagnostico.md": "---\ntitulo: x\nresumen: y\n---\n"})
    result = run_check(root)
    assert result.returncode == 1
    assert (
        "practices/diagnostico.md:2:1: error: Falta la clave obligatoria «centro»." in result.stdout
    )
    assert "(falta-clave)" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_json_format(make_repo: MakeRepo) -> None:
    root = make_repo({"practices/diagnostico.md": "---\ntitulo: x\n---\n"})
    result = run_check(root, "--format", "json")
    assert result.returncode == 1
    problems = json.loads(result.stdout)
    assert problems and all(
        set(p) == {"file", "line", "column", "code", "severity", "message"} for p in problems
    )
    expected = {"file": "practices/diagnostico.md", "line": 2, "code": "falta-clave"}
    assert any(expected.items() <= p.items() for p in problems)


def test_github_format_on_valid_content_prints_only_warnings() -> None:
    result = run_check(REPO, "--format", "github")
    assert result.returncode == 0
    assert result.stdout.startswith("::warning file=content/red.yml,line=")


@pytest.mark.parametrize(
    "args",
    [["--format", "xml"], ["--root", "/no/existe"], ["--desconocida"]],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run_generator("check", *args)
    assert result.returncode == 2
    assert "error de uso" in result.stderr


def test_no_command_is_a_usage_error() -> None:
    result = run_generator()
    assert result.returncode == 2


def codes(root: Path) -> list[tuple[str, int, int, str]]:
    _, problems = check(root)
    return [
        (p.file, p.line, p.column, p.code) for p in problems if p.code != "centros-sin-identificar"
    ]


def test_latin1_file_is_reported_at_the_bad_byte(make_repo: MakeRepo) -> None:
    text = "---\ntitulo: Diagnóstico\n---\n".encode("latin-1")
    root = make_repo({"practices/diagnostico.md": text})
    assert codes(root) == [("practices/diagnostico.md", 2, 14, "codificacion")]


def test_byte_order_mark_is_fine(make_repo: MakeRepo) -> None:
    from .conftest import VALID_PRACTICE

    root = make_repo({"practices/diagnostico.md": b"\xef\xbb\xbf" + VALID_PRACTICE.encode()})
    assert codes(root) == []


def test_too_large_file(make_repo: MakeRepo) -> None:
    from .conftest import VALID_PRACTICE

    root = make_repo({"practices/diagnostico.md": VALID_PRACTICE + "x" * 600_000})
    assert codes(root) == [("practices/diagnostico.md", 1, 1, "archivo-demasiado-grande")]


def test_symlink_leaving_the_repository(make_repo: MakeRepo, tmp_path: Path) -> None:
    root = make_repo()
    outside = tmp_path / "fuera.md"
    outside.write_text("secreto", encoding="utf-8")
    os.symlink(outside, root / "practices" / "enlace.md")
    assert codes(root) == [("practices/enlace.md", 1, 1, "enlace-simbolico")]


def test_missing_taxonomy_and_network_are_reported(make_repo: MakeRepo) -> None:
    root = make_repo({"content/taxonomia.yml": None, "content/red.yml": None})
    found = codes(root)
    assert ("content/taxonomia.yml", 1, 1, "falta-archivo") in found
    assert ("content/red.yml", 1, 1, "falta-archivo") in found


def test_every_problem_of_every_file_in_one_run(make_repo: MakeRepo) -> None:
    root = make_repo(
        {
            "practices/a.md": "---\ntitulo: [\n---\n",
            "practices/b.md": "sin encabezado\n",
            "centers/talca.yml": "nombre: Talca\nnombre: Talca\n",
        }
    )
    files = {f for f, *_ in codes(root)}
    assert files == {"practices/a.md", "practices/b.md", "centers/talca.yml"}


def test_urls_with_quotes_or_brackets_are_refused(make_repo: MakeRepo) -> None:
    from .conftest import VALID_PRACTICE

    web = "  web: 'https://x.cl/\"><svg onload=1>'\n"
    hostile = VALID_PRACTICE.replace("estado: ejemplo\n", "estado: ejemplo\ncontacto:\n" + web)
    root = make_repo({"practices/diagnostico.md": hostile})
    assert codes(root) == [("practices/diagnostico.md", 9, 8, "url-invalida")]


ONE_BROKEN_LINK = (
    "---\ntitulo: x\nresumen: y\ncentro: talca\nareas: [innovacion]\nfecha: 2021-01-01\n"
    "estado: publicada\n---\n\n## Contexto\nTexto.\n\n## Qué hicimos\nTexto.\n\n"
    "## Resultados\nTexto.\n\n## Cómo replicarla\n[roto](nada.md)\n"
)


@pytest.mark.parametrize(
    ("files", "gap", "summary"),
    [
        ({}, "14 centros y hay 13 perfiles en centers/: falta 1 por", "0 errores, 1 aviso."),
        (
            {"centers/osorno.yml": None, "practices/otra.md": ONE_BROKEN_LINK},
            "14 centros y hay 12 perfiles en centers/: faltan 2 por",
            "1 error, 1 aviso.",
        ),
        (
            {"practices/otra.md": ONE_BROKEN_LINK.replace("talca", "Talca")},
            "falta 1 por",
            "2 errores, 1 aviso.",
        ),
    ],
)
def test_counts_agree_with_their_number(
    make_repo: MakeRepo, files: dict[str, str | None], gap: str, summary: str
) -> None:
    """ "falta 1", "faltan 2"; "1 error", "2 errores"."""
    result = run_check(make_repo(files))
    assert gap in result.stdout
    assert result.stdout.splitlines()[-1] == summary
