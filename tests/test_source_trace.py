"""The built site says exactly what its source says: read against content/red.yml.

Every number and date on /red/, the home page and /centros/ is one of three things, each
marked in the HTML by the templates (_macros.md.j2) and checked here on its own terms:

- a fact (`.rc-dato`): its value, date and source are one of content/red.yml's (or a center's
  milestone), and the words around it give the date at the precision the source gives it;
- the source's words (`.rc-cita`): found word for word in the source's page;
- a count the site computed (`.rc-calculo`): recomputed here from the content.

Whatever text is left holds no digit and no month. Practice lists, the adoptions and the map
are the practices' and public geography's data, not the network's facts: left out.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from bs4 import Tag

from generator import addresses as paths
from generator.addresses import OFFLINE
from generator.content.dates import MONTHS, PartialDate
from generator.content.models import Center, Network
from generator.content.pipeline import load_valid
from generator.publish.offline import search_index
from generator.site.transfer import MIN_BASE
from generator.site.view import SiteView
from tests.conftest import REPO
from tests.sitebuild import build, soup

ATOM = "{http://www.w3.org/2005/Atom}"
PAGES = ("", "red/", "centros/")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("traza") / "repo"
    for folder in ("content", "centers", "practices"):
        shutil.copytree(REPO / folder, root / folder)
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def network() -> Network:
    return Network.model_validate(yaml.safe_load((REPO / "content/red.yml").read_text()))


def centers() -> dict[str, Center]:
    return {
        p.stem: Center.model_validate(yaml.safe_load(p.read_text()))
        for p in sorted((REPO / "centers").glob("*.yml"))
    }


def source_text(key: str) -> str:
    """The source as its page quotes it (the blockquote), one space between words."""
    page = network().fuentes[key].pagina
    body = (REPO / "content/paginas" / f"{page}.md").read_text()
    quoted = [line.strip()[1:] for line in body.splitlines() if line.strip().startswith(">")]
    return " ".join(" ".join(quoted).split())


def sourced_facts() -> tuple[set[tuple[str, str, int]], set[tuple[str, str]]]:
    """(source, date as written, value) of every count; (source, date) of every dated claim."""
    net = network()
    counts = [net.centros_declarados, net.meta, *net.evolucion]
    values = {(f.fuente, str(f.fecha), f.valor) for f in counts}
    dates = {(f.fuente, str(f.fecha)) for f in counts}
    dates |= {(q.fuente, str(q.fecha)) for q in net.citas.values() if q.fecha}
    dates |= {(key, str(s.fecha)) for key, s in net.fuentes.items()}
    for center in centers().values():
        dates |= {(m.fuente or center.fuente, str(m.fecha)) for m in center.hitos}
        if center.estado:
            dates.add((center.estado.fuente, str(center.estado.fecha)))
    return values, dates


def words(text: str) -> str:
    return " ".join(text.split())


def assert_precision(text: str, date: PartialDate, allowed_numbers: set[str]) -> None:
    """`text` states `date` no more and no less precisely than it is written."""
    numbers = set(re.findall(r"\d+", text))
    expected = {str(date.year)} | ({str(date.day)} if date.day else set())
    assert str(date.year) in numbers, (text, str(date))
    assert numbers <= expected | allowed_numbers, (text, str(date))
    months = {m for m in MONTHS if re.search(rf"\b{m}\b", text)}
    assert months == ({MONTHS[date.month - 1]} if date.month else set()), (text, str(date))
    assert bool(re.search(r"\binicios?\b", text, re.I)) == (date.part == "inicio"), text
    assert bool(re.search(r"\bfin(es)?\b", text, re.I)) == (date.part == "fin"), text


def expected_count(name: str) -> int:
    practices = [p for p in (REPO / "practices").glob("*.md")]
    fronts = [yaml.safe_load(p.read_text().split("---")[1]) for p in practices]
    shown = [m for m in fronts if m["estado"] != "borrador"]
    if name == "centros-identificados":
        return len(centers())
    if name == "centros-sin-identificar":
        return network().centros_declarados.valor - len(centers())
    if name == "practicas":
        return len(shown)
    if name == "ejemplos":
        return sum(1 for m in shown if m["estado"] == "ejemplo")
    if name == "adopciones":  # an example or a draft was not adopted
        return sum(len(m.get("replicas", [])) for m in shown if m["estado"] == "publicada")
    published = [m for m in shown if m["estado"] == "publicada"]
    others = [[r for r in m.get("replicas", []) if r["centro"] != m["centro"]] for m in published]
    if name == "transferencia:practicas":
        return len(published)
    if name == "transferencia:adoptadas":
        return sum(1 for adoptions in others if adoptions)
    if name == "transferencia:adopciones":
        return sum(len(adoptions) for adoptions in others)
    if name.startswith("practicas-del-area:"):
        return sum(1 for m in shown if name.split(":")[1] in m["areas"])
    if name.startswith("ejemplos:practicas-del-area:"):
        area = name.split(":")[2]
        return sum(1 for m in shown if area in m["areas"] and m["estado"] == "ejemplo")
    raise AssertionError(f"a count the test does not know: {name}")


def check_page(page: Tag, url: str) -> list[str]:
    """Checks every marked piece of `page`, removes it, and returns what is left as text."""
    values, dates = sourced_facts()
    for quote in page.select(".rc-cita"):
        said = words(quote.get_text()).strip("«»")
        assert said in source_text("entrevista-2020"), said
        quote.decompose()
    for fact in page.select(".rc-dato"):
        source, written = str(fact["data-fuente"]), str(fact["data-fecha"])
        date = PartialDate.parse(written)
        text = words(fact.get_text())
        if fact.has_attr("data-valor"):
            value = int(str(fact["data-valor"]))
            assert (source, written, value) in values, (url, source, written, value)
            if re.search(r"\d{4}", text):  # the value with its date
                assert_precision(text, date, {str(value)})
            else:  # the value alone
                assert text == str(value), (url, text)
        else:
            assert (source, written) in dates, (url, source, written)
            assert_precision(text, date, set())
        fact.decompose()
    for count in page.select(".rc-calculo"):
        name = str(count["data-calculo"])
        if name in ("practicas-del-centro", "ejemplos:practicas-del-centro"):
            count.decompose()  # checked per center on /centros/ below
            continue
        if name == "transferencia:mediana":  # the repository has too few adoptions for one
            adopted = expected_count("transferencia:adoptadas")
            said = f"sin datos suficientes ({adopted} práctica{'' if adopted == 1 else 's'})"
            assert adopted < MIN_BASE and words(count.get_text()) == said, (url, count)
            count.decompose()
            continue
        assert int(count.get_text()) == expected_count(name), (url, name)
        if name == "centros-sin-identificar":
            assert "cálculo del sitio" in page.get_text(), url  # derived, and said so
        count.decompose()
    return [words(page.get_text(" "))]


def test_every_number_and_date_traces_to_a_sourced_fact(site: Path) -> None:
    for url in PAGES:
        page = soup(site, url).select_one("article")
        assert isinstance(page, Tag)
        if url == "centros/":
            for row in page.select("table tbody tr"):
                cells = row.select("td")
                link = cells[0].find("a")
                if link:
                    slug = str(link["href"]).strip("/").split("/")[-1]
                    own = [
                        text
                        for p in (REPO / "practices").glob("*.md")
                        if f"centro: {slug}\n" in (text := p.read_text())
                    ]
                    examples = sum(1 for text in own if "estado: ejemplo\n" in text)
                    said = f"{len(own)} ({examples} de ejemplo)" if examples else str(len(own))
                    assert words(cells[-1].get_text()) == said, (slug, cells[-1].get_text())
        for left_out in page.select(".rc-lista, .rc-matriz, figure.rc-mapa, h3 + table"):
            left_out.decompose()
        chart = page.select_one("figure.rc-crecimiento")
        if chart:
            check_chart(chart)
            chart.decompose()
        (rest,) = check_page(page, url)
        assert not re.search(r"\d", rest), (url, re.findall(r".{30}\d+.{30}", rest))
        assert not [m for m in MONTHS if re.search(rf"\b{m}\b", rest)], url


def check_chart(chart: Tag) -> None:
    """Each bar: a sourced count and its date, as precise as the source gives it."""
    net = network()
    texts = [" ".join(t.stripped_strings) for t in chart.select("svg text")]  # lines: tspans
    bars = list(zip(texts[::2], texts[1::2], strict=True))
    facts = [*net.evolucion, net.meta]
    assert len(bars) == len(facts)
    for (value, label), fact in zip(bars, facts, strict=True):
        assert value == ("al menos " if fact.al_menos else "") + str(fact.valor)
        assert_precision(label, fact.fecha, set())


def test_the_network_page_shows_what_the_source_says(site: Path) -> None:
    text = words(soup(site, "red/").select_one("article").get_text())  # type: ignore[union-attr]
    assert "al menos 20 centros en 2021" in text
    assert "«Con estas nuevas adjudicaciones casi un tercio de la red es operada por la" in text
    assert "despliegue importante de recursos humanos y operacionales" in text
    # A sentence of its own after the source of the operator: «(fuente: …). Su fin, …»
    assert "Codesser). Su fin, según la fuente: «Nuestro único fin es apoyar" in text
    for said in ("publicada por", "al cierre de", "Las cinco áreas", "son cinco"):
        assert said not in text
    home = words(soup(site, "").select_one("article").get_text())  # type: ignore[union-attr]
    assert "Cinco de las áreas en que trabajan los centros, según la fuente" in home
    assert "Descripción del sitio:" in home and "Las cinco áreas" not in home


def test_the_about_page_quotes_only_the_source(site: Path) -> None:
    """/acerca/ is written by hand: whatever it puts in «» is the source's own words."""
    text = words(soup(site, "acerca/").select_one("article").get_text())  # type: ignore[union-attr]
    quoted = re.findall(r"«([^»]+)»", text)
    assert len(quoted) >= 3
    source = source_text("entrevista-2020")
    assert [q for q in quoted if q not in source] == []
    assert "Según una entrevista a su coordinadora nacional" in text  # not her own words


def test_no_feed_entry_of_an_example_omits_the_word(site: Path) -> None:
    examples = {
        p.stem for p in (REPO / "practices").glob("*.md") if "\nestado: ejemplo\n" in p.read_text()
    }
    assert examples  # the repository's three example practices
    feeds = sorted(p for p in site.rglob("*.xml") if p.name != "sitemap.xml")
    assert len(feeds) == 1 + 5 + 13  # the site's, each area's and each center's
    in_feeds: dict[str, set[str]] = {}
    for feed in feeds:
        found = in_feeds.setdefault(feed.relative_to(site).as_posix(), set())
        for entry in ET.parse(feed).getroot().findall(f"{ATOM}entry"):
            link = entry.find(f"{ATOM}link[@rel='alternate']")
            slug = link.get("href", "").strip("/").split("/")[-1]  # type: ignore[union-attr]
            if slug not in examples:
                continue
            found.add(slug)
            for part in ("title", "summary"):
                text = (entry.findtext(f"{ATOM}{part}") or "").lower()
                assert "ejemplo" in text, (feed.name, slug, part)
            terms = {c.get("term") for c in entry.findall(f"{ATOM}category")}
            assert "ejemplo" in terms, (feed.name, slug)
    assert in_feeds["feed.xml"] == examples
    assert in_feeds[paths.center_feed("rapa-nui")] == {"capacitaciones-para-conexiones-lentas"}


def test_examples_are_marked_on_their_page_in_lists_search_and_the_api(site: Path) -> None:
    api = json.loads((site / "api/practicas.json").read_text())
    for record in api["practicas"]:
        assert record["ejemplo"] == (record["estado"] == "ejemplo")
        if not record["ejemplo"]:
            continue
        page = soup(site, record["url"])
        assert page.select_one("article h1").get_text(" ", strip=True).endswith("(ejemplo)")
        assert "(ejemplo)" in page.title.get_text()  # type: ignore[union-attr]
    catalogue = soup(site, "practicas/").select(".rc-lista li")
    assert catalogue and all("(ejemplo)" in li.get_text() for li in catalogue)
    # What the search shows of a result is the title Pagefind indexed.
    indexed = {}
    for fragment in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(fragment.read_bytes())
        record = json.loads(data[data.index(b"{") :])
        indexed[record["url"].strip("/")] = record["meta"]["title"]
    for record in api["practicas"]:
        title = indexed[record["url"].strip("/")]
        assert title.endswith("(ejemplo)") == record["ejemplo"], title


def test_the_api_keeps_each_dates_precision(site: Path) -> None:
    api = json.loads((site / "api/centros.json").read_text())
    written = {c["id"]: [h["fecha"] for h in c["hitos"]] for c in api["centros"]}
    assert written == {key: [str(m.fecha) for m in c.hitos] for key, c in centers().items()}
    assert "inicio de 2020" in written["chillan"]  # not a day, not a month
    doc = words(soup(site, "api/").select_one("article").get_text())  # type: ignore[union-attr]
    assert "tan precisas como las da su fuente" in doc and "inicio de 2020" in doc


def test_the_offline_search_marks_examples_and_shows_center_and_areas() -> None:
    """The bundle opened from disk searches its own index: its results say what the online
    ones say (the title with «(ejemplo)», then the center and the areas)."""
    repo, _ = load_valid(REPO)
    view = SiteView(repo)
    results = {e["u"]: e for e in search_index(view)}
    for p in view.practices:
        result = results[OFFLINE.url(paths.practice(p.id))]
        assert result["t"].endswith("(ejemplo)") == (p.data.estado == "ejemplo"), result["t"]
        assert result["c"] == view.center(p.data.centro).data.nombre
        areas = repo.taxonomy.data.areas
        assert result["a"] == ", ".join(areas[a].nombre for a in p.data.areas)


def test_a_renewed_centers_milestones_read_forward(site: Path) -> None:
    page = soup(site, "centros/chillan/")
    items = [words(li.get_text()) for li in page.select(".rc-linea-tiempo li")]
    assert [i.split(":")[0] for i in items] == ["Inicio de 2020", "2020"]
    card = {
        dt.get_text(strip=True).rstrip(":"): words(dt.find_next_sibling("dd").get_text())
        for dt in page.select(".rc-ficha dt")
    }
    assert "Estado" not in card
    assert card["Último hito"].startswith("Renovado por un período de cinco años más en 2020")
