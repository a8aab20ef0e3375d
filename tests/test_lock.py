"""Installs come from the lock: requirements/test.txt (the site, the tests, the tools) and
requirements/site.txt (what builds the site), written by `make lock` (uv, one lock for every
Python from 3.11) and installed with plain pip in hash-checking mode (Makefile)."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .conftest import REPO

LOCKS = REPO / "requirements"
# `name==version [; marker] \` and then one `--hash=sha256:…` line or more.
PINNED = re.compile(
    r"^(?P<requirement>[A-Za-z0-9][^\\\n]*?)\s*\\\n"
    r"(?P<hashes>(?:\s+--hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)",
    re.M,
)


def locked(name: str) -> dict[str, list[Requirement]]:
    """Each package of a lock file: its pins (one per Python where the lock splits)."""
    text = (LOCKS / name).read_text(encoding="utf-8")
    entries = [m["requirement"] for m in PINNED.finditer(text)]
    listed = [line for line in text.splitlines() if line and not line.startswith((" ", "#"))]
    assert len(entries) == len(listed), "every package of the lock is pinned with its hashes"
    pins: dict[str, list[Requirement]] = {}
    for entry in entries:
        requirement = Requirement(entry)
        (spec,) = requirement.specifier
        assert spec.operator == "==", entry
        pins.setdefault(canonicalize_name(requirement.name), []).append(requirement)
    return pins


def applies(requirement: Requirement, extra: str = "") -> bool:
    return requirement.marker is None or requirement.marker.evaluate({"extra": extra})


def version_here(pins: list[Requirement]) -> str:
    """The version the lock gives for this Python (the pin whose marker holds here)."""
    (pin,) = [pin for pin in pins if applies(pin)]
    return next(iter(pin.specifier)).version


def asked_for() -> list[Requirement]:
    """What pyproject.toml (dependencies and the test extra) and requirements/build.in ask for."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    build = (LOCKS / "build.in").read_text(encoding="utf-8").splitlines()
    lines = [*project["dependencies"], *project["optional-dependencies"]["test"], *build]
    return [Requirement(line) for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("requirement", asked_for(), ids=str)
def test_the_lock_holds_what_the_project_asks_for(requirement: Requirement) -> None:
    pins = locked("test.txt")[canonicalize_name(requirement.name)]
    assert requirement.specifier.contains(version_here(pins), prereleases=True)


def test_the_sites_lock_is_part_of_the_tests_lock() -> None:
    site, test = locked("site.txt"), locked("test.txt")
    assert "mkdocs" in site and "pytest" not in site
    for name, pins in site.items():
        assert [str(p) for p in pins] == [str(p) for p in test[name]], name


def test_this_environment_is_what_the_lock_says() -> None:
    """The Makefile installed exactly the locked versions (and nothing the lock does not name,
    but the generator itself)."""
    lock = {name: version_here(pins) for name, pins in locked("test.txt").items()}
    installed = {
        canonicalize_name(d.metadata["Name"]): d.version
        for d in metadata.distributions()
        if canonicalize_name(d.metadata["Name"]) != "red-de-centros"
    }
    assert installed == {name: lock[name] for name in installed if name in lock}
    assert sorted(set(installed) - set(lock)) == []


def test_the_engines_have_upper_bounds_where_a_major_version_breaks() -> None:
    """MkDocs 2.0 drops plugins; Zensical 0.1 was never run by the suite (README)."""
    bounds = {canonicalize_name(r.name): r.specifier for r in asked_for()}
    assert not bounds["mkdocs"].contains("2.0.0")
    assert not bounds["zensical"].contains("0.1.0")
    assert bounds["zensical"].contains(version_here(locked("test.txt")["zensical"]))
