"""The loaded content: every file's validated data, with the positions it came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from generator.content.markdown import ParsedBody
from generator.content.models import Center, Network, PageMeta, PracticeMeta, Taxonomy
from generator.content.yamlsource import KeyPath, Position, YamlDocument

T = TypeVar("T", covariant=True)


@dataclass(frozen=True)
class Entry(Generic[T]):
    id: str
    file: str  # relative to the repository root, with forward slashes
    data: T
    doc: YamlDocument
    # Document paths of the fields that could not be read (each has its problem), at any
    # depth: absent from `data`, never checked further. Only an entry with problems has any,
    # so none reaches the site.
    skipped: frozenset[KeyPath] = field(default=frozenset(), kw_only=True)
    # Document path of a list some of whose items could not be read -> the document index of
    # each item kept in `data`, so that a rule reporting the data's item i finds its line.
    places: Mapping[KeyPath, tuple[int, ...]] = field(
        default_factory=dict, kw_only=True, hash=False, compare=False
    )

    def readable(self, *path: str | int) -> bool:
        """Whether the value at `path` (a path in `data`) and what holds it could be read."""
        if not self.skipped:
            return True
        place = self._place(path)
        return not any(place[:n] in self.skipped for n in range(1, len(place) + 1))

    def value(self, *path: str | int) -> Any:
        """The data at `path` (attribute names and list indexes), or None when it, or what
        holds it, could not be read: a rule reads through this what may have failed."""
        if not self.readable(*path):
            return None
        value: Any = self.data
        for part in path:
            if isinstance(part, int):
                value = value[part]
            elif isinstance(value, Mapping):
                value = value.get(part)
            else:
                value = getattr(value, part, None)
        return value

    def at(self, *path: str | int, key: bool = False) -> Position:
        return self.doc.position(self._place(path), key=key)

    def _place(self, path: KeyPath) -> KeyPath:
        """The document path of a path in `data` (their list indexes differ where an item
        could not be read)."""
        if not self.places:
            return path
        place: list[str | int] = []
        for part in path:
            kept = self.places.get(tuple(place))
            place.append(kept[part] if kept is not None and isinstance(part, int) else part)
        return tuple(place)


@dataclass(frozen=True)
class MarkdownEntry(Entry[T]):
    body: str = ""
    body_first_line: int = 1
    # The body's one parse (markdown.parse_body), made when it is checked and rendered from.
    parsed: ParsedBody | None = field(default=None, compare=False)


@dataclass
class Repository:
    root: Path
    taxonomy: Entry[Taxonomy]
    network: Entry[Network]
    centers: dict[str, Entry[Center]]
    practices: dict[str, MarkdownEntry[PracticeMeta]]
    pages: dict[str, MarkdownEntry[PageMeta]]
    assets: list[str] = field(default_factory=list)  # non-Markdown files under practices/
