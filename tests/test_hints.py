"""Hints are right or absent: what a message guesses (an encoding, a file's new name, the
letter meant, the nesting) is what the bytes say; a rule broken 20,000 times reads as one; the
scaffold says only what it did."""

from __future__ import annotations

import re
import unicodedata
from importlib import resources
from pathlib import Path

import pytest

from generator.authoring import scaffold
from generator.content.linkcheck import NearestFile
from generator.content.links import linkable
from generator.content.pipeline import check
from generator.text import slugify

from .checkrun import problems_of, run_check
from .command import cpu_seconds
from .conftest import VALID_PRACTICE, MakeRepo

# --- encodings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (VALID_PRACTICE.encode("utf-16"), "UTF-16 LE (con BOM)"),  # Python writes LE with a BOM
        (b"\xfe\xff" + VALID_PRACTICE.encode("utf-16-be"), "UTF-16 BE (con BOM)"),
        (VALID_PRACTICE.encode("utf-16-le"), "UTF-16 LE (sin BOM)"),
        (VALID_PRACTICE.encode("utf-16-be"), "UTF-16 BE (sin BOM)"),
        (VALID_PRACTICE.encode("utf-32"), "UTF-32 LE (con BOM)"),
        (b"\xef\xbb\xbf" + VALID_PRACTICE.encode("latin-1"), "UTF-8 con BOM"),
        (VALID_PRACTICE.encode("cp1252"), "Latin-1 o Windows-1252"),
    ],
)
def test_the_encoding_named_is_the_one_the_bytes_say(
    make_repo: MakeRepo, data: bytes, named: str
) -> None:
    root = make_repo({"practices/diagnostico.md": data})
    [problem] = problems_of(root)
    assert problem["code"] == "codificacion"
    message = str(problem["message"])
    assert named in message
    assert ("Latin-1" in message) == (named in ("Latin-1 o Windows-1252", "UTF-8 con BOM"))
    assert "nulos" not in message  # UTF-16's zero bytes are not a Word document


def test_utf8_with_a_bom_is_read(make_repo: MakeRepo) -> None:
    root = make_repo({"practices/diagnostico.md": VALID_PRACTICE.encode("utf-8-sig")})
    assert problems_of(root) == []


# --- new names ---------------------------------------------------------------------------------

NAMED = re.compile(r"(?:Renómbralo a|renombra este archivo a|por ejemplo a) «([^»]+)»")


def test_a_suggested_name_is_never_a_file_that_exists(make_repo: MakeRepo) -> None:
    practice = VALID_PRACTICE
    files = {
        "practices/Diagnostico.md": practice,  # beside diagnostico.md
        "practices/Feria.md": practice,
        "practices/FERIA.md": practice,  # both would become feria.md
        "practices/nueva feria.md": practice,  # nothing in the way
        "centers/osorno.yaml": "nombre: x\n",  # beside osorno.yml
        "centers/nuevo.yaml": "nombre: x\n",
        "content/paginas/red.md": "---\ntitulo: Red\n---\n\nTexto.\n",
        "content/paginas/red-red.md": "---\ntitulo: Red\n---\n\nTexto.\n",
    }
    root = make_repo(files)
    suggested = {}
    for problem in problems_of(root):
        for name in NAMED.findall(str(problem["message"])):
            folder = Path(str(problem["file"])).parent
            assert not (root / folder / name).exists(), problem
            suggested[problem["file"]] = name
    assert suggested == {
        "practices/nueva feria.md": "nueva-feria.md",
        "centers/nuevo.yaml": "nuevo.yml",
        "content/paginas/red.md": "pagina-red.md",
    }
    messages = {p["file"]: str(p["message"]) for p in problems_of(root)}
    assert "«diagnostico.md» ya existe" in messages["practices/Diagnostico.md"]
    assert "«osorno.yml» ya existe" in messages["centers/osorno.yaml"]
    assert "el mismo que el de «FERIA.md»" in messages["practices/Feria.md"]


CONFUSABLES = resources.files("generator").joinpath("data/confusables.txt")


def test_the_confusables_table_is_unicodes() -> None:
    """Each row: a non-ASCII character, its ASCII twin, and Unicode's name for it."""
    text = CONFUSABLES.read_text(encoding="utf-8")
    assert "Version: 17.0.0" in text.splitlines()[2]
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    assert len(rows) > 500
    for code, twin, name in rows:
        char = chr(int(code, 16))
        assert not char.isascii() and re.fullmatch(r"[A-Za-z0-9]+", twin)
        assert unicodedata.name(char, name) == name
    table = {chr(int(code, 16)): twin for code, twin, _ in rows}
    cyrillic = {"a": "A", "c": "ES", "e": "IE", "o": "O", "p": "ER", "x": "HA"}
    for latin, name in cyrillic.items():
        assert table[unicodedata.lookup(f"CYRILLIC SMALL LETTER {name}")] == latin


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("mes\u0430-ecosistema-local", "mesa-ecosistema-local"),  # Cyrillic а
        ("Ρесерсión", "pecepcion"),  # Greek Ρ, Cyrillic е, с: the letters a reader sees
        ("Diagnóstico", "diagnostico"),
        ("ｔａｌｃａ", "talca"),  # full-width letters
    ],
)
def test_a_lookalike_letter_becomes_its_latin_twin(written: str, key: str) -> None:
    assert slugify(written) == key


def test_a_file_name_with_a_cyrillic_letter_is_told_the_latin_name(make_repo: MakeRepo) -> None:
    root = make_repo({"practices/mes\u0430-ecosistema-local.md": VALID_PRACTICE})
    [problem] = problems_of(root)
    message = str(problem["message"])
    assert "Renómbralo a «mesa-ecosistema-local.md»" in message
    assert "«а» (U+0430 CYRILLIC SMALL LETTER A) en vez de «a»" in message


# --- links to a file that is not there --------------------------------------------------------


def test_a_link_is_told_the_file_meant_among_thousands_within_a_bound() -> None:
    """A name written nearly alike in the same folder, or the same name in another one; never
    a draft, nor a file of another kind; a few milliseconds a link at 10,000 practices."""
    practices = [f"practica-{n}-de-ferias" for n in range(10_000)]
    site = linkable(
        [*practices, "mesa-ecosistema-local", "borrador-de-mesa"],
        ["contribuir"],
        ["talca"],
        [],
        [],
        [],
        drafts=["borrador-de-mesa"],
    )
    meant = NearestFile(site)
    started = cpu_seconds()
    for _ in range(100):
        assert meant("practices/mesa-ecosistema-locl.md") == "practices/mesa-ecosistema-local.md"
    assert cpu_seconds() - started < 3  # 0.1 s a link when difflib weighed them all
    assert meant("centers/talka.yml") == "centers/talca.yml"
    assert meant("centers/talca.md") is None  # a center is linked by its .yml
    assert meant("contribuir.md") == "content/paginas/contribuir.md"
    assert meant("practices/borrador-de-mesa.md") != "practices/borrador-de-mesa.md"
    assert meant("centers/zzz.yml") is None


# --- nesting -----------------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [60, 900, 1000, 10_000])
def test_deep_nesting_gets_the_nesting_message(make_repo: MakeRepo, depth: int) -> None:
    nested = "[" * depth + "]" * depth
    practice = re.sub(r"(?m)^titulo: .*$", f"titulo: {nested}", VALID_PRACTICE)
    center = f"nombre: {{a: {nested}}}\n"
    root = make_repo({"practices/diagnostico.md": practice, "centers/osorno.yml": center})
    found = {(p["file"], p["line"]) for p in problems_of(root) if p["code"] == "yaml-profundidad"}
    assert found == {("practices/diagnostico.md", 2), ("centers/osorno.yml", 1)}
    messages = {str(p["message"]) for p in problems_of(root) if p["code"] == "yaml-profundidad"}
    assert len(messages) == 1 and "demasiados niveles" in messages.pop()


# --- many problems of one rule -----------------------------------------------------------------


def test_more_than_20_of_a_rule_are_summarised_in_text_only(make_repo: MakeRepo) -> None:
    bare = VALID_PRACTICE.split("## Contexto")[0]  # no section: four problems each
    files = {
        f"practices/p{n:02d}.md": bare.replace("almaceneros", f"almacén {n}") for n in range(30)
    }
    root = make_repo(files)
    every = problems_of(root)
    missing = [p for p in every if p["code"] == "falta-seccion"]
    assert len(missing) == 120
    text = run_check(root).stdout.splitlines()
    shown = [line for line in text if line.endswith("(falta-seccion)") and ": error: " in line]
    assert len(shown) == 20
    [note] = [line for line in text if "más como estos" in line]
    assert note.strip() == "… y 100 más como estos (falta-seccion)"
    assert text.index(note) == text.index(shown[-1]) + 1
    assert text[-1].startswith(f"{sum(1 for p in every if p['severity'] == 'error')} errores")
    github = run_check(root, "--format", "github").stdout.splitlines()
    assert sum(1 for line in github if "title=falta-seccion::" in line) == 120


# --- the scaffold says what it did -------------------------------------------------------------


def new_practice(root: Path, answers: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    given = iter(answers)
    assert scaffold.new_practice(root, {}, interactive=True, ask=lambda _: next(given)) == 0
    return capsys.readouterr().out


def test_typed_answers_are_not_called_defaults(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo()
    said = new_practice(root, ["Ferias", "talca", "digitalizacion", "Un taller."], capsys)
    assert "porque no indicaste" not in said
    assert "completa las cuatro secciones" in said and "resumen" not in said
    _, problems = check(root)
    assert not [p for p in problems if p.severity == "error"]


def test_defaults_are_said(make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo()
    said = new_practice(root, ["Ferias", "talca", "", ""], capsys)
    assert "Revisa «areas»: se puso «vinculacion-ecosistema» porque no indicaste otra." in said
    assert "completa el resumen y las cuatro secciones" in said
