"""A second process for large archives: when it pays, a shared queue, and the fork that runs it.

The two processes take the next task from one queue, whichever is free first, so they finish
together when the costliest tasks come first. The second process is forked: what it works on is
copied, never pickled; only its results come back.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from analyzer.read.arrow import SPEEDUP

if TYPE_CHECKING:
    from concurrent.futures import Future

# multiprocessing, concurrent.futures and ctypes are imported when a second process is started: a typical
# export never needs them (about 10 ms of every start-up).

T = TypeVar("T")

#: Archives with less than this much data are scanned in one process; starting a second costs more.
PARALLEL_BYTES = 64 * 1024 * 1024


def wanted(tasks: int, total_bytes: int, workers: int) -> bool:
    """Whether a second process pays: Linux (fork), several tasks, several cores and a large archive.
    ``workers``: 0 decides by size, 1 never, 2 always."""
    if tasks < 2 or not sys.platform.startswith("linux") or workers == 1:
        return False
    if workers >= 2:
        return True
    return (os.cpu_count() or 1) > 1 and total_bytes >= PARALLEL_BYTES


def cost(members: Iterable[tuple[int, bool]]) -> float:
    """The relative time one dataset takes, from its members' (bytes, read by pyarrow): bytes, fewer for pyarrow."""
    return sum(size / SPEEDUP if fast else size for size, fast in members)


class Queue:
    """Task numbers 0 … count-1, handed out once each to whichever process asks first."""

    def __init__(self, count: int) -> None:
        import multiprocessing

        self._count = count
        self._cursor: Any = multiprocessing.get_context("fork").Value("i", 0)

    def take(self) -> int | None:
        with self._cursor.get_lock():
            index = self._cursor.value
            self._cursor.value += 1
        return index if index < self._count else None

    def stop(self) -> None:
        """No more tasks for anyone: the other process stops after its current one."""
        with self._cursor.get_lock():
            self._cursor.value = self._count


# What the forked process runs; set just before it starts (fork copies it, nothing is pickled).
_WORK: Callable[[], Any] | None = None
_PR_SET_PDEATHSIG = 1


@contextmanager
def forked(work: Callable[[], T], queue: Queue) -> Iterator[Future[T]]:
    """Run ``work`` in a forked process while the block runs; its result is the future's. If the block
    is interrupted or fails, ``queue`` is stopped and the process is waited for."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORK
    _WORK = work
    executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    try:
        yield executor.submit(_run, os.getpid())
    except BaseException:  # Ctrl-C, SIGTERM, an error: the worker stops now, not after its current task
        queue.stop()
        for worker in list(getattr(executor, "_processes", None) or {}):
            with contextlib.suppress(ProcessLookupError):
                os.kill(worker, signal.SIGKILL)
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        _WORK = None


def _run(parent: int) -> Any:
    assert _WORK is not None
    die_with(parent)
    gc.disable()  # as in the scan; the process ends right after
    return _WORK()


def die_with(parent: int) -> None:
    """The worker is killed when the main process ends, however it ends (even by SIGKILL): Linux's
    PR_SET_PDEATHSIG. SIGTERM and SIGHUP end it at once; the main process cleans up."""
    import ctypes

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the main process ended before the line above
        os._exit(1)
