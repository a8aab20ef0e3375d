"""`python -m generator check` as contributors and CI run it, for the tests that read what it
prints."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from .command import run_generator

# Present in every repository made from the real content (14 centers declared, 13 known).
BACKGROUND = "centros-sin-identificar"


def run_check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_generator("check", "--root", str(root), *args)


def problems_of(root: Path, code: str | None = None) -> list[dict[str, object]]:
    """What `check --format json` reports (of one `code`, or all but the background one)."""
    result = run_check(root, "--format", "json")
    assert "Traceback" not in result.stderr, result.stderr
    found: list[dict[str, object]] = json.loads(result.stdout)
    if code is not None:
        return [p for p in found if p["code"] == code]
    return [p for p in found if p["code"] != BACKGROUND]
