"""What every engine adapter takes and raises (`generator/engines/*/adapter.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from generator.addresses import OFFLINE, ONLINE, Addresses


@dataclass(frozen=True)
class EngineJob:
    """One build: the finished docs tree in `docs_dir` becomes the site in `site_dir`."""

    config_file: Path  # the project's mkdocs.yml: theme, navigation, site name
    docs_dir: Path
    site_dir: Path
    offline: bool = False  # pages linked as `.html` files, to open from disk
    cache_dir: Path | None = None  # what an engine may keep between builds
    strict: bool = True  # any warning fails the build (the preview says them instead)
    # The preview's: the engine may keep working between rebuilds, until `close`.
    preview: bool = False

    @property
    def addresses(self) -> Addresses:
        """Where the pages go: at their directory addresses, or as `.html` files offline."""
        return OFFLINE if self.offline else ONLINE


class EngineError(Exception):
    """The engine could not build the site; the message is Spanish and says why."""


class Engine(Protocol):
    name: str

    def build(self, job: EngineJob) -> None:
        """Build the whole site into `job.site_dir`; raises EngineError."""

    def rebuild(self, job: EngineJob, changed: list[str], removed: list[str]) -> None:
        """The preview after a save: `changed` and `removed` docs files since the last build
        into the same `site_dir` (an engine may rebuild only those pages)."""

    def close(self) -> None:
        """Stop what the engine keeps running for the preview (nothing after a build)."""
