"""The GitHub issue forms are valid by GitHub's rules.

SchemaStore's JSON Schema of issue forms (bundled in check-jsonschema, from PyPI) checks types
and attributes; what a schema cannot say (ids and labels unique within a form) is checked here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.authoring import github_forms
from generator.content.models import PracticeMeta

from .conftest import REPO

FORMS = sorted((REPO / github_forms.FORMS_DIR).glob("*.yml"))
ID_RE = re.compile(r"^[A-Za-z0-9_-]+$")  # GitHub: letters, digits, «-» and «_»


def _check_jsonschema() -> str:
    beside_python = Path(sys.executable).parent / "check-jsonschema"
    found = str(beside_python) if beside_python.is_file() else shutil.which("check-jsonschema")
    if found is None:
        pytest.fail("check-jsonschema no está instalado: pip install -e '.[test]'")
    return found


def _validate(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_check_jsonschema(), "--builtin-schema", "vendor.github-issue-forms", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
        timeout=50,
    )


def _load(path: Path) -> dict[str, Any]:
    form = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(form, dict)
    return form


def test_two_forms_propose_and_record() -> None:
    names = [p.name for p in FORMS]
    assert len(names) == 2, names
    assert any("practica" in n for n in names) and any("replica" in n for n in names), names


def test_forms_pass_the_issue_forms_schema() -> None:
    result = _validate(*FORMS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_catches_a_broken_form(tmp_path: Path) -> None:
    form = _load(FORMS[0])
    form["body"][1]["type"] = "casilla"  # not a type GitHub knows
    del form["name"]
    broken = tmp_path / "roto.yml"
    broken.write_text(yaml.safe_dump(form, allow_unicode=True), encoding="utf-8")
    result = _validate(broken)
    assert result.returncode == 1, result.stdout + result.stderr


def _ids_and_labels(form: dict[str, Any]) -> tuple[list[str], list[str]]:
    elements = [e for e in form["body"] if e["type"] != "markdown"]
    return [e["id"] for e in elements], [e["attributes"]["label"] for e in elements]


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.name)
def test_ids_and_labels_are_unique_and_valid(path: Path) -> None:
    ids, labels = _ids_and_labels(_load(path))
    assert len(set(ids)) == len(ids), sorted(i for i in ids if ids.count(i) > 1)
    assert len(set(labels)) == len(labels), sorted(x for x in labels if labels.count(x) > 1)
    assert all(ID_RE.match(i) for i in ids), ids


def test_the_uniqueness_check_fails_on_a_repeated_id() -> None:
    """The form as it was before: two fields with the id «resultados»."""
    form = _load(FORMS[0])
    form["body"].append({**form["body"][-1], "id": form["body"][1]["id"]})
    ids, _ = _ids_and_labels(form)
    assert len(set(ids)) < len(ids)


def test_forms_read_labels_from_the_models() -> None:
    practice = _load(REPO / github_forms.FORM_FILES["practica"])
    labels = {e["id"]: e["attributes"]["label"] for e in practice["body"] if "id" in e}
    for key in ("titulo", "equipo", "costo", "materiales", "dificultad", "resultados"):
        assert labels[key] == PracticeMeta.model_fields[key].title


def test_practice_form_decides_every_practice_field() -> None:
    asked = {f.path[0] for f in github_forms.practice_fields() if f.path}
    assert asked.isdisjoint(github_forms.SET_BY_MAINTAINERS)
    assert asked | set(github_forms.SET_BY_MAINTAINERS) == set(PracticeMeta.model_fields)


def test_optional_fields_of_what_it_takes_are_asked_and_optional() -> None:
    fields = {f.id: f for f in github_forms.practice_fields()}
    for key in ("equipo", "tiempo-preparacion", "tiempo-duracion", "costo", "materiales"):
        assert not fields[key].required
    assert fields["dificultad"].kind == "choice" and not fields["dificultad"].required
