"""The /admin/ page in a real Chromium: Decap CMS with its in-browser `test-repo` backend.

The site is built with RED_CMS_BACKEND=test-repo and served on 127.0.0.1; the test signs in,
opens a new practice from the practices collection, reads the form's options, saves it and
checks the file the CMS would propose with the project's own validator.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.authoring import admin_page
from generator.authoring.canonical import format_text
from generator.content.pipeline import check, load_valid
from generator.content.problems import has_errors
from tests.browser.conftest import page_from_open_tabs, served
from tests.conftest import REPO, create_repo, write_tree
from tests.sitebuild import build

page = page_from_open_tabs()


@pytest.fixture(scope="module")
def admin_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not (admin_page.BUNDLE_DIR / admin_page.BUNDLE).is_file():
        message = f"Falta {admin_page.BUNDLE_DIR / admin_page.BUNDLE}: ejecuta «npm ci» en la raíz."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    root = create_repo(tmp_path_factory.mktemp("admin") / "repo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RED_CMS_BACKEND", "test-repo")
        result = build(root)
    assert result.returncode == 0, result.stderr
    with served(root / "site") as base:
        yield base + "admin/"


def open_new_practice(page: Any, admin_url: str) -> None:
    page.goto(admin_url)
    page.get_by_role("button", name="Iniciar sesión").click()
    page.get_by_text("+ Práctica", exact=True).click()
    page.get_by_label("Título", exact=True).wait_for()


def options_of(page: Any, label: str | re.Pattern[str]) -> list[str]:
    page.get_by_label(label, exact=True).click()
    options = page.get_by_role("option")
    options.first.wait_for()
    texts = [text.strip() for text in options.all_inner_texts()]
    page.keyboard.press("Escape")
    return texts


def test_the_new_practice_form_offers_the_models_fields_and_options(
    page: Any, admin_url: str
) -> None:
    repo, _ = load_valid(REPO)
    open_new_practice(page, admin_url)

    for label in ("Título", "Resumen", "Centro", "Áreas", "Fecha", "Estado"):
        assert page.get_by_label(label, exact=True).count() == 1, label
    assert options_of(page, "Centro") == [c.data.nombre for c in repo.centers.values()]
    assert options_of(page, "Áreas") == [a.nombre for a in repo.taxonomy.data.areas.values()]
    assert options_of(page, "Estado") == ["Ejemplo de formato", "Borrador", "Publicada"]
    services = [s.nombre for s in repo.taxonomy.data.servicios.values()]
    assert options_of(page, re.compile("^Servicios")) == services
    publics = [p.nombre for p in repo.taxonomy.data.publicos.values()]
    assert options_of(page, re.compile("^Públicos")) == publics
    # The body comes with its four sections, written in Markdown.
    body = page.locator(".cms-editor-raw [data-slate-editor]").inner_text().splitlines()
    for section in ("Contexto", "Qué hicimos", "Resultados", "Cómo replicarla"):
        assert f"## {section}" in body, section


def test_a_practice_saved_in_the_admin_passes_the_checks(
    page: Any, admin_url: str, tmp_path: Path
) -> None:
    open_new_practice(page, admin_url)
    page.get_by_label("Título", exact=True).fill("Feria de almaceneros en la plaza")
    page.get_by_label("Resumen", exact=True).fill("Una feria mensual de almaceneros del barrio.")
    for label, option in (
        ("Centro", "Centro de Negocios Sercotec Talca"),
        ("Áreas", "Sustentabilidad"),
    ):
        page.get_by_label(label, exact=True).click()
        page.get_by_role("option", name=option, exact=True).click()
    page.get_by_label("Fecha", exact=True).fill("2021-04-02")
    page.get_by_role("button", name="Guardar", exact=True).click()
    page.get_by_text("Entrada guardada").wait_for()

    diffs = page.evaluate(
        "() => Object.values(window.repoFilesUnpublished).flatMap(entry => entry.diffs)"
    )
    files = {d["path"]: d["content"] for d in diffs}
    assert list(files) == ["practices/feria-de-almaceneros-en-la-plaza.md"]
    for rel, text in files.items():
        assert format_text(rel, text) == text
    root = create_repo(tmp_path / "repo")
    write_tree(root, files)
    repo, problems = check(root)
    assert not has_errors(problems), [p.as_text() for p in problems]
    assert repo is not None
    saved = repo.practices["feria-de-almaceneros-en-la-plaza"].data
    assert (saved.centro, saved.areas, saved.estado) == ("talca", ["sustentabilidad"], "borrador")
