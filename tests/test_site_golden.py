"""The golden site: a small fixture repository and what its build must contain.

The fixture (tests/golden/site/repo/ on top of this repository's content/ and centers/) is
built in this process, as `python -m generator build` builds it; the expected tree is
tests/golden/site/expected/:

- every page's HTML reduced to stable text (`reduce_html`): the head, the article and its
  table of contents, one node a line, attributes sorted (a long one, such as a map
  outline, by its digest), whitespace folded; Material's
  chrome around them (header, tabs, navigation, footer) is the same on every page;
- the API JSON, the feed, the sitemap and the admin configuration, as written;
- the articles handed to the search index (`articulos/`), reduced the same way;
- `archivos.txt`: every file of the site with the SHA-256 of the ones not shown above
  (Material's own scripts and stylesheets and Pagefind's index are left out: they belong to
  those packages' versions).

Refresh after a deliberate change with `pytest tests/test_site_golden.py --update-goldens`
and review the diff: it shows what the change did to the published site.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, Tag

from generator.cli import main
from generator.publish import build

from .conftest import REPO

GOLDEN = Path(__file__).parent / "golden" / "site"
FIXTURE = GOLDEN / "repo"
EXPECTED = GOLDEN / "expected"
EDIT_BASE = "https://example.org/red/edit/main/"
# Variables the build reads; the golden is built without any of them but RED_EDIT_URL.
ENVIRONMENT = (
    "RED_EDIT_URL",
    "GITHUB_SERVER_URL",
    "GITHUB_REPOSITORY",
    "GITHUB_REF_NAME",
    "RED_CMS_BACKEND",
    "RED_CMS_REPO",
    "RED_CMS_BRANCH",
    "RED_CMS_AUTH_URL",
    "SOURCE_DATE_EPOCH",
)
VERBATIM = (".json", ".xml", ".yml")
LONGEST_ATTRIBUTE = 200
LEFT_OUT = ("pagefind/", "assets/javascripts/", "assets/stylesheets/")


def reduce_html(text: str) -> str:
    """The page as stable text: its head and its article with the table of contents."""
    page = BeautifulSoup(text, "html.parser")
    parts: list[Tag] = []
    if page.head is not None:
        parts.append(page.head)
    article = page.select_one("article")
    if article is None:  # not a page of the theme (the admin page)
        parts.extend([page.body] if page.body is not None else [])
    else:
        parts.extend(t for t in page.select(".md-sidebar--secondary nav") if isinstance(t, Tag))
        parts.append(article)
    lines: list[str] = []
    for part in parts:
        lines.extend(_outline(part, 0))
    return "\n".join(lines) + "\n"


# What names the engine's and the theme's versions rather than the site: the generator meta
# («mkdocs-1.6.1, mkdocs-material-9.8.2») and the fingerprint in a theme file's name. The
# golden site holds what the generator makes: the canary's newer versions, or ProperDocs in
# MkDocs' place, give the same golden site.
THEME_FINGERPRINT = re.compile(r"\.[0-9a-f]{8}(\.min\.(?:css|js))$")
FINGERPRINT_SHOWN = r".huella\1"


def _outline(node: Tag, depth: int) -> Iterator[str]:
    if node.name == "meta" and node.get("name") == "generator":
        node.attrs["content"] = "el motor y su tema"
    attributes = "".join(
        f' {name}="{THEME_FINGERPRINT.sub(FINGERPRINT_SHOWN, _attribute(value))}"'
        for name, value in sorted(node.attrs.items())
    )
    yield f"{'  ' * depth}<{node.name}{attributes}>"
    for child in node.children:
        if isinstance(child, Tag):
            yield from _outline(child, depth + 1)
        elif isinstance(child, NavigableString) and not isinstance(child, Comment | Doctype):
            words = " ".join(child.split())
            if words:
                yield f"{'  ' * (depth + 1)}{words}"


def _attribute(value: str | list[str]) -> str:
    """The value; a long one (the map's outlines) by its digest."""
    text = " ".join(value) if isinstance(value, list) else value
    return text if len(text) <= LONGEST_ATTRIBUTE else f"sha256:{digest(text.encode())}"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def expected_tree(site: Path, articles: Iterable[tuple[str, str]]) -> dict[str, str]:
    """What tests/golden/site/expected/ holds for a built site, by path."""
    tree: dict[str, str] = {}
    listing: list[str] = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        if name.startswith(LEFT_OUT):
            continue
        data = path.read_bytes()
        if name.endswith(".html"):
            tree[name + ".txt"] = reduce_html(data.decode("utf-8"))
            listing.append(name)
        elif name.endswith(VERBATIM):
            tree[name] = data.decode("utf-8")
            listing.append(name)
        else:
            listing.append(f"{name} {digest(data)}")
    for dest, html in articles:
        tree[f"articulos/{dest}.txt"] = reduce_html(html)
    tree["archivos.txt"] = "\n".join(listing) + "\n"
    return tree


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("golden") / "repo"
    for folder in ("content", "centers"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    articles: list[tuple[str, str]] = []
    write_articles = build.write_articles

    def recording(found: Iterable[tuple[str, str]], sources: Path, **given: int) -> int:
        kept = list(found)
        articles.extend(kept)
        return write_articles(kept, sources, **given)

    with pytest.MonkeyPatch.context() as patch:
        for name in ENVIRONMENT:
            patch.delenv(name, raising=False)
        patch.setenv("RED_EDIT_URL", EDIT_BASE)
        # In this process (RED_PROCESOS=1, the same site): the articles are recorded here.
        patch.setenv("RED_PROCESOS", "1")
        patch.setattr(build, "write_articles", recording)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        status = main(["build", "--root", str(root), "--site-dir", str(root / "site")])
    assert status == 0
    assert articles, "the build handed no article to the search index"
    return expected_tree(root / "site", sorted(articles))


def test_golden_site(built: dict[str, str], request: pytest.FixtureRequest) -> None:
    if request.config.getoption("--update-goldens"):
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for name, text in built.items():
            target = EXPECTED / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        return
    on_disk = {
        p.relative_to(EXPECTED).as_posix(): p.read_text(encoding="utf-8")
        for p in EXPECTED.rglob("*")
        if p.is_file()
    }
    assert sorted(built) == sorted(on_disk), "files differ from tests/golden/site/expected/"
    for name, text in built.items():
        assert text == on_disk[name], f"{name} differs (refresh with --update-goldens)"


def test_reduction_keeps_what_a_reader_sees() -> None:
    page = (
        '<html><head><title>T</title></head><body><header>Material</header><article class="b a">'
        '<h1 id="t">Título  con\n espacios</h1><!-- nota --><a href="x/">Enlace</a>'
        "</article></body></html>"
    )
    assert reduce_html(page).splitlines() == [
        "<head>",
        "  <title>",
        "    T",
        '<article class="b a">',
        '  <h1 id="t">',
        "    Título con espacios",
        '  <a href="x/">',
        "    Enlace",
    ]
