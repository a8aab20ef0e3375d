"""The preview's web server: the built site as it is, each page with the live-reload script, a
Spanish error page for every page while the content is invalid, and the answer to "did my
page change?" that the script asks.

Nothing waits without a bound: the question is answered within POLL_SECONDS, a page asked for
during a rebuild waits at most REBUILD_WAIT_SECONDS, and stopping the server answers every
question at once. A page reloads only when its own HTML changed (or the site's look, or the
content became valid or invalid): once per save, not once per rebuild.
"""

from __future__ import annotations

import http.server
import json
import mimetypes
import posixpath
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from generator.addresses import ONLINE
from generator.publish.preview.page import with_reload_script
from generator.site.render import ICONS, icon

CHANGES = "/__vista-previa__/cambios"
POLL_SECONDS = 25.0
REBUILD_WAIT_SECONDS = 10.0
EVERYTHING = "*"  # a change every page shows (the theme, the error page)
KEPT_VERSIONS = 50


@dataclass
class PreviewState:
    """What the server shows, shared with the rebuilds: the site's version, what each version
    changed, whether a rebuild runs, and the error page while the content is invalid."""

    site_dir: Path
    version: int = 1
    error_page: bytes | None = None
    building: bool = False
    stopped: bool = False
    history: list[tuple[int, frozenset[str]]] = field(default_factory=list)
    changed_cond: threading.Condition = field(default_factory=threading.Condition)

    def publish(self, pages: frozenset[str]) -> None:
        """A new version of the site, in which `pages` (URL paths, or EVERYTHING) changed."""
        with self.changed_cond:
            self.version += 1
            self.history = [*self.history[-KEPT_VERSIONS:], (self.version, pages)]
            self.building = False
            self.changed_cond.notify_all()

    def start_building(self) -> None:
        with self.changed_cond:
            self.building = True
            self.changed_cond.notify_all()  # open pages say that they are being rebuilt

    def stop(self) -> None:
        with self.changed_cond:
            self.stopped = True
            self.changed_cond.notify_all()

    def changed_since(self, version: int, page: str) -> bool:
        if self.history and version < self.history[0][0] - 1:
            return True  # older than what is remembered
        return any(
            EVERYTHING in pages or page in pages for seen, pages in self.history if seen > version
        )

    def wait_for_change(self, version: int, page: str, building: bool) -> tuple[int, bool, bool]:
        """(current version, whether `page` changed since `version`, whether a rebuild runs),
        as soon as the page changed or a rebuild started or ended (`building` says whether the
        page knows of one), or after POLL_SECONDS."""
        with self.changed_cond:
            self.changed_cond.wait_for(
                lambda: (
                    self.stopped or self.changed_since(version, page) or self.building != building
                ),
                timeout=POLL_SECONDS,
            )
            return self.version, self.changed_since(version, page), self.building

    def wait_for_build(self) -> int:
        with self.changed_cond:
            self.changed_cond.wait_for(lambda: not self.building, timeout=REBUILD_WAIT_SECONDS)
            return self.version


class _Handler(http.server.BaseHTTPRequestHandler):
    state: PreviewState  # set on the server's own subclass
    server_version = "vista-previa"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the terminal shows the rebuilds, not every request

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        if path == CHANGES:
            self._changes(parse_qs(parts.query))
            return
        version = self.state.wait_for_build()
        error = self.state.error_page
        if error is not None and _is_page(path):
            self._send(500, with_reload_script(error, version, CHANGES), "text/html")
            return
        self._file(path, version)

    def _changes(self, query: dict[str, list[str]]) -> None:
        asked = query.get("version", ["0"])[0]
        page = query.get("pagina", ["/"])[0]
        building = query.get("construyendo", ["0"])[0] == "1"
        version, changed, building = self.state.wait_for_change(
            int(asked) if asked.isdigit() else 0, page, building
        )
        said = {"version": version, "recargar": changed, "construyendo": building}
        answer = json.dumps(said).encode()
        self._send(200, answer, "application/json", cache=False)

    def _file(self, path: str, version: int) -> None:
        site = self.state.site_dir
        relative = posixpath.normpath("/" + path).lstrip("/")
        target = site / relative if relative not in ("", ".") else site
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(302)
                self.send_header("Location", path + "/")
                self.end_headers()
                return
            target = target / "index.html"
        status = 200
        if not target.is_file() and relative in ICONS:
            # The icon, also before a first build (the error page names it).
            self._send(200, icon(relative), mimetypes.guess_type(relative)[0] or "image/png")
            return
        if not target.is_file():
            status, target = 404, site / "404.html"
        try:
            data = target.read_bytes()
        except OSError:
            self._send(404, b"No encontrado", "text/plain")
            return
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind == "text/html":
            data = with_reload_script(data, version, CHANGES)
        self._send(status, data, kind)

    def _send(self, status: int, data: bytes, kind: str, cache: bool = True) -> None:
        self.send_response(status)
        charset = "; charset=utf-8" if kind.startswith("text/") or kind.endswith("json") else ""
        self.send_header("Content-Type", kind + charset)
        self.send_header("Content-Length", str(len(data)))
        if not cache or kind == "text/html":
            self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


def _is_page(path: str) -> bool:
    last = path.rsplit("/", 1)[-1]
    return path.endswith("/") or last.endswith(".html") or "." not in last


class PreviewServer(http.server.ThreadingHTTPServer):
    daemon_threads = True  # a question still waiting never keeps the process alive

    def __init__(self, address: tuple[str, int], state: PreviewState) -> None:
        handler = type("Handler", (_Handler,), {"state": state})
        super().__init__(address, handler)
        self.state = state

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A reader who closes the tab or reloads mid-answer is not an error of the preview:
        # no English traceback in the console for it. Anything else is still printed.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/"

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        """Answer every question at once, then stop accepting and close the socket."""
        self.state.stop()
        self.shutdown()
        self.server_close()


# Files any page may show: the site's style sheets and scripts, and the attachments.
SHOWN_ANYWHERE = ("assets/", "practicas/adjuntos/")


def pages_of(docs_paths: list[str]) -> frozenset[str]:
    """The URL paths that show those docs files: a page's own (`practicas/x.md` ->
    `/practicas/x/`); a style sheet, a script or an attachment, every page; a feed or the
    API's data, none (no page shows them)."""
    if any(docs_path.startswith(SHOWN_ANYWHERE) for docs_path in docs_paths):
        return frozenset([EVERYTHING])
    pages = [docs_path for docs_path in docs_paths if docs_path.endswith(".md")]
    return frozenset("/" + ONLINE.url(docs_path) for docs_path in pages)
