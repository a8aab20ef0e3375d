"""The collector every rule reports to (`Rules`: a reference to a key that must exist, a value
listed twice…), and the rules of the taxonomy and of each center profile. The practices' rules
are practicerules.py, the network's networkrules.py; validate.py runs them all."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from generator.content.models import AREA_KEYS, Center, Network, Taxonomy
from generator.content.problems import Problem
from generator.content.repository import Entry
from generator.content.suggestions import suggest

REQUIRED_SERVICES = ("capacitacion", "asesoria")


REQUIRED_PUBLICS = ("pyme", "emprendedor", "comerciante")


REGION_CODES = tuple(f"{n:02d}" for n in range(1, 17))


class Rules:
    def __init__(self, problems: list[Problem] | None = None) -> None:
        self.problems: list[Problem] = [] if problems is None else problems

    def add(
        self,
        entry: Entry[Any],
        path: tuple[str | int, ...],
        code: str,
        message: str,
        *,
        severity: str = "error",
        key: bool = False,
    ) -> None:
        pos = entry.at(*path, key=key)
        self.problems.append(
            Problem(entry.file, pos.line, pos.column, code, message, severity)  # type: ignore[arg-type]
        )

    def reference(
        self,
        entry: Entry[Any],
        path: tuple[str | int, ...],
        value: str,
        known: Collection[str],
        what: str,
        where: str,
    ) -> None:
        """Report `value` when it is not one of `known` (a key of `what`, defined in `where`)."""
        if value in known:  # a mapping's keys: no list per reference, 10,000 practices stay fast
            return
        known = sorted(known) if isinstance(known, set | frozenset) else list(known)
        listed = ", ".join(known[:20]) + ("…" if len(known) > 20 else "")
        self.add(
            entry,
            path,
            "referencia-desconocida",
            f"«{value}» no aparece entre {what}.{suggest(value, known)} "
            f"Las claves válidas (en {where}) son: {listed}.",
        )

    def no_duplicates(
        self, entry: Entry[Any], field: str, values: Sequence[str | None], what: str
    ) -> None:
        """Report a value listed twice in `field`; None is one that could not be read."""
        seen: set[str] = set()
        for index, value in enumerate(values):
            if value is None:
                continue
            if value in seen:
                self.add(
                    entry,
                    (field, index),
                    "repetido",
                    f"{what} «{value}» aparece dos veces en «{field}»: borra la repetición.",
                )
            seen.add(value)


def listed(entry: Entry[Any], field: str) -> list[Any]:
    return list(entry.value(field) or [])


def check_taxonomy(rules: Rules, taxonomy: Entry[Taxonomy]) -> None:
    _check_areas(rules, taxonomy)
    _check_required_terms(rules, taxonomy)
    _check_region_codes(rules, taxonomy)


def _check_areas(rules: Rules, taxonomy: Entry[Taxonomy]) -> None:
    """The areas are exactly the network's own (AREA_KEYS)."""
    areas = taxonomy.data.areas
    for key in AREA_KEYS:
        if key not in areas:
            rules.add(
                taxonomy,
                ("areas",),
                "falta-area",
                f"Falta la clave «{key}» en «areas»: agrégala con su «nombre» y «descripcion», "
                "como las demás.",
                key=True,
            )
    for key in areas:
        if key not in AREA_KEYS:
            rules.add(
                taxonomy,
                ("areas", key),
                "area-desconocida",
                f"«{key}» no es una de las áreas de la red ({', '.join(AREA_KEYS)}): "
                "corrige su clave o bórrala.",
                key=True,
            )


def _check_required_terms(rules: Rules, taxonomy: Entry[Taxonomy]) -> None:
    """The network's own services and publics (DESIGN.md) are there."""
    for field, required in (("servicios", REQUIRED_SERVICES), ("publicos", REQUIRED_PUBLICS)):
        for key in required:
            if key not in getattr(taxonomy.data, field):
                rules.add(
                    taxonomy,
                    (field,),
                    "falta-termino",
                    f"Falta la clave «{key}» en «{field}»: agrégala con su «nombre» y "
                    "«descripcion», como las demás.",
                    key=True,
                )


def _check_region_codes(rules: Rules, taxonomy: Entry[Taxonomy]) -> None:
    """Each of Chile's 16 region codes once, and no other."""
    codes: dict[str, str] = {}
    for key, region in taxonomy.data.regiones.items():
        if region.codigo in codes:
            rules.add(
                taxonomy,
                ("regiones", key, "codigo"),
                "codigo-repetido",
                f"El código {region.codigo} ya es de «{codes[region.codigo]}»: cada región "
                "tiene su propio código; revisa cuál corresponde.",
            )
        elif region.codigo not in REGION_CODES:
            rules.add(
                taxonomy,
                ("regiones", key, "codigo"),
                "codigo-region",
                f"«{region.codigo}» no es un código de región de Chile (01 a 16).",
            )
        codes[region.codigo] = key
    missing = [code for code in REGION_CODES if code not in codes]
    if missing:
        rules.add(
            taxonomy,
            ("regiones",),
            "faltan-regiones",
            (
                f"Falta la región con código {missing[0]}"
                if len(missing) == 1
                else f"Faltan las regiones con código {', '.join(missing)}"
            )
            + ": Chile tiene 16 regiones.",
            key=True,
        )


def check_center(
    rules: Rules, center: Entry[Center], taxonomy: Taxonomy | None, network: Network | None
) -> None:
    data = center.data
    if taxonomy and center.readable("region"):
        rules.reference(
            center,
            ("region",),
            data.region,
            taxonomy.regiones,
            "las regiones",
            "content/taxonomia.yml",
        )
    if taxonomy:
        for i, service in enumerate(data.servicios):
            rules.reference(
                center,
                ("servicios", i),
                service,
                taxonomy.servicios,
                "los servicios",
                "content/taxonomia.yml",
            )
    rules.no_duplicates(center, "servicios", data.servicios, "El servicio")
    if network:
        where = "«fuentes» de content/red.yml"
        if center.readable("fuente"):
            rules.reference(center, ("fuente",), data.fuente, network.fuentes, "las fuentes", where)
        for i, _ in enumerate(listed(center, "hitos")):
            source = center.value("hitos", i, "fuente")
            if source:
                rules.reference(
                    center,
                    ("hitos", i, "fuente"),
                    source,
                    network.fuentes,
                    "las fuentes",
                    where,
                )
