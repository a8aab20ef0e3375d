"""The loaded content: every file's validated data, with the positions it came from."""

from __future__ import annotations

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

    def readable(self, name: str) -> bool:
        return name not in self.skipped

    def at(self, *path: str | int, key: bool = False) -> Position:
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
