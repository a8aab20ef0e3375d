"""The published site, built from a small fixture repository and read as parsed HTML."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from mkdocs.structure.files import File, Files

from generator.engines.mkdocs.material import drop_material_search

from .conftest import REPO, create_repo
from .sitebuild import build, soup
from .test_mkdocs_root import MKDOCS

EDIT_BASE = "https://example.org/red/edit/main/"
HOSTILE_TITLE = "Ventas <online> | *rápidas* [2021]"


def practice(front: str, title: str = "Texto.") -> str:
    sections = "".join(
        f"\n## {s}\n{title}\n" for s in ("Contexto", "Qué hicimos", "Resultados", "Cómo replicarla")
    )
    return f"---\n{front.strip()}\n---\n{sections}"


FIXTURE = {
    "practices/ventas-online.md": practice(
        f"""
titulo: '{HOSTILE_TITLE}'
resumen: Vender por redes sociales con un catálogo simple.
centro: osorno
areas: [digitalizacion, innovacion]
fecha: 2021-06-01
estado: publicada
servicios: [asesoria]
publicos: [comerciante]
etiquetas: [ventas, redes]
replicas:
  - {{centro: talca, fecha: 2022-01-10, nota: Adaptada a ferias}}
  - {{centro: chillan, fecha: 2022-02-01}}
relacionadas: [diagnostico]
contacto:
  nombre: Equipo de prueba
  correo: equipo@ejemplo.cl
"""
    ),
    "practices/ferias-locales.md": practice(
        """
titulo: Ferias locales con el municipio
resumen: Ferias mensuales para vender productos de emprendedores.
centro: talca
areas: [vinculacion-ecosistema]
fecha: 2021-08-01
estado: publicada
etiquetas: [ventas]
replicas:
  - {centro: osorno, fecha: 2022-03-01}
"""
    ),
    "practices/en-borrador.md": practice(
        """
titulo: Práctica en borrador
resumen: Aún se escribe.
centro: talca
areas: [sustentabilidad]
fecha: 2022-01-01
estado: borrador
"""
    ),
}
PUBLISHED = ["diagnostico", "ventas-online", "ferias-locales"]
AREAS = [
    "vinculacion-ecosistema",
    "mejora-continua",
    "digitalizacion",
    "innovacion",
    "sustentabilidad",
]
CENTERS = sorted(p.stem for p in (REPO / "centers").glob("*.yml"))


def git(root: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2024-05-06T12:00:00Z",
        "GIT_COMMITTER_DATE": "2024-05-06T12:00:00Z",
        "GIT_AUTHOR_NAME": "Prueba",
        "GIT_AUTHOR_EMAIL": "prueba@example.org",
        "GIT_COMMITTER_NAME": "Prueba",
        "GIT_COMMITTER_EMAIL": "prueba@example.org",
    }
    subprocess.run(
        ["git", "-C", str(root), *args], check=True, capture_output=True, env=env, timeout=30
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = create_repo(tmp_path_factory.mktemp("sitio") / "repo", FIXTURE)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "contenido")
    os.environ["RED_EDIT_URL"] = EDIT_BASE
    try:
        result = build(root)
    finally:
        del os.environ["RED_EDIT_URL"]
    assert result.returncode == 0, result.stderr
    return root / "site"


def article(page: BeautifulSoup) -> BeautifulSoup:
    found = page.select_one("article")
    assert found is not None
    return found


def item_links(blocks: list[BeautifulSoup] | BeautifulSoup) -> list[str]:
    """The first link of each list item: the practice or center it names."""
    blocks = blocks if isinstance(blocks, list) else [blocks]
    return [li.find("a")["href"] for block in blocks for li in block.select("li") if li.find("a")]


def links(page: BeautifulSoup) -> list[str]:
    return [a["href"] for a in article(page).select("a[href]")]


def test_every_page_has_its_address(site: Path) -> None:
    paths = ["", "practicas/", "centros/", "areas/", "red/", "acerca/", "contribuir/"]
    paths += [f"practicas/{p}/" for p in PUBLISHED]
    paths += [f"centros/{c}/" for c in CENTERS]
    paths += [f"areas/{a}/" for a in AREAS]
    for path in paths:
        assert (site / path / "index.html").is_file(), path
    assert soup(site, "").html["lang"] == "es"


def test_home_shows_counts_latest_practices_and_areas(site: Path) -> None:
    home = article(soup(site, ""))
    counts = [li.get_text(" ", strip=True) for li in home.select(".rc-cifras li")]
    assert counts[0].startswith(
        "13 centros con página en este sitio; la fuente declara 14 centros a"
    )
    assert "14 centros a fines de 2020" in counts[0]
    assert counts[1].startswith("3 prácticas")
    assert counts[2].startswith("3 adopciones")
    latest = [a["href"] for a in home.select("h2 + .rc-lista a")][:1]
    assert latest == ["practicas/ferias-locales/"]  # newest first
    area_links = {a["href"] for a in home.select("a") if a["href"].startswith("areas/")}
    assert area_links == {f"areas/{a}/" for a in AREAS}


def test_catalogue_lists_every_published_practice_newest_first(site: Path) -> None:
    hrefs = [h for h in links(soup(site, "practicas/")) if not h.startswith("..")]
    assert hrefs == ["ferias-locales/", "ventas-online/", "diagnostico/"]


def test_practice_card_sections_and_footer(site: Path) -> None:
    page = article(soup(site, "practicas/ventas-online/"))
    card = {
        dt.get_text(strip=True).removesuffix(":"): dt.find_next_sibling("dd").get_text(
            " ", strip=True
        )
        for dt in page.select(".rc-ficha dt")
    }
    assert card["Centro"] == "Centro de Negocios Sercotec Osorno"
    assert card["Región"] == "Los Lagos"
    assert (
        card["Áreas"] == "Digitalización de los negocios , Aplicación de herramientas de innovación"
    )
    assert card["Servicios"] == "Asesoría personalizada"
    assert card["Públicos"] == "Comerciantes"
    assert card["Fecha"] == "1 de junio de 2021"
    assert card["Estado"] == "Publicada"
    headings = [h.get_text(strip=True) for h in page.select("h2")]
    for section in (
        "Contexto",
        "Qué hicimos",
        "Resultados",
        "Cómo replicarla",
        "Adoptada por",
        "Prácticas parecidas",
        "Contacto",
    ):
        assert section in headings
    footer = page.select_one(".rc-pie").get_text(" ", strip=True)
    assert "Última actualización: 6 de mayo de 2024" in footer
    edit = page.find("a", string="Editar esta página")
    assert edit["href"] == EDIT_BASE + "practices/ventas-online.md"


def section_after(page: BeautifulSoup, title: str) -> list[BeautifulSoup]:
    heading = next(h for h in page.select("h2") if h.get_text(strip=True) == title)
    found = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        found.append(sibling)
    return found


def test_replicas_related_and_contact(site: Path) -> None:
    page = article(soup(site, "practicas/ventas-online/"))
    replicas = [
        li.get_text(" ", strip=True)
        for block in section_after(page, "Adoptada por")
        for li in block.select("li")
    ]
    assert replicas[0].startswith(
        "Centro de Negocios Sercotec Talca , desde el 10 de enero de 2022"
    )
    assert "Adaptada a ferias" in replicas[0]
    assert replicas[1].startswith("Centro de Negocios Sercotec Chillán")
    alike = {
        li.find("a")["href"]: li.select_one(".rc-porque").get_text(strip=True)
        for block in section_after(page, "Prácticas parecidas")
        for li in block.select("li")
    }
    assert list(alike) == ["../diagnostico/", "../ferias-locales/"]  # declared first
    assert alike["../diagnostico/"] == "La relacionó quien escribió esta práctica."
    assert alike["../ferias-locales/"].startswith("Comparten: ")  # the tag «ventas», «vender»
    contact = " ".join(b.get_text(" ", strip=True) for b in section_after(page, "Contacto"))
    assert "Equipo de prueba" in contact and "equipo@ejemplo.cl" in contact
    # Without a contact of its own or of its center, the page says so and links the center.
    other = article(soup(site, "practicas/ferias-locales/"))
    text = " ".join(b.get_text(" ", strip=True) for b in section_after(other, "Contacto"))
    assert "publican un contacto todavía" in text


def test_example_practice_carries_a_notice(site: Path) -> None:
    page = article(soup(site, "practicas/diagnostico/"))
    notice = page.select_one(".admonition")
    assert notice is not None and "Práctica de ejemplo" in notice.get_text()
    assert article(soup(site, "practicas/ferias-locales/")).select_one(".admonition") is None


def test_drafts_are_left_out_unless_asked(site: Path, tmp_path: Path) -> None:
    assert not (site / "practicas" / "en-borrador").exists()
    assert "en-borrador" not in " ".join(links(soup(site, "practicas/")))
    root = create_repo(tmp_path / "repo", FIXTURE)
    result = build(root, "--drafts")
    assert result.returncode == 0, result.stderr
    draft = article(soup(root / "site", "practicas/en-borrador/"))
    assert "Borrador" in draft.select_one(".admonition").get_text()


def test_matrix_matches_the_replicas(site: Path) -> None:
    page = article(soup(site, "red/"))
    table = page.select_one(".rc-matriz table")
    header = [th.get_text(strip=True) for th in table.select("thead th")][1:]
    matrix = {}
    for row in table.select("tbody tr"):
        cells = [td.get_text(strip=True) for td in row.select("td")]
        for adopter, count in zip(header, cells[1:], strict=True):
            matrix[(cells[0], adopter)] = int(count)
    name = "Centro de Negocios Sercotec {}".format
    expected = {
        (name("Osorno"), name("Talca")): 1,
        (name("Osorno"), name("Chillán")): 1,
        (name("Talca"), name("Osorno")): 1,
    }
    assert {k: v for k, v in matrix.items() if v} == expected
    registered = next(h for h in page.select("h3") if h.get_text() == "Adopciones registradas")
    assert len(registered.find_next("table").select("tbody tr")) == 3


def test_network_page_is_honest_about_the_count_and_the_goal(site: Path) -> None:
    page = article(soup(site, "red/"))
    text = " ".join(page.get_text().split())
    brecha = page.select_one(".rc-brecha").get_text(" ", strip=True)
    assert brecha == "14 declarados, 13 identificados"
    assert "1 centro sigue sin identificar (cálculo del sitio: 14 menos 13)" in text
    assert "al menos 20 centros en 2021" in text
    assert "Claudia Martínez" in text
    growth = [
        [td.get_text(" ", strip=True) for td in tr.select("td")]
        for tr in page.select("h2 ~ table")[0].select("tbody tr")
    ]
    assert [row[:2] for row in growth] == [
        ["Inicio de 2020", "9 centros a inicios de 2020"],
        ["Fin de 2020", "14 centros a fines de 2020"],
        ["Meta para 2021", "al menos 20 centros en 2021"],
    ]
    facts = " ".join(page.select_one(".rc-ficha").get_text().split())
    assert "14 centros a fines de 2020" in facts  # the source gives no month
    assert "enero" not in facts and "diciembre" not in facts
    chart = page.select_one("figure.rc-crecimiento svg")
    assert chart.select_one("title").get_text() == (
        "Centros de la red en el tiempo, según la fuente, y meta (al menos 20)"
    )
    labels = [" ".join(t.stripped_strings) for t in chart.select("text")]
    assert labels == ["9", "inicio de 2020", "14", "fin de 2020", "al menos 20", "meta 2021"]


def test_centers_index_has_map_and_table(site: Path) -> None:
    page = article(soup(site, "centros/"))
    map_links = [a["href"] for a in page.select("figure.rc-mapa svg a")]
    assert sorted(map_links) == sorted(f"{c}/" for c in CENTERS)
    for href in map_links:
        assert (site / "centros" / href / "index.html").is_file()
    rows = page.select("table tbody tr")
    assert len(rows) == len(CENTERS) + 1  # plus the unidentified one
    assert "Sin identificar" in rows[-1].get_text()


def test_center_profile(site: Path) -> None:
    page = article(soup(site, "centros/talca/"))
    card = {
        dt.get_text(strip=True).rstrip(":"): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in page.select(".rc-ficha dt")
    }
    assert (
        card["Comuna"] == "Talca" and card["Región"] == "Maule" and card["Operador"] == "Codesser"
    )
    assert "Estado" not in card  # the source dates no state: the latest milestone instead
    assert card["Último hito"].startswith(
        "Adjudicado a Codesser como centro nuevo en 2020 (fuente:"
    )
    assert [li.get_text(" ", strip=True) for li in page.select(".rc-linea-tiempo li")] == [
        "2020 : Adjudicado a Codesser como centro nuevo. Según la fuente: "
        "«Nos adjudicamos dos nuevos: Copiapó y Talca»"
    ]
    originated = item_links(section_after(page, "Prácticas que originó"))
    assert originated == ["../../practicas/ferias-locales/", "../../practicas/diagnostico/"]
    adopted = " ".join(
        b.get_text(" ", strip=True)
        for b in section_after(page, "Prácticas que adoptó de otros centros")
    )
    assert "Centro de Negocios Sercotec Osorno" in adopted and "10 de enero de 2022" in adopted
    highlighted = page.select("svg a.mapa-centro--destacado")
    assert [a["href"] for a in highlighted] == ["./"]


def test_area_page_lists_its_practices(site: Path) -> None:
    page = article(soup(site, "areas/digitalizacion/"))
    hrefs = item_links(page.select(".rc-lista"))
    assert hrefs == ["../../practicas/ventas-online/", "../../practicas/diagnostico/"]


def test_yaml_values_show_literally(site: Path) -> None:
    page = soup(site, "practicas/ventas-online/")
    assert page.select_one("article h1").get_text() == HOSTILE_TITLE
    assert page.title.get_text().startswith(HOSTILE_TITLE)
    catalogue = article(soup(site, "practicas/"))
    assert catalogue.find("a", href="ventas-online/").get_text() == HOSTILE_TITLE
    assert not catalogue.select("online")
    assert not [e for e in catalogue.select("em, strong") if "rápidas" in e.get_text()]
    home_html = (site / "index.html").read_text(encoding="utf-8")
    assert "<online>" not in home_html


def test_mkdocs_build_fails_with_the_validator_message(tmp_path: Path) -> None:
    root = create_repo(
        tmp_path / "repo",
        {
            "practices/rota.md": practice(
                "titulo: Sin centro\nresumen: x\nareas: [digitalizacion]\n"
                "fecha: 2021-01-01\nestado: publicada"
            )
        },
    )
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "custom_dir: generator/site/theme", f"custom_dir: {REPO / 'generator' / 'site' / 'theme'}"
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "docs_site").mkdir()  # a clone has it: docs_site/.gitignore is committed
    result = subprocess.run(
        [str(MKDOCS), "build"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=50,
    )
    assert result.returncode == 1
    assert "practices/rota.md:2:1: error: Falta la clave obligatoria «centro»." in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_content_leaves_the_site_as_it_was(tmp_path: Path) -> None:
    root = create_repo(tmp_path / "repo")
    assert build(root).returncode == 0
    before = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    (root / "practices" / "diagnostico.md").write_text(
        "---\ntitulo: [sin cerrar\n---\n", encoding="utf-8"
    )
    result = build(root)
    assert result.returncode == 1
    assert re.search(r"practices/diagnostico\.md:\d+:\d+: error: ", result.stderr)
    assert "Traceback" not in result.stderr
    after = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    assert after == before


def test_repository_content_builds_strictly(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    for folder in ("content", "centers", "practices"):
        shutil.copytree(REPO / folder, root / folder)
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert "centros-sin-identificar" in result.stderr  # the honest 14/13 warning
    page = article(soup(root / "site", "red/"))
    brecha = page.select_one(".rc-brecha").get_text(" ", strip=True)
    assert brecha == "14 declarados, 13 identificados"


def test_material_search_files_stay_out_unless_its_search_plugin_is_on(site: Path) -> None:
    """The site searches with Pagefind: Material's lunr and search worker are not shipped."""
    scripts = site / "assets" / "javascripts"
    assert list(scripts.glob("bundle.*.js"))
    assert not (scripts / "lunr").exists() and not list(scripts.glob("workers/search.*"))

    def kept(plugins: list[str]) -> list[str]:
        lunr = File("assets/javascripts/lunr/min/lunr.es.min.js", "t", "s", use_directory_urls=True)
        files = drop_material_search(Files([lunr]), SimpleNamespace(plugins=dict.fromkeys(plugins)))
        return [f.src_uri for f in files]

    assert kept(["red-de-centros"]) == []
    assert kept(["material/search", "red-de-centros"]) == [
        "assets/javascripts/lunr/min/lunr.es.min.js"
    ]


def test_a_center_named_in_a_sentence_takes_its_article(site: Path) -> None:
    """«de» before a center's name contracts: «las novedades del Centro de Negocios…»."""
    pages = [*site.rglob("*.html"), *site.rglob("*.xml")]
    assert len(pages) > 30
    found = [
        f"{page.relative_to(site)}: {match.group(0)}"
        for page in pages
        for match in re.finditer(r"\bde Centro de Negocios \w+", page.read_text(encoding="utf-8"))
    ]
    assert found == []
    news = article(soup(site, "novedades/")).get_text(" ", strip=True)
    assert "del Centro de Negocios Sercotec" in news
