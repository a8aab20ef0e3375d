"""The links of every body, checked once everything is loaded: a link may point at any page,
section or attachment of the site, so it is resolved against all of them (`links.resolve`,
the same function the page is rendered with)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from generator.content import filekinds
from generator.content.anchors import listed
from generator.content.linkplaces import Link
from generator.content.links import Destination, Linkable, LinkProblem, attachment_docs, resolve
from generator.content.messages import closest
from generator.content.problems import Problem


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
    for body in bodies:
        for link in body.links:
            found = resolve(link.href, body.file, site, link.is_image)
            wrong = _problem(found, link, site.files.get(body.file, ""), sections, body.draft)
            if wrong is not None:
                line = body.first_line + link.line
                problems.append(Problem(body.file, line, link.column, *wrong))
    return problems


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
