"""Titles and summaries have the same length limits in `check`, the editors' schemas and the
issue form (a 400 KB title tripled the site); tags are few and short (each names a page of its
own), and no number is larger than a page can write."""

from __future__ import annotations

import json

import pytest
import yaml

from generator.authoring.github_forms import FORM_FILES
from generator.content.fieldtypes import (
    MAX_SUMMARY_LENGTH,
    MAX_TAG_LENGTH,
    MAX_TAGS,
    MAX_TITLE_LENGTH,
)

from .checkrun import problems_of
from .command import cpu_seconds
from .conftest import REPO, VALID_PRACTICE, MakeRepo
from .sitebuild import build

TITLE = "titulo: Diagnóstico de digitalización para almaceneros"
SUMMARY = (
    "resumen: Un diagnóstico breve que ordena qué digitalizar primero en un almacén de barrio."
)


@pytest.mark.parametrize(
    ("line", "key", "limit"),
    [(TITLE, "titulo", MAX_TITLE_LENGTH), (SUMMARY, "resumen", MAX_SUMMARY_LENGTH)],
)
def test_a_practice_over_the_limit_is_refused_at_its_value(
    make_repo: MakeRepo, line: str, key: str, limit: int
) -> None:
    at_limit = VALID_PRACTICE.replace(line, f"{key}: {'a' * limit}")
    over = VALID_PRACTICE.replace(line, f"{key}: {'a' * (limit + 1)}  ")
    assert problems_of(make_repo({"practices/diagnostico.md": at_limit}, name="justo")) == []
    [problem] = problems_of(make_repo({"practices/diagnostico.md": over}, name="largo"))
    row = over.splitlines().index(f"{key}: {'a' * (limit + 1)}  ") + 1
    assert (problem["line"], problem["column"], problem["code"]) == (
        row,
        len(key) + 3,
        "texto-demasiado-largo",
    )
    assert f"tiene {limit + 1} caracteres y puede tener hasta {limit}" in str(problem["message"])


def test_a_page_title_has_the_limit_too(make_repo: MakeRepo) -> None:
    page = f"---\ntitulo: {'Página ' * 30}\n---\n\nTexto.\n"
    [problem] = problems_of(make_repo({"content/paginas/larga.md": page}))
    assert (problem["file"], problem["line"], problem["code"]) == (
        "content/paginas/larga.md",
        2,
        "texto-demasiado-largo",
    )


def test_a_400_kb_title_is_refused_quickly(make_repo: MakeRepo) -> None:
    text = VALID_PRACTICE.replace(TITLE, f"titulo: {'Feria ' * 70_000}")
    root = make_repo({"practices/diagnostico.md": text})
    started = cpu_seconds()
    [problem] = problems_of(root)
    assert cpu_seconds() - started < 5
    assert problem["code"] == "texto-demasiado-largo"
    assert "tiene 419.999 caracteres" in str(problem["message"])


def test_the_form_and_the_schema_say_the_same_limits() -> None:
    form = yaml.safe_load((REPO / FORM_FILES["practica"]).read_text(encoding="utf-8"))
    described = {e["id"]: e["attributes"]["description"] for e in form["body"] if "id" in e}
    assert f"Hasta {MAX_TITLE_LENGTH} caracteres." in described["titulo"]
    assert f"Hasta {MAX_SUMMARY_LENGTH} caracteres." in described["resumen"]
    schema = json.loads((REPO / "schemas" / "practica.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["titulo"]["maxLength"] == MAX_TITLE_LENGTH
    assert schema["properties"]["resumen"]["maxLength"] == MAX_SUMMARY_LENGTH


@pytest.mark.parametrize(
    ("tags", "code"),
    [
        ([f"etiqueta {i}" for i in range(MAX_TAGS + 1)], "demasiados-elementos"),
        (["a" * (MAX_TAG_LENGTH + 1)], "texto-demasiado-largo"),  # a name past any file system
    ],
)
def test_tags_are_few_and_short(make_repo: MakeRepo, tags: list[str], code: str) -> None:
    listed = "".join(f"\n  - {tag}" for tag in tags)
    text = VALID_PRACTICE.replace("estado: ejemplo", f"estado: ejemplo\netiquetas:{listed}")
    [problem] = problems_of(make_repo({"practices/diagnostico.md": text}))
    assert problem["code"] == code
    fits = VALID_PRACTICE.replace(
        "estado: ejemplo", f"estado: ejemplo\netiquetas: [{'b' * MAX_TAG_LENGTH}]"
    )
    assert problems_of(make_repo({"practices/diagnostico.md": fits}, name="bien")) == []


@pytest.mark.parametrize("number", ["9" * 22, "0x" + "f" * 5_000, "-" + "1" * 30])
def test_a_number_no_page_could_show_is_refused_where_it_is_written(
    make_repo: MakeRepo, number: str
) -> None:
    """0x followed by 5,000 «f» passed check, and build died writing it (Python writes no
    integer of more than 4,300 digits)."""
    text = VALID_PRACTICE.replace("estado: ejemplo", f"estado: ejemplo\ncosto: {number}")
    root = make_repo({"practices/diagnostico.md": text})
    [problem] = problems_of(root)
    row = text.splitlines().index(f"costo: {number}") + 1
    assert (problem["line"], problem["column"], problem["code"]) == (
        row,
        8,
        "numero-demasiado-grande",
    )
    result = build(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_a_tag_of_letters_that_write_several_still_names_a_short_file(make_repo: MakeRepo) -> None:
    """«ⅷ» is «viii» in its address: 80 of them made a name of 320 characters (and its file,
    no file system holds one of 255 bytes)."""
    tag = "ⅷ" * MAX_TAG_LENGTH
    text = VALID_PRACTICE.replace("estado: ejemplo", f"estado: publicada\netiquetas: [{tag}]")
    root = make_repo({"practices/diagnostico.md": text})
    result = build(root)
    assert result.returncode == 0, result.stderr
    [page] = [p for p in (root / "site" / "etiquetas").iterdir() if p.name.startswith("viii")]
    assert len(page.name) <= 80
