"""The one pipeline: load -> validate (validate.py, which reads through loader.py) -> (render
-> write, see build.py)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.content.loader import EntryCache
from generator.content.problems import ContentError, Problem, has_errors, sort_problems
from generator.content.repository import Repository
from generator.content.validate import check_content


def check(
    root: Path, cache: EntryCache | None = None, workers: int = 1
) -> tuple[Repository | None, list[Problem]]:
    """Every problem of every file; the repository only when there is no error. With
    `workers=2`, a second process checks half of the practices (their entries come back
    without their parse, which costs more to send than to make again where it is needed)."""
    with _collector_paused():
        loaded = check_content(root, workers, cache=cache)
        problems = sort_problems(loaded.problems)
    taxonomy, network = loaded.taxonomy, loaded.network
    if has_errors(problems) or taxonomy is None or network is None:
        return None, problems
    return (
        Repository(
            root, taxonomy, network, loaded.centers, loaded.practices, loaded.pages, loaded.assets
        ),
        problems,
    )


def find_problems(root: Path, workers: int = 1) -> list[Problem]:
    """What `check` reports, without keeping the content: with `workers=2` a second process
    checks half of the practices and sends back only their problems (same result, less time)."""
    with _collector_paused():
        return sort_problems(check_content(root, workers, keep_entries=False).problems)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading makes ~40 objects per YAML line and no reference cycles; the cyclic collector would
    scan the growing heap over and over (a third of `check`'s time at 10,000 practices)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_valid(
    root: Path, cache: EntryCache | None = None, workers: int = 1
) -> tuple[Repository, list[Problem]]:
    """The repository, or ContentError with every problem."""
    repository, problems = check(root, cache=cache, workers=workers)
    if repository is None:
        raise ContentError(problems)
    return repository, problems
