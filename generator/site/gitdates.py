"""Last-updated dates from git history: one `git log` for the whole repository."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def last_commit_dates(root: Path, folders: tuple[str, ...]) -> dict[str, dt.date]:
    """Path (relative to `root`) -> date of the last commit that touched it; empty without git."""
    try:
        prefix = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--show-prefix"],
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            check=True,
        ).stdout.strip()
        log = subprocess.run(
            [
                "git",
                "-C",
                str(root),
                "-c",
                "core.quotePath=false",
                "log",
                "--format=%x00%cs",
                "--name-only",
                "--",
                *folders,
            ],
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, dt.date] = {}
    current: dt.date | None = None
    for line in log.splitlines():
        if line.startswith("\x00"):
            current = dt.date.fromisoformat(line[1:])
        elif line and current is not None:
            path = line[len(prefix) :] if prefix and line.startswith(prefix) else line
            dates.setdefault(path, current)  # newest first: keep the first date seen
    return dates


def last_commit_epoch(root: Path) -> int | None:
    """Unix time of the last commit of the repository holding `root`; None without git."""
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return int(out) if out.isdigit() else None
