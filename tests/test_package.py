"""The package stands alone: built as a wheel and installed (not editable) into a fresh virtual
environment, the generator builds, from an unrelated folder, a tree that has no mkdocs.yml of
its own, with each engine. Its default configuration and its theme ship inside the package; a
root's own mkdocs.yml still wins.

The fresh environment gets the generator from the wheel. What the generator needs from PyPI it
reads from this environment's site-packages (the lock installs those, requirements/), added
after its own: the wheel's `generator` is found first (a test says so), before this checkout's
editable install."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from .command import run_generator
from .conftest import REPO

SECONDS = 120
PIP = [sys.executable, "-m", "pip"]
PYTHON_CACHE = shutil.ignore_patterns("__pycache__")


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=SECONDS, check=False
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Python of a fresh virtual environment with the generator's wheel installed."""
    folder = tmp_path_factory.mktemp("paquete")
    source = folder / "fuente"  # what the wheel is made of, and no earlier build's leftovers
    shutil.copytree(REPO / "generator", source / "generator", ignore=PYTHON_CACHE)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    wheels = folder / "ruedas"
    made = run(
        [
            *PIP,
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(source),
        ],
        folder,
    )
    assert made.returncode == 0, made.stderr
    (wheel,) = wheels.glob("red_de_centros-*.whl")
    venv = folder / "entorno"
    assert run([sys.executable, "-m", "venv", "--without-pip", str(venv)], folder).returncode == 0
    python = venv / "bin" / "python"
    site_packages = run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], folder
    )
    dependencies = Path(sysconfig.get_path("purelib"))
    # As a site folder, so that its own `.pth` lines run (the canary's ProperDocs has one).
    pth = f"import site; site.addsitedir({str(dependencies)!r})\n"
    (Path(site_packages.stdout.strip()) / "dependencias.pth").write_text(pth)
    done = run(
        [
            *PIP,
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        folder,
    )
    assert done.returncode == 0, done.stderr
    return python


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic repository: content, centers and practices, no mkdocs.yml."""
    root = tmp_path_factory.mktemp("sintetico") / "repo"
    made = run_generator("synth", "--centers", "3", "--practices", "12", "--out", str(root))
    assert made.returncode == 0, made.stderr
    assert not (root / "mkdocs.yml").exists()
    return root


def test_the_installed_generator_is_the_wheel_not_this_checkout(
    installed: Path, tmp_path: Path
) -> None:
    found = run([str(installed), "-c", "import generator; print(generator.__file__)"], tmp_path)
    assert Path(found.stdout.strip()).is_relative_to(installed.parents[1])


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_an_installed_generator_builds_a_tree_without_mkdocs_yml(
    installed: Path, tree: Path, tmp_path: Path, engine: str
) -> None:
    elsewhere = tmp_path / "otra-carpeta"
    elsewhere.mkdir()
    site = tmp_path / "sitio"
    command = [str(installed), "-m", "generator", "build", "--root", str(tree)]
    result = run([*command, "--site-dir", str(site), "--engine", engine], elsewhere)
    assert result.returncode == 0, result.stdout + result.stderr
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.title is not None and home.title.get_text().endswith("Red de Centros")
    assert home.select_one("p.rc-impreso") is not None  # the package's theme (main.html)
    practices = sorted((site / "practicas").glob("*/index.html"))
    drafts = [p for p in tree.glob("practices/*.md") if "\nestado: borrador\n" in p.read_text()]
    assert len(practices) == 12 - len(drafts) > 0
    page = BeautifulSoup(practices[0].read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("article h2#contexto") is not None


def test_a_roots_own_mkdocs_yml_still_wins(installed: Path, tree: Path, tmp_path: Path) -> None:
    root = tmp_path / "repo"
    run(["cp", "-r", str(tree), str(root)], tmp_path)
    theme = installed.parents[1].glob("lib/python*/site-packages/generator/site/theme")
    config = yaml.safe_load(DEFAULT.read_text(encoding="utf-8"))
    config["site_name"] = "Red sintética propia"
    config["theme"]["custom_dir"] = str(next(theme))
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    site = tmp_path / "sitio"
    command = [str(installed), "-m", "generator", "build", "--root", str(root)]
    result = run([*command, "--site-dir", str(site)], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.title is not None and home.title.get_text().endswith("Red sintética propia")


DEFAULT = REPO / "generator" / "site" / "mkdocs.yml"
# What a build in the repository's root needs that the package's default does not name.
ROOT_ONLY = {"docs_dir": "docs_site", "site_dir": "site"}


def test_the_repositorys_mkdocs_yml_is_the_packages_with_its_folders() -> None:
    """One configuration: the root's adds its folders and names the same theme from the root."""
    root = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    default = yaml.safe_load(DEFAULT.read_text(encoding="utf-8"))
    assert {key: root.pop(key) for key in ROOT_ONLY} == ROOT_ONLY
    themes = (
        REPO / root["theme"].pop("custom_dir"),
        DEFAULT.parent / default["theme"].pop("custom_dir"),
    )
    assert themes[0].resolve() == themes[1].resolve()
    assert root == default
