"""What every engine adapter takes and raises (`generator/engines/*/adapter.py`)."""

from __future__ import annotations

from contextlib import AbstractContextManager
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
    # Reads a page's relative addresses from its Markdown file, as a Markdown link (Zensical);
    # else from the page's address, as a browser does (the generator writes them so).
    file_relative: bool

    def docs_folder(
        self, site_dir: Path, config_file: Path, cache_dir: Path | None, *, preview: bool
    ) -> AbstractContextManager[Path] | None:
        """Where the generator writes the tree for this engine, when it must be a folder of the
        engine's own (removed when the context ends); None: any folder."""

    def build(self, job: EngineJob) -> None:
        """Build the whole site into `job.site_dir`; raises EngineError."""

    def rebuild(self, job: EngineJob, changed: list[str], removed: list[str]) -> None:
        """The preview after a save: `changed` and `removed` docs files since the last build
        into the same `site_dir` (an engine may rebuild only those pages)."""

    def close(self) -> None:
        """Stop what the engine keeps running for the preview (nothing after a build)."""
