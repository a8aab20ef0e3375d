"""Problems found in the content, and the three ways `check` prints them."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

from generator.text import plural, visible

Severity = Literal["error", "warning"]

SEVERITY_LABEL = {"error": "error", "warning": "aviso"}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place; `file` is relative to the root, lines are 1-based."""

    file: str
    line: int
    column: int
    code: str
    message: str
    severity: Severity = "error"

    def __post_init__(self) -> None:
        """Every character shown as a reader can see it (a file may be named with an escape
        sequence); what the author wrote, quoted back, short."""
        object.__setattr__(self, "file", visible(self.file))
        message = visible(self.message)
        object.__setattr__(self, "message", _QUOTED.sub(_short_quote, message))

    def as_text(self) -> str:
        label = SEVERITY_LABEL[self.severity]
        return f"{self.file}:{self.line}:{self.column}: {label}: {self.message} ({self.code})"

    def as_github(self) -> str:
        # Workflow commands need %, CR and LF escaped in the message and also : and , in properties.
        def prop(value: str) -> str:
            return _gh_escape(value).replace(":", "%3A").replace(",", "%2C")

        return (
            f"::{self.severity} file={prop(self.file)},line={self.line},col={self.column},"
            f"title={prop(self.code)}::{_gh_escape(self.message)}"
        )


QUOTED_LENGTH = 80  # characters of a value quoted in a message; longer ones are cut with «…»
_QUOTED = re.compile("«([^«»]*)»")


def _short_quote(match: re.Match[str]) -> str:
    """A 5,000-digit number quoted whole made a 10 KB line: cut."""
    value = match.group(1)
    if len(value) > QUOTED_LENGTH:
        value = value[: QUOTED_LENGTH - 1].rstrip() + "…"
    return f"«{value}»"


def _gh_escape(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


class ContentError(Exception):
    """Raised when content is invalid; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = sum(1 for p in problems if p.severity == "error")
        super().__init__(f"El contenido tiene {plural(errors, 'error', 'errores')}.")

    def report(self) -> str:
        return format_text(self.problems)

    def __reduce__(self) -> tuple[type[ContentError], tuple[list[Problem]]]:
        """Pickled with its problems (a build renders in a child process: generator/parallel)."""
        return ContentError, (self.problems,)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.column, p.code, p.message))


def summary(problems: list[Problem]) -> str:
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    if not problems:
        return "Contenido válido: sin errores ni avisos."
    return f"{plural(errors, 'error', 'errores')}, {plural(warnings, 'aviso', 'avisos')}."


SHOWN_PER_CODE = 20  # in the text output; github and json list every problem


def format_text(problems: list[Problem]) -> str:
    """One line per problem, but of a rule broken more than SHOWN_PER_CODE times only the first
    ones, then how many more (20,000 files missing the same sections were 80,000 lines)."""
    total = Counter(p.code for p in problems)
    shown: Counter[str] = Counter()
    lines = []
    for problem in problems:
        shown[problem.code] += 1
        if shown[problem.code] <= SHOWN_PER_CODE:
            lines.append(problem.as_text())
        if shown[problem.code] == SHOWN_PER_CODE < total[problem.code]:
            more = total[problem.code] - SHOWN_PER_CODE
            these = "este" if more == 1 else "estos"
            lines.append(f"  … y {_thousands(more)} más como {these} ({problem.code})")
    lines.append(summary(problems))
    return "\n".join(lines)


def _thousands(number: int) -> str:
    """12.345, as Spanish writes big numbers."""
    return f"{number:,}".replace(",", ".")


def format_github(problems: list[Problem]) -> str:
    return "\n".join(p.as_github() for p in problems)


def format_json(problems: list[Problem], *, ascii_only: bool = False) -> str:
    """`ascii_only`: every other character as a JSON escape (for output that is not UTF-8)."""
    return json.dumps([asdict(p) for p in problems], ensure_ascii=ascii_only, indent=2)
