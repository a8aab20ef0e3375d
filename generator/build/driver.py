"""Generate the docs tree and build the site with MkDocs; invalid content changes nothing."""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.authoring.cms import admin_files, backend_from_environment
from generator.build.offline import enable_offline, offline_files, write_zip
from generator.build.settings import RunSettings, running
from generator.build.sitedir import ensure_safe
from generator.build.speed.themefiles import ThemeFiles
from generator.build.write import memory_folder, scratch_dir, staging_dir, swap_in, sync_tree
from generator.content.loader import EntryCache
from generator.content.pipeline import check, load_valid
from generator.content.problems import Problem
from generator.content.repository import Repository
from generator.parallel import available_workers
from generator.site import urls
from generator.site.gitdates import last_commit_dates, last_commit_epoch
from generator.site.render import (
    RenderCache,
    RenderOptions,
    edit_base_from_environment,
    render_docs,
    repository_from_environment,
)
from generator.site.view import SiteView

SOURCE_FOLDERS = ("content", "centers", "practices")
DOCS_DIR = "docs_site"  # the preview's and `mkdocs build`'s; each build has its own
DOCS_PREFIX = "red-docs-"
PLUGIN_NAME = "red-de-centros"


@dataclass(frozen=True)
class GenerateOptions:
    drafts: bool = False
    directory_urls: bool = True
    practices_only: bool = False  # preview, first pass after a save: only practice pages
    offline: bool = False  # the bundle opened from disk: adds its search index


@dataclass
class PreviewCache:
    """Kept by the plugin between the preview's rebuilds: unchanged practice files are not
    read again, unchanged practice pages and list items are not rendered again."""

    files: EntryCache = field(default_factory=EntryCache)
    render: RenderCache = field(default_factory=RenderCache)
    # What the pages can link to, at the last complete pass: a first pass that writes only the
    # practice pages is safe while it stays the same (no page links to a page not yet written).
    addresses: frozenset[str] = frozenset()
    rest_pending: bool = False  # a first pass wrote only the practice pages
    theme_files: ThemeFiles = field(default_factory=ThemeFiles)  # MkDocs' listing of them


def generate_docs(
    root: Path, docs_dir: Path, options: GenerateOptions, cache: PreviewCache | None = None
) -> list[Problem]:
    """Load, validate, render and write the docs tree. Raises ContentError; returns warnings.

    With `options.practices_only` and a `cache` (the preview's first pass after a save), only
    the practice pages are written, and `cache.rest_pending` says the rest is still to do."""
    repo, warnings = load_valid(root, cache.files if cache else None)
    view = SiteView(repo, drafts=options.drafts, updated=last_commit_dates(root, SOURCE_FOLDERS))
    render_options = RenderOptions(
        drafts=options.drafts,
        directory_urls=options.directory_urls,
        edit_base=edit_base_from_environment(),
        repository=repository_from_environment(),
    )
    if cache is not None:
        addresses = frozenset(
            [urls.practice(p.id) for p in view.practices]
            + [urls.center(c.id) for c in view.centers]
            + [urls.tag(t.slug) for t in view.tags]
        )
        cache.rest_pending = options.practices_only and addresses == cache.addresses
        if cache.rest_pending:
            tree = render_docs(view, render_options, cache.render, practices_only=True)
            sync_tree(tree, docs_dir, scope=urls.is_practice_page)
            return warnings
        cache.addresses = addresses
    # The preview renders only what changed, in this process; a build uses both cores.
    workers = 1 if cache else available_workers()
    tree = render_docs(view, render_options, cache.render if cache else None, workers=workers)
    if options.offline:
        tree.update(offline_files(view))
    else:  # the CMS works only online: the bundle opened from disk goes without it
        tree.update(admin_tree(repo))
    # Only the files that changed: the preview rebuilds just those pages, and on this
    # machine's disk rewriting an unchanged tree of 180 files took 0.15 s, comparing it 5 ms.
    sync_tree(tree, docs_dir)
    return warnings


def admin_tree(repo: Repository) -> dict[str, bytes]:
    """The /admin/ page; without the CMS's files (no `npm ci`), a warning and no page."""
    admin = admin_files(repo, backend_from_environment())
    if admin.warning:
        print(admin.warning, file=sys.stderr)
    return admin.files


def project_config_file(root: Path) -> Path:
    """The root's own mkdocs.yml, or this project's (for synthetic trees without one)."""
    own = root / "mkdocs.yml"
    if own.is_file():
        return own
    return Path(__file__).resolve().parents[2] / "mkdocs.yml"


def build_site(
    root: Path,
    site_dir: Path,
    *,
    drafts: bool = False,
    strict: bool = True,
    generate: bool = True,
    offline: bool = False,
    docs_dir: Path | None = None,
) -> None:
    """Build into a temporary folder and swap it in; on failure `site_dir` stays as it was.

    Raises UnsafeSiteDir, touching nothing, when `site_dir` is not a folder a site may replace.
    With `generate=False` the docs tree must already be written (see `generate_docs`).
    `offline` builds the bundle that works from disk, and its zip beside `site_dir`.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    zip_file = site_dir.with_name(site_dir.name + ".zip")
    ensure_safe(root, site_dir, zip_file if offline else None)
    config_file = project_config_file(root)
    staging = staging_dir(site_dir)
    try:
        show_mkdocs_logging()
        config = load_config(
            str(config_file),
            docs_dir=str(docs_dir or root / DOCS_DIR),
            site_dir=str(staging),
            strict=strict,
        )
        if offline:
            enable_offline(config)
        # The plugin indexes the site for search; the offline bundle has its own index.
        run = RunSettings(root, drafts=drafts, generate=generate, index_search=not offline)
        with running(run), reproducible_dates(root) as epoch:
            build(config)
        swap_in(staging, site_dir)
        if offline:
            write_zip(site_dir, zip_file, epoch)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def own_docs_dir() -> Iterator[Path]:
    """A docs tree for one build alone, removed after it: two builds at once (with and without
    drafts) never mix their pages. In memory when there is room (writing it there is quick)."""
    folder = scratch_dir(DOCS_PREFIX, memory_folder())
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def build_epoch(root: Path) -> int:
    """The build's date, never the clock: the last git commit, else the newest content date."""
    epoch = last_commit_epoch(root)
    if epoch is not None:
        return epoch
    repo, _ = check(root)
    practices = repo.practices.values() if repo else []
    dates = [p.data.fecha for p in practices]
    dates += [r.fecha for p in practices for r in p.data.replicas]
    newest = max(dates, default=dt.date(1970, 1, 1))
    return calendar.timegm(newest.timetuple())


@contextmanager
def reproducible_dates(root: Path) -> Iterator[int]:
    """Set SOURCE_DATE_EPOCH (MkDocs' sitemap dates and gzip) unless the caller set it."""
    given = os.environ.get("SOURCE_DATE_EPOCH")
    epoch = int(given) if given and given.isdigit() else build_epoch(root)
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield epoch
    finally:
        if given is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = given


def show_mkdocs_logging(level: int = logging.WARNING) -> None:
    """MkDocs logs through `logging`; its own CLI sets up a handler, the API does not."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(MkDocsLines())
        logger.addHandler(handler)
    logger.setLevel(level)


class MkDocsLines(logging.Formatter):
    """MkDocs' own lines in a sentence of ours: what it says stays as it says it, in English,
    and the author reads that it is MkDocs speaking."""

    def format(self, record: logging.LogRecord) -> str:
        label = "Aviso" if record.levelno == logging.WARNING else "Mensaje"
        if record.levelno >= logging.ERROR:
            label = "Error"
        return f"{label} de MkDocs (en inglés): {record.getMessage()}"
