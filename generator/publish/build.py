"""The one entrance of a build: the finished docs tree, an engine's HTML, then what no engine
does, and the new site swapped in whole. Invalid content, or any failure, changes nothing.

    prepare         in a child process: load, validate, render (tree.py), then write the docs
                    tree where the engine reads it and each page's article for Pagefind
    index           Pagefind reads the articles, on the second core
    engine.build    MkDocs + Material or Zensical put the theme around each page
    complete_site   the search index, a reproducible sitemap, the offline zip, the marker
    swap_in         the new site replaces the old one in one step
"""

from __future__ import annotations

import calendar
import datetime as dt
import gzip
import shutil
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from generator.content.problems import Problem
from generator.engines import Engine, EngineJob, engine_named
from generator.parallel import in_child, in_parallel
from generator.publish.offline import write_zip
from generator.publish.search import (
    ARTICLES_PREFIX,
    INDEX_DIR,
    BackgroundIndex,
    articles,
    nav_titles,
    tree_pages,
    write_articles,
)
from generator.publish.settings import RunSettings
from generator.publish.sitedir import ensure_safe, write_marker
from generator.publish.tree import render_tree, write_rendered
from generator.publish.write import memory_folder, scratch_dir, staging_dir, swap_in
from generator.site.gitdates import last_commit_epoch

DOCS_PREFIX = "red-docs-"
INDEX_PREFIX = "red-indice-"
SITE_NAME = "Red de Centros"


# The configuration of a tree without its own: it ships inside the package, beside its theme.
DEFAULT_CONFIG = Path(__file__).resolve().parents[1] / "site" / "mkdocs.yml"


def project_config_file(root: Path) -> Path:
    """The root's own mkdocs.yml, or the package's (for trees without one, as synth writes)."""
    own = root / "mkdocs.yml"
    return own if own.is_file() else DEFAULT_CONFIG


@dataclass(frozen=True)
class Built:
    warnings: list[Problem]  # the content's (check's «aviso»)
    notes: list[str]  # what the build did less well than it should (a shallow history)


@dataclass(frozen=True)
class Prepared:
    """What the child that rendered the site hands back (`prepare`)."""

    warnings: list[Problem]
    notes: list[str]
    newest: dt.date | None
    parts: int  # the search's articles, in that many parts


def build_site(settings: RunSettings, site_dir: Path) -> Built:
    """Build into a temporary folder and swap it in; on failure `site_dir` stays as it was.
    Raises ContentError, EngineError, SearchError or UnsafeSiteDir (touching nothing)."""
    zip_file = site_dir.with_name(site_dir.name + ".zip")
    ensure_safe(settings.root, site_dir, zip_file if settings.offline else None)
    engine = engine_named(settings.engine)
    config_file = project_config_file(settings.root)
    tree_folder = engine.docs_folder(site_dir, config_file, settings.cache_dir, preview=False)
    with (
        tree_folder or own_folder(DOCS_PREFIX) as docs_dir,
        own_folder(ARTICLES_PREFIX) as articles_dir,
        own_folder(INDEX_PREFIX) as index_dir,
    ):
        # Invalid content: nothing else is touched. The content is loaded and rendered in a
        # child process, which writes what the engine and Pagefind read, and whose memory goes
        # back to the system before the engine starts: at 30,000 practices the build's largest
        # process went from 2.47 GB (both in one) to 1.70 GB (the engine's).
        made = in_child(
            partial(prepare, settings, engine.file_relative, docs_dir, articles_dir, config_file),
            apart=settings.workers > 1,
        )
        staging = staging_dir(site_dir)
        try:
            index = (
                None
                if settings.offline
                else BackgroundIndex.over(articles_dir, made.parts, index_dir)
            )
            job = EngineJob(config_file, docs_dir, staging, settings.offline, settings.cache_dir)
            engine_build(engine, settings.workers, job, index)
            if index is not None:
                shutil.move(str(index_dir / INDEX_DIR), staging / INDEX_DIR)
                index.link_parts(staging)
            epoch = complete_site(settings, staging, made.newest)
            swap_in(staging, site_dir)
            if settings.offline:
                write_zip(site_dir, zip_file, epoch)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return Built(made.warnings, made.notes)


def prepare(
    settings: RunSettings, file_relative: bool, docs_dir: Path, articles: Path, config_file: Path
) -> Prepared:
    """Load, validate and render the site; write the docs tree into `docs_dir` and, online,
    each page's article for Pagefind into `articles`. Raises ContentError."""
    rendered = render_tree(settings, file_relative=file_relative)
    if settings.offline:
        write_rendered(rendered, docs_dir)
        return Prepared(rendered.warnings, rendered.notes, rendered.newest, 0)

    def write_search_articles() -> int:
        found = articles_of(tree_pages(rendered.tree), config_file)
        return write_articles(found, articles, total=page_count(rendered.tree))

    def write_docs() -> None:
        write_rendered(rendered, docs_dir)

    if settings.workers > 1:  # both at once: 1.0 and 1.8 s at 10,000 practices
        _, parts = in_parallel(write_docs, write_search_articles)
    else:
        write_docs()
        parts = write_search_articles()
    return Prepared(rendered.warnings, rendered.notes, rendered.newest, parts)


def engine_build(
    engine: Engine, workers: int, job: EngineJob, index: BackgroundIndex | None
) -> None:
    """The engine's build, with the search index made beside it (before it on one core)."""
    if index is not None and workers < 2:
        index.finish()
    try:
        engine.build(job)
    except BaseException:
        if index is not None:
            index.stop()
        raise
    if index is not None:
        index.finish()


def articles_of(pages: Iterable[tuple[str, str]], config_file: Path) -> Iterator[tuple[str, str]]:
    """What Pagefind reads of the docs `pages` (docs path, text): each page's article."""
    return articles(pages, SITE_NAME, nav_titles(config_file))


def start_index(
    pages: Iterable[tuple[str, str]], index_dir: Path, config_file: Path, total: int
) -> BackgroundIndex:
    """Pagefind over the articles of the `total` docs `pages` (docs path, text) into
    `index_dir/pagefind`, beside the engine."""
    return BackgroundIndex.start(articles_of(pages, config_file), index_dir, total=total)


def page_count(tree: Mapping[str, bytes]) -> int:
    """How many pages a docs tree has (each has an article for the search)."""
    return sum(1 for docs_path in tree if docs_path.endswith(".md"))


def complete_site(settings: RunSettings, site_dir: Path, newest: dt.date | None) -> int:
    """What no engine does: a sitemap with the build's date, never the clock's, and the mark
    that lets a later build replace this folder. Returns that date (Unix time)."""
    epoch = settings.source_date_epoch or build_epoch(settings.root, newest)
    write_sitemap(site_dir, epoch)
    write_marker(site_dir)
    return epoch


EMPTY_SITEMAP = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n</urlset>'
)


def write_sitemap(site_dir: Path, epoch: int) -> None:
    """The sitemap both engines write, without the clock in its gzip (the site has no
    fixed address, so it lists no page)."""
    (site_dir / "sitemap.xml").write_bytes(EMPTY_SITEMAP)
    with (
        (site_dir / "sitemap.xml.gz").open("wb") as raw,
        gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=epoch) as packed,
    ):
        packed.write(EMPTY_SITEMAP)


@contextmanager
def own_folder(prefix: str) -> Iterator[Path]:
    """A folder for one build alone, removed after it: two builds at once (with and without
    drafts) never mix their files. In memory when there is room (writing it there is quick)."""
    folder = scratch_dir(prefix, memory_folder())
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def build_epoch(root: Path, newest: dt.date | None) -> int:
    """The build's date, never the clock: the last git commit, else the newest date of the
    content the build read (`newest`; none: 1970)."""
    epoch = last_commit_epoch(root)
    if epoch is not None:
        return epoch
    return calendar.timegm((newest or dt.date(1970, 1, 1)).timetuple())
