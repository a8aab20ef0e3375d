"""The static JSON API: one pydantic definition per record gives the data and its JSON Schema."""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from generator import addresses as paths
from generator.addresses import Addresses
from generator.content.models import Center, PracticeMeta
from generator.site.transfer import MIN_BASE, Figures
from generator.site.view import SiteView, milestones

API_VERSION = 1
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# The records extend the content models: the published fields and their descriptions are
# the ones authors write, plus what the site derives (address, region, dates, links).


class AlikeRecord(Record):
    id: str = Field(description="Clave de la práctica parecida.")
    centro: str = Field(description="Clave de su centro.")
    comparten: list[str] = Field(
        description="Las palabras que las dos usan y que más pesan en su parecido, como las "
        "escriben los textos."
    )


class PracticeRecord(PracticeMeta):
    id: str = Field(description="Clave de la práctica: el nombre de su archivo, sin «.md».")
    ejemplo: bool = Field(
        description="true si la ficha solo muestra el formato: no es un caso real ni tiene "
        "resultados medidos (su «estado» es «ejemplo»)."
    )
    url: str = Field(description="Dirección de su página, relativa a la raíz del sitio.")
    region: str = Field(description="Clave de la región del centro que la creó.")
    actualizada: dt.date | None = Field(
        description="Fecha del último cambio de su archivo en git; null sin historial."
    )
    relacionadas: list[str] = Field(
        description="Claves de las prácticas que su autor relacionó con esta (las que el sitio "
        "publica)."
    )
    parecidas: list[AlikeRecord] = Field(
        description="Hasta 5 prácticas de texto parecido (título, resumen, etiquetas y texto, "
        "por sus raíces en español), fuera de las relacionadas, de la más parecida: al menos "
        "una de otro centro si alguna se parece lo suficiente; ninguna bajo ese mínimo."
    )


class CenterRecord(Center):
    id: str = Field(description="Clave del centro: el nombre de su archivo, sin «.yml».")
    url: str = Field(description="Dirección de su página, relativa a la raíz del sitio.")
    practicas: list[str] = Field(description="Claves de las prácticas que creó.")
    adoptadas: list[str] = Field(description="Claves de las prácticas de otros que adoptó.")


class PracticesDocument(Record):
    model_config = ConfigDict(title="Prácticas de la Red de Centros")
    version: Literal[1] = Field(description="Versión del formato de este archivo.")
    total: int = Field(
        description="Número de prácticas del archivo, las de ejemplo incluidas (cuántas son: "
        "«ejemplos»)."
    )
    ejemplos: int = Field(
        description="Cuántas de esas prácticas son de ejemplo: muestran el formato, no son casos "
        "reales (su «ejemplo» es true)."
    )
    practicas: list[PracticeRecord] = Field(description="Las prácticas, de la más reciente.")


class CentersDocument(Record):
    model_config = ConfigDict(title="Centros de la Red de Centros")
    version: Literal[1] = Field(description="Versión del formato de este archivo.")
    total: int = Field(description="Número de centros del archivo.")
    centros: list[CenterRecord] = Field(
        description="Los centros, por nombre; sus hitos, por fecha (inicio de 2020, 2020, fin de "
        "2020), cada fecha tan precisa como su fuente."
    )


class TransferFigures(Record):
    practicas: int = Field(
        description="Prácticas publicadas: las de ejemplo y los borradores no se cuentan."
    )
    adoptadas: int = Field(description="De esas prácticas, cuántas adoptó al menos otro centro.")
    adopciones: int = Field(
        description="Cuántas veces las adoptó otro centro (un centro que registra su propia "
        "práctica no cuenta)."
    )
    mediana_dias_primera_adopcion: int | float | None = Field(
        description="Mediana de los días desde la fecha de cada práctica adoptada hasta su "
        f"primera adopción por otro centro. null con menos de {MIN_BASE} prácticas en la base "
        "(«sin datos suficientes»), o cuando una fecha de la base da solo el mes: entonces la "
        "mediana va en meses, en «mediana_meses_primera_adopcion»."
    )
    mediana_meses_primera_adopcion: int | float | None = Field(
        description="La misma mediana en meses, cuando una fecha de la base da solo el mes (una "
        f"fecha con día se cuenta por su mes); si no, null. También null con menos de {MIN_BASE} "
        "prácticas en la base."
    )
    base: int = Field(description="Cuántas prácticas adoptadas cuenta la mediana.")
    sin_fecha_precisa: int = Field(
        description="Prácticas adoptadas que quedan fuera de la mediana porque una de sus fechas "
        "da solo el año."
    )


class Keyed(Record):
    id: str = Field(description="Clave del área o del centro.")


class AreaTransfer(TransferFigures, Keyed):
    pass


class CenterTransfer(TransferFigures, Keyed):
    adopto: list[str] = Field(
        description="Solo en «centros»: claves de las prácticas publicadas de otros centros que "
        "este adoptó."
    )


class TransferDocument(Record):
    model_config = ConfigDict(title="Transferencia de conocimiento de la Red de Centros")
    version: Literal[1] = Field(description="Versión del formato de este archivo.")
    red: TransferFigures = Field(description="Las cifras de toda la red.")
    areas: list[AreaTransfer] = Field(description="Las de cada área, en el orden de la taxonomía.")
    centros: list[CenterTransfer] = Field(description="Las de cada centro, por nombre.")


DOCUMENTS: dict[str, type[BaseModel]] = {
    paths.API_PRACTICES: PracticesDocument,
    paths.API_CENTERS: CentersDocument,
    paths.API_TRANSFER: TransferDocument,
}


def practices_document(view: SiteView, *, addresses: Addresses) -> PracticesDocument:
    records = [
        PracticeRecord(
            **{
                **dict(p.data),
                "replicas": sorted(p.data.replicas, key=lambda r: (r.fecha, r.centro)),
                "relacionadas": [r.id for r in view.declared[p.id]],
                "parecidas": [
                    AlikeRecord(
                        id=n.id,
                        centro=view.repo.practices[n.id].data.centro,
                        comparten=list(view.alike.shared(p.id, n.id)),
                    )
                    for n in view.alike_to(p)
                ],
            },
            id=p.id,
            ejemplo=p.data.estado == "ejemplo",
            url=addresses.url(paths.practice(p.id)),
            region=view.center(p.data.centro).data.region,
            actualizada=view.updated_on(p),
        )
        for p in view.practices
    ]
    examples = sum(1 for record in records if record.ejemplo)
    return PracticesDocument(
        version=API_VERSION, total=len(records), ejemplos=examples, practicas=records
    )


def centers_document(view: SiteView, *, addresses: Addresses) -> CentersDocument:
    records = [
        CenterRecord(
            **{**dict(c.data), "hitos": milestones(c.data)},
            id=c.id,
            url=addresses.url(paths.center(c.id)),
            practicas=[p.id for p in view.originated.get(c.id, [])],
            adoptadas=[a.practice for a in view.adopted.get(c.id, [])],
        )
        for c in view.centers
    ]
    return CentersDocument(version=API_VERSION, total=len(records), centros=records)


def _whole(value: float | None) -> int | float | None:
    return int(value) if value is not None and value == int(value) else value


def _figures(figures: Figures) -> dict[str, Any]:
    return {
        "practicas": figures.practices,
        "adoptadas": figures.adopted,
        "adopciones": figures.adoptions,
        "mediana_dias_primera_adopcion": _whole(figures.median_days),
        "mediana_meses_primera_adopcion": _whole(figures.median_months),
        "base": figures.base,
        "sin_fecha_precisa": figures.left_out,
    }


def transfer_document(view: SiteView) -> TransferDocument:
    transfer = view.transfer
    return TransferDocument(
        version=API_VERSION,
        red=TransferFigures(**_figures(transfer.network)),
        areas=[AreaTransfer(id=key, **_figures(f)) for key, f in transfer.areas.items()],
        centros=[
            CenterTransfer(id=key, **_figures(f), adopto=list(transfer.adopted_by[key]))
            for key, f in transfer.centers.items()
        ],
    )


@functools.cache
def schema_bytes(document: type[BaseModel]) -> bytes:
    """A document's JSON Schema as written: the same in every render (pydantic takes ~2 ms)."""
    return _json_bytes(json_schema(document))


def json_schema(document: type[BaseModel]) -> dict[str, Any]:
    return {"$schema": JSON_SCHEMA_DIALECT, **document.model_json_schema(mode="serialization")}


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def api_files(view: SiteView, *, addresses: Addresses) -> dict[str, bytes]:
    """Docs path -> bytes of every API file and its schema; the same view gives the same bytes."""
    files: dict[str, bytes] = {
        paths.API_PRACTICES: practices_document(view, addresses=addresses)
        .model_dump_json()
        .encode()
        + b"\n",
        paths.API_CENTERS: centers_document(view, addresses=addresses).model_dump_json().encode()
        + b"\n",
        paths.API_TRANSFER: transfer_document(view).model_dump_json().encode() + b"\n",
    }
    for path, document in DOCUMENTS.items():
        files[paths.schema(path)] = schema_bytes(document)
    return files


def field_rows(record: type[BaseModel]) -> list[tuple[str, str]]:
    """(key, description) of each field of a record, for the API page."""
    return [(name, field.description or "") for name, field in record.model_fields.items()]
