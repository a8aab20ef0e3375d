"""The taxonomy (content/taxonomia.yml): the areas, services, publics and regions the other
files name by key."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from generator.content.fieldtypes import Slug, Text
from generator.content.models.shared import Model

AREA_KEYS = (
    "vinculacion-ecosistema",
    "mejora-continua",
    "digitalizacion",
    "innovacion",
    "sustentabilidad",
)


class Term(Model):
    nombre: Text = Field(title="Nombre", description="Nombre que se muestra en el sitio.")
    descripcion: Text = Field(
        title="Descripción", description="Una o dos frases que explican el término."
    )


class Region(Model):
    nombre: Text = Field(title="Nombre", description="Nombre oficial de la región.")
    codigo: Annotated[str, StringConstraints(pattern=r"^\d{2}$")] = Field(
        title="Código", description="Código oficial de dos dígitos, entre comillas: '05'."
    )


class Taxonomy(Model):
    areas: dict[Slug, Term] = Field(
        title="Áreas", description="Áreas en que un centro impacta a una pyme."
    )
    servicios: dict[Slug, Term] = Field(
        title="Servicios", description="Servicios que prestan los centros."
    )
    publicos: dict[Slug, Term] = Field(
        title="Públicos", description="Públicos a los que se dirige una práctica."
    )
    regiones: dict[Slug, Region] = Field(title="Regiones", description="Las 16 regiones de Chile.")
