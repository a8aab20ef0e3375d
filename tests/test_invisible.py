"""Invisible format characters (bidirectional controls and the rest of Unicode's Cf) in any text
of any content file are an error at their line and column, naming the character; code shows
them as they are, and a zero-width joiner inside an emoji is part of the emoji."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from generator.content.invisible import FORMAT_CHARACTERS, describe
from generator.content.pipeline import check

from .checkrun import problems_of
from .conftest import VALID_PRACTICE, MakeRepo
from .sitebuild import build
from .sitecheck import snapshot

BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
OTHERS = ["\u200b", "\u200c", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad", "\u2063"]


def where(text: str, char: str) -> tuple[int, int]:
    """(line, column) of the first `char` in `text`, both from 1."""
    before = text[: text.index(char)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def test_every_format_character_of_unicode_is_checked() -> None:
    expected = {chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"}
    assert expected <= FORMAT_CHARACTERS, sorted(
        f"U+{ord(c):04X}" for c in expected - set(FORMAT_CHARACTERS)
    )
    # Only format characters: those unicodedata does not know yet are Unicode 15's.
    others = {c for c in FORMAT_CHARACTERS - expected if unicodedata.category(c) != "Cn"}
    assert not others, sorted(f"U+{ord(c):04X}" for c in others)


@pytest.mark.parametrize("char", BIDI + OTHERS, ids=lambda c: f"U+{ord(c):04X}")
def test_a_title_with_an_invisible_character_is_an_error_at_its_place(
    make_repo: MakeRepo, char: str
) -> None:
    text = VALID_PRACTICE.replace("titulo: Diagnóstico", f"titulo: Diagnó{char}stico")
    root = make_repo({"practices/diagnostico.md": text})
    [problem] = problems_of(root, "caracter-invisible")
    line, column = where(text, char)
    assert (problem["file"], problem["line"], problem["column"]) == (
        "practices/diagnostico.md",
        line,
        column,
    )
    assert problem["severity"] == "error"
    message = str(problem["message"])
    assert describe(char) in message and "Bórralo" in message
    assert ("sentido en que se lee" in message) == (char in BIDI or char in "\u200e\u200f")


def test_the_right_to_left_override_is_named_and_nothing_is_published(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    root = make_repo()
    site = tmp_path / "sitio"
    assert build(root, site_dir=site).returncode == 0
    before = snapshot(site)
    text = VALID_PRACTICE.replace("titulo: Diagnóstico", "titulo: Feria \u202eocinórtcele\u202c")
    (root / "practices" / "diagnostico.md").write_text(text, encoding="utf-8")
    result = build(root, site_dir=site)
    assert result.returncode == 1
    line, column = where(text, "\u202e")
    assert f"practices/diagnostico.md:{line}:{column}: error: " in result.stderr
    assert "U+202E (RIGHT-TO-LEFT OVERRIDE)" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(site) == before


def test_every_kind_of_content_file_is_checked(make_repo: MakeRepo) -> None:
    center = (Path(__file__).parent.parent / "centers" / "talca.yml").read_text(encoding="utf-8")
    files = {
        "centers/talca.yml": center.replace("comuna: Talca", "comuna: Tal\u2066ca"),
        "content/paginas/acerca.md": "---\ntitulo: Acerca\n---\n\nUn texto\u202b aquí.\n",
        "practices/diagnostico.md": VALID_PRACTICE.replace(
            "resumen: Un", 'resumen: "Un \\u202D'
        ).replace("barrio.", 'barrio."'),
    }
    root = make_repo(files)
    found = {(p["file"], p["line"], p["column"]) for p in problems_of(root, "caracter-invisible")}
    assert found == {
        ("centers/talca.yml", *where(files["centers/talca.yml"], "\u2066")),
        ("content/paginas/acerca.md", *where(files["content/paginas/acerca.md"], "\u202b")),
        # Written as an escape, which YAML turns into the character: the escape's place.
        ("practices/diagnostico.md", 3, 14),
    }


BODY = """
## Contexto
Un texto{0}visible y `có{0}digo` en una línea.

```
bloque{0} de código
```

    código{0} sangrado

- Un punto de lista

      código{0} en la lista

## Qué hicimos
Texto {1}.

## Resultados
Texto.

## Cómo replicarla
Texto.
"""


@pytest.mark.parametrize("char", ["\u202e", "\u200b"], ids=["U+202E", "U+200B"])
def test_in_a_body_only_text_outside_code_counts(make_repo: MakeRepo, char: str) -> None:
    head = VALID_PRACTICE.split("## Contexto")[0].rstrip("\n") + "\n"
    text = head + BODY.format(char, "👩\u200d🌾 y 🏳️\u200d🌈 y 🏴\U000e0067\U000e0062\U000e007f")
    root = make_repo({"practices/diagnostico.md": text})
    found = [(p["line"], p["column"]) for p in problems_of(root, "caracter-invisible")]
    assert found == [where(text, char)]


def test_a_joiner_outside_an_emoji_is_reported(make_repo: MakeRepo) -> None:
    said = "dos\u200dletras 👩\u200d y"  # between two letters; after an emoji, before a space
    text = VALID_PRACTICE.replace("Texto.\n\n## Qué hicimos", f"{said}\n\n## Qué hicimos")
    root = make_repo({"practices/diagnostico.md": text})
    lines = text.splitlines()
    [number] = [i + 1 for i, line in enumerate(lines) if line == said]
    found = sorted((p["line"], p["column"]) for p in problems_of(root, "caracter-invisible"))
    assert found == [(number, 4), (number, said.rindex("\u200d") + 1)]
    _, problems = check(root)
    assert all("U+200D (ZERO WIDTH JOINER)" in p.message for p in problems if p.line == number)


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("&#x202E;", "caracter-invisible"),
        ("&#8238;", "caracter-invisible"),
        ("&ZeroWidthSpace;", "caracter-invisible"),
        ("&shy;", "caracter-invisible"),
        ("&#x2028;", "caracter-no-permitido"),
        ('<abbr title="&#x202E;">', "caracter-invisible"),
    ],
)
def test_an_entity_that_writes_an_invisible_character_is_an_error_too(
    make_repo: MakeRepo, written: str, code: str
) -> None:
    """The page shows the character an entity names: «&#x202E;» reversed the text after it."""
    body = f"## Resultados\nTexto {written} al revés, y en código no: `&#x202E;`."
    text = VALID_PRACTICE.replace("## Resultados\nTexto.", body)
    [problem] = problems_of(make_repo({"practices/diagnostico.md": text}), code)
    entity = written if written.startswith("&") else "&#x202E;"
    assert (problem["line"], problem["column"]) == where(text, entity)
    assert f"«{entity}» escribe un carácter" in str(problem["message"])
