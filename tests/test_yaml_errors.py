"""YAML syntax errors in Spanish, at the line the author must fix, whatever libyaml says."""

from __future__ import annotations

import re

import pytest

from generator.content.pipeline import check

from .conftest import MakeRepo

HEADER = [
    "titulo: Feria de almaceneros",
    "resumen: Una feria de productos locales.",
    "centro: talca",
    "areas: [digitalizacion]",
    "fecha: 2021-04-30",
    "estado: publicada",
]
BODY = (
    "\n## Contexto\nTexto.\n\n## Qué hicimos\nTexto.\n\n## Resultados\nTexto.\n\n"
    "## Cómo replicarla\nTexto.\n"
)
# libyaml's own words: none may reach an author.
ENGLISH = re.compile(r"\b(while|found|expected|could not|mapping|scanning|parsing|character)\b")


def practice(changes: dict[int, str]) -> str:
    """The header with line n (1 = «titulo», the file's line 2) replaced."""
    lines = [changes.get(n, line) for n, line in enumerate(HEADER, start=1)]
    return "---\n" + "\n".join(lines) + "\n---\n" + BODY


@pytest.mark.parametrize(
    ("changes", "line", "column", "says"),
    [
        # the mistakes issue 12 lists
        ({3: "\tcentro: talca"}, 4, 1, "Hay un tabulador"),
        ({2: "resumen Una feria."}, 3, 1, "A esta línea le falta «:»"),
        (
            {1: "titulo: 'Feria de almaceneros"},
            2,
            9,
            "Las comillas que se abren aquí no se cierran",
        ),
        ({4: "areas: [digitalizacion"}, 5, 8, "El corchete «[» que se abre aquí no se cierra"),
        # a colon without its space: the line that lacks it, not where libyaml stopped
        ({1: "titulo:Feria"}, 2, 7, "Falta un espacio después de «:»: escribe «titulo: Feria»"),
        ({3: "centro:talca"}, 4, 7, "Falta un espacio después de «:»: escribe «centro: talca»"),
        ({6: "estado:publicada"}, 7, 7, "escribe «estado: publicada»"),
        # text left after a closed value
        ({1: 'titulo: "Feria" de almaceneros'}, 2, 17, 'Después de la comilla de cierre «"»'),
        ({4: "areas: [digitalizacion]]"}, 5, 24, "Sobra lo que sigue a «]»"),
        ({2: 'resumen: "Una \\q feria"'}, 3, 15, "escribe «\\\\» para una barra invertida"),
    ],
)
def test_the_line_to_fix_and_what_to_write(
    make_repo: MakeRepo, changes: dict[int, str], line: int, column: int, says: str
) -> None:
    root = make_repo({"practices/feria.md": practice(changes)})
    _, problems = check(root)
    syntax = [p for p in problems if p.code == "yaml-sintaxis"]
    assert [(p.file, p.line, p.column) for p in syntax] == [("practices/feria.md", line, column)]
    assert says in syntax[0].message, syntax[0].message
    assert not ENGLISH.search(syntax[0].message)
    # the body is still checked: nothing else is wrong with it
    assert [p.code for p in problems if p.file == "practices/feria.md"] == ["yaml-sintaxis"]
