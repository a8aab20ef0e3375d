"""The driver hands the plugin its settings for one run; nothing outlives the run."""

from __future__ import annotations

import contextlib
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from generator.build import settings
from generator.build.plugin import RedDeCentrosPlugin
from generator.build.settings import RunSettings, running


def test_settings_exist_only_during_the_run(tmp_path: Path) -> None:
    assert settings.current() is None
    outer = RunSettings(tmp_path, drafts=True)
    with running(outer):
        assert settings.current() == outer
        inner = RunSettings(tmp_path / "otro", generate=False)
        with pytest.raises(RuntimeError), running(inner):
            assert settings.current() == inner
            raise RuntimeError  # a failed build gives the settings back too
        assert settings.current() == outer
    assert settings.current() is None


def plugin_run(config_file: Path, *, drafts_in_mkdocs_yml: bool) -> RunSettings | None:
    plugin = RedDeCentrosPlugin()
    plugin.load_config({"drafts": drafts_in_mkdocs_yml})
    config = SimpleNamespace(
        config_file_path=str(config_file),
        use_directory_urls=True,
        docs_dir=str(config_file.parent / "docs_site"),
    )
    with contextlib.suppress(PluginError):  # an empty folder is not valid content
        plugin.on_config(config)
    return plugin.run


def test_the_plugin_reads_this_runs_settings_then_mkdocs_yml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    config_file = tmp_path / "mkdocs.yml"
    given = RunSettings(tmp_path / "contenido", drafts=False, generate=False)
    with running(given):
        assert plugin_run(config_file, drafts_in_mkdocs_yml=True) == given
    # `mkdocs build` directly, after the run in the same process: nothing of it is left.
    alone = plugin_run(config_file, drafts_in_mkdocs_yml=True)
    assert alone == RunSettings(tmp_path, drafts=True)
