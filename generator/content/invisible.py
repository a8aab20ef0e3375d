"""Invisible format characters in content: each is an error at its line and column, naming it.

A bidirectional control (U+202A–U+202E, U+2066–U+2069) can make a title read differently
from what it is («Trojan Source»); the other format characters (Unicode category Cf: zero-width
spaces, joiners, word joiners, a byte order mark inside the text, soft hyphens) do not show but
stay in the text, in searches and in addresses. They come from copying out of Word, a PDF or a
web page. Every YAML text (front matter and YAML files, comments and keys too, and the
«\\u202E» escapes of double-quoted texts) is checked; in a Markdown body, everything outside
code (code spans, fenced and indented code show their characters as they are).

The zero-width joiner (U+200D) is allowed between two emoji: there it joins them into one
picture (👩‍🌾, 🏳️‍🌈) and cannot reorder or hide text; anywhere else it is reported. So are the
tag characters that spell a subdivision flag after 🏴 (🏴󠁧󠁢󠁳󠁣󠁴󠁿).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from generator.content import characters
from generator.content.problems import Problem
from generator.content.safety import lines_outside_code
from generator.content.yamlsource import YamlDocument

# Unicode 15.1's category Cf (tests/test_invisible.py checks it against unicodedata).
_RANGES = (
    *((0xAD, 0xAD), (0x600, 0x605), (0x61C, 0x61C), (0x6DD, 0x6DD), (0x70F, 0x70F)),
    *((0x890, 0x891), (0x8E2, 0x8E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E)),
    *((0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB)),
    *((0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3)),
    *((0x1D173, 0x1D17A), (0xE0001, 0xE0001), (0xE0020, 0xE007F)),
)
FORMAT_CHARACTERS = frozenset(chr(c) for start, end in _RANGES for c in range(start, end + 1))
# Looked for with one character class of the ones below U+10000 (a table lookup per character,
# 5 times quicker than the exact class) and everything from the first one above: a text with an
# emoji is then checked character by character against the set.
_FORMAT = re.compile(
    "["
    + "".join(f"{chr(a)}-{chr(b)}" for a, b in _RANGES if b < 0x10000)
    + "\U000110bd-\U000e007f]"
)
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# A double-quoted YAML text's escapes: «\\» (read past), a code point, or a letter for one.
_ESCAPE = re.compile(
    r"\\(?:\\|x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|([0abvfreNLP]))"
)
_LETTERS = dict(zip("0abvfreNLP", "\x00\x07\x08\x0b\x0c\r\x1b\x85\u2028\u2029", strict=True))
_ZWJ, _VS16, _BLACK_FLAG, _CANCEL_TAG = "\u200d", "\ufe0f", "\U0001f3f4", "\U000e007f"
_TAGS = re.compile("\U0001f3f4([\U000e0020-\U000e007e]+\U000e007f)")
_LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])(?: +|$)")


def describe(char: str) -> str:
    """«U+202E (RIGHT-TO-LEFT OVERRIDE)»: the code point and Unicode's name for it."""
    return f"U+{ord(char):04X} ({unicodedata.name(char, 'sin nombre en Unicode')})"


def _message(char: str, written: str = "") -> str:
    what = f"«{written}» escribe" if written else "Hay"
    if char in _BIDI:
        effect = (
            "que cambia el sentido en que se lee el texto: puede hacer que se lea distinto de "
            "lo que es"
        )
    else:
        effect = (
            "que no se ve pero queda en el texto (suele venir al copiar desde Word, un PDF o una "
            "página web)"
        )
    fix = "Bórralo" + (
        "" if written else "; si tu editor no lo muestra, vuelve a escribir a mano esa palabra"
    )
    return f"{what} un carácter invisible, {describe(char)}, {effect}. {fix}."


def _is_emoji(char: str) -> bool:
    """Roughly Unicode's Extended_Pictographic: the blocks of symbols and pictographs."""
    point = ord(char)
    return 0x2300 <= point <= 0x2BFF or 0x1F000 <= point <= 0x1FAFF


def _joins_emoji(line: str, index: int) -> bool:
    """Whether the character at `index` is part of an emoji: a joiner between two emoji, or a
    tag character of a subdivision flag."""
    char = line[index]
    if char == _ZWJ:
        before = index - 1
        while before >= 0 and line[before] == _VS16:
            before -= 1
        after = line[index + 1 : index + 2]
        return before >= 0 and _is_emoji(line[before]) and bool(after) and _is_emoji(after)
    if "\U000e0020" <= char <= _CANCEL_TAG:
        start = line.rfind(_BLACK_FLAG, 0, index)
        flag = _TAGS.match(line, start) if start >= 0 else None
        return flag is not None and flag.end() > index
    return False


def _found(lines: list[str]) -> Iterator[tuple[int, int, str]]:
    """(line index, column index, character) of each invisible character not in an emoji."""
    for index, line in enumerate(lines):
        for match in _FORMAT.finditer(line):
            char = match.group()
            if char in FORMAT_CHARACTERS and not _joins_emoji(line, match.start()):
                yield index, match.start(), char


def check_yaml_text(
    text: str, file: str, line_offset: int = 0, doc: YamlDocument | None = None
) -> list[Problem]:
    """Invisible characters in a YAML text (a file, or a front matter after `line_offset`
    lines), and those written as escapes in the texts YAML read (`doc`)."""
    if not _FORMAT.search(text) and "\\" not in text:
        return []
    lines = text.split("\n")
    problems = [
        Problem(file, line_offset + index + 1, column + 1, "caracter-invisible", _message(char))
        for index, column, char in _found(lines)
    ]
    if doc is not None and "\\" in text:
        problems += _escaped(lines, file, line_offset, doc)
    return problems


def _escaped(lines: list[str], file: str, line_offset: int, doc: YamlDocument) -> list[Problem]:
    """«\\u202E» and its kind in a double-quoted text: YAML reads the character itself."""
    read = set("".join(_strings(doc.value)))
    problems = []
    for index, line in enumerate(lines):
        for match in _ESCAPE.finditer(line):
            char = _escaped_char(match)
            if char is None or char not in read:
                continue
            place = (file, line_offset + index + 1, match.start() + 1)
            if char in FORMAT_CHARACTERS:
                problems.append(
                    Problem(*place, "caracter-invisible", _message(char, match.group()))
                )
            elif characters.is_unusable(char):
                message = characters.message(char, match.group())
                problems.append(Problem(*place, characters.CODE, message))
    return problems


def _escaped_char(match: re.Match[str]) -> str | None:
    """The character an escape writes (None: «\\\\», a backslash)."""
    point, letter = next((g for g in match.groups()[:3] if g), None), match.group(4)
    if point is not None:
        return chr(int(point, 16)) if int(point, 16) < 0x110000 else None
    return _LETTERS[letter] if letter else None


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def check_body_text(body: str, first_line: int, file: str) -> list[Problem]:
    """Invisible characters in a Markdown body, outside code: written as they are, or as an
    HTML entity («&#x202E;», «&ZeroWidthSpace;»), which the page shows as the character."""
    entity = "&" in body and _ENTITY.search(body) is not None
    if not entity and not _FORMAT.search(body):
        return []
    outside = dict(lines_outside_code(body))  # code spans blanked, same columns
    indented = _indented_code(body.splitlines())
    problems = [
        Problem(file, first_line + index, column + 1, "caracter-invisible", _message(char))
        for index, column, char in _found(body.splitlines())
        if index not in indented and outside.get(index, "")[column : column + 1] == char
    ]
    if entity:
        for index, line in outside.items():
            if index not in indented:
                problems += _entities(line, file, first_line + index)
    return problems


# An HTML entity, named or numbered: markdown-it writes the character it names.
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")


def _entities(line: str, file: str, line_number: int) -> list[Problem]:
    problems = []
    for match in _ENTITY.finditer(line):
        char = html.unescape(match.group())
        if len(char) != 1:
            continue
        place = (file, line_number, match.start() + 1)
        if char in FORMAT_CHARACTERS:
            problems.append(Problem(*place, "caracter-invisible", _message(char, match.group())))
        elif characters.is_unusable(char):
            message = characters.message(char, match.group())
            problems.append(Problem(*place, characters.CODE, message))
    return problems


def _indented_code(lines: list[str]) -> set[int]:
    """The indexes of the lines of indented code blocks (CommonMark: four columns more than
    the paragraph they would otherwise continue, after a blank line; inside a list item, four
    more than the item's text)."""
    code: set[int] = set()
    base = 0  # the indentation of the text of the current list item (0 outside lists)
    after_blank = True
    for index, line in enumerate(lines):
        expanded = line.expandtabs(4)
        if not expanded.strip():
            after_blank = True
            continue
        indent = len(expanded) - len(expanded.lstrip(" "))
        if (after_blank or index - 1 in code) and indent >= base + 4:
            code.add(index)
        elif item := _LIST_ITEM.match(expanded[base:] if indent >= base else expanded):
            base = (base if indent >= base else 0) + item.end()
        elif indent < base and after_blank:
            base = 0
        after_blank = False
    return code
