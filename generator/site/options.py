"""How to render: drafts, the style of addresses, and where the repository is (read with the
rest of a run's settings, `generator/publish/settings.py`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RenderOptions:
    drafts: bool = False
    directory_urls: bool = True
    edit_base: str | None = None  # e.g. https://github.com/org/repo/edit/main/
    repository: str | None = None  # e.g. https://github.com/org/repo
