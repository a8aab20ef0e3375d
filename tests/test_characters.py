"""Characters that are not text (controls, noncharacters, lone surrogates, U+2028 and U+2029)
are refused by `check` at their line and column, written raw or as a YAML escape, in any field
or body, naming the character; and whatever `check` accepts builds a site whose feeds, sitemap
and JSON all parse."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content import characters
from generator.content.pipeline import check

from .checkrun import problems_of
from .conftest import VALID_PRACTICE, MakeRepo, create_repo
from .sitebuild import build

RAW = {
    "\x0b": "U+000B, tabulación vertical",
    "\x01": "U+0001, carácter de control",
    "\x1b": "U+001B, escape",
    "\x7f": "U+007F, borrar",
    "\x85": "U+0085, siguiente línea",
    "\x9f": "U+009F, carácter de control",
    "\u2028": "U+2028, separador de línea",
    "\u2029": "U+2029, separador de párrafo",
    "\ufdd0": "U+FDD0, no carácter",
    "\ufffe": "U+FFFE, no carácter",
    "\uffff": "U+FFFF, no carácter",
    "\U0001fffe": "U+1FFFE, no carácter",
    "\U0010ffff": "U+10FFFF, no carácter",
}
ESCAPED = {  # as written in a double-quoted YAML text -> what it names
    "\\v": "U+000B, tabulación vertical",
    "\\f": "U+000C, salto de página",
    "\\r": "U+000D, retorno de carro",
    "\\e": "U+001B, escape",
    "\\0": "U+0000, carácter nulo",
    "\\N": "U+0085, siguiente línea",
    "\\L": "U+2028, separador de línea",
    "\\P": "U+2029, separador de párrafo",
    "\\x0b": "U+000B, tabulación vertical",
    "\\uFFFE": "U+FFFE, no carácter",
    "\\U0010FFFF": "U+10FFFF, no carácter",
}


def where(text: str, written: str) -> tuple[int, int]:
    before = text[: text.index(written)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def refused_at(root: Path, text: str, written: str, named: str) -> None:
    [problem] = problems_of(root, characters.CODE)
    place = (problem["file"], problem["line"], problem["column"])
    assert place == ("practices/diagnostico.md", *where(text, written))
    assert problem["severity"] == "error"
    assert f"«{named}" in str(problem["message"])


@pytest.mark.parametrize("char", RAW, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("where_", ["titulo", "resumen", "etiquetas", "cuerpo"])
def test_a_character_that_is_not_text_is_refused_where_it_is(
    make_repo: MakeRepo, char: str, where_: str
) -> None:
    text = {
        "titulo": VALID_PRACTICE.replace("Diagnóstico de", f"Diagnóstico{char} de"),
        "resumen": VALID_PRACTICE.replace("breve que", f"breve{char} que"),
        "etiquetas": VALID_PRACTICE.replace("estado:", f"etiquetas: [fe{char}rias]\nestado:"),
        "cuerpo": VALID_PRACTICE.replace("## Resultados\nTexto.", f"## Resultados\nTex{char}to."),
    }[where_]
    refused_at(make_repo({"practices/diagnostico.md": text}), text, char, RAW[char])


@pytest.mark.parametrize("escape", ESCAPED)
def test_an_escape_that_writes_one_is_refused_at_the_escape(
    make_repo: MakeRepo, escape: str
) -> None:
    line = "titulo: Diagnóstico de digitalización para almaceneros"
    text = VALID_PRACTICE.replace(line, f'titulo: "Diagnóstico{escape} de digitalización"')
    refused_at(make_repo({"practices/diagnostico.md": text}), text, escape, ESCAPED[escape])


def test_an_escaped_backslash_and_text_in_single_quotes_are_text(make_repo: MakeRepo) -> None:
    line = "titulo: Diagnóstico de digitalización para almaceneros"
    for number, title in enumerate(('"Diagnóstico \\\\v de almaceneros"', "'Diagnóstico \\v de'")):
        text = VALID_PRACTICE.replace(line, f"titulo: {title}")
        root = make_repo({"practices/diagnostico.md": text}, name=f"repo{number}")
        assert problems_of(root, characters.CODE) == []


def test_a_lone_surrogate_is_refused_at_its_escape(make_repo: MakeRepo) -> None:
    line = "titulo: Diagnóstico de digitalización para almaceneros"
    text = VALID_PRACTICE.replace(line, 'titulo: "Diagnóstico \\uD800 de almaceneros"')
    [problem] = problems_of(make_repo({"practices/diagnostico.md": text}))
    assert (problem["line"], problem["code"]) == (2, "yaml-sintaxis")
    assert "sustituto suelto" in str(problem["message"])


def test_a_center_profile_is_checked_too(make_repo: MakeRepo) -> None:
    root = make_repo()
    path = root / "centers" / "talca.yml"
    text = path.read_text(encoding="utf-8").replace("nombre: ", "nombre: \x0c", 1)
    path.write_text(text, encoding="utf-8")
    [problem] = problems_of(root, characters.CODE)
    assert (problem["file"], problem["line"]) == ("centers/talca.yml", where(text, "\x0c")[0])


# --- whatever check accepts, the site publishes as data that parses ---------------------------

# Text a title may hold (XML's, YAML's and HTML's own characters, other scripts, marks, private
# use, unassigned points) and, half the time, characters that are not text among it.
TRICKY = st.characters(blacklist_categories=("Cc", "Cs", "Cf", "Zl", "Zp")).filter(
    lambda c: not characters.is_unusable(c)
) | st.sampled_from(["<", "&", "]]>", "\\", '"', "'", ": ", "# ", "{{", "é", "\t", "- "])
HOSTILE = st.sampled_from([*RAW, "\ud800", "\r", "\x00", "\ufeff"])
field_text = st.one_of(
    st.lists(TRICKY, min_size=1, max_size=12),
    st.lists(TRICKY | HOSTILE, min_size=1, max_size=12),
).map(lambda chars: "".join(chars).strip() or "x")


def practice(title: str, summary: str, *, raw: bool) -> str:
    """A valid practice with that title and summary: YAML escapes (PyYAML writes one for what
    is not printable) or the characters themselves."""
    if raw:
        quoted = [json.dumps(value, ensure_ascii=False) for value in (title, summary)]
        head = f"titulo: {quoted[0]}\nresumen: {quoted[1]}\n"
    else:
        head = yaml.safe_dump({"titulo": title, "resumen": summary}, allow_unicode=True)
    rest = VALID_PRACTICE.split("centro:", 1)[1]
    return "---\n" + head + "centro:" + rest


def parses(site: Path) -> list[str]:
    """Every feed, sitemap and JSON file of the site that does not parse."""
    broken = []
    for path in sorted(site.rglob("*")):
        try:
            if path.suffix == ".xml":
                ET.fromstring(path.read_bytes())
            elif path.suffix == ".json":
                json.loads(path.read_text(encoding="utf-8"))
        except (ET.ParseError, ValueError) as error:
            broken.append(f"{path.relative_to(site)}: {error}")
    return broken


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    titles=st.lists(st.tuples(field_text, field_text), min_size=2, max_size=2), raw=st.booleans()
)
def test_what_check_accepts_publishes_feeds_and_data_that_parse(
    tmp_path_factory: pytest.TempPathFactory, titles: list[tuple[str, str]], raw: bool
) -> None:
    root = create_repo(tmp_path_factory.mktemp("caracteres") / "repo")
    for number, (title, summary) in enumerate(titles):
        text = practice(title, summary, raw=raw).replace("estado: ejemplo", "estado: publicada")
        (root / "practices" / f"p{number}.md").write_bytes(text.encode("utf-8", "surrogatepass"))
    _, problems = check(root)
    valid = not any(p.severity == "error" for p in problems)
    result = build(root)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == (0 if valid else 1), result.stderr
    if valid:
        assert parses(root / "site") == []
