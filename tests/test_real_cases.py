"""Counts count only real cases: an example or a draft has no adoptions, no total counts an
example without saying so, and a text that says nothing was measured agrees with `resultados`."""

from __future__ import annotations

import dataclasses

import pytest

from generator.content.models import Replica
from generator.content.pipeline import check
from generator.site.view import SiteView

from .checkrun import problems_of
from .conftest import VALID_PRACTICE, MakeRepo

ADOPTION = "replicas:\n  - centro: osorno\n    fecha: 2021-05-01\n"
MEASURED = "resultados:\n  - indicador: Almacenes\n    valor: 18\n    fuente: Registro del centro\n"


def practice(status: str, head: str = "", body: str = "Texto.") -> str:
    text = VALID_PRACTICE.replace("estado: ejemplo\n", f"estado: {status}\n{head}")
    return text.replace("## Resultados\nTexto.", f"## Resultados\n{body}")


@pytest.mark.parametrize(
    ("status", "code", "said"),
    [
        ("ejemplo", "replica-de-ejemplo", "ejemplo de formato"),
        ("borrador", "replica-de-borrador", "borrador"),
    ],
)
def test_an_adoption_of_an_example_or_a_draft_is_an_error(
    make_repo: MakeRepo, status: str, code: str, said: str
) -> None:
    text = practice(status, ADOPTION)
    root = make_repo({"practices/diagnostico.md": text})
    errors = [p for p in problems_of(root) if p["severity"] == "error"]
    line = text.splitlines().index("  - centro: osorno") + 1
    assert [(p["code"], p["line"], p["column"]) for p in errors] == [(code, line, 5)]
    message = str(errors[0]["message"])
    assert said in message and "Borra esta réplica" in message


def test_an_adoption_of_a_published_practice_is_valid(make_repo: MakeRepo) -> None:
    root = make_repo({"practices/diagnostico.md": practice("publicada", ADOPTION)})
    assert [p for p in problems_of(root) if p["severity"] == "error"] == []


def test_the_site_never_counts_an_adoption_of_an_example(make_repo: MakeRepo) -> None:
    """Even one that reached the site (check refuses it): it is left out of every count."""
    root = make_repo({"practices/diagnostico.md": practice("publicada", ADOPTION)})
    repository, _ = check(root)
    assert repository is not None
    assert SiteView(repository).counts["adopciones"] == 1
    entry = repository.practices["diagnostico"]
    replica = Replica(centro="osorno", fecha=entry.data.fecha)
    for status in ("ejemplo", "borrador"):
        data = entry.data.model_copy(update={"estado": status, "replicas": [replica]})
        repository.practices["diagnostico"] = dataclasses.replace(entry, data=data)
        view = SiteView(repository, drafts=True)
        assert view.counts["adopciones"] == 0
        assert view.matrix == ([], [], {})
        assert view.adopted == {}


@pytest.mark.parametrize(
    ("said", "from_"),  # the line, and where in it the warning points
    [
        ("Sin resultados medidos.", "Sin"),
        ("Por ahora: sin resultados medidos todavía", "sin"),
        ("SIN RESULTADOS MEDIDOS TODAVÍA", "SIN"),
        ("Aún no hay resultados medidos.", "Aún"),
        ("Por ahora aun no hay  resultados medidos.", "aun"),
        ("Todavía no hay resultados medidos.", "Todavía"),
        ("No se han medido resultados.", "No"),
        ("Este año no se han medido los resultados.", "no"),
        ("no se ha medido resultados", "no"),
    ],
)
def test_saying_nothing_was_measured_beside_measured_results_is_a_warning(
    make_repo: MakeRepo, said: str, from_: str
) -> None:
    text = practice("publicada", MEASURED, f"Texto.\n{said}")
    root = make_repo({"practices/diagnostico.md": text})
    [problem] = problems_of(root)
    assert (problem["code"], problem["severity"]) == ("resultados-contradictorios", "warning")
    line = text.splitlines().index(said) + 1
    assert (problem["line"], problem["column"]) == (line, said.index(from_) + 1)
    measured_line = text.splitlines().index("resultados:") + 1
    assert f"(línea {measured_line}) lista 1 resultado medido" in str(problem["message"])


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ("", "Sin resultados medidos todavía."),  # nothing measured: it agrees
        (MEASURED, "Se midieron 18 almacenes."),
        (MEASURED, "```\nSin resultados medidos todavía.\n```"),  # code is shown, not said
        (MEASURED, "Los resultados medidos muestran 18 almacenes sin problemas."),
    ],
)
def test_no_warning_when_text_and_results_agree(make_repo: MakeRepo, head: str, body: str) -> None:
    root = make_repo({"practices/diagnostico.md": practice("publicada", head, body)})
    assert problems_of(root) == []
