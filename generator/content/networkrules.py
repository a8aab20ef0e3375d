"""The rules of the network's own facts (content/red.yml): every source it names exists, every
quote reads as its source says, and the centers it declares are the profiles there are."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from generator.content.models import Center, Network, PageMeta
from generator.content.repository import Entry, MarkdownEntry
from generator.content.rules import Rules, listed
from generator.text import plural


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
        for i, _ in enumerate(listed(center, "hitos")):
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
