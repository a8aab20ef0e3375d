"""Last-updated dates from git history: one `git log` for the whole repository.

A page says «Última actualización» only when the history says when: in a shallow clone (`git
clone --depth 1`, the default of actions/checkout) the oldest commit fetched shows every file
as added by it, so the files no later commit touched get no date (their page shows the
practice's own), and the build says why in one line; without git, no page gets one.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from generator.text import plural

LOG_FORMAT = ("--format=%x00%H %cs", "--name-only")  # each commit, then the files it touched
NO_HISTORY = (
    "Sin historial de git (la carpeta no es un repositorio, o falta git): cada práctica "
    "muestra su propia fecha, no la de su última actualización."
)


@dataclass(frozen=True)
class History:
    """Path (relative to the root) -> date of the last commit that touched it; `note`: why
    some files have none, in one Spanish line (None when the history dates them all)."""

    dates: dict[str, dt.date] = field(default_factory=dict)
    note: str | None = None


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *args],
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        check=True,
    ).stdout


def last_commit_dates(root: Path, folders: tuple[str, ...]) -> History:
    try:
        prefix = _git(root, "rev-parse", "--show-prefix").strip()
        shallow_file = Path(root, _git(root, "rev-parse", "--git-path", "shallow").strip())
        log = _git(root, "-c", "core.quotePath=false", "log", *LOG_FORMAT, "--", *folders)
    except (OSError, subprocess.CalledProcessError):
        return History(note=NO_HISTORY)
    shallow = (
        set(shallow_file.read_text("ascii", "replace").split()) if shallow_file.is_file() else set()
    )
    dates: dict[str, dt.date] = {}
    undated: set[str] = set()
    commit, current = "", None
    for line in log.splitlines():
        if line.startswith("\x00"):
            commit, _, day = line[1:].partition(" ")
            current = dt.date.fromisoformat(day)
        elif line and current is not None:
            path = line[len(prefix) :] if prefix and line.startswith(prefix) else line
            if path in dates or path in undated:
                continue  # newest first: the first date seen is the last change
            if commit in shallow:  # the oldest commit fetched: «added» by it, or not
                undated.add(path)
            else:
                dates[path] = current
    return History(dates, _shallow_note(len(undated)) if shallow else None)


def _shallow_note(undated: int) -> str:
    return (
        "Historial de git incompleto (una copia superficial, como la de «git clone --depth 1»): "
        f"{plural(undated, 'archivo', 'archivos')} de contenido sin fecha de última "
        "actualización; sus páginas muestran la fecha de la práctica. Para fechas exactas: «git "
        "fetch --unshallow»."
    )


def last_commit_epoch(root: Path) -> int | None:
    """Unix time of the last commit of the repository holding `root`; None without git."""
    try:
        out = _git(root, "log", "-1", "--format=%ct").strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return int(out) if out.isdigit() else None
