"""Zensical in the preview: `zensical serve` (its documented command) kept running, so that a
save rebuilds only the pages it changed. `zensical build` has no such thing: each save built
the whole site again (8.9 s for the edited page at 1,000 practices, against MkDocs' 0.67 s).

Zensical's server watches its docs folder and writes each page it rebuilds into the site
folder, which the preview's own server shows (Zensical's server listens on a private port
that nobody is sent to). Its configuration, docs copy and cache sit beside the site folder
(Zensical wants both folders inside the folder of its configuration). After a save the adapter
copies the changed docs files into Zensical's copy and waits, bounded, until Zensical has
written each of their pages again.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from generator.addresses import HOME
from generator.engines.base import EngineError, EngineJob
from generator.engines.zensical.tree import copy_file, copy_tree, engine_config

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
        self.config = job.site_dir.parent / f".zensical-{name}.yml"
        self.docs = job.site_dir.parent / f".zensical-docs-{name}"
        self.log = job.site_dir.parent / f".zensical-{name}.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Copy the tree, start Zensical's server and wait for its first build."""
        shutil.rmtree(self.docs, ignore_errors=True)
        copy_tree(self.job.docs_dir, self.docs, directory_urls=not self.job.offline)
        self.config.write_text(self._config_text(), encoding="utf-8")
        command = [sys.executable, "-m", "zensical", "serve", "-f", str(self.config)]
        command += ["--dev-addr", f"127.0.0.1:{_free_port()}"]
        with self.log.open("wb") as log:
            try:
                self.process = subprocess.Popen(
                    command, cwd=self.config.parent, stdout=log, stderr=subprocess.STDOUT
                )
            except OSError as error:
                raise EngineError(f"No se pudo ejecutar Zensical: {error.strerror}.") from None
        home = self.job.addresses.page_file(HOME)
        self._wait_for({home: _modified(self.job.site_dir / home)}, FIRST_BUILD_SECONDS)

    def update(self, changed: list[str], removed: list[str]) -> None:
        """Zensical's copy gets the changed files; wait until it has written their pages. A
        changed mkdocs.yml (navigation, theme) starts Zensical again on the whole tree."""
        if self._config_text() != self.config.read_text(encoding="utf-8"):
            self.stop()
            self.start()
            return
        outputs = [self._output(p) for p in changed]
        before = {output: _modified(self.job.site_dir / output) for output in outputs}
        for docs_path in removed:
            (self.docs / docs_path).unlink(missing_ok=True)
            (self.job.site_dir / self._output(docs_path)).unlink(missing_ok=True)
        for docs_path in changed:
            copy_file(self.job.docs_dir, self.docs, docs_path, directory_urls=not self.job.offline)
        self._wait_for(before, REBUILD_SECONDS)

    def _config_text(self) -> str:
        return engine_config(self.job, self.docs, self.job.site_dir)

    def _output(self, docs_path: str) -> str:
        if docs_path.endswith(".md"):
            return self.job.addresses.page_file(docs_path)
        return docs_path

    def _wait_for(self, before: dict[str, int | None], seconds: float) -> None:
        """Until Zensical has written each file of `before` again (its modification time is
        not the one it had); EngineError when Zensical stopped, or took `seconds`."""
        waiting = [self.job.site_dir / output for output in before]
        deadline = time.monotonic() + seconds
        while waiting:
            waiting = [
                path
                for path in waiting
                if _modified(path) == before[path.relative_to(self.job.site_dir).as_posix()]
            ]
            if not waiting:
                return
            if self.process is None or self.process.poll() is not None:
                raise EngineError(f"Zensical se detuvo.{self._said()}")
            if time.monotonic() > deadline:
                raise EngineError(
                    f"Zensical no escribió «{waiting[0].relative_to(self.job.site_dir)}» en "
                    f"{seconds:.0f} s.{self._said()}"
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
        shutil.rmtree(self.docs, ignore_errors=True)
        shutil.rmtree(self.config.parent / ".cache", ignore_errors=True)
        for path in (self.config, self.log):
            path.unlink(missing_ok=True)


def _modified(path: Path) -> int | None:
    """The file's modification time in nanoseconds; None when it is not there."""
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def _free_port() -> int:
    """A port free on 127.0.0.1 now, for Zensical's own server (nobody is sent to it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
