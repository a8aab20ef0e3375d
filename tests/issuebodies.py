"""Issue bodies shaped as GitHub writes an answered issue form: `### Label`, a blank line and
the answer; `_No response_` when empty; every checkbox option as `- [X] …` or `- [ ] …`."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from generator.authoring.github_forms import FORM_FILES, FormName

from .conftest import REPO


def form_elements(form: FormName) -> list[dict[str, Any]]:
    return _answerable_elements((REPO / FORM_FILES[form]).read_text(encoding="utf-8"))


@functools.cache
def _answerable_elements(form_text: str) -> list[dict[str, Any]]:
    """Parsed once per text of the form: the tests build hundreds of bodies from the same
    form, and PyYAML's pure-Python parser took 40 ms for each (24 s of the suite). Read
    only: the same list is given to every caller."""
    data = yaml.safe_load(form_text)
    return [e for e in data["body"] if e["type"] != "markdown"]


def option(form: FormName, field_id: str, key: str) -> str:
    """The option of a dropdown or checkbox list whose key is `key`, as the form shows it;
    anything else as written (an issue whose text someone edited by hand)."""
    element = next(e for e in form_elements(form) if e["id"] == field_id)
    labels = [o["label"] if isinstance(o, dict) else o for o in element["attributes"]["options"]]
    matching = (label for label in labels if label == key or label.endswith(f"({key})"))
    return next(matching, key)


def github_body(
    form: FormName, answers: Mapping[str, str | Sequence[str]], *, crlf: bool = True
) -> str:
    """`answers`: field id -> text, or for checkboxes the keys of the checked options (a text:
    the checkboxes as someone edited them by hand)."""
    parts = []
    for element in form_elements(form):
        answer = answers.get(element["id"])
        if element["type"] == "checkboxes" and isinstance(answer, str):
            value = answer
        elif element["type"] == "checkboxes":
            checked = {option(form, element["id"], k) for k in answer or ()}
            value = "\n".join(
                f"- [{'X' if o['label'] in checked else ' '}] {o['label']}"
                for o in element["attributes"]["options"]
            )
        elif element["type"] == "dropdown" and answer:
            assert isinstance(answer, str)
            value = option(form, element["id"], answer)
        else:
            assert answer is None or isinstance(answer, str)
            value = answer or "_No response_"
        parts.append(f"### {element['attributes']['label']}\n\n{value}")
    body = "\n\n".join(parts)
    return body.replace("\n", "\r\n") if crlf else body


SECTIONS = {
    "seccion-contexto": "Los almaceneros no tenían **vitrina** 🛒. Ver `inventario.xlsx`.",
    "seccion-que-hicimos": "1. Invitamos a 30 almacenes.\n2. Armamos la feria; "
    '$(rm -rf ~) && echo "listo" `whoami` ${{ github.token }}',
    "seccion-resultados": "Sin resultados medidos todavía.",
    "seccion-como-replicarla": "Se necesita un lugar techado.\n\n> Ojo con la lluvia.",
}

FULL_PRACTICE: dict[str, str | Sequence[str]] = {
    "titulo": "Feria de almaceneros 🛒 `$(id)`",
    "resumen": "Una feria donde los almaceneros\nmuestran sus productos; \"comillas\" y 'simples'.",
    "centro": "talca",
    "areas": ["vinculacion-ecosistema", "digitalizacion"],
    "fecha": "2021-04-30",
    "publicos": ["comerciante"],
    "etiquetas": "ferias, redes sociales",
    **SECTIONS,
    "resultados": "Almaceneros que participaron | 23 | Registro de asistencia del centro "
    "| 2021-05-02",
    "equipo": "- Asesor de vinculación | 2\n- Coordinadora | 1",
    "tiempo-preparacion": "2 semanas",
    "costo": "$150.000",
    "materiales": "- Toldos\n- Mesas plegables",
    "dificultad": "media",
}

MINIMAL_PRACTICE: dict[str, str | Sequence[str]] = {
    "titulo": "Taller de precios",
    "resumen": "Un taller para fijar precios.",
    "centro": "osorno",
    "areas": ["mejora-continua"],
    "fecha": "2021-06-01",
    **SECTIONS,
}


def replica_answers(practice: str, center: str, **more: str) -> dict[str, str | Sequence[str]]:
    return {"practica": practice, "centro": center, "fecha": "2021-09-01", **more}
