"""The ids a page's theme gives its own elements, read from the installed themes: a heading
may not take one (`### __config` took the id of Material's `<script id="__config">`, whose
JSON the page then failed to read: no script ran).

Read from each engine's templates (`id="…"` in its HTML, ids its JavaScript makes from a
template string) and from the site's own theme and page templates. What a template computes
(`{{ loop.index }}`, `${p}`, a nav `path`) stands for words or numbers joined by «_», as loop
indexes and navigation paths are: an id of that shape is taken, whatever the page.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

_SITE = Path(__file__).resolve().parents[1] / "site"
OWN_TEMPLATES = (_SITE / "theme", _SITE / "templates", _SITE / "assets")
# Each engine's theme package, with its templates in `templates/`.
ENGINE_THEMES = {"mkdocs": "material", "zensical": "zensical"}

_COMPUTED = "[a-z0-9]+(?:_[a-z0-9]+)*"  # what a template's expression writes in an id
_HTML_ID = re.compile(r"""\bid=(["'])(.*?)\1""")
_JINJA = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}")
_SET = re.compile(r"""\{%-?\s*set\s+(\w+)\s*=\s*(["'])([^"']*)\2\s*~""")
_JS_TEMPLATE = re.compile(r"`([^`]*\$\{[^`]*)`")
_JS_EXPRESSION = re.compile(r"\$\{[^}]*\}")
_TEMPLATES = (".html", ".j2", ".js")
_JS_ID = re.compile(r"""(?:\.id\s*=|\bid\s*:)\s*([`"'])(.*?)\1""")


def theme_folders() -> list[Path]:
    """The templates of every engine's theme installed, then the site's own."""
    folders = []
    for package in ENGINE_THEMES.values():
        spec = find_spec(package)  # where it is installed, without importing it
        for location in (spec.submodule_search_locations or []) if spec else []:
            folders.append(Path(location) / "templates")
    return [folder for folder in [*folders, *OWN_TEMPLATES] if folder.is_dir()]


def _templates(folders: Iterable[Path]) -> Iterator[tuple[str, str]]:
    """(suffix, text) of every template of the folders, and of their scripts: not their icons
    (Material's theme holds 14,510 files, nearly all icons) nor their other assets."""
    for folder in folders:
        paths = sorted(folder.glob("assets/javascripts/*.js"))
        for parent, children, names in os.walk(folder):
            children[:] = sorted(c for c in children if not c.startswith(".") and c != "assets")
            paths += [Path(parent, name) for name in sorted(names) if name.endswith(_TEMPLATES)]
        for path in paths:
            yield path.suffix, path.read_text(encoding="utf-8", errors="replace")


Pattern = tuple[str, str]  # (the theme's text it starts with, the regular expression)


def _from_html(text: str, variables: dict[str, set[str]]) -> Iterator[Pattern]:
    """Each `id="…"` of a template as a pattern. A variable set to a text and more (`{% set
    path = "__nav_" ~ loop.index %}`) stands for that text and what follows it; a value that
    starts with anything else computed (another element's id) reserves nothing."""
    for match in _HTML_ID.finditer(text):
        found: list[tuple[str, str, bool]] = [("", "", False)]  # start, regex, computed yet
        for index, part in enumerate(_JINJA.split(match.group(2))):  # text, expression, …
            if index % 2 == 0:
                found = [(s if c else s + part, r + re.escape(part), c) for s, r, c in found]
            elif part in variables:
                found = [
                    (s if c else s + v, f"{r}{re.escape(v)}{_COMPUTED}", True)
                    for s, r, c in found
                    for v in sorted(variables[part])
                ]
            else:
                found = [(s, r + _COMPUTED, True) for s, r, c in found]
        yield from ((start, regex) for start, regex, _ in found if start)


def _from_script(text: str) -> Iterator[Pattern]:
    """Ids a theme's script makes from template strings: assigned as an id, or named like
    the theme's ids («__code_${n}», «__tooltip_${n}»)."""
    written = {m.group(2) for m in _JS_ID.finditer(text)}
    written |= {t for t in _JS_TEMPLATE.findall(text) if t.startswith("__")}
    for template in written:
        parts = _JS_EXPRESSION.split(template)
        if parts[0]:  # `${e.id}-title`: made from another element's id, which the page names
            yield parts[0], _COMPUTED.join(re.escape(part) for part in parts)


@dataclass(frozen=True)
class ThemeIds:
    """The ids the installed themes use, as patterns each starting with the theme's text."""

    pattern: re.Pattern[str]
    starts: tuple[str, ...]  # the text each pattern starts with: a quick first test
    examples: tuple[str, ...]  # one id of each pattern (what is computed as «1»)

    def __contains__(self, wanted: object) -> bool:
        return (
            isinstance(wanted, str)
            and wanted.startswith(self.starts)
            and self.pattern.fullmatch(wanted) is not None
        )


@functools.cache
def reserved_ids() -> ThemeIds:
    """Every id the installed themes use."""
    texts = list(_templates(theme_folders()))
    variables: dict[str, set[str]] = {}
    for _, text in texts:
        for name, _, start in _SET.findall(text):
            variables.setdefault(name, set()).add(start)
    patterns: set[Pattern] = set()
    for suffix, text in texts:
        patterns |= set(_from_script(text) if suffix == ".js" else _from_html(text, variables))
    alternatives = "|".join(f"(?:{regex})" for _, regex in sorted(patterns)) or "(?!)"
    examples = (re.sub(r"\\(.)", r"\1", r.replace(_COMPUTED, "1")) for _, r in patterns)
    return ThemeIds(
        re.compile(alternatives),
        tuple(sorted({start for start, _ in patterns})),
        tuple(sorted(examples)),
    )
