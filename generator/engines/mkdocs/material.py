"""What Material puts in the site that this site does not want: two pieces of markup that the
Nu Html Checker refuses, and the files of a search the site does not use.

The markup fixes are exact replacements of Material's own (`base.html`, `partials/toc.html`):
if Material changes it, nothing is replaced and the HTML validity test says so.
"""

from __future__ import annotations

from typing import Any

# Material's lunr and search worker, for its own search plugin: this site uses Pagefind
# (publish/search.py), and no page loads these 36 files (1.2 MB).
MATERIAL_SEARCH_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")

# `autocomplete` is not allowed on checkboxes (Material's drawer and search toggles).
_TOGGLES = (
    ('type="checkbox" id="__drawer" autocomplete="off"', 'type="checkbox" id="__drawer"'),
    ('type="checkbox" id="__search" autocomplete="off"', 'type="checkbox" id="__search"'),
)
# The table of contents' title points at the `__toc` toggle, which only pages in the
# navigation have (the navigation is bounded: practices and centers are not in it).
_TOC_LABEL = '<label class="md-nav__title" for="__toc">'
_TOC_TOGGLE = 'id="__toc"'


def fix_material_markup(html: str) -> str:
    for old, new in _TOGGLES:
        html = html.replace(old, new)
    if _TOC_TOGGLE not in html:
        html = html.replace(_TOC_LABEL, '<label class="md-nav__title">')
    return html


def drop_material_search(files: Any, config: Any) -> Any:
    """MkDocs' `files` without Material's search files, unless its search plugin is on."""
    if any(name.rsplit("/", 1)[-1] == "search" for name in config.plugins):
        return files
    for file in [f for f in files if f.src_uri.startswith(MATERIAL_SEARCH_ASSETS)]:
        files.remove(file)
    return files
