"""The preview in Chromium: an invalid save shows a Spanish page with every problem at once,
and the real page comes back as soon as the file is fixed; drafts are shown, marked."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..command import run_generator
from ..conftest import VALID_PRACTICE, create_repo
from ..test_engines import free_port, serve_command
from .conftest import page_from_open_tabs

DRAFT = VALID_PRACTICE.replace("estado: ejemplo", "estado: borrador").replace(
    "titulo: Diagnóstico de digitalización para almaceneros", "titulo: Feria en preparación"
)


def status_and_text(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except OSError:
        return 0, ""


class Preview:
    def __init__(self, root: Path, tmp: Path, ready: int = 200) -> None:
        self.root = root
        self.port = free_port()
        self.log_path = tmp / "serve.log"
        self.temp = tmp / "temporal"
        self.temp.mkdir()
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(
            serve_command(root, self.port),
            stdout=self.log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "TMPDIR": str(self.temp)},
        )
        self.base = f"http://127.0.0.1:{self.port}/"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and self.process.poll() is None:
            if status_and_text(self.base)[0] == ready:
                return
            time.sleep(0.3)
        raise AssertionError(self.output())

    def output(self) -> str:
        return self.log_path.read_text(encoding="utf-8")

    def stop(self, sig: int = signal.SIGTERM) -> int:
        self.process.send_signal(sig)
        code = self.process.wait(timeout=30)
        self.log.close()
        return code


page = page_from_open_tabs()


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    root = create_repo(tmp_path / "repo", {"practices/feria.md": DRAFT})
    running = Preview(root, tmp_path)
    yield running
    if running.process.poll() is None:
        running.stop()


def test_invalid_save_shows_the_problems_and_the_fix_brings_the_page_back(
    preview: Preview, page: Any
) -> None:
    url = preview.base + "practicas/diagnostico/"
    page.goto(url)
    assert page.locator("h1").first.inner_text().startswith("Diagnóstico de digitalización")
    source = preview.root / "practices" / "diagnostico.md"
    good = source.read_text(encoding="utf-8")
    broken = good.replace("centro: talca", "centro: Talca").replace("## Resultados", "## Resultado")
    source.write_text(broken, encoding="utf-8")
    # The open page reloads by itself to the error page, with every problem and its line.
    page.wait_for_function("document.title.includes('errores')", timeout=15_000)
    text = page.locator("main").inner_text()
    assert "practices/diagnostico.md:4:9" in text and "¿Quisiste decir «talca»?" in text
    assert "La sección «## Resultado» debe escribirse exactamente «## Resultados»" in text
    assert "practices/diagnostico.md:" in text and "2 errores" in page.title()
    # Every page of the preview answers at once with the same page, none waits.
    started = time.monotonic()
    status, other = status_and_text(preview.base + "centros/")
    assert status == 500 and "¿Quisiste decir «talca»?" in other
    assert time.monotonic() - started < 5
    # The same text as `check`, in Spanish in the terminal; nothing of MkDocs' English.
    output = preview.output()
    assert "practices/diagnostico.md:4:9: error:" in output
    for english in ("Aborted", "appear stuck", "Traceback", "Building documentation", "INFO"):
        assert english not in output, output
    source.write_text(good, encoding="utf-8")
    page.wait_for_function(
        "document.querySelector('h1') && document.querySelector('h1').innerText"
        ".startsWith('Diagnóstico de digitalización')",
        timeout=15_000,
    )
    assert status_and_text(preview.base + "centros/")[0] == 200


def test_serve_started_on_invalid_content_shows_the_problems_until_they_are_fixed(
    tmp_path: Path, page: Any
) -> None:
    source = "practices/diagnostico.md"
    broken = VALID_PRACTICE.replace("centro: talca", "centro: Talca")
    root = create_repo(tmp_path / "repo", {source: broken})
    expected = run_generator("check", "--root", str(root)).stdout
    line = next(x for x in expected.splitlines() if x.startswith(f"{source}:4:9: error:"))
    preview = Preview(root, tmp_path, ready=500)  # it starts, and answers with the problems
    try:
        for address in ("", "practicas/diagnostico/", "centros/"):
            page.goto(preview.base + address)
            assert "1 error" in page.title()
            text = page.locator("main").inner_text()
            assert f"{source}:4:9" in text and "¿Quisiste decir «talca»?" in text
        # The same text as `check`, in the terminal; nothing of MkDocs' English.
        output = preview.output()
        assert line in output, output
        for english in ("Aborted", "appear stuck", "Traceback", "Building documentation"):
            assert english not in output, output
        (root / source).write_text(VALID_PRACTICE, encoding="utf-8")
        page.wait_for_function(
            "document.querySelector('h1') && document.querySelector('h1').innerText"
            ".startsWith('Centros')",
            timeout=30_000,
        )
        page.goto(preview.base + "practicas/diagnostico/")
        assert page.locator("h1").first.inner_text().startswith("Diagnóstico de digitalización")
        page.screenshot(path=str(tmp_path / "arreglado.png"))
    finally:
        preview.stop()


def test_serve_shows_drafts_marked_and_build_leaves_them_out(
    preview: Preview, page: Any, tmp_path: Path
) -> None:
    page.goto(preview.base + "practicas/feria/")
    assert "Borrador" in page.locator("article").inner_text()
    page.goto(preview.base + "centros/talca/")
    item = page.locator("article a", has_text="Feria en preparación")
    assert item.count() >= 1
    assert "Borrador" in page.locator("article").inner_text()
    assert preview.stop() in (0, 130, -signal.SIGTERM)
    site = tmp_path / "sitio"
    result = run_generator("build", "--root", str(preview.root), "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    assert (site / "practicas" / "diagnostico" / "index.html").is_file()
    assert not (site / "practicas" / "feria").exists()
    assert "Feria en preparación" not in (site / "centros" / "talca" / "index.html").read_text()
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert "No encontramos esta página" in not_found and "Not found" not in not_found


def test_sigterm_leaves_no_temporary_folder(preview: Preview) -> None:
    assert list(preview.temp.iterdir())  # the preview's site and its trigger folder
    preview.stop(signal.SIGTERM)
    assert list(preview.temp.iterdir()) == []


def test_spanish_404_page_with_search_and_links(preview: Preview, page: Any) -> None:
    response = page.goto(preview.base + "practicas/no-existe/")
    assert response.status == 404
    text = page.locator("article").inner_text()
    assert "Not found" not in page.content() and "No encontramos esta página" in text
    assert page.locator("article form[role=search] input[name=q]").count() == 1
    page.get_by_role("link", name="Ver el catálogo de prácticas").click()
    page.wait_for_url(preview.base + "practicas/")
    page.goto(preview.base + "a/b/c/no-existe")
    page.get_by_role("link", name="Ir a la página de inicio").click()
    page.wait_for_url(preview.base)
    page.goto(preview.base + "no-existe/")
    page.fill("article form[role=search] input[name=q]", "digitalizacion")
    page.locator("article form[role=search] button").click()
    page.wait_for_url("**/buscar/?q=digitalizacion")
