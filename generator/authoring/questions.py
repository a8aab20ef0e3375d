"""The questions of `python -m generator new` in a terminal: each value missing from the
command is asked, each answer is checked at once and asked again while it is wrong, and what
was typed is never lost (an interruption gives it back as the command that resumes)."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

Ask = Callable[[str], str]
# An answer's problems, given the answers so far: (errors, warnings), in the words of `check`.
Check = Callable[[str, Mapping[str, str]], tuple[list[str], list[str]]]


class MissingArguments(Exception):
    """Required values are missing and there is no terminal to ask for them (usage error)."""


class Interrupted(Exception):
    """The questions ended before their answers (Ctrl+C, or the input ended): what was typed
    so far goes with it, so that it is not lost."""

    def __init__(self, typed: Mapping[str, str], *, by_person: bool) -> None:
        super().__init__("interrumpido")
        self.typed = dict(typed)
        self.by_person = by_person  # Ctrl+C, not the end of the input


@dataclass(frozen=True)
class Question:
    name: str  # the argument, e.g. "titulo" for --titulo
    prompt: str
    default: str | None = None


@dataclass(frozen=True)
class Filled:
    values: dict[str, str]
    defaulted: frozenset[str]  # the names that took their question's default: nobody typed them
    warned: frozenset[str] = frozenset()  # the warnings already said while asking


def fill_in(
    values: Mapping[str, str | None],
    questions: Sequence[Question],
    *,
    interactive: bool,
    ask: Ask = input,
    check: Check | None = None,
) -> Filled:
    """Ask for each missing value in a terminal; without one, missing required values fail.
    In a terminal, each answer (typed or given in the command) is checked at once, and asked
    again while `check` finds it wrong; the other answers are kept."""
    filled = {k: v for k, v in values.items() if v}
    missing = [q for q in questions if not filled.get(q.name)]
    if not interactive:
        required = [q.name for q in missing if q.default is None]
        if required:
            names = ", ".join(f"--{name}" for name in required)
            verb, them = ("falta", "lo") if len(required) == 1 else ("faltan", "los")
            raise MissingArguments(
                f"{verb} {names}. Escríbe{them} en el comando, por ejemplo --{required[0]} "
                f'"...", o ejecútalo en una terminal para que te {them} pregunte.'
            )
    defaulted: set[str] = set()
    warned: set[str] = set()
    for question in questions:
        while True:
            if not filled.get(question.name):
                filled[question.name] = _answer(question, filled, interactive, ask, defaulted)
            if not (interactive and check):
                break
            errors, warnings = check(question.name, filled)
            say(errors, "error", set())
            say(warnings, "aviso", warned)
            if not errors:
                break
            del filled[question.name]
            defaulted.discard(question.name)
    return Filled(filled, frozenset(defaulted), frozenset(warned))


def _answer(
    question: Question, filled: Mapping[str, str], interactive: bool, ask: Ask, defaulted: set[str]
) -> str:
    """The answer typed to `question` (asked until there is one), or its default."""
    suffix = f" [{question.default}]" if question.default else ""
    while True:
        try:
            answer = ask(f"{question.prompt}{suffix}: ").strip() if interactive else ""
        except (EOFError, KeyboardInterrupt) as stop:
            raise Interrupted(filled, by_person=isinstance(stop, KeyboardInterrupt)) from None
        if answer:
            return answer
        if question.default:
            defaulted.add(question.name)
            return question.default


def say(messages: Sequence[str], label: str, said: set[str]) -> None:
    """Each message once, on the error stream as the command's other problems."""
    for message in messages:
        if message not in said:
            print(f"{label}: {message}", file=sys.stderr)
            said.add(message)


def stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def resume_command(kind: str, typed: Mapping[str, str], root: Path) -> str:
    """The command that gives back every answer typed so far."""
    words = ["python", "-m", "generator", "new", kind]
    for name, value in typed.items():
        words += [f"--{name}", value]
    if root.resolve() != Path.cwd().resolve():
        words += ["--root", str(root)]
    return shlex.join(words)
