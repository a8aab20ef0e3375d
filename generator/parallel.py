"""Work on two things at once, the second in a forked process, on Linux.

The result of the forked half comes back pickled, so the caller gets exactly what one
process would have computed, in the same order; only the wall-clock time changes.

How many processes a run uses is one of its settings (`RunSettings.workers`, RED_PROCESOS).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any, BinaryIO, NoReturn, TypeVar

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")

# Below this, forking and pickling cost more than the second core saves.
MIN_ITEMS = 500


def map_halves(
    items: list[T],
    work: Callable[[list[T]], R],
    workers: int,
    sendable: Callable[[R], R] | None = None,
) -> list[R]:
    """[work(items)], or [work(first half), work(second half)] with the second in a child;
    `sendable` trims the child's result before it is sent back."""
    if workers < 2 or len(items) < MIN_ITEMS:
        return [work(items)]
    half = (len(items) + 1) // 2
    there = partial(work, items[half:])
    if sendable is not None:
        there = partial(_then, there, sendable)
    return list(in_parallel(partial(work, items[:half]), there))


def _then(first: Callable[[], R], then: Callable[[R], R]) -> R:
    return then(first())


def in_parallel(here: Callable[[], R], there: Callable[[], S]) -> tuple[R, S]:
    """(here(), there()), with `there` run in a forked child while `here` runs in this process;
    what `there` raised is raised here. The caller checks that a second process is wanted
    (`RunSettings.workers`) first."""
    pid, incoming = _start(there)
    try:
        mine = here()
        try:
            outcome = pickle.load(incoming)
        except Exception:  # nothing, or not all of it, came back
            raise ChildFailed("Falló el proceso auxiliar que hacía la otra mitad.") from None
    finally:
        incoming.close()  # a child still writing gets a broken pipe instead of waiting forever
        os.waitpid(pid, 0)
        gc.unfreeze()
    return mine, _result(outcome)


class Tickets:
    """The numbers 0 … count - 1 in runs of `size`, each run handed to whichever process asks
    first: made before `in_parallel`, both processes take from it until none is left, so
    neither waits for the other while work remains (fixed halves were a quarter of the time
    apart at 10,000 practices)."""

    def __init__(self, count: int, size: int) -> None:
        self.count, self.size = count, size
        self.next = multiprocessing.RawValue("q", 0)  # shared with a forked child
        self.lock = multiprocessing.Lock()

    @classmethod
    def shared(cls, count: int, size: int) -> Tickets | None:
        """Tickets, or None where the system has no shared memory for them (a container
        without /dev/shm): the caller does the work in one process."""
        try:
            return cls(count, size)
        except OSError:
            return None

    def close(self) -> None:
        """No more runs for either process (one failed: the other stops soon too)."""
        with self.lock:
            self.next.value = self.count

    def __iter__(self) -> Iterator[range]:
        while True:
            with self.lock:
                start = self.next.value
                self.next.value = start + self.size
            if start >= self.count:
                return
            yield range(start, min(start + self.size, self.count))


class ChildFailed(RuntimeError):
    """A forked helper ended without sending its result back; the message is Spanish."""


def in_child(work: Callable[[], R], *, apart: bool = True) -> R:
    """work(), run in a forked child on Linux: its result comes back pickled, what it raised is
    raised here, and all the memory it took goes back to the system when it ends (a build
    renders the site in a child, and the engine starts from a small process). Without `apart`
    (one process asked for, RED_PROCESOS=1), or elsewhere, here. Raises ChildFailed when the
    child ends without an answer (killed for want of memory, say)."""
    if not apart or sys.platform != "linux":
        return work()
    pid, incoming = _start(work)
    outcome: tuple[bool, object] | None = None
    try:
        with incoming:
            outcome = pickle.load(incoming)
    except Exception:  # nothing, or not all of it, came back: said below with how it ended
        outcome = None
    finally:
        _, status = os.waitpid(pid, 0)
        gc.unfreeze()
    if outcome is None:
        raise ChildFailed(f"El proceso auxiliar que preparaba el sitio {_ended(status)}.")
    return _result(outcome)  # type: ignore[no-any-return]


def _start(work: Callable[[], object]) -> tuple[int, BinaryIO]:
    """A forked child that sends what work() returned or raised (`_send`): its pid, and the
    stream to read that from."""
    read_fd, write_fd = os.pipe()
    pid = fork()
    if pid == 0:
        os.close(read_fd)
        run_child(partial(_send, work), write_fd)
    os.close(write_fd)
    return pid, os.fdopen(read_fd, "rb")


def _result(outcome: tuple[bool, Any]) -> Any:
    """What the child's work returned; what it raised is raised here."""
    done, value = outcome
    if not done:
        raise value
    return value


def _send(work: Callable[[], object], out: BinaryIO) -> None:
    """What work() returned or raised (`_outcome`), pickled to the parent; when that cannot be
    pickled, a ChildFailed that says what it was."""
    outcome = _outcome(work)
    try:
        data = pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)
    except Exception as error:
        what = f"{type(outcome[1]).__name__}: {outcome[1]}" if not outcome[0] else str(error)
        failed = ChildFailed(f"El proceso auxiliar no pudo enviar su resultado ({what}).")
        data = pickle.dumps((False, failed), pickle.HIGHEST_PROTOCOL)
    out.write(data)


def _ended(status: int) -> str:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        why = (
            " (así lo detiene el sistema cuando falta memoria)" if number == signal.SIGKILL else ""
        )
        return f"terminó por la señal {number}{why}"
    return f"terminó con el estado {os.waitstatus_to_exitcode(status)} sin dar su resultado"


def _outcome(work: Callable[[], R]) -> tuple[bool, object]:
    """(True, what work() returned) or (False, the exception it raised, to raise again, with
    the child's traceback as a note: the parent's own ends at the `raise`)."""
    try:
        return True, work()
    except Exception as error:  # sent to the parent, which raises it
        error.add_note(traceback.format_exc())
        return False, error


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
    except (BrokenPipeError, KeyboardInterrupt):
        pass  # the parent failed first, or was stopped too, and says so
    except BaseException:
        traceback.print_exc()
    finally:
        os._exit(status)
