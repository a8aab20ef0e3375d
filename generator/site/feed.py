"""Atom feeds and the news they carry: dates from the content and git, never the clock.

One site-wide feed of new and updated practices (`feed.xml`), and one per area and per center
(`areas/<key>.xml`, `centros/<id>.xml`) with its new practices and its new adoptions, so a
center hears when something appears in its area. The "Novedades" page lists the same news.
Links are relative to the feed file; an example practice says so in every entry.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass

from generator.content.models import PracticeMeta
from generator.content.repository import MarkdownEntry
from generator.site import urls
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
    return sorted(news, key=lambda n: (n.updated, n.published, n.key()), reverse=True)[:limit]


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


def atom_feed(
    view: SiteView,
    news: list[News],
    *,
    path: str,
    title: str,
    subtitle: str,
    page: str,
    directory_urls: bool,
) -> bytes:
    """The newest `FEED_LIMIT` of `news` as the Atom file `path` of the site, whose page is
    the docs file `page`; links are relative to the feed."""
    entries = newest_first(news, FEED_LIMIT)
    areas = view.repo.taxonomy.data.areas
    folder = posixpath.dirname(path)

    def link_to(docs_path: str) -> str:
        return urls.from_folder(folder, docs_path, directory_urls=directory_urls)

    feed = ET.Element("feed", {"xml:lang": "es", "xmlns": ATOM})
    _add(feed, "id", _urn("practicas" if path == urls.FEED else f"feed:{path}"))
    _add(feed, "title", title)
    _add(feed, "subtitle", subtitle)
    _add(feed, "updated", _timestamp(entries[0].updated if entries else NO_DATE))
    _add(feed, "link", rel="self", type="application/atom+xml", href=posixpath.basename(path))
    _add(feed, "link", rel="alternate", type="text/html", href=link_to(page))
    _add(feed, "generator", "Red de Centros")
    for item in entries:
        m = item.practice.data
        entry = _add(feed, "entry")
        _add(entry, "id", _urn(item.key()))
        _add(entry, "title", item.title(view))
        href = link_to(urls.practice(item.practice.id))
        _add(entry, "link", rel="alternate", type="text/html", href=href)
        _add(entry, "published", _timestamp(item.published))
        _add(entry, "updated", _timestamp(item.updated))
        author = _add(entry, "author")
        _add(author, "name", item.author(view))
        if item.is_example:  # in a category too, for readers that filter by category
            _add(entry, "category", term="ejemplo", label="Práctica de ejemplo")
        for key in m.areas:
            _add(entry, "category", term=key, label=areas[key].nombre)
        _add(entry, "summary", item.summary(view))
    ET.indent(feed)
    data: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def site_feeds(view: SiteView, *, site_name: str, directory_urls: bool) -> dict[str, bytes]:
    """Every feed of the site: the site-wide one, one per area and one per center."""
    feeds = {
        urls.FEED: atom_feed(
            view,
            practice_news(view, view.practices),
            path=urls.FEED,
            title=site_name,
            subtitle="Prácticas nuevas y actualizadas de la red.",
            page=urls.PRACTICES,
            directory_urls=directory_urls,
        )
    }
    for key, area in view.repo.taxonomy.data.areas.items():
        feeds[urls.area_feed(key)] = atom_feed(
            view,
            area_news(view, key),
            path=urls.area_feed(key),
            title=f"{area.nombre} - {site_name}",
            subtitle=f"Prácticas nuevas y adopciones en el área {area.nombre}.",
            page=urls.area(key),
            directory_urls=directory_urls,
        )
    for center in view.centers:
        feeds[urls.center_feed(center.id)] = atom_feed(
            view,
            center_news(view, center.id),
            path=urls.center_feed(center.id),
            title=f"{center.data.nombre} - {site_name}",
            subtitle=f"Prácticas nuevas y adopciones del {center.data.nombre}.",
            page=urls.center(center.id),
            directory_urls=directory_urls,
        )
    return feeds
