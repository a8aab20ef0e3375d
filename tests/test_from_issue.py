"""`python -m generator from-issue`: answered issue forms become valid files, or nothing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from generator.authoring import canonical
from generator.content.frontmatter import split_front_matter

from .command import run_generator
from .conftest import PUBLISHED_PRACTICE, MakeRepo
from .issuebodies import FULL_PRACTICE, MINIMAL_PRACTICE, github_body, replica_answers


def from_issue(root: Path, form: str, body: str | bytes) -> subprocess.CompletedProcess[str]:
    path = root.parent / f"cuerpo-{form}.md"
    if isinstance(body, str):
        body = body.encode("utf-8")
    path.write_bytes(body)
    return run_generator("from-issue", "--root", str(root), "--form", form, str(path))


def check(root: Path) -> subprocess.CompletedProcess[str]:
    return run_generator("check", "--root", str(root))


def is_canonical(path: Path, root: Path) -> bool:
    rel = path.relative_to(root).as_posix()
    text = path.read_text(encoding="utf-8")
    return canonical.format_text(rel, text) == text


def header(path: Path) -> dict[str, object]:
    split, _ = split_front_matter(path.read_text(encoding="utf-8"), path.name)
    assert split is not None
    data = yaml.safe_load(split.yaml_text)
    assert isinstance(data, dict)
    return data


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_full_practice_form_becomes_a_valid_practice(make_repo: MakeRepo) -> None:
    root = make_repo()
    result = from_issue(root, "practica", github_body("practica", FULL_PRACTICE))
    assert result.returncode == 0, result.stderr
    written = root / "practices" / "feria-de-almaceneros-id.md"
    assert "practices/feria-de-almaceneros-id.md" in result.stdout
    assert check(root).returncode == 0
    assert is_canonical(written, root)
    data = header(written)
    assert data["titulo"] == "Feria de almaceneros 🛒 `$(id)`"
    assert data["resumen"] == "Una feria donde los almaceneros muestran sus productos; " + (
        "\"comillas\" y 'simples'."
    )
    assert data["areas"] == ["vinculacion-ecosistema", "digitalizacion"]
    assert data["publicos"] == ["comerciante"]
    assert "servicios" not in data  # nothing checked: nothing written
    assert data["etiquetas"] == ["ferias", "redes sociales"]
    assert data["costo"] == 150000
    assert data["dificultad"] == "media"
    assert data["tiempo"] == {"preparacion": "2 semanas"}
    assert data["equipo"] == [
        {"rol": "Asesor de vinculación", "personas": 2},
        {"rol": "Coordinadora", "personas": 1},
    ]
    assert data["materiales"] == ["Toldos", "Mesas plegables"]
    [result_row] = data["resultados"]  # type: ignore[misc]
    assert result_row["valor"] == 23 and str(result_row["fecha"]) == "2021-05-02"
    text = written.read_text(encoding="utf-8")
    assert "\r" not in text
    assert '$(rm -rf ~) && echo "listo" `whoami` ${{ github.token }}' in text
    assert "> Ojo con la lluvia." in text


def test_empty_optional_fields_write_nothing(make_repo: MakeRepo) -> None:
    root = make_repo()
    result = from_issue(root, "practica", github_body("practica", MINIMAL_PRACTICE, crlf=False))
    assert result.returncode == 0, result.stderr
    data = header(root / "practices" / "taller-de-precios.md")
    assert set(data) == {"titulo", "resumen", "centro", "areas", "fecha", "estado"}
    assert check(root).returncode == 0


@pytest.mark.parametrize(
    "title",
    [
        '!!python/object/apply:os.system ["echo pwned"]',
        "--- *alias &ancla {llave: valor} [lista] # comentario",
        "Título: con dos puntos y 'comillas' \"dobles\" \\ barra",
        "<script>alert(1)</script> ${{ github.event.issue.title }}",
    ],
)
def test_hostile_titles_stay_text(make_repo: MakeRepo, title: str) -> None:
    root = make_repo()
    result = from_issue(
        root, "practica", github_body("practica", {**MINIMAL_PRACTICE, "titulo": title})
    )
    assert result.returncode == 0, result.stderr
    [written] = [p for p in (root / "practices").glob("*.md") if p.name != "diagnostico.md"]
    assert header(written)["titulo"] == title
    assert check(root).returncode == 0


def test_headings_inside_an_answer_become_subsections(make_repo: MakeRepo) -> None:
    root = make_repo()
    answers = {
        **MINIMAL_PRACTICE,
        "seccion-contexto": "Antes.\n\n## Resultados\n\n# Uno\n\n```\n## en código\n```",
    }
    result = from_issue(root, "practica", github_body("practica", answers))
    assert result.returncode == 0, result.stderr
    lines = (root / "practices" / "taller-de-precios.md").read_text(encoding="utf-8").splitlines()
    assert "### Resultados" in lines and "### Uno" in lines and "## en código" in lines
    assert [line for line in lines if line.startswith("## ")] == [
        "## Contexto",
        "## en código",
        "## Qué hicimos",
        "## Resultados",
        "## Cómo replicarla",
    ]
    assert check(root).returncode == 0


def test_problems_name_the_fields_and_nothing_is_written(make_repo: MakeRepo) -> None:
    root = make_repo()
    before = snapshot(root)
    answers = {
        **FULL_PRACTICE,
        "fecha": "2021-13-45",
        "costo": "mucho",
        "equipo": "Asesor | dos",
        "resultados": "Solo un indicador sin valor",
        "contacto-correo": "no-es-correo",
    }
    result = from_issue(root, "practica", github_body("practica", answers))
    assert result.returncode == 1, result.stdout
    lines = result.stderr.splitlines()
    assert (
        lines[0]
        == "No se escribió nada. Corrige en el formulario (editando el issue) lo siguiente:"
    )
    # Every problem at once (those of the answers and what `check` finds in the file the rest
    # would make), each said of its field by the label the form shows, in the form's order.
    named = [line.split("»")[0].removeprefix("- «") for line in lines[1:]]
    expected = ["Fecha", "Resultados medidos", "Equipo", "Costo aproximado", "Contacto: correo"]
    assert named == expected
    assert "practices/" not in result.stderr and ".md" not in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(root) == before


def test_an_unknown_center_and_a_taken_title(make_repo: MakeRepo) -> None:
    root = make_repo()
    answers = {**MINIMAL_PRACTICE, "centro": "Centro inventado (atlantida)"}
    result = from_issue(root, "practica", github_body("practica", answers))
    assert result.returncode == 1
    assert "«Centro»" in result.stderr and "atlantida" in result.stderr
    answers = {**MINIMAL_PRACTICE, "titulo": "Diagnóstico"}
    result = from_issue(root, "practica", github_body("practica", answers))
    assert result.returncode == 1
    assert "«Título»: ya hay una práctica con ese título" in result.stderr
    assert "practices/" not in result.stderr


def test_warnings_are_said_in_the_form_s_words_and_the_file_is_written(
    make_repo: MakeRepo,
) -> None:
    """What `check` would warn of reaches the contributor: the title of another practice is a
    question, a text that says nothing was measured beside a measured result is said of the
    section, both in the form's words; the file is written all the same."""
    root = make_repo()
    answers = {
        **FULL_PRACTICE,
        "titulo": "diagnóstico de DIGITALIZACIÓN para almaceneros",
        "seccion-resultados": "Sin resultados medidos todavía.",
    }
    result = from_issue(root, "practica", github_body("practica", answers))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "Escribí la práctica nueva practices/diagnostico-de-digitalizacion-para-almaceneros.md.",
        "Revisa también esto, que no impide escribir la ficha:",
    ]
    title, results = lines[2:]
    assert title.startswith("- «Título»: ya hay una práctica con un título que se escribe igual")
    assert "«Diagnóstico de digitalización para almaceneros» (/practicas/diagnostico/)" in title
    assert "¿Es la misma práctica?" in title
    assert results.startswith("- «Resultados»: dice «Sin resultados medidos», pero en «Resultados")
    assert "practices/diagnostico.md" not in result.stdout and result.stderr == ""
    codes = {line.rsplit("(", 1)[-1] for line in check(root).stdout.splitlines()}
    assert {"titulo-repetido)", "resultados-contradictorios)"} <= codes


def test_a_body_of_another_form_is_a_usage_error(make_repo: MakeRepo) -> None:
    root = make_repo()
    before = snapshot(root)
    replica = github_body("replica", replica_answers("diagnostico", "osorno"))
    result = from_issue(root, "practica", replica)
    assert result.returncode == 2
    assert "--form replica" in result.stderr
    practice = github_body("practica", MINIMAL_PRACTICE)
    assert from_issue(root, "replica", practice).returncode == 2
    assert from_issue(root, "replica", "Hola, quiero proponer algo.").returncode == 2
    assert from_issue(root, "replica", b"\xff\xfe no es UTF-8").returncode == 2
    assert snapshot(root) == before


def test_an_adoption_is_added_and_the_rest_of_the_file_is_kept(make_repo: MakeRepo) -> None:
    root = make_repo()
    path = root / "practices" / "diagnostico.md"
    original = canonical.format_text("practices/diagnostico.md", PUBLISHED_PRACTICE)
    path.write_text(original, encoding="utf-8")  # as the repository keeps it (format --check)
    answers = replica_answers(
        "https://ejemplo.github.io/red/practicas/diagnostico/",
        "osorno",
        nota="Lo adaptamos a *ferias* rurales 🚜, con `planilla`.",
        resultados="| Almacenes diagnosticados | 14 | Planilla del centro | 2021-12-01 |",
    )
    result = from_issue(root, "replica", github_body("replica", answers))
    assert result.returncode == 0, result.stderr
    assert check(root).returncode == 0
    [replica] = header(path)["replicas"]  # type: ignore[misc]
    assert replica["centro"] == "osorno" and str(replica["fecha"]) == "2021-09-01"
    assert replica["nota"] == "Lo adaptamos a *ferias* rurales 🚜, con `planilla`."
    assert replica["resultados"][0]["valor"] == 14
    assert is_canonical(path, root)
    new = path.read_text(encoding="utf-8")
    added = [line for line in new.splitlines() if line not in original.splitlines()]
    assert added[0] == "replicas:" and len(new.splitlines()) == len(original.splitlines()) + len(
        added
    )
    # A second center goes after the first; the same center again is refused.
    second = replica_answers("diagnostico", "Centro de Negocios Sercotec Chillán (chillan)")
    assert from_issue(root, "replica", github_body("replica", second)).returncode == 0
    assert [r["centro"] for r in header(path)["replicas"]] == ["osorno", "chillan"]  # type: ignore[attr-defined]
    before = snapshot(root)
    again = from_issue(root, "replica", github_body("replica", second))
    assert again.returncode == 1
    assert "«Centro que la adoptó»" in again.stderr
    assert snapshot(root) == before


def test_adoption_problems(make_repo: MakeRepo) -> None:
    root = make_repo({"practices/diagnostico.md": PUBLISHED_PRACTICE})
    before = snapshot(root)
    cases = {
        "«Práctica»": replica_answers("diagnostic", "osorno"),
        "«Práctica» ": replica_answers("..", "osorno"),
        " «Práctica»": replica_answers("diagnostico\x00", "osorno"),
        "«Centro que la adoptó»": replica_answers("diagnostico", "talca"),  # its own center
        "«Fecha»": {**replica_answers("diagnostico", "osorno"), "fecha": "2020-01-01"},
    }
    for label, answers in cases.items():
        result = from_issue(root, "replica", github_body("replica", answers))
        assert result.returncode == 1, result.stdout
        assert label.strip() in result.stderr, result.stderr
    assert (
        "diagnostico"
        in from_issue(root, "replica", github_body("replica", cases["«Práctica»"])).stderr
    )  # the suggestion
    assert snapshot(root) == before


def test_an_adoption_reports_every_problem_in_one_reply(make_repo: MakeRepo) -> None:
    """A practice that cannot take the adoption does not hide what is wrong with the rest:
    the contributor fixes everything in one edit, as with the practice form."""
    root = make_repo(
        {
            "practices/diagnostico.md": PUBLISHED_PRACTICE,
            "practices/ejemplo.md": PUBLISHED_PRACTICE.replace("publicada", "ejemplo"),
        }
    )
    before = snapshot(root)
    wrong_key = {**replica_answers("diagnostic", "osorno"), "fecha": "marzo 2023"}
    example = {**replica_answers("ejemplo", "atlantida"), "nota": "Con \u202eserairf"}
    said = {}
    for name, answers, expected in (
        ("clave", wrong_key, ["Práctica", "Fecha"]),
        ("ejemplo", example, ["Práctica", "Centro que la adoptó", "Nota"]),
    ):
        result = from_issue(root, "replica", github_body("replica", answers))
        assert result.returncode == 1, result.stdout
        lines = result.stderr.splitlines()[1:]
        assert [line.split("»")[0].removeprefix("- «") for line in lines] == expected, lines
        said[name] = result.stderr
    assert "¿Quisiste decir «diagnostico»?" in said["clave"]
    assert "«marzo 2023» no es una fecha válida" in said["clave"]
    assert "es un ejemplo de formato" in said["ejemplo"] and "«atlantida»" in said["ejemplo"]
    assert snapshot(root) == before


def test_usage_errors(make_repo: MakeRepo, tmp_path: Path) -> None:
    root = make_repo()
    run = ["from-issue", "--root", str(root)]
    missing = run_generator(*run, "--form", "practica", str(tmp_path / "no-existe.md"))
    assert missing.returncode == 2 and "no se pudo leer" in missing.stderr
    assert "no existe" in missing.stderr and "No such file" not in missing.stderr
    wrong = run_generator(*run, "--form", "centro", "x")
    assert wrong.returncode == 2 and "error de uso" in wrong.stderr
