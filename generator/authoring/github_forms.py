"""The GitHub issue form «Proponer una buena práctica», generated from the practice model,
the taxonomy and the centers, so its fields and options are never written twice."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from generator.content.loader import load_entries
from generator.content.models import REQUIRED_SECTIONS, Center, PracticeMeta, Taxonomy
from generator.content.repository import Entry
from generator.content.unfinished import SECTION_GUIDANCE
from generator.text import slugify

ISSUE_FORM_FILE = ".github/ISSUE_TEMPLATE/proponer-practica.yml"
HEADER = (
    "# Generado por «python -m generator issue-form» desde generator/content/models.py,\n"
    "# content/taxonomia.yml y centers/: no lo edites a mano.\n"
)

# Practice keys -> form widget; labels and descriptions come from the model's fields. Keys
# left out are decided by the maintainers who turn the issue into a file (see
# SET_BY_MAINTAINERS); a test makes sure every key is in one.
WIDGETS: dict[str, str] = {
    "titulo": "input",
    "resumen": "textarea",
    "centro": "dropdown",
    "areas": "checkboxes",
    "fecha": "input",
    "servicios": "checkboxes",
    "publicos": "checkboxes",
    "etiquetas": "input",
    "resultados": "textarea",
    "contacto": "textarea",
}
SET_BY_MAINTAINERS = ("estado", "replicas", "relacionadas")
SECTIONS_AFTER = "etiquetas"


def _options(taxonomy: Taxonomy, centers: Mapping[str, Entry[Center]], key: str) -> list[str]:
    if key == "centro":
        return [f"{entry.data.nombre} ({center_id})" for center_id, entry in centers.items()]
    terms = getattr(taxonomy, key)
    return [f"{term.nombre} ({term_key})" for term_key, term in terms.items()]


def _field_element(
    key: str, taxonomy: Taxonomy, centers: Mapping[str, Entry[Center]]
) -> dict[str, Any]:
    widget = WIDGETS[key]
    field = PracticeMeta.model_fields[key]
    attributes: dict[str, Any] = {"label": field.title, "description": field.description}
    if widget == "dropdown":
        attributes["options"] = _options(taxonomy, centers, key)
    elif widget == "checkboxes":
        attributes["description"] = "Marca las que correspondan."
        attributes["options"] = [{"label": o} for o in _options(taxonomy, centers, key)]
    elif field.examples:
        example = field.examples[0]
        attributes["placeholder"] = ", ".join(example) if isinstance(example, list) else example
    element: dict[str, Any] = {"type": widget, "id": key, "attributes": attributes}
    if widget != "checkboxes":
        element["validations"] = {"required": field.is_required()}
    return element


def _section_elements() -> list[dict[str, Any]]:
    return [
        {
            "type": "textarea",
            "id": slugify(section),
            "attributes": {"label": section, "description": SECTION_GUIDANCE[section]},
            "validations": {"required": True},
        }
        for section in REQUIRED_SECTIONS
    ]


def issue_form(taxonomy: Taxonomy, centers: Mapping[str, Entry[Center]]) -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {
            "type": "markdown",
            "attributes": {
                "value": "Cuéntanos una buena práctica de tu centro. El equipo la convertirá en "
                "una ficha del sitio y te avisará aquí. Escribe solo resultados que alguien "
                "midió, diciendo quién y dónde consta."
            },
        }
    ]
    for key in PracticeMeta.model_fields:
        if key in WIDGETS:
            body.append(_field_element(key, taxonomy, centers))
        if key == SECTIONS_AFTER:
            body += _section_elements()
    return {
        "name": "Proponer una buena práctica",
        "description": "Propón una práctica de tu centro para compartirla con la red.",
        "title": "Práctica: ",
        "labels": ["propuesta de práctica"],
        "body": body,
    }


def render_issue_form(root: Path) -> str:
    loaded = load_entries(root)
    taxonomy, centers = loaded.taxonomy, loaded.centers
    if taxonomy is None:
        raise ValueError(
            "content/taxonomia.yml no es válido: revisa con «python -m generator check»."
        )
    form = issue_form(taxonomy.data, centers)
    return HEADER + yaml.safe_dump(form, allow_unicode=True, sort_keys=False, width=100)


def write_issue_form(root: Path) -> Path:
    path = root / ISSUE_FORM_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_issue_form(root), encoding="utf-8")
    return path


def stale_issue_form(root: Path) -> str | None:
    """The form's path when it is missing or differs from what the content gives, else None."""
    path = root / ISSUE_FORM_FILE
    if path.is_file() and path.read_text(encoding="utf-8") == render_issue_form(root):
        return None
    return ISSUE_FORM_FILE
