"""What `python -m generator build|serve` tells the MkDocs plugin about one run.

The driver sets the settings around the run (`running`); the plugin reads them (`current`).
Outside a run (`mkdocs build` directly) there are none and the plugin uses mkdocs.yml's.
A module value rather than a context variable: MkDocs' preview rebuilds in another thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RunSettings:
    root: Path  # the repository whose content/, centers/ and practices/ are built
    drafts: bool = False
    generate: bool = True  # False: the docs tree is already written (see driver.generate_docs)
    index_search: bool = True  # the offline bundle has its own index


_current: RunSettings | None = None


@contextmanager
def running(settings: RunSettings) -> Iterator[RunSettings]:
    """The settings for what runs inside; the previous ones (usually none) come back after."""
    global _current
    previous, _current = _current, settings
    try:
        yield settings
    finally:
        _current = previous


def current() -> RunSettings | None:
    return _current
