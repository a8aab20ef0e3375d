"""The structure of a rendered body, as a reader meets it: what the site's renderer and
GitHub's must agree on (tests/test_dialect.py).

A body's HTML becomes a tree of (tag, attributes, children): block nesting, lists and where
they start, links and images with their targets (percent-decoded), emphasis, strikethrough,
checkboxes (checked or not), hard breaks, code with its exact text and language, tables
(rows, cells, alignment), headings (level and text), and the text, its whitespace collapsed.
What a reader does not meet is left out: whitespace between blocks, classes, ids (heading
ids among them), the order of attributes, how a tag or an entity is spelled, comments.
"""

from __future__ import annotations

import difflib
import re
from urllib.parse import unquote

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

# One node: (tag, attributes, children), a child being a node or a piece of text.
Node = tuple[str, tuple[str, ...], tuple["Node | str", ...]]

# Around these, whitespace means nothing to a reader.
BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "body", "br", "dd", "details", "div"),
        *("dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hr"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "html", "input", "li", "main", "nav", "ol", "p"),
        *("pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr"),
        "ul",
    }
)
_SPACES = re.compile(r"[ \t\n\r\f]+")
_ALERT = re.compile(r"\bmarkdown-alert-(\w+)")


def _spaced(text: str | None) -> str | None:
    """A text attribute as a reader meets it: its whitespace collapsed."""
    return None if text is None else _SPACES.sub(" ", text)


def _attributes(tag: Tag) -> tuple[str, ...]:
    """The attributes that are structure, spelled the same for both renderers."""
    name = tag.name

    def get(attribute: str) -> str | None:
        value = tag.get(attribute)
        return " ".join(value) if isinstance(value, list) else value

    if name == "a":
        pairs = [("href", unquote(get("href") or "")), ("title", _spaced(get("title")))]
    elif name == "img":
        src, alt = unquote(get("src") or ""), _spaced(get("alt") or "")
        pairs = [("src", src), ("alt", alt), ("title", _spaced(get("title")))]
    elif name == "ol":
        pairs = [("start", None if get("start") in (None, "1") else get("start"))]
    elif name == "input":
        pairs = [("type", get("type")), ("checked", "yes" if tag.has_attr("checked") else None)]
    elif name in ("th", "td"):
        style = re.search(r"text-align:\s*(\w+)", get("style") or "")
        pairs = [("align", get("align") or (style.group(1) if style else None))]
    elif name == "pre":
        code = tag.find("code", recursive=False)
        classes = " ".join(code.get("class") or []) if isinstance(code, Tag) else ""
        language = re.search(r"\blanguage-(\S+)", classes)
        pairs = [("lang", get("lang") or (language.group(1) if language else None))]
    elif name == "div":
        alert = _ALERT.search(get("class") or "")
        pairs = [("alert", alert.group(1).lower() if alert else None)]
    elif name in ("code", "li", "ul", "p", "table", "thead", "tbody", "tr", "blockquote"):
        pairs = []
    elif re.fullmatch(r"h[1-6]", name):
        pairs = []  # ids are not structure (each renderer makes its own)
    else:  # raw HTML the author wrote: both renderers pass it as written
        pairs = sorted((key, get(key)) for key in tag.attrs if key not in ("class", "id"))
    return tuple(f"{key}={value}" for key, value in pairs if value is not None)


def _children(element: Tag, exact: bool) -> tuple[Node | str, ...]:
    items: list[Node | str] = []
    for child in element.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            text = str(child) if exact else _SPACES.sub(" ", str(child))
            if items and isinstance(items[-1], str):
                items[-1] += text
            else:
                items.append(text)
        elif isinstance(child, Tag):
            items.append(_node(child, exact))
    if exact:
        return tuple(items)
    return _trim(items, element.name in BLOCKS or element.name == "[document]")


def _is_block(item: Node | str | None) -> bool:
    return item is None or (not isinstance(item, str) and item[0] in BLOCKS)


def _trim(items: list[Node | str], block: bool) -> tuple[Node | str, ...]:
    """Text without the whitespace that touches a block (or the edges of a block)."""
    out: list[Node | str] = []
    for index, item in enumerate(items):
        if isinstance(item, str):
            before = items[index - 1] if index else None
            after = items[index + 1] if index + 1 < len(items) else None
            if _is_block(before) and (block or before is not None):
                item = item.lstrip(" ")
            if _is_block(after) and (block or after is not None):
                item = item.rstrip(" ")
            if not item:
                continue
        out.append(item)
    return tuple(out)


def _node(tag: Tag, exact: bool = False) -> Node:
    exact = exact or tag.name in ("pre", "code")
    return (tag.name, _attributes(tag), _children(tag, exact))


def shape(html: str) -> Node:
    """The structure of `html`."""
    return _node(BeautifulSoup(html, "html.parser"))


def outline(node: Node | str, depth: int = 0) -> list[str]:
    """One line per node, indented by depth: what a failing comparison prints."""
    pad = "  " * depth
    if isinstance(node, str):
        return [f"{pad}{node!r}"]
    name, attributes, children = node
    head = f"{pad}<{name}{''.join(' ' + a for a in attributes)}>"
    return [head] + [line for child in children for line in outline(child, depth + 1)]


def difference(expected: str, actual: str) -> str:
    """ "" when both HTML have the same structure; else a diff of their outlines."""
    ours, theirs = shape(expected), shape(actual)
    if ours == theirs:
        return ""
    diff = difflib.unified_diff(outline(ours), outline(theirs), "github", "site", lineterm="")
    return "\n".join(diff)
