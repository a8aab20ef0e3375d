"""No heading takes an id of the page's theme: the ids each engine's theme uses are read from the
installed themes (engines/themeids.py), and a heading named like one gets a suffix, the same in
`check` (the sections a link may name) and on the page."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.content.markdown import UniqueIds, parse_body
from generator.engines import themeids

from .checkrun import problems_of
from .conftest import VALID_PRACTICE, MakeRepo
from .sitebuild import build

EXAMPLES = themeids.reserved_ids().examples


def test_the_ids_are_read_from_each_engines_installed_theme() -> None:
    folders = [folder.as_posix() for folder in themeids.theme_folders()]
    assert any(folder.endswith("material/templates") for folder in folders)
    assert any(folder.endswith("zensical/templates") for folder in folders)
    for wanted in ("__config", "__search", "__drawer", "__toc", "__nav_1_2", "__palette_0"):
        assert wanted in themeids.reserved_ids(), wanted
    assert "__skip" in EXAMPLES  # Zensical's own: Material has no «__skip»
    for mine in ("contexto", "que-hicimos", "plan-de-trabajo", "resultados_1"):
        assert mine not in themeids.reserved_ids()


def test_a_new_id_in_a_theme_is_reserved_without_typing_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "x.html").write_text(
        '{% set path = "__lado_" ~ loop.index %}<div id="__nuevo"></div>'
        '<input id="{{ path }}"><p id="__fila_{{ loop.index0 }}_fin">',
        encoding="utf-8",
    )
    monkeypatch.setattr(themeids, "theme_folders", lambda: [tmp_path])
    themeids.reserved_ids.cache_clear()
    try:
        found = themeids.reserved_ids()
        for wanted in ("__nuevo", "__lado_3", "__lado_3_1", "__fila_0_fin"):
            assert wanted in found, wanted
        assert "__fila_0" not in found and "__config" not in found
    finally:
        themeids.reserved_ids.cache_clear()


@pytest.mark.parametrize("wanted", EXAMPLES)
def test_a_heading_named_like_a_theme_id_gets_a_suffix(wanted: str) -> None:
    parsed = parse_body(f"## {wanted}\n\n## {wanted}\n")
    first, second = parsed.ids
    assert first == f"{wanted}-1" and second == f"{wanted}-2"
    assert not any(i in themeids.reserved_ids() for i in parsed.ids)
    assert UniqueIds().add(wanted) == f"{wanted}-1"  # a page's title too


def test_check_and_the_page_agree_on_the_suffixed_id(make_repo: MakeRepo) -> None:
    body = "## Contexto\nTexto.\n\n### __config\nTexto.\n\n"
    text = VALID_PRACTICE.replace("## Contexto\nTexto.\n", body)
    other = VALID_PRACTICE.replace(
        "## Resultados\nTexto.",
        "## Resultados\n[a](diagnostico.md#__config-1) [b](diagnostico.md#__config)",
    ).replace("titulo: Diagnóstico de digitalización", "titulo: Otro diagnóstico de digitalización")
    root = make_repo({"practices/diagnostico.md": text, "practices/otra.md": other})
    [problem] = problems_of(root)
    assert problem["code"] == "seccion-inexistente" and "#__config»" in str(problem["message"])
    (root / "practices" / "otra.md").unlink()
    assert build(root).returncode == 0
    page = BeautifulSoup(
        (root / "site" / "practicas" / "diagnostico" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    ids = Counter(str(tag["id"]) for tag in page.find_all(id=True))
    assert [i for i, n in ids.items() if n > 1] == []
    assert page.find(id="__config").name == "script"
    assert page.find(id="__config-1").name == "h3"
