"""What the MkDocs adapter relies on beyond MkDocs' documented interfaces (plugin events,
config, `build`), pinned on a real `mkdocs.commands.build.build`, so that the canary
(.github/workflows/canario.yml) says it the week a MkDocs 1.x release, or ProperDocs in its
place, changes it:

- `templatecache.py` and `themefiles.py` replace the `get_env` of the theme in MkDocs' config
  (MkDocs makes a new one for each build). MkDocs' build must take its Jinja environment from
  that attribute, list the theme's files through the environment's `list_templates` before it
  renders, and load the templates through the environment's `bytecode_cache`.

- `finished.py`: MkDocs renders the page objects its navigation made, which the plugin's
  `on_nav` turned into FinishedPages, through their own `render`.
- `navcache.py`: MkDocs renders the pages through the Jinja environment the plugin's `on_env`
  was given, with the loader it set there.

If one of these tests fails, the adapter's speed help no longer works (nothing breaks: the
build is the same, only slower): drop it or move it to a documented interface.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from generator.engines.base import EngineJob
from generator.engines.mkdocs.adapter import MkDocsEngine
from generator.engines.mkdocs.templatecache import CompiledTemplates
from generator.publish.build import DEFAULT_CONFIG
from generator.publish.settings import RunSettings
from generator.publish.tree import write_tree

from .conftest import create_repo
from .test_speed_themefiles import age


@pytest.fixture
def job(tmp_path: Path) -> EngineJob:
    """A small finished docs tree, and the package's configuration with a theme folder of this
    test's own, dated in the past (a listing of folders changed just now is never kept)."""
    root = create_repo(tmp_path / "repo")
    docs = tmp_path / "docs"
    write_tree(RunSettings(root), docs)
    theme = tmp_path / "tema"
    (theme / "assets").mkdir(parents=True)
    (theme / "assets" / "propio.css").write_text("a {}", encoding="utf-8")
    for template in (DEFAULT_CONFIG.parent / "theme").rglob("*.html"):
        copied = theme / template.relative_to(DEFAULT_CONFIG.parent / "theme")
        copied.parent.mkdir(parents=True, exist_ok=True)
        copied.write_bytes(template.read_bytes())
    age(theme)
    config = tmp_path / "mkdocs.yml"
    text = DEFAULT_CONFIG.read_text(encoding="utf-8")
    config.write_text(text.replace("custom_dir: theme", f"custom_dir: {theme}"), "utf-8")
    return EngineJob(config, docs, tmp_path / "sitio", cache_dir=tmp_path / "cache")


def test_mkdocs_lists_the_theme_through_the_environment_the_theme_gives(
    job: EngineJob, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview's engine lists Material's 14,510 files once, not on every rebuild."""
    engine = MkDocsEngine()
    engine.build(job)
    walked: list[str] = []
    walk = jinja2.FileSystemLoader.list_templates

    def counted(loader: jinja2.FileSystemLoader) -> list[str]:
        walked.extend(loader.searchpath)
        return walk(loader)

    monkeypatch.setattr(jinja2.FileSystemLoader, "list_templates", counted)
    engine.rebuild(job, [], [])
    assert walked == []  # MkDocs' build asked the kept listing
    assert (job.site_dir / "assets" / "propio.css").is_file()  # and copied what it lists
    MkDocsEngine().build(job)  # a new engine keeps nothing: the theme is walked
    assert walked


def test_mkdocs_loads_the_templates_through_the_environments_bytecode_cache(
    job: EngineJob, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Compiled once, then read from the cache folder by every later build."""
    MkDocsEngine().build(job)
    cache = CompiledTemplates.in_folder(job.cache_dir)
    assert cache is not None and any(Path(cache.directory).iterdir())
    compiled: list[str | None] = []
    compile_source = jinja2.Environment.compile

    def counted(
        env: jinja2.Environment, source: str, name: str | None = None, *a: object, **k: object
    ) -> object:
        compiled.append(name)
        return compile_source(env, source, name, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    MkDocsEngine().build(job)
    assert not [name for name in compiled if name and name.endswith(".html")], compiled
    monkeypatch.undo()
    with_no_cache = EngineJob(job.config_file, job.docs_dir, job.site_dir, cache_dir=None)
    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    MkDocsEngine().build(with_no_cache)
    assert "main.html" in compiled  # without the cache, MkDocs compiles them


def test_mkdocs_renders_the_pages_and_the_theme_the_plugin_gave_it(
    job: EngineJob, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.engines.mkdocs import finished, navcache

    rendered: list[str] = []
    render = finished.FinishedPage.render

    def counted(page: finished.FinishedPage, *a: object) -> None:
        rendered.append(page.file.src_uri)
        render(page, *a)

    monkeypatch.setattr(finished.FinishedPage, "render", counted)
    places: list[object] = []
    place = navcache.place
    monkeypatch.setattr(navcache, "place", lambda *a: places.append(place(*a)) or places[-1])
    MkDocsEngine().build(job)
    pages = {p.relative_to(job.docs_dir).as_posix() for p in job.docs_dir.rglob("*.md")}
    assert set(rendered) == pages
    assert any(places)  # the theme's navigation went through the plugin's template
