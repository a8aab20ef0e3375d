"""How to render: drafts, the style of addresses, where the repository is and its adoption
form (read with the rest of a run's settings, `generator/publish/settings.py`; the form is
`generator/authoring/github_forms.py`'s, handed over by the caller)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.addresses import ONLINE, Addresses


@dataclass(frozen=True)
class IssueForm:
    """An issue form of the repository: its file's name, and the field a link fills in."""

    template: str  # e.g. registrar-replica.yml
    field: str  # e.g. practica


@dataclass(frozen=True)
class RenderOptions:
    drafts: bool = False
    addresses: Addresses = ONLINE
    edit_base: str | None = None  # e.g. https://github.com/org/repo/edit/main/
    repository: str | None = None  # e.g. https://github.com/org/repo
    adoption_form: IssueForm | None = None  # «¿Tu centro aplicó esta práctica?»
