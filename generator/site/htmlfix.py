"""Two fixes to Material's page markup, so every page passes the Nu Html Checker.

Both are exact replacements of Material's own markup (`base.html`, `partials/toc.html`):
if Material changes it, nothing is replaced and the HTML validity test says so.
"""

from __future__ import annotations

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
