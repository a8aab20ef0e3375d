"""The Spanish a person reads: counts agree with 1 and with 2, one form of address (tú) and one
verb per action in every form, CMS phrase, help text, page and message."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest
import yaml

from generator.authoring import cms, formatting
from generator.cli import build_parser, spanish_argparse
from generator.content.pipeline import check, load_valid

from .command import run_generator
from .conftest import REPO, MakeRepo
from .issuebodies import MINIMAL_PRACTICE, github_body
from .spanish import slips, strings


def messages(root: Path, code: str) -> list[str]:
    _, problems = check(root)
    return [p.message for p in problems if p.code == code]


def test_the_center_gap_agrees_with_one_and_with_two(make_repo: MakeRepo) -> None:
    (one,) = messages(make_repo(), "centros-sin-identificar")
    assert "La fuente declara 14 centros y hay 13 perfiles en centers/" in one
    assert "falta 1 por identificar. No inventes el que falta:" in one
    (two,) = messages(make_repo({"centers/osorno.yml": None}, name="b"), "centros-sin-identificar")
    assert "hay 12 perfiles en centers/: faltan 2 por identificar. No inventes los que faltan:" in (
        two
    )


def test_a_source_declaring_one_center_says_centro(make_repo: MakeRepo) -> None:
    root = make_repo()
    network = root / "content" / "red.yml"
    text = network.read_text(encoding="utf-8")
    network.write_text(
        text.replace("centros_declarados:\n  valor: 14", "centros_declarados:\n  valor: 1"),
        encoding="utf-8",
    )
    (message,) = messages(root, "centros-sin-identificar")
    assert message.startswith("La fuente declara 1 centro y hay 13 perfiles")


@pytest.mark.parametrize(
    ("removed", "expected"),
    [
        (["tarapaca"], "Falta la región con código 01: Chile tiene 16 regiones."),
        (["tarapaca", "antofagasta"], "Faltan las regiones con código 01, 02: Chile tiene 16"),
    ],
)
def test_missing_regions_agree_with_their_count(
    make_repo: MakeRepo, removed: list[str], expected: str
) -> None:
    root = make_repo()
    path = root / "content" / "taxonomia.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in removed:
        del data["regiones"][key]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (message,) = messages(root, "faltan-regiones")
    assert message.startswith(expected)


def test_format_counts_files_not_problems(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repeated = "---\ntitulo: x\ntitulo: y\nresumen: a\nresumen: b\n---\n"  # two problems
    root = make_repo({"practices/otra.md": repeated})
    formatting.run(root, [], check=True)
    err = capsys.readouterr().err
    assert "1 archivo con errores no se formateó" in err, err


def _help_texts(parser: argparse.ArgumentParser, name: str) -> dict[str, str]:
    texts = {name: parser.format_help()}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                texts |= _help_texts(sub, f"{name} {sub_name}")
    return texts


def _reader_texts() -> dict[str, str]:
    """Everything an author or a reader reads that is not built from content at run time."""
    texts: dict[str, str] = {}
    for form in sorted((REPO / ".github" / "ISSUE_TEMPLATE").glob("*.yml")):
        for i, text in enumerate(strings(yaml.safe_load(form.read_text(encoding="utf-8")))):
            texts[f"{form.name}[{i}]"] = text
    repo, _ = load_valid(REPO)
    config = cms.cms_config(
        repo.taxonomy.data, repo.network.data, repo.centers, cms.Backend(repo="o/r")
    )
    for i, text in enumerate(strings(config)):
        texts[f"admin/config.yml[{i}]"] = text
    for i, text in enumerate(strings(cms.SPANISH_PHRASES)):
        texts[f"frases-es.json[{i}]"] = text
    with spanish_argparse():
        texts |= _help_texts(build_parser(), "python -m generator")
    pages = [
        *sorted((REPO / "generator" / "site" / "templates").glob("*.j2")),
        *sorted((REPO / "content" / "paginas").glob("*.md")),
        *sorted((REPO / "tests" / "golden" / "validator").glob("*.yml")),
        REPO / "CONTRIBUTING.md",
        REPO / "README.md",
        REPO / ".github" / "pull_request_template.md",
    ]
    for path in pages:
        texts[str(path.relative_to(REPO))] = path.read_text(encoding="utf-8")
    return texts


def test_every_text_says_tu_and_one_verb_per_action() -> None:
    texts = _reader_texts()
    assert len(texts) > 200  # the forms, the CMS, the help, the pages: all of them are read
    assert slips(texts) == []


def test_a_slip_is_caught() -> None:
    """The patterns catch what they are for (a test that could not fail would prove nothing)."""
    assert slips({"a": "¿Está seguro de que desea borrar?", "b": "Revise el archivo."})
    assert slips({"c": "Eliminar entrada", "d": "Registrar que mi centro aplicó una práctica"})
    assert not slips({"e": "¿Seguro que quieres borrar? Revisa el archivo y agrégala."})


def test_the_forms_say_each_instruction_once() -> None:
    """A form field's description does not repeat itself («… separadas por comas. Sepáralas
    con comas.»), and a list of lines names what each line holds in its gender."""
    for form in (REPO / ".github" / "ISSUE_TEMPLATE").glob("*.yml"):
        data = yaml.safe_load(form.read_text(encoding="utf-8"))
        for field in data["body"]:
            description = field["attributes"].get("description", "")
            sentences = [s.strip().lower() for s in re.split(r"[.:]\s", description) if s]
            assert len(sentences) == len(set(sentences)), description
            assert "AAAA-MM-DD" not in description or description.count("AAAA-MM-DD") == 1
            assert "Una por línea" not in description, description  # indicadores, roles


def test_cms_phrases_file_is_json_with_spanish_only() -> None:
    phrases = json.loads((REPO / "generator/authoring/admin/frases-es.json").read_text())
    assert all(not re.search(r"\b(the|please|entry)\b", t, re.I) for t in strings(phrases))


def test_a_form_line_with_one_part_says_parte(make_repo: MakeRepo) -> None:
    root = make_repo()
    answers = {**MINIMAL_PRACTICE, "equipo": "Asesor", "resultados": "Indicador | 3"}
    body = root.parent / "cuerpo.md"
    body.write_text(github_body("practica", answers), encoding="utf-8")
    command = ["from-issue", "--root", str(root), "--form", "practica", str(body)]
    result = run_generator(*command)
    assert result.returncode == 1
    assert "tiene 1 parte y debe tener 2, separadas por «|»: rol | personas." in result.stderr
    assert "tiene 2 partes y debe tener de 3 a 4," in result.stderr


def test_checkbox_hints_agree_with_their_noun() -> None:
    """«Marca las que correspondan» for áreas, «los» for servicios and públicos."""
    form = yaml.safe_load(
        (REPO / ".github/ISSUE_TEMPLATE/proponer-practica.yml").read_text(encoding="utf-8")
    )
    hints = {
        field["id"]: field["attributes"]["description"]
        for field in form["body"]
        if field["type"] == "checkboxes"
    }
    article = {"areas": "las", "servicios": "los", "publicos": "los"}
    assert set(hints) == set(article)
    for key, hint in hints.items():
        assert hint.endswith(f"Marca {article[key]} que correspondan."), hint
