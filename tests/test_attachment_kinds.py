"""An attachment is published only as what its name says: its first bytes must be those of its
type (PNG, JPEG, WebP, PDF), or it is refused at each line that links it, or at the file when
nothing does. SVG bytes saved as `.png` and HTML saved as `.pdf` were published as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.filekinds import CODE, detected

from .checkrun import problems_of
from .conftest import VALID_PRACTICE, MakeRepo
from .sitebuild import build

SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
HTML = b"<!DOCTYPE html><script>alert(1)</script>"
GOOD = {
    "foto.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "foto.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF",
    "foto.jpeg": b"\xff\xd8\xff\xdb",
    "foto.webp": b"RIFF\x24\x00\x00\x00WEBPVP8 ",
    "guia.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3",
}
BODY = "## Resultados\nMira la ![foto](adjuntos/logo.png) y la [guía](adjuntos/guia.pdf)."


def with_attachments(make_repo: MakeRepo, files: dict[str, bytes]) -> Path:
    practice = VALID_PRACTICE.replace("## Resultados\nTexto.", BODY)
    return make_repo(
        {"practices/diagnostico.md": practice}
        | {f"practices/adjuntos/{name}": data for name, data in files.items()}
    )


def test_what_its_name_says_is_published(make_repo: MakeRepo) -> None:
    root = with_attachments(make_repo, {**GOOD, "logo.png": GOOD["foto.png"]})
    assert problems_of(root) == []


def test_svg_saved_as_png_is_refused_at_the_line_that_shows_it(make_repo: MakeRepo) -> None:
    root = with_attachments(make_repo, {"logo.png": SVG, "guia.pdf": GOOD["guia.pdf"]})
    [problem] = problems_of(root)
    line = (
        VALID_PRACTICE.replace("## Resultados\nTexto.", BODY)
        .splitlines()
        .index(BODY.split("\n")[1])
    )
    assert (problem["file"], problem["line"], problem["column"], problem["code"]) == (
        "practices/diagnostico.md",
        line + 1,
        len("Mira la ![foto](") + 1,
        CODE,
    )
    assert "por su nombre es PNG, pero su contenido es una imagen SVG" in str(problem["message"])
    result = build(root)
    assert result.returncode == 1 and not (root / "site").exists()


def test_html_saved_as_pdf_that_nothing_links_is_refused_at_the_file(make_repo: MakeRepo) -> None:
    root = with_attachments(
        make_repo, {"logo.png": GOOD["foto.png"], "guia.pdf": GOOD["guia.pdf"], "otra.pdf": HTML}
    )
    [problem] = problems_of(root)
    assert (problem["file"], problem["line"], problem["code"]) == (
        "practices/adjuntos/otra.pdf",
        1,
        CODE,
    )
    assert "una página HTML" in str(problem["message"])


@pytest.mark.parametrize(
    ("head", "said"),
    [
        (SVG, "una imagen SVG"),
        (b"\xef\xbb\xbf  <svg>", "una imagen SVG"),
        (HTML, "una página HTML"),
        (b"GIF89a", "una imagen GIF"),
        (b"PK\x03\x04", "un archivo comprimido"),
        (b"", "nada: el archivo está vacío"),
        (b"hola", "otro tipo de archivo"),
        (GOOD["guia.pdf"], "un PDF"),
    ],
)
def test_what_the_bytes_are_is_said(head: bytes, said: str) -> None:
    assert detected(head).startswith(said)
