"""An open page of the preview reloads once when its own HTML changes, and not at all when it
does not: a save makes two passes (the edited practice's page, then the lists), and MkDocs'
live reload reloaded every open page after each. A reload is also what Chromium can lose a
close to (tests/browser/test_close_race.py): a page reloading for nothing was the hang."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from tests.browser.conftest import Browser
from tests.browser.test_preview import Preview
from tests.conftest import VALID_PRACTICE, create_repo

LOADS = "() => Number(sessionStorage.getItem('cargas'))"
# Every text the preview's notice shows on a page, in order (the page's own record).
NOTICES = """new MutationObserver(() => {
  const notice = document.querySelector('.rc-vista-previa-aviso');
  const said = notice && !notice.hidden ? notice.textContent : '';
  window.avisos = window.avisos || [];
  if (window.avisos[window.avisos.length - 1] !== said) window.avisos.push(said);
}).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});"""
COUNT = "sessionStorage.setItem('cargas', Number(sessionStorage.getItem('cargas')) + 1)"


def opened(browser: Browser, url: str) -> Any:
    page = browser.new_page()
    page.add_init_script(COUNT)  # runs on every load of the page, reloads too
    page.goto(url)
    return page


def test_a_save_reloads_only_the_pages_it_changed_and_once(
    browser: Browser, tmp_path: Path
) -> None:
    root = create_repo(tmp_path / "repo")
    preview = Preview(root, tmp_path)
    try:
        edited = opened(browser, preview.base + "practicas/diagnostico/")
        listing = opened(browser, preview.base + "practicas/")
        unrelated = browser.new_page()
        unrelated.add_init_script(COUNT + ";" + NOTICES)
        unrelated.goto(preview.base + "acerca/")
        source = root / "practices" / "diagnostico.md"
        new = VALID_PRACTICE.replace("titulo: Diagnóstico de digitalización para almaceneros",
                                     "titulo: Diagnóstico renovado")  # fmt: skip
        passes = preview.output().count("Vista previa actualizada")
        source.write_text(new, encoding="utf-8")
        edited.wait_for_function("() => document.title.includes('Diagnóstico renovado')")
        listing.get_by_text("Diagnóstico renovado").first.wait_for()
        deadline = time.monotonic() + 30
        while preview.output().count("Vista previa actualizada") < passes + 2:
            assert time.monotonic() < deadline, preview.output()
            time.sleep(0.2)
        time.sleep(2)  # a reload that would still come
        assert edited.evaluate(LOADS) == 2  # opened, then reloaded once after the first pass
        assert listing.evaluate(LOADS) == 2  # opened, then reloaded once after the second
        assert unrelated.evaluate(LOADS) == 1  # nothing it shows changed
        # While the save was being built, the page said so, then the notice went away.
        assert unrelated.evaluate("window.avisos") == [
            "",
            "Guardado: reconstruyendo la página…",
            "",
        ]
        notice = unrelated.locator(".rc-vista-previa-aviso")
        assert notice.get_attribute("role") == "status" and notice.is_hidden()
    finally:
        preview.stop()
