"""The finished docs tree: load, validate, render, and write it, only what changed.

Every page is finished here (its content converted, its links final, sanitized): an engine
only puts its theme around it (`generator/engines/`). The preview keeps a `PreviewCache`
between rebuilds, so an unchanged file is not read again nor an unchanged page rendered again.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator import addresses as paths
from generator.addresses import Addresses
from generator.authoring.admin_page import admin_files
from generator.authoring.cms import backend_from_environment
from generator.authoring.github_forms import FORM_FILES, PRACTICE_ID_FIELD
from generator.content.loader import EntryCache
from generator.content.models import PracticeMeta
from generator.content.pipeline import load_valid
from generator.content.problems import Problem
from generator.content.repository import MarkdownEntry, Repository
from generator.publish.offline import offline_files
from generator.publish.settings import RunSettings
from generator.publish.write import sync_tree
from generator.site.finish import finish_page
from generator.site.gitdates import last_commit_dates
from generator.site.options import IssueForm
from generator.site.render import DocsTree, RenderCache, RenderOptions, render_docs
from generator.site.similar import Kept
from generator.site.view import SiteView

SOURCE_FOLDERS = ("content", "centers", "practices")
# The form a practice page links to, «¿Tu centro aplicó esta práctica?», filled in.
ADOPTION_FORM = IssueForm(PurePosixPath(FORM_FILES["replica"]).name, PRACTICE_ID_FIELD)


@dataclass
class PreviewCache:
    """Kept by the preview between rebuilds: unchanged practice files are not read again,
    unchanged practice pages and list items are not rendered again."""

    files: EntryCache = field(default_factory=EntryCache)
    render: RenderCache = field(default_factory=RenderCache)
    # What the pages can link to, at the last complete pass: a first pass that writes only the
    # practice pages is safe while it stays the same (no page links to a page not yet written).
    addresses: frozenset[str] = frozenset()
    rest_pending: bool = False  # a first pass wrote only the practice pages
    similar: Kept = field(default_factory=Kept)  # the practices alike, and each text's stems


@dataclass(frozen=True)
class Rendered:
    """The docs tree of one generation, in memory, and what it found."""

    warnings: list[Problem]
    tree: DocsTree
    notes: list[str] = field(default_factory=list)  # what it did less well, a line each
    newest: dt.date | None = None  # the newest date of the content (a build's date without git)
    # Only the practice pages (the preview's first pass after a save): the rest is kept.
    practices_only: bool = False


@dataclass(frozen=True)
class Written:
    """What a generation did: its warnings, and the docs files it changed or removed."""

    warnings: list[Problem]
    changed: list[str]
    removed: list[str]
    notes: list[str] = field(default_factory=list)
    newest: dt.date | None = None
    # The whole tree, as written (not after a first pass of the preview, which writes a part):
    # the search indexes it from here, never from the disk.
    tree: DocsTree | None = None


def newest_content_date(practices: Iterable[MarkdownEntry[PracticeMeta]]) -> dt.date:
    """The newest date the practices give, theirs or their adoptions'; 1970 without any."""
    practices = list(practices)
    dates = [p.data.fecha for p in practices]
    dates += [r.fecha for p in practices for r in p.data.replicas]
    return max(dates, default=dt.date(1970, 1, 1))


def write_tree(
    settings: RunSettings,
    docs_dir: Path,
    cache: PreviewCache | None = None,
    *,
    practices_only: bool = False,
    file_relative: bool = False,
) -> Written:
    """Load, validate, render (`render_tree`) and write the docs tree into `docs_dir`, only
    the files that changed. Raises ContentError."""
    rendered = render_tree(
        settings, cache, practices_only=practices_only, file_relative=file_relative
    )
    return write_rendered(rendered, docs_dir)


def write_rendered(rendered: Rendered, docs_dir: Path) -> Written:
    """The tree into `docs_dir`: only the files that changed (the preview rebuilds just those
    pages; on this machine's disk rewriting an unchanged tree of 180 files took 0.15 s,
    comparing it 5 ms)."""
    if rendered.practices_only:
        changed = sync_tree(rendered.tree, docs_dir, scope=paths.is_practice_page)
        return Written(rendered.warnings, *changed, rendered.notes)  # the preview: no date
    changed = sync_tree(rendered.tree, docs_dir)
    return Written(rendered.warnings, *changed, rendered.notes, rendered.newest, rendered.tree)


def render_tree(
    settings: RunSettings,
    cache: PreviewCache | None = None,
    *,
    practices_only: bool = False,
    file_relative: bool = False,
) -> Rendered:
    """Load, validate and render the docs tree, in memory. Raises ContentError.

    `file_relative`: relative addresses as the engine reads them, from the page's Markdown
    file (`Addresses.file_relative`), not from its address.

    With `practices_only` and a `cache` (the preview's first pass after a save), only the
    practice pages, and `cache.rest_pending` says the rest is still to do."""
    # The preview keeps its entries (with their parse); a build checks on both cores.
    workers = 1 if cache else settings.workers
    repo, warnings = load_valid(settings.root, cache.files if cache else None, workers)
    history = last_commit_dates(settings.root, SOURCE_FOLDERS)
    notes = [history.note] if history.note else []
    view = SiteView(
        repo,
        drafts=settings.drafts,
        updated=history.dates,
        kept=cache.similar if cache else None,
        workers=workers,
    )
    options = RenderOptions(
        drafts=settings.drafts,
        addresses=Addresses(directory_urls=not settings.offline, file_relative=file_relative),
        edit_base=settings.edit_base,
        repository=settings.repository,
        adoption_form=ADOPTION_FORM,
    )
    if cache is not None:
        addresses = frozenset(
            [paths.practice(p.id) for p in view.practices]
            + [paths.center(c.id) for c in view.centers]
            + [paths.tag(t.slug) for t in view.tags]
        )
        cache.rest_pending = practices_only and addresses == cache.addresses
        if cache.rest_pending:
            tree = render_docs(view, options, cache.render, practices_only=True)
            return Rendered(warnings, tree, notes, practices_only=True)
        cache.addresses = addresses
    # The preview renders only what changed, in this process; a build uses both cores.
    tree = render_docs(view, options, cache.render if cache else None, workers=workers)
    if settings.offline:
        tree.update(offline_files(view))
    else:  # the editor works only online: the bundle opened from disk goes without it
        tree.update(admin_tree(repo, settings))
    return Rendered(warnings, tree, notes, newest_content_date(repo.practices.values()))


def admin_tree(repo: Repository, settings: RunSettings) -> dict[str, bytes]:
    """The /admin/ page; without the editor's files (no `npm ci`), a warning and no page."""
    admin = admin_files(repo, backend_from_environment(settings.cms_backend))
    if admin.warning:
        print(admin.warning, file=sys.stderr)
    return {
        path: finish_page(data.decode("utf-8")) if path.endswith(".md") else data
        for path, data in admin.files.items()
    }
