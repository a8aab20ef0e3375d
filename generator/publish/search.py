"""Site search: Pagefind indexes the site's articles into small chunks served beside it.

Everything that knows the search engine is here (indexing: during a build, beside the site
engine; in the preview, after it) and in `assets/buscar.js` (the browser side). What it
indexes is each page's article, read from the generator's own docs tree: the same with any
engine. Pagefind folds
accents ("almacen" finds "almacén"), stems Spanish ("capacitaciones" finds "capacitación")
and weights headings, so a practice whose title matches ranks above pages that mention the
word in passing. Lists of practices are marked `data-pagefind-ignore` by the templates for
the same reason.

Measured on 2 cores with `synth` trees (first query on a phone, typed, compressed bytes):
1,000 practices: index 2.1 s, first query 150-160 KB; 5,000: index 12 s, 200-290 KB.
Material's search downloads its whole index on every first page view instead (1,000
practices: 8.9 MB, 681 KB gzip; 5,000: 44 MB, 3.2 MB gzip) and does not fold accents.

Offline (`file://`) the browser cannot fetch the index: `buscar.js` then says so and links
to the catalogue, which filters without any fetch. The offline bundle plugs its own local
index in there (`SEARCH_BACKEND_HOOK` in `buscar.js`, see `generator/publish/offline.py`).

"""

from __future__ import annotations

import html
import json
import math
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import yaml

from generator.addresses import ONLINE, SEARCH_JS
from generator.publish.write import memory_folder, scratch_dir
from generator.site import docspage
from generator.text import os_reason

INDEX_DIR = "pagefind"
LANGUAGE = "es"
TIMEOUT_SECONDS = 600  # a part's
# Pagefind holds every word of every page it indexes in memory until it writes the index:
# about 200 KB a page here (synthetic practices: 2,500 pages 0.51 GB, 3,400 0.69 GB, 9,504
# 1.99 GB), the build's peak from about 5,000 pages. A larger site is indexed in parts of
# PART_PAGES pages at most, one after the other, each a bundle of its own (`pagefind/`, then
# `pagefind/parte-2/`, …) that the site's buscar.js merges into the first (`link_parts`):
# the memory of one part, whatever the size of the site.
PART_PAGES = 3500
# Each part adds to a reader's first query: at 5,000 practices (2 parts) 285 KB against 265 KB
# in one (the budget there is 300 KB, tests/browser/test_finding.py), at 10,000 387 KB in 3
# parts of 3,168 pages, 399 KB in 4, 314 KB in one: the parts are as few as the memory allows
# (3,168 pages took 0.65 GB; 4,752, 0.98 GB).
# The articles live for seconds: in memory where the system has it. On the disk of the
# machine measured in benchmarks/, creating 1,000 folders and files took 0.3-1.1 s (ext4
# with discard), in /dev/shm 0.04 s.
ARTICLES_PREFIX = "red-busqueda-"
# Practice lists (templates/_macros.md.j2) are marked data-pagefind-ignore and hold no
# nested div. Left out of the articles, Pagefind does not parse them at all (at 1,000
# practices, ~half of the articles' bytes); the index is the same.
_IGNORED_LISTS = re.compile(r'<div class="rc-lista" data-pagefind-ignore[^>]*>.*?</div>', re.S)


def index_command(site_dir: Path, output: Path | None = None) -> list[str]:
    """Pagefind over the HTML under `site_dir`, into `output` (default: site_dir/pagefind)."""
    where = ["--output-subdir", INDEX_DIR] if output is None else ["--output-path", str(output)]
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        *where,
        "--force-language",
        LANGUAGE,
        "--silent",
    ]


def _memory_folder() -> Path | None:
    return memory_folder()


def _articles_folder(parent: Path | None) -> Path:
    """A new folder for this build's articles; those of killed builds are removed first (in
    /dev/shm they would hold memory until the machine restarts)."""
    return scratch_dir(ARTICLES_PREFIX, parent)


def article_html(title: str, content: str, *, escaped: bool = False) -> str:
    """What Pagefind reads of a page: the `data-pagefind-body` of generator/site/theme/main.html,
    which holds Material's partials/content.html (a heading when the content has none).
    `escaped`: the title is already HTML (as front matter holds it)."""
    shown = title if escaped else html.escape(title)
    heading = "" if "<h1" in content else f"<h1>{shown}</h1>"
    content = _IGNORED_LISTS.sub("", content)
    return (
        f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8">'
        f"<title>{shown}</title></head>"
        f"<body><div data-pagefind-body>{heading}{content}</div></body></html>"
    )


def _yaml_value(text: str) -> str:
    """A front matter's value; as written if YAML cannot read it (`check` refuses what would
    make it so: a title with U+FFFE took the build down here)."""
    try:
        return str(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    except yaml.YAMLError:
        return text


class SearchError(Exception):
    """The site's search could not be indexed; the message is Spanish."""


_TITLE = re.compile(r"^title: (.*)$", re.M)
_H1 = re.compile(r"^# (.*) \{#[^}]*\}$", re.M)


def page_dest(docs_path: str) -> str:
    """Where a docs page's HTML lands in the site: `practicas/x.md` -> `practicas/x/index.html`."""
    address = ONLINE.url(docs_path)
    return address + "index.html" if address.endswith("/") or not address else address


def articles(
    pages: Iterable[tuple[str, str]], site_name: str, nav_titles: Mapping[str, str] | None = None
) -> Iterator[tuple[str, str]]:
    """(path in the site, article HTML) of each docs page (`pages`: its docs path and its
    text), titled as the engines title them: by the navigation, the front matter or the
    first heading."""
    for docs_path, page in pages:
        if not docs_path.endswith(".md"):
            continue
        named = _TITLE.search(docspage.front_matter(page))
        heading = _H1.search(page)
        title = (nav_titles or {}).get(docs_path) or (
            _yaml_value(named.group(1)) if named else heading.group(1) if heading else site_name
        )
        yield page_dest(docs_path), article_html(title, docspage.article_html(page), escaped=True)


def tree_pages(tree: Mapping[str, bytes]) -> Iterator[tuple[str, str]]:
    """The pages of a docs tree the generator has in memory, in order."""
    for docs_path in sorted(tree):
        if docs_path.endswith(".md"):
            yield docs_path, tree[docs_path].decode("utf-8")


def nav_titles(config_file: Path) -> dict[str, str]:
    """Docs path -> title of the pages the site's navigation (mkdocs.yml's `nav`) names."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError):
        return {}
    titles: dict[str, str] = {}
    for item in (config or {}).get("nav") or []:
        if isinstance(item, dict):
            titles |= {path: title for title, path in item.items() if isinstance(path, str)}
    return titles


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's tags (`!ENV`, `!!python/name:`) as plain values."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


class BackgroundIndex:
    """Pagefind indexing the pages' articles on the second core while MkDocs renders the
    theme around them: the index is ready about when the pages are (at 1,000 practices,
    indexing took 1.3 s after a 9 s build before). The articles are written to a temporary
    folder, at the same paths as the pages, so the results link to the pages.

    A site of more than `PART_PAGES` pages is indexed in parts, one after the other (see
    PART_PAGES); `link_parts` then names them in the site's buscar.js."""

    def __init__(self, parts: list[list[str]]) -> None:
        self.parts = parts  # each part's Pagefind command, in order
        self.process: subprocess.Popen[bytes] | None = None  # the part being indexed
        self.lock = threading.Lock()  # a part starts, or the index stops: one at a time
        self.failure: str | None = None
        self.done = False
        self.stopped = False  # ended on purpose: its end is no failure
        self.runner: threading.Thread | None = None
        self.waiter: threading.Thread | None = None
        self.sources: Path | None = None

    @classmethod
    def start(
        cls,
        articles: Iterable[tuple[str, str]],
        parent: Path,
        part_pages: int | None = None,
        total: int | None = None,
    ) -> BackgroundIndex:
        """`articles`: (path in the site, article HTML) of each page, `total` of them when
        known (the parts are then even, as a build makes them); the index goes into
        `parent/pagefind`."""
        sources = _articles_folder(_memory_folder())
        try:
            parts = write_articles(articles, sources, part_pages, total)
        except SearchError:
            shutil.rmtree(sources, ignore_errors=True)
            raise
        return cls.over(sources, parts, parent, remove_sources=True)

    @classmethod
    def over(
        cls, sources: Path, parts: int, parent: Path, *, remove_sources: bool = False
    ) -> BackgroundIndex:
        """The index of the articles `write_articles` wrote in `sources` (in `parts` parts),
        into `parent/pagefind`; `remove_sources`: the folder goes when the index is made."""
        outputs = [parent / INDEX_DIR / part_folder(n) for n in range(1, parts + 1)]
        index = cls([index_command(sources / str(n), out) for n, out in enumerate(outputs, 1)])
        index.sources = sources if remove_sources else None
        index.runner = threading.Thread(target=index._run, daemon=True)
        index.runner.start()
        return index

    def _run(self) -> None:
        """Each part in turn: the memory of one part at a time."""
        try:
            for command in self.parts:
                with self.lock:
                    if self.stopped:
                        return
                    try:
                        self.process = subprocess.Popen(
                            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
                        )
                    except OSError as error:
                        self.failure = (
                            f"No se pudo ejecutar Pagefind (búsqueda del sitio): {os_reason(error)}"
                        )
                        return
                output, _ = self.process.communicate()
                if self.process.returncode != 0 and not self.stopped:
                    detail = output.decode("utf-8", "replace").strip()
                    self.failure = f"Pagefind no pudo indexar el sitio para la búsqueda:\n{detail}"
                    return
        finally:
            if self.sources is not None:
                shutil.rmtree(self.sources, ignore_errors=True)

    def finish(self) -> None:
        """Wait for the index (once); a failure fails the build."""
        if self.done:
            return
        self.done = True
        assert self.runner is not None
        self.runner.join(timeout=TIMEOUT_SECONDS * max(1, len(self.parts)))
        if self.runner.is_alive():
            self.stop()
            raise SearchError("Pagefind no terminó de indexar el sitio a tiempo.")
        if self.failure is not None:
            raise SearchError(self.failure)

    def link_parts(self, site_dir: Path) -> None:
        """Name the index's parts after the first in the site's buscar.js, which merges them
        into the first (nothing to do for an index in one part)."""
        link_parts(site_dir, len(self.parts))

    def finish_in_background(self, site_dir: Path) -> None:
        """Wait for the index in a thread of its own, for a caller that does not wait (the
        preview): Pagefind is reaped the moment it ends, never left a zombie process while the
        preview runs, and a failure is said on standard error."""

        def wait() -> None:
            try:
                self.finish()
                if not self.stopped:  # a newer save's index names its own parts
                    self.link_parts(site_dir)
            except (SearchError, OSError) as error:
                if not self.stopped:
                    print(error, file=sys.stderr, flush=True)

        self.waiter = threading.Thread(target=wait, daemon=True)
        self.waiter.start()

    def stop(self) -> None:
        """End the index now (a newer save makes another one) and reap it."""
        with self.lock:
            self.stopped = True
            if self.process is not None and self.process.poll() is None:
                self.process.kill()
        for thread in (self.runner, self.waiter):
            if thread is not None and thread is not threading.current_thread():
                thread.join(timeout=TIMEOUT_SECONDS)
        self.done = True


def write_articles(
    articles: Iterable[tuple[str, str]],
    sources: Path,
    part_pages: int | None = None,
    total: int | None = None,
) -> int:
    """Write the `articles` for Pagefind into `sources`/1, `sources`/2, … (at the paths of
    their pages, so the results link to the pages), at most `part_pages` in each (PART_PAGES),
    as evenly as the `total` number of articles, when given, allows; returns how many parts.
    Raises SearchError."""
    most = part_pages or PART_PAGES
    if total:  # as many parts as needed, all of about the same size
        most = math.ceil(total / math.ceil(total / most))
    parts = 0
    try:
        for number, (dest, text) in enumerate(articles):
            parts = number // most + 1
            target = sources / str(parts) / dest
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise SearchError(
            f"No se pudo preparar la búsqueda del sitio: {os_reason(error)}"
        ) from None
    return parts


def part_folder(number: int) -> str:
    """Where part `number` of the index goes, in the index's folder (the first: itself)."""
    return "" if number == 1 else f"parte-{number}"


# A split index's other parts are merged into the first right after buscar.js sets the
# first's options, with the same options. Written only into a split site's copy of the
# script: below PART_PAGES pages the site's buscar.js is the project's, byte for byte.
_OPTIONS_LINE = "await pagefind.options({ baseUrl: base.pathname, excerptLength: 24 });"
_MERGE_LINE = (
    "await pagefind.mergeIndex(new URL({part}, base).pathname, "
    "{{ baseUrl: base.pathname, excerptLength: 24 }});"
)


def link_parts(site_dir: Path, parts: int) -> None:
    """Merge the index's parts after the first in the site's buscar.js (see PART_PAGES); the
    lines of an earlier index (the preview's, before a save) are replaced, not added to."""
    script = site_dir / SEARCH_JS
    text = script.read_text(encoding="utf-8")
    if text.count(_OPTIONS_LINE) != 1:
        raise SearchError(f"{SEARCH_JS} no tiene la línea «{_OPTIONS_LINE}».")
    before, after = text.split(_OPTIONS_LINE)
    indent = before.rsplit("\n", 1)[-1]
    merged = _MERGE_LINE.format(part="PART")
    earlier = merged[: merged.index("PART")]  # how each merge line starts
    kept = after.split("\n")
    while len(kept) > 1 and kept[1].strip().startswith(earlier):
        del kept[1]
    merges = "".join(
        f"\n{indent}" + _MERGE_LINE.format(part=json.dumps(f"{INDEX_DIR}/{part_folder(n)}/"))
        for n in range(2, parts + 1)
    )
    new = before + _OPTIONS_LINE + merges + "\n".join(kept)
    if new != text:
        script.write_text(new, encoding="utf-8")
