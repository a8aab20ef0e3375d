"""The one definition of each content type, a module each: the taxonomy, the network, a
center, a practice, a page, and what they share (shared.py; the field types are
fieldtypes.py).

These models validate the files, give the JSON Schemas that editors use, and document the
fields; keys are Spanish (the authors' language), descriptions are what authors read. Every
model is named here too, so `from generator.content.models import Center` serves.
"""

from __future__ import annotations

from generator.content.fieldtypes import EMAIL_RE, NO_COST, SLUG_PATTERN, SLUG_RE, check_cost
from generator.content.models.center import (
    Center,
    CenterState,
    CenterStatus,
    Coordinates,
    Milestone,
)
from generator.content.models.network import Fact, NamedFact, Network, Person, Quote, Source
from generator.content.models.page import PageMeta
from generator.content.models.practice import (
    REQUIRED_SECTIONS,
    Difficulty,
    Duration,
    PracticeMeta,
    PracticeStatus,
    Replica,
    Result,
    TeamRole,
)
from generator.content.models.shared import STATE_LABELS, Contact, Model
from generator.content.models.taxonomy import AREA_KEYS, Region, Taxonomy, Term

__all__ = [
    "AREA_KEYS",
    "EMAIL_RE",
    "NO_COST",
    "REQUIRED_SECTIONS",
    "SLUG_PATTERN",
    "SLUG_RE",
    "STATE_LABELS",
    "Center",
    "CenterState",
    "CenterStatus",
    "Contact",
    "Coordinates",
    "Difficulty",
    "Duration",
    "Fact",
    "Milestone",
    "Model",
    "NamedFact",
    "Network",
    "PageMeta",
    "Person",
    "PracticeMeta",
    "PracticeStatus",
    "Quote",
    "Region",
    "Replica",
    "Result",
    "Source",
    "Taxonomy",
    "TeamRole",
    "Term",
    "check_cost",
]
