"""The workflow «Formulario a solicitud de cambio», end to end without GitHub: its own shell
steps run as GitHub runs them (bash -eo pipefail), with the values GitHub would put in their
environment, on a temporary git repository; then the job that may push applies the change in
a fresh clone. Only pushing, the pull request and the comment (the `gh` calls) are left out."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.authoring.github_forms import FORM_LABELS

from .command import run_generator
from .conftest import PUBLISHED_PRACTICE, REPO, create_repo
from .issuebodies import FULL_PRACTICE, github_body, replica_answers

WORKFLOW = REPO / ".github" / "workflows" / "formulario.yml"


def _steps(job: str) -> dict[str, dict[str, Any]]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return {step["name"]: step for step in workflow["jobs"][job]["steps"]}


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True, timeout=30
    ).stdout.strip()


def run_step(job: str, name: str, cwd: Path, runner_temp: Path, **env: str) -> None:
    """One `run:` step as GitHub runs it; `env` holds what its `${{ }}` values would be."""
    step = _steps(job)[name]
    assert "${{" not in step["run"], "el texto de GitHub entra por variables de entorno"
    assert set(env) == set(step.get("env", {})), (set(env), step.get("env"))
    environment = {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "HOME": str(runner_temp),
        "RUNNER_TEMP": str(runner_temp),
        "GITHUB_OUTPUT": str(runner_temp / "github_output"),
        **env,
    }
    result = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        cwd=cwd,
        env=environment,
        check=False,
        capture_output=True,
        text=True,
        timeout=50,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with the real content, the script and one commit on main."""
    root = create_repo(tmp_path / "repo", {"practices/diagnostico.md": PUBLISHED_PRACTICE})
    (root / "tools").mkdir()
    shutil.copy(REPO / "tools" / "issue_to_branch.py", root / "tools")
    _git(root, "init", "--quiet", "--initial-branch=main")
    _git(root, "add", "-A")
    _git(
        root,
        "-c",
        "user.name=Prueba",
        "-c",
        "user.email=prueba@ejemplo.cl",
        "commit",
        "-qm",
        "Inicio",
    )
    return root


def prepare(repo: Path, runner_temp: Path, body: str, labels: list[str], number: int = 7) -> str:
    runner_temp.mkdir(exist_ok=True)
    run_step("preparar", "Guardar el texto del issue en un archivo", repo, runner_temp, CUERPO=body)
    assert (runner_temp / "cuerpo.md").read_bytes() == body.encode("utf-8")
    run_step(
        "preparar",
        "Escribir el cambio y prepararlo",
        repo,
        runner_temp,
        NUMERO=str(number),
        ETIQUETAS=json.dumps(labels, indent=2, ensure_ascii=False),  # as toJSON() writes it
    )
    output = (runner_temp / "github_output").read_text(encoding="utf-8")
    return output.removeprefix("resultado=").strip()


HOSTILE = {
    **FULL_PRACTICE,
    "titulo": "Feria \"$(touch PWNED)\" '; touch PWNED2; ' `touch PWNED3`",
    "seccion-contexto": "100% \\n %s %d $HOME ${CUERPO} $(touch PWNED4)\n\n```sh\nrm -rf /\n```",
}


def test_a_practice_form_becomes_a_branch_and_a_pull_request(repo: Path, tmp_path: Path) -> None:
    temp = tmp_path / "runner"
    body = github_body("practica", HOSTILE)
    assert prepare(repo, temp, body, [FORM_LABELS["practica"]]) == "pr"
    for name in ("PWNED", "PWNED2", "PWNED3", "PWNED4"):
        assert not (repo / name).exists() and not (temp / name).exists()
    out = temp / "salida"
    assert _git(repo, "branch", "--show-current") == "formulario/issue-7"
    assert _git(repo, "status", "--porcelain") == ""
    added = _git(repo, "diff", "--name-status", "main", "HEAD").splitlines()
    assert added == ["A\tpractices/feria-touch-pwned-touch-pwned2-touch-pwned3.md"]
    assert "Closes #7" in _git(repo, "log", "-1", "--format=%B")
    title = (out / "titulo.txt").read_text(encoding="utf-8")
    assert title == f"Práctica: {HOSTILE['titulo']}"
    assert "Closes #7" in (out / "cuerpo.md").read_text(encoding="utf-8")

    # The job that may push starts from a fresh checkout of main and applies the patch.
    clone = tmp_path / "clon"
    _git(tmp_path, "clone", "--quiet", "--branch", "main", str(repo), str(clone))
    run_step("proponer", "Aplicar el cambio en la rama del issue", clone, temp, NUMERO="7")
    assert _git(clone, "branch", "--show-current") == "formulario/issue-7"
    assert _git(clone, "rev-parse", "HEAD^{tree}") == _git(repo, "rev-parse", "HEAD^{tree}")
    check = run_generator("check", "--root", str(clone))
    assert check.returncode == 0, check.stdout


def test_an_adoption_form_becomes_a_branch(repo: Path, tmp_path: Path) -> None:
    temp = tmp_path / "runner"
    body = github_body("replica", replica_answers("diagnostico", "osorno", nota="Con ferias."))
    assert prepare(repo, temp, body, ["otra etiqueta", FORM_LABELS["replica"]], 12) == "pr"
    assert _git(repo, "diff", "--name-only", "main", "HEAD") == "practices/diagnostico.md"
    title = (temp / "salida" / "titulo.txt").read_text(encoding="utf-8")
    assert title == "Réplica: Centro de Negocios Sercotec Osorno adoptó «Diagnóstico de " + (
        "digitalización para almaceneros»"
    )


def test_problems_become_a_comment_and_nothing_is_committed(repo: Path, tmp_path: Path) -> None:
    temp = tmp_path / "runner"
    answers = replica_answers("no-existe ```` @equipo <img src=x> ````", "osorno")
    assert prepare(repo, temp, github_body("replica", answers), [FORM_LABELS["replica"]]) == (
        "comentario"
    )
    comment = (temp / "salida" / "comentario.md").read_text(encoding="utf-8")
    assert "«Práctica»" in comment and "no-existe" in comment
    assert comment.count("`````text") == 1  # a fence longer than anything inside it
    assert _git(repo, "branch", "--show-current") == "main"
    assert _git(repo, "status", "--porcelain") == ""
    assert not (temp / "salida" / "cambio.patch").exists()


def test_a_body_of_the_other_form_is_commented(repo: Path, tmp_path: Path) -> None:
    temp = tmp_path / "runner"
    body = github_body("replica", replica_answers("diagnostico", "osorno"))
    assert prepare(repo, temp, body, [FORM_LABELS["practica"]]) == "comentario"
    comment = (temp / "salida" / "comentario.md").read_text(encoding="utf-8")
    assert "Registrar que mi centro adoptó una práctica" in comment
    assert "le falta el campo «Título»" in comment and "--form" not in comment
    assert _git(repo, "status", "--porcelain") == ""


def test_a_title_too_long_is_said_of_the_title_and_no_folder_is_shown(
    repo: Path, tmp_path: Path
) -> None:
    temp = tmp_path / "runner"
    body = github_body("practica", {**FULL_PRACTICE, "titulo": "a" * 5000, "fecha": ""})
    assert prepare(repo, temp, body, [FORM_LABELS["practica"]]) == "comentario"
    comment = (temp / "salida" / "comentario.md").read_text(encoding="utf-8")
    assert "- «Título»: tiene 5.000 caracteres" in comment
    assert "- «Fecha»: falta la respuesta." in comment
    assert str(tmp_path) not in comment and "practices/" not in comment
    assert _git(repo, "status", "--porcelain") == ""


def test_trouble_of_the_machine_is_not_put_on_the_contributor(repo: Path, tmp_path: Path) -> None:
    """When `from-issue` cannot do its work (here: practices/ is a file, so nothing can be
    written there), the comment says so without this machine's folders or errors."""
    shutil.rmtree(repo / "practices")
    (repo / "practices").write_text("no es una carpeta\n", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=P", "-c", "user.email=p@ejemplo.cl", "commit", "-qm", "Roto")
    temp = tmp_path / "runner"
    assert prepare(
        repo, temp, github_body("practica", FULL_PRACTICE), [FORM_LABELS["practica"]]
    ) == ("comentario")
    comment = (temp / "salida" / "comentario.md").read_text(encoding="utf-8")
    assert "problema de la máquina que procesa los formularios" in comment
    assert str(tmp_path) not in comment and "Error" not in comment and "```" not in comment


def test_an_issue_of_no_form_is_left_alone(repo: Path, tmp_path: Path) -> None:
    temp = tmp_path / "runner"
    assert prepare(repo, temp, "Hola", ["pregunta"]) == "nada"
    assert sorted(p.name for p in (temp / "salida").iterdir()) == ["resultado"]


def test_the_jobs_hold_only_the_permissions_they_use() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {}
    permissions = {name: job["permissions"] for name, job in workflow["jobs"].items()}
    assert permissions == {
        "preparar": {"contents": "read"},
        "proponer": {"contents": "write", "pull-requests": "write"},
        "comentar": {"issues": "write"},
    }
    assert set(workflow[True]["issues"]["types"]) == {"opened", "edited"}  # YAML reads «on» as True
