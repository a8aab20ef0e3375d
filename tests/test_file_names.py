"""File names every contributor's system can hold: `check` refuses a Windows device's name (any
extension), a name too long for the site's own files, and an attachment's name that Windows or
macOS cannot hold, as `build` does; and a value quoted back in a message is cut."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.authoring.from_issue import from_issue
from generator.authoring.scaffold import practice_id_for
from generator.content.filenames import MAX_NAME_LENGTH
from generator.content.loader import RESERVED_PAGE_IDS
from generator.content.pipeline import check
from generator.text import visible

from .checkrun import run_check
from .conftest import REPO, VALID_PRACTICE, MakeRepo
from .issuebodies import github_body
from .sitebuild import build
from .sitecheck import snapshot

CENTER = (REPO / "centers" / "talca.yml").read_text(encoding="utf-8")
ANSWERS = {
    "resumen": "Un resumen.",
    "centro": "talca",
    "areas": ["digitalizacion"],
    "fecha": "2021-01-01",
    "seccion-contexto": "Texto.",
    "seccion-que-hicimos": "Texto.",
    "seccion-resultados": "Sin resultados medidos todavía.",
    "seccion-como-replicarla": "Texto.",
}


def refused(root: Path) -> list[tuple[str, str]]:
    _, problems = check(root)
    return [(p.file, p.message) for p in problems if p.code == "nombre-no-portable"]


@pytest.mark.parametrize(
    ("rel", "content"),
    [
        ("practices/con.md", VALID_PRACTICE),
        ("practices/com1.md", VALID_PRACTICE),
        ("centers/aux.yml", CENTER),
        ("content/paginas/nul.md", "---\ntitulo: Nula\n---\n\nTexto.\n"),
        ("practices/adjuntos/LPT9.pdf", "%PDF-1.4\n"),
        ("practices/adjuntos/Con.tar.pdf", "%PDF-1.4\n"),
    ],
)
def test_a_windows_device_name_is_refused_whatever_its_extension(
    make_repo: MakeRepo, rel: str, content: str
) -> None:
    root = make_repo({rel: content})
    [(file, message)] = refused(root)
    assert file == rel
    assert "dispositivo en Windows" in message


def test_names_that_only_start_like_a_device_are_fine(make_repo: MakeRepo) -> None:
    root = make_repo(
        {"practices/contacto.md": VALID_PRACTICE, "practices/com10.md": VALID_PRACTICE}
    )
    assert refused(root) == []


@pytest.mark.parametrize("name", ["a?.pdf", "a:b.pdf", 'dos"puntos.pdf', "foto.png.", "tab\t.pdf"])
def test_an_attachment_name_windows_refuses_is_refused(make_repo: MakeRepo, name: str) -> None:
    root = make_repo({f"practices/adjuntos/{name}": "%PDF-1.4\n"})
    assert [file for file, _ in refused(root)] == [f"practices/adjuntos/{visible(name)}"]


def test_two_attachments_one_on_windows_and_macos(make_repo: MakeRepo) -> None:
    png = b"\x89PNG\r\n\x1a\n"
    root = make_repo({"practices/adjuntos/Foto.png": png, "practices/adjuntos/foto.png": png})
    [(file, message)] = refused(root)
    assert file == "practices/adjuntos/foto.png" and "«Foto.png»" in message


def test_a_name_too_long_is_refused_by_check_as_by_build(make_repo: MakeRepo) -> None:
    fits = ("feria-" * 20)[: MAX_NAME_LENGTH - 4] + "x.md"
    long = ("feria-" * 50)[:250] + "ab.md"  # 255 bytes: build could not write its files
    root = make_repo({f"practices/{fits}": VALID_PRACTICE, f"practices/{long}": VALID_PRACTICE})
    [(file, message)] = refused(root)
    assert file == f"practices/{long}"
    suggested = message.rsplit("«", 1)[1].split("»")[0]
    assert len(suggested) <= MAX_NAME_LENGTH and suggested.endswith(".md")
    assert "«" + long not in message  # quoted back cut, not whole
    before = snapshot(root)
    assert run_check(root).returncode == 1
    result = build(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert snapshot(root) == before


def test_a_value_quoted_in_a_message_is_cut(make_repo: MakeRepo) -> None:
    number = "9" * 5_000
    text = VALID_PRACTICE.replace("estado: ejemplo", f"estado: ejemplo\ncosto: {number}")
    result = run_check(make_repo({"practices/diagnostico.md": text}))
    assert result.returncode == 1
    [line] = [line for line in result.stdout.splitlines() if "diagnostico.md" in line]
    assert len(line) < 500  # was 10 KB
    assert "«" + "9" * 79 + "…»" in line


@pytest.mark.parametrize("name", ["a\nb.md", "c\x1b[2K\rd.md", "e\u202egnp.md", "f\x9b31m.md"])
def test_a_name_that_would_rewrite_the_terminal_is_shown_escaped(
    make_repo: MakeRepo, name: str
) -> None:
    """A file named with an escape sequence printed as it is could erase or recolour the
    lines before it in the terminal; a newline would split its line in two."""
    root = make_repo({f"practices/{name}": VALID_PRACTICE})
    result = run_check(root)
    assert result.returncode == 1
    [line] = [line for line in result.stdout.splitlines() if "id-invalido" in line]
    assert line.startswith(f"practices/{visible(name)}:1:1: error: El nombre «{visible(name)}»")
    assert line.isprintable()


@pytest.mark.parametrize(
    ("rel", "content"),
    [
        ("practices/index.md", VALID_PRACTICE),
        ("practices/adjuntos.md", VALID_PRACTICE),
        ("centers/index.yml", CENTER),
        ("content/paginas/practicas.md", "---\ntitulo: Otra\n---\n\nTexto.\n"),
    ],
)
def test_a_name_that_takes_an_address_of_the_site_is_refused(
    make_repo: MakeRepo, rel: str, content: str
) -> None:
    """A practice named «index» took the catalogue's place (practicas/index.html), a center
    named «index» the list of centers."""
    root = make_repo({rel: content})
    _, problems = check(root)
    [problem] = [p for p in problems if p.severity == "error"]
    assert (problem.file, problem.code) == (rel, "id-reservado")
    assert "es una dirección que el sitio ya usa" in problem.message


def test_every_folder_the_site_makes_is_a_name_a_page_cannot_take(repository_site: Path) -> None:
    """A page named «pagefind» moved the search's index into its own folder (the search broke),
    one named «novedades» or «buscar» was dropped for the generator's own page."""
    pages = {path.stem for path in (REPO / "content" / "paginas").glob("*.md")}
    folders = {path.name for path in repository_site.iterdir() if path.is_dir()}
    assert folders - pages <= RESERVED_PAGE_IDS


@pytest.mark.parametrize(("title", "name"), [("Index", "index-practica"), ("CON", "con-practica")])
def test_a_title_never_names_a_file_check_refuses(
    make_repo: MakeRepo, title: str, name: str
) -> None:
    """The issue form wrote practices/index.md and practices/con.md, which check refuses."""
    assert practice_id_for(title) == name
    root = make_repo()
    body = github_body("practica", {**ANSWERS, "titulo": title})
    status, written, problems = from_issue(root, "practica", body)
    assert (status, written, problems) == (0, f"practices/{name}.md", [])
    assert refused(root) == []


@pytest.mark.parametrize(
    "rel", ["practices/tubo.md", "practices/adjuntos/tubo.pdf", "centers/x.yml"]
)
def test_a_named_pipe_is_refused_not_read(make_repo: MakeRepo, rel: str) -> None:
    """check read a named pipe called practices/x.md, and waited for a writer forever."""
    root = make_repo()
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(root / rel)
    result = run_check(root)  # within the command's bound (tests/command.py), or it fails
    assert result.returncode == 1
    assert f"{rel}:1:1: error: No es un archivo sino una conexión del sistema" in result.stdout
