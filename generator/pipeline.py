"""The one pipeline: load -> validate -> (render -> write, see build.py)."""

from __future__ import annotations

from pathlib import Path

from generator.loader import load_entries
from generator.problems import ContentError, Problem, has_errors, sort_problems
from generator.repository import Repository
from generator.rules import check_all


def check(root: Path) -> tuple[Repository | None, list[Problem]]:
    """Every problem of every file; the repository only when there is no error."""
    taxonomy, network, centers, practices, pages, assets, problems = load_entries(root)
    problems += check_all(taxonomy, network, centers, practices, pages)
    problems = sort_problems(problems)
    if has_errors(problems) or taxonomy is None or network is None:
        return None, problems
    return Repository(root, taxonomy, network, centers, practices, pages, assets), problems


def load_valid(root: Path) -> tuple[Repository, list[Problem]]:
    """The repository, or ContentError with every problem."""
    repository, problems = check(root)
    if repository is None:
        raise ContentError(problems)
    return repository, problems
