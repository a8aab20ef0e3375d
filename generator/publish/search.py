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
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import yaml

from generator.addresses import ONLINE
from generator.publish.write import memory_folder, scratch_dir
from generator.site import docspage
from generator.text import os_reason

INDEX_DIR = "pagefind"
LANGUAGE = "es"
TIMEOUT_SECONDS = 600
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
    folder, at the same paths as the pages, so the results link to the pages."""

    def __init__(self, process: subprocess.Popen[bytes], sources: Path) -> None:
        self.process = process
        self.sources = sources
        self.done = False
        self.waiter: threading.Thread | None = None
        self.stopped = False  # ended on purpose: its end is no failure

    @classmethod
    def start(cls, articles: Iterable[tuple[str, str]], site_dir: Path) -> BackgroundIndex:
        """`articles`: (path in the site, article HTML) of each page."""
        sources = _articles_folder(_memory_folder())
        try:
            for dest, text in articles:
                target = sources / dest
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
            command = index_command(sources, site_dir / INDEX_DIR)
            process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        except OSError as error:
            shutil.rmtree(sources, ignore_errors=True)
            raise SearchError(
                f"No se pudo ejecutar Pagefind (búsqueda del sitio): {os_reason(error)}"
            ) from None
        return cls(process, sources)

    def finish(self) -> None:
        """Wait for the index (once); a failure fails the build."""
        if self.done:
            return
        self.done = True
        try:
            output, _ = self.process.communicate(timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self.stop()
            raise SearchError("Pagefind no terminó de indexar el sitio a tiempo.") from None
        finally:
            shutil.rmtree(self.sources, ignore_errors=True)
        if self.process.returncode != 0:
            detail = output.decode("utf-8", "replace").strip()
            raise SearchError(f"Pagefind no pudo indexar el sitio para la búsqueda:\n{detail}")

    def finish_in_background(self) -> None:
        """Wait for the index in a thread of its own, for a caller that does not wait (the
        preview): Pagefind is reaped the moment it ends, never left a zombie process while the
        preview runs, and a failure is said on standard error."""

        def wait() -> None:
            try:
                self.finish()
            except SearchError as error:
                if not self.stopped:
                    print(error, file=sys.stderr, flush=True)

        self.waiter = threading.Thread(target=wait, daemon=True)
        self.waiter.start()

    def stop(self) -> None:
        """End the index now (a newer save makes another one) and reap it."""
        self.stopped = True
        if self.process.poll() is None:
            self.process.kill()
        if self.waiter is not None:
            self.waiter.join(timeout=TIMEOUT_SECONDS)
        elif not self.done:
            self.done = True
            self.process.communicate()
        shutil.rmtree(self.sources, ignore_errors=True)
