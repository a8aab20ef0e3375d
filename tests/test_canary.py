"""The canary's own steps (tools/canary.py): which packages moved from the lock, and the
Spanish issue it writes when the newest versions fail (.github/workflows/canario.yml)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import yaml

from .conftest import REPO


def canary() -> ModuleType:
    spec = importlib.util.spec_from_file_location("canary", REPO / "tools" / "canary.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_environment_installed_from_the_lock_has_nothing_moved() -> None:
    tool = canary()
    lock = (REPO / "requirements" / "test.txt").read_text(encoding="utf-8")
    locked = tool.locked_versions(lock, sys.executable)
    assert locked["mkdocs"] and locked["zensical"] and locked["pytest"]
    assert tool.changes(locked, tool.installed_versions(sys.executable)) == []


def test_moved_packages_are_named_with_both_versions(tmp_path: Path) -> None:
    tool = canary()
    locked = {"mkdocs": "1.6.1", "zensical": "0.0.73", "viejo": "1.0"}
    installed = {"mkdocs": "1.6.2", "zensical": "0.0.73", "nuevo": "2.0", "red-de-centros": "0.1"}
    moved = tool.changes(locked, installed)
    assert [m["paquete"] for m in moved] == ["mkdocs", "nuevo", "viejo"]
    for name, engine in (("a", "MkDocs"), ("b", "ProperDocs en lugar de MkDocs")):
        (tmp_path / name).mkdir()
        found = {"motor": engine, "cambios": moved if name == "a" else []}
        (tmp_path / name / "cambios.json").write_text(json.dumps(found), encoding="utf-8")
    body = tool.report([tmp_path / "a", tmp_path / "b"], "https://example.org/ejecucion/1")
    assert "https://example.org/ejecucion/1" in body
    assert "- `mkdocs`: 1.6.1 → 1.6.2" in body
    assert "- `nuevo`: nuevo, 2.0" in body and "- `viejo`: 1.0, ya no se instala" in body
    assert "### Con ProperDocs en lugar de MkDocs\n\nNingún paquete cambió" in body
    assert "make lock" in body


def test_the_canary_leaves_out_only_the_tests_that_say_the_lock_is_installed() -> None:
    """The canary installs other versions on purpose: it deselects the two tests that compare
    the environment with the lock, by names that must stay those of real tests."""
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "canario.yml").read_text("utf-8"))
    steps = workflow["jobs"]["probar"]["steps"]
    options = next(
        s["env"]["PYTEST_ADDOPTS"] for s in steps if "PYTEST_ADDOPTS" in s.get("env", {})
    )
    deselected = options.split()[1::2]
    assert options.split()[::2] == ["--deselect"] * len(deselected)
    assert deselected == [
        "tests/test_lock.py::test_this_environment_is_what_the_lock_says",
        "tests/test_canary.py::test_an_environment_installed_from_the_lock_has_nothing_moved",
    ]
    for node in deselected:
        path, name = node.split("::")
        assert f"\ndef {name}(" in (REPO / path).read_text(encoding="utf-8"), node
