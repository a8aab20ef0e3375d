"""A practice's front matter (practices/<id>.md): what it is, who did it, what it takes to
repeat it, what was measured, and the centers that adopted it."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from generator.content.fieldtypes import (
    MAX_TAG_LENGTH,
    MAX_TAGS,
    Cost,
    Date,
    Measured,
    Slug,
    Summary,
    Tags,
    Text,
    Title,
)
from generator.content.models.shared import Contact, Model

REQUIRED_SECTIONS = ("Contexto", "Qué hicimos", "Resultados", "Cómo replicarla")


class Result(Model):
    model_config = ConfigDict(title="Resultado")  # one item, as the editor names it

    indicador: Text = Field(
        title="Indicador",
        description="Qué se midió.",
        examples=["Almacenes que terminaron el diagnóstico"],
    )
    valor: Measured = Field(title="Valor", description="El valor medido.", examples=[12])
    fuente: Text = Field(
        title="Fuente",
        description="Quién lo midió y dónde consta.",
        examples=["Registro de asistencia del centro"],
    )
    fecha: Date | None = Field(default=None, title="Fecha", description="Cuándo se midió.")


class Replica(Model):
    model_config = ConfigDict(title="Réplica")  # one item, as the editor names it

    centro: Slug = Field(title="Centro", description="El centro que adoptó la práctica.")
    fecha: Date = Field(title="Fecha", description="Desde cuándo la aplica, como AAAA-MM-DD.")
    nota: Text | None = Field(default=None, title="Nota", description="Qué adaptó ese centro.")
    resultados: list[Result] = Field(
        default_factory=list,
        title="Resultados medidos",
        description="Indicadores que midió ese centro al aplicarla, cada uno con su fuente.",
    )


# --- what it takes to repeat a practice (all optional: empty where nothing is known) ----

Difficulty = Literal["baja", "media", "alta"]


class TeamRole(Model):
    model_config = ConfigDict(title="Rol")  # one item, as the editor names it
    rol: Text = Field(
        title="Rol", description="Qué hizo esa parte del equipo.", examples=["Asesor digital"]
    )
    personas: Annotated[int, Field(ge=1)] = Field(
        title="Personas", description="Cuántas personas cumplieron ese rol.", examples=[2]
    )


class Duration(Model):
    preparacion: Text | None = Field(
        default=None,
        title="Preparación",
        description="Cuánto tiempo tomó prepararla.",
        examples=["2 semanas"],
    )
    duracion: Text | None = Field(
        default=None,
        title="Duración",
        description="Cuánto tiempo duró aplicarla.",
        examples=["3 meses"],
    )


PracticeStatus = Literal["ejemplo", "borrador", "publicada"]


class PracticeMeta(Model):
    titulo: Title = Field(
        title="Título",
        description="Título corto y concreto.",
        examples=["Diagnóstico de digitalización para almaceneros"],
    )
    resumen: Summary = Field(
        title="Resumen",
        description="Una o dos frases: qué se hizo y para quién.",
        examples=["Un diagnóstico breve que ordena qué digitalizar primero en un almacén."],
    )
    centro: Slug = Field(
        title="Centro", description="El centro que creó la práctica.", examples=["talca"]
    )
    areas: Annotated[list[Slug], Field(min_length=1)] = Field(
        title="Áreas",
        description="Una o más áreas en que la práctica ayuda a las pymes.",
        examples=[["digitalizacion"]],
    )
    fecha: Date = Field(
        title="Fecha",
        description="Cuándo se hizo la práctica, como AAAA-MM-DD.",
        examples=["2021-03-15"],
    )
    estado: PracticeStatus = Field(
        title="Estado",
        description="Borrador mientras se escribe, publicada cuando está lista; ejemplo solo "
        "para fichas que muestran el formato.",
        examples=["borrador"],
    )
    servicios: list[Slug] = Field(
        default_factory=list,
        title="Servicios",
        description="Servicios del centro que usó la práctica.",
    )
    publicos: list[Slug] = Field(
        default_factory=list, title="Públicos", description="A quiénes se dirigió la práctica."
    )
    etiquetas: Tags = Field(
        default_factory=list,
        title="Etiquetas",
        description="Palabras que ayudan a encontrar la práctica, separadas por comas: hasta "
        f"{MAX_TAGS}, de hasta {MAX_TAG_LENGTH} caracteres cada una.",
    )
    resultados: list[Result] = Field(
        default_factory=list,
        title="Resultados medidos",
        description="Indicadores medidos, cada uno con su fuente.",
    )
    equipo: list[TeamRole] = Field(
        default_factory=list,
        title="Equipo",
        description="Quiénes la llevaron a cabo: cada rol y cuántas personas.",
    )
    tiempo: Duration | None = Field(
        default=None, title="Tiempo", description="Tiempo de preparación y duración."
    )
    costo: Cost | None = Field(
        default=None,
        title="Costo aproximado",
        description="Costo aproximado en pesos chilenos, o «sin costo».",
        examples=[150000],
    )
    materiales: list[Text] = Field(
        default_factory=list,
        title="Materiales",
        description="Lo que hace falta tener: lugar, equipos, material impreso, programas.",
    )
    dificultad: Difficulty | None = Field(
        default=None,
        title="Dificultad",
        description="Qué tan difícil es repetirla: baja, media o alta.",
        examples=["media"],
    )
    replicas: list[Replica] = Field(
        default_factory=list,
        title="Réplicas en otros centros",
        description="Otros centros que adoptaron la práctica.",
    )
    relacionadas: list[Slug] = Field(
        default_factory=list,
        title="Prácticas relacionadas",
        description="Otras prácticas que conviene leer junto a esta.",
    )
    contacto: Contact | None = Field(
        default=None, title="Contacto", description="A quién preguntar por la práctica."
    )
