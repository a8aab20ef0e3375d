"""Parse YAML into plain values while keeping where every key and value stands.

PyYAML forgets positions and silently keeps the last of two duplicate keys; content
authors need both. So the document is composed into nodes (libyaml when available) and
converted by hand: duplicate keys, aliases and unsafe tags become problems with a line.

Most documents are plain (no tag, alias or repeated key): they take a fast path that only
builds the value, and the positions are worked out the first time someone asks for one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.content.problems import Problem
from generator.content.yamlerrors import DEPTH_MESSAGE, syntax_problem

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - libyaml is present in every supported install
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

# A place in a YAML document: the keys and list indexes from its root.
KeyPath = tuple[str | int, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_MAX_DEPTH = 40
_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
_MERGE_TAG = "tag:yaml.org,2002:merge"


class _Loader(_BaseLoader):
    """PyYAML's safe loader with its tag resolver specialised for no path resolvers.

    Same tags as `BaseResolver.resolve`, in a fraction of the time: libyaml calls it for
    every node, and most plain scalars (keys, dates, fixed values) repeat across files.
    """

    def resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            if not implicit[0]:  # quoted
                return _STR_TAG
            tag = _RESOLVED.get(value)
            if tag is None:
                tag = _implicit_tag(value)
                if len(value) <= _CACHED_LENGTH and len(_RESOLVED) < _CACHED_VALUES:
                    _RESOLVED[value] = tag
            return tag
        return _SEQ_TAG if kind is SequenceNode else _MAP_TAG

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass  # only path resolvers use it, and none is registered (see the assert below)

    def ascend_resolver(self) -> None:
        pass


assert not _Loader.yaml_path_resolvers, "the specialised resolver ignores path resolvers"
_RESOLVED: dict[str, str] = {}
_CACHED_LENGTH, _CACHED_VALUES = 40, 100_000  # short values only, a bounded memory


def _implicit_tag(value: str) -> str:
    resolvers = _Loader.yaml_implicit_resolvers
    for tag, regexp in resolvers.get(value[0] if value else "", []) + resolvers.get(None, []):
        if regexp.match(value):
            return str(tag)
    return _STR_TAG


@dataclass(frozen=True)
class Position:
    line: int
    column: int


class YamlDocument:
    """A parsed YAML value plus the position and source text of each of its parts.

    `tables`, when given, works them out on first use (see `parse_yaml`).
    """

    def __init__(
        self,
        value: Any,
        start: Position,
        tables: Callable[[], YamlDocument] | None = None,
    ) -> None:
        self.value = value
        self.start = start
        self._tables = tables
        self._value_at: dict[KeyPath, Position] = {}
        self._key_at: dict[KeyPath, Position] = {}
        self._raw_at: dict[KeyPath, str] = {}

    def _fill(self) -> None:
        if self._tables is not None:
            full = self._tables()
            self._tables = None
            self._value_at, self._key_at, self._raw_at = full.value_at, full.key_at, full.raw_at

    @property
    def value_at(self) -> dict[KeyPath, Position]:
        self._fill()
        return self._value_at

    @property
    def key_at(self) -> dict[KeyPath, Position]:
        self._fill()
        return self._key_at

    @property
    def raw_at(self) -> dict[KeyPath, str]:
        self._fill()
        return self._raw_at

    def position(self, path: KeyPath, *, key: bool = False) -> Position:
        """Where `path` stands; for a missing part, where its nearest existing parent stands."""
        path = tuple(path)
        while path:
            table = self.key_at if key else self.value_at
            if path in table:
                return table[path]
            if path in self.value_at:
                return self.value_at[path]
            path = path[:-1]
        return self.start


class _Converter:
    def __init__(self, file: str, line_offset: int) -> None:
        self.file = file
        self.line_offset = line_offset
        self.problems: list[Problem] = []
        self.doc = YamlDocument(value=None, start=Position(1 + line_offset, 1))
        self._seen: set[int] = set()
        self.found_alias = False
        self._constructor = SafeConstructor()

    def pos(self, node: Node) -> Position:
        mark = node.start_mark
        return Position(mark.line + 1 + self.line_offset, mark.column + 1)

    def problem(self, node: Node, code: str, message: str) -> None:
        p = self.pos(node)
        self.problems.append(Problem(self.file, p.line, p.column, code, message))

    def convert(self, node: Node, path: KeyPath, depth: int = 0) -> Any:
        self.doc.value_at[path] = self.pos(node)
        if id(node) in self._seen:
            self.found_alias = True
            return None
        self._seen.add(id(node))
        if depth > _MAX_DEPTH:
            self.problem(node, "yaml-profundidad", DEPTH_MESSAGE)
            return None
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        if isinstance(node, SequenceNode):
            self.check_tag(node, "tag:yaml.org,2002:seq")
            return [self.convert(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            self.check_tag(node, "tag:yaml.org,2002:map")
            return self.mapping(node, path, depth)
        return None  # pragma: no cover - composer yields only these three kinds

    def check_tag(self, node: Node, expected: str) -> None:
        if node.tag != expected:
            self.problem(
                node,
                "yaml-etiqueta",
                f"La etiqueta YAML «{node.tag}» no está permitida: quítala y escribe el valor "
                "sin etiqueta.",
            )

    def scalar(self, node: ScalarNode, path: KeyPath) -> Any:
        self.doc.raw_at[path] = node.value
        if node.tag not in _PLAIN_TAGS:
            self.check_tag(node, "tag:yaml.org,2002:str")
            return node.value
        try:
            return _PLAIN_CONSTRUCTORS[node.tag](self._constructor, node)
        except _TooBig:
            self.problem(
                node,
                "numero-demasiado-grande",
                f"«{node.value}» es un número de más de {MAX_DIGITS} cifras: ningún dato del "
                "sitio es tan grande. Revisa que esté bien escrito.",
            )
        except (ValueError, ConstructorError, OverflowError):
            if node.tag == "tag:yaml.org,2002:timestamp":
                self.problem(
                    node,
                    "fecha-invalida",
                    f"«{node.value}» no es una fecha que exista. Usa el formato AAAA-MM-DD, "
                    "por ejemplo: 2021-03-15.",
                )
            else:
                self.problem(
                    node,
                    "yaml-valor",
                    f"No se pudo leer el valor «{node.value}»: escríbelo entre comillas dobles, "
                    f'así: «"{node.value}"».',
                )
            return None

    def mapping(self, node: MappingNode, path: KeyPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problem(
                    key_node,
                    "yaml-clave",
                    "Una clave debe ser una palabra simple seguida de «:», por ejemplo «titulo:»; "
                    "no uses listas ni llaves como clave.",
                )
                continue
            if key_node.value == "<<" and key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(
                    key_node,
                    "yaml-alias",
                    "No se permite «<<» (fusión de YAML): escribe cada clave.",
                )
                continue
            key = key_node.value
            key_pos = self.pos(key_node)
            if key in first_line:
                self.problems.append(
                    Problem(
                        self.file,
                        key_pos.line,
                        key_pos.column,
                        "clave-repetida",
                        f"La clave «{key}» está repetida (ya aparece en la línea "
                        f"{first_line[key]}). Deja una sola: YAML conservaría solo la última "
                        "en silencio.",
                    )
                )
                continue
            first_line[key] = key_pos.line
            self.doc.key_at[(*path, key)] = key_pos
            result[key] = self.convert(value_node, (*path, key), depth + 1)
        return result


def parse_yaml(
    text: str, file: str, *, line_offset: int = 0
) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one YAML document. `line_offset` is the number of lines before `text` in the file."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return None, [syntax_problem(error, text, file, line_offset)]
    except yaml.YAMLError:
        return None, [
            Problem(
                file,
                1 + line_offset,
                1,
                "yaml-sintaxis",
                "No se pudo leer el YAML: el archivo tiene caracteres que no son texto. Vuelve a "
                "escribir el encabezado a mano o copia el de otro archivo.",
            )
        ]
    except RecursionError:
        return None, [
            Problem(
                file,
                1 + line_offset,
                1,
                "yaml-profundidad",
                DEPTH_MESSAGE,
            )
        ]
    if node is None:
        return YamlDocument(None, Position(1 + line_offset, 1)), []
    try:
        value = _plain_value(node, set() if "*" in text else None, 0)
    except _NotPlain:
        return _convert(node, text, file, line_offset)
    mark = node.start_mark
    start = Position(mark.line + 1 + line_offset, mark.column + 1)
    return YamlDocument(value, start, partial(_positions, text, file, line_offset)), []


def _convert(
    node: Node, text: str, file: str, line_offset: int
) -> tuple[YamlDocument, list[Problem]]:
    converter = _Converter(file, line_offset)
    converter.doc.start = converter.pos(node)
    converter.doc.value = converter.convert(node, ())
    if converter.found_alias:
        converter.problems.extend(_alias_problems(text, file, line_offset))
    return converter.doc, converter.problems


def _positions(text: str, file: str, line_offset: int) -> YamlDocument:
    """The full conversion of a plain document, for its positions (it has no problem)."""
    node = yaml.compose(text, Loader=_Loader)
    assert node is not None, "parse_yaml gave a value to this text"
    return _convert(node, text, file, line_offset)[0]


class _NotPlain(Exception):
    """The document has something to report (or an alias): it needs the full conversion."""


_CONSTRUCTOR = SafeConstructor()
# Python writes an integer of more than 4,300 digits only with an error (0x followed by 5,000
# «f» is one, and YAML reads it): more than MAX_DIGITS is refused where it is written.
MAX_DIGITS = 21  # the canonical form writes a whole number up to 10^21 as one


class _TooBig(ValueError):
    pass


def _bounded_int(constructor: SafeConstructor, node: ScalarNode) -> int:
    if len(node.value) > 2 * MAX_DIGITS:  # not even converted: 4,300 digits take a while
        raise _TooBig
    value = int(constructor.construct_yaml_int(node))
    if abs(value) >= 10**MAX_DIGITS:
        raise _TooBig
    return value


_PLAIN_CONSTRUCTORS: dict[str, Callable[[SafeConstructor, Any], Any]] = {
    tag: _CONSTRUCTOR.yaml_constructors[tag] for tag in _PLAIN_TAGS
}
_PLAIN_CONSTRUCTORS["tag:yaml.org,2002:int"] = _bounded_int


def _plain_value(node: Node, seen: set[int] | None, depth: int) -> Any:
    """The value `_Converter.convert` gives a document with no problem; `_NotPlain` otherwise.

    `seen` finds aliases (a node met twice); None when the text has no «*», so none."""
    if depth > _MAX_DEPTH:
        raise _NotPlain
    if seen is not None:
        if id(node) in seen:
            raise _NotPlain
        seen.add(id(node))
    kind, tag = node.__class__, node.tag
    if kind is ScalarNode:
        if tag == _STR_TAG:
            return node.value
        construct = _PLAIN_CONSTRUCTORS.get(tag)
        if construct is None:
            raise _NotPlain
        try:
            return construct(_CONSTRUCTOR, node)
        except (ValueError, ConstructorError, OverflowError):
            raise _NotPlain from None
    depth += 1
    if kind is SequenceNode and tag == _SEQ_TAG:
        return [_plain_value(item, seen, depth) for item in node.value]
    if kind is MappingNode and tag == _MAP_TAG:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key_node.__class__ is not ScalarNode or key in result:
                raise _NotPlain
            if key == "<<" and key_node.tag == _MERGE_TAG:
                raise _NotPlain
            result[key] = _plain_value(value_node, seen, depth)
        return result
    raise _NotPlain


def _alias_problems(text: str, file: str, line_offset: int) -> list[Problem]:
    """The composed graph no longer says where an alias was written; the event stream does."""
    problems: list[Problem] = []
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) and event.start_mark and len(problems) < 3:
            mark = event.start_mark
            problems.append(
                Problem(
                    file,
                    mark.line + 1 + line_offset,
                    mark.column + 1,
                    "yaml-alias",
                    "No se permiten anclas ni alias de YAML (& y *): escribe el valor completo "
                    "en cada lugar.",
                )
            )
    return problems


def describe_value(value: Any) -> str:
    """How YAML read a value, in words an author understands."""
    if isinstance(value, bool):
        return "un sí/no (booleano)"
    if isinstance(value, int):
        return "un número"
    if isinstance(value, float):
        return "un número decimal"
    if isinstance(value, dt.datetime):
        return "una fecha con hora"
    if isinstance(value, dt.date):
        return "una fecha"
    if value is None:
        return "un valor vacío"
    if isinstance(value, list):
        return "una lista"
    if isinstance(value, dict):
        return "un bloque de claves"
    return "un texto"
