"""Random mutations of valid files never crash the validator: each problem has a place."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.pipeline import check

from .conftest import REPO, VALID_PRACTICE, create_repo

CENTER = (REPO / "centers" / "talca.yml").read_text(encoding="utf-8")
YAML_NOISE = st.sampled_from(
    [
        "",
        ":",
        "- ",
        "  ",
        "\t",
        "[",
        "]",
        "{",
        "}",
        "&a ",
        "*a",
        "!!python/object ",
        "---",
        "'",
        '"',
        "#",
        "no",
        "2021-02-30",
        "\x00",
        "\ufeff",
        "é",
        "\n",
        "<script>",
        "](",
        "##",
    ]
)


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["insert", "delete", "duplicate-line", "swap-lines"]))
        lines = text.splitlines(keepends=True) or [""]
        if kind == "insert":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.one_of(YAML_NOISE, st.text(max_size=5))) + text[at:]
        elif kind == "delete" and text:
            at = draw(st.integers(0, len(text) - 1))
            text = text[:at] + text[at + draw(st.integers(1, 10)) :]
        elif kind == "duplicate-line":
            at = draw(st.integers(0, len(lines) - 1))
            text = "".join([*lines[: at + 1], lines[at], *lines[at + 1 :]])
        else:
            a, b = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[a], lines[b] = lines[b], lines[a]
            text = "".join(lines)
    return text


def assert_problems_are_placed(root: Path) -> None:
    _, problems = check(root)
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message and problem.code
        assert (root / problem.file).exists() or problem.code == "falta-archivo"


SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(practice=mutated(VALID_PRACTICE), center=mutated(CENTER))
def test_mutated_files_never_crash(tmp_path_factory: object, practice: str, center: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = create_repo(
            Path(tmp) / "repo", {"practices/diagnostico.md": practice, "centers/talca.yml": center}
        )
        assert_problems_are_placed(root)


@SETTINGS
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_never_crash(tmp_path_factory: object, data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = create_repo(Path(tmp) / "repo", {"practices/diagnostico.md": data})
        assert_problems_are_placed(root)


# A practice with one line per field; each mistake below changes one line of it, and is
# reported at that line with that code whatever other mistakes the file has.
EVERY_FIELD = """\
---
titulo: Diagnóstico de digitalización
resumen: Un diagnóstico breve para almaceneros.
centro: talca
areas: [digitalizacion]
fecha: 2021-03-15
estado: publicada
servicios: [asesoria]
publicos: [pyme]
relacionadas: []
etiquetas: [ferias]
replicas:
  - centro: osorno
    fecha: 2021-06-01
    nota: Adaptada a las ferias.
    resultados:
      - indicador: Almacenes visitados
        valor: 12
        fuente: Registro del centro
        fecha: 2021-07-01
      - indicador: Almacenes con venta en línea
        valor: 5
        fuente: Registro del centro
  - centro: chillan
    fecha: 2021-07-01
  - centro: copiapo
    fecha: 2021-08-01
---

## Contexto
Texto.

## Qué hicimos
Texto.

## Resultados
Texto.

## Cómo replicarla
Texto.
"""

# line -> (the line with the mistake, the code `check` reports at that line)
MISTAKES: dict[int, tuple[str, str]] = {
    2: ("titulo: [Diagnóstico, breve]", "tipo-incorrecto"),
    3: ('resumen: ""', "valor-invalido"),
    4: ("centro: Talca", "clave-invalida"),
    5: ("areas: [digitalisacion]", "referencia-desconocida"),
    6: ("fecha: 30/04/2021", "fecha-invalida"),
    7: ("estado: publicado", "valor-invalido"),
    8: ("servicios: [Asesoría]", "clave-invalida"),
    9: ("publicos: [pymes]", "referencia-desconocida"),
    10: ("relacionadas: [otra-practica]", "referencia-desconocida"),
    11: ("etiqueta: [ferias]", "clave-desconocida"),
    # only the smallest value that failed is skipped: the other fields of the same adoption,
    # and of the same result inside it, are still read and checked against the other files
    13: ("  - centro: nadie", "referencia-desconocida"),
    14: ("    fecha: 1 de junio", "fecha-invalida"),
    15: ("    nota: [Adaptada]", "tipo-incorrecto"),
    18: ("        valor: [12]", "tipo-incorrecto"),
    20: ("        fecha: 2099-07-01", "fecha-futura"),
    21: ("      - indicador: [Ventas]", "tipo-incorrecto"),
    24: ("  - centro: [chillan]", "tipo-incorrecto"),
    25: ("    fecha: 1 de julio", "fecha-invalida"),
    26: ("  - centro: Copiapo", "clave-invalida"),
    31: ("Ver la [guía](falta.md).", "enlace-roto"),
    33: ("## Que hicimos", "seccion-mal-escrita"),
    37: ("<script>alert(1)</script>", "html-no-permitido"),
}


@SETTINGS
@given(lines=st.sets(st.sampled_from(sorted(MISTAKES)), min_size=1))
def test_one_run_reports_every_independent_mistake(
    tmp_path_factory: object, lines: set[int]
) -> None:
    import tempfile

    text = EVERY_FIELD.splitlines()
    for line in lines:
        text[line - 1] = MISTAKES[line][0]
    with tempfile.TemporaryDirectory() as tmp:
        root = create_repo(Path(tmp) / "repo", {"practices/prueba.md": "\n".join(text) + "\n"})
        _, problems = check(root)
    found = {(p.line, p.code) for p in problems if p.file == "practices/prueba.md"}
    for line in lines:
        assert (line, MISTAKES[line][1]) in found, (line, sorted(found))


def test_the_practice_without_mistakes_is_valid(tmp_path: Path) -> None:
    root = create_repo(tmp_path / "repo", {"practices/prueba.md": EVERY_FIELD})
    _, problems = check(root)
    assert [p for p in problems if p.file == "practices/prueba.md"] == []
