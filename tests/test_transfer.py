"""Time to first adoption (generator/site/transfer.py): the figures, on /red/ and in the API."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.content.dates import PartialDate
from generator.content.models import Replica
from generator.content.pipeline import load_valid
from generator.site.transfer import Counted, figures, transfer
from generator.site.view import SiteView

from .conftest import MakeRepo
from .sitebuild import built_fixture, soup


def practice(front: str) -> str:
    sections = "".join(
        f"\n## {s}\nTexto.\n" for s in ("Contexto", "Qué hicimos", "Resultados", "Cómo replicarla")
    )
    return f"---\n{front.strip()}\n---\n{sections}"


# Known dates: first adoptions after 10 (uno), 30 (dos) and 20 (tres) days; cuatro is not
# adopted; an example and a draft never count.
KNOWN = {
    "practices/uno.md": practice("""
titulo: Uno
resumen: Primera.
centro: talca
areas: [digitalizacion]
fecha: 2021-01-01
estado: publicada
replicas:
  - {centro: chillan, fecha: 2021-03-01}
  - {centro: osorno, fecha: 2021-01-11}
"""),
    "practices/dos.md": practice("""
titulo: Dos
resumen: Segunda.
centro: osorno
areas: [digitalizacion, innovacion]
fecha: 2021-02-01
estado: publicada
replicas:
  - {centro: talca, fecha: 2021-03-03}
"""),
    "practices/tres.md": practice("""
titulo: Tres
resumen: Tercera.
centro: talca
areas: [vinculacion-ecosistema]
fecha: 2021-03-01
estado: publicada
replicas:
  - {centro: chillan, fecha: 2022-03-21}
"""),
    "practices/cuatro.md": practice("""
titulo: Cuatro
resumen: Cuarta.
centro: chillan
areas: [sustentabilidad]
fecha: 2021-04-01
estado: publicada
"""),
    "practices/borrador.md": practice("""
titulo: En borrador
resumen: Aún no.
centro: osorno
areas: [digitalizacion]
fecha: 2021-04-01
estado: borrador
"""),
}
# tres: 2021-03-01 -> 2022-03-21 is 385 days; the median of 10, 30, 385 is 30.


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_fixture(tmp_path_factory.mktemp("transferencia"), KNOWN)


def day(text: str) -> PartialDate:
    return PartialDate.parse(text)


def counted(date: str, *adoptions: tuple[str, str], center: str = "talca") -> Counted:
    return Counted(
        f"p-{date}",
        center,
        ("digitalizacion",),
        day(date),
        tuple((c, day(d)) for c, d in adoptions),
    )


def test_the_median_of_first_adoptions_in_days() -> None:
    found = figures(
        [
            counted("2021-01-01", ("osorno", "2021-01-11"), ("chillan", "2021-01-05")),
            counted("2021-01-01", ("osorno", "2021-01-21")),
            counted("2021-02-01", ("osorno", "2021-03-03")),
            counted("2021-02-01", ("osorno", "2021-02-08")),
            counted("2021-06-01"),
        ]
    )
    # First adoptions after 4, 20, 30 and 7 days: the median of four is the mean of 7 and 20.
    assert found == dataclasses.replace(
        found, practices=5, adopted=4, adoptions=5, median=13.5, unit="días", base=4, left_out=0
    )
    assert found.median_days == 13.5 and found.median_months is None


def test_fewer_than_three_is_not_enough() -> None:
    found = figures(
        [
            counted("2021-01-01", ("osorno", "2021-01-11")),
            counted("2021-01-01", ("a", "2021-02-01")),
        ]
    )
    assert (found.median, found.base, found.adopted) == (None, 2, 2)


def test_month_only_dates_count_in_months() -> None:
    found = figures(
        [
            counted("2021-01", ("osorno", "2021-03-30")),  # 2 months, not 88 days
            counted("2021-01-31", ("osorno", "2021-02-01")),  # by its months: 1
            counted("2021-05-10", ("osorno", "2021-09")),  # 4
            counted("2021-05-10", ("osorno", "2021-05-20")),  # 0
        ]
    )
    assert (found.unit, found.median, found.base) == ("meses", 1.5, 4)
    assert found.median_days is None and found.median_months == 1.5


def test_a_date_with_only_the_year_is_left_out_and_counted_as_such() -> None:
    found = figures(
        [
            counted("2021-01-01", ("osorno", "2021-01-11")),
            counted("2021-01-01", ("osorno", "2022")),
            counted("2021-01-01", ("osorno", "fin de 2022")),
            counted("2021-01-01", ("osorno", "2021-01-21")),
        ]
    )
    assert (found.adopted, found.base, found.left_out, found.median) == (4, 2, 2, None)


def test_per_year_lists_every_year_between_the_first_and_the_last_adoption() -> None:
    found = transfer(
        [
            counted("2019-01-01", ("osorno", "2019-05-01")),
            counted("2019-02-01", ("b", "2022-01-01")),
        ],
        ["digitalizacion"],
        ["talca", "osorno"],
    )
    assert found.per_year == ((2019, 1), (2020, 0), (2021, 0), (2022, 1))
    assert transfer([], [], []).per_year == ()


def test_examples_drafts_and_a_center_adopting_its_own_are_never_counted(
    make_repo: MakeRepo,
) -> None:
    root = make_repo(KNOWN)  # with the base files' example
    repo, _ = load_valid(root)
    # What `check` refuses, put in by hand: the view leaves it out all the same.
    for key, adopter in (("cuatro", "chillan"), ("diagnostico", "osorno"), ("borrador", "talca")):
        entry = repo.practices[key]
        replicas = [Replica(centro=adopter, fecha=entry.data.fecha)]
        data = entry.data.model_copy(update={"replicas": replicas})
        repo.practices[key] = dataclasses.replace(entry, data=data)
    found = SiteView(repo, drafts=True).transfer
    assert (found.network.practices, found.network.adopted, found.network.adoptions) == (4, 3, 4)
    assert found.centers["chillan"].adoptions == 0
    assert found.adopted_by["osorno"] == ("uno",)
    assert found.adopted_by["chillan"] == ("tres", "uno")


def figure_rows(page: BeautifulSoup, heading: str) -> dict[str, list[str]]:
    title = next(h for h in page.select("h3") if h.get_text(strip=True) == heading)
    table = title.find_next("table")
    return {
        row.select("td")[0].get_text(strip=True): [
            td.get_text(" ", strip=True) for td in row.select("td")[1:]
        ]
        for row in table.select("tbody tr")
    }


def test_network_page_shows_the_known_figures(site: Path) -> None:
    page = soup(site, "red/").select_one("article")
    shown = {
        span["data-calculo"]: span.get_text(strip=True)
        for span in page.select(".rc-transferencia [data-calculo]")
    }
    assert shown == {
        "transferencia:practicas": "4",
        "transferencia:adoptadas": "3",
        "transferencia:adopciones": "4",
        "transferencia:mediana": "30 días (3 prácticas)",
    }
    areas = figure_rows(page, "Por área")
    assert areas["Digitalización de los negocios"] == [
        "2",
        "2",
        "3",
        "sin datos suficientes (2 prácticas)",
    ]
    assert areas["Sustentabilidad"] == ["1", "0", "0", "sin datos suficientes (0 prácticas)"]
    centers = figure_rows(page, "Por centro")
    assert centers["Centro de Negocios Sercotec Talca"] == [
        "2",
        "2",
        "3",
        "sin datos suficientes (2 prácticas)",
    ]
    assert len(centers) == 13


def test_the_chart_of_adoptions_per_year_has_its_table(site: Path) -> None:
    page = soup(site, "red/").select_one("article")
    chart = page.select_one("svg[aria-labelledby='rc-grafico-adopciones-titulo']")
    assert chart is not None
    assert chart["role"] == "img"
    assert chart.select_one("title").get_text() == "Adopciones entre centros por año"
    description = chart.select_one("desc").get_text()
    assert (
        description == "4 adopciones de prácticas publicadas por otro centro: 3 en 2021, 1 en 2022."
    )
    assert chart["aria-describedby"] == chart.select_one("desc")["id"]
    assert [t.get_text() for t in chart.select("text.rc-grafico-etiqueta tspan")] == [
        "2021",
        "2022",
    ]
    assert figure_rows(page, "Adopciones por año") == {"2021": ["3"], "2022": ["1"]}
    assert not page.select("script")


def test_the_api_gives_the_same_figures(site: Path) -> None:
    data = json.loads((site / "api" / "transferencia.json").read_text(encoding="utf-8"))
    assert data["red"] == {
        "practicas": 4,
        "adoptadas": 3,
        "adopciones": 4,
        "mediana_dias_primera_adopcion": 30,
        "mediana_meses_primera_adopcion": None,
        "base": 3,
        "sin_fecha_precisa": 0,
    }
    areas = {a["id"]: a for a in data["areas"]}
    assert list(areas) == [
        "vinculacion-ecosistema",
        "mejora-continua",
        "digitalizacion",
        "innovacion",
        "sustentabilidad",
    ]
    assert areas["digitalizacion"]["mediana_dias_primera_adopcion"] is None
    assert areas["digitalizacion"]["base"] == 2
    centers = {c["id"]: c for c in data["centros"]}
    assert centers["chillan"]["adopto"] == ["tres", "uno"]
    assert centers["talca"]["adopto"] == ["dos"]
    assert (centers["talca"]["practicas"], centers["talca"]["adopciones"]) == (2, 3)
    schema = json.loads((site / "api" / "transferencia.schema.json").read_text(encoding="utf-8"))
    assert set(schema["properties"]) == {"version", "red", "areas", "centros"}
