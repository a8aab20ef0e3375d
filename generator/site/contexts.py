"""Explicit page contexts: everything a template may read, as plain values.

A page rendered from one of these reads nothing else (the template gets only its fields and
the link helpers for its address), so two equal contexts give the same page: the context is
also the page's cache key in the preview (`Renderer.practice_page`). A template that needs
one more value gets it by a new field here, never from the whole site.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from generator.content.models import Center, PracticeMeta, Taxonomy


@dataclass(frozen=True)
class CenterRef:
    id: str
    data: Center


@dataclass(frozen=True)
class ListedPractice:
    """A practice as a list item shows it (templates/_item.html.j2): with its center."""

    id: str
    data: PracticeMeta
    center: Center


@dataclass(frozen=True)
class PracticeText:
    """A practice's own file: its front matter and body (without the positions the
    validator keeps, which the page does not show)."""

    id: str
    file: str
    data: PracticeMeta
    body: str


@dataclass(frozen=True)
class PracticePage:
    """What templates/practica.md.j2 reads."""

    here: str  # the page's address: links are relative to it
    directory_urls: bool
    practice: PracticeText
    center: CenterRef
    centers: Mapping[str, CenterRef]  # the centers that adopted it (its «replicas»)
    related: tuple[ListedPractice, ...]
    updated: dt.date | None  # the last commit that changed its file
    taxonomy: Taxonomy
    pages: frozenset[str]  # the hand-written pages there are to link to
    edit_url: str | None
    adoption_url: str | None  # «¿Tu centro aplicó esta práctica?»: the form or how to record it

    def template_values(self) -> dict[str, object]:
        return {
            "practice": self.practice,
            "center": self.center,
            "centers": self.centers,
            "related": self.related,
            "updated": self.updated,
            "taxonomy": self.taxonomy,
            "pages": self.pages,
            "edit_url": self.edit_url,
            "adoption_url": self.adoption_url,
        }
