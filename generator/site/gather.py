"""Gather each page's context (generator/site/contexts.py) from the site view.

Everything a page shows is worked out here, from the view and the render options, so that
the template only lays it out and the context says, by comparing equal, when a page is the
same as before.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from markupsafe import Markup

from generator import addresses as paths
from generator.addresses import Addresses
from generator.content.anchors import practice_headings
from generator.content.models import Center, PageMeta, PracticeMeta
from generator.content.repository import Entry, MarkdownEntry
from generator.site import api
from generator.site.catalogue import facet_values, facets
from generator.site.charts import bar_chart
from generator.site.contexts import (
    AdoptionLine,
    ApiPage,
    AreaPage,
    AreasPage,
    CataloguePage,
    CenterPage,
    CenterRef,
    CentersPage,
    HomePage,
    ListedPractice,
    ListItem,
    NetworkPage,
    NewsLine,
    NewsPage,
    PageText,
    PracticePage,
    PracticeText,
    SearchPage,
    TagPage,
    TagRef,
    TagsPage,
    TextPage,
)
from generator.site.feed import NEWS_LIMIT, all_news, newest_first
from generator.site.mapsvg import MapPoint, render_map
from generator.site.options import RenderOptions
from generator.site.suggest import Proposal
from generator.site.text import partial_date_es, short_center_name
from generator.site.view import Adoption, SiteView, Tag, Tally, tally
from generator.text import plural

ADOPTION_SECTION = "registrar-que-tu-centro-adopto-una-practica"  # id on contribuir.md
CONTRIBUTING_PAGE = "contribuir"
LATEST_ON_HOME = 6
DECLARED = "La relacionó quien escribió esta práctica."


def shared_words(words: tuple[str, ...]) -> str:
    """«Comparten: ferias, almaceneros.»"""
    return f"Comparten: {', '.join(words)}."


def list_item(
    practice: ListedPractice,
    here: str,
    *,
    addresses: Addresses,
    with_facets: bool,
) -> ListItem:
    """A practice in a list on the page `here`; the catalogue's also carry its facets."""
    values = facet_values(practice.data, practice.center) if with_facets else None
    return ListItem(
        address=Markup(addresses.href(here, paths.practice(practice.id))),
        practice=practice,
        facets=None if values is None else tuple((k, tuple(v)) for k, v in values.items()),
    )


class Gatherer:
    """One per render: the contexts of the pages of one view with one set of options."""

    def __init__(self, view: SiteView, options: RenderOptions) -> None:
        self.view = view
        self.options = options
        self.addresses = options.addresses
        self.taxonomy = view.repo.taxonomy.data
        self.network = view.repo.network.data
        self.pages = frozenset(view.repo.pages)

    def href(self, here: str, target: str) -> str:
        return self.addresses.href(here, target)

    def center_ref(self, center_id: str) -> CenterRef:
        return CenterRef(center_id, self.view.center(center_id).data)

    def listed(self, practices: list[MarkdownEntry[PracticeMeta]]) -> tuple[ListedPractice, ...]:
        areas = self.taxonomy.areas
        return tuple(
            ListedPractice(
                p.id,
                p.data,
                self.view.center(p.data.centro).data,
                tuple(areas[a].nombre for a in p.data.areas),
            )
            for p in practices
        )

    def area_counts(self) -> dict[str, Tally]:
        return {key: tally(self.view.by_area.get(key, [])) for key in self.taxonomy.areas}

    def alike(
        self, practice: MarkdownEntry[PracticeMeta]
    ) -> tuple[tuple[ListedPractice, str], ...]:
        """The practices its author related to it, then those alike in their words, each with
        why: «La relacionó quien escribió esta práctica.», «Comparten: ferias, almaceneros.»"""
        view = self.view
        declared = [(item, DECLARED) for item in self.listed(view.declared[practice.id])]
        found = view.alike_to(practice)
        listed = self.listed([view.repo.practices[n.id] for n in found])
        return (
            *declared,
            *(
                (item, shared_words(view.alike.shared(practice.id, n.id)))
                for item, n in zip(listed, found, strict=True)
            ),
        )

    def proposals(self, center_id: str) -> tuple[tuple[ListedPractice, str], ...]:
        """What a center could adopt next, each with why."""
        view = self.view
        found = view.proposals(center_id)
        listed = self.listed([view.repo.practices[p.practice] for p in found])
        return tuple((item, self.proposal_reason(p)) for item, p in zip(listed, found, strict=True))

    def proposal_reason(self, proposal: Proposal) -> str:
        """«Parecida a «…»: comparten …», or «Del área «…»: la adoptaron 2 centros.»"""
        if proposal.like is not None:
            title = self.view.repo.practices[proposal.like].data.titulo
            return f"Parecida a «{title}»: {shared_words(proposal.shared).lower()}"
        assert proposal.area is not None
        area = self.taxonomy.areas[proposal.area].nombre
        adopters = self.view.candidates[proposal.practice].adopters
        if adopters:
            return f"Del área «{area}»: la {'adoptó' if adopters == 1 else 'adoptaron'} " + (
                f"{plural(adopters, 'centro', 'centros')}."
            )
        return f"Del área «{area}»: ningún centro la ha adoptado todavía."

    def adoption_lines(self, adoptions: list[Adoption]) -> tuple[AdoptionLine, ...]:
        view = self.view
        return tuple(
            AdoptionLine(
                practice=a.practice,
                title=view.repo.practices[a.practice].data.titulo,
                origin=a.origin,
                origin_name=view.center(a.origin).data.nombre,
                adopter_name=view.center(a.adopter).data.nombre,
                date=a.date,
                note=a.note,
            )
            for a in adoptions
        )

    # --- pages ---------------------------------------------------------------------------

    def practice(self, practice: MarkdownEntry[PracticeMeta]) -> PracticePage:
        here = paths.practice(practice.id)
        return PracticePage(
            here=here,
            addresses=self.addresses,
            practice=PracticeText(
                practice.id, practice.file, practice.data, practice.body, practice.parsed
            ),
            center=self.center_ref(practice.data.centro),
            centers={r.centro: self.center_ref(r.centro) for r in practice.data.replicas},
            alike=self.alike(practice),
            updated=self.view.updated_on(practice),
            taxonomy=self.taxonomy,
            pages=self.pages,
            edit_url=self.edit_url(practice.file, here),
            adoption_url=self.adoption_url(practice, here),
            adoption_form=self.options.repository is not None,
            headings=practice_headings(practice),
        )

    def home(self) -> HomePage:
        return HomePage(
            here=paths.HOME,
            addresses=self.addresses,
            network=self.network,
            taxonomy=self.taxonomy,
            pages=self.pages,
            counts=self.view.counts,
            latest=self.listed(self.view.practices[:LATEST_ON_HOME]),
            area_counts=self.area_counts(),
        )

    def catalogue(self) -> CataloguePage:
        return CataloguePage(
            here=paths.PRACTICES,
            addresses=self.addresses,
            practices=self.listed(self.view.practices),
            facets=tuple(facets(self.view)),
        )

    def centers(self) -> CentersPage:
        view = self.view
        return CentersPage(
            here=paths.CENTERS,
            addresses=self.addresses,
            network=self.network,
            taxonomy=self.taxonomy,
            pages=self.pages,
            centers=tuple(CenterRef(c.id, c.data) for c in view.centers),
            practice_counts={c.id: tally(view.originated.get(c.id, [])) for c in view.centers},
            map_svg=self.map_svg(paths.CENTERS),
        )

    def center(self, center: Entry[Center]) -> CenterPage:
        here = paths.center(center.id)
        ref = self.center_ref(center.id)
        return CenterPage(
            here=here,
            addresses=self.addresses,
            network=self.network,
            taxonomy=self.taxonomy,
            pages=self.pages,
            center=ref,
            originated=self.listed(self.view.originated.get(center.id, [])),
            adopted=self.adoption_lines(self.view.adopted.get(center.id, [])),
            proposals=self.proposals(center.id),
            map_svg=self.map_svg(here, highlighted=center.id) if ref.data.coordenadas else None,
            edit_url=self.edit_url(center.file, here),
        )

    def areas(self) -> AreasPage:
        return AreasPage(
            here=paths.AREAS,
            addresses=self.addresses,
            network=self.network,
            taxonomy=self.taxonomy,
            pages=self.pages,
            area_counts=self.area_counts(),
        )

    def area(self, key: str) -> AreaPage:
        return AreaPage(
            here=paths.area(key),
            addresses=self.addresses,
            key=key,
            area=self.taxonomy.areas[key],
            practices=self.listed(self.view.by_area.get(key, [])),
        )

    def network_page(self) -> NetworkPage:
        view = self.view
        origins, adopters, transfers = view.matrix
        return NetworkPage(
            here=paths.NETWORK,
            addresses=self.addresses,
            network=self.network,
            pages=self.pages,
            centers=tuple(CenterRef(c.id, c.data) for c in view.centers),
            growth_chart=self.growth_svg(),
            origins=tuple(self.center_ref(c) for c in origins),
            adopters=tuple(self.center_ref(c) for c in adopters),
            transfers=transfers,
            adoptions=self.adoption_lines(view.adoptions),
            taxonomy=self.taxonomy,
            transfer=view.transfer,
            adoptions_chart=self.adoptions_svg(),
        )

    def text_page(self, page: MarkdownEntry[PageMeta]) -> TextPage:
        return TextPage(
            here=paths.page(page.id),
            addresses=self.addresses,
            page=PageText(page.id, page.file, page.data, page.body, page.parsed),
        )

    def tags(self) -> TagsPage:
        return TagsPage(
            here=paths.TAGS,
            addresses=self.addresses,
            tags=tuple(TagRef(t.slug, t.name, tally(t.practices)) for t in self.view.tags),
        )

    def tag(self, tag: Tag) -> TagPage:
        return TagPage(
            here=paths.tag(tag.slug),
            addresses=self.addresses,
            name=tag.name,
            practices=self.listed(tag.practices),
        )

    def search(self) -> SearchPage:
        return SearchPage(here=paths.SEARCH, addresses=self.addresses)

    def api_page(self) -> ApiPage:
        return ApiPage(
            here=paths.API,
            addresses=self.addresses,
            practice_count=tally(self.view.practices),
            center_count=len(self.view.centers),
            practice_fields=tuple(api.field_rows(api.PracticeRecord)),
            center_fields=tuple(api.field_rows(api.CenterRecord)),
            transfer_fields=tuple(api.field_rows(api.CenterTransfer)),
            taxonomy=self.taxonomy,
        )

    def news(self) -> NewsPage:
        view = self.view
        news = newest_first(all_news(view), NEWS_LIMIT)
        return NewsPage(
            here=paths.NEWS,
            addresses=self.addresses,
            news=tuple(
                NewsLine(
                    practice=n.practice.id,
                    title=n.practice.data.titulo,
                    published=n.published,
                    center_name=view.center(n.practice.data.centro).data.nombre,
                    adopter_name=view.center(n.adoption.adopter).data.nombre
                    if n.adoption
                    else None,
                    is_example=n.is_example,
                )
                for n in news
            ),
        )

    # --- values some pages show ------------------------------------------------------------

    def map_svg(self, here: str, highlighted: str | None = None) -> Markup:
        points = [
            MapPoint(
                id=c.id,
                label=f"{c.data.nombre} ({self.taxonomy.regiones[c.data.region].nombre})",
                lat=c.data.coordenadas.lat,
                lon=c.data.coordenadas.lon,
                href=self.href(here, paths.center(c.id)),
                highlighted=c.id == highlighted,
                name=short_center_name(c.data.nombre),
            )
            for c in self.view.centers
            if c.data.coordenadas
        ]
        return Markup(render_map(points, title="Mapa de los centros de la red"))

    def growth_svg(self) -> Markup:
        """The sourced counts, labelled with their dates as precise as the source gives them."""
        bars = [(partial_date_es(f.fecha), f.valor, False) for f in self.network.evolucion]
        goal = self.network.meta
        label = f"meta {partial_date_es(goal.fecha)}"
        bars.append((label, goal.valor, True))
        title = "Centros de la red en el tiempo, según la fuente, y meta"
        if goal.al_menos:
            title += f" (al menos {goal.valor})"
        return Markup(
            bar_chart(bars, title=title, at_least={len(bars) - 1} if goal.al_menos else set())
        )

    def adoptions_svg(self) -> Markup | None:
        """Adoptions between centers per year (the page's table gives the same numbers)."""
        per_year = self.view.transfer.per_year
        if not per_year:
            return None
        total = sum(count for _, count in per_year)
        said = f"{total} {'adopción' if total == 1 else 'adopciones'} de prácticas publicadas"
        if len(per_year) == 1:
            description = f"{said} por otro centro, en {per_year[0][0]}."
        else:
            years = ", ".join(f"{count} en {year}" for year, count in per_year)
            description = f"{said} por otro centro: {years}."
        return Markup(
            bar_chart(
                [(str(year), count, False) for year, count in per_year],
                title="Adopciones entre centros por año",
                chart_id="rc-grafico-adopciones",
                description=description,
            )
        )

    def adoption_url(self, practice: MarkdownEntry[PracticeMeta], here: str) -> str | None:
        """«¿Tu centro aplicó esta práctica?»: the adoption form with the practice filled in,
        or without a known repository the contributing page's section on adoptions."""
        form = self.options.adoption_form
        if self.options.repository and form:
            query = {
                "template": form.template,
                form.field: practice.id,
                "title": f"Réplica: {practice.data.titulo}",
            }
            return f"{self.options.repository}/issues/new?{urlencode(query, quote_via=quote)}"
        if CONTRIBUTING_PAGE in self.pages:
            return f"{self.href(here, paths.page(CONTRIBUTING_PAGE))}#{ADOPTION_SECTION}"
        return None

    def edit_url(self, source_file: str, here: str) -> str | None:
        """Where "Editar esta página" leads: the file's edit page on GitHub when the repository
        is known, else the page that explains how to propose a change (if there is one)."""
        if self.options.edit_base:
            return self.options.edit_base + source_file
        if CONTRIBUTING_PAGE in self.pages:
            return self.href(here, paths.page(CONTRIBUTING_PAGE))
        return None
