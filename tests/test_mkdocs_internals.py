"""What the build borrows from MkDocs' private code, named, so that an upgrade fails here.

generator/build/speed/halfpages.py repeats, in a second process, what MkDocs'
`_populate_page` does up to `Page.render`, and hands back what `Page.render` sets
(`_title_from_render` among them). pyproject.toml accepts only the MkDocs versions whose
internals are the ones checked here; widening that range means reading these again.
"""

from __future__ import annotations

import inspect
import re
import tomllib

import mkdocs
from mkdocs.commands import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from generator.build.speed import halfpages

from .conftest import REPO

PINNED = "mkdocs>=1.6.1,<1.7"


def version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def test_mkdocs_is_pinned_to_the_versions_checked_here() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert PINNED in project["project"]["dependencies"]
    assert (1, 6, 1) <= version(mkdocs.__version__) < (1, 7)


def in_order(source: str, steps: list[str]) -> bool:
    positions = [source.find(step) for step in steps]
    return -1 not in positions and positions == sorted(positions)


def test_populate_page_is_what_the_helper_repeats() -> None:
    """`_convert` in halfpages.py: these steps, in this order, then MkDocs' process takes
    over at `on_page_content`."""
    source = inspect.getsource(build._populate_page)
    steps = [
        "config._current_page = page",
        "config.plugins.on_pre_page(page, config=config, files=files)",
        "page.read_source(config)",
        "config.plugins.on_page_markdown(",
        "page.render(config, files)",  # through the attribute: `HalfPages.claim` replaces it
        "config.plugins.on_page_content(",
        "config._current_page = None",
    ]
    assert in_order(source, steps), "mkdocs.commands.build._populate_page changed"
    helper = inspect.getsource(halfpages._convert)
    assert in_order(helper, [*steps[:3], "config.plugins.on_page_markdown(", "Page.render("])


def test_page_render_sets_what_the_helper_hands_back() -> None:
    source = inspect.getsource(Page.render)
    for attribute in ("content", "toc", "_title_from_render", "present_anchor_ids"):
        assert f"self.{attribute} = " in source, f"Page.render no longer sets {attribute}"
    assert "self.links_to_anchors = " in source
    assert "return self._title_from_render" in inspect.getsource(Page)  # in `Page.title`
    fields = set(halfpages.Converted.__dataclass_fields__)
    assert {"content", "toc", "title", "anchor_ids", "links_to_anchors"} <= fields


def test_config_keeps_the_current_page() -> None:
    assert "_current_page" in MkDocsConfig.__annotations__
