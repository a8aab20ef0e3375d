"""Every command writes its messages whatever the locale's encoding (UTF-8 as it is, the
closest readable text in ASCII or Latin-1, never a traceback), and a reader that closes the pipe
early (`check | head -1`) ends the command quietly with its own exit status."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from .command import generator_command, run_generator
from .conftest import VALID_PRACTICE, MakeRepo

C_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}
EMPTY_TITLE = VALID_PRACTICE.replace(
    "titulo: Diagnóstico de digitalización para almaceneros", "titulo: ''"
)


def environment(**changes: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIO"))}
    env |= changes
    return {k: v for k, v in env.items() if v}


@pytest.fixture
def invalid(make_repo: MakeRepo) -> Path:
    return make_repo({"practices/diagnostico.md": EMPTY_TITLE})


def raw_run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    """A command in a new Python with that environment, its output as the bytes it wrote."""
    return subprocess.run(generator_command(*args), env=env, capture_output=True, timeout=50)


@pytest.mark.parametrize("command", ["check", "build"])
def test_in_the_c_locale_the_messages_are_readable_ascii(invalid: Path, command: str) -> None:
    result = raw_run(command, "--root", str(invalid), env=environment(**C_LOCALE))
    assert result.returncode == 1
    said = (result.stdout + result.stderr).decode("ascii")  # nothing else was written
    assert "Traceback" not in said
    assert '"titulo" esta vacio: escribe un texto despues de los dos puntos.' in said


def test_in_a_latin_1_terminal_its_letters_stay(make_repo: MakeRepo) -> None:
    text = VALID_PRACTICE.replace("areas: [digitalizacion]", "areas: [digitalización…]")
    root = make_repo({"practices/diagnostico.md": text})
    env = environment(LC_ALL="C", PYTHONIOENCODING="latin-1")
    result = raw_run("check", "--root", str(root), env=env)
    assert result.returncode == 1
    said = result.stdout.decode("latin-1")
    assert "«digitalización...» no es una clave válida" in said  # Latin-1 has no «…»


def test_json_in_the_c_locale_is_the_same_data(invalid: Path) -> None:
    ascii_run = raw_run(
        "check", "--root", str(invalid), "--format", "json", env=environment(**C_LOCALE)
    )
    utf8_run = run_generator("check", "--root", str(invalid), "--format", "json")
    assert ascii_run.stdout.isascii()
    assert json.loads(ascii_run.stdout) == json.loads(utf8_run.stdout)


@pytest.mark.parametrize(("content", "status"), [("valid", 0), ("invalid", 1)])
@pytest.mark.parametrize("format_", ["text", "json", "github"])
def test_a_closed_pipe_ends_the_command_quietly_with_its_status(
    make_repo: MakeRepo, content: str, status: int, format_: str
) -> None:
    root = make_repo({"practices/diagnostico.md": EMPTY_TITLE} if content == "invalid" else {})
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first line: `check | head -0`
    try:
        result = subprocess.run(
            generator_command("check", "--root", str(root), "--format", format_),
            stdout=write,
            stderr=subprocess.PIPE,
            timeout=50,
        )
    finally:
        os.close(write)
    assert result.returncode == status
    if format_ != "github":  # github writes its summary to standard error
        assert result.stderr == b""
