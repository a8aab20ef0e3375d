"""`python -m generator format`: one canonical form of every content file, comments kept."""

from __future__ import annotations

import datetime
import json
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.authoring import canonical
from generator.authoring.canonical import FormatError, format_text
from generator.authoring.formatting import content_files
from generator.authoring.yamlscalars import number_text, text_scalar
from generator.content.models import REQUIRED_SECTIONS, Center, PracticeMeta
from generator.content.pipeline import check
from generator.content.problems import has_errors

from .command import run_generator
from .conftest import REPO, MakeRepo

MESSY_CENTER = """\
# Un comentario al inicio.
servicios: [capacitacion,   asesoria]   # en el orden del centro
nombre: "Centro de Negocios Sercotec Talca"

comuna: 'Talca'
region: maule
estado: activo
operador: Codesser
hitos:
  # El primer hito.
  - {evento: "Adjudicado: a Codesser", fecha: 2020-12, fuente: entrevista-2020}
  - evento: Abre su oficina.
    fecha: 2021
fuente: entrevista-2020
coordenadas: {lon: -71.6554, lat: -35.4264}
# Un comentario al final.
"""

CANONICAL_CENTER = """\
# Un comentario al inicio.
nombre: Centro de Negocios Sercotec Talca
comuna: Talca
region: maule
operador: Codesser
estado: activo
hitos:
  # El primer hito.
  - fecha: 2020-12
    evento: 'Adjudicado: a Codesser'
    fuente: entrevista-2020
  - fecha: 2021
    evento: Abre su oficina.
fuente: entrevista-2020
coordenadas:
  lat: -35.4264
  lon: -71.6554
servicios:  # en el orden del centro
  - capacitacion
  - asesoria
# Un comentario al final.
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_generator("format", *args)


def test_model_order_block_lists_minimal_quotes_and_comments_kept() -> None:
    assert format_text("centers/talca.yml", MESSY_CENTER) == CANONICAL_CENTER
    assert format_text("centers/talca.yml", CANONICAL_CENTER) == CANONICAL_CENTER
    assert yaml.safe_load(CANONICAL_CENTER) == yaml.safe_load(MESSY_CENTER)


def test_a_practice_gets_one_blank_line_after_its_header() -> None:
    text = (
        "---\r\nestado: borrador\r\ntitulo: T\r\n---\r\n\r\n\r\n## Contexto\r\n\r\nTexto.\r\n\r\n"
    )
    assert format_text("practices/t.md", text) == (
        "---\ntitulo: T\nestado: borrador\n---\n\n## Contexto\n\nTexto.\n"
    )


def test_the_repository_is_in_canonical_form() -> None:
    files = content_files(REPO)
    assert len(files) > 15
    for path in files:
        rel = path.relative_to(REPO).as_posix()
        text = path.read_text(encoding="utf-8")
        assert format_text(rel, text) == text, rel


def test_no_content_file_carries_editor_comments() -> None:
    """Editors find the schemas in .vscode/settings.json, so a CMS save drops nothing."""
    for path in content_files(REPO):
        if path.parts[-2] in ("centers", "practices"):
            assert "#" not in path.read_text(encoding="utf-8").split("\n---\n")[0], path


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12))
def test_every_text_reads_back_as_the_same_text(text: str) -> None:
    written = text_scalar(text)
    assert yaml.safe_load(f"clave: {written}\n") == {"clave": text}
    if written[0] not in "'\"":
        assert written == text


@settings(max_examples=100, deadline=None)
@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers(-(10**21) + 1, 10**21 - 1)  # a larger one is refused (yamlsource)
        | st.text(max_size=8),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.text(min_size=1, max_size=5), inner, max_size=3)
        ),
        max_leaves=10,
    )
)
def test_any_data_is_written_once_and_read_back_equal(data: object) -> None:
    text = canonical.dump({"raiz": data})
    assert yaml.safe_load(text) == {"raiz": data}
    assert format_text("content/red.yml", text) == text


FINITE = st.floats(allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(FINITE)
def test_every_number_reads_back_as_the_same_number(value: float) -> None:
    text = canonical.dump({"valor": value})
    read = yaml.safe_load(text)["valor"]
    # a whole number reads back as an integer (as the CMS writes it, up to 10^21), of the
    # same value
    assert isinstance(read, int if value.is_integer() and abs(value) < 1e21 else float)
    assert float(read) == value
    assert format_text("content/red.yml", text) == text


def numbers_to_check() -> list[float]:
    rng = random.Random(12)
    found = [1.0, -35.0, 12.5, -35.4264, 100.0, 1e-7, 1.5e-7, 1e-6, 2.5e-5, 1e20, 1e21, 5e-324]
    found += [rng.uniform(-200, 200) for _ in range(300)]
    found += [float(rng.randint(-(10**6), 10**6)) for _ in range(100)]
    found += [rng.random() * 10 ** rng.randint(-330, 300) for _ in range(600)]
    return found


@pytest.mark.skipif(shutil.which("node") is None, reason="hace falta node")
def test_numbers_are_written_as_the_cms_writes_them() -> None:
    """The CMS writes a number with JavaScript's String() (`1`, not Python's `1.0`), and a
    point before an exponent so that YAML 1.1 still reads a number: format writes the same,
    so a save in the CMS followed by `format` changes no line."""
    numbers = numbers_to_check()
    script = (
        "const numbers = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(numbers.map(String)));"
    )
    result = subprocess.run(
        ["node", "-e", script],
        input=json.dumps(numbers),
        capture_output=True,
        text=True,
        timeout=30,
    )
    from_javascript = json.loads(result.stdout)
    with_point = [re.sub(r"^(-?\d+)e", r"\1.0e", text) for text in from_javascript]
    assert [number_text(n) for n in numbers] == with_point
    assert number_text(1.0) == "1" and number_text(1e-7) == "1.0e-7"


def test_render_writes_valid_canonical_files(make_repo: MakeRepo) -> None:
    root = make_repo()
    center = canonical.render(
        {"region": "maule", "nombre": "Centro: uno", "comuna": "Talca", "operador": "Codesser",
         "estado": {"valor": "activo", "fecha": 2021, "fuente": "entrevista-2020"},
         "fuente": "entrevista-2020", "hitos": []},
        Center,
    )  # fmt: skip
    assert center.startswith("nombre: 'Centro: uno'\ncomuna: Talca\n")
    practice = canonical.render(
        {"titulo": "Ferias", "centro": "talca", "areas": ["innovacion"], "resumen": "Sí.",
         "fecha": "2021-04-02", "estado": "borrador"},
        PracticeMeta,
        "\n\n".join(f"## {s}\n\nTexto." for s in REQUIRED_SECTIONS),
    )  # fmt: skip
    for rel, text in (("centers/nuevo.yml", center), ("practices/ferias.md", practice)):
        assert format_text(rel, text) == text
        (root / rel).write_text(text, encoding="utf-8")
    _, problems = check(root)
    assert not has_errors(problems), [p.as_text() for p in problems]


def test_check_lists_the_files_and_writes_nothing(make_repo: MakeRepo) -> None:
    root = make_repo()
    path = root / "centers" / "talca.yml"
    path.write_text(MESSY_CENTER, encoding="utf-8")
    checked = run("--check", "--root", str(root))
    assert checked.returncode == 1
    assert "centers/talca.yml: no está en la forma canónica" in checked.stdout
    assert path.read_text(encoding="utf-8") == MESSY_CENTER

    formatted = run("--root", str(root), str(path))
    assert formatted.returncode == 0, formatted.stderr
    assert path.read_text(encoding="utf-8") == CANONICAL_CENTER
    assert run("--check", "--root", str(root), str(path)).returncode == 0


def test_a_file_that_does_not_parse_is_left_alone(make_repo: MakeRepo) -> None:
    root = make_repo()
    path = root / "centers" / "talca.yml"
    broken = "nombre: Talca\nnombre: otra vez\ncomuna: [sin cerrar\n"
    path.write_text(broken, encoding="utf-8")
    result = run("--root", str(root))
    assert result.returncode == 1
    assert "centers/talca.yml:" in result.stderr and "Traceback" not in result.stderr
    assert path.read_text(encoding="utf-8") == broken


def test_duplicate_keys_are_refused_not_merged() -> None:
    try:
        format_text("centers/talca.yml", "nombre: A\nnombre: B\n")
    except FormatError as error:
        assert error.problems and error.problems[0].line == 2
    else:
        raise AssertionError("a duplicate key must not be formatted away")


def test_a_file_that_is_not_content_is_a_usage_error(tmp_path: Path) -> None:
    other = REPO / "README.md"
    result = run("--check", "--root", str(REPO), str(other))
    assert result.returncode == 2
    assert "no es un archivo de contenido" in result.stderr


def test_an_adoption_is_added_in_canonical_form_with_comments_kept() -> None:
    practice = (
        "---\ntitulo: T\n# Quién la repitió.\nreplicas: [{centro: osorno, fecha: 2021-01-02}]\n"
        "estado: borrador\n---\n\n## Contexto\n\nTexto.\n"
    )
    added = canonical.add_to_list(
        "practices/t.md", practice, "replicas", {"nota": "Con ferias.", "centro": "talca",
                                                 "fecha": datetime.date(2022, 3, 1)}
    )  # fmt: skip
    assert added == (
        "---\ntitulo: T\nestado: borrador\n# Quién la repitió.\nreplicas:\n"
        "  - centro: osorno\n    fecha: 2021-01-02\n"
        "  - centro: talca\n    fecha: 2022-03-01\n    nota: Con ferias.\n"
        "---\n\n## Contexto\n\nTexto.\n"
    )
    first = canonical.add_to_list("practices/t.md", "---\ntitulo: T\n---\n", "replicas", {"a": 1})
    assert first == "---\ntitulo: T\nreplicas:\n  - a: 1\n---\n"


@pytest.mark.parametrize(
    ("rel", "text", "line"),
    [("practices/x.md", "---\nhola\n---\n\n## Contexto\n", 2), ("centers/x.yml", "hola\n", 1)],
)
def test_a_file_without_keys_is_said_not_formatted(
    make_repo: MakeRepo, rel: str, text: str, line: int
) -> None:
    """A front matter that is a lone word took `format` down with a traceback."""
    root = make_repo({rel: text})
    result = run("--check", "--root", str(root), str(root / rel))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    said = f"{rel}:{line}:1: error: "
    assert said + ("El encabezado" if rel.endswith(".md") else "El archivo") in result.stderr
    assert (root / rel).read_text(encoding="utf-8") == text
