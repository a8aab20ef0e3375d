"""A center's profile (centers/<id>.yml): its place, services, states and milestones,
each with its source."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, ConfigDict, Field

from generator.content.fieldtypes import DATE_FORMS, PartialDate, Slug, Text, reject_bare_status
from generator.content.models.shared import Contact, Model


class Milestone(Model):
    model_config = ConfigDict(title="Hito")  # one item, as the editor names it

    fecha: PartialDate = Field(
        title="Fecha",
        description="Cuándo, tan preciso como la fuente: " + DATE_FORMS + ".",
        examples=["fin de 2020"],
    )
    evento: Text = Field(
        title="Evento",
        description="Qué pasó, en una frase y sin la fecha.",
        examples=["Adjudicado a Codesser."],
    )
    fuente: Slug | None = Field(
        default=None,
        title="Fuente",
        description="Dónde consta este hecho; sin ella, la fuente del centro.",
    )
    cita: Text | None = Field(
        default=None, title="Cita", description="Palabras exactas de la fuente."
    )


class Coordinates(Model):
    lat: Annotated[float, Field(ge=-90, le=90)] = Field(
        title="Latitud", description="Latitud en grados, p. ej. -35.4264.", examples=[-35.4264]
    )
    lon: Annotated[float, Field(ge=-180, le=180)] = Field(
        title="Longitud", description="Longitud en grados, p. ej. -71.6554.", examples=[-71.6554]
    )


CenterStatus = Literal["activo", "en-instalacion", "cerrado"]


class CenterState(Model):
    valor: CenterStatus = Field(
        title="Estado",
        description="Si el centro atiende, se está instalando o cerró.",
        examples=["activo"],
    )
    fecha: PartialDate = Field(
        title="Fecha", description="Desde cuándo, según la fuente: " + DATE_FORMS + "."
    )
    fuente: Slug = Field(title="Fuente", description="Dónde consta este estado.")


class Center(Model):
    nombre: Text = Field(
        title="Nombre",
        description="Nombre del centro.",
        examples=["Centro de Negocios Sercotec Talca"],
    )
    comuna: Text = Field(
        title="Comuna", description="Comuna donde está el centro.", examples=["Talca"]
    )
    region: Slug = Field(
        title="Región", description="Región donde está el centro.", examples=["maule"]
    )
    operador: Text = Field(
        title="Operador", description="Institución que opera el centro.", examples=["Codesser"]
    )
    estado: Annotated[CenterState | None, BeforeValidator(reject_bare_status)] = Field(
        default=None,
        title="Estado",
        description="Solo si una fuente lo dice, con su fecha y su fuente. Sin él, el sitio "
        "muestra el último hito.",
    )
    hitos: list[Milestone] = Field(
        title="Hitos",
        description="Hechos fechados de la historia del centro, cada uno con su fuente. "
        "Puede quedar vacío.",
        examples=[[]],
    )
    fuente: Slug = Field(
        title="Fuente",
        description="Dónde constan los datos de este perfil.",
        examples=["entrevista-2020"],
    )
    descripcion: Text | None = Field(
        default=None, title="Descripción", description="Presentación breve del centro."
    )
    coordenadas: Coordinates | None = Field(
        default=None,
        title="Coordenadas",
        description="Ubicación para el mapa: el centro urbano de la comuna, no la dirección "
        "de la oficina.",
    )
    contacto: Contact | None = Field(
        default=None, title="Contacto", description="Contacto publicado del centro."
    )
    servicios: list[Slug] = Field(
        default_factory=list, title="Servicios", description="Servicios que presta el centro."
    )
