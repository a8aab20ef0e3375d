"""The generator's commands as a user runs them: `python -m generator ...` in a process of its
own, from this environment's Python, never waiting without a bound.

Every test that runs a generator command in a subprocess goes through `run_generator` (or, for
a process that keeps running, such as `serve`, starts `generator_command`)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from .warm_generator import WarmGenerator

# Longer than any one command takes on a busy machine (a build of 200 synthetic practices with
# both cores taken: ~15 s), shorter than a test's own timeout (pyproject.toml): a command that
# hangs fails its test with the command's name and what it printed so far.
GENERATOR_SECONDS = 50.0
WARM = WarmGenerator()


def generator_command(*args: str, python_options: Sequence[str] = ()) -> list[str]:
    """`python [options] -m generator args...` with the Python running the tests."""
    return [sys.executable, *python_options, "-m", "generator", *args]


def run_generator(
    *args: str,
    cwd: Path | str | None = None,
    env: Mapping[str, str] | None = None,
    input: str | None = None,
    prefix: Sequence[str] = (),
    python_options: Sequence[str] = (),
    timeout: float = GENERATOR_SECONDS,
) -> subprocess.CompletedProcess[str]:
    """Run one generator command to its end and give what it printed (UTF-8 text) and its exit
    code. Its standard input is `input`, or nothing: a command that would ask a question (as
    `new` does on a terminal) gets end-of-file, never a wait. `prefix` runs it through another
    program (e.g. `setpriv` as another user).

    Run by this worker's warm generator (tests/warm_generator.py), unless the command needs
    a Python of its own: another program before it, Python options, or an environment that
    changes how Python starts."""
    environment = dict(os.environ if env is None else env)
    if not prefix and not python_options and WARM.serves(environment):
        folder = os.fspath(cwd) if cwd is not None else os.getcwd()
        return WARM.run(list(args), folder, environment, input, timeout)
    command = [*prefix, *generator_command(*args, python_options=python_options)]
    return run_in_a_new_python(command, cwd, env, input, timeout)


def run_in_a_new_python(
    command: list[str],
    cwd: Path | str | None,
    env: Mapping[str, str] | None,
    input: str | None,
    timeout: float,
) -> subprocess.CompletedProcess[str]:
    """`command` (a generator command, as a user runs it) in a process of its own."""
    return subprocess.run(
        command,
        cwd=cwd,
        env=env,
        input=input,
        stdin=subprocess.DEVNULL if input is None else None,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )


def cpu_seconds() -> float:
    """CPU time (user and system) spent so far by this process, the children it has waited
    for and the commands the warm generator ran for it. The difference over a step is the
    work the step did, whatever else the machine runs: a time bound asserted on it holds with
    both cores busy, where one on the wall clock measures the other programs too."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime + WARM.cpu
