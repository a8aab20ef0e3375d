"""The one canonical form of a content file, written by `format`, `new`, `from-issue` and the CMS.

- keys in the order of the model's fields (keys the model does not know follow, as found);
- every non-empty list and map in block style, two spaces per level; `[]` and `{}` when empty;
- a string quoted only when YAML needs it, in single quotes, or in double quotes when it holds
  a character that must be escaped; a number as the CMS's JavaScript writes it (`1`, not `1.0`;
  `1.0e-7`): one value's form is yamlscalars.py's;
- no blank lines inside the YAML; comments kept, each before the key or item that follows it
  (or after its value on the same line);
- a Markdown file: `---`, the YAML, `---`, one blank line, the body (one final newline).

The CMS writes the same form in the browser (authoring/admin/canonical.js, which receives the
key orders and the quoting rule from `browser_rules`); a test holds the two to each other.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from types import UnionType
from typing import Any

import yaml
from pydantic import BaseModel
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.authoring.yamlscalars import NEEDS_ESCAPE, NEEDS_QUOTES, RESOLVES_TO_OTHER, scalar
from generator.content.frontmatter import split_front_matter
from generator.content.loader import (
    CENTERS_DIR,
    NETWORK_FILE,
    PAGES_DIR,
    PRACTICES_DIR,
    TAXONOMY_FILE,
)
from generator.content.models import Center, Network, PageMeta, PracticeMeta, Taxonomy
from generator.content.problems import Problem
from generator.content.yamlsource import parse_yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is present in every supported install
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

INDENT = "  "

# The model of each kind of content file; `model_for` says which one a path is.
MODELS: dict[str, type[BaseModel]] = {
    TAXONOMY_FILE: Taxonomy,
    NETWORK_FILE: Network,
    CENTERS_DIR: Center,
    PRACTICES_DIR: PracticeMeta,
    PAGES_DIR: PageMeta,
}


# The names under which the CMS knows the canonical form of practices and of centers.
PRACTICE_FORMAT = "red-practica"
CENTER_FORMAT = "red-centro"


class FormatError(Exception):
    """The file cannot be put in canonical form without losing something; `problems` say why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.as_text() for p in problems))
        self.problems = problems


# --- key order --------------------------------------------------------------------------


@dataclass(frozen=True)
class Order:
    """The order of a map's keys, and the orders of what its keys (or, for a dict, each of
    its values) hold. Lists are transparent: their items take the order of the list."""

    keys: tuple[str, ...] = ()
    fields: Mapping[str, Order] = field(default_factory=dict)
    each: Order | None = None
    dates: tuple[str, ...] = ()  # keys whose values are days (the browser sees only text)

    def child(self, key: Any) -> Order:
        return self.fields.get(str(key)) or self.each or NO_ORDER

    def as_json(self) -> dict[str, Any]:
        return {
            "keys": list(self.keys),
            "fields": {k: v.as_json() for k, v in self.fields.items()},
            "each": self.each.as_json() if self.each else None,
            "dates": list(self.dates),
        }


NO_ORDER = Order()


def order_of(model: type[BaseModel]) -> Order:
    return Order(
        tuple(model.model_fields),
        {
            key: found
            for key, info in model.model_fields.items()
            if (found := _order_of_annotation(info.annotation)) is not NO_ORDER
        },
        dates=tuple(k for k, info in model.model_fields.items() if _is_day(info.annotation)),
    )


def _is_day(annotation: Any) -> bool:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Annotated, typing.Union, UnionType):
        return any(_is_day(a) for a in (args[:1] if origin is typing.Annotated else args))
    return annotation is dt.date


def _order_of_annotation(annotation: Any) -> Order:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _order_of_annotation(args[0])
    if origin in (typing.Union, UnionType, list):
        return next((o for a in args if (o := _order_of_annotation(a)) is not NO_ORDER), NO_ORDER)
    if origin is dict:
        inner = _order_of_annotation(args[1])
        return Order(each=inner) if inner is not NO_ORDER else NO_ORDER
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return order_of(annotation)
    return NO_ORDER


def model_for(rel: str) -> type[BaseModel] | None:
    """The model of the content file at `rel` (relative to the root, with `/`), if it is one."""
    path = PurePosixPath(rel)
    if rel in MODELS:
        return MODELS[rel]
    folder = str(path.parent)
    suffix = ".yml" if folder == CENTERS_DIR else ".md"
    if folder in (CENTERS_DIR, PRACTICES_DIR, PAGES_DIR) and path.suffix == suffix:
        return MODELS[folder]
    return None


def browser_rules() -> dict[str, Any]:
    """What the CMS needs to write the same form in the browser (authoring/admin/red-admin.js):
    the quoting rule and, per format, the key order and whether it is a Markdown file."""
    return {
        "resolvesToOther": RESOLVES_TO_OTHER,
        "needsQuotes": NEEDS_QUOTES,
        "needsEscape": NEEDS_ESCAPE,
        "formats": {
            name: {"extension": extension, "frontMatter": extension == "md", "order": order}
            for name, (extension, order) in {
                PRACTICE_FORMAT: ("md", order_of(PracticeMeta).as_json()),
                CENTER_FORMAT: ("yml", order_of(Center).as_json()),
            }.items()
        },
    }


# --- the tree: values with their comments ------------------------------------------------


@dataclass
class Item:
    """A key and its value in a map, or an item of a list (key None), with its comments."""

    key: Any
    value: Tree
    before: list[str] = field(default_factory=list)  # whole-line comments above it
    after: str | None = None  # a comment at the end of its line


Tree = Any  # a scalar value, or a list of Items tagged by Block


@dataclass
class Block:
    kind: str  # "map" or "seq"
    items: list[Item]


def tree_of(value: Any) -> Tree:
    """A tree without comments from plain data (dicts, lists, scalars)."""
    if isinstance(value, Mapping):
        return Block("map", [Item(k, tree_of(v)) for k, v in value.items()])
    if isinstance(value, list | tuple):
        return Block("seq", [Item(None, tree_of(v)) for v in value])
    return value


class _Reader:
    """Builds the tree from PyYAML's nodes and puts each comment of the text on its item."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.inside_scalars: set[int] = set()  # lines inside a multi-line scalar
        self.starts: list[tuple[int, Item]] = []  # (line, item) in document order
        self.constructor = _Loader("")

    def read(self, node: Node) -> tuple[Tree, list[str], list[str]]:
        """The tree, the comments above everything (they stay on top) and those at the end."""
        tree = self.tree(node)
        first = self.starts[0][0] if self.starts else len(self.lines)
        leading: list[str] = []
        trailing: list[str] = []
        for number, line in enumerate(self.lines):
            stripped = line.strip()
            if not stripped.startswith("#") or number in self.inside_scalars:
                continue
            target = next((item for start, item in self.starts if start > number), None)
            if number < first:
                leading.append(stripped)
            else:
                (target.before if target else trailing).append(stripped)
        return tree, leading, trailing

    def tree(self, node: Node) -> Tree:
        if isinstance(node, ScalarNode):
            start, end = node.start_mark, node.end_mark
            last = end.line if end.column > 0 else end.line - 1
            self.inside_scalars.update(range(start.line + 1, last + 1))
            return self.constructor.construct_object(node)
        if isinstance(node, MappingNode):
            items = []
            for key_node, value_node in node.value:
                item = Item(self.constructor.construct_object(key_node), None)
                self.starts.append((key_node.start_mark.line, item))
                item.value = self.tree(value_node)
                item.after = self.comment_after(key_node, value_node)
                items.append(item)
            return Block("map", items)
        if isinstance(node, SequenceNode):
            items = []
            for value_node in node.value:
                item = Item(None, None)
                self.starts.append((value_node.start_mark.line, item))
                item.value = self.tree(value_node)
                item.after = self.comment_after(None, value_node)
                items.append(item)
            return Block("seq", items)
        raise TypeError(node)  # pragma: no cover - PyYAML composes only these three

    def comment_after(self, key: Node | None, value: Node) -> str | None:
        """A comment after the value on its last line (or after the key of a block)."""
        block = isinstance(value, MappingNode | SequenceNode) and value.flow_style is False
        if (block and key is None) or (isinstance(value, ScalarNode) and value.style in ("|", ">")):
            return None
        mark = key.end_mark if block and key is not None else value.end_mark
        if mark.line >= len(self.lines):
            return None
        rest = self.lines[mark.line][mark.column :]
        found = re.match(r"\s*:?\s+(#.*)$", rest) or re.match(r"\s*(#.*)$", rest)
        return found.group(1).rstrip() if found else None


# --- writing ------------------------------------------------------------------------------


def dump(
    tree: Tree,
    order: Order = NO_ORDER,
    leading: Sequence[str] = (),
    trailing: Sequence[str] = (),
) -> str:
    """The canonical YAML text of a tree (or of plain data), between its outer comments."""
    if not isinstance(tree, Block):
        tree = tree_of(tree)
    lines = [*leading]
    lines += list(_block_lines(tree, order, 0)) if tree.items else [scalar_of_empty(tree)]
    lines += trailing
    return "\n".join(lines) + "\n"


def scalar_of_empty(block: Block) -> str:
    return "{}" if block.kind == "map" else "[]"


def _sorted(block: Block, order: Order) -> list[Item]:
    if block.kind != "map" or not order.keys:
        return block.items
    rank = {key: index for index, key in enumerate(order.keys)}
    return sorted(block.items, key=lambda item: rank.get(str(item.key), len(rank)))


def _block_lines(block: Block, order: Order, depth: int) -> Iterator[str]:
    pad = INDENT * depth
    for item in _sorted(block, order):
        child = order.child(item.key) if block.kind == "map" else order
        yield from (pad + comment for comment in item.before)
        head = pad + (f"{scalar(item.key)}:" if block.kind == "map" else "-")
        value = item.value
        if isinstance(value, Block) and value.items:
            if block.kind == "seq" and value.kind == "map":
                # "- key: value", the item's other keys under the first
                inner = list(_block_lines(value, child, depth + 1))
                first = next(i for i, line in enumerate(inner) if not line.lstrip().startswith("#"))
                yield from (pad + line.lstrip() for line in inner[:first])
                yield _with_comment(head + " " + inner[first].lstrip(), item.after)
                yield from inner[first + 1 :]
            else:
                yield _with_comment(head, item.after)
                yield from _block_lines(value, child, depth + 1)
        else:
            text = scalar_of_empty(value) if isinstance(value, Block) else scalar(value)
            yield _with_comment(f"{head} {text}", item.after)


def _with_comment(line: str, comment: str | None) -> str:
    return f"{line}  {comment}" if comment else line


# --- files --------------------------------------------------------------------------------


Change = Callable[[Block], None]  # an edit of the top-level map, before it is written


def format_yaml(
    text: str, rel: str, order: Order, *, line_offset: int = 0, change: Change | None = None
) -> str:
    """`text` (one YAML document) in canonical form, after `change` if given; FormatError
    when it does not parse (or its top level is not a map and there is a change to make)."""
    doc, problems = parse_yaml(text, rel, line_offset=line_offset)
    if doc is None or problems:
        raise FormatError(problems)
    node = yaml.compose(text, Loader=_Loader)
    tree, leading, trailing = _Reader(text).read(node) if node is not None else (None, [], [])
    not_keys = node is not None and not isinstance(tree, Block)  # «hola» alone: nothing to order
    if not_keys or (change is not None and (not isinstance(tree, Block) or tree.kind != "map")):
        what = "El encabezado" if rel.endswith(".md") else "El archivo"
        message = f"{what} no tiene claves «clave: valor»: corrígelo primero (check dice cómo)."
        raise FormatError([Problem(rel, 1 + line_offset, 1, "formato", message)])
    if change is not None and isinstance(tree, Block):
        change(tree)
    elif node is None:
        return "\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"
    result = dump(tree, order, leading, trailing)
    if change is None and yaml.load(result, Loader=_Loader) != doc.value:
        raise FormatError(  # pragma: no cover - would be a defect of this module
            [Problem(rel, 1 + line_offset, 1, "formato", "No se pudo formatear sin cambiar datos.")]
        )
    return result


def front_matter_file(yaml_text: str, body: str) -> str:
    """A Markdown file from its canonical YAML header and its body."""
    body = body.replace("\r\n", "\n").lstrip("\n").rstrip("\n")
    return f"---\n{yaml_text}---\n" + (f"\n{body}\n" if body else "")


def format_text(rel: str, text: str, change: Change | None = None) -> str:
    """The canonical form of the content file at `rel` whose text is `text` (after `change`
    to its top-level map, if given)."""
    model = model_for(rel)
    if model is None:
        raise FormatError(
            [Problem(rel, 1, 1, "formato", "No es un archivo de contenido del repositorio.")]
        )
    text = text.replace("\r\n", "\n")
    order = order_of(model)
    if not rel.endswith(".md"):
        return format_yaml(text, rel, order, change=change)
    split, problems = split_front_matter(text, rel)
    if split is None:
        raise FormatError(problems)
    header = format_yaml(
        split.yaml_text, rel, order, line_offset=split.yaml_line_offset, change=change
    )
    return front_matter_file(header, split.body)


def add_to_list(rel: str, text: str, key: str, value: Any) -> str:
    """The content file `text` with `value` (plain data) added at the end of its top-level
    list `key` (made when missing), in canonical form and with every comment kept. For
    example, an adoption: `add_to_list(rel, text, "replicas", {"centro": ..., ...})`."""

    def append(header: Block) -> None:
        found = next((item for item in header.items if item.key == key), None)
        if found is None:
            found = Item(key, Block("seq", []))
            header.items.append(found)
        if not isinstance(found.value, Block) or found.value.kind != "seq":
            raise FormatError([Problem(rel, 1, 1, "formato", f"«{key}» no es una lista.")])
        found.value.items.append(Item(None, tree_of(value)))

    return format_text(rel, text, append)


def render(data: Mapping[str, Any], model: type[BaseModel], body: str | None = None) -> str:
    """A new content file from plain data (and, for Markdown, its body) in canonical form."""
    header = dump(tree_of(dict(data)), order_of(model))
    return header if body is None else front_matter_file(header, body)
