"""A second process converts every other page's Markdown while MkDocs converts the rest.

MkDocs renders the pages one after the other on one core, and Python-Markdown is most of a
full build's time (at 1,000 practices, 6.9 s of 10.5 s measured). On Linux the plugin forks,
when the build starts reading pages, a process that runs for every other page exactly what
MkDocs runs (`on_pre_page`, `read_source`, `on_page_markdown`, `Page.render`), and sends the
results back through a pipe. MkDocs then runs its own loop as always; for those pages
`render` takes the result instead of converting again. What MkDocs logs while converting
(broken links, missing anchors) is logged again in this process, in the page's turn, so the
output and `strict` mode see it as if nothing had changed. A page the helper could not convert
is converted here, and raises here, as without the helper.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import pickle
import signal
import threading
from dataclasses import dataclass
from functools import partial
from typing import IO, Any, BinaryIO

from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from generator.parallel import available_workers, fork, run_child

# Below this many pages the fork costs more than it saves.
MIN_PAGES = 50


@dataclass(frozen=True)
class Converted:
    src_uri: str
    content: str | None  # None: the helper failed on this page; convert it here
    toc: Any = None
    title: str | None = None
    anchor_ids: set[str] | None = None
    links_to_anchors: dict[str, dict[str, str]] | None = None  # by the linked file's src_uri
    logs: tuple[tuple[str, int, str], ...] = ()  # (logger, level, message)


class HalfPages:
    """The helper process, seen from MkDocs' process."""

    def __init__(self, pid: int, stream: IO[bytes], theirs: set[str]) -> None:
        self.pid = pid
        self.theirs = theirs
        self._stream = stream
        self._results: dict[str, Converted] = {}
        self._done = False
        self._arrived = threading.Condition()
        # Results are read as they come, so the helper never waits on a full pipe.
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    @classmethod
    def start(cls, config: Any, files: Files) -> HalfPages | None:
        """Fork the helper for a full build of enough pages; None where it would not help."""
        pages = list(files.documentation_pages(inclusion=InclusionLevel.is_included))
        if available_workers() < 2 or len(pages) < MIN_PAGES:
            return None
        theirs = pages[1::2]  # alternate: big and small pages spread over both processes
        read_fd, write_fd = os.pipe()
        pid = fork()
        if pid == 0:
            os.close(read_fd)
            run_child(partial(_send_converted, theirs, config, files), write_fd)
        os.close(write_fd)
        return cls(pid, os.fdopen(read_fd, "rb"), {file.src_uri for file in theirs})

    def claim(self, page: Page) -> None:
        """One of the helper's pages: its `render` takes the helper's result."""
        if page.file.src_uri in self.theirs:
            page.render = partial(self.render, page)  # type: ignore[method-assign]

    def _read(self) -> None:
        try:
            while True:
                result: Converted = pickle.load(self._stream)
                with self._arrived:
                    self._results[result.src_uri] = result
                    self._arrived.notify_all()
        except (EOFError, pickle.UnpicklingError, OSError):
            pass
        finally:
            with self._arrived:
                self._done = True
                self._arrived.notify_all()

    def render(self, page: Page, config: Any, files: Files) -> None:
        """Stands in for `page.render`: the helper's result, else MkDocs' own conversion."""
        with self._arrived:
            self._arrived.wait_for(lambda: self._done or page.file.src_uri in self._results)
            result = self._results.pop(page.file.src_uri, None)
        if result is None or result.content is None:
            Page.render(page, config, files)
            return
        for name, level, message in result.logs:
            logging.getLogger(name).log(level, message)
        page.content = result.content
        page.toc = result.toc
        page._title_from_render = result.title
        page.present_anchor_ids = result.anchor_ids
        if result.links_to_anchors is not None:
            page.links_to_anchors = {
                linked: anchors
                for uri, anchors in result.links_to_anchors.items()
                if (linked := files.get_file_from_path(uri)) is not None
            }

    def abort(self) -> None:
        """The build failed: stop the helper wherever it is."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        self.close()

    def close(self) -> None:
        """Wait for the helper to end (it has sent everything by the time pages are built)."""
        self._reader.join()
        self._stream.close()
        os.waitpid(self.pid, 0)
        gc.unfreeze()


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _send_converted(theirs: list[File], config: Any, files: Files, out: BinaryIO) -> None:
    """In the helper: convert, and send each result as soon as it is done."""
    collector = _Collector()
    mkdocs_logger = logging.getLogger("mkdocs")  # MkDocs' own loggers are all below it
    mkdocs_logger.handlers = [collector]
    mkdocs_logger.propagate = False
    for file in theirs:
        pickle.dump(_convert(file, config, files, collector), out, pickle.HIGHEST_PROTOCOL)
        out.flush()


def _convert(file: File, config: Any, files: Files, collector: _Collector) -> Converted:
    """What `_populate_page` in mkdocs/commands/build.py does up to `render`."""
    page = file.page if file.page is not None else Page(None, file, config)
    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(
            page.markdown, page=page, config=config, files=files
        )
        collector.records = []  # MkDocs' process logs what came before `render` itself
        Page.render(page, config, files)
    except Exception:
        return Converted(file.src_uri, None)
    finally:
        config._current_page = None
    links = page.links_to_anchors
    return Converted(
        file.src_uri,
        page.content,
        page.toc,
        page._title_from_render,
        page.present_anchor_ids,
        None if links is None else {linked.src_uri: anchors for linked, anchors in links.items()},
        tuple(collector.records),
    )
