"""Every command's help and usage errors are Spanish: no English word from argparse."""

from __future__ import annotations

import argparse
import re

import pytest

from generator.cli import build_parser, main, spanish_argparse

from .command import run_generator
from .conftest import REPO, MakeRepo
from .sitebuild import build, write_config_naming_a_missing_page

# What argparse writes in English (its usage line, help headings and error messages).
ENGLISH = re.compile(
    r"\busage\b|show this help|positional arguments|\boptions:|invalid choice|choose from|"
    r"\brequired\b|unrecognized|\bexpected\b|\bargument\b|\berror:|\bcommand\b|\binvalid\b|"
    r"ambiguous|not allowed|\bvalue\b|"
    r"\b(ROOT|OUT|SEED|CENTERS|PRACTICES|SITE_DIR|DEV_ADDR|FILES?)\b"
)


def commands(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> list[tuple[str, ...]]:
    """Every command line that names a parser: (), ("check",), ("new", "practica"), …"""
    found = [prefix]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += commands(sub, (*prefix, name))
    return found


with spanish_argparse():
    COMMANDS = commands(build_parser())


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    captured = capsys.readouterr()
    return int(exit_info.value.code or 0), captured.out + captured.err


def test_every_command_is_listed() -> None:
    assert {c[0] for c in COMMANDS if c} >= {"check", "build", "serve", "new", "synth"}
    assert ("new", "practica") in COMMANDS


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) or "(main)" for c in COMMANDS])
def test_help_is_spanish(command: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    status, output = run([*command, "--help"], capsys)
    assert status == 0
    assert output.startswith("uso: python -m generator")
    assert "muestra esta ayuda y termina" in output
    assert not ENGLISH.search(output), output


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) or "(main)" for c in COMMANDS])
def test_usage_errors_are_spanish(
    command: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    status, output = run([*command, "--no-existe"], capsys)
    assert status == 2
    assert "error de uso" in output
    assert not ENGLISH.search(output), output


@pytest.mark.parametrize(
    "argv",
    [
        ["chek"],
        [],
        ["new"],
        ["new", "practicas"],
        ["check", "--format", "xml"],
        ["check", "--format"],
        ["check", "--root"],
        ["check", "--root", "/no/existe"],
        ["synth"],
        ["synth", "--centers", "x", "--practices", "1", "--out", "o"],
        ["synth", "--centers", "1", "--practices", "1", "--out", "o", "--seed", "x"],
        ["build", "--s"],
        ["check", "sobra"],
        ["serve", "--dev-addr", "nada"],
        ["serve", "--dev-addr", "127.0.0.1:99999"],
        ["serve", "--dev-addr", "otra-maquina:8000"],
    ],
)
def test_each_kind_of_usage_error_is_spanish(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, output = run(argv, capsys)
    assert status == 2
    assert "error de uso" in output
    assert not ENGLISH.search(output), output


def test_argparse_is_english_again_outside_the_cli() -> None:
    parser = argparse.ArgumentParser(prog="otro")
    assert "usage:" in parser.format_usage()


def test_a_python_without_the_dependencies_gets_the_set_up_in_spanish() -> None:
    # -S leaves out site-packages: the Python of a terminal where .venv/ is not active.
    result = run_generator("check", cwd=REPO, python_options=["-S"])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "a este Python le falta «" in result.stderr
    assert "source .venv/bin/activate" in result.stderr


def test_the_strict_option_says_what_the_build_does(make_repo: MakeRepo) -> None:
    """`build --help` said «--strict falla ante cualquier aviso», yet a content warning (14
    centers declared, 13 known) never stopped a build: the help says what really happens."""
    root = make_repo()
    helped = run_generator("build", "--help")
    assert helped.returncode == 0, helped.stderr
    option = helped.stdout.split("\n  --strict", 1)[1].split("\n  --", 1)[0]
    strict = " ".join(option.split())
    warned = build(root, "--strict")
    assert warned.returncode == 0 and "aviso:" in warned.stderr  # a content warning: built
    assert "avisos del contenido" in strict and "no la detienen" in strict
    # An engine's warning (the navigation names a page that does not exist) stops it, with or
    # without the option.
    write_config_naming_a_missing_page(root)
    for extra in ((), ("--strict",)):
        stopped = build(root, *extra)
        assert stopped.returncode == 1 and "MkDocs dio 1 aviso" in stopped.stderr
    assert "se detiene ante un aviso del motor del sitio" in strict
    assert "cualquier aviso" not in strict
