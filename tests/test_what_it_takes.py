"""What it takes to repeat a practice, adoptions with their own results, and the one-click
link to record an adoption: read from a built site as parsed HTML and JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from generator.authoring.github_forms import FORM_FILES, PRACTICE_ID_FIELD
from generator.content.models import REQUIRED_SECTIONS

from .conftest import REPO, create_repo
from .sitebuild import build, soup

REPO_URL = "https://github.com/ejemplo/red"


def practice(front: str) -> str:
    sections = "".join(f"\n## {s}\n\nTexto.\n" for s in REQUIRED_SECTIONS)
    return f"---\n{front.strip()}\n---\n{sections}"


FIXTURE = {
    "practices/feria.md": practice(
        """
titulo: Feria de almaceneros
resumen: Una feria donde los almaceneros muestran sus productos.
centro: talca
areas: [vinculacion-ecosistema]
fecha: 2021-04-30
estado: publicada
equipo:
  - {rol: Asesor de vinculación, personas: 2}
  - {rol: Coordinadora, personas: 1}
tiempo: {preparacion: 2 semanas, duracion: 1 día}
costo: 150000
materiales: [Toldos, Mesas plegables]
dificultad: media
replicas:
  - centro: osorno
    fecha: 2021-09-01
    nota: En la plaza.
    resultados:
      - {indicador: Almaceneros que participaron, valor: 14, fuente: Registro del centro}
"""
    ),
    "practices/taller.md": practice(
        """
titulo: Taller sin costo
resumen: Un taller en la sede del centro.
centro: osorno
areas: [mejora-continua]
fecha: 2021-05-01
estado: publicada
costo: sin costo
dificultad: baja
"""
    ),
}


def _build(root: Path, repo_url: str | None) -> Path:
    names = ("RED_REPO_URL", "RED_EDIT_URL", "GITHUB_REPOSITORY")
    saved = {name: os.environ.pop(name, None) for name in names}
    if repo_url:
        os.environ["RED_REPO_URL"] = repo_url
    try:
        result = build(root)
    finally:
        os.environ.pop("RED_REPO_URL", None)
        os.environ.update({k: v for k, v in saved.items() if v is not None})
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(create_repo(tmp_path_factory.mktemp("con-repo") / "repo", FIXTURE), REPO_URL)


@pytest.fixture(scope="module")
def site_without_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = create_repo(tmp_path_factory.mktemp("sin-repo") / "repo", FIXTURE)
    for page in ("contribuir.md",):  # the real contributing page
        (root / "content" / "paginas").mkdir(exist_ok=True)
        (root / "content" / "paginas" / page).write_bytes(
            (REPO / "content" / "paginas" / page).read_bytes()
        )
    return _build(root, None)


def article(page: BeautifulSoup) -> BeautifulSoup:
    found = page.select_one("article")
    assert found is not None
    return found


def card(page: BeautifulSoup) -> dict[str, str]:
    heading = article(page).find("h2", string="Qué se necesita")
    assert heading is not None
    box = heading.find_next_sibling("div")
    return {
        dt.get_text(strip=True).removesuffix(":"): dt.find_next_sibling("dd").get_text(
            " ", strip=True
        )
        for dt in box.select("dt")
    }


def test_the_card_says_what_it_takes(site: Path) -> None:
    assert card(soup(site, "practicas/feria/")) == {
        "Equipo": "Asesor de vinculación: 2 personas; Coordinadora: 1 persona",
        "Preparación": "2 semanas",
        "Duración": "1 día",
        "Costo aproximado": "$150.000",
        "Materiales": "Toldos Mesas plegables",
        "Dificultad": "Media",
    }
    assert card(soup(site, "practicas/taller/")) == {
        "Costo aproximado": "Sin costo",
        "Dificultad": "Baja",
    }


def test_a_practice_with_nothing_known_has_no_card(site: Path) -> None:
    page = article(soup(site, "practicas/diagnostico/"))
    assert page.find("h2", string="Qué se necesita") is None


def test_an_adoption_shows_its_own_results(site: Path) -> None:
    page = article(soup(site, "practicas/feria/"))
    heading = page.find("h2", string="Adoptada por")
    listing = heading.find_next_sibling("ul")
    text = listing.get_text(" ", strip=True)
    assert "Centro de Negocios Sercotec Osorno" in text and "En la plaza." in text
    assert "Almaceneros que participaron: 14 (Registro del centro)" in " ".join(text.split())


def _adoption(page: BeautifulSoup) -> tuple[str, str]:
    """The text and the address of the link that records an adoption."""
    link = article(page).select_one(".rc-replicar a")
    assert link is not None and link.get_text().startswith("¿Tu centro adoptó esta práctica?")
    return link.get_text(), str(link["href"])


def _adoption_link(page: BeautifulSoup) -> str:
    return _adoption(page)[1]


def test_every_practice_links_to_the_adoption_form_prefilled(site: Path) -> None:
    for practice_id in ("feria", "taller", "diagnostico"):
        page = soup(site, f"practicas/{practice_id}/")
        parts = urlsplit(_adoption_link(page))
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO_URL}/issues/new"
        query = parse_qs(parts.query)
        template = query["template"][0]
        assert template == Path(FORM_FILES["replica"]).name
        assert query[PRACTICE_ID_FIELD] == [practice_id]
        # The field it fills is a field of that form.
        form = yaml.safe_load((REPO / FORM_FILES["replica"]).read_text(encoding="utf-8"))
        assert PRACTICE_ID_FIELD in {e.get("id") for e in form["body"]}
        assert "clave `replicas`" not in article(page).get_text()
        assert "replicas" not in article(page).get_text()


def test_without_a_repository_the_link_goes_to_the_contributing_page(
    site_without_repository: Path,
) -> None:
    site = site_without_repository
    here = "practicas/feria/"
    href = _adoption_link(soup(site, here))
    target = urlsplit(urljoin(f"https://sitio.example/{here}", href))
    assert target.path.endswith("/contribuir/")
    page = soup(site, target.path.strip("/") + "/")
    section = page.find(id=target.fragment)
    assert section is not None and "adoptó" in section.get_text()


def section_text(heading: BeautifulSoup) -> str:
    """The text of a section: its heading and what follows it up to the next heading."""
    parts = [heading.get_text(" ")]
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", "h2"):
            break
        parts.append(sibling.get_text(" "))
    return " ".join(" ".join(parts).split())


def test_the_adoption_link_says_where_it_goes(site: Path, site_without_repository: Path) -> None:
    """With a repository the link names GitHub and goes there; without one it names no form
    and leads to a section that tells where the form is and quotes the link as the published
    site shows it (the page said the link opened GitHub's form, which it did not there)."""
    here = "practicas/feria/"
    text, href = _adoption(soup(site, here))
    assert "GitHub" in text and urlsplit(href).netloc == urlsplit(REPO_URL).netloc
    local_text, local_href = _adoption(soup(site_without_repository, here))
    assert "GitHub" not in local_text and not urlsplit(local_href).netloc
    target = urlsplit(urljoin(f"https://sitio.example/{here}", local_href))
    page = soup(site_without_repository, target.path.strip("/") + "/")
    section = section_text(page.find(id=target.fragment))
    assert f"«{text}»" in section  # the link of the published site, word for word
    assert "GitHub" in section and "Issues" in section and "New issue" in section
    assert local_text not in section  # the page does not say what this link opens


def test_the_api_carries_the_new_fields_and_its_schema_accepts_them(site: Path) -> None:
    document = json.loads((site / "api" / "practicas.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "api" / "practicas.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    records = {p["id"]: p for p in document["practicas"]}
    feria = records["feria"]
    assert feria["costo"] == 150000 and feria["dificultad"] == "media"
    assert feria["tiempo"] == {"preparacion": "2 semanas", "duracion": "1 día"}
    assert feria["equipo"][0] == {"rol": "Asesor de vinculación", "personas": 2}
    assert feria["materiales"] == ["Toldos", "Mesas plegables"]
    assert feria["replicas"][0]["resultados"][0]["valor"] == 14
    assert records["taller"]["costo"] == "sin costo"
    diagnostico = records["diagnostico"]  # nothing known: nothing made up
    assert diagnostico["costo"] is None and diagnostico["equipo"] == []
    assert diagnostico["dificultad"] is None and diagnostico["tiempo"] is None


def test_catalogue_filters_by_difficulty_and_cost(site: Path) -> None:
    page = soup(site, "practicas/")
    form = page.select_one("#rc-filtros")
    assert form is not None
    options = {
        name: [i["value"] for i in form.select(f"input[name={name}]")]
        for name in ("dificultad", "costo")
    }
    assert options == {"dificultad": ["baja", "media"], "costo": ["sin-costo", "hasta-1000000"]}
    items = {li.find("a")["href"]: li for li in page.select(".rc-catalogo li[data-centro]")}
    assert items["feria/"]["data-dificultad"] == "media"
    assert items["feria/"]["data-costo"] == "hasta-1000000"
    assert items["taller/"]["data-costo"] == "sin-costo"
    assert items["diagnostico/"]["data-costo"] == ""
