"""The preview as a process: its Pagefind child is reaped as soon as it ends (a `[pagefind]
<defunct>` stayed while the preview ran), and it shows the site's icon on every page, its
error page too, even before a first build."""

from __future__ import annotations

import subprocess
import urllib.error
import urllib.request
from pathlib import Path

from generator import addresses as paths
from generator.site.render import icon

from .conftest import create_repo
from .test_engines import fetch, free_port, serve_command, wait_for


def children(pid: int) -> dict[int, tuple[str, str]]:
    """The processes whose parent is `pid`: (name, state) by process id."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue  # ended meanwhile
        name = text[text.index("(") + 1 : text.rindex(")")]
        state, parent = text[text.rindex(")") + 2 :].split()[:2]
        if int(parent) == pid:
            found[int(stat.parent.name)] = (name, state)
    return found


def fetch_bytes(url: str) -> tuple[int, bytes, str]:
    """Status, body and type of `url`, an error's too; status 0 when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers.get("Content-Type", "")
    except OSError:
        return 0, b"", ""


def test_the_search_index_leaves_no_zombie_behind(tmp_path: Path) -> None:
    root = create_repo(tmp_path / "repo")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(serve_command(root, port), stdout=log, stderr=subprocess.STDOUT)
    index = f"http://127.0.0.1:{port}/pagefind/pagefind-entry.json"
    try:
        started = wait_for(lambda: process.poll() is not None or fetch(index) is not None, 60)
        assert started and process.poll() is None, (tmp_path / "serve.log").read_text()
        # Pagefind writes its entry file last, then ends: no child at all once it has.
        assert wait_for(lambda: children(process.pid) == {}, 15), children(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_the_error_page_shows_the_sites_icon_before_any_build(tmp_path: Path) -> None:
    root = create_repo(tmp_path / "repo", {"practices/rota.md": "---\ntitulo: [\n---\n"})
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(serve_command(root, port), stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        started = wait_for(lambda: process.poll() is not None or fetch_bytes(base)[0], 60)
        assert started and process.poll() is None, (tmp_path / "serve.log").read_text()
        status, data, _ = fetch_bytes(base)
        page = data.decode("utf-8")
        assert status == 500 and "El contenido tiene" in page
        assert f'<link rel="icon" href="/{paths.FAVICON}">' in page
        for path, kind in ((paths.FAVICON, "image/png"), (paths.FAVICON_ICO, "image/")):
            status, data, served = fetch_bytes(base + path)
            assert (status, data) == (200, icon(path)) and served.startswith(kind), path
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
