"""Only what `check` validated is published: content folders hold content, attachments live in
practices/adjuntos/ with a few types and a size limit, symlinks are refused wherever they point.
And the numbers and dates the site can show."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from generator.content.layout import MAX_ATTACHMENT_BYTES
from generator.content.pipeline import check

from .conftest import PUBLISHED_PRACTICE, REPO, VALID_PRACTICE, MakeRepo
from .sitebuild import build


def codes(root: Path) -> list[tuple[str, str]]:
    _, problems = check(root)
    return [(p.file, p.code) for p in problems if p.severity == "error"]


@pytest.mark.parametrize(
    ("rel", "code"),
    [
        ("practices/adjuntos/evil.html", "adjunto-no-permitido"),
        ("practices/adjuntos/logo.svg", "adjunto-no-permitido"),
        ("practices/adjuntos/guia.md", "adjunto-no-permitido"),
        ("practices/evil.html", "archivo-no-permitido"),
        ("practices/script.js", "archivo-no-permitido"),
        ("centers/notas.txt", "archivo-no-permitido"),
        ("content/paginas/foto.png", "archivo-no-permitido"),
        ("content/extra.html", "archivo-no-permitido"),
        ("practices/otra/pagina.md", "carpeta-no-permitida"),
        ("practices/x.md/index.md", "carpeta-no-permitida"),
        ("practices/adjuntos/sub/a.pdf", "carpeta-no-permitida"),
        ("content/paginas/sub/p.md", "carpeta-no-permitida"),
    ],
)
def test_anything_but_content_is_an_error_at_its_path(
    make_repo: MakeRepo, rel: str, code: str
) -> None:
    root = make_repo({rel: "<script>alert(1)</script>"})
    reported_at = rel if code != "carpeta-no-permitida" else rel.rsplit("/", 1)[0]
    assert (reported_at, code) in codes(root)


def test_symlinks_are_refused_wherever_they_point(make_repo: MakeRepo, tmp_path: Path) -> None:
    root = make_repo({"practices/adjuntos/guia.pdf": "%PDF-1.4"})
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    (root / ".env").write_text("SECRETO=1\n", encoding="utf-8")
    links = {
        "practices/adjuntos/config.txt": "../../.git/config",
        "practices/adjuntos/env.pdf": "../../.env",
        "practices/adjuntos/copia.pdf": "guia.pdf",  # inside the repository: refused too
        "practices/copia.md": "diagnostico.md",
        "practices/bucle": ".",  # a folder that contains itself
        "centers/ciclo.yml": "ciclo.yml",  # a link to itself
    }
    for rel, target in links.items():
        os.symlink(target, root / rel)
    found = codes(root)
    for rel in links:
        assert (rel, "enlace-simbolico") in found, rel
    assert ("practices/adjuntos/guia.pdf", "enlace-simbolico") not in found


def test_attachments_over_the_size_limit_are_refused(make_repo: MakeRepo) -> None:
    root = make_repo()
    big = root / "practices" / "adjuntos" / "grande.pdf"
    big.parent.mkdir(parents=True)
    with big.open("wb") as file:
        file.truncate(MAX_ATTACHMENT_BYTES + 1)  # sparse: no disk used
    assert codes(root) == [("practices/adjuntos/grande.pdf", "adjunto-demasiado-grande")]


def test_only_checked_files_reach_the_site(make_repo: MakeRepo) -> None:
    body = "## Contexto\nLa [guía](adjuntos/guia.pdf) y la ![foto](adjuntos/foto.png)."
    practice = VALID_PRACTICE.replace("## Contexto\nTexto.", body)
    files = {
        "practices/diagnostico.md": practice,
        "practices/adjuntos/guia.pdf": "%PDF-1.4 guía",
        "practices/adjuntos/foto.png": b"\x89PNG\r\n\x1a\n",
        "practices/adjuntos/.oculto.html": "<script>alert(1)</script>",
        "practices/.borrador.md": "no es contenido",
    }
    root = make_repo(files)
    result = build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert (site / "practicas" / "adjuntos" / "guia.pdf").read_text("utf-8") == "%PDF-1.4 guía"
    assert (site / "practicas" / "adjuntos" / "foto.png").is_file()
    published = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert not [p for p in published if ".oculto" in p or ".borrador" in p]
    # Adding a stray file makes the build refuse, and the site stays as it was.
    (root / "practices" / "adjuntos" / "evil.html").write_text("<script>x</script>", "utf-8")
    result = build(root)
    assert result.returncode == 1 and "practices/adjuntos/evil.html" in result.stderr
    assert not (site / "practicas" / "adjuntos" / "evil.html").exists()


# --- numbers and dates --------------------------------------------------------------------------


def practice_with(extra: str, date: str = "2021-03-15") -> str:
    return PUBLISHED_PRACTICE.replace("fecha: 2021-03-15", f"fecha: {date}\n{extra}".rstrip("\n"))


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", ".NaN"])
def test_infinite_and_not_a_number_values_are_refused(make_repo: MakeRepo, value: str) -> None:
    extra = f"resultados:\n  - indicador: Almacenes\n    valor: {value}\n    fuente: Registro\n"
    root = make_repo({"practices/diagnostico.md": practice_with(extra)})
    _, problems = check(root)
    found = [(p.line, p.code) for p in problems if p.file == "practices/diagnostico.md"]
    assert found == [(9, "valor-invalido")]


@pytest.mark.parametrize(
    ("date", "adopted", "measured"),
    [("1999-12-31", "2021-05-01", "2021-05-01"), ("2021-03-15", "2101-01-01", "9999-12-31")],
)
def test_dates_outside_2000_to_2100_are_errors_at_their_line(
    make_repo: MakeRepo, date: str, adopted: str, measured: str
) -> None:
    extra = (
        f"resultados:\n  - indicador: Almacenes\n    valor: 3\n    fuente: Registro\n"
        f"    fecha: {measured}\nreplicas:\n  - centro: osorno\n    fecha: {adopted}\n"
    )
    root = make_repo({"practices/diagnostico.md": practice_with(extra, date)})
    _, problems = check(root)
    out_of_range = {p.line for p in problems if p.code == "fecha-fuera-de-rango"}
    lines = {6: date, 11: measured, 14: adopted}
    assert out_of_range == {n for n, d in lines.items() if not "2000" <= d[:4] <= "2100"}


@pytest.mark.parametrize("fecha", ["1999", "fin de 2101", "9999-01"])
def test_a_milestone_outside_2000_to_2100_is_an_error_at_its_line(
    make_repo: MakeRepo, fecha: str
) -> None:
    center = (REPO / "centers" / "talca.yml").read_text(encoding="utf-8")
    assert "\n  - fecha: 2020\n" in center  # line 6
    center = center.replace("\n  - fecha: 2020\n", f"\n  - fecha: {fecha}\n")
    _, problems = check(make_repo({"centers/talca.yml": center}))
    errors = [(p.file, p.line, p.code, p.message) for p in problems if p.severity == "error"]
    assert errors == [
        (
            "centers/talca.yml",
            6,
            "fecha-fuera-de-rango",
            f"«fecha»: «{fecha}» está fuera de las fechas que el sitio muestra (2000 a 2100). "
            "Revisa el año.",
        )
    ]


def test_dates_in_the_future_are_warnings(make_repo: MakeRepo) -> None:
    soon = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    extra = (
        f"resultados:\n  - indicador: Almacenes\n    valor: 3\n    fuente: Registro\n"
        f"    fecha: {soon}\nreplicas:\n  - centro: osorno\n    fecha: {soon}\n"
        f"    resultados:\n      - indicador: Ventas\n        valor: 2\n"
        f"        fuente: Registro\n        fecha: {soon}\n"
    )
    root = make_repo({"practices/diagnostico.md": practice_with(extra, soon)})
    repo, problems = check(root)
    assert repo is not None  # warnings only: the site still builds
    future = sorted((p.line, p.severity) for p in problems if p.code == "fecha-futura")
    assert future == [(6, "warning"), (11, "warning"), (14, "warning"), (19, "warning")]


def test_items_that_cannot_be_read_leave_the_next_ones_checked_at_their_lines(
    make_repo: MakeRepo,
) -> None:
    """An unreadable item of a list is skipped alone, at any depth; the items after it keep
    every check, each reported at its own line."""
    soon = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    extra = (
        "resultados:\n"
        "  - Almacenes visitados\n"
        f"  - indicador: Ventas\n    valor: 2\n    fuente: Registro\n    fecha: {soon}\n"
        "replicas:\n"
        "  - osorno\n"
        f"  - centro: nadie\n    fecha: {soon}\n"
        "    resultados:\n"
        "      - 3\n"
        "      - indicador: Ventas\n        valor: [2]\n        fuente: Registro\n"
        f"        fecha: {soon}\n"
    )
    root = make_repo({"practices/diagnostico.md": practice_with(extra)})
    _, problems = check(root)
    found = [(p.line, p.code) for p in problems if p.file == "practices/diagnostico.md"]
    assert found == [
        (8, "valor-invalido"),
        (12, "fecha-futura"),
        (14, "valor-invalido"),
        (15, "referencia-desconocida"),
        (16, "fecha-futura"),
        (18, "valor-invalido"),
        (20, "tipo-incorrecto"),
        (22, "fecha-futura"),
    ]


def test_a_far_date_without_git_gives_a_message_not_a_traceback(make_repo: MakeRepo) -> None:
    root = make_repo({"practices/diagnostico.md": practice_with("", "9999-01-01")})
    result = build(root, "--offline", site_dir=root / "site-offline")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "fecha-fuera-de-rango" in result.stderr


def test_a_content_folder_that_is_a_symlink_is_refused(make_repo: MakeRepo, tmp_path: Path) -> None:
    root = make_repo()
    elsewhere = tmp_path / "otras-practicas"
    (root / "practices").rename(elsewhere)
    os.symlink(elsewhere, root / "practices")
    assert ("practices", "enlace-simbolico") in codes(root)
