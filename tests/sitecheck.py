"""Helpers for the hardening tests: a copy of the repository's content, a link crawler over a
built site, whole-tree snapshots, and the external checkers installed from npm."""

from __future__ import annotations

import json
import os
import posixpath
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import REPO

NODE_MODULES = REPO / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"


def require(path: Path, how: str) -> None:
    """Skip locally, fail in CI, when an external checker is not installed."""
    if path.exists():
        return
    message = f"Falta {path}: {how}"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (relative path -> bytes), to compare whole trees."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name in ("href", "src") or (tag == "object" and name == "data")):
                self.found.append(value)
            if value and name == "srcset":
                self.found += [part.split()[0] for part in value.split(",") if part.strip()]


def references(html: str) -> list[str]:
    parser = _References()
    parser.feed(html)
    return parser.found


def broken_links(site: Path) -> list[str]:
    """`page: reference` for every internal href/src of every page that points at nothing."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        page_url = page.relative_to(site).as_posix()
        for ref in references(page.read_text(encoding="utf-8")):
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc or not parts.path:
                continue  # external (the privacy test forbids loading them), or an anchor
            path = unquote(parts.path)
            target = (
                path.lstrip("/")
                if path.startswith("/")
                else posixpath.normpath(posixpath.join(posixpath.dirname(page_url), path))
            )
            file = site / target
            if target.startswith("..") or not (
                file.is_file() or (file.is_dir() and (file / "index.html").is_file())
            ):
                broken.append(f"{page_url}: {ref}")
    return broken


def vnu_errors(files: list[Path]) -> list[str]:
    """Errors the Nu Html Checker reports on `files`, as `file:line: message`."""
    require(VNU_JAR, "npm ci --no-audit --no-fund (vnu-jar) y Java (default-jre-headless)")
    java = shutil.which("java")
    if java is None:
        require(Path("/nonexistent/java"), "instala Java (apt-get install default-jre-headless)")
    result = subprocess.run(
        [str(java), "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=50,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    return [
        f"{m.get('url', '').rsplit('/', 2)[-2:]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
