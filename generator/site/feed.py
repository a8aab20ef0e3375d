"""Atom feeds and the news they carry: dates from the content and git, never the clock.

One site-wide feed (`feed.xml`), the news of the "Novedades" page: new practices and new
adoptions; and one per area and per center (`areas/<key>.xml`, `centros/<id>.xml`) with its
own, so a center hears when something appears in its area. All put the newest first by the day
it happened (published or adopted), the date the page shows; a practice changed later keeps its
place and says so in its <updated>, which is what a feed reader watches.
Links are relative to the feed file; an example practice says so in every entry.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass

from generator import addresses as paths
from generator.addresses import Addresses
from generator.content.models import PracticeMeta
from generator.content.repository import MarkdownEntry
from generator.site.text import practice_title
from generator.site.view import Adoption, SiteView

ATOM = "http://www.w3.org/2005/Atom"
FEED_LIMIT = 50
NEWS_LIMIT = 30
NO_DATE = dt.date(1970, 1, 1)  # a feed without entries still needs an <updated>
EXAMPLE_NOTE = "Práctica de ejemplo: muestra el formato, no describe un caso real."


@dataclass(frozen=True)
class News:
    """One piece of news: a practice published, or a practice adopted by another center."""

    practice: MarkdownEntry[PracticeMeta]
    published: dt.date
    updated: dt.date
    adoption: Adoption | None = None

    @property
    def is_example(self) -> bool:
        return self.practice.data.estado == "ejemplo"

    def title(self, view: SiteView) -> str:
        title = self.practice.data.titulo
        if self.adoption is not None:
            adopter = view.center(self.adoption.adopter).data.nombre
            title = f"{adopter} adoptó «{title}»"
        return practice_title(title, self.practice.data.estado)

    def summary(self, view: SiteView) -> str:
        if self.adoption is None:
            text = self.practice.data.resumen
        else:
            origin = view.center(self.adoption.origin).data.nombre
            note = f" {self.adoption.note}" if self.adoption.note else ""
            text = f"Práctica del {origin}.{note}"
        return f"{EXAMPLE_NOTE} {text}" if self.is_example else text

    def author(self, view: SiteView) -> str:
        center = self.adoption.adopter if self.adoption else self.practice.data.centro
        return view.center(center).data.nombre

    def key(self) -> str:
        if self.adoption is None:
            return f"practica:{self.practice.id}"
        return f"adopcion:{self.practice.id}:{self.adoption.adopter}"


def practice_news(view: SiteView, practices: Iterable[MarkdownEntry[PracticeMeta]]) -> list[News]:
    return [News(p, p.data.fecha, view.changed_on(p)) for p in practices]


def adoption_news(view: SiteView, adoptions: Iterable[Adoption]) -> list[News]:
    practices = view.repo.practices
    return [News(practices[a.practice], a.date, a.date, a) for a in adoptions]


def newest_first(news: Iterable[News], limit: int) -> list[News]:
    """The `limit` latest by the day each happened (published or adopted): the date the
    "Novedades" page shows, so its list reads in date order."""
    return sorted(news, key=lambda n: (n.published, n.updated, n.key()), reverse=True)[:limit]


def area_news(view: SiteView, area: str) -> list[News]:
    in_area = view.by_area.get(area, [])
    ids = {p.id for p in in_area}
    adoptions = [a for a in view.adoptions if a.practice in ids]
    return practice_news(view, in_area) + adoption_news(view, adoptions)


def center_news(view: SiteView, center: str) -> list[News]:
    """Its own practices, the adoptions of them and the practices it adopted."""
    adoptions = [a for a in view.adoptions if center in (a.origin, a.adopter)]
    return practice_news(view, view.originated.get(center, [])) + adoption_news(view, adoptions)


def all_news(view: SiteView) -> list[News]:
    return practice_news(view, view.practices) + adoption_news(view, view.adoptions)


def _urn(name: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"red-de-centros:{name}").urn


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    href: str  # relative to the feed file
    published: str
    updated: str
    author: str
    categories: tuple[tuple[str, str], ...]  # (term, label)
    summary: str


@dataclass(frozen=True)
class Feed:
    """Everything one Atom file says, as plain values: `atom_xml` writes it from these alone,
    so an equal Feed gives the same file (the preview's cache key, `RenderCache.feeds`)."""

    path: str  # in the site
    id: str
    title: str
    subtitle: str
    updated: str
    alternate: str  # the feed's page, relative to the feed
    entries: tuple[FeedEntry, ...]


def news_feed(
    view: SiteView,
    news: list[News],
    *,
    path: str,
    title: str,
    subtitle: str,
    page: str,
    addresses: Addresses,
) -> Feed:
    """`news`, already chosen and ordered, as the Atom file `path` of the site, whose page is
    the docs file `page`; links are relative to the feed."""
    areas = view.repo.taxonomy.data.areas
    folder = posixpath.dirname(path)

    def link_to(docs_path: str) -> str:
        return addresses.from_folder(folder, docs_path)

    entries = []
    for item in news:
        # In a category too when it is an example, for readers that filter by category.
        example = (("ejemplo", "Práctica de ejemplo"),) if item.is_example else ()
        entries.append(
            FeedEntry(
                id=_urn(item.key()),
                title=item.title(view),
                href=link_to(paths.practice(item.practice.id)),
                published=_timestamp(item.published),
                updated=_timestamp(item.updated),
                author=item.author(view),
                categories=example + tuple((a, areas[a].nombre) for a in item.practice.data.areas),
                summary=item.summary(view),
            )
        )
    return Feed(
        path=path,
        id=_urn("practicas" if path == paths.FEED else f"feed:{path}"),
        title=title,
        subtitle=subtitle,
        updated=_timestamp(max((n.updated for n in news), default=NO_DATE)),
        alternate=link_to(page),
        entries=tuple(entries),
    )


def atom_xml(feed: Feed) -> bytes:
    """The Atom file of `feed`."""
    root = ET.Element("feed", {"xml:lang": "es", "xmlns": ATOM})
    _add(root, "id", feed.id)
    _add(root, "title", feed.title)
    _add(root, "subtitle", feed.subtitle)
    _add(root, "updated", feed.updated)
    _add(root, "link", rel="self", type="application/atom+xml", href=posixpath.basename(feed.path))
    _add(root, "link", rel="alternate", type="text/html", href=feed.alternate)
    _add(root, "generator", "Red de Centros")
    for item in feed.entries:
        entry = _add(root, "entry")
        _add(entry, "id", item.id)
        _add(entry, "title", item.title)
        _add(entry, "link", rel="alternate", type="text/html", href=item.href)
        _add(entry, "published", item.published)
        _add(entry, "updated", item.updated)
        author = _add(entry, "author")
        _add(author, "name", item.author)
        for term, label in item.categories:
            _add(entry, "category", term=term, label=label)
        _add(entry, "summary", item.summary)
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def site_feeds(view: SiteView, *, site_name: str, addresses: Addresses) -> list[Feed]:
    """Every feed of the site: the site-wide one, one per area and one per center."""
    feeds = [
        news_feed(
            view,
            newest_first(all_news(view), FEED_LIMIT),
            path=paths.FEED,
            title=site_name,
            subtitle="Prácticas nuevas y actualizadas, y adopciones entre centros de la red.",
            page=paths.NEWS,
            addresses=addresses,
        )
    ]
    for key, area in view.repo.taxonomy.data.areas.items():
        feeds.append(
            news_feed(
                view,
                newest_first(area_news(view, key), FEED_LIMIT),
                path=paths.area_feed(key),
                title=f"{area.nombre} - {site_name}",
                subtitle=f"Prácticas nuevas y adopciones en el área {area.nombre}.",
                page=paths.area(key),
                addresses=addresses,
            )
        )
    for center in view.centers:
        feeds.append(
            news_feed(
                view,
                newest_first(center_news(view, center.id), FEED_LIMIT),
                path=paths.center_feed(center.id),
                title=f"{center.data.nombre} - {site_name}",
                subtitle=f"Prácticas nuevas y adopciones del {center.data.nombre}.",
                page=paths.center(center.id),
                addresses=addresses,
            )
        )
    return feeds
