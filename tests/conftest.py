from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# pytest-timeout's bound for a browser test (the others': `timeout` in pyproject.toml): a
# browser starts, pages load and the site is built and served in the first test of a module.
BROWSER_TIMEOUT = 120

VALID_PRACTICE = """\
---
titulo: Diagnóstico de digitalización para almaceneros
resumen: Un diagnóstico breve que ordena qué digitalizar primero en un almacén de barrio.
centro: talca
areas: [digitalizacion]
fecha: 2021-03-15
estado: ejemplo
---

## Contexto
Texto.

## Qué hicimos
Texto.

## Resultados
Texto.

## Cómo replicarla
Texto.
"""

# The same practice as a real case: only a published practice may have adoptions.
PUBLISHED_PRACTICE = VALID_PRACTICE.replace("estado: ejemplo\n", "estado: publicada\n")

BASE_FILES: dict[str, str] = {
    "practices/diagnostico.md": VALID_PRACTICE,
}


def write_tree(root: Path, files: Mapping[str, str | bytes | None]) -> None:
    for rel, content in files.items():
        path = root / rel
        if content is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


MakeRepo = Callable[..., Path]


@pytest.fixture(scope="session", autouse=True)
def own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Builds keep what they reuse (compiled templates, Zensical's cache) in XDG_CACHE_HOME:
    here a folder of this test session's own (of each worker's, with pytest-xdist), never the
    developer's ~/.cache nor that of another run at the same time."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(folder))
        yield folder


@pytest.fixture
def make_repo(tmp_path: Path) -> MakeRepo:
    """A valid small repository (the real taxonomy, network and centers) plus `files` on top."""

    def make(files: Mapping[str, str | bytes | None] | None = None, *, name: str = "repo") -> Path:
        return create_repo(tmp_path / name, files)

    return make


def create_repo(root: Path, files: Mapping[str, str | bytes | None] | None = None) -> Path:
    """Copy the real content and centers into `root`, add a valid practice and `files`."""
    for folder in ("content", "centers"):
        shutil.copytree(REPO / folder, root / folder)
    write_tree(root, BASE_FILES)
    write_tree(root, files or {})
    return root


def copy_repository(root: Path) -> Path:
    """The repository's own content (no git history), ready to build."""
    for folder in ("content", "centers", "practices"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def built_repository(root: Path, *extra: str, site_name: str = "site") -> Path:
    """The repository's own content copied into `root` and built there; gives the site."""
    from .sitebuild import build

    result = build(copy_repository(root), *extra, site_dir=root / site_name)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / site_name


# The repository's own site is read by many modules (pages in Chromium, links, valid HTML,
# Lighthouse, the offline bundle): built once per test session (per worker with xdist). The
# tests only read these folders.
@pytest.fixture(scope="session")
def repository_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's site, built in this run's environment (as CI builds it)."""
    return built_repository(tmp_path_factory.mktemp("repositorio"))


@pytest.fixture(scope="session")
def repository_offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's offline bundle (`build --offline`)."""
    root = tmp_path_factory.mktemp("repositorio-offline")
    return built_repository(root, "--offline", site_name="site-offline")


REPOSITORY_VARIABLES = ("GITHUB_REPOSITORY", "GITHUB_SERVER_URL", "RED_REPO_URL", "RED_EDIT_URL")


@pytest.fixture(scope="session")
def repository_site_without_github(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The repository's site as a contributor's computer builds it: no variable names the
    GitHub repository. The same build as `repository_site` where none is set."""
    if not any(name in os.environ for name in REPOSITORY_VARIABLES):
        site: Path = request.getfixturevalue("repository_site")
        return site
    with pytest.MonkeyPatch.context() as patch:
        for name in REPOSITORY_VARIABLES:
            patch.delenv(name, raising=False)
        return built_repository(tmp_path_factory.mktemp("repositorio-sin-github"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    browser_tests = REPO / "tests" / "browser"
    for item in items:
        if browser_tests in item.path.parents and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(BROWSER_TIMEOUT))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens", action="store_true", help="rewrite the expected output of golden tests"
    )
