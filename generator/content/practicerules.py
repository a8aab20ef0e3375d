"""The rules of one practice on its own: what it names (its center, terms, related practices)
exists, its adoptions can have happened, and no date is in the future. validate.py runs them as
each practice is read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from generator.content.models import PracticeMeta, Taxonomy
from generator.content.repository import MarkdownEntry
from generator.content.rules import Rules, listed


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
            for i, key in enumerate(listed(practice, field)):
                rules.reference(practice, (field, i), key, terms, what, "content/taxonomia.yml")
    for field, what in (
        ("areas", "El área"),
        ("servicios", "El servicio"),
        ("publicos", "El público"),
        ("relacionadas", "La práctica"),
        ("etiquetas", "La etiqueta"),
    ):
        rules.no_duplicates(practice, field, listed(practice, field), what)


def _check_adoptions(
    rules: Rules, practice: MarkdownEntry[PracticeMeta], centers: Collection[str]
) -> None:
    """Each adopter is another known center, once, and adopted it after it existed."""
    center, date = practice.value("centro"), practice.value("fecha")
    adopters = [
        practice.value("replicas", i, "centro") for i, _ in enumerate(listed(practice, "replicas"))
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
    for i, related in enumerate(listed(practice, "relacionadas")):
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
        paths += [(field, i, "fecha") for i, _ in enumerate(listed(practice, field))]
    for i, _ in enumerate(listed(practice, "replicas")):
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
