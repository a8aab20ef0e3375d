"""Split a list in two and work on the second half in a forked process, on Linux.

The result of the forked half comes back pickled, so the caller gets exactly what one
process would have computed, in the same order; only the wall-clock time changes.
"""

from __future__ import annotations

import os
import pickle
import sys
import traceback
from collections.abc import Callable
from typing import NoReturn, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this, forking and pickling cost more than the second core saves.
MIN_ITEMS = 500


def available_workers() -> int:
    """2 where a second core and `fork` are available (Linux), else 1."""
    if sys.platform != "linux":
        return 1
    return min(2, len(os.sched_getaffinity(0)))


def map_halves(items: list[T], work: Callable[[list[T]], R], workers: int) -> list[R]:
    """[work(items)], or [work(first half), work(second half)] with the second in a child."""
    if workers < 2 or len(items) < MIN_ITEMS:
        return [work(items)]
    half = (len(items) + 1) // 2
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        _child(work, items[half:], write_fd)
    os.close(write_fd)
    incoming = os.fdopen(read_fd, "rb")
    try:
        first = work(items[:half])
        try:
            second: R = pickle.load(incoming)
        except (EOFError, pickle.UnpicklingError):
            raise RuntimeError(
                "Falló el proceso auxiliar que revisa la mitad de los archivos."
            ) from None
    finally:
        incoming.close()  # a child still writing gets a broken pipe instead of waiting forever
        os.waitpid(pid, 0)
    return [first, second]


def _child(work: Callable[[list[T]], R], items: list[T], write_fd: int) -> NoReturn:
    """Work, send the result, and leave without running any of the parent's cleanup."""
    status = 1
    try:
        with os.fdopen(write_fd, "wb") as out:
            pickle.dump(work(items), out, protocol=pickle.HIGHEST_PROTOCOL)
        status = 0
    except BrokenPipeError:
        pass  # the parent failed first and says why
    except BaseException:
        traceback.print_exc()
    finally:
        os._exit(status)
