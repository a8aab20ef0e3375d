"""One run's settings: read once, from the command line and the environment, here and nowhere
else; every step of the run gets them as this one typed object.

The environment says what the command line does not: where the repository lives on GitHub
(links that edit a file or open a form), the editor's backend, how many processes to use, and
the date of a reproducible build.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.engines import DEFAULT_ENGINE

# RED_PROCESOS=1 runs everything in one process, =2 uses a second one even on one core.
PROCESSES = "RED_PROCESOS"


@dataclass(frozen=True)
class RunSettings:
    root: Path  # the repository whose content/, centers/ and practices/ are built
    engine: str = DEFAULT_ENGINE
    drafts: bool = False
    offline: bool = False  # the bundle that works opened from disk, with its zip
    edit_base: str | None = None  # where «Editar esta página» points (…/edit/main/)
    repository: str | None = None  # https://github.com/org/repo: forms and edits
    cms_backend: Mapping[str, str] = field(default_factory=dict)  # RED_CMS_*, GITHUB_REPOSITORY
    processes: str = ""  # RED_PROCESOS as given: "", "1" or "2"
    source_date_epoch: int | None = None  # SOURCE_DATE_EPOCH: the build's date, if given
    cache_dir: Path | None = None  # where compiled templates are kept between builds

    @property
    def workers(self) -> int:
        """2 where a second core and `fork` are available (Linux), else 1 (RED_PROCESOS)."""
        if sys.platform != "linux" or self.processes == "1":
            return 1
        return 2 if self.processes == "2" else min(2, len(os.sched_getaffinity(0)))

    @classmethod
    def from_environment(
        cls, root: Path, env: Mapping[str, str] | None = None, **given: object
    ) -> RunSettings:
        """The settings of a run on `root`: `given` (the command line's), the rest from `env`
        (the process environment by default)."""
        env = os.environ if env is None else env
        repository = _repository(env)
        epoch = env.get("SOURCE_DATE_EPOCH", "")
        cache = env.get("XDG_CACHE_HOME") or (str(Path.home() / ".cache") if _has_home() else "")
        return cls(
            root=root,
            edit_base=_edit_base(env, repository),
            repository=repository,
            cms_backend={
                k: v for k, v in env.items() if k.startswith("RED_CMS_") or k == "GITHUB_REPOSITORY"
            },
            processes=env.get(PROCESSES, ""),
            source_date_epoch=int(epoch) if epoch.isdigit() else None,
            cache_dir=Path(cache) / "red-de-centros" if cache else None,
            **given,  # type: ignore[arg-type]
        )


def _has_home() -> bool:
    try:
        Path.home()
    except RuntimeError:  # no home folder to be found
        return False
    return True


def _repository(env: Mapping[str, str]) -> str | None:
    """RED_REPO_URL, else GitHub Actions' variables, else the repository of RED_EDIT_URL."""
    if explicit := env.get("RED_REPO_URL"):
        return explicit.rstrip("/")
    server, repository = env.get("GITHUB_SERVER_URL"), env.get("GITHUB_REPOSITORY")
    if server and repository:
        return f"{server}/{repository}"
    edit = re.match(r"^(https?://.+?)/edit/[^/]+/?$", env.get("RED_EDIT_URL", ""))
    return edit.group(1) if edit else None


def _edit_base(env: Mapping[str, str], repository: str | None) -> str | None:
    """RED_EDIT_URL, else the repository's default branch."""
    if explicit := env.get("RED_EDIT_URL"):
        return explicit.rstrip("/") + "/"
    if repository:
        return f"{repository}/edit/{env.get('GITHUB_REF_NAME') or 'main'}/"
    return None
