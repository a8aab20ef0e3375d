"""The facets of the practice catalogue: the form's options and each practice's values.

One definition serves both: the template writes the form from `facets()` and a `data-<name>`
attribute per facet on every practice of the list from `facet_values()`; the browser
(assets/catalogo.js) only reads them back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, get_args

from generator.content.models import STATE_LABELS, Center, Difficulty, PracticeMeta, Region, Term
from generator.site.view import SiteView

STATUS_LABELS = {state: STATE_LABELS[state] for state in ("publicada", "ejemplo", "borrador")}


@dataclass(frozen=True)
class Facet:
    name: str  # form field, URL parameter and data-<name> attribute
    label: str
    control: Literal["checkbox", "select"]
    options: list[tuple[str, str]]  # (key, label)
    any_label: str = ""  # the select's first option, which filters nothing


def facet_values(m: PracticeMeta, center: Center) -> dict[str, list[str]]:
    """A practice's value for each facet (its center: the one `m.centro` names)."""
    return {
        "area": list(m.areas),
        "centro": [m.centro],
        "region": [center.region],
        "servicio": list(m.servicios),
        "publico": list(m.publicos),
        "estado": [m.estado],
        "dificultad": [m.dificultad] if m.dificultad else [],
        "costo": [cost_range(m.costo)] if m.costo else [],
    }


# Ranges of the approximate cost, (key, label, up to how many pesos).
COST_RANGES = (
    ("sin-costo", "Sin costo", 0),
    ("hasta-100000", "Hasta $100.000", 100_000),
    ("hasta-1000000", "De $100.001 a $1.000.000", 1_000_000),
    ("mas-de-1000000", "Más de $1.000.000", None),
)
DIFFICULTIES = [(level, level.capitalize()) for level in get_args(Difficulty)]


def cost_range(cost: int | str) -> str:
    pesos = cost if isinstance(cost, int) else 0  # the only text is «sin costo»
    return next(key for key, _, top in COST_RANGES if top is None or pesos <= top)


def facets(view: SiteView) -> list[Facet]:
    """The options that some shown practice has, in the taxonomy's order (centers by name)."""
    taxonomy = view.repo.taxonomy.data
    used: dict[str, set[str]] = {}
    for practice in view.practices:
        center = view.center(practice.data.centro).data
        for name, values in facet_values(practice.data, center).items():
            used.setdefault(name, set()).update(values)

    def present(name: str, options: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return [(key, label) for key, label in options if key in used.get(name, set())]

    return [
        Facet("area", "Área", "checkbox", present("area", _names(taxonomy.areas))),
        Facet("centro", "Centro", "select", present("centro", _center_names(view)), "Todos"),
        Facet("region", "Región", "select", present("region", _names(taxonomy.regiones)), "Todas"),
        Facet("servicio", "Servicio", "checkbox", present("servicio", _names(taxonomy.servicios))),
        Facet("publico", "Público", "checkbox", present("publico", _names(taxonomy.publicos))),
        Facet("estado", "Estado", "checkbox", present("estado", list(STATUS_LABELS.items()))),
        Facet("dificultad", "Dificultad", "checkbox", present("dificultad", DIFFICULTIES)),
        Facet("costo", "Costo", "checkbox", present("costo", [r[:2] for r in COST_RANGES])),
    ]


def _names(terms: Mapping[str, Term | Region]) -> list[tuple[str, str]]:
    return [(key, term.nombre) for key, term in terms.items()]


def _center_names(view: SiteView) -> list[tuple[str, str]]:
    return [(c.id, c.data.nombre) for c in view.centers]
