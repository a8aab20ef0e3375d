"""A hand-written page's front matter (content/paginas/<id>.md)."""

from __future__ import annotations

from pydantic import Field

from generator.content.fieldtypes import Text, Title
from generator.content.models.shared import Model


class PageMeta(Model):
    titulo: Title = Field(title="Título", description="Título de la página.")
    descripcion: Text | None = Field(
        default=None, title="Descripción", description="Resumen de la página."
    )
    orden: int = Field(
        default=100, title="Orden", description="Posición en el menú, de menor a mayor."
    )
