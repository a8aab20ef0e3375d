"""`python -m generator ...` without starting a Python each time.

A test suite runs the generator's commands a few hundred times, and a new Python spent
0.25 to 0.3 s of CPU importing the generator, MkDocs and pydantic before each one did its
work (a `check` of a small repository: 0.23 s in all, 0.02 s of it the check). Here one
process per test worker imports them once and waits; for each command it forks a child,
which runs the generator's `__main__` exactly as `python -m generator` does: its own
process, with the command's arguments, folder, environment, standard input and output, and
its exit status. What the child inherits is only modules imported and nothing run.

The client (`WarmGenerator.run`) is used by tests/command.py for the commands a plain
`python -m generator` would run the same way; anything that changes how Python itself starts
(its options, PYTHON* or locale variables) still gets a new Python.

Run as a script, this file is that waiting process: it reads one JSON request per line on
standard input and answers on standard output, first the child's pid, then its status and
the CPU time it used.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import json
import os
import runpy
import signal
import subprocess
import sys
import tempfile
import threading
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# Read by Python as it starts (encodings, flags, warnings, paths): a command whose environment
# changes one of them needs a Python started with it.
STARTUP_VARIABLES = ("PYTHON", "LC_", "LANG")


def starts_python_differently(env: Mapping[str, str], base: Mapping[str, str]) -> bool:
    keys = {k for k in {*env, *base} if k.startswith(STARTUP_VARIABLES)}
    return any(env.get(k) != base.get(k) for k in keys)


class WarmGenerator:
    """The waiting process of this test worker, started on the first command."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[str] | None = None
        self.environment: dict[str, str] = {}
        self.lock = threading.Lock()
        self.cpu = 0.0  # CPU time of every child that has ended
        atexit.register(self.stop)

    def _server(self) -> subprocess.Popen[str]:
        if self.process is None or self.process.poll() is not None:
            self.environment = dict(os.environ)
            self.process = subprocess.Popen(
                [sys.executable, str(Path(__file__).resolve())],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            )
        return self.process

    def serves(self, env: Mapping[str, str]) -> bool:
        return not starts_python_differently(env, self.environment or os.environ)

    def run(
        self,
        args: list[str],
        cwd: str,
        env: Mapping[str, str],
        input: str | None,
        timeout: float,
    ) -> subprocess.CompletedProcess[str]:
        with self.lock, tempfile.TemporaryDirectory(prefix="red-generador-") as folder:
            streams = {name: Path(folder) / name for name in ("entrada", "salida", "errores")}
            for path in streams.values():  # the child opens them, it does not create them
                path.write_text("", encoding="utf-8")
            streams["entrada"].write_text(input or "", encoding="utf-8")
            server = self._server()
            assert server.stdin is not None and server.stdout is not None
            request = {"args": args, "cwd": cwd, "env": dict(env), "input": input is not None}
            request.update({name: str(path) for name, path in streams.items()})
            server.stdin.write(json.dumps(request) + "\n")
            server.stdin.flush()
            late = threading.Event()
            pid = 0
            try:
                pid = self._answer(server)["pid"]

                def stop_it() -> None:
                    late.set()
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)

                timer = threading.Timer(timeout, stop_it)
                timer.start()
                try:
                    answer = self._answer(server)
                finally:
                    timer.cancel()
            except BaseException:  # e.g. the test's own timeout: no answer may be left unread
                if pid:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
                self.stop(kill=True)
                raise
            self.cpu += answer["cpu"]
            output = streams["salida"].read_text(encoding="utf-8")
            errors = streams["errores"].read_text(encoding="utf-8")
        command = [sys.executable, "-m", "generator", *args]
        if late.is_set():
            raise subprocess.TimeoutExpired(command, timeout, output, errors)
        return subprocess.CompletedProcess(command, answer["status"], output, errors)

    @staticmethod
    def _answer(server: subprocess.Popen[str]) -> dict[str, Any]:
        assert server.stdout is not None
        line = server.stdout.readline()
        assert line, "el proceso que prepara el generador terminó sin responder"
        answer: dict[str, Any] = json.loads(line)
        return answer

    def stop(self, kill: bool = False) -> None:
        """End the waiting process: at the end of its requests, or at once with `kill`."""
        process, self.process = self.process, None
        if process is None:
            return
        if kill:
            process.kill()
        with contextlib.suppress(OSError):
            assert process.stdin is not None
            process.stdin.close()  # end of requests: the waiting process ends
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        assert process.stdout is not None
        process.stdout.close()


# --- the waiting process ----------------------------------------------------------------


def _child(request: dict[str, Any], encoding: str) -> None:
    """In the forked child: become `python -m generator args` and never return."""
    code: Any = 0
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        tempfile.tempdir = None  # chosen again from this environment's TMPDIR
        stdin = request["entrada"] if request["input"] else os.devnull
        for fd, path, flags in (
            (0, stdin, os.O_RDONLY),
            (1, request["salida"], os.O_WRONLY | os.O_TRUNC),
            (2, request["errores"], os.O_WRONLY | os.O_TRUNC),
        ):
            opened = os.open(path, flags)
            os.dup2(opened, fd)
            os.close(opened)
        sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding=encoding)
        sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding=encoding)
        sys.stderr = io.TextIOWrapper(
            io.FileIO(2, "w", closefd=False),
            encoding=encoding,
            errors="backslashreplace",
            line_buffering=True,
        )
        sys.argv = ["-m", *request["args"]]
        sys.path[0] = request["cwd"]
        runpy.run_module("generator", run_name="__main__", alter_sys=True)
    except SystemExit as done:  # as the interpreter turns sys.exit's argument into a status
        if done.code is None or isinstance(done.code, int):
            code = done.code or 0
        else:
            print(done.code, file=sys.stderr)
            code = 1
    except BaseException:
        traceback.print_exc()
        code = 1
    finally:
        with contextlib.suppress(BaseException):
            atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(BaseException):
                stream.flush()
        os._exit(code)


def serve() -> None:
    # What every command imports, once.
    import mkdocs.commands.build  # noqa: F401

    import generator.cli
    import generator.publish.build  # noqa: F401

    encoding = sys.stdout.encoding
    requests, answers = sys.stdin, sys.stdout
    for line in requests:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:  # its standard input and output are replaced: the requests never reach it
            _child(request, encoding)
        answers.write(json.dumps({"pid": pid}) + "\n")
        answers.flush()
        _, status, usage = os.wait4(pid, 0)
        cpu = usage.ru_utime + usage.ru_stime
        answers.write(json.dumps({"status": os.waitstatus_to_exitcode(status), "cpu": cpu}) + "\n")
        answers.flush()


if __name__ == "__main__":
    serve()
