"""The one definition of each content type.

These models validate the files, give the JSON Schemas that editors use, and document the
fields; keys are Spanish (the authors' language), descriptions are what authors read.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

from generator.content.fieldtypes import (
    DATE_FORMS,
    MAX_TAG_LENGTH,
    MAX_TAGS,
    NO_COST,
    Cost,
    Date,
    Email,
    Measured,
    PartialDate,
    Slug,
    Summary,
    Tags,
    Text,
    Title,
    Url,
    check_cost,
    reject_bare_status,
)
from generator.content.fieldtypes import EMAIL_RE as EMAIL_RE  # re-exported for their users
from generator.content.fieldtypes import SLUG_PATTERN as SLUG_PATTERN
from generator.content.fieldtypes import SLUG_RE as SLUG_RE

__all__ = ["EMAIL_RE", "NO_COST", "SLUG_PATTERN", "SLUG_RE", "check_cost"]  # and the models

REQUIRED_SECTIONS = ("Contexto", "Qué hicimos", "Resultados", "Cómo replicarla")
AREA_KEYS = (
    "vinculacion-ecosistema",
    "mejora-continua",
    "digitalizacion",
    "innovacion",
    "sustentabilidad",
)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --- taxonomy -------------------------------------------------------------------------
# Every field has a title (the label a person sees in the editor and the forms) and a
# description (the hint under it): written for people, without file paths, keys or brackets.


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


# --- network --------------------------------------------------------------------------


class Source(Model):
    titulo: Text = Field(title="Título", description="Título de la fuente.")
    fecha: PartialDate = Field(
        title="Fecha",
        description="Fecha de publicación, tan precisa como la fuente la da: " + DATE_FORMS + ".",
    )
    descripcion: Text | None = Field(
        default=None, title="Descripción", description="Qué es la fuente."
    )
    url: Url | None = Field(
        default=None,
        title="Dirección web",
        description="Dirección web de la fuente, si es pública.",
    )
    pagina: Slug | None = Field(
        default=None,
        title="Página",
        description="Página del sitio con el texto de la fuente (content/paginas).",
    )


class Fact(Model):
    valor: int = Field(title="Valor", description="El número publicado.")
    al_menos: bool = Field(
        default=False,
        title="Al menos",
        description="Sí cuando la fuente da el número como mínimo («al menos 20»).",
    )
    fecha: PartialDate = Field(
        title="Fecha",
        description="A qué momento se refiere, tan preciso como la fuente: " + DATE_FORMS + ".",
    )
    fuente: Slug = Field(title="Fuente", description="Clave de la fuente en `fuentes`.")
    cita: Text | None = Field(
        default=None, title="Cita", description="Palabras exactas de la fuente."
    )
    nota: Text | None = Field(
        default=None, title="Nota", description="Aclaración breve, con palabras del sitio."
    )


class Quote(Model):
    tema: Text = Field(title="Tema", description="De qué habla la cita, con palabras del sitio.")
    cita: Text = Field(
        title="Cita", description="Las palabras exactas de la fuente, sin cambiar ninguna."
    )
    fuente: Slug = Field(title="Fuente", description="Clave de la fuente en `fuentes`.")
    fecha: PartialDate | None = Field(
        default=None,
        title="Fecha",
        description="A qué momento se refiere, si la fuente lo dice: " + DATE_FORMS + ".",
    )


class NamedFact(Model):
    nombre: Text = Field(title="Nombre", description="Nombre como fue publicado.")
    fuente: Slug = Field(title="Fuente", description="Clave de la fuente en `fuentes`.")
    descripcion: Text | None = Field(
        default=None, title="Descripción", description="Qué es, en una frase del sitio."
    )
    cita: Text | None = Field(
        default=None, title="Cita", description="Palabras exactas de la fuente."
    )


class Person(Model):
    nombre: Text = Field(title="Nombre", description="Nombre como fue publicado.")
    cargo: Text = Field(title="Cargo", description="Cargo como fue publicado.")
    fuente: Slug = Field(title="Fuente", description="Clave de la fuente en `fuentes`.")


class Network(Model):
    nombre: Text = Field(title="Nombre", description="Nombre de la red en el sitio.")
    descripcion: Text = Field(
        title="Descripción", description="Qué es y qué hace la red, en pocas líneas."
    )
    operador: NamedFact = Field(title="Operador", description="Quién opera los centros.")
    programa: NamedFact = Field(
        title="Programa", description="Programa público al que pertenecen los centros."
    )
    coordinacion: Person = Field(
        title="Coordinación", description="Coordinación nacional de los centros."
    )
    centros_declarados: Fact = Field(
        title="Centros declarados", description="Número de centros que declara la fuente."
    )
    meta: Fact = Field(title="Meta", description="Meta de tamaño de la red.")
    evolucion: list[Fact] = Field(
        title="Evolución", description="Número de centros en el tiempo, según las fuentes."
    )
    citas: dict[Slug, Quote] = Field(
        default_factory=dict,
        title="Citas",
        description="Otras cosas que dice la fuente, por clave; «areas» acompaña a las áreas.",
    )
    fuentes: dict[Slug, Source] = Field(
        title="Fuentes", description="Fuentes de los datos, por clave."
    )


# --- centers ----------------------------------------------------------------------------


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


CenterStatus = Literal["activo", "en-instalacion", "cerrado"]
# How each state of a center or a practice reads in the editor, the forms and the catalogue.
STATE_LABELS: dict[str, str] = {
    "activo": "Activo",
    "en-instalacion": "En instalación",
    "cerrado": "Cerrado",
    "ejemplo": "Ejemplo de formato",
    "borrador": "Borrador",
    "publicada": "Publicada",
}


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


# --- practices --------------------------------------------------------------------------


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


class PageMeta(Model):
    titulo: Title = Field(title="Título", description="Título de la página.")
    descripcion: Text | None = Field(
        default=None, title="Descripción", description="Resumen de la página."
    )
    orden: int = Field(
        default=100, title="Orden", description="Posición en el menú, de menor a mayor."
    )
