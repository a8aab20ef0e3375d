"""Rules that look across files: references between content, and the network's own facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from generator.content.messages import suggest
from generator.content.models import AREA_KEYS, Center, Network, PageMeta, PracticeMeta, Taxonomy
from generator.content.problems import Problem
from generator.content.repository import Entry, MarkdownEntry
from generator.text import plural

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


def check_network(rules: Rules, network: Entry[Network], pages: Mapping[str, object]) -> None:
    data = network.data
    sources = list(data.fuentes)
    facts: list[tuple[tuple[str | int, ...], str]] = [
        (("operador", "fuente"), data.operador.fuente),
        (("programa", "fuente"), data.programa.fuente),
        (("coordinacion", "fuente"), data.coordinacion.fuente),
        (("centros_declarados", "fuente"), data.centros_declarados.fuente),
        (("meta", "fuente"), data.meta.fuente),
    ]
    facts += [(("evolucion", i, "fuente"), fact.fuente) for i, fact in enumerate(data.evolucion)]
    for path, source_key in facts:
        rules.reference(
            network, path, source_key, sources, "las fuentes", "«fuentes» de content/red.yml"
        )
    for key, source in data.fuentes.items():
        if source.pagina:
            rules.reference(
                network,
                ("fuentes", key, "pagina"),
                source.pagina,
                pages,
                "las páginas",
                "content/paginas/",
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
        for i, _ in enumerate(_listed(center, "hitos")):
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


def check_practice(
    rules: Rules,
    practice: MarkdownEntry[PracticeMeta],
    taxonomy: Taxonomy | None,
    centers: Collection[str],
    practices: Collection[str],
) -> None:
    # A value that could not be read has its problem already (practice.value gives None for
    # it); every other rule still runs, down to each field of each adoption.
    center = practice.value("centro")
    if center is not None:
        rules.reference(practice, ("centro",), center, centers, "los centros", "centers/")
    _check_terms(rules, practice, taxonomy)
    _check_adoptions(rules, practice, centers)
    _check_related(rules, practice, practices)
    if practice.value("estado") == "borrador":
        rules.add(
            practice,
            ("estado",),
            "borrador",
            "Esta práctica es un borrador: no se publicará hasta que «estado» sea «publicada».",
            severity="warning",
        )
    check_future_dates(rules, practice)


def _check_terms(
    rules: Rules, practice: MarkdownEntry[PracticeMeta], taxonomy: Taxonomy | None
) -> None:
    """Each area, service and public is one of the taxonomy's; no list names one twice."""
    if taxonomy:
        for field, terms, what in (
            ("areas", taxonomy.areas, "las áreas"),
            ("servicios", taxonomy.servicios, "los servicios"),
            ("publicos", taxonomy.publicos, "los públicos"),
        ):
            for i, key in enumerate(_listed(practice, field)):
                rules.reference(practice, (field, i), key, terms, what, "content/taxonomia.yml")
    for field, what in (
        ("areas", "El área"),
        ("servicios", "El servicio"),
        ("publicos", "El público"),
        ("relacionadas", "La práctica"),
        ("etiquetas", "La etiqueta"),
    ):
        rules.no_duplicates(practice, field, _listed(practice, field), what)


def _check_adoptions(
    rules: Rules, practice: MarkdownEntry[PracticeMeta], centers: Collection[str]
) -> None:
    """Each adopter is another known center, once, and adopted it after it existed."""
    center, date = practice.value("centro"), practice.value("fecha")
    adopters = [
        practice.value("replicas", i, "centro") for i, _ in enumerate(_listed(practice, "replicas"))
    ]
    rules.no_duplicates(practice, "replicas", adopters, "El centro")
    _check_adopted_status(rules, practice, len(adopters))
    for i, adopter in enumerate(adopters):
        path = ("replicas", i, "centro")
        if adopter is not None and adopter == center:
            rules.add(
                practice,
                path,
                "replica-propia",
                f"«{adopter}» es el centro que creó la práctica: «replicas» registra "
                "solo a otros centros que la adoptaron.",
            )
        elif adopter is not None:
            rules.reference(practice, path, adopter, centers, "los centros", "centers/")
        adopted = practice.value("replicas", i, "fecha")
        if date is not None and adopted is not None and adopted < date:
            rules.add(
                practice,
                ("replicas", i, "fecha"),
                "replica-anterior",
                f"La réplica ({adopted}) es anterior a la práctica ({date}): un "
                "centro no puede adoptarla antes de que exista. Revisa las dos fechas.",
            )


# A practice that is not a real, published case cannot have been adopted: its adoptions would
# count in the site's totals as transfers between centers that did not happen.
NOT_ADOPTABLE = {
    "ejemplo": (
        "replica-de-ejemplo",
        "Esta práctica es un ejemplo de formato («estado: ejemplo»): no describe un caso real, "
        "así que ningún centro pudo adoptarla. Borra esta réplica; si la práctica es real, "
        "cambia «estado» a «publicada» y deja la réplica.",
    ),
    "borrador": (
        "replica-de-borrador",
        "Esta práctica es un borrador («estado: borrador»): no está publicada, así que otro "
        "centro no pudo adoptarla desde el sitio. Borra esta réplica y regístrala cuando la "
        "práctica esté «publicada».",
    ),
}


def _check_adopted_status(
    rules: Rules, practice: MarkdownEntry[PracticeMeta], adoptions: int
) -> None:
    """Only a published practice has adoptions."""
    if not adoptions:
        return
    status = practice.value("estado")
    if status not in NOT_ADOPTABLE:
        return
    code, message = NOT_ADOPTABLE[status]
    for i in range(adoptions):
        rules.add(practice, ("replicas", i), code, message)


def _check_related(
    rules: Rules, practice: MarkdownEntry[PracticeMeta], practices: Collection[str]
) -> None:
    """Each related practice is another known practice."""
    for i, related in enumerate(_listed(practice, "relacionadas")):
        if related == practice.id:
            rules.add(
                practice,
                ("relacionadas", i),
                "relacionada-propia",
                f"Una práctica no puede estar relacionada consigo misma: borra «{related}» "
                "de «relacionadas».",
            )
        else:
            rules.reference(
                practice, ("relacionadas", i), related, practices, "las prácticas", "practices/"
            )


def check_future_dates(rules: Rules, practice: MarkdownEntry[PracticeMeta]) -> None:
    """A practice, an adoption or a result dated after today: probably a typo in the year."""
    today = dt.date.today()
    paths: list[tuple[str | int, ...]] = [("fecha",)]
    for field in ("replicas", "resultados"):
        paths += [(field, i, "fecha") for i, _ in enumerate(_listed(practice, field))]
    for i, _ in enumerate(_listed(practice, "replicas")):
        results = practice.value("replicas", i, "resultados") or []
        paths += [("replicas", i, "resultados", j, "fecha") for j, _ in enumerate(results)]
    for path in paths:
        date = practice.value(*path)
        if date is not None and date > today:
            rules.add(
                practice,
                path,
                "fecha-futura",
                f"La fecha {date.isoformat()} es posterior a hoy ({today.isoformat()}): "
                "¿es un error en el año? Registra solo lo que ya pasó.",
                severity="warning",
            )


def _listed(entry: Entry[Any], field: str) -> list[Any]:
    return list(entry.value(field) or [])


def _plain(text: str) -> str:
    """Text to compare a quote with its source: one space between words, straight quotes."""
    return " ".join(text.split()).translate(str.maketrans("“”«»", '""""'))


def _quoted_text(page_body: str) -> str:
    """The source as a page reproduces it: its blockquote, not the site's words around it."""
    lines = [line.strip() for line in page_body.splitlines()]
    return _plain(" ".join(line.removeprefix(">") for line in lines if line.startswith(">")))


def check_quotes(
    rules: Rules,
    network: Entry[Network],
    centers: Mapping[str, Entry[Center]],
    pages: Mapping[str, MarkdownEntry[PageMeta]],
) -> None:
    """Every «cita» must be the source's exact words, as the source's page quotes them."""
    data = network.data
    texts = {
        key: _quoted_text(pages[source.pagina].body)
        for key, source in data.fuentes.items()
        if source.pagina and source.pagina in pages
    }
    quoted: list[tuple[Entry[Any], tuple[str | int, ...], str | None, str]] = []
    for name in ("operador", "programa", "centros_declarados", "meta"):
        if network.readable(name):
            fact = getattr(data, name)
            quoted.append((network, (name,), fact.cita, fact.fuente))
    if network.readable("evolucion"):
        quoted += [
            (network, ("evolucion", i), f.cita, f.fuente) for i, f in enumerate(data.evolucion)
        ]
    if network.readable("citas"):
        quoted += [(network, ("citas", k), q.cita, q.fuente) for k, q in data.citas.items()]
    for center in centers.values():
        for i, _ in enumerate(_listed(center, "hitos")):
            if center.readable("hitos", i, "fuente"):
                source = center.value("hitos", i, "fuente") or center.value("fuente")
                quoted.append((center, ("hitos", i), center.value("hitos", i, "cita"), source))
    for entry, path, quote, source in quoted:
        if quote is None or source is None or source not in texts:
            continue  # no quote, or a source without its text in the site: nothing to compare
        if _plain(quote) not in texts[source]:
            page = data.fuentes[source].pagina
            rules.add(
                entry,
                (*path, "cita"),
                "cita-inexacta",
                f"Esta «cita» no aparece tal cual en la fuente «{source}» "
                f"(content/paginas/{page}.md): copia sus palabras exactas, o escribe las tuyas "
                "en «nota» o «descripcion», que no van entre comillas.",
            )


def check_center_count(rules: Rules, network: Entry[Network], centers: Collection[str]) -> None:
    declared = network.data.centros_declarados.valor
    known = len(centers)
    if declared != known:
        missing = declared - known
        gap = (
            (
                "falta 1 por identificar. No inventes el que falta"
                if missing == 1
                else f"faltan {missing} por identificar. No inventes los que faltan"
            )
            + ": el sitio muestra la diferencia tal cual."
            if declared > known
            else "hay más perfiles que centros declarados: actualiza «centros_declarados»."
        )
        rules.add(
            network,
            ("centros_declarados", "valor"),
            "centros-sin-identificar",
            f"La fuente declara {plural(declared, 'centro', 'centros')} y hay "
            f"{plural(known, 'perfil', 'perfiles')} en centers/: {gap}",
            severity="warning",
        )


def check_all(
    taxonomy: Entry[Taxonomy] | None,
    network: Entry[Network] | None,
    centers: Mapping[str, Entry[Center]],
    pages: Mapping[str, MarkdownEntry[PageMeta]],
    *,
    known_centers: Collection[str] | None = None,
) -> list[Problem]:
    """The rules across taxonomy, network and centers (each practice's are checked as it is
    read, see validate.py). `known_centers` is every center file found, valid or not."""
    rules = Rules()
    if taxonomy:
        check_taxonomy(rules, taxonomy)
    if network:
        check_network(rules, network, pages)
        check_center_count(rules, network, centers if known_centers is None else known_centers)
    terms = taxonomy.data if taxonomy else None
    for center in centers.values():
        check_center(rules, center, terms, network.data if network else None)
    if network:
        check_quotes(rules, network, centers, pages)
    return rules.problems
