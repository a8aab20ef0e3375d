"""Browser tests: a real headless Chromium (Debian's) driven by Playwright, against a site
built by the project and served on 127.0.0.1 by the test itself.

Nothing here waits without a bound. Chromium can lose the close of a page whose reload is
committing at that moment (with RenderDocument, on since Playwright 1.64:
https://github.com/microsoft/playwright/issues/42068, Chromium issue 536385539): Playwright
then waits for a close that never comes. Every context a test opens is closed after it within
CLOSE_SECONDS; past that, this session's Chromium is killed (which ends the wait), the test
fails saying so, and the next test gets a new Chromium.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import signal
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
CLOSE_SECONDS = 15


def chromium_path() -> str | None:
    found = os.environ.get("CHROMIUM_PATH") or next(
        (p for p in CHROMIUM_CANDIDATES if Path(p).exists()), None
    )
    return found or shutil.which("chromium")


class Chromium:
    """This session's Chromium, launched when first needed and again after it was killed.
    A switch of its own on the command line tells its process apart from any other."""

    def __init__(self, playwright: Any, executable: str) -> None:
        self.playwright = playwright
        self.executable = executable
        self.mark = f"--red-de-centros-pruebas={uuid.uuid4().hex}"
        self.browser: Any = None

    def get(self) -> Any:
        if self.browser is None or not self.browser.is_connected():
            self.browser = self.playwright.chromium.launch(
                executable_path=self.executable, args=[*CHROMIUM_ARGS, self.mark]
            )
        return self.browser

    def kill(self) -> None:
        """Kill the browser process (its pages' processes end with it)."""
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            with contextlib.suppress(OSError):
                if self.mark.encode() in (entry / "cmdline").read_bytes():
                    os.kill(int(entry.name), signal.SIGKILL)

    def close_within(self, closable: Any, what: str, seconds: float = CLOSE_SECONDS) -> None:
        """`closable.close()`, or, past `seconds`, kill Chromium and fail saying so."""
        late = threading.Event()

        def too_late() -> None:
            late.set()
            self.kill()

        timer = threading.Timer(seconds, too_late)
        timer.start()
        try:
            closable.close()
        except Exception:  # Playwright's errors once the browser is gone: nothing to close
            pass
        finally:
            timer.cancel()
        if late.is_set():
            pytest.fail(
                f"Chromium no cerró {what} en {seconds:g} s: se cerró a la fuerza "
                "(la próxima prueba usa un Chromium nuevo)."
            )


@pytest.fixture(scope="session")
def chromium() -> Iterator[Chromium]:
    executable = chromium_path()
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true y no hay Chromium: instala el paquete «chromium» (apt-get).")
        pytest.skip("No se encontró Chromium (/usr/bin/chromium): apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = Chromium(playwright, executable)
        yield browser
        if browser.browser is not None:
            browser.close_within(browser.browser, "el navegador")


class Browser:
    """The browser as a test sees it: every context it opens is closed after the test, each
    within CLOSE_SECONDS (`Chromium.close_within`)."""

    def __init__(self, chromium: Chromium) -> None:
        self.chromium = chromium
        self.contexts: list[Any] = []

    def new_context(self, **options: Any) -> Any:
        context = self.chromium.get().new_context(**options)
        self.contexts.append(context)
        return context

    def new_page(self, **options: Any) -> Any:
        return self.new_context(**options).new_page()

    def close(self) -> None:
        for context in self.contexts:
            self.chromium.close_within(context, "una pestaña")
        self.contexts.clear()


@pytest.fixture
def browser(chromium: Chromium) -> Iterator[Browser]:
    opened = Browser(chromium)
    yield opened
    opened.close()


@pytest.fixture
def page(browser: Browser) -> Any:
    return browser.new_page()


Size = tuple[int, int]


def screen_options(size: Size) -> dict[str, Any]:
    """A browser context's options for a screen of `size`: one narrower than 500 px is a
    phone's (mobile, with touch)."""
    width, height = size
    phone = width < 500
    return {"viewport": {"width": width, "height": height}, "is_mobile": phone, "has_touch": phone}


# What a site keeps in a tab: its storages, and its IndexedDB databases (the editor keeps its
# unsaved entries there). A database still open is deleted once the page is left.
FORGET_THE_SITE = """async () => {
  localStorage.clear();
  sessionStorage.clear();
  for (const { name } of await indexedDB.databases()) indexedDB.deleteDatabase(name);
}"""


class Tabs:
    """Tabs kept open for one module's tests, one per screen size, for tests that read pages
    and change nothing but the page they are on. Opening a tab costs Chromium a new renderer
    process: 0.8 s of CPU per test with a tab of its own, 0.24 s when it loads its page in an
    open tab (measured 2026-12-07, 20 loads of the repository's pages at 390 px). Before a
    tab is lent again it is emptied: its site's storages and cookies cleared, about:blank
    loaded (a page of the last test never meets the next one), its size and mouse set back,
    its script errors counted afresh. A tab that cannot be emptied is closed and a new one
    opened."""

    def __init__(self, chromium: Chromium, init_script: str | None = None) -> None:
        self.chromium = chromium
        self.init_script = init_script
        self.open: dict[Size, Any] = {}

    @contextlib.contextmanager
    def lent(self, size: Size) -> Iterator[Any]:
        """The tab of `size`, emptied; no script error may happen while it is lent."""
        tab = self.open.get(size)
        if tab is not None:
            try:
                self._empty(tab, size)
            except Exception:  # Playwright's: a tab (or a Chromium) that is gone or stuck
                self._close(size)
        tab = self._tab(size)
        tab.errors.clear()
        yield tab
        assert tab.errors == [], tab.errors

    def _tab(self, size: Size) -> Any:
        tab = self.open.get(size)
        if tab is not None:
            return tab
        tab = self.chromium.get().new_context(**screen_options(size)).new_page()
        if self.init_script:
            tab.add_init_script(self.init_script)
        errors: list[str] = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.errors = errors
        self.open[size] = tab
        return tab

    def _empty(self, tab: Any, size: Size) -> None:
        if tab.url.startswith("http"):
            tab.evaluate(FORGET_THE_SITE)
        tab.context.clear_cookies()
        tab.goto("about:blank")
        tab.set_viewport_size({"width": size[0], "height": size[1]})
        tab.mouse.move(0, 0)

    def _close(self, size: Size) -> None:
        tab = self.open.pop(size)
        self.chromium.close_within(tab.context, "una pestaña")

    def close(self) -> None:
        for size in list(self.open):
            self._close(size)


@pytest.fixture(scope="module")
def tabs(chromium: Chromium) -> Iterator[Tabs]:
    kept = Tabs(chromium)
    yield kept
    kept.close()


@pytest.fixture
def desktop(tabs: Tabs) -> Iterator[Any]:
    """The module's open tab at Playwright's default size (1280 × 720)."""
    with tabs.lent((1280, 720)) as tab:
        yield tab


def page_from_open_tabs() -> Any:
    """`page = page_from_open_tabs()` in a module: its tests' `page` is the module's open
    desktop tab (`desktop`), not a new one."""

    @pytest.fixture(name="page")
    def lent_page(desktop: Any) -> Any:
        """The module's open desktop tab (conftest.Tabs), not a new one."""
        return desktop

    return lent_page


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True  # a request still open never keeps the tests waiting

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Chromium resets connections it no longer needs (a page closed mid-load): not an
        # error of the files served, so no traceback in the suite's output.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def served(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 on a free port while the block runs; gives the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The editor with decap-server on a fixture repository (tests/browser/local_editor.py)."""
    from tests.browser.local_editor import local_editor

    yield from local_editor(tmp_path_factory)
