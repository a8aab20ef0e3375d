"""Golden cases: a small tree on top of a valid repository and the problems `check` must report.

Each case in tests/golden/validator/*.yml has `files` (path -> content) and `expected`
(`file:line:column: severity: code: message`). Refresh after a deliberate change with
`pytest tests/test_validator_golden.py --update-goldens` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.content.pipeline import check
from generator.content.problems import Problem

from .conftest import MakeRepo

CASES = sorted((Path(__file__).parent / "golden" / "validator").glob("*.yml"))
# Present in every case (the real network declares 14 centers, 13 are known).
BACKGROUND = "centros-sin-identificar"


def render(problem: Problem) -> str:
    place = f"{problem.file}:{problem.line}:{problem.column}"
    return f"{place}: {problem.severity}: {problem.code}: {problem.message}"


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden_case(case: Path, make_repo: MakeRepo, request: pytest.FixtureRequest) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    root = make_repo(spec["files"])
    _, problems = check(root)
    got = [render(p) for p in problems if p.code != BACKGROUND]
    if request.config.getoption("--update-goldens"):
        spec["expected"] = got
        case.write_text(
            yaml.safe_dump(spec, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8"
        )
        return
    assert got == spec.get("expected"), "\n".join(got)
    # A case holds an error, unless its name says it is about a warning.
    assert any(p.severity == "error" for p in problems) or case.stem.startswith(
        ("borrador", "aviso")
    )
