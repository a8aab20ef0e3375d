"""Chromium can lose the close of a page whose reload is committing at that moment
(https://github.com/microsoft/playwright/issues/42068): Playwright then waits for the close
forever. That is what held the suite for 600 s at the preview's tests. This reproduction makes
the race on purpose, again and again: every close now ends within its bound, the one that lost
its close by killing Chromium, and the next page gets a new Chromium."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.browser.conftest import Chromium, served

BOUND = 3.0  # seconds: a close that takes longer is one Chromium lost
TRIES = 2  # each lost close costs BOUND seconds; it was lost 7 and 8 times in 8


def test_a_close_that_races_a_reload_never_waits_past_its_bound(
    chromium: Chromium, tmp_path: Path
) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title><p>ok</p>")
    lost = 0
    with served(tmp_path) as base:
        for _ in range(TRIES):
            if lost == 0 or not chromium.browser.is_connected():
                context = chromium.get().new_context()
            page = context.new_page()
            page.goto(base)
            # The evaluation never ends by itself: it ends when the reload commits; the
            # close comes right then.
            with pytest.raises(Exception, match=r"navigat|Execution context"):
                page.evaluate("() => { location.reload(); return new Promise(() => {}); }")
            started = time.monotonic()
            try:
                chromium.close_within(page, "la pestaña", BOUND)
            except pytest.fail.Exception:
                lost += 1
            assert time.monotonic() - started < BOUND + 10
    chromium.close_within(context, "el contexto", BOUND)
    print(f"Chromium perdió {lost} de {TRIES} cierres")
