"""What the site shows, derived once from the validated repository.

Counts, the transfer matrix, each center's practices and the related practices all come
from here, so every page agrees with every other.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain

from generator.content.dates import PartialDate
from generator.content.links import Linkable, linkable
from generator.content.models import STATE_LABELS, Center, Milestone, PracticeMeta
from generator.content.repository import Entry, MarkdownEntry, Repository
from generator.site.text import partial_date_es, partial_date_when
from generator.site.transfer import Counted, Transfer, as_partial, transfer
from generator.text import tag_slug

RELATED_LIMIT = 5
TAG_CANDIDATES = 50
LATEST_LIMIT = 6


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
    def _by_tag(self) -> dict[str, list[MarkdownEntry[PracticeMeta]]]:
        result: dict[str, list[MarkdownEntry[PracticeMeta]]] = defaultdict(list)
        for practice in self.practices:
            for tag in practice.data.etiquetas:
                result[tag.casefold()].append(practice)
        return result

    def related(self, practice: MarkdownEntry[PracticeMeta]) -> list[MarkdownEntry[PracticeMeta]]:
        """Declared related practices first, then those sharing tags and areas (computed once)."""
        if practice.id not in self._related:
            self._related[practice.id] = self._find_related(practice)
        return self._related[practice.id]

    @cached_property
    def _related(self) -> dict[str, list[MarkdownEntry[PracticeMeta]]]:
        return {}

    def _find_related(
        self, practice: MarkdownEntry[PracticeMeta]
    ) -> list[MarkdownEntry[PracticeMeta]]:
        """Candidates are the newest TAG_CANDIDATES practices of each of its tags, then the
        newest of its areas: a common tag must not make this quadratic in the practices.
        Candidates rank by shared tags (2 each) plus shared areas, then newest, then by id."""
        chosen = [
            self.repo.practices[r] for r in practice.data.relacionadas if r in self.practice_ids
        ]
        seen = {practice.id, *(p.id for p in chosen)}
        # Counted in C: this runs for every practice on every render of the preview.
        shared_tags = Counter(
            chain.from_iterable(
                self._tag_candidates.get(t, ())
                for t in {t.casefold() for t in practice.data.etiquetas}
            )
        )
        for practice_id in seen:
            shared_tags.pop(practice_id, None)
        if len(chosen) < RELATED_LIMIT and shared_tags:
            areas, area_sets = set(practice.data.areas), self._area_sets
            order = self._newest_order
            last = len(order)  # one score point outweighs any difference of order

            def rank(other_id: str) -> int:
                score = 2 * shared_tags[other_id] + len(areas & area_sets[other_id])
                return order[other_id] - score * last

            ranked = sorted(shared_tags, key=rank)[: RELATED_LIMIT - len(chosen)]
            chosen += [self.repo.practices[i] for i in ranked]
            seen.update(ranked)
        for area in practice.data.areas:
            for other in self.by_area[area]:
                if len(chosen) >= RELATED_LIMIT:
                    return chosen
                if other.id not in seen:
                    chosen.append(other)
                    seen.add(other.id)
        return chosen

    @cached_property
    def _tag_candidates(self) -> dict[str, list[str]]:
        """The ids of the newest TAG_CANDIDATES shown practices of each tag (casefolded)."""
        return {tag: [p.id for p in found[:TAG_CANDIDATES]] for tag, found in self._by_tag.items()}

    @cached_property
    def _area_sets(self) -> dict[str, frozenset[str]]:
        return {p.id: frozenset(p.data.areas) for p in self.practices}

    @cached_property
    def _newest_order(self) -> dict[str, int]:
        """Each shown practice's place among equally related ones: newest first, then by id."""
        ordered = sorted(self.practices, key=lambda p: (-p.data.fecha.toordinal(), p.id))
        return {p.id: place for place, p in enumerate(ordered)}

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
