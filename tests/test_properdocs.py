"""ProperDocs, the continuation of MkDocs 1.x by former MkDocs maintainers, runs the MkDocs
adapter unchanged: it answers `import mkdocs` with itself (`properdocs.replacement`) and reads
the plugins MkDocs would. `properdocs build` in the root, and the generator's own build with
`mkdocs` answered by ProperDocs, give the same pages as MkDocs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from .test_mkdocs_root import MKDOCS, repository_copy

PROPERDOCS = Path(sys.executable).parent / "properdocs"
# The generator's build, with every `import mkdocs` answered by ProperDocs; then it says
# which package answered.
UNDER_PROPERDOCS = """\
import runpy, sys
import properdocs.replacement
sys.argv = ["generator", *sys.argv[1:]]
try:
    runpy.run_module("generator", run_name="__main__", alter_sys=True)
except SystemExit as end:
    print("motor:", sys.modules["mkdocs"].__name__, flush=True)
    raise
"""


def articles(site: Path) -> dict[str, str]:
    """Each page's article (what the engine does not add), by its path in the site."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").article
        found[page.relative_to(site).as_posix()] = str(article)
    return found


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_properdocs_build_in_the_root_gives_mkdocs_pages(tmp_path: Path) -> None:
    with_mkdocs = repository_copy(tmp_path / "mkdocs")
    with_properdocs = repository_copy(tmp_path / "properdocs")
    run([str(MKDOCS), "build", "--quiet"], with_mkdocs)
    run([str(PROPERDOCS), "build", "--quiet", "-f", "mkdocs.yml"], with_properdocs)
    built = articles(with_properdocs / "site")
    assert built == articles(with_mkdocs / "site")
    assert 'id="contexto"' in built["practicas/mesa-ecosistema-local/index.html"]
    assert (with_properdocs / "site" / "pagefind" / "pagefind.js").is_file()  # our plugin ran


def test_the_generators_build_runs_on_properdocs(tmp_path: Path) -> None:
    root = repository_copy(tmp_path)
    command = [sys.executable, "-c", UNDER_PROPERDOCS, "build", "--root", str(root)]
    result = run([*command, "--site-dir", str(tmp_path / "site")], tmp_path)
    assert "motor: properdocs" in result.stdout
    run([sys.executable, "-m", "generator", "build", "--root", str(root)], tmp_path)
    assert articles(tmp_path / "site") == articles(root / "site")
