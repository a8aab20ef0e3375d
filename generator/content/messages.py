"""Turn pydantic's validation errors into Spanish problems at the right line: each error placed
in the document, its message from the table of failures.py."""

from collections.abc import Collection
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.content.failures import Failure, Vocabulary, builder
from generator.content.partial import Validated, readable_part, unread
from generator.content.problems import Problem
from generator.content.yamlsource import KeyPath, Position, YamlDocument, describe_value

M = TypeVar("M", bound=BaseModel)


def validate_document(
    model: type[M],
    doc: YamlDocument,
    file: str,
    *,
    what: str,
    partial: bool = False,
    known: Vocabulary | None = None,
    unreadable: Collection[KeyPath] = (),
) -> tuple[Validated[M] | None, list[Problem]]:
    """Validate a parsed YAML document against `model`; `what` names it for messages.

    With `partial`, a document with problems still gives the fields that could be read.
    `unreadable` fields were left out of the document (a syntax error, already reported):
    they are skipped, never reported as missing."""
    if not isinstance(doc.value, dict):
        pos = doc.start
        problem = Problem(
            file,
            pos.line,
            pos.column,
            "no-es-bloque",
            f"{what} debe ser un bloque de claves «clave: valor», una por línea, por "
            f"ejemplo «titulo: Mi práctica»; se encontró {describe_value(doc.value)}.",
        )
        return (unread(model) if partial else None), [problem]
    try:
        valid = model.model_validate(doc.value)
        if not unreadable:
            return Validated(valid), []
        errors: list[Any] = []
    except ValidationError as error:
        errors = list(error.errors())
    # A union (text or number) fails once per member: keep one problem per place.
    problems: dict[tuple[KeyPath, str], Problem] = {}
    for detail in errors:
        path, problem = _problem(model, doc, file, detail, known or {})
        if path[:1] not in unreadable:
            problems.setdefault((path, problem.code), problem)
    failed = [path for path, _ in problems] + list(unreadable)
    readable = readable_part(model, doc.value, failed) if partial else None
    return readable, list(problems.values())


def _data_path(doc: YamlDocument, loc: tuple[Any, ...]) -> tuple[KeyPath, bool]:
    """Drop pydantic's union tags from `loc`; say whether it ends at a mapping key."""
    path: list[str | int] = []
    value: Any = doc.value
    is_key = False
    for part in loc:
        if part == "[key]":
            is_key = True
            break
        in_mapping = isinstance(value, dict) and part in value
        in_list = isinstance(value, list) and isinstance(part, int) and part < len(value)
        if in_mapping or in_list:
            value = value[part]
            path.append(part)
        elif isinstance(value, dict) and isinstance(part, str) and path[-1:] != [part]:
            path.append(part)  # a missing or unknown key
            value = None
        # anything else is a union member's tag, not a place in the data
    return tuple(path), is_key


def _position(f: Failure) -> Position:
    if f.kind == "missing":
        return f.doc.position(f.path[:-1])  # where the key should go: its block
    return f.doc.position(f.path, key=f.is_key or f.kind == "extra_forbidden")


def _problem(
    model: type[BaseModel], doc: YamlDocument, file: str, detail: ErrorDetails, known: Vocabulary
) -> tuple[KeyPath, Problem]:
    path, is_key = _data_path(doc, detail["loc"])
    kind = detail["type"]
    failure = Failure(
        model, doc, path, is_key, kind, detail.get("input"), detail.get("ctx") or {}, known
    )
    code, message = builder(kind, is_key)(failure)
    pos = _position(failure)
    return path, Problem(file, pos.line, pos.column, code, message)
