"""What can still be read of a document that failed validation.

Only the smallest value that failed is left out, at any depth: an adoption whose date cannot be
read keeps its center and its results, so every other check still runs on them."""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from generator.content.yamlsource import KeyPath

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Validated(Generic[M]):
    """A document's data; with `skipped`, the values that could not be read are left out
    (their problems are reported) so that every other check still runs on the rest."""

    data: M
    # Document paths of the fields that could not be read: absent from `data`.
    skipped: frozenset[KeyPath] = frozenset()
    # Document path of a list some of whose items could not be read -> the document index of
    # each item kept in `data` (so that a rule reporting the data's item i finds its line).
    places: Mapping[KeyPath, tuple[int, ...]] = field(default_factory=dict)


def unread(model: type[M]) -> Validated[M]:
    """A document none of whose fields could be read (only the defaults are there)."""
    return Validated(model.model_construct(), frozenset((name,) for name in model.model_fields))


def readable_part(
    model: type[M], value: dict[str, Any], failed: Collection[KeyPath]
) -> Validated[M]:
    """`value` read as `model` except the values at the `failed` document paths."""
    reader = _Reader(failed)
    data = reader.model(model, value, ())
    return Validated(data, frozenset(reader.skipped), reader.places)


_UNREADABLE = object()


class _Reader:
    def __init__(self, failed: Collection[KeyPath]) -> None:
        self.failed = set(failed)
        # Every value that holds a failed one: read part by part, not whole.
        self.holding = {path[:n] for path in self.failed for n in range(len(path))}
        self.skipped: set[KeyPath] = set()
        self.places: dict[KeyPath, tuple[int, ...]] = {}

    def read(self, annotation: Any, value: Any, path: KeyPath) -> Any:
        """The value at `path` as `annotation` reads it, or _UNREADABLE."""
        if path in self.failed:
            return _UNREADABLE
        if path not in self.holding:
            try:
                return adapter(annotation).validate_python(value)
            except ValidationError:  # valid only as part of the whole (never so far)
                return _UNREADABLE
        target = unwrap(annotation)
        origin = typing.get_origin(target)
        if isinstance(target, type) and issubclass(target, BaseModel) and isinstance(value, dict):
            return self.model(target, value, path)
        if origin is list and isinstance(value, list):
            item = typing.get_args(target)[0]
            read = [(i, self.read(item, v, (*path, i))) for i, v in enumerate(value)]
            kept = [(i, v) for i, v in read if v is not _UNREADABLE]
            if len(kept) < len(read):
                self.places[path] = tuple(i for i, _ in kept)
            return [v for _, v in kept]
        if origin is dict and isinstance(value, dict):
            item = typing.get_args(target)[1]
            read_items = {k: self.read(item, v, (*path, k)) for k, v in value.items()}
            return {k: v for k, v in read_items.items() if v is not _UNREADABLE}
        return _UNREADABLE  # a text, a number, a union: nothing smaller to keep

    def model(self, model: type[BaseModel], value: dict[str, Any], path: KeyPath) -> Any:
        fields: dict[str, Any] = {}
        for name, info in model.model_fields.items():
            if name in value:
                read = self.read(_field_annotation(model, name), value[name], (*path, name))
                if read is not _UNREADABLE:
                    fields[name] = read
                    continue
            elif not info.is_required() and (*path, name) not in self.failed:
                continue  # absent: its default, as in a valid document
            self.skipped.add((*path, name))
        return model.model_construct(**fields)


@functools.cache
def _field_annotation(model: type[BaseModel], name: str) -> Any:
    info = model.model_fields[name]
    return Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation


@functools.cache
def adapter(annotation: Any) -> TypeAdapter[Any]:
    inner = unwrap(annotation)
    has_config = isinstance(inner, type) and issubclass(inner, BaseModel)
    if has_config or dataclasses.is_dataclass(inner):
        return TypeAdapter(annotation)  # a model or a dataclass keeps its own configuration
    return TypeAdapter(annotation, config=ConfigDict(strict=True))


def unwrap(annotation: Any, *, item: bool = False) -> Any:
    """Strip Optional/Annotated; with `item`, step into list or dict values."""
    while True:
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            annotation = args[0]
        elif origin in (typing.Union, types.UnionType):
            non_null = [a for a in args if a is not type(None)]
            if len(non_null) != 1:
                return annotation
            annotation = non_null[0]
        elif item and origin in (list, dict):
            annotation = args[-1]
            item = False
        else:
            return annotation
