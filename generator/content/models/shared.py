"""What the content types share: the base of every model, a contact (a center's and a
practice's), and how each state of a center or a practice reads."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from generator.content.fieldtypes import Email, Text, Url


# Every field has a title (the label a person sees in the editor and the forms) and a
# description (the hint under it): written for people, without file paths, keys or brackets.
# (A docstring here would be every model's description in its JSON Schema.)
class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# How each state of a center or a practice reads in the editor, the forms and the catalogue.
STATE_LABELS: dict[str, str] = {
    "activo": "Activo",
    "en-instalacion": "En instalación",
    "cerrado": "Cerrado",
    "ejemplo": "Ejemplo de formato",
    "borrador": "Borrador",
    "publicada": "Publicada",
}


class Contact(Model):
    nombre: Text | None = Field(
        default=None, title="Nombre", description="Persona o equipo de contacto."
    )
    cargo: Text | None = Field(
        default=None, title="Cargo", description="Cargo de esa persona, si lo tiene."
    )
    correo: Email | None = Field(
        default=None, title="Correo", description="Correo, p. ej. equipo@ejemplo.cl."
    )
    telefono: Text | None = Field(
        default=None, title="Teléfono", description="Teléfono, p. ej. +56 9 1234 5678."
    )
    web: Url | None = Field(
        default=None,
        title="Sitio web",
        description="Dirección web completa, p. ej. https://ejemplo.cl.",
    )
