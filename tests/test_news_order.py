"""«Novedades» reads in the order of the dates it shows, whatever git says about the files, and
the feeds agree with it: read from the built page and the built Atom files."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator import addresses as paths
from generator.content.dates import MONTHS

from .conftest import MakeRepo
from .sitebuild import build, soup
from .test_site import FIXTURE

ATOM = "{http://www.w3.org/2005/Atom}"
SHOWN_DATE = re.compile(r"(\d{1,2}) de (\w+) de (\d{4})")


def commit(root: Path, day: str, message: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": f"{day}T12:00:00Z",
        "GIT_COMMITTER_DATE": f"{day}T12:00:00Z",
        "GIT_AUTHOR_NAME": "Prueba",
        "GIT_AUTHOR_EMAIL": "prueba@example.org",
        "GIT_COMMITTER_NAME": "Prueba",
        "GIT_COMMITTER_EMAIL": "prueba@example.org",
    }
    for args in (["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run(
            ["git", "-C", str(root), *args], check=True, capture_output=True, env=env, timeout=30
        )


def shown_dates(site: Path) -> list[dt.date]:
    items = soup(site, "novedades/").select(".rc-novedades li strong")
    dates = []
    for item in items:
        found = SHOWN_DATE.fullmatch(item.get_text(" ", strip=True))
        assert found is not None, item
        day, month, year = found.groups()
        dates.append(dt.date(int(year), MONTHS.index(month) + 1, int(day)))
    return dates


def shown(entry: ET.Element) -> dt.date:
    return dt.date.fromisoformat((entry.findtext(f"{ATOM}published") or "")[:10])


@pytest.mark.parametrize("history", ["sin git", "con historial de git"])
def test_the_news_read_newest_first_by_the_date_they_show(
    make_repo: MakeRepo, history: str
) -> None:
    root = make_repo(FIXTURE)
    if history != "sin git":
        subprocess.run(["git", "init", "-q", str(root)], check=True, timeout=30)
        commit(root, "2024-05-06", "contenido")
        # The oldest practice changed last: by git it is the newest file of all.
        ventas = root / "practices/ventas-online.md"
        ventas.write_text(ventas.read_text(encoding="utf-8") + "\nMás texto.\n", "utf-8")
        commit(root, "2024-09-01", "corrección")
    result = build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"

    dates = shown_dates(site)
    # The fixture's three adoptions (2022) and its practices, with the real content's ones.
    assert len(dates) >= 6
    assert dates == sorted(dates, reverse=True)
    assert dates[:3] == [dt.date(2022, 3, 1), dt.date(2022, 2, 1), dt.date(2022, 1, 10)]

    # The site-wide feed, offered on the page as «las novedades de todo el sitio», carries
    # the same news, adoptions too, in the same order.
    page = [
        a.get_text(" ", strip=True) for a in soup(site, "novedades/").select(".rc-novedades li a")
    ]
    everything = ET.parse(site / "feed.xml").getroot().findall(f"{ATOM}entry")
    assert [shown(e) for e in everything] == dates
    for title, entry in zip(page, everything, strict=True):
        assert title in (entry.findtext(f"{ATOM}title") or ""), title

    # An area's feed carries the same news in the same order, each with the date shown as
    # <published>; the feed's <updated> is its latest entry's change.
    feed = ET.parse(site / paths.area_feed("digitalizacion")).getroot()
    entries = feed.findall(f"{ATOM}entry")
    published = [e.findtext(f"{ATOM}published") or "" for e in entries]
    assert published == sorted(published, reverse=True)
    updated = [e.findtext(f"{ATOM}updated") or "" for e in entries]
    assert feed.findtext(f"{ATOM}updated") == max(updated)
    if history != "sin git":
        assert max(updated) == "2024-09-01T00:00:00Z"
