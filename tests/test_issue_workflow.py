"""The workflow «Formulario a solicitud de cambio», end to end without GitHub: its own shell
steps run as GitHub runs them (bash -eo pipefail), with the values GitHub would put in their
environment, on a temporary git repository; then the job that may push applies the change in
a fresh clone. Only pushing, the pull request and the comment (the `gh` calls) are left out."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import cmarkgfm
import pytest
import yaml
from cmarkgfm.cmark import Options

from generator.authoring.github_forms import FORM_LABELS

from .command import run_generator
from .conftest import PUBLISHED_PRACTICE, REPO, create_repo
from .issuebodies import FULL_PRACTICE, github_body, replica_answers
from .markdownreading import Reading

WORKFLOW = REPO / ".github" / "workflows" / "formulario.yml"
_SCRIPT = importlib.util.spec_from_file_location(
    "issue_to_branch", REPO / "tools" / "issue_to_branch.py"
)
assert _SCRIPT is not None and _SCRIPT.loader is not None
issue_to_branch = importlib.util.module_from_spec(_SCRIPT)
_SCRIPT.loader.exec_module(issue_to_branch)


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
    said = dict(line.split("=", 1) for line in output.splitlines())
    commented = (runner_temp / "salida" / "comentario.md").is_file()
    assert said["comentario"] == ("si" if commented else "no")  # the comment job runs then
    return said["resultado"]


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


# --- what a stranger typed is inert where others read it ------------------------------------

# GitHub's closing keywords, any case, with or without a colon, before a number, another
# repository's number or an issue's address (docs.github.com, «Linking a pull request to an
# issue»); mentions of a person and of a team; a reference of GitHub's own.
KEYWORDS = ("close", "closes", "closed", "fix", "fixes", "fixed", "resolve", "resolves", "resolved")
LIVE = [
    "@everyone y @octo-org/equipo, miren esto",
    *(f"{keyword} #1" for keyword in KEYWORDS),
    *(f"{keyword.upper()}: #2" for keyword in KEYWORDS),
    *(f"{keyword.capitalize()} octo/repo#3" for keyword in KEYWORDS),
    *(f"{keyword}: https://github.com/octo/repo/issues/4" for keyword in KEYWORDS),
    "GH-5, ```` cuatro comillas invertidas y `una`",
    "````",  # a fence of its own: one that closed the quote would let the rest loose
    "Fixes #6 @everyone, después de la valla",
    "````",
    "[un enlace](https://ejemplo.com/enlace) y https://ejemplo.com/suelto",
]
IMAGES_AND_HTML = [
    "![imagen](https://ejemplo.com/t.png)",
    '<img src="https://ejemplo.com/u.png"> <b>negrita</b> <details><summary>x</summary>',
]
ISSUE = 7


def assert_inert(markdown: str) -> None:
    """Rendered by cmark-gfm as GitHub renders it: no link, image or HTML of anyone's; what
    would mention or reference anything is only inside code, but for this issue's own
    «Closes #7»."""
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    read = Reading.of(html)
    assert read.tags <= {"p", "pre", "code"}, (read.tags, markdown)
    outside = read.outside_code
    assert "@" not in outside and "GH-" not in outside and "ejemplo.com" not in outside, outside
    assert set(re.findall(r"\S*#\d+", outside)) <= {f"#{ISSUE}"}, outside
    closing = re.findall(r"(?i)\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b:?\s*\S+", outside)
    assert closing in ([], [f"Closes #{ISSUE}"]), closing
    assert "github.com" not in outside, outside


# The summary has 300 characters at most: a mention, keywords, a fence, links and new lines.
SUMMARY = "\n".join([LIVE[0], LIVE[1], LIVE[10], LIVE[-4], LIVE[-3], LIVE[-1]])


def one_line(lines: list[str]) -> str:
    return " ".join(lines)


def test_what_a_stranger_typed_is_inert_in_the_pull_request(repo: Path, tmp_path: Path) -> None:
    """Every field that takes text holds mentions, every closing keyword of GitHub, links and
    new lines (the title also an image and HTML, which it may hold as text); the choices hold
    what they must. The pull request's title is one line that names no one and no issue, its
    body quotes every answer inert, and the commit message holds nothing typed."""
    temp = tmp_path / "runner"
    text, line = "\n".join(LIVE), one_line(LIVE[:2])
    answers = {
        **FULL_PRACTICE,
        "titulo": f"Feria @everyone\nFixes #1 {IMAGES_AND_HTML[0]} <b>x</b>",
        "resumen": SUMMARY,
        "etiquetas": "ferias, @everyone, fixes #1",
        **{field: text for field in FULL_PRACTICE if field.startswith("seccion-")},
        "resultados": "@everyone fixes #1 | 23 | Closes octo/repo#3 | 2021-05-02",
        "equipo": "@everyone Fixes #1 | 2\nResolves: #2 | 1",
        "tiempo-preparacion": line,
        "tiempo-duracion": line,
        "materiales": text,
        "contacto-nombre": line,
        "contacto-cargo": one_line(LIVE[2:4]),
        "contacto-correo": "equipo@ejemplo.cl",
        "contacto-web": "https://ejemplo.com/fixes/1",
    }
    assert prepare(repo, temp, github_body("practica", answers), [FORM_LABELS["practica"]]) == "pr"
    out = temp / "salida"
    title = (out / "titulo.txt").read_text(encoding="utf-8")
    assert title == f"Práctica del issue #{ISSUE}"
    body = (out / "cuerpo.md").read_text(encoding="utf-8")
    assert_inert(body)
    quoted = Reading.of(cmarkgfm.github_flavored_markdown_to_html(body)).code
    for answer in (answers["titulo"], text, SUMMARY, "@everyone Fixes #1 | 2", "equipo@ejemplo.cl"):
        assert answer in quoted  # as written, in the code block
    assert "### Contacto: sitio web" in quoted and "### Centro" in quoted
    assert "[X] Digitalización" in quoted and "[ ]" not in quoted  # the boxes checked only
    message = _git(repo, "log", "-1", "--format=%B")
    assert "@" not in message and re.findall(r"#\d+", message) == [f"#{ISSUE}", f"#{ISSUE}"]
    assert (
        repo / "practices" / "feria-everyone-fixes-1-imagen-https-ejemplo-com-t-png-b-x-b.md"
    ).is_file()
    written = (repo / _git(repo, "diff", "--name-only", "main", "HEAD")).read_text("utf-8")
    assert LIVE[-1] in written  # the practice keeps the text as written


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Feria de\nalmaceneros", "Práctica: Feria de almaceneros"),
        ("Ferias `con código` y «comillas»", "Práctica: Ferias `con código` y «comillas»"),
        ("Ventas por www.ejemplo.com", "Práctica del issue #7"),
        ("Ventas gh-12", "Práctica del issue #7"),
    ],
)
def test_the_pull_request_title_is_one_line(title: str, expected: str) -> None:
    assert issue_to_branch.pr_title("Práctica", title, 7) == expected
    assert "\n" not in issue_to_branch.pr_title("Práctica", "a\n" * 300, 7)
    assert len(issue_to_branch.pr_title("Práctica", "palabra " * 100, 7)) <= 256


def test_what_a_stranger_typed_is_inert_in_the_reply(repo: Path, tmp_path: Path) -> None:
    """Every field holds mentions, closing keywords, images, HTML and new lines: nothing can
    be written, and the comment that says so quotes them inert."""
    temp = tmp_path / "runner"
    hostile = "\n".join([*LIVE, *IMAGES_AND_HTML])
    answers = {key: hostile for key in FULL_PRACTICE}
    answers |= {"areas": f"- [X] {one_line(IMAGES_AND_HTML)}\n- [X] {LIVE[1]}"}
    body = github_body("practica", answers)
    assert prepare(repo, temp, body, [FORM_LABELS["practica"]]) == "comentario"
    comment = (temp / "salida" / "comentario.md").read_text(encoding="utf-8")
    assert_inert(comment)
    assert not (temp / "salida" / "cambio.patch").exists()
    adoption = {key: hostile for key in replica_answers("diagnostico", "osorno")}
    assert prepare(repo, temp, github_body("replica", adoption), [FORM_LABELS["replica"]]) == (
        "comentario"
    )
    assert_inert((temp / "salida" / "comentario.md").read_text(encoding="utf-8"))


def test_warnings_reach_the_contributor_with_the_pull_request(repo: Path, tmp_path: Path) -> None:
    """A text that says nothing was measured beside a measured result, and the title of
    another practice: the pull request is made, and its body and a comment on the issue say
    both in the form's words, inert."""
    temp = tmp_path / "runner"
    answers = {
        **FULL_PRACTICE,
        "titulo": "DIAGNÓSTICO de digitalización, para almaceneros",
        "seccion-resultados": "Sin resultados medidos todavía. Fixes #1",
    }
    assert prepare(repo, temp, github_body("practica", answers), [FORM_LABELS["practica"]]) == "pr"
    out = temp / "salida"
    comment = (out / "comentario.md").read_text(encoding="utf-8")
    body = (out / "cuerpo.md").read_text(encoding="utf-8")
    for said in (comment, body):
        assert_inert(said)
        assert "- «Título»: ya hay una práctica con un título que se escribe igual" in said
        assert "- «Resultados»: dice «Sin resultados medidos», pero en «Resultados medidos»" in said
    assert comment.startswith(issue_to_branch.PREPARED)
