"""The preview keeps MkDocs' listing of the theme's files (generator/engines/mkdocs/themefiles.py):
the same files as a fresh listing, and a file added or removed in the theme shows at once."""

from __future__ import annotations

import os
import time
from pathlib import Path

import jinja2
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from generator.engines.mkdocs.themefiles import RECENT_NS, ThemeFiles

from .conftest import REPO


def theme_assets(config_file: Path, kept: ThemeFiles | None) -> list[str]:
    """The theme's files that a build of `config_file` copies, as MkDocs finds them."""
    config = load_config(str(config_file))  # a new theme, as every rebuild of the preview
    if kept is not None:
        kept.keep(config.theme)
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return sorted(f.src_uri for f in files)


def age(folder: Path) -> None:
    """Date `folder` and everything in it back beyond what the cache treats as just changed."""
    past = time.time() - 2 * RECENT_NS / 1e9
    for path in [folder, *folder.rglob("*")]:
        os.utime(path, (past, past))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The project's mkdocs.yml with a custom theme folder of this test's own."""
    theme = tmp_path / "tema"
    (theme / "assets").mkdir(parents=True)
    (theme / "assets" / "a.css").write_text("a {}", encoding="utf-8")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: generator/site/theme", f"custom_dir: {theme}")
    (tmp_path / "docs_site").mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(config, encoding="utf-8")
    age(theme)
    return config_file


def test_a_kept_listing_equals_a_fresh_one_and_is_reused(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = theme_assets(project, None)
    assert "assets/a.css" in fresh
    assert any(uri.startswith("assets/javascripts/") for uri in fresh)  # Material's
    kept = ThemeFiles()
    assert theme_assets(project, kept) == fresh
    walked: list[jinja2.FileSystemLoader] = []
    walk = jinja2.FileSystemLoader.list_templates

    def counted(loader: jinja2.FileSystemLoader) -> list[str]:
        walked.append(loader)
        return walk(loader)

    monkeypatch.setattr(jinja2.FileSystemLoader, "list_templates", counted)
    assert theme_assets(project, kept) == fresh
    assert not walked  # the second build reused the listing
    assert theme_assets(project, None) == fresh
    assert walked


def test_a_file_added_or_removed_in_the_theme_shows_in_the_next_build(project: Path) -> None:
    theme = project.parent / "tema"
    kept = ThemeFiles()
    theme_assets(project, kept)
    (theme / "assets" / "b.css").write_text("b {}", encoding="utf-8")
    (theme / "assets" / "nuevo").mkdir()
    (theme / "assets" / "nuevo" / "c.js").write_text("", encoding="utf-8")
    (theme / "assets" / "a.css").unlink()
    listed = theme_assets(project, kept)
    assert {"assets/b.css", "assets/nuevo/c.js"} <= set(listed)
    assert "assets/a.css" not in listed
    assert listed == theme_assets(project, None)
    age(theme)
    assert "assets/nuevo/c.js" in theme_assets(project, kept)  # kept again: the folders are old
    (theme / "assets" / "nuevo" / "c.js").unlink()
    listed = theme_assets(project, kept)
    assert "assets/nuevo/c.js" not in listed
    assert listed == theme_assets(project, None)
