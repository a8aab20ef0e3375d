"""How to render: drafts, the style of addresses, and where the repository is."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class RenderOptions:
    drafts: bool = False
    directory_urls: bool = True
    edit_base: str | None = None  # e.g. https://github.com/org/repo/edit/main/
    repository: str | None = None  # e.g. https://github.com/org/repo


def repository_from_environment() -> str | None:
    """The repository's address (e.g. https://github.com/org/repo), for the links that edit a
    file or open an issue form: RED_REPO_URL, else GitHub Actions' variables, else the
    repository of RED_EDIT_URL."""
    if explicit := os.environ.get("RED_REPO_URL"):
        return explicit.rstrip("/")
    server, repository = os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY")
    if server and repository:
        return f"{server}/{repository}"
    edit = re.match(r"^(https?://.+?)/edit/[^/]+/?$", os.environ.get("RED_EDIT_URL", ""))
    return edit.group(1) if edit else None


def edit_base_from_environment() -> str | None:
    """Where "Editar esta página" points: RED_EDIT_URL, else the repository's default branch."""
    if explicit := os.environ.get("RED_EDIT_URL"):
        return explicit.rstrip("/") + "/"
    repository = repository_from_environment()
    if repository:
        return f"{repository}/edit/{os.environ.get('GITHUB_REF_NAME') or 'main'}/"
    return None
