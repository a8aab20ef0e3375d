"""Files generated from the models and the content must be committed up to date."""

from __future__ import annotations

import json

from generator.authoring import github_forms, schemas
from generator.content.models import PracticeMeta

from .conftest import REPO


def test_schemas_are_fresh() -> None:
    stale = schemas.stale_schemas(REPO / schemas.SCHEMAS_DIR)
    assert not stale, f"Desactualizados: {stale}. Ejecuta «python -m generator schemas»."


def test_schemas_use_the_spanish_descriptions() -> None:
    practice = json.loads((REPO / "schemas" / "practica.schema.json").read_text(encoding="utf-8"))
    assert practice["additionalProperties"] is False
    title = practice["properties"]["titulo"]
    assert title["description"] == PracticeMeta.model_fields["titulo"].description
    assert title["examples"]
    assert set(practice["required"]) == {
        k for k, f in PracticeMeta.model_fields.items() if f.is_required()
    }


def test_editors_find_the_schemas_without_a_comment_in_the_files() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    wired = settings["yaml.schemas"]
    assert wired["./schemas/centro.schema.json"] == "centers/*.yml"
    for name in ("taxonomia", "red"):
        assert wired[f"./schemas/{name}.schema.json"] == f"content/{name}.yml"
    for path in sorted((REPO / "centers").glob("*.yml")):
        assert "yaml-language-server" not in path.read_text(encoding="utf-8"), path


def test_issue_forms_are_fresh() -> None:
    stale = github_forms.stale_issue_forms(REPO)
    assert not stale, f"{stale}: ejecuta «python -m generator issue-form»."
