"""The loaded content: every file's validated data, with the positions it came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from generator.content.models import Center, Network, PageMeta, PracticeMeta, Taxonomy
from generator.content.yamlsource import Position, YamlDocument

T = TypeVar("T", covariant=True)


@dataclass(frozen=True)
class Entry(Generic[T]):
    id: str
    file: str  # relative to the repository root, with forward slashes
    data: T
    doc: YamlDocument
    # Fields that could not be read (each has its problem): absent from `data`, never checked
    # further. Only an entry with problems has any, so none reaches the site.
    skipped: frozenset[str] = field(default=frozenset(), kw_only=True)
    # Of a list some of whose items could not be read: the document index of each item kept
    # in `data`, so that a rule reporting the data's item i points at the right line.
    places: Mapping[str, tuple[int, ...]] = field(
        default_factory=dict, kw_only=True, hash=False, compare=False
    )

    def readable(self, name: str) -> bool:
        return name not in self.skipped

    def at(self, *path: str | int, key: bool = False) -> Position:
        if len(path) > 1 and isinstance(path[1], int) and path[0] in self.places:
            path = (path[0], self.places[str(path[0])][path[1]], *path[2:])
        return self.doc.position(tuple(path), key=key)


@dataclass(frozen=True)
class MarkdownEntry(Entry[T]):
    body: str = ""
    body_first_line: int = 1


@dataclass
class Repository:
    root: Path
    taxonomy: Entry[Taxonomy]
    network: Entry[Network]
    centers: dict[str, Entry[Center]]
    practices: dict[str, MarkdownEntry[PracticeMeta]]
    pages: dict[str, MarkdownEntry[PageMeta]]
    assets: list[str] = field(default_factory=list)  # non-Markdown files under practices/
