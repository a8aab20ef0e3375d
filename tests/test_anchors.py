"""Links to a section of a page: `check` reports the ones the page lacks, at their line, and
knows every section the built page has (the ids come from the same parse)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.content.anchors import (
    page_ids,
    parse_page_body,
    practice_template_headings,
    practice_title,
    practice_trailing,
)
from generator.content.pipeline import check

from .command import cpu_seconds
from .conftest import REPO, VALID_PRACTICE, MakeRepo
from .sitebuild import build, soup

TEMPLATE = REPO / "generator" / "site" / "templates" / "practica.md.j2"
PRACTICE = "practices/diagnostico-digitalizacion-almaceneros.md"


def anchor_problems(root: Path) -> list[str]:
    _, problems = check(root)
    return [p.as_text() for p in problems if p.code == "seccion-inexistente"]


def test_a_link_to_a_missing_section_is_an_error_at_its_line(make_repo: MakeRepo) -> None:
    body = "Ver [abajo](#como-replicar) y [arriba](#contexto).\n"
    practice = VALID_PRACTICE.replace("## Contexto\nTexto.\n", "## Contexto\n" + body)
    page = "---\ntitulo: Guía\n---\n\n## Paso uno\n\nVuelve al [paso](#dos).\n"
    root = make_repo({"practices/diagnostico.md": practice, "content/paginas/guia.md": page})
    problems = anchor_problems(root)
    assert len(problems) == 2, problems
    on_practice, on_page = sorted(problems, key=lambda p: not p.startswith("practices"))
    assert on_practice.startswith("practices/diagnostico.md:11:13: error: El enlace apunta a ")
    assert "«#como-replicar», pero esta página no tiene esa sección." in on_practice
    assert "¿Quisiste decir «#como-replicarla»?" in on_practice
    assert "Sus secciones son: «#diagnostico-de-digitalizacion" in on_practice
    assert on_page.startswith("content/paginas/guia.md:7:18: error: El enlace apunta a «#dos»")
    assert "Sus secciones son: «#guia», «#paso-uno»." in on_page


def test_a_link_to_a_missing_section_of_another_page_is_an_error(make_repo: MakeRepo) -> None:
    """The known gap of the former check: only MkDocs found these, in English."""
    body = "Ver [su contexto](otra.md#contexto), [lo que falta](otra.md#no-existe) y "
    body += "[la guía](../content/paginas/guia.md#paso-dos).\n"
    practice = VALID_PRACTICE.replace("## Contexto\nTexto.\n", "## Contexto\n" + body)
    other = VALID_PRACTICE.replace("Diagnóstico de digitalización para almaceneros", "Otra")
    page = "---\ntitulo: Guía\n---\n\n## Paso uno\n\nTexto.\n"
    root = make_repo(
        {
            "practices/diagnostico.md": practice,
            "practices/otra.md": other,
            "content/paginas/guia.md": page,
        }
    )
    problems = anchor_problems(root)
    assert len(problems) == 2, problems
    missing, on_page = problems
    assert missing.startswith("practices/diagnostico.md:11:")
    assert "«otra.md#no-existe», pero esa página no tiene la sección «#no-existe»" in missing
    assert "«../content/paginas/guia.md#paso-dos»" in on_page
    assert "¿Quisiste decir «#paso-uno»?" in on_page


def test_the_template_writes_the_headings_check_knows_from_their_declaration() -> None:
    """The template spells no heading of its own after the body: it writes each declared one,
    by its key, in the declared order; `check` reads the same declaration (and
    test_check_knows_every_section_the_built_page_has holds the built page to it)."""
    template = TEMPLATE.read_text(encoding="utf-8").split("{{ body_here }}", 1)[1]
    headings = re.findall(r"^##+ (.+?)\s*$", template, re.M)
    declared = practice_template_headings()
    assert headings == [f"{{{{ headings.{h.key} }}}}" for h in declared]


def test_check_knows_every_section_the_built_page_has(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    for folder in ("content", "centers", "practices"):
        shutil.copytree(REPO / folder, root / folder)
    source = root / PRACTICE
    text = source.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    repository, _ = check(root)
    assert repository is not None
    (practice,) = [p for p in repository.practices.values() if p.file == PRACTICE]
    title = practice_title(practice)
    ids = page_ids(title, parse_page_body(title, body), practice_trailing(practice))
    # A paragraph that links to every section check knows: the strict build must agree.
    links = " ".join(f"[{i}](#{i})" for i in ids)
    source.write_text(text.replace("\n## Resultados", f"\n{links}\n\n## Resultados", 1))
    assert anchor_problems(root) == []
    result = build(root)
    assert result.returncode == 0, result.stderr
    article = soup(root / "site", "practicas/diagnostico-digitalizacion-almaceneros/").article
    assert article is not None
    assert [e["id"] for e in article.select("h1[id], h2[id], h3[id]")] == ids


def test_sections_are_the_headings_ids_as_the_page_gives_them() -> None:
    body = "## Uso de `git`\n\nTítulo\n======\n\n## Propia {#mia}\n\n```\n## En código\n```\n"
    assert page_ids("Título", parse_page_body("Título", body), ["Contacto"]) == [
        "titulo",
        "uso-de-git",
        "titulo_1",  # a repeated heading gets a suffix, as on the page
        "propia-mia",  # GitHub's dialect has no `{#id}`: the braces are text
        "contacto",
    ]


def test_a_hostile_body_with_a_section_link_is_checked_in_bounded_time(
    make_repo: MakeRepo,
) -> None:
    # Balanced brackets around delimiters: the slowest line found that `check` still reads.
    hostile = "[x](#a)\n\n## " + "[_~]" * 60_000 + "\n\n" + "## t\n" * 5_000  # < MAX_LINES
    practice = VALID_PRACTICE.replace("## Contexto\nTexto.\n", "## Contexto\n" + hostile)
    root = make_repo({"practices/diagnostico.md": practice})
    started = cpu_seconds()  # the work done, not the wait for a busy machine's cores
    problems = anchor_problems(root)
    assert cpu_seconds() - started < 10  # the bound issue 17 sets for any file
    (problem,) = problems
    assert "«#a», pero esta página no tiene esa sección." in problem and problem.endswith(
        ", …. (seccion-inexistente)"
    )


def test_a_body_with_brackets_left_open_is_not_read_further(make_repo: MakeRepo) -> None:
    # 250,000 «[» take markdown-it 13 s: the body is refused before it is parsed, and a link
    # from elsewhere to one of its sections is not called wrong while its sections are unknown.
    hostile = "[x](#a)\n\n## " + "[" * 250_000 + "\n\n## Propia\n"
    practice = VALID_PRACTICE.replace("## Contexto\nTexto.\n", "## Contexto\n" + hostile)
    page = "---\ntitulo: Guía\n---\n\nVer [la práctica](../../practices/diagnostico.md#propia).\n"
    root = make_repo({"practices/diagnostico.md": practice, "content/paginas/guia.md": page})
    started = cpu_seconds()
    _, problems = check(root)
    assert cpu_seconds() - started < 10
    ours = [(p.file, p.code) for p in problems if p.file != "content/red.yml"]
    assert ours == [("practices/diagnostico.md", "corchetes-abiertos")]
