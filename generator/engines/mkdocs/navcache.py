"""Material's navigation and tabs, rendered once for every page outside the navigation that
sees them alike.

Material renders the whole navigation (partials/nav.html) and the tabs (partials/tabs.html)
around every page: at 10,000 practices, 37 % of the time it spends putting the theme around the
pages. A page outside the navigation (a practice, a center, a tag…) marks no entry of it as its
own, so what the two partials make of it depends only on where the page is (the relative
address of each entry of the navigation, of the root, the home page and the logo) and on its
`section` (the tab theme/partials/tabs-item.html marks). The plugin puts, in front of the
theme's templates, one that renders the partial once for each such place and section and
repeats it after; a page in the navigation gets it rendered as before. tests/test_navcache.py
builds a site both ways.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jinja2
from mkdocs.utils import normalize_url

CACHED = ("partials/nav.html", "partials/tabs.html")
THEME = "tema"  # the theme's own templates, reached under this prefix
# One line, with no space around the tags: the page gets exactly what the partial writes.
_KEEPER = (
    "{%- set rc_key = rc_place(page, nav, config) -%}"
    "{%- if rc_key is not none and (NAME, rc_key) in rc_kept -%}{{ rc_kept[(NAME, rc_key)] }}"
    "{%- else -%}{% set rc_made %}{% include PREFIXED %}{% endset %}"
    "{{ rc_keep(NAME, rc_key, rc_made) }}{%- endif -%}"
)


def keep_rendered(env: jinja2.Environment) -> None:
    """Make `env` (a build's theme environment) render the CACHED partials once per place."""
    assert env.loader is not None
    keepers = {
        name: _KEEPER.replace("NAME", repr(name)).replace("PREFIXED", repr(f"{THEME}/{name}"))
        for name in CACHED
    }
    # The prefix last: a theme's own folder of that name stays the theme's.
    env.loader = jinja2.ChoiceLoader(
        [jinja2.DictLoader(keepers), env.loader, jinja2.PrefixLoader({THEME: env.loader})]
    )
    kept: dict[tuple[str, tuple[str, ...]], str] = {}

    def keep(name: str, key: tuple[str, ...] | None, made: str) -> str:
        if key is not None:
            kept[(name, key)] = made
        return made

    env.globals.update(rc_kept=kept, rc_keep=keep, rc_place=place)


def place(page: Any, nav: Any, config: Any) -> tuple[str, ...] | None:
    """What the navigation and the tabs read of a page outside the navigation: its section and
    the relative address of everything they link to (the root, each entry of the navigation,
    the home page and the logo). None for a page in the navigation, or none at all (a theme
    template)."""
    if page is None or nav is None or any(page == entry for entry in nav.pages):
        return None
    section = str(page.meta.get("section", "")) if page.meta else ""
    extra = [config.extra.get("homepage"), config.theme.get("logo")]
    targets = [".", *_addresses(nav.items), *(str(value) for value in extra if value)]
    return (section, *(normalize_url(target, page) for target in targets))


def _addresses(items: list[Any]) -> Iterator[str]:
    """The address of every page and link of the navigation, in its sections too."""
    for item in items:
        if item.children:
            yield from _addresses(item.children)
        if getattr(item, "url", None) is not None:
            yield item.url
