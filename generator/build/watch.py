"""The preview's watching: the sources, by the system's file events, and a trigger file."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    FileSystemEvent,
)
from watchdog.observers import Observer

from generator.build.driver import SOURCE_FOLDERS


class ChangesObserver(Observer):  # type: ignore[misc,valid-type]  # a platform alias
    """The system's file events (inotify on Linux), only those that change a file: MkDocs
    rebuilds on any event, and reading a file (as every build does) is one too."""

    CHANGES: tuple[type[FileSystemEvent], ...] = (
        FileClosedEvent,  # closed after writing
        FileCreatedEvent,
        FileDeletedEvent,
        FileMovedEvent,
        DirCreatedEvent,
        DirDeletedEvent,
        DirMovedEvent,
    )

    def schedule(self, handler: Any, path: str, *, recursive: bool = False) -> Any:
        return super().schedule(handler, path, recursive=recursive, event_filter=self.CHANGES)


def watch_sources(server: Any, config: Any, root: Path) -> Path:
    """Make MkDocs' preview `server` watch the sources under `root` (not the docs tree, which
    the generator writes itself: watching it would rebuild in a loop). Returns a file of the
    plugin's own, watched too, that it writes to ask for another pass."""
    server.unwatch(config.docs_dir)
    # The system's file events instead of MkDocs' polling every half second: the preview
    # starts rebuilding as soon as a file is saved (within its 1-second budget).
    if config.config_file_path:
        server.unwatch(config.config_file_path)
    server.observer = ChangesObserver()
    if config.config_file_path:
        server.watch(config.config_file_path)
    for folder in SOURCE_FOLDERS:
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    trigger_dir = Path(tempfile.mkdtemp(prefix="red-vista-previa-"))
    server.watch(str(trigger_dir))
    return trigger_dir / "resto"
