"""What the site shows, derived once from the validated repository.

Counts, the transfer figures, each center's practices, the practices alike and what a center
could adopt all come from here, so every page agrees with every other.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from generator.content.dates import PartialDate
from generator.content.links import Linkable, linkable
from generator.content.models import (
    REQUIRED_SECTIONS,
    STATE_LABELS,
    Center,
    Milestone,
    PracticeMeta,
)
from generator.content.repository import Entry, MarkdownEntry, Repository
from generator.site.similar import Alike, Document, Kept, Neighbour, alike
from generator.site.suggest import Candidate, Proposal, alike_to, proposals
from generator.site.text import partial_date_es, partial_date_when
from generator.site.transfer import Counted, Transfer, as_partial, transfer
from generator.text import tag_slug

LATEST_LIMIT = 6
# The four headings every practice has say nothing of what one is about.
_SECTION_HEADINGS = re.compile(
    "^## (?:" + "|".join(re.escape(s) for s in REQUIRED_SECTIONS) + ")[ \t]*$", re.MULTILINE
)


@dataclass(frozen=True)
class Adoption:
    practice: str
    origin: str  # center that created the practice
    adopter: str  # center that adopted it
    date: dt.date  # since when the adopter applies it
    note: str | None


@dataclass(frozen=True)
class Tally:
    """How many practices, and how many of them are examples: a page that shows the total says
    the second beside it, since an example is not a real case."""

    total: int
    examples: int


def tally(practices: list[MarkdownEntry[PracticeMeta]]) -> Tally:
    return Tally(len(practices), sum(1 for p in practices if p.data.estado == "ejemplo"))


@dataclass(frozen=True)
class Tag:
    slug: str
    name: str  # the most used spelling
    practices: list[MarkdownEntry[PracticeMeta]]


@dataclass(frozen=True)
class Situation:
    """What the site can say of a center's state: a state some source dates, or else its
    latest milestone ("Adjudicado a Codesser a fines de 2020"); never an undated state."""

    label: str  # "Estado" or "Último hito"
    text: str
    date: PartialDate
    source: str  # key of the source in content/red.yml


def milestones(center: Center) -> list[Milestone]:
    """A center's milestones by what their dates mean (the start of 2020 before 2020)."""
    return sorted(center.hitos, key=lambda m: m.fecha.sort_key())


def situation(center: Center) -> Situation | None:
    if center.estado:
        state = center.estado
        text = f"{STATE_LABELS[state.valor]} ({partial_date_es(state.fecha)})"
        return Situation("Estado", text, state.fecha, state.fuente)
    if not center.hitos:
        return None
    latest = milestones(center)[-1]
    event = latest.evento.rstrip(". ")
    text = f"{event} {partial_date_when(latest.fecha)}"
    return Situation("Último hito", text, latest.fecha, latest.fuente or center.fuente)


@dataclass
class SiteView:
    repo: Repository
    drafts: bool = False
    updated: dict[str, dt.date] = field(default_factory=dict)  # source file -> git date
    kept: Kept | None = None  # what the preview keeps of the practices alike between rebuilds
    workers: int = 1  # processes for the practices alike (RunSettings.workers)

    @cached_property
    def practices(self) -> list[MarkdownEntry[PracticeMeta]]:
        """Published practices (drafts only when asked), newest first."""
        shown = [
            p for p in self.repo.practices.values() if p.data.estado != "borrador" or self.drafts
        ]
        return sorted(shown, key=lambda p: (p.data.fecha, p.id), reverse=True)

    @cached_property
    def practice_ids(self) -> set[str]:
        return {p.id for p in self.practices}

    @cached_property
    def linkable(self) -> Linkable:
        """What a body's link may point at on this site (`content.links.resolve`)."""
        return linkable(
            self.practice_ids,
            self.repo.pages,
            self.repo.centers,
            self.repo.taxonomy.data.areas,
            [t.slug for t in self.tags],
            self.repo.assets,
        )

    @cached_property
    def centers(self) -> list[Entry[Center]]:
        return sorted(self.repo.centers.values(), key=lambda c: c.data.nombre)

    def center(self, center_id: str) -> Entry[Center]:
        return self.repo.centers[center_id]

    @cached_property
    def originated(self) -> dict[str, list[MarkdownEntry[PracticeMeta]]]:
        by_center: dict[str, list[MarkdownEntry[PracticeMeta]]] = defaultdict(list)
        for practice in self.practices:
            by_center[practice.data.centro].append(practice)
        return by_center

    @cached_property
    def adoptions(self) -> list[Adoption]:
        """Every replica of a published practice, oldest first: an example or a draft was not
        adopted (`check` refuses their replicas), and no count may say it was."""
        found = [
            Adoption(p.id, p.data.centro, r.centro, r.fecha, r.nota)
            for p in self.practices
            if p.data.estado == "publicada"
            for r in p.data.replicas
        ]
        return sorted(found, key=lambda a: (a.date, a.practice, a.adopter))

    @cached_property
    def adopted(self) -> dict[str, list[Adoption]]:
        by_center: dict[str, list[Adoption]] = defaultdict(list)
        for adoption in self.adoptions:
            by_center[adoption.adopter].append(adoption)
        return by_center

    @cached_property
    def transfer(self) -> Transfer:
        """Time to first adoption and its counts (site/transfer.py): published practices only,
        and only their adoptions by other centers."""
        counted = [
            Counted(
                p.id,
                p.data.centro,
                tuple(p.data.areas),
                as_partial(p.data.fecha),
                tuple(
                    (r.centro, as_partial(r.fecha))
                    for r in p.data.replicas
                    if r.centro != p.data.centro
                ),
            )
            for p in self.practices
            if p.data.estado == "publicada"
        ]
        areas = list(self.repo.taxonomy.data.areas)
        return transfer(counted, areas, [c.id for c in self.centers])

    @cached_property
    def alike(self) -> Alike:
        """The shown practices alike in their words (site/similar.py)."""
        return alike(
            [
                Document(
                    p.id,
                    p.data.centro,
                    p.data.titulo,
                    p.data.resumen,
                    tuple(p.data.etiquetas),
                    _SECTION_HEADINGS.sub("", p.body),
                )
                for p in self.practices
            ],
            self.kept,
            self.workers,
        )

    @cached_property
    def matrix(self) -> tuple[list[str], list[str], dict[tuple[str, str], int]]:
        """(origin centers, adopting centers, count per pair): only centers that take part."""
        counts = Counter((a.origin, a.adopter) for a in self.adoptions)
        name = {c.id: c.data.nombre for c in self.centers}
        origins = sorted({o for o, _ in counts}, key=lambda c: name[c])
        adopters = sorted({a for _, a in counts}, key=lambda c: name[c])
        return origins, adopters, dict(counts)

    @cached_property
    def by_area(self) -> dict[str, list[MarkdownEntry[PracticeMeta]]]:
        result: dict[str, list[MarkdownEntry[PracticeMeta]]] = defaultdict(list)
        for practice in self.practices:
            for area in practice.data.areas:
                result[area].append(practice)
        return result

    @cached_property
    def declared(self) -> dict[str, list[MarkdownEntry[PracticeMeta]]]:
        """Each practice's `relacionadas` that the site shows, as its author listed them."""
        return {
            p.id: [self.repo.practices[r] for r in p.data.relacionadas if r in self.practice_ids]
            for p in self.practices
        }

    def alike_to(self, practice: MarkdownEntry[PracticeMeta]) -> list[Neighbour]:
        """«Prácticas parecidas» after the declared ones (site/suggest.py)."""
        leave_out = {practice.id, *(p.id for p in self.declared[practice.id])}
        return alike_to(practice.id, self.alike, self._center_of, leave_out)

    @cached_property
    def _center_of(self) -> dict[str, str]:
        return {p.id: p.data.centro for p in self.practices}

    @cached_property
    def candidates(self) -> dict[str, Candidate]:
        """Every shown practice as the suggestions weigh it."""
        adopters = Counter(a.practice for a in self.adoptions if a.adopter != a.origin)
        return {
            p.id: Candidate(
                p.id,
                p.data.centro,
                tuple(p.data.areas),
                p.data.fecha,
                adopters[p.id],
                p.data.estado == "publicada",
            )
            for p in self.practices
        }

    def proposals(self, center_id: str) -> list[Proposal]:
        """What `center_id` could adopt next (site/suggest.py)."""
        candidates = self.candidates
        own = [candidates[p.id] for p in self.originated.get(center_id, [])]
        adopted = [candidates[a.practice] for a in self.adopted.get(center_id, [])]
        return proposals(center_id, list(candidates.values()), own, adopted, self.alike)

    @cached_property
    def tags(self) -> list[Tag]:
        """Every tag of a shown practice, by name; spellings that share an address are one."""
        practices: dict[str, list[MarkdownEntry[PracticeMeta]]] = defaultdict(list)
        spellings: dict[str, Counter[str]] = defaultdict(Counter)
        for practice in self.practices:
            for slug, name in {tag_slug(t): t for t in practice.data.etiquetas}.items():
                practices[slug].append(practice)
                spellings[slug][name] += 1
        tags = [
            Tag(slug, min(spellings[slug], key=lambda n: (-spellings[slug][n], n)), found)
            for slug, found in practices.items()
        ]
        return sorted(tags, key=lambda t: (t.name.casefold(), t.slug))

    def updated_on(self, entry: Entry[object]) -> dt.date | None:
        return self.updated.get(entry.file)

    def changed_on(self, practice: MarkdownEntry[PracticeMeta]) -> dt.date:
        """The latest of the practice's own date and its last commit."""
        return max(practice.data.fecha, self.updated.get(practice.file, practice.data.fecha))

    @cached_property
    def counts(self) -> dict[str, int]:
        return {
            "centros": len(self.repo.centers),
            "practicas": len(self.practices),
            "publicadas": sum(1 for p in self.practices if p.data.estado == "publicada"),
            "ejemplos": sum(1 for p in self.practices if p.data.estado == "ejemplo"),
            "adopciones": len(self.adoptions),
        }
