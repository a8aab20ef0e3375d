"""The tabs that the reading tests share (conftest.Tabs): a tab lent again keeps nothing of
the test before it, a script error while it is lent fails that test, and a tab that is gone
is replaced."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Chromium, Tabs, served

SIZE = (390, 844)
LEFT_BEHIND = """async () => [
  localStorage.length, sessionStorage.length, document.cookie, scrollY,
  (await indexedDB.databases()).map((db) => db.name),
]"""
KEEP_SOMETHING = """async () => {
  localStorage.setItem("a", "1");
  sessionStorage.setItem("b", "2");
  document.cookie = "c=3";
  scrollTo(0, 1000);
  const opened = indexedDB.open("copias");
  opened.onupgradeneeded = () => opened.result.createObjectStore("entradas");
  await new Promise((done) => { opened.onsuccess = done; });  // left open, as an app does
}"""


def test_a_lent_tab_keeps_nothing_of_the_test_before(chromium: Chromium, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>t</title><div style="height:5000px">alto</div>', encoding="utf-8"
    )
    tabs = Tabs(chromium)
    with served(tmp_path) as base:
        try:
            with tabs.lent(SIZE) as tab:
                tab.goto(base)
                tab.evaluate(KEEP_SOMETHING)
                assert tab.evaluate(LEFT_BEHIND) == [1, 1, "c=3", 1000, ["copias"]]
                tab.set_viewport_size({"width": 700, "height": 500})
                first = tab
            with tabs.lent(SIZE) as tab:
                assert tab is first  # the same tab: no new renderer
                assert tab.url == "about:blank"
                assert tab.viewport_size == {"width": SIZE[0], "height": SIZE[1]}
                tab.goto(base)
                assert tab.evaluate(LEFT_BEHIND) == [0, 0, "", 0, []]

            with pytest.raises(AssertionError, match="roto"), tabs.lent(SIZE) as tab:
                tab.goto(base)
                tab.evaluate("() => { setTimeout(() => { throw new Error('roto'); }); }")
                tab.evaluate("() => new Promise((done) => setTimeout(done, 50))")

            with tabs.lent(SIZE) as tab:
                tab.context.close()  # gone, as after a test that closed it
            with tabs.lent(SIZE) as tab:
                assert tab is not first and not tab.is_closed()
                tab.goto(base)
                assert tab.title() == "t"
        finally:
            tabs.close()
