"""A front matter with a YAML syntax error still gets its other fields checked.

libyaml stops at the first syntax error, so a tab on one line used to hide every other
mistake of the file until the next run. Here the top-level field whose lines hold the error
is left out (its lines blanked, so every other line keeps its number) and the rest is parsed
again, a few times at most; the fields left out are then skipped like any field that could
not be read, never reported as missing.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from generator.content.problems import Problem
from generator.content.yamlsource import KeyPath, YamlDocument, parse_yaml

MAX_LEFT_OUT = 5  # fields; a file broken in more places is mostly broken: one error is enough
_TOP_KEY = re.compile(r"([^\s#:][^:#]*?)[ \t]*:(?:[ \t]|$)")  # `clave:` at the start of a line
_FIRST_WORD = re.compile(r"[A-Za-z_][\w-]*")


def parse_recovering(
    text: str, file: str, fields: Collection[str], *, line_offset: int = 0
) -> tuple[YamlDocument | None, list[Problem], frozenset[KeyPath]]:
    """`parse_yaml`, and the paths of the top-level fields left out to read the rest; `fields`
    are the model's, which a line indented by mistake (a tab) may start."""
    doc, problems = parse_yaml(text, file, line_offset=line_offset)
    if doc is not None:
        return doc, problems, frozenset()
    lines = text.split("\n")
    reported = list(problems)
    left_out: set[str] = set()
    while len(left_out) < MAX_LEFT_OUT and reported[-1].code == "yaml-sintaxis":
        block = _top_level_block(lines, reported[-1].line - 1 - line_offset, fields)
        if block is None or block[2] in left_out:
            break
        start, end, key = block
        left_out.add(key)
        lines[start:end] = [""] * (end - start)
        doc, problems = parse_yaml("\n".join(lines), file, line_offset=line_offset)
        if doc is not None:
            if doc.value is None:  # every field was left out: the others are missing, not all
                doc = YamlDocument({}, doc.start)
            return doc, reported + problems, frozenset((k,) for k in left_out)
        if problems[-1].line in {p.line for p in reported}:
            break
        reported += problems
    return None, reported, frozenset()


def _top_level_block(
    lines: list[str], index: int, fields: Collection[str]
) -> tuple[int, int, str] | None:
    """(first line, line after the last, key) of the top-level field that holds line `index`:
    from the last line at or before it that starts at the margin (or is the line itself,
    indented by mistake, naming a field) to the next line at the margin."""
    if not 0 <= index < len(lines):
        return None
    misplaced = _TOP_KEY.match(lines[index].lstrip())
    if misplaced and misplaced.group(1) in fields:
        start: int | None = index
    else:
        start = next((i for i in range(index, -1, -1) if _at_margin(lines[i])), None)
    if start is None:
        return None
    end = next((i for i in range(index + 1, len(lines)) if _at_margin(lines[i])), len(lines))
    first = lines[start].lstrip()
    key = _TOP_KEY.match(first) or _FIRST_WORD.match(first)  # the second: «centro Talca»
    return (start, end, key.group(1) if key.groups() else key.group(0)) if key else None


def _at_margin(line: str) -> bool:
    return bool(line) and not line[0].isspace() and not line.startswith(("#", "-"))
