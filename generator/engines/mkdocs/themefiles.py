"""The theme's file list, kept across the preview's rebuilds instead of made before each.

Before every build MkDocs lists the theme's files to find its assets (`add_files_from_theme`):
it walks Material's templates, 14,510 files with its icons, and matches each name against its
patterns, 0.1-0.2 s of each of the two passes after a save at this machine's speed. The
preview keeps each listing while the theme's folders are as they were: adding, removing or
renaming a file changes its folder's modification time, checked before each use (28 folders,
50 µs). Only the list of names is kept: each build still reads the files themselves.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Hashable, Iterable
from typing import Any

import jinja2

Listing = Callable[..., list[str]]
RECENT_NS = 2_000_000_000


class ThemeFiles:
    """The listings of one preview, by theme folders and what the caller filters by."""

    def __init__(self) -> None:
        self._kept: dict[Hashable, tuple[dict[str, int], list[str]]] = {}

    def keep(self, theme: Any) -> None:
        """Make `theme.get_env()`, this build's (MkDocs makes a new theme for every build),
        give environments that reuse the listings."""
        get_env: Callable[[], jinja2.Environment] = theme.get_env
        # MkDocs' filter reads the theme's static templates; the folders are the theme's.
        base = (tuple(theme.dirs), tuple(theme.static_templates))

        def kept_env() -> jinja2.Environment:
            env = get_env()
            env.list_templates = self._listing(env.list_templates, base, theme.dirs)  # type: ignore[method-assign]
            return env

        theme.get_env = kept_env

    def _listing(self, list_templates: Listing, base: Hashable, dirs: list[str]) -> Listing:
        def kept(extensions: Iterable[str] | None = None, filter_func: Any = None) -> list[str]:
            # A filter is known by its code: MkDocs makes a new closure for every build.
            how = (base, tuple(extensions or ()), getattr(filter_func, "__code__", filter_func))
            found = self._kept.get(how)
            if found is not None and folder_times(dirs, found[0]) == found[0]:
                return list(found[1])
            times = folder_times(dirs)  # before listing: a change meanwhile shows next time
            names = list_templates(extensions, filter_func)
            # A folder changed within the file system clock's step could change again
            # unseen, with the same time: such a listing is not kept.
            if times and max(times.values()) < time.time_ns() - RECENT_NS:
                self._kept[how] = (times, names)
            return list(names)

        return kept


def folder_times(dirs: Iterable[str], known: dict[str, int] | None = None) -> dict[str, int]:
    """Every folder under `dirs` with its modification time; with `known` folders, only
    those (a new folder changes its parent's time)."""
    times: dict[str, int] = {}
    try:
        if known is not None:
            return {folder: os.stat(folder).st_mtime_ns for folder in known}
        for top in dirs:
            for folder, _, _ in os.walk(top):
                times[folder] = os.stat(folder).st_mtime_ns
    except OSError:
        return {}  # a folder went away: never equal to a listing's times, listed again
    return times
