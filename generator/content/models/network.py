"""The network's facts (content/red.yml): its sources, the operator, its people and the
facts and quotes the site shows, each with its source."""

from __future__ import annotations

from pydantic import Field

from generator.content.fieldtypes import DATE_FORMS, PartialDate, Slug, Text, Url
from generator.content.models.shared import Model


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
