"""Explicit page contexts: everything a template may read, as plain values.

Each page kind has one frozen dataclass naming its template and holding exactly what that
template reads. A page rendered from one of these reads nothing else (the template gets only
its fields and the link helpers for its address), so two equal contexts give the same page:
the context is also the page's cache key in the preview (`Renderer.render_page`). A template
that needs one more value gets it by a new field here, never from the whole site.
`generator/site/gather.py` builds them from the site view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import ClassVar

from markupsafe import Markup

from generator.addresses import Addresses
from generator.content.markdown import ParsedBody
from generator.content.models import Center, Network, PageMeta, PracticeMeta, Taxonomy, Term
from generator.site.catalogue import Facet
from generator.site.text import practice_title
from generator.site.transfer import Transfer
from generator.site.view import Tally


@dataclass(frozen=True)
class CenterRef:
    id: str
    data: Center


@dataclass(frozen=True)
class ListedPractice:
    """A practice as a list item shows it (templates/_item.html.j2): with its center."""

    id: str
    data: PracticeMeta
    center: Center
    area_names: tuple[str, ...]


@dataclass(frozen=True)
class PracticeText:
    """A practice's own file: its front matter and body (without the positions the
    validator keeps, which the page does not show), and the body's parse."""

    id: str
    file: str
    data: PracticeMeta
    body: str
    parsed: ParsedBody | None = field(default=None, compare=False, repr=False)

    @property
    def title(self) -> str:
        """As the page shows it: an example says so."""
        return practice_title(self.data.titulo, self.data.estado)


@dataclass(frozen=True)
class PageText:
    """A hand-written page (pages/): its front matter and body, and the body's parse."""

    id: str
    file: str
    data: PageMeta
    body: str
    parsed: ParsedBody | None = field(default=None, compare=False, repr=False)

    @property
    def title(self) -> str:
        return self.data.titulo


@dataclass(frozen=True)
class AdoptionLine:
    """One adoption as the center and network pages list it, with the names they show."""

    practice: str
    title: str  # the practice's
    origin: str  # center that created the practice
    origin_name: str
    adopter_name: str
    date: dt.date
    note: str | None


@dataclass(frozen=True)
class TagRef:
    slug: str
    name: str
    count: Tally  # practices with the tag


@dataclass(frozen=True)
class NewsLine:
    """One piece of news as the «Novedades» page shows it."""

    practice: str
    title: str
    published: dt.date
    center_name: str  # the practice's center
    adopter_name: str | None  # for an adoption, the center that adopted it
    is_example: bool


@dataclass(frozen=True)
class ListItem:
    """What templates/_item.html.j2 reads: one practice in a list, linked from one page."""

    address: Markup  # the practice's, relative to the page of the list
    practice: ListedPractice
    facets: tuple[tuple[str, tuple[str, ...]], ...] | None  # the catalogue's data-* values


# Every page's first two fields: what the link helpers need (generator/site/render.py).
LINK_FIELDS = ("here", "addresses")


@dataclass(frozen=True)
class Page:
    here: str  # the page's address: links are relative to it
    addresses: Addresses  # the run's: where everything it links to lives

    TEMPLATE: ClassVar[str]

    def template_values(self) -> dict[str, object]:
        """The fields the template reads by name (the link helpers come with `here`)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in LINK_FIELDS}

    def author_text(self) -> PracticeText | PageText | None:
        """The author's own file this page shows (its body goes where `body_here` is)."""
        return None


@dataclass(frozen=True)
class SourcedPage(Page):
    """A page that names its sources (the `source_link` macro) and the taxonomy's terms."""

    network: Network
    taxonomy: Taxonomy
    pages: frozenset[str]  # the hand-written pages there are to link to


@dataclass(frozen=True)
class PracticePage(Page):
    TEMPLATE = "practica.md.j2"

    practice: PracticeText
    center: CenterRef
    centers: Mapping[str, CenterRef]  # the centers that adopted it (its «replicas»)
    # Its `relacionadas` as its author listed them, then the practices alike; each with why.
    alike: tuple[tuple[ListedPractice, str], ...]
    updated: dt.date | None  # the last commit that changed its file
    taxonomy: Taxonomy
    pages: frozenset[str]  # the hand-written pages there are to link to
    edit_url: str | None
    adoption_url: str | None  # «¿Tu centro adoptó esta práctica?»: the form or how to record it
    adoption_form: bool  # that link opens GitHub's issue form (else the page that says how)
    # The headings after the body it shows, by key: declared beside the template
    # (templates/practica-headings.toml), which `check` reads too (content/anchors.py).
    headings: Mapping[str, str]

    def author_text(self) -> PracticeText:
        return self.practice


@dataclass(frozen=True)
class HomePage(SourcedPage):
    TEMPLATE = "inicio.md.j2"

    counts: Mapping[str, int]  # SiteView.counts
    latest: tuple[ListedPractice, ...]
    area_counts: Mapping[str, Tally]  # practices per area


@dataclass(frozen=True)
class CataloguePage(Page):
    TEMPLATE = "practicas.md.j2"

    practices: tuple[ListedPractice, ...]
    facets: tuple[Facet, ...]


@dataclass(frozen=True)
class CentersPage(SourcedPage):
    TEMPLATE = "centros.md.j2"

    centers: tuple[CenterRef, ...]  # by name
    practice_counts: Mapping[str, Tally]  # practices each center originated
    map_svg: Markup


@dataclass(frozen=True)
class CenterPage(SourcedPage):
    TEMPLATE = "centro.md.j2"

    center: CenterRef
    originated: tuple[ListedPractice, ...]
    adopted: tuple[AdoptionLine, ...]
    proposals: tuple[tuple[ListedPractice, str], ...]  # what it could adopt next, and why
    map_svg: Markup | None  # without coordinates, none
    edit_url: str | None


@dataclass(frozen=True)
class AreasPage(SourcedPage):
    TEMPLATE = "areas.md.j2"

    area_counts: Mapping[str, Tally]


@dataclass(frozen=True)
class AreaPage(Page):
    TEMPLATE = "area.md.j2"

    key: str
    area: Term
    practices: tuple[ListedPractice, ...]


@dataclass(frozen=True)
class NetworkPage(Page):
    TEMPLATE = "red.md.j2"

    network: Network
    pages: frozenset[str]
    centers: tuple[CenterRef, ...]  # by name
    growth_chart: Markup  # centers in time
    origins: tuple[CenterRef, ...]  # the transfer matrix's rows,
    adopters: tuple[CenterRef, ...]  # its columns
    transfers: Mapping[tuple[str, str], int]  # and its cells: (origin, adopter) -> practices
    adoptions: tuple[AdoptionLine, ...]
    taxonomy: Taxonomy  # the areas' names
    transfer: Transfer  # time to first adoption, per area and per center
    adoptions_chart: Markup | None  # adoptions per year; none before the first adoption


@dataclass(frozen=True)
class TextPage(Page):
    TEMPLATE = "pagina.md.j2"

    page: PageText

    def author_text(self) -> PageText:
        return self.page


@dataclass(frozen=True)
class TagsPage(Page):
    TEMPLATE = "etiquetas.md.j2"

    tags: tuple[TagRef, ...]


@dataclass(frozen=True)
class TagPage(Page):
    TEMPLATE = "etiqueta.md.j2"

    name: str
    practices: tuple[ListedPractice, ...]


@dataclass(frozen=True)
class SearchPage(Page):
    TEMPLATE = "buscar.md.j2"


@dataclass(frozen=True)
class ApiPage(Page):
    TEMPLATE = "api.md.j2"

    practice_count: Tally
    center_count: int
    practice_fields: tuple[tuple[str, str], ...]
    center_fields: tuple[tuple[str, str], ...]
    transfer_fields: tuple[tuple[str, str], ...]
    taxonomy: Taxonomy


@dataclass(frozen=True)
class NewsPage(Page):
    TEMPLATE = "novedades.md.j2"

    news: tuple[NewsLine, ...]
