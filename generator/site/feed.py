"""The Atom feed of new and updated practices: dates from the content and git, never the clock."""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET

from generator.site import urls
from generator.site.view import SiteView

ATOM = "http://www.w3.org/2005/Atom"
FEED_LIMIT = 50
NO_DATE = dt.date(1970, 1, 1)  # a feed without entries still needs an <updated>


def _urn(name: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"red-de-centros:{name}").urn


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def atom_feed(view: SiteView, *, title: str, directory_urls: bool) -> bytes:
    """The newest `FEED_LIMIT` practices by their last change; links relative to the feed."""
    changed = sorted(
        view.practices, key=lambda p: (view.changed_on(p), p.data.fecha, p.id), reverse=True
    )
    entries = changed[:FEED_LIMIT]
    areas = view.repo.taxonomy.data.areas

    feed = ET.Element("feed", {"xml:lang": "es", "xmlns": ATOM})
    _add(feed, "id", _urn("practicas"))
    _add(feed, "title", title)
    _add(feed, "subtitle", "Prácticas nuevas y actualizadas de la red.")
    newest = view.changed_on(entries[0]) if entries else NO_DATE
    _add(feed, "updated", _timestamp(newest))
    _add(feed, "link", rel="self", type="application/atom+xml", href=urls.FEED)
    catalogue = urls.url(urls.PRACTICES, directory_urls=directory_urls)
    _add(feed, "link", rel="alternate", type="text/html", href=catalogue)
    _add(feed, "generator", "Red de Centros")
    for practice in entries:
        m = practice.data
        entry = _add(feed, "entry")
        _add(entry, "id", _urn(f"practica:{practice.id}"))
        _add(entry, "title", m.titulo)
        href = urls.url(urls.practice(practice.id), directory_urls=directory_urls)
        _add(entry, "link", rel="alternate", type="text/html", href=href)
        _add(entry, "published", _timestamp(m.fecha))
        _add(entry, "updated", _timestamp(view.changed_on(practice)))
        author = _add(entry, "author")
        _add(author, "name", view.center(m.centro).data.nombre)
        for key in m.areas:
            _add(entry, "category", term=key, label=areas[key].nombre)
        _add(entry, "summary", m.resumen)
    ET.indent(feed)
    data: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return data + b"\n"
