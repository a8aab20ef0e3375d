"""Zensical in the preview: `zensical serve` (its documented command) kept running, so that a
save rebuilds only the pages it changed. `zensical build` has no such thing: each save built
the whole site again (8.9 s for the edited page at 1,000 practices, against MkDocs' 0.67 s).

Zensical's server watches the docs folder the generator writes into (the preview's own,
`tree.docs_folder`) and writes each page it rebuilds into the site folder, which the
preview's own server shows (Zensical's server listens on a private port that nobody is sent
to). After a save the adapter waits, bounded, until Zensical has written the page of each
changed docs file after that file.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from generator.addresses import HOME
from generator.engines.base import EngineError, EngineJob
from generator.engines.zensical.tree import engine_config, work_folder_of

# Zensical's first build of 1,000 practices takes ~11 s on a quiet machine; a busy one, more.
FIRST_BUILD_SECONDS = 600
# A save rebuilds a few pages: well under a second, so a minute means it is stuck.
REBUILD_SECONDS = 60
POLL_SECONDS = 0.02


class LiveZensical:
    """One `zensical serve` for the preview's site folder, until `stop`."""

    def __init__(self, job: EngineJob) -> None:
        self.job = job
        name = job.site_dir.name
        self.config = work_folder_of(job.docs_dir) / f".zensical-{name}.yml"
        self.log = work_folder_of(job.docs_dir) / f".zensical-{name}.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start Zensical's server on the tree and wait for its first build."""
        self.config.write_text(self._config_text(), encoding="utf-8")
        started = _modified(self.config) or 0.0  # the disk's clock, as Zensical's pages have
        command = [sys.executable, "-m", "zensical", "serve", "-f", str(self.config)]
        command += ["--dev-addr", f"127.0.0.1:{_free_port()}"]
        with self.log.open("wb") as log:
            try:
                self.process = subprocess.Popen(
                    command, cwd=self.config.parent, stdout=log, stderr=subprocess.STDOUT
                )
            except OSError as error:
                raise EngineError(f"No se pudo ejecutar Zensical: {error.strerror}.") from None
        self._wait_for({self.job.addresses.page_file(HOME): started}, FIRST_BUILD_SECONDS)

    def update(self, changed: list[str], removed: list[str]) -> None:
        """Zensical's copy gets the changed files; wait until it has written their pages. A
        changed mkdocs.yml (navigation, theme) starts Zensical again on the whole tree."""
        if self._config_text() != self.config.read_text(encoding="utf-8"):
            self.stop()
            self.start()
            return
        for docs_path in removed:  # the generator removed the file: its page goes too
            (self.job.site_dir / self._output(docs_path)).unlink(missing_ok=True)
        # A page is new when it was written after the file it comes from (one clock: the disk's).
        written = {self._output(p): _modified(self.job.docs_dir / p) or 0.0 for p in changed}
        self._wait_for(written, REBUILD_SECONDS)

    def _config_text(self) -> str:
        return engine_config(self.job, self.job.site_dir)

    def _output(self, docs_path: str) -> str:
        if docs_path.endswith(".md"):
            return self.job.addresses.page_file(docs_path)
        return docs_path

    def _wait_for(self, since: dict[str, float], seconds: float) -> None:
        """Until Zensical has written each file of `since` at or after its time; EngineError
        when Zensical stopped, or took `seconds`."""
        waiting = list(since)
        deadline = time.monotonic() + seconds
        while waiting:
            waiting = [
                output
                for output in waiting
                if (_modified(self.job.site_dir / output) or -1.0) < since[output]
            ]
            if not waiting:
                return
            if self.process is None or self.process.poll() is not None:
                raise EngineError(f"Zensical se detuvo.{self._said()}")
            if time.monotonic() > deadline:
                raise EngineError(
                    f"Zensical no escribió «{waiting[0]}» en {seconds:.0f} s.{self._said()}"
                )
            time.sleep(POLL_SECONDS)

    def _said(self) -> str:
        try:
            lines = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return ""
        return "".join(f"\n  Zensical (en inglés): {line}" for line in lines[-20:] if line.strip())

    def stop(self) -> None:
        """Stop Zensical's server (and wait for it: no process is left behind) and remove
        its files."""
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
            self.process = None
        for path in (self.config, self.log):
            path.unlink(missing_ok=True)


def _modified(path: Path) -> float | None:
    """The file's modification time; None when it is not there."""
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None


def _free_port() -> int:
    """A port free on 127.0.0.1 now, for Zensical's own server (nobody is sent to it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
