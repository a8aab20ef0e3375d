"""Parse YAML into plain values while keeping where every key and value stands.

PyYAML forgets positions and silently keeps the last of two duplicate keys; content
authors need both. So the document is composed into nodes (libyaml when available) and
converted by hand: duplicate keys, aliases and unsafe tags become problems with a line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.problems import Problem

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is present in every supported install
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_MAX_DEPTH = 40


@dataclass(frozen=True)
class Position:
    line: int
    column: int


@dataclass
class YamlDocument:
    """A parsed YAML value plus the position and source text of each of its parts."""

    value: Any
    start: Position
    value_at: dict[Path, Position] = field(default_factory=dict)
    key_at: dict[Path, Position] = field(default_factory=dict)
    raw_at: dict[Path, str] = field(default_factory=dict)

    def position(self, path: Path, *, key: bool = False) -> Position:
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

    def convert(self, node: Node, path: Path, depth: int = 0) -> Any:
        self.doc.value_at[path] = self.pos(node)
        if id(node) in self._seen:
            self.found_alias = True
            return None
        self._seen.add(id(node))
        if depth > _MAX_DEPTH:
            self.problem(node, "yaml-profundidad", "El YAML está anidado demasiado profundo.")
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

    def scalar(self, node: ScalarNode, path: Path) -> Any:
        self.doc.raw_at[path] = node.value
        if node.tag not in _PLAIN_TAGS:
            self.check_tag(node, "tag:yaml.org,2002:str")
            return node.value
        try:
            return self._constructor.yaml_constructors[node.tag](self._constructor, node)
        except (ValueError, ConstructorError, OverflowError):
            if node.tag == "tag:yaml.org,2002:timestamp":
                self.problem(
                    node,
                    "fecha-invalida",
                    f"«{node.value}» no es una fecha que exista. Usa el formato AAAA-MM-DD, "
                    "por ejemplo: 2021-03-15.",
                )
            else:
                self.problem(node, "yaml-valor", f"YAML no pudo leer el valor «{node.value}».")
            return None

    def mapping(self, node: MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problem(key_node, "yaml-clave", "Una clave debe ser un texto simple.")
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


_SYNTAX_HINTS = (
    (
        "mapping values are not allowed",
        "Aquí no se esperaba «:». Si el texto contiene dos puntos, escríbelo entre comillas, "
        'por ejemplo: resumen: "Etapa 1: diagnóstico".',
    ),
    (
        "cannot start any token",
        "Hay un carácter que no puede empezar un valor (a menudo un tabulador o «@» o «`»). "
        "Sangra con espacios y pon el texto entre comillas.",
    ),
    (
        "could not find expected ':'",
        "Falta «:» después de una clave, o un texto de varias líneas no está bien sangrado. "
        "Ejemplo: titulo: Mi práctica.",
    ),
    (
        "did not find expected key",
        "La sangría no es consistente: las claves de un mismo nivel deben empezar en la misma "
        "columna.",
    ),
    (
        "did not find expected '-' indicator",
        "La sangría de la lista no es consistente: cada elemento empieza con «- » en la misma "
        "columna.",
    ),
    (
        "expected <block end>",
        "La sangría no es consistente: revisa que esta línea esté alineada con las claves de su "
        "mismo nivel.",
    ),
    (
        "found unexpected end of stream",
        "Unas comillas o corchetes se abren y no se cierran.",
    ),
    (
        "did not find expected ',' or ']'",
        "Una lista entre corchetes no está bien cerrada. Ejemplo: areas: [digitalizacion, "
        "innovacion].",
    ),
    (
        "did not find expected ',' or '}'",
        "Un bloque entre llaves no está bien cerrado. Ejemplo: {centro: talca, fecha: 2021-05-10}.",
    ),
    (
        "found undefined alias",
        "No se permiten alias de YAML (*): escribe el valor completo.",
    ),
    (
        "found undefined tag handle",
        "Hay una etiqueta YAML desconocida (empieza con «!»): quítala o pon el texto entre "
        "comillas.",
    ),
    (
        "special characters are not allowed",
        "El archivo contiene caracteres de control no permitidos.",
    ),
)


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or str(error)
    for needle, hint in _SYNTAX_HINTS:
        if needle in problem:
            return f"Error de sintaxis YAML. {hint}"
    return f"Error de sintaxis YAML ({problem}). Revisa comillas, «:» y la sangría con espacios."


def parse_yaml(
    text: str, file: str, *, line_offset: int = 0
) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one YAML document. `line_offset` is the number of lines before `text` in the file."""
    converter = _Converter(file, line_offset)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        column = mark.column + 1 if mark else 1
        return None, [Problem(file, line, column, "yaml-sintaxis", _syntax_message(error))]
    except yaml.YAMLError as error:
        return None, [
            Problem(file, 1 + line_offset, 1, "yaml-sintaxis", f"Error de YAML: {error}.")
        ]
    except RecursionError:
        return None, [
            Problem(
                file,
                1 + line_offset,
                1,
                "yaml-profundidad",
                "El YAML está anidado demasiado profundo.",
            )
        ]
    if node is None:
        converter.doc.value = None
        return converter.doc, []
    converter.doc.start = converter.pos(node)
    converter.doc.value = converter.convert(node, ())
    if converter.found_alias:
        converter.problems.extend(_alias_problems(text, file, line_offset))
    return converter.doc, converter.problems


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
