"""`check` is the build's oracle for links: bodies made at random from links that work and
links that do not, in every place Markdown allows them.

- What `check` accepts, the build accepts, and every address on the built page leads to a file
  of the site (followed, not guessed); the engine's strict build of all of them gives no
  warning at all.
- What `check` refuses, it refuses at the line of a link that does not work, in Spanish, and
  the build refuses too, touching nothing.
"""

from __future__ import annotations

import posixpath
import shutil
import tempfile
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.addresses import ONLINE
from generator.content.pipeline import check
from generator.content.problems import ContentError
from generator.publish.settings import RunSettings
from generator.publish.tree import write_tree

from .conftest import VALID_PRACTICE, create_repo
from .sitebuild import build

OTHER = VALID_PRACTICE.replace("Diagnóstico de digitalización para almaceneros", "Otra práctica")
PAGE = "---\ntitulo: Guía\n---\n\n## Paso uno\n\nTexto.\n"
FILES = {
    "practices/otra.md": OTHER,
    "practices/adjuntos/pauta.png": b"\x89PNG\r\n\x1a\n",
    "content/paginas/guia.md": PAGE,
}
# Destinations that work: another practice and its section, a page, an attachment, a center,
# a page of the site by its address, a section of this page, other sites, a mail, a phone.
WORKS = [
    "otra.md",
    "otra.md#contexto",
    "./otra.md#como-replicarla",
    "../content/paginas/guia.md",
    "../content/paginas/guia.md#paso-uno",
    "adjuntos/pauta.png",
    "../centers/talca.yml",
    "/centros/talca/",
    "/practicas/",
    "/areas/digitalizacion/",
    "/feed.xml",
    "#contexto",
    "#como-replicarla",
    "https://www.sercotec.cl/",
    "mailto:equipo@centro.cl",
    "tel:+56912345678",
]
# Destinations that do not: each is an error of `check`.
FAILS = [
    "no-existe.md",
    "otra.md#no-existe",
    "../content/paginas/guia.md#paso-dos",
    "adjuntos/falta.png",
    "/centros/no-existe/",
    "#no-existe",
    "../../fuera.md",
    "../README.md",
    "javascript:alert(1)",
    "mailto:sin-arroba",
    "tel:abc",
    "{{ site.baseurl }}/x",
    "guia de uso.pdf",
]
PLACES = [
    "{link}",
    "- uno\n- {link}",
    "> {link}",
    "| a | b |\n|---|---|\n| {link} | x |",
    "1. paso\n   - {link}",
    "### Sub {link}",
]


def label(target: str) -> str:
    return f"r{(WORKS + FAILS).index(target)}"


def written(target: str, image: bool, reference: bool) -> str:
    mark = "!" if image else ""
    return f"{mark}[texto][{label(target)}]" if reference else f"{mark}[texto]({target})"


piece = st.tuples(
    st.sampled_from(WORKS + FAILS), st.booleans(), st.booleans(), st.sampled_from(PLACES)
)


def body_of(pieces: list[tuple[str, bool, bool, str]]) -> tuple[str, set[int]]:
    """The «Qué hicimos» section with the pieces, one block each; the lines (in the file) of
    the pieces that do not work."""
    blocks: list[str] = []
    bad_lines: set[int] = set()
    line = VALID_PRACTICE.splitlines().index("## Qué hicimos") + 2  # first line of the text
    referenced: dict[str, bool] = {}  # target -> whether it does not work
    for target, image, reference, place in pieces:
        reference = reference and " " not in target and "{" not in target
        block = place.format(link=written(target, image, reference))
        wrong = target in FAILS or (image and not _loads_as_image(target))
        if reference:
            referenced[target] = referenced.get(target, False) or wrong
        elif wrong:
            bad_lines |= {line + i for i in range(block.count("\n") + 1)}
        blocks.append(block)
        line += block.count("\n") + 2
    for target, wrong in referenced.items():  # a definition's problem is said at its line
        blocks.append(f"[{label(target)}]: {target}")
        bad_lines |= {line} if wrong else set()
        line += 2
    text = "\n\n".join(blocks)
    return VALID_PRACTICE.replace("## Qué hicimos\nTexto.", "## Qué hicimos\n" + text), bad_lines


def _loads_as_image(target: str) -> bool:
    """An image from another site is refused (privacy, slow links); from here it is fine."""
    return not target.startswith("https://")


def site_file(tree: Path, page: str, address: str) -> Path | None:
    """The file of the docs tree an address of the page `page` (a docs path) leads to."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    here = "https://sitio.example/" + ONLINE.url(page)
    path = unquote(urlsplit(urljoin(here, parts.path)).path).lstrip("/")
    candidates = [path, path.rstrip("/") + ".md", posixpath.join(path, "index.md")]
    return next((tree / c for c in candidates if (tree / c).is_file()), tree / path)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_repo(tmp_path_factory.mktemp("enlaces") / "repo", FILES)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(piece, min_size=1, max_size=4))
def test_check_accepts_exactly_what_works_on_the_site(
    template: Path, pieces: list[tuple[str, bool, bool, str]]
) -> None:
    body, bad_lines = body_of(pieces)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "repo"
        shutil.copytree(template, root)
        (root / "practices" / "diagnostico.md").write_text(body, encoding="utf-8")
        _, problems = check(root)
        errors = [p for p in problems if p.severity == "error"]
        if bad_lines:
            assert errors, body
            for problem in errors:
                assert problem.file == "practices/diagnostico.md", problem.as_text()
                assert problem.line in bad_lines, (problem.as_text(), body)
            with pytest.raises(ContentError):
                write_tree(RunSettings(root), root / "docs")
            return
        assert errors == [], [p.as_text() for p in errors]
        tree = root / "docs"
        write_tree(RunSettings(root), tree)
        page = "practicas/diagnostico.md"
        html = BeautifulSoup(tree.joinpath(page).read_text(encoding="utf-8"), "html.parser")
        for element in html.select("a[href], img[src]"):
            address = str(element.get("href") or element.get("src"))
            found = site_file(tree, page, address)
            assert found is None or found.is_file(), (address, body)
            fragment = urlsplit(address).fragment
            if fragment and found is not None:
                assert f"{{#{fragment}}}" in found.read_text(encoding="utf-8"), (address, body)


def test_the_strict_engine_build_of_every_working_link_gives_no_warning(tmp_path: Path) -> None:
    pieces = [(target, False, False, place) for target in WORKS for place in PLACES[:2]]
    pieces += [(t, True, False, "{link}") for t in WORKS if _loads_as_image(t) and "." in t[-5:]]
    body, bad_lines = body_of(pieces)
    assert not bad_lines
    root = create_repo(tmp_path / "repo", {**FILES, "practices/diagnostico.md": body})
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert "Aviso" not in result.stderr and "MkDocs" not in result.stderr, result.stderr
