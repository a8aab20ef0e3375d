"""A run's settings are read in one place, from the command line and the environment, and
passed as one object; the MkDocs plugin keeps nothing from one run to the next."""

from __future__ import annotations

import ast
import contextlib
from pathlib import Path
from types import SimpleNamespace

from mkdocs.exceptions import PluginError

from generator.engines.mkdocs.plugin import RedDeCentrosPlugin
from generator.publish.settings import RunSettings

from .conftest import REPO


def test_the_environment_says_what_the_command_line_does_not(tmp_path: Path) -> None:
    env = {
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "org/red",
        "GITHUB_REF_NAME": "rama",
        "RED_CMS_BACKEND": "local",
        "RED_PROCESOS": "1",
        "SOURCE_DATE_EPOCH": "1600000000",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "OTRA": "nada",
    }
    settings = RunSettings.from_environment(tmp_path, env, drafts=True, engine="zensical")
    assert settings.repository == "https://github.com/org/red"
    assert settings.edit_base == "https://github.com/org/red/edit/rama/"
    assert settings.cms_backend == {"RED_CMS_BACKEND": "local", "GITHUB_REPOSITORY": "org/red"}
    assert settings.workers == 1
    assert settings.source_date_epoch == 1600000000
    assert settings.cache_dir == tmp_path / "cache" / "red-de-centros"
    assert (settings.drafts, settings.engine) == (True, "zensical")
    explicit = RunSettings.from_environment(tmp_path, {"RED_EDIT_URL": "https://x.org/r/edit/m"})
    assert explicit.edit_base == "https://x.org/r/edit/m/"
    assert explicit.repository == "https://x.org/r"
    assert RunSettings.from_environment(tmp_path, {}).repository is None


def test_only_the_settings_module_reads_the_environment() -> None:
    readers = []
    for path in sorted((REPO / "generator").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            reads = isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv")
            if reads and not _is_setdefault_call(tree, node):
                readers.append(path.relative_to(REPO).as_posix())
    assert sorted(set(readers)) == ["generator/publish/settings.py"]


def _is_setdefault_call(tree: ast.Module, attribute: ast.Attribute) -> bool:
    """`os.environ.setdefault(…)`: a value given to a library, not a setting read."""
    return any(
        isinstance(node, ast.Attribute) and node.value is attribute and node.attr == "setdefault"
        for node in ast.walk(tree)
    )


def plugin_settings(config_file: Path, *, drafts: bool) -> RunSettings:
    plugin = RedDeCentrosPlugin()
    plugin.load_config({"drafts": drafts})
    config = SimpleNamespace(
        config_file_path=str(config_file), docs_dir=str(config_file.parent / "docs_site")
    )
    with contextlib.suppress(PluginError):  # an empty folder is not valid content
        plugin.on_config(config)
    assert not vars(plugin).keys() - {"config", "config_scheme"}, vars(plugin)
    return plugin.settings(config)


def test_the_plugin_reads_its_settings_each_run_and_keeps_none(tmp_path: Path) -> None:
    config_file = tmp_path / "mkdocs.yml"
    first = plugin_settings(config_file, drafts=True)
    assert first.root == tmp_path and first.drafts
    assert not plugin_settings(config_file, drafts=False).drafts
