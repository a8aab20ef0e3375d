"""What to read next and what to adopt next, from the practices alike in their words
(site/similar.py), the adoptions and the areas.

- A practice's «Prácticas parecidas»: the ones its author listed in `relacionadas` first, then
  up to LIMIT alike in their words, at least one of another center whenever one is alike.
- A center's «Qué podría adoptar»: up to LIMIT published practices of other centers that it
  has not adopted, those most alike to its own first, then the most adopted of its areas.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.site.similar import Alike, Neighbour

LIMIT = 5


@dataclass(frozen=True)
class Candidate:
    """A practice as the suggestions weigh it."""

    id: str
    center: str
    areas: tuple[str, ...]
    date: dt.date
    adopters: int  # centers that adopted it
    published: bool  # only a published practice can be adopted


def alike_to(
    practice: str, alike: Alike, center_of: Mapping[str, str], leave_out: set[str]
) -> list[Neighbour]:
    """Up to LIMIT practices alike to `practice`, not in `leave_out`, best first; when none of
    them is of another center and one is alike, the last place goes to the best of those."""
    found = [n for n in alike.neighbours[practice] if n.id not in leave_out]
    chosen = found[:LIMIT]
    own = center_of[practice]
    if all(center_of[n.id] == own for n in chosen):
        other = next((n for n in found if center_of[n.id] != own), None)
        if other is not None:
            chosen = [*chosen[: LIMIT - 1], other]
    return chosen


@dataclass(frozen=True)
class Proposal:
    """A practice a center could adopt, and why: alike to one of its own (`like`, with the
    words they share), or among the most adopted of an area it works in (`area`)."""

    practice: str
    like: str | None = None
    shared: tuple[str, ...] = ()
    area: str | None = None


def proposals(
    center: str,
    candidates: Sequence[Candidate],
    own: Sequence[Candidate],
    adopted: Sequence[Candidate],
    alike: Alike,
) -> list[Proposal]:
    """Up to LIMIT published practices of other centers that `center` has not adopted: those
    most alike to its own practices (`own`), then the most adopted of the areas of its own
    practices, or, without any, of those it adopted (`adopted`), or else of every area."""
    taken = {c.id for c in adopted}
    open_ = {
        c.id: c for c in candidates if c.published and c.center != center and c.id not in taken
    }
    chosen: dict[str, Proposal] = {}
    by_likeness: list[tuple[float, str, str]] = []
    for mine in own:
        for neighbour in alike.neighbours.get(mine.id, ()):
            if neighbour.id in open_:
                by_likeness.append((-neighbour.score, neighbour.id, mine.id))
    for _, practice, mine_id in sorted(by_likeness):
        if practice not in chosen and len(chosen) < LIMIT:
            chosen[practice] = Proposal(practice, mine_id, alike.shared(mine_id, practice))
    areas = _areas(own or adopted)
    ranked = sorted(open_.values(), key=lambda c: (-c.adopters, -c.date.toordinal(), c.id))
    for candidate in ranked:
        if len(chosen) >= LIMIT:
            break
        area = next((a for a in candidate.areas if areas is None or a in areas), None)
        if area is not None and candidate.id not in chosen:
            chosen[candidate.id] = Proposal(candidate.id, area=area)
    return list(chosen.values())


def _areas(practices: Sequence[Candidate]) -> set[str] | None:
    """The areas these practices work in; None (every area) when there are none."""
    return {a for p in practices for a in p.areas} if practices else None
