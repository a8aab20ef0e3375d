"""`python -m generator new`: run the way a new contributor runs it, then `check`."""

from __future__ import annotations

import shlex
import subprocess

import pytest

from generator.authoring import scaffold
from generator.authoring.canonical import format_text
from generator.content.pipeline import check

from .command import run_generator
from .conftest import MakeRepo


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return run_generator(*args, input=stdin)


def test_new_practice_then_check_passes(make_repo: MakeRepo) -> None:
    root = make_repo()
    titulo = "Mi práctica de prueba"
    created = run("new", "practica", "--centro", "talca", "--titulo", titulo, "--root", str(root))
    assert created.returncode == 0, created.stderr
    path = root / "practices" / "mi-practica-de-prueba.md"
    text = path.read_text(encoding="utf-8")
    assert "estado: borrador" in text
    assert format_text("practices/mi-practica-de-prueba.md", text) == text
    for section, guidance in scaffold.SECTION_GUIDANCE.items():
        assert f"## {section}\n\n{guidance}\n" in text

    assert "http://127.0.0.1:8000/practicas/mi-practica-de-prueba/" in created.stdout

    checked = run("check", "--root", str(root))
    assert checked.returncode == 0, checked.stdout
    assert " error:" not in checked.stdout
    assert "Antes de publicar este borrador, completa: el resumen" in checked.stdout

    # The same file with only «estado: publicada»: its guidance cannot go live.
    path.write_text(text.replace("estado: borrador", "estado: publicada"), encoding="utf-8")
    published = run("check", "--root", str(root))
    assert published.returncode == 1
    lines = text.splitlines()
    for section in scaffold.SECTION_GUIDANCE:
        line = lines.index(f"## {section}") + 1
        expected = f"practices/mi-practica-de-prueba.md:{line}:1: error: La sección «## {section}»"
        assert expected in published.stdout, published.stdout


def test_new_center_then_check_passes(make_repo: MakeRepo) -> None:
    root = make_repo()
    created = run(
        "new", "centro", "--id", "puerto-montt", "--nombre", "Centro de prueba",
        "--comuna", "Puerto Montt", "--region", "los-lagos", "--root", str(root),
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    text = (root / "centers" / "puerto-montt.yml").read_text(encoding="utf-8")
    assert "#" not in text  # nothing a save in the CMS would drop
    assert format_text("centers/puerto-montt.yml", text) == text
    assert run("check", "--root", str(root)).returncode == 0


def test_overwrite_is_refused(make_repo: MakeRepo) -> None:
    root = make_repo()
    args = ("new", "practica", "--centro", "talca", "--titulo", "Diagnóstico", "--root", str(root))
    before = (root / "practices" / "diagnostico.md").read_text(encoding="utf-8")
    result = run(*args)
    assert result.returncode == 1
    assert "ya existe practices/diagnostico.md y no se sobrescribe" in result.stderr
    assert (root / "practices" / "diagnostico.md").read_text(encoding="utf-8") == before


def test_unknown_keys_are_refused_with_the_check_message(make_repo: MakeRepo) -> None:
    root = make_repo()
    result = run(
        "new", "practica", "--centro", "talka", "--titulo", "Otra práctica",
        "--areas", "inovacion", "--root", str(root),
    )  # fmt: skip
    assert result.returncode == 1
    assert not (root / "practices" / "otra-practica.md").exists()

    # The same file written by hand gives the same messages from `check`.
    text = scaffold.practice_text(
        title="Otra práctica", center="talka", areas=["inovacion"], summary="Texto.",
        date=scaffold.dt.date(2021, 1, 1),
    )  # fmt: skip
    (root / "practices" / "otra-practica.md").write_text(text, encoding="utf-8")
    _, problems = check(root)
    expected = [
        p for p in problems if p.file == "practices/otra-practica.md" and p.severity == "error"
    ]
    assert [p.code for p in expected] == ["referencia-desconocida"] * 2
    for problem in expected:
        assert f"error: {problem.message} ({problem.code})" in result.stderr
    assert "¿Quisiste decir «talca»?" in result.stderr


def test_unknown_region_is_refused(make_repo: MakeRepo) -> None:
    root = make_repo()
    result = run(
        "new", "centro", "--id", "puerto-montt", "--nombre", "Centro", "--comuna", "Puerto Montt",
        "--region", "loslagos", "--root", str(root),
    )  # fmt: skip
    assert result.returncode == 1
    assert "«loslagos» no aparece entre las regiones. ¿Quisiste decir «los-lagos»?" in result.stderr
    assert not (root / "centers" / "puerto-montt.yml").exists()


def test_missing_arguments_without_terminal_is_a_usage_error(make_repo: MakeRepo) -> None:
    root = make_repo()
    result = run("new", "practica", "--centro", "talca", "--root", str(root))
    assert result.returncode == 2
    assert "error de uso: falta --titulo" in result.stderr


def test_interactive_terminal_asks_for_the_fields(make_repo: MakeRepo) -> None:
    root = make_repo()
    answers = iter(["Ferias digitales", "talca", "digitalizacion, innovacion", ""])
    asked: list[str] = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    code = scaffold.new_practice(root, {}, interactive=True, ask=ask)
    assert code == 0
    assert len(asked) == 4
    text = (root / "practices" / "ferias-digitales.md").read_text(encoding="utf-8")
    assert "areas:\n  - digitalizacion\n  - innovacion\n" in text
    assert f"resumen: {scaffold.SUMMARY_PLACEHOLDER}" in text
    _, problems = check(root)
    assert not [p for p in problems if p.severity == "error"]


@pytest.mark.parametrize("title", ["Ñandú: «comillas» y dos puntos", "'# no es comentario"])
def test_titles_that_need_quoting_stay_valid(make_repo: MakeRepo, title: str) -> None:
    root = make_repo()
    code = scaffold.new_practice(root, {"titulo": title, "centro": "osorno"}, interactive=False)
    assert code == 0
    repository, _ = check(root)
    assert repository is not None
    assert any(p.data.titulo == title for p in repository.practices.values())


def test_github_annotation_points_at_the_broken_line(make_repo: MakeRepo) -> None:
    root = make_repo(
        {
            "practices/x.md": "---\ntitulo: Prueba\nresumen: Texto.\ncentro: talca\n"
            "areas: [digitalizacion]\nfecha: 2021-02-30\nestado: ejemplo\n---\n\n"
            "## Contexto\nA.\n## Qué hicimos\nB.\n## Resultados\nC.\n## Cómo replicarla\nD.\n"
        }
    )
    result = run("check", "--root", str(root), "--format", "github")
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if "practices/x.md" in line]
    assert len(lines) == 1
    assert lines[0].startswith("::error file=practices/x.md,line=6,col=8,title=fecha-invalida::")


@pytest.mark.parametrize("kind", ["practica", "centro"])
def test_each_command_loads_the_repository_once(
    kind: str, make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo()
    loads = []
    check_content = scaffold.check_content
    monkeypatch.setattr(scaffold, "check_content", lambda r: loads.append(r) or check_content(r))
    if kind == "practica":
        values = {"titulo": "Una más", "centro": "no-existe", "areas": None, "resumen": None}
        status = scaffold.new_practice(root, values, interactive=False)
    else:
        values = {"id": "nuevo", "nombre": "Centro nuevo", "comuna": "Osorno"}
        status = scaffold.new_center(root, {**values, "region": "los-lagos"}, interactive=False)
    assert loads == [root]
    assert status == (1 if kind == "practica" else 0)  # the unknown center is refused


# --- a title another practice has, and answers checked as they are typed ----------------------


def test_a_title_another_practice_has_is_a_warning_naming_it(make_repo: MakeRepo) -> None:
    root = make_repo()  # practices/diagnostico.md: «Diagnóstico de digitalización para almaceneros»
    title = "DIAGNOSTICO de digitalizacion, para almaceneros!"
    result = run("new", "practica", "--centro", "talca", "--titulo", title, "--root", str(root))
    assert result.returncode == 0, result.stderr
    assert (root / "practices" / "diagnostico-de-digitalizacion-para-almaceneros.md").is_file()
    [warning] = [line for line in result.stderr.splitlines() if line.startswith("aviso: ")]
    assert "«Diagnóstico de digitalización para almaceneros» (practices/diagnostico.md)" in warning
    assert warning.endswith("(titulo-repetido)")
    other = run("new", "practica", "--centro", "talca", "--titulo", "Otra", "--root", str(root))
    assert other.returncode == 0 and "aviso" not in other.stderr  # a new draft's own: not said


def typed(answers: list[str]) -> tuple[list[str], scaffold.Ask]:
    """The prompts asked, and an `ask` that types `answers` one by one, then Ctrl+D."""
    asked: list[str] = []
    given = iter(answers)

    def ask(prompt: str) -> str:
        asked.append(prompt.split(" (")[0].split(" [")[0].removesuffix(": "))
        answer = next(given, None)
        if answer is None:
            raise EOFError
        return answer

    return asked, ask


def test_a_wrong_answer_is_asked_again_at_once_and_the_others_kept(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo()
    answers = ["Diagnóstico", "Ferias digitales", "talka", "talca", "inovacion", "innovacion", ""]
    asked, ask = typed(answers)
    assert scaffold.new_practice(root, {}, interactive=True, ask=ask) == 0
    title, center, areas = (
        "Título de la práctica",
        "Clave de tu centro",
        "Áreas, separadas por comas",
    )
    assert asked == [title, title, center, center, areas, areas, "Resumen en una o dos frases"]
    said = capsys.readouterr().err.splitlines()
    assert said[0].startswith("error: ya existe practices/diagnostico.md y no se sobrescribe")
    assert said[1].startswith(
        "error: «talka» no aparece entre los centros. ¿Quisiste decir «talca»?"
    )
    assert said[2].startswith("error: «inovacion» no aparece entre las áreas.")
    assert len(said) == 3
    text = (root / "practices" / "ferias-digitales.md").read_text(encoding="utf-8")
    assert "titulo: Ferias digitales\n" in text and "centro: talca\n" in text
    assert "areas:\n  - innovacion\n" in text


def test_a_wrong_value_given_in_the_command_is_asked_in_a_terminal(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo()
    asked, ask = typed(["osorno"])
    values = {"titulo": "Ferias", "centro": "talka", "areas": "digitalizacion", "resumen": "Uno."}
    assert scaffold.new_practice(root, values, interactive=True, ask=ask) == 0
    assert asked == ["Clave de tu centro"]
    assert "«talka» no aparece entre los centros" in capsys.readouterr().err
    assert "centro: osorno\n" in (root / "practices" / "ferias.md").read_text(encoding="utf-8")


def test_a_center_s_wrong_answer_is_asked_again(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo()
    answers = ["Puerto Montt", "puerto-montt", "Centro", "Puerto Montt", "loslagos", "los-lagos"]
    asked, ask = typed([*answers, "", ""])
    assert scaffold.new_center(root, {}, interactive=True, ask=ask) == 0
    assert asked[:2] == ["Clave del centro", "Clave del centro"]
    assert asked[4:6] == ["Clave de la región", "Clave de la región"]
    said = capsys.readouterr().err
    assert "«Puerto Montt» no sirve como clave del centro" in said
    assert "«loslagos» no aparece entre las regiones. ¿Quisiste decir «los-lagos»?" in said
    assert "region: los-lagos\n" in (root / "centers" / "puerto-montt.yml").read_text("utf-8")


def test_an_interruption_gives_back_what_was_typed(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo()
    before = sorted(p.name for p in (root / "practices").iterdir())
    _, ask = typed(["Feria «de» 'almaceneros'", "talca"])
    with pytest.raises(KeyboardInterrupt):  # the command line says «Interrumpido.», status 130
        scaffold.new_practice(root, {}, interactive=True, ask=ask)
    said = capsys.readouterr().err
    assert "No se creó nada. Para seguir con lo que escribiste, ejecuta:" in said
    command = said.splitlines()[-1].strip()
    assert shlex.split(command) == [
        *("python", "-m", "generator", "new", "practica"),
        *("--titulo", "Feria «de» 'almaceneros'", "--centro", "talca", "--root", str(root)),
    ]
    assert sorted(p.name for p in (root / "practices").iterdir()) == before
