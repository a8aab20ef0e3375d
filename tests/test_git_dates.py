"""«Última actualización» comes from git only when the history says when: a shallow clone
(`--depth 1`) gave every practice the date of its one commit, with no warning. Now the files
no fetched commit changed show the practice's own date, and the build says why in one line."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import yaml

from .conftest import REPO, MakeRepo
from .sitebuild import build

OTHER = "practices/otra.md"


def git(root: Path, *args: str, date: str = "2022-01-01T12:00:00Z") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    identity = ["-c", "user.name=Prueba", "-c", "user.email=p@ejemplo.cl"]
    subprocess.run(["git", "-C", str(root), *identity, *args], check=True, env=env, timeout=30)


def history(make_repo: MakeRepo) -> Path:
    """Two commits: everything on 2022-01-01, then `practices/otra.md` changed on 2023-05-05."""
    root = make_repo()
    other = (root / "practices" / "diagnostico.md").read_text(encoding="utf-8")
    (root / OTHER).write_text(other.replace("Diagnóstico", "Otro diagnóstico"), encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "uno")
    (root / OTHER).write_text(
        other.replace("Diagnóstico", "Otro diagnóstico") + "\nMás.\n", encoding="utf-8"
    )
    git(root, "commit", "-qam", "dos", date="2023-05-05T12:00:00Z")
    return root


def footer(site: Path, practice: str) -> str:
    page = (site / "practicas" / practice / "index.html").read_text(encoding="utf-8")
    found = re.search(r"(Última actualización|Fecha de la práctica): ([^.<]+)", page)
    assert found is not None
    return f"{found.group(1)}: {found.group(2)}"


def test_the_full_history_dates_each_practice(make_repo: MakeRepo) -> None:
    root = history(make_repo)
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert "historial de git" not in result.stderr.lower()
    assert footer(root / "site", "otra") == "Última actualización: 5 de mayo de 2023"
    assert footer(root / "site", "diagnostico") == "Última actualización: 1 de enero de 2022"


def test_a_shallow_clone_shows_no_wrong_date_and_says_why(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    origin = history(make_repo)
    clone = tmp_path / "copia"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(clone)],
        check=True,
        timeout=30,
    )
    result = build(clone)
    assert result.returncode == 0, result.stderr
    # The one commit fetched shows every file as added on 2023-05-05: only otra.md was.
    assert footer(clone / "site", "otra") == "Fecha de la práctica: 15 de marzo de 2021"
    assert footer(clone / "site", "diagnostico") == "Fecha de la práctica: 15 de marzo de 2021"
    [said] = [line for line in result.stderr.splitlines() if "historial de git" in line.lower()]
    assert said.startswith("Historial de git incompleto (una copia superficial")
    assert "git fetch --unshallow" in said
    subprocess.run(
        ["git", "-C", str(clone), "fetch", "-q", "--deepen", "1"], check=True, timeout=30
    )
    result = build(clone)
    assert footer(clone / "site", "otra") == "Última actualización: 5 de mayo de 2023"
    assert footer(clone / "site", "diagnostico") == "Fecha de la práctica: 15 de marzo de 2021"


def test_without_git_the_build_says_so_in_one_line(make_repo: MakeRepo) -> None:
    root = make_repo()
    result = build(root)
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "historial de git" in line.lower()]
    assert said == [
        "Sin historial de git (la carpeta no es un repositorio, o falta git): cada práctica "
        "muestra su propia fecha, no la de su última actualización."
    ]
    assert footer(root / "site", "diagnostico") == "Fecha de la práctica: 15 de marzo de 2021"


def test_the_publishing_workflow_fetches_the_whole_history() -> None:
    workflow = yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["construir"]["steps"]
    checkout = next(s for s in steps if str(s.get("uses", "")).startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    assert any("python -m generator build" in str(s.get("run", "")) for s in steps)
