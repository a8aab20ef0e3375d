"""Tags, the Atom feed and the JSON API of a built site: valid, linked and deterministic."""

from __future__ import annotations

import json
import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import jsonschema
import pytest

from generator import addresses as paths
from generator.addresses import ONLINE
from generator.content.pipeline import load_valid
from generator.publish.settings import RunSettings
from generator.publish.tree import write_tree
from generator.site.api import json_schema, practices_document
from generator.site.view import SiteView
from generator.text import tag_slug

from .conftest import REPO, VALID_PRACTICE, MakeRepo, create_repo
from .sitebuild import build, soup

ATOM = "{http://www.w3.org/2005/Atom}"

TAGGED = """\
---
titulo: Ruta de pagos digitales para feriantes
resumen: Una ruta corta para que los feriantes acepten pagos digitales.
centro: osorno
areas: [digitalizacion, vinculacion-ecosistema]
fecha: 2021-05-02
estado: publicada
servicios: [capacitacion]
publicos: [comerciante]
etiquetas: [Pagos digitales, ferias, Almacén]
resultados:
  - indicador: Feriantes que terminaron la ruta
    valor: 8
    fuente: Registro de asistencia del centro
    fecha: 2021-06-30
replicas:
  - centro: talca
    fecha: 2021-08-01
    nota: Con almaceneros.
---

## Contexto
Texto.

## Qué hicimos
Texto.

## Resultados
Texto.

## Cómo replicarla
Texto.
"""
TAGGED_TOO = VALID_PRACTICE.replace(
    "estado: ejemplo\n", "estado: ejemplo\netiquetas: [almacén, pagos digitales]\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = {"practices/pagos.md": TAGGED, "practices/diagnostico.md": TAGGED_TOO}
    root = create_repo(tmp_path_factory.mktemp("finding") / "repo", files)
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def load(site: Path, path: str) -> Any:
    return json.loads((site / path).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["practicas", "centros"])
def test_api_files_validate_against_their_published_schema(site: Path, name: str) -> None:
    schema = load(site, f"api/{name}.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    data = load(site, f"api/{name}.json")
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["version"] == 1
    assert data["total"] == len(data[name]) > 0
    for record in data[name]:
        assert (site / record["url"] / "index.html").is_file(), record["url"]


def test_api_records_say_what_the_pages_say(site: Path) -> None:
    practices = {p["id"]: p for p in load(site, "api/practicas.json")["practicas"]}
    assert list(practices) == ["pagos", "diagnostico"]  # newest first, like the catalogue
    payments = practices["pagos"]
    assert payments["region"] == "los-lagos"
    assert payments["resultados"][0]["valor"] == 8
    assert payments["replicas"] == [
        {"centro": "talca", "fecha": "2021-08-01", "nota": "Con almaceneros.", "resultados": []}
    ]
    centers = {c["id"]: c for c in load(site, "api/centros.json")["centros"]}
    assert centers["osorno"]["practicas"] == ["pagos"]
    assert centers["talca"]["adoptadas"] == ["pagos"]
    assert set(centers) == {p.stem for p in (REPO / "centers").glob("*.yml")}


def test_the_schema_is_the_models(site: Path) -> None:
    from generator.site.api import PracticesDocument

    assert load(site, "api/practicas.schema.json") == json.loads(
        json.dumps(json_schema(PracticesDocument))
    )


def test_the_api_page_documents_every_field(site: Path) -> None:
    page = soup(site, "api/")
    text = page.get_text(" ")
    for key in ("titulo", "resumen", "actualizada", "replicas", "adoptadas", "coordenadas"):
        assert page.find("code", string=key), key
    assert "Claves de la taxonomía" in text
    hrefs = {a["href"] for a in page.select("article a")}
    assert {"practicas.json", "practicas.schema.json", "centros.json"} <= hrefs


def test_the_feed_is_valid_atom_linked_from_every_page(site: Path) -> None:
    feed = ET.parse(site / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    assert feed.find(f"{ATOM}link[@rel='self']") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Centro de Negocios Sercotec Talca adoptó «Ruta de pagos digitales para feriantes»",
        "Ruta de pagos digitales para feriantes",
        "Diagnóstico de digitalización para almaceneros (ejemplo)",  # an example says so
    ]
    ids = set()
    for entry in entries:
        for required in ("id", "title", "updated", "published", "summary"):
            assert entry.findtext(f"{ATOM}{required}"), required
        assert entry.findtext(f"{ATOM}author/{ATOM}name")
        href = entry.find(f"{ATOM}link[@rel='alternate']").get("href")  # type: ignore[union-attr]
        assert (site / href / "index.html").is_file()
        ids.add(entry.findtext(f"{ATOM}id"))
    assert len(ids) == len(entries)
    for page in ("", "practicas/", "practicas/pagos/", "centros/talca/"):
        link = soup(site, page).find("link", rel="alternate", type="application/atom+xml")
        assert link is not None, page
        target = posixpath.normpath(posixpath.join(page, link["href"]))
        assert target == "feed.xml", page


def test_tags_have_pages_linked_from_the_practice_card(site: Path) -> None:
    card = soup(site, "practicas/pagos/").select_one(".rc-ficha")
    assert card is not None
    links = {a.get_text(): a["href"] for a in card.select("a[href*='etiquetas/']")}
    assert links == {
        "Pagos digitales": "../../etiquetas/pagos-digitales/",
        "ferias": "../../etiquetas/ferias/",
        "Almacén": "../../etiquetas/almacen/",
    }
    index = soup(site, "etiquetas/")
    # "Almacén" and "almacén" are one tag with two practices.
    entries = [li.get_text(" ", strip=True) for li in index.select(".rc-etiquetas li")]
    # Beside each count, how many of the practices are examples (the diagnosis is one).
    assert entries == [
        "Almacén (2 prácticas, 1 de ejemplo)",
        "ferias (1 práctica)",
        "Pagos digitales (2 prácticas, 1 de ejemplo)",
    ]
    tag = soup(site, "etiquetas/almacen/")
    titles = [a.get_text() for a in tag.select(".rc-lista li a")]
    assert titles == [
        "Ruta de pagos digitales para feriantes",
        "Diagnóstico de digitalización para almaceneros",
    ]


def test_a_tag_without_letters_and_a_tag_called_index_get_their_own_address() -> None:
    assert tag_slug("¡!") != tag_slug("¿?")
    assert tag_slug("¡!").startswith("etiqueta-")
    assert tag_slug("Index") == "index-etiqueta"


def test_catalogue_items_carry_the_facets_of_the_model(site: Path) -> None:
    page = soup(site, "practicas/")
    form = page.select_one("form#rc-filtros")
    # Server-rendered inside the closed "Filtrar" control: nothing moves when the script starts.
    assert form is not None and form.find_parent("details", class_="rc-filtrar") is not None
    names = {c["name"] for c in form.select("input, select")}
    item = page.select_one(".rc-catalogo [data-centro='osorno']")
    assert item is not None
    attributes = {k[5:]: v for k, v in item.attrs.items() if k.startswith("data-")}
    assert names <= set(attributes)
    # A facet that no shown practice has (difficulty, cost) is not offered: its value is empty.
    assert all(not attributes[name] for name in set(attributes) - names)
    assert item["data-area"] == "digitalizacion vinculacion-ecosistema"
    assert item["data-region"] == "los-lagos"


def test_feed_and_api_are_deterministic(make_repo: MakeRepo, tmp_path: Path) -> None:
    root = make_repo({"practices/pagos.md": TAGGED})
    outputs = []
    for name in ("a", "b"):
        write_tree(RunSettings(root), tmp_path / name)
        outputs.append(
            {
                path: (tmp_path / name / path).read_bytes()
                for path in ("feed.xml", "api/practicas.json", "api/centros.json")
            }
        )
    assert outputs[0] == outputs[1]
    repo, _ = load_valid(root)
    document = practices_document(SiteView(repo), addresses=ONLINE)
    assert [p.id for p in document.practicas] == ["pagos", "diagnostico"]


def test_area_and_center_feeds_carry_new_practices_and_adoptions(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    root = make_repo({"practices/pagos.md": TAGGED, "practices/otra.md": TAGGED_TOO})
    docs = tmp_path / "docs"
    write_tree(RunSettings(root), docs)

    def entries(path: str) -> dict[str, str]:
        feed = ET.parse(docs / path).getroot()
        assert feed.tag == f"{ATOM}feed"
        return {
            str(e.findtext(f"{ATOM}title")): str(e.find(f"{ATOM}link").get("href"))  # type: ignore[union-attr]
            for e in feed.findall(f"{ATOM}entry")
        }

    adopted = "Centro de Negocios Sercotec Talca adoptó «Ruta de pagos digitales para feriantes»"
    osorno_feed = paths.center_feed("osorno")
    osorno = entries(osorno_feed)
    assert set(osorno) == {"Ruta de pagos digitales para feriantes", adopted}
    for href in osorno.values():  # each entry links to the practice's page
        assert urljoin(f"https://sitio.example/{osorno_feed}", href) == (
            "https://sitio.example/practicas/pagos/"
        )
    talca = entries(paths.center_feed("talca"))  # the practice it adopted, and its own example
    assert adopted in talca
    assert "Diagnóstico de digitalización para almaceneros (ejemplo)" in talca
    area = entries(paths.area_feed("vinculacion-ecosistema"))
    assert set(area) == {"Ruta de pagos digitales para feriantes", adopted}
    assert entries(paths.area_feed("sustentabilidad")) == {}
    news = (docs / "novedades.md").read_text(encoding="utf-8")
    assert news.index("adoptó") < news.index("Práctica nueva")  # newest first
