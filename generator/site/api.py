"""The static JSON API: one pydantic definition per record gives the data and its JSON Schema."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from generator.models import (
    CenterStatus,
    Contact,
    Coordinates,
    Milestone,
    PracticeStatus,
    Replica,
    Result,
)
from generator.site import urls
from generator.site.view import SiteView

API_VERSION = 1
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PracticeRecord(Record):
    id: str = Field(description="Clave de la práctica: el nombre de su archivo, sin «.md».")
    url: str = Field(description="Dirección de su página, relativa a la raíz del sitio.")
    titulo: str = Field(description="Título de la práctica.")
    resumen: str = Field(description="Qué se hizo y para quién, en una o dos frases.")
    centro: str = Field(description="Clave del centro que creó la práctica (ver centros.json).")
    region: str = Field(description="Clave de la región de ese centro.")
    areas: list[str] = Field(description="Claves de las áreas de la práctica.")
    servicios: list[str] = Field(description="Claves de los servicios.")
    publicos: list[str] = Field(description="Claves de los públicos.")
    etiquetas: list[str] = Field(description="Palabras clave libres, como las escribió el autor.")
    fecha: dt.date = Field(description="Fecha de la práctica (AAAA-MM-DD).")
    actualizada: dt.date | None = Field(
        description="Fecha del último cambio de su archivo en git; null sin historial."
    )
    estado: PracticeStatus = Field(
        description="publicada; ejemplo si solo muestra el formato (borrador solo en vistas previas)."
    )
    resultados: list[Result] = Field(description="Indicadores medidos, cada uno con su fuente.")
    replicas: list[Replica] = Field(description="Centros que la adoptaron, con su fecha.")
    relacionadas: list[str] = Field(description="Claves de las prácticas relacionadas.")
    contacto: Contact | None = Field(description="Contacto propio de la práctica, si tiene.")


class CenterRecord(Record):
    id: str = Field(description="Clave del centro: el nombre de su archivo, sin «.yml».")
    url: str = Field(description="Dirección de su página, relativa a la raíz del sitio.")
    nombre: str = Field(description="Nombre del centro.")
    comuna: str = Field(description="Comuna donde está el centro.")
    region: str = Field(description="Clave de la región.")
    operador: str = Field(description="Institución que opera el centro.")
    estado: CenterStatus = Field(description="activo, en-instalacion o cerrado.")
    descripcion: str | None = Field(description="Presentación breve del centro.")
    coordenadas: Coordinates | None = Field(description="Ubicación, si se publicó.")
    contacto: Contact | None = Field(description="Contacto publicado del centro.")
    servicios: list[str] = Field(description="Claves de los servicios que presta.")
    hitos: list[Milestone] = Field(description="Hechos fechados de su historia.")
    practicas: list[str] = Field(description="Claves de las prácticas que creó.")
    adoptadas: list[str] = Field(description="Claves de las prácticas de otros que adoptó.")


class PracticesDocument(Record):
    model_config = ConfigDict(title="Prácticas de la Red de Centros")
    version: Literal[1] = Field(description="Versión del formato de este archivo.")
    total: int = Field(description="Número de prácticas del archivo.")
    practicas: list[PracticeRecord] = Field(description="Las prácticas, de la más reciente.")


class CentersDocument(Record):
    model_config = ConfigDict(title="Centros de la Red de Centros")
    version: Literal[1] = Field(description="Versión del formato de este archivo.")
    total: int = Field(description="Número de centros del archivo.")
    centros: list[CenterRecord] = Field(description="Los centros, por nombre.")


DOCUMENTS: dict[str, type[Record]] = {
    urls.API_PRACTICES: PracticesDocument,
    urls.API_CENTERS: CentersDocument,
}


def practices_document(view: SiteView, *, directory_urls: bool) -> PracticesDocument:
    records = []
    for p in view.practices:
        m = p.data
        records.append(
            PracticeRecord(
                id=p.id,
                url=urls.url(urls.practice(p.id), directory_urls=directory_urls),
                titulo=m.titulo,
                resumen=m.resumen,
                centro=m.centro,
                region=view.center(m.centro).data.region,
                areas=list(m.areas),
                servicios=list(m.servicios),
                publicos=list(m.publicos),
                etiquetas=list(m.etiquetas),
                fecha=m.fecha,
                actualizada=view.updated_on(p),
                estado=m.estado,
                resultados=list(m.resultados),
                replicas=sorted(m.replicas, key=lambda r: (r.fecha, r.centro)),
                relacionadas=[r.id for r in view.related(p)],
                contacto=m.contacto,
            )
        )
    return PracticesDocument(version=API_VERSION, total=len(records), practicas=records)


def centers_document(view: SiteView, *, directory_urls: bool) -> CentersDocument:
    records = [
        CenterRecord(
            id=c.id,
            url=urls.url(urls.center(c.id), directory_urls=directory_urls),
            nombre=c.data.nombre,
            comuna=c.data.comuna,
            region=c.data.region,
            operador=c.data.operador,
            estado=c.data.estado,
            descripcion=c.data.descripcion,
            coordenadas=c.data.coordenadas,
            contacto=c.data.contacto,
            servicios=list(c.data.servicios),
            hitos=list(c.data.hitos),
            practicas=[p.id for p in view.originated.get(c.id, [])],
            adoptadas=[a.practice for a in view.adopted.get(c.id, [])],
        )
        for c in view.centers
    ]
    return CentersDocument(version=API_VERSION, total=len(records), centros=records)


def json_schema(document: type[Record]) -> dict[str, Any]:
    return {"$schema": JSON_SCHEMA_DIALECT, **document.model_json_schema(mode="serialization")}


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def api_files(view: SiteView, *, directory_urls: bool) -> dict[str, bytes]:
    """Docs path -> bytes of every API file and its schema; the same view gives the same bytes."""
    files: dict[str, bytes] = {
        urls.API_PRACTICES: practices_document(view, directory_urls=directory_urls)
        .model_dump_json()
        .encode()
        + b"\n",
        urls.API_CENTERS: centers_document(view, directory_urls=directory_urls)
        .model_dump_json()
        .encode()
        + b"\n",
    }
    for path, document in DOCUMENTS.items():
        files[urls.schema(path)] = _json_bytes(json_schema(document))
    return files


def field_rows(record: type[Record]) -> list[tuple[str, str]]:
    """(key, description) of each field of a record, for the API page."""
    return [(name, field.description or "") for name, field in record.model_fields.items()]
