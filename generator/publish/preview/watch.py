"""The preview's watching: the sources, by the system's file events (inotify on Linux)."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from types import TracebackType
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
    FileSystemEventHandler,
)
from watchdog.observers import Observer

from generator.publish.tree import SOURCE_FOLDERS

# Only events that change a file: reading one (as every build does) is an event too.
CHANGES: list[type[FileSystemEvent]] = [
    FileClosedEvent,  # closed after writing
    FileCreatedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]
SETTLE_SECONDS = 0.05  # an editor's save is often several events: wait for the last one


class _Signal(FileSystemEventHandler):
    def __init__(self, changed: threading.Event, only: str | None = None) -> None:
        self.changed = changed
        self.only = only  # a single file of the folder watched

    def on_any_event(self, event: Any) -> None:
        paths = {str(event.src_path), str(getattr(event, "dest_path", "") or "")}
        if self.only is None or self.only in paths:
            self.changed.set()


class SourceWatch:
    """Says when a file under the sources (content/, centers/, practices/) or the site's
    configuration changed."""

    def __init__(self, root: Path, config_file: Path) -> None:
        self.changed = threading.Event()
        self.observer = Observer()
        handler = _Signal(self.changed)
        for folder in SOURCE_FOLDERS:
            if (root / folder).is_dir():
                self.observer.schedule(
                    handler, str(root / folder), recursive=True, event_filter=CHANGES
                )
        if config_file.parent == root:
            only_config = _Signal(self.changed, str(config_file))
            self.observer.schedule(only_config, str(root), recursive=False, event_filter=CHANGES)

    def __enter__(self) -> SourceWatch:
        self.observer.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.observer.stop()
        self.observer.join(timeout=5)

    def wait(self) -> None:
        """Until something changed, and settled (returns at once if it already did)."""
        while not self.changed.wait(0.5):  # short waits: Ctrl-C is seen between them
            pass
        while True:
            self.changed.clear()
            time.sleep(SETTLE_SECONDS)
            if not self.changed.is_set():
                return
