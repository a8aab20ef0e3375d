"""JSON Schemas for editors, generated from the one definition of each content type."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.content.models import Center, Network, PracticeMeta, Taxonomy

SCHEMAS_DIR = "schemas"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

# file stem -> (model, title, description shown by the editor)
SCHEMAS: dict[str, tuple[type[BaseModel], str, str]] = {
    "practica": (
        PracticeMeta,
        "Encabezado de una práctica",
        "Las claves entre los dos «---» al inicio de practices/<clave>.md.",
    ),
    "centro": (Center, "Perfil de un centro", "Un archivo centers/<clave>.yml."),
    "taxonomia": (Taxonomy, "Taxonomía de la red", "El archivo content/taxonomia.yml."),
    "red": (Network, "Datos de la red", "El archivo content/red.yml."),
}


def _drop_class_titles(schema: dict[str, Any]) -> dict[str, Any]:
    """pydantic titles models with their English class names; the fields keep their own."""
    body = {k: v for k, v in schema.items() if k != "title"}
    if "$defs" in body:
        body["$defs"] = {
            name: {k: v for k, v in node.items() if k != "title"}
            for name, node in body["$defs"].items()
        }
    return body


def schema_for(name: str) -> dict[str, Any]:
    model, title, description = SCHEMAS[name]
    body = _drop_class_titles(model.model_json_schema(mode="validation"))
    return {
        "$schema": DRAFT,
        "$id": f"{name}.schema.json",
        "title": title,
        "description": description
        + " Generado desde generator/content/models/: no lo edites a mano.",
        **{k: v for k, v in body.items() if k != "description"},
    }


def render_schemas() -> dict[str, str]:
    """File name -> text of every schema."""
    return {
        f"{name}.schema.json": json.dumps(schema_for(name), ensure_ascii=False, indent=2) + "\n"
        for name in SCHEMAS
    }


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, text in render_schemas().items():
        path = out / file_name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(out: Path) -> list[str]:
    """Names of the schema files in `out` that are missing or differ from the models."""
    stale = []
    for file_name, text in render_schemas().items():
        path = out / file_name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(file_name)
    return stale
