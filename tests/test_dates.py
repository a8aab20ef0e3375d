"""Dates as precise as their source, sorted by what they mean; states only with date and source."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.content.dates import PartialDate
from generator.content.models import Center, Milestone
from generator.content.pipeline import check
from generator.site.text import partial_date_es, partial_date_when
from generator.site.view import milestones, situation

from .conftest import REPO, MakeRepo


@pytest.mark.parametrize(
    ("written", "canonical", "precision", "shown", "after_a_verb"),
    [
        (2020, "2020", "año", "2020", "en 2020"),
        ("2020", "2020", "año", "2020", "en 2020"),
        (
            "inicio de 2020",
            "inicio de 2020",
            "parte-del-año",
            "inicio de 2020",
            "a inicios de 2020",
        ),
        ("fin de 2020", "fin de 2020", "parte-del-año", "fin de 2020", "a fines de 2020"),
        ("2020-12", "2020-12", "mes", "diciembre de 2020", "en diciembre de 2020"),
        (
            dt.date(2020, 12, 15),
            "2020-12-15",
            "día",
            "15 de diciembre de 2020",
            "el 15 de diciembre de 2020",
        ),
    ],
)
def test_a_date_keeps_the_precision_it_is_written_with(
    written: object, canonical: str, precision: str, shown: str, after_a_verb: str
) -> None:
    date = PartialDate.parse(written)
    assert str(date) == canonical and PartialDate.parse(canonical) == date
    assert date.precision == precision
    assert partial_date_es(date) == shown and partial_date_when(date) == after_a_verb


@pytest.mark.parametrize(
    "written", ["diciembre 2020", "2020-13", "2020-02-30", "20", "a fines de 2020", True, 2020.5]
)
def test_anything_else_is_not_a_date(written: object) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(written)


def test_partial_dates_sort_by_what_they_mean() -> None:
    written = ["fin de 2020", "2021", "2020", "2020-12", "inicio de 2020", "2020-03-05", "2019"]
    ordered = sorted((PartialDate.parse(w) for w in written), key=PartialDate.sort_key)
    assert [str(d) for d in ordered] == [
        "2019",
        "inicio de 2020",
        "2020-03-05",
        "2020",  # some time during 2020: after its start, before its end
        "2020-12",
        "fin de 2020",
        "2021",
    ]
    assert PartialDate.parse("inicio de 2020") < PartialDate.parse("2020")
    start, end = PartialDate.parse("fin de 2020"), PartialDate.parse("2020-02")
    assert (start.first_day, start.last_day) == (dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    assert (end.first_day, end.last_day) == (dt.date(2020, 2, 1), dt.date(2020, 2, 29))


def test_a_renewed_center_reads_forward_and_its_state_comes_from_its_latest_milestone() -> None:
    import yaml

    chillan = Center.model_validate(yaml.safe_load((REPO / "centers/chillan.yml").read_text()))
    # Written in the file with the renewal first: the page still starts at the start of 2020.
    reversed_center = chillan.model_copy(update={"hitos": list(reversed(chillan.hitos))})
    assert [str(m.fecha) for m in milestones(reversed_center)] == ["inicio de 2020", "2020"]
    state = situation(reversed_center)
    assert state is not None and state.label == "Último hito"
    assert state.text == "Renovado por un período de cinco años más en 2020"
    awarded = chillan.model_copy(
        update={"hitos": [Milestone(fecha="fin de 2020", evento="Adjudicado a Codesser.")]}  # type: ignore[arg-type]
    )
    state = situation(awarded)
    assert state is not None and state.text == "Adjudicado a Codesser a fines de 2020"
    assert state.source == chillan.fuente  # a milestone without a source has its center's


def problems_of(root: Path) -> list[tuple[str, int, str, str]]:
    _, problems = check(root)
    return [(p.file, p.line, p.code, p.message) for p in problems if p.severity == "error"]


def test_check_rejects_a_state_without_its_date_and_source(make_repo: MakeRepo) -> None:
    talca = (REPO / "centers/talca.yml").read_text()
    root = make_repo(
        {
            "centers/talca.yml": talca.replace(
                "operador: Codesser\n", "operador: Codesser\nestado: activo\n", 1
            ),
            "centers/osorno.yml": (REPO / "centers/osorno.yml")
            .read_text()
            .replace(
                "operador: Codesser\n",
                "operador: Codesser\nestado:\n  valor: activo\n  fecha: 2021\n",
            ),
        }
    )
    found = problems_of(root)
    codes = {(file, code) for file, _, code, _ in found}
    assert ("centers/talca.yml", "estado-sin-fuente") in codes
    assert ("centers/osorno.yml", "falta-clave") in codes
    (message,) = [m for f, _, c, m in found if c == "estado-sin-fuente"]
    assert "no dice desde cuándo ni según qué fuente" in message
    line = next(n for f, n, c, _ in found if c == "estado-sin-fuente")
    assert (root / "centers/talca.yml").read_text().splitlines()[line - 1] == "estado: activo"


def test_a_dated_sourced_state_is_valid_and_shown_as_such(make_repo: MakeRepo) -> None:
    osorno = (
        (REPO / "centers/osorno.yml")
        .read_text()
        .replace(
            "operador: Codesser\n",
            "operador: Codesser\nestado:\n  valor: activo\n  fecha: 2021-03\n"
            "  fuente: entrevista-2020\n",
        )
    )
    root = make_repo({"centers/osorno.yml": osorno})
    repo, problems = check(root)
    assert repo is not None and not [p for p in problems if p.severity == "error"]
    state = situation(repo.centers["osorno"].data)
    assert state is not None and (state.label, state.text) == ("Estado", "Activo (marzo de 2021)")


def test_check_rejects_a_date_the_source_could_not_give_and_says_how_to_write_one(
    make_repo: MakeRepo,
) -> None:
    talca = (
        (REPO / "centers/talca.yml").read_text().replace("- fecha: 2020", "- fecha: fines de 2020")
    )
    found = problems_of(make_repo({"centers/talca.yml": talca}))
    ((file, line, code, message),) = found
    assert (file, code) == ("centers/talca.yml", "fecha-invalida")
    assert talca.splitlines()[line - 1].strip() == "- fecha: fines de 2020"
    assert "«inicio de 2020», «fin de 2020»" in message


def test_a_quote_must_be_the_sources_exact_words(make_repo: MakeRepo) -> None:
    network = (REPO / "content/red.yml").read_text()
    changed = network.replace(
        "esperamos al menos llegar a una red de 20 centros", "esperamos llegar a 20 centros"
    )
    assert changed != network
    found = problems_of(make_repo({"content/red.yml": changed}))
    ((file, line, code, message),) = found
    assert (file, code) == ("content/red.yml", "cita-inexacta")
    assert changed.splitlines()[line - 1].strip().startswith("cita: Y el 2021 vamos por más")
    assert "content/paginas/fuente-entrevista-2020.md" in message
