"""The editor /admin/ on one machine (`make editar`), run by the tests: decap-server (npm,
pinned) in its file-system mode on a fixture repository, the site built with
RED_CMS_BACKEND=local and served on 127.0.0.1, and the steps an author takes in it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator.authoring import admin_page
from tests.browser.conftest import served
from tests.conftest import REPO, copy_repository, create_repo
from tests.sitebuild import build

DECAP_SERVER = REPO / "node_modules" / ".bin" / "decap-server"
# A practice that uses every construct of the site's Markdown (its key, and its file here).
EVERY_CONSTRUCT = "todas-las-formas"
EVERY_CONSTRUCT_FILE = Path(__file__).resolve().parent / f"{EVERY_CONSTRUCT}.md"


@dataclass(frozen=True)
class LocalEditor:
    root: Path
    admin_url: str


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "decap-server terminó antes de escuchar"
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"decap-server no escucha en el puerto {port}")


def local_editor(
    tmp_path_factory: pytest.TempPathFactory, make_root: Callable[[Path], Path] = create_repo
) -> Iterator[LocalEditor]:
    """The editor on the repository `make_root` writes into the folder it is given (by
    default the fixture repository of tests/conftest.py)."""
    missing = [
        p for p in (DECAP_SERVER, admin_page.BUNDLE_DIR / admin_page.BUNDLE) if not p.exists()
    ]
    if missing:
        message = f"Falta {missing[0]}: ejecuta «npm ci» en la raíz."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    root = make_root(tmp_path_factory.mktemp("editar") / "repo")
    port = free_port()
    server = subprocess.Popen(
        [str(DECAP_SERVER)],
        env={
            **os.environ,
            "PORT": str(port),
            "BIND_HOST": "127.0.0.1",
            "MODE": "fs",
            "GIT_REPO_DIRECTORY": str(root),
            "LOG_LEVEL": "warn",
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, server)
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("RED_CMS_BACKEND", "local")
            patch.setenv("RED_CMS_LOCAL_PORT", str(port))
            result = build(root, site_dir=root.parent / "site")
        assert result.returncode == 0, result.stderr
        with served(root.parent / "site") as base:
            yield LocalEditor(root, base + "admin/")
    finally:
        server.terminate()
        server.wait(timeout=10)


def git(root: Path, *args: str) -> str:
    """A git command in `root`, as a person with a name and no settings of their own."""
    person = {"NAME": "Prueba", "EMAIL": "prueba@ejemplo.cl"}
    return subprocess.run(
        ["git", "-C", str(root), *args],
        check=True,
        capture_output=True,
        text=True,
        timeout=30,
        env={
            **{
                f"GIT_{who}_{key}": value
                for who in ("AUTHOR", "COMMITTER")
                for key, value in person.items()
            },
            "HOME": str(root),
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        },
    ).stdout


def repository_with_every_construct(root: Path) -> Path:
    """The repository's own content, the practice with every construct and the guide it
    links, committed in a new git repository."""
    copy_repository(root)
    shutil.copy(EVERY_CONSTRUCT_FILE, root / "practices" / f"{EVERY_CONSTRUCT}.md")
    (root / "practices" / "adjuntos").mkdir(exist_ok=True)
    (root / "practices" / "adjuntos" / "guia.pdf").write_bytes(b"%PDF-1.4 guia")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Contenido")
    return root


def sign_in(page: Any, editor: LocalEditor) -> None:
    page.goto(editor.admin_url)
    page.get_by_role("button", name="Iniciar sesión").click()


def open_entry(page: Any, editor: LocalEditor, key: str) -> Any:
    """The practice's entry, read afresh from its file (the person has signed in); gives its
    body's editor, in the mode it opens with."""
    page.goto(f"{editor.admin_url}#/collections/practicas/entries/{key}")
    page.reload()
    body = page.locator("[data-slate-editor]")
    body.wait_for()
    return body


def publish(page: Any) -> None:
    """decap-server writes the file when the entry is published (no pull requests locally)."""
    page.get_by_role("button", name="Publicar", exact=True).click()
    page.get_by_text("Publicar ahora", exact=True).click()


def new_practice(page: Any, title: str, summary: str) -> None:
    """A new practice with its required fields filled in, as a draft of Talca's, not saved."""
    page.get_by_text("+ Práctica", exact=True).click()
    page.get_by_label("Título", exact=True).fill(title)
    page.get_by_label("Resumen", exact=True).fill(summary)
    for label, option in (
        ("Centro", "Centro de Negocios Sercotec Talca"),
        ("Áreas", "Sustentabilidad"),
        ("Estado", "Borrador"),
    ):
        page.get_by_label(label, exact=True).click()
        page.get_by_role("option", name=option, exact=True).click()
    page.get_by_label("Fecha", exact=True).fill("2021-04-02")


def wait_for_file(path: Path, unlike: str | None) -> str:
    """The file's text once the editor has written it: different from `unlike`, not empty, and
    the same on two reads in a row (decap-server creates the file before it writes to it)."""
    deadline = time.monotonic() + 30
    seen: str | None = None
    while time.monotonic() < deadline:
        text = path.read_text(encoding="utf-8") if path.is_file() else None
        if text and text != unlike and text == seen:
            return text
        seen = text
        time.sleep(0.2)
    raise AssertionError(f"el editor no escribió {path}")
