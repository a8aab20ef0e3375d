"""Work on two things at once, the second in a forked process, on Linux.

The result of the forked half comes back pickled, so the caller gets exactly what one
process would have computed, in the same order; only the wall-clock time changes.

`RED_PROCESOS` chooses for every command: `1` runs everything in one process (check,
generate, the build's conversion helper, and the search index made after the pages rather
than beside them); `2` uses a second process even on one core (the equivalence tests do).
Unset: two where there are two cores.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
import traceback
from collections.abc import Callable
from functools import partial
from typing import BinaryIO, NoReturn, TypeVar

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")

# Below this, forking and pickling cost more than the second core saves.
MIN_ITEMS = 500


PROCESSES = "RED_PROCESOS"


def available_workers() -> int:
    """2 where a second core and `fork` are available (Linux), else 1; see RED_PROCESOS."""
    chosen = os.environ.get(PROCESSES, "")
    if sys.platform != "linux" or chosen == "1":
        return 1
    return 2 if chosen == "2" else min(2, len(os.sched_getaffinity(0)))


def map_halves(items: list[T], work: Callable[[list[T]], R], workers: int) -> list[R]:
    """[work(items)], or [work(first half), work(second half)] with the second in a child."""
    if workers < 2 or len(items) < MIN_ITEMS:
        return [work(items)]
    half = (len(items) + 1) // 2
    return list(in_parallel(partial(work, items[:half]), partial(work, items[half:])))


def in_parallel(here: Callable[[], R], there: Callable[[], S]) -> tuple[R, S]:
    """(here(), there()), with `there` run in a forked child while `here` runs in this process.
    The caller checks `available_workers()` first."""
    read_fd, write_fd = os.pipe()
    pid = fork()
    if pid == 0:
        os.close(read_fd)
        run_child(lambda out: pickle.dump(there(), out, pickle.HIGHEST_PROTOCOL), write_fd)
    os.close(write_fd)
    incoming = os.fdopen(read_fd, "rb")
    try:
        mine = here()
        try:
            theirs: S = pickle.load(incoming)
        except (EOFError, pickle.UnpicklingError):
            raise RuntimeError("Falló el proceso auxiliar que hacía la otra mitad.") from None
    finally:
        incoming.close()  # a child still writing gets a broken pipe instead of waiting forever
        os.waitpid(pid, 0)
        gc.unfreeze()
    return mine, theirs


def fork() -> int:
    """`os.fork` with what exists now frozen out of the garbage collector, as Python's `gc`
    documentation advises: its passes would touch, and so copy, every shared object, and
    they are long-lived anyway. The parent calls `gc.unfreeze()` when the child is done."""
    gc.freeze()
    return os.fork()


def run_child(send: Callable[[BinaryIO], object], write_fd: int) -> NoReturn:
    """In a forked child: `send` writes to the parent through `write_fd`; then leave without
    running any of the parent's cleanup (exit status 0 only when all was sent)."""
    status = 1
    try:
        with os.fdopen(write_fd, "wb") as out:
            send(out)
        status = 0
    except BrokenPipeError:
        pass  # the parent failed first and says why
    except BaseException:
        traceback.print_exc()
    finally:
        os._exit(status)
