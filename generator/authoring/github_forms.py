"""The GitHub issue forms «Proponer una buena práctica» and «Registrar que mi centro adoptó una
práctica», generated from the models, the taxonomy and the centers: labels, descriptions and
examples are the models' own (`Field(title=…, description=…)`), options come from the content.

The same field list (`FormField`) serves writing the forms and reading what GitHub makes of an
answered one (generator/authoring/from_issue.py), so a field's id, label and format are
written once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

import yaml
from pydantic import BaseModel

from generator.content.fieldtypes import MAX_SUMMARY_LENGTH
from generator.content.fieldtypes import MAX_TITLE_LENGTH as MAX_TITLE_LENGTH  # the form too
from generator.content.loader import load_files
from generator.content.models import (
    REQUIRED_SECTIONS,
    Center,
    Contact,
    Difficulty,
    Duration,
    PracticeMeta,
    Replica,
    Result,
    Taxonomy,
    TeamRole,
)
from generator.content.repository import Entry
from generator.content.unfinished import SECTION_GUIDANCE
from generator.text import slugify

FormName = Literal["practica", "replica"]
FORM_NAMES: dict[FormName, str] = {
    "practica": "Proponer una buena práctica",
    "replica": "Registrar que mi centro adoptó una práctica",
}
FORMS_DIR = ".github/ISSUE_TEMPLATE"
FORM_FILES: dict[FormName, str] = {
    "practica": f"{FORMS_DIR}/proponer-practica.yml",
    "replica": f"{FORMS_DIR}/registrar-replica.yml",
}
FORM_LABELS: dict[FormName, str] = {  # the issue label each form sets; the workflow reads it
    "practica": "propuesta de práctica",
    "replica": "registro de réplica",
}
PRACTICE_ID_FIELD = "practica"  # the adoption form's field that names the practice
HEADER = (
    "# Generado por «python -m generator issue-form» desde generator/content/models/,\n"
    "# content/taxonomia.yml y centers/: no lo edites a mano.\n"
)
NO_RESPONSE = "_No response_"
CELL_SEPARATOR = "|"

# How an answer becomes a value: text (one line), long (several lines), choice (one key of a
# list), choices (keys, checkboxes), words (a list, separated by commas), lines (a list, one a
# line), rows (a list of records, one a line, their parts separated by «|»), section (a
# required section of the practice's text).
Kind = Literal["text", "long", "choice", "choices", "words", "lines", "rows", "section"]
WIDGET: dict[Kind, str] = {
    "text": "input",
    "long": "textarea",
    "choice": "dropdown",
    "choices": "checkboxes",
    "words": "input",
    "lines": "textarea",
    "rows": "textarea",
    "section": "textarea",
}


@dataclass(frozen=True)
class FormField:
    id: str  # the form element's id; also the query parameter that prefills it
    label: str
    kind: Kind
    description: str
    required: bool
    path: tuple[str, ...]  # where the answer goes in the file ((): a section of the text)
    options: str = ""  # "centros", "areas", "servicios", "publicos" or "dificultad"
    row_model: type[BaseModel] | None = None  # the record of each line, for kind "rows"
    placeholder: str = ""


def _field(
    model: type[BaseModel],
    key: str,
    kind: Kind,
    *,
    prefix: tuple[str, ...] = (),
    label: str | None = None,
    options: str = "",
    row_model: type[BaseModel] | None = None,
    required: bool | None = None,
    hint: str = "",
) -> FormField:
    info = model.model_fields[key]
    title = info.title or key
    description = " ".join(part for part in (info.description or "", hint) if part)
    placeholder = ""
    if row_model is not None:
        placeholder = _row_example(row_model)
        # Each line is one record (un resultado, un rol): masculine, as every row model is.
        description += f" Uno por línea: {_row_format(row_model)}."
    elif kind in ("text", "words", "long") and info.examples:
        example = info.examples[0]
        placeholder = ", ".join(map(str, example)) if isinstance(example, list) else str(example)
    return FormField(
        id="-".join((*prefix, key)),
        label=label or title,
        kind=kind,
        description=description,
        required=info.is_required() if required is None else required,
        path=(*prefix, key),
        options=options,
        row_model=row_model,
        placeholder=placeholder,
    )


def row_keys(model: type[BaseModel]) -> list[str]:
    return list(model.model_fields)


def _row_format(model: type[BaseModel]) -> str:
    parts = [
        (f.title or key).lower() + ("" if f.is_required() else " (si se sabe)")
        for key, f in model.model_fields.items()
    ]
    return f" {CELL_SEPARATOR} ".join(parts)


def _row_example(model: type[BaseModel]) -> str:
    parts = [str(f.examples[0]) for f in model.model_fields.values() if f.examples]
    return f" {CELL_SEPARATOR} ".join(parts)


def _nested(model: type[BaseModel], parent: str, kinds: Mapping[str, Kind]) -> list[FormField]:
    """One field per key of a nested record, labelled «Padre: hijo», all optional."""
    parent_title = PracticeMeta.model_fields[parent].title or parent
    return [
        _field(
            model,
            key,
            kinds.get(key, "text"),
            prefix=(parent,),
            label=f"{parent_title}: {(model.model_fields[key].title or key).lower()}",
            required=False,
        )
        for key in model.model_fields
    ]


def _section(section: str) -> FormField:
    return FormField(
        id=f"seccion-{slugify(section)}",
        label=section,
        kind="section",
        description=SECTION_GUIDANCE[section],
        required=True,
        path=(),
    )


def practice_fields() -> list[FormField]:
    """The practice form, in the order of the file; keys a maintainer decides are left out."""
    m = PracticeMeta
    return [
        _field(m, "titulo", "text", hint=f"Hasta {MAX_TITLE_LENGTH} caracteres."),
        _field(m, "resumen", "long", hint=f"Hasta {MAX_SUMMARY_LENGTH} caracteres."),
        _field(m, "centro", "choice", options="centros"),
        _field(m, "areas", "choices", options="areas", hint="Marca las que correspondan."),
        _field(m, "fecha", "text"),
        _field(m, "servicios", "choices", options="servicios", hint="Marca los que correspondan."),
        _field(m, "publicos", "choices", options="publicos", hint="Marca los que correspondan."),
        _field(m, "etiquetas", "words"),
        *(_section(s) for s in REQUIRED_SECTIONS),
        _field(m, "resultados", "rows", row_model=Result),
        _field(m, "equipo", "rows", row_model=TeamRole),
        *_nested(Duration, "tiempo", {}),
        _field(m, "costo", "text"),
        _field(m, "materiales", "lines", hint="Uno por línea."),
        _field(m, "dificultad", "choice", options="dificultad"),
        *_nested(Contact, "contacto", {}),
    ]


# Practice keys the form does not ask: a maintainer decides them in the pull request.
SET_BY_MAINTAINERS = ("estado", "replicas", "relacionadas")


def replica_fields() -> list[FormField]:
    m = Replica
    practice = FormField(
        id=PRACTICE_ID_FIELD,
        label="Práctica",
        kind="text",
        description="La clave de la práctica que adoptó tu centro: el final de la dirección de "
        "su página (se completa sola si llegas desde el enlace de la práctica).",
        required=True,
        path=(),
        placeholder="diagnostico-digitalizacion-almaceneros",
    )
    return [
        practice,
        _field(m, "centro", "choice", options="centros", label="Centro que la adoptó"),
        _field(m, "fecha", "text"),
        _field(m, "nota", "long"),
        _field(m, "resultados", "rows", row_model=Result),
    ]


def form_fields(form: FormName) -> list[FormField]:
    return practice_fields() if form == "practica" else replica_fields()


def choice_options(
    name: str, taxonomy: Taxonomy, centers: Mapping[str, Entry[Center]]
) -> list[tuple[str, str]]:
    """(key, label) of each option of a list."""
    if name == "centros":
        return [(key, entry.data.nombre) for key, entry in centers.items()]
    if name == "dificultad":
        return [(level, level) for level in get_args(Difficulty)]
    return [(key, term.nombre) for key, term in getattr(taxonomy, name).items()]


def option_label(key: str, label: str) -> str:
    """What the form shows and GitHub writes back; a key in parentheses is read back."""
    return key if label == key else f"{label} ({key})"


def _element(
    field: FormField, taxonomy: Taxonomy, centers: Mapping[str, Entry[Center]]
) -> dict[str, Any]:
    attributes: dict[str, Any] = {"label": field.label, "description": field.description}
    widget = WIDGET[field.kind]
    if field.options:
        labels = [option_label(k, v) for k, v in choice_options(field.options, taxonomy, centers)]
        attributes["options"] = (
            [{"label": label} for label in labels] if widget == "checkboxes" else labels
        )
    if field.placeholder:
        attributes["placeholder"] = field.placeholder
    element: dict[str, Any] = {"type": widget, "id": field.id, "attributes": attributes}
    if widget != "checkboxes":
        element["validations"] = {"required": field.required}
    return element


def _intro(text: str) -> dict[str, Any]:
    return {"type": "markdown", "attributes": {"value": text}}


def issue_form(
    form: FormName, taxonomy: Taxonomy, centers: Mapping[str, Entry[Center]]
) -> dict[str, Any]:
    body = [_element(f, taxonomy, centers) for f in form_fields(form)]
    if form == "practica":
        return {
            "name": FORM_NAMES["practica"],
            "description": "Propón una práctica de tu centro para compartirla con la red.",
            "title": "Práctica: ",
            "labels": [FORM_LABELS[form]],
            "body": [
                _intro(
                    "Cuéntanos una buena práctica de tu centro. Al enviar el formulario se "
                    "prepara su ficha como una solicitud de cambio que el equipo del sitio revisa; "
                    "si falta algo, te lo decimos aquí mismo. Escribe solo resultados que alguien "
                    "midió, diciendo quién y dónde consta. Los campos opcionales ayudan a otro "
                    "centro a decidir si puede repetirla: déjalos vacíos si no lo sabes. "
                    "Publica un contacto solo si esa persona aceptó aparecer."
                ),
                *body,
            ],
        }
    return {
        "name": FORM_NAMES["replica"],
        "description": "Cuenta que tu centro adoptó una práctica de otro centro de la red.",
        "title": "Réplica: ",
        "labels": [FORM_LABELS[form]],
        "body": [
            _intro(
                "Registra que tu centro adoptó una práctica de otro centro. Al enviar el "
                "formulario se agrega a «Adoptada por» de la práctica mediante una solicitud de "
                "cambio que el equipo del sitio revisa. Si mediste resultados, escribe quién los "
                "midió y dónde constan."
            ),
            *body,
        ],
    }


def render_issue_forms(root: Path) -> dict[str, str]:
    """File (relative to the root) -> text of each form."""
    loaded = load_files(root)
    taxonomy, centers = loaded.taxonomy, loaded.centers
    if taxonomy is None:
        raise ValueError(
            "content/taxonomia.yml no es válido: revisa con «python -m generator check»."
        )
    return {
        FORM_FILES[form]: HEADER
        + yaml.safe_dump(
            issue_form(form, taxonomy.data, centers),
            allow_unicode=True,
            sort_keys=False,
            width=100,
        )
        for form in FORM_FILES
    }


def write_issue_forms(root: Path) -> list[str]:
    written = []
    for rel, text in render_issue_forms(root).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(rel)
    return written


def stale_issue_forms(root: Path) -> list[str]:
    """The forms that are missing or differ from what the content gives."""
    stale = []
    for rel, text in render_issue_forms(root).items():
        path = root / rel
        if not (path.is_file() and path.read_text(encoding="utf-8") == text):
            stale.append(rel)
    return stale
