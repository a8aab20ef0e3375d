"""The links of every body, checked once everything is loaded: a link may point at any page,
section or attachment of the site, so it is resolved against all of them (`links.resolve`,
the same function the page is rendered with)."""

from __future__ import annotations

import heapq
import posixpath
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from generator.content import filekinds
from generator.content.anchors import listed
from generator.content.linkplaces import Link
from generator.content.links import Destination, Linkable, LinkProblem, attachment_docs, resolve
from generator.content.problems import Problem
from generator.content.suggestions import closest


@dataclass(frozen=True)
class BodyLinks:
    """The links of one body, kept for the checks across files."""

    file: str
    first_line: int
    links: tuple[Link, ...]
    draft: bool = False  # a draft may link to other drafts: neither is published


def check_links(
    bodies: Iterable[BodyLinks], site: Linkable, sections: Mapping[str, Sequence[str]]
) -> list[Problem]:
    """Every link that goes nowhere, or to a section its page lacks. `sections`: the ids of
    each page whose sections are known (practices and pages), by docs path."""
    problems = []
    meant = NearestFile(site)
    for body in bodies:
        for link in body.links:
            found = resolve(link.href, body.file, site, link.is_image, meant)
            wrong = _problem(found, link, site.files.get(body.file, ""), sections, body.draft)
            if wrong is not None:
                line = body.first_line + link.line
                problems.append(Problem(body.file, line, link.column, *wrong))
    return problems


class NearestFile:
    """The published file nearest to a repository path that is none: one in the same folder,
    of the same kind, whose name is written nearly alike, or one of the same name in another
    folder. Each folder is indexed when a link first needs it (a valid repository never pays)."""

    SHORT_LIST = 20  # of a big folder, the names most alike in letter pairs: difflib weighs those

    def __init__(self, site: Linkable) -> None:
        self.files = [f for f, docs in site.files.items() if docs not in site.drafts]
        self.kinds: dict[tuple[str, str], list[tuple[str, frozenset[str]]]] = {}
        self.by_name: dict[str, str] | None = None

    def __call__(self, path: str) -> str | None:
        folder, name = posixpath.split(path)
        stem, suffix = posixpath.splitext(name)
        stems = self._kind(folder, suffix)
        if len(stems) > self.SHORT_LIST:
            pairs = _letter_pairs(stem)
            stems = heapq.nlargest(self.SHORT_LIST, stems, key=lambda s: len(pairs & s[1]))
        near = closest(stem, [s for s, _ in stems])
        if near is not None:
            return posixpath.join(folder, near + suffix)
        if self.by_name is None:
            self.by_name = {}
            for file in reversed(self.files):
                self.by_name[posixpath.basename(file)] = file
        return self.by_name.get(name)

    def _kind(self, folder: str, suffix: str) -> list[tuple[str, frozenset[str]]]:
        """The stems of the published files in `folder` whose names end in `suffix`."""
        if (folder, suffix) not in self.kinds:
            stems = [
                posixpath.splitext(posixpath.basename(f))[0]
                for f in self.files
                if posixpath.dirname(f) == folder and f.endswith(suffix)
            ]
            self.kinds[folder, suffix] = [(s, _letter_pairs(s)) for s in stems]
        return self.kinds[folder, suffix]


def _letter_pairs(name: str) -> frozenset[str]:
    lowered = name.lower()
    return frozenset(lowered[i : i + 2] for i in range(len(lowered) - 1))


def _problem(
    found: Destination | LinkProblem,
    link: Link,
    here: str,
    sections: Mapping[str, Sequence[str]],
    draft: bool,
) -> tuple[str, str] | None:
    if isinstance(found, LinkProblem):
        if found.code == "enlace-a-borrador" and draft:
            return None
        return found.code, found.message
    ids = sections.get(found.docs_path)
    if not found.fragment or ids is None or found.fragment in ids:
        return None
    near = closest(found.fragment, list(ids))
    suggestion = f" ¿Quisiste decir «#{near}»?" if near else ""
    if found.docs_path == here:
        said = f"El enlace apunta a «{link.target}», pero esta página no tiene esa sección."
    else:
        said = (
            f"El enlace apunta a «{link.target}», pero esa página no tiene la sección "
            f"«#{found.fragment}»."
        )
    return "seccion-inexistente", f"{said}{suggestion} Sus secciones son: {listed(ids)}."


def check_attachment_kinds(
    bodies: Iterable[BodyLinks], site: Linkable, wrong: Mapping[str, str]
) -> list[Problem]:
    """An error at each link to an attachment that is not what its name says (`wrong`: its
    repository path -> what it is), and at each such attachment nothing links."""
    if not wrong:
        return []
    by_docs = {attachment_docs(rel): rel for rel in wrong}
    problems, linked = [], set()
    for body in bodies:
        for link in body.links:
            found = resolve(link.href, body.file, site, link.is_image)
            rel = by_docs.get(found.docs_path) if isinstance(found, Destination) else None
            if rel is not None:
                linked.add(rel)
                found_as = (rel, wrong[rel])
                what = "La imagen" if link.is_image else "El enlace"
                said = f"{what} apunta a «{link.target}», que " + filekinds.not_what_it_says(
                    *found_as
                )
                line = body.first_line + link.line
                problems.append(Problem(body.file, line, link.column, filekinds.CODE, said))
    for rel in sorted(set(wrong) - linked):
        said = f"«{rel}» " + filekinds.not_what_it_says(rel, wrong[rel])
        problems.append(Problem(rel, 1, 1, filekinds.CODE, said))
    return problems
