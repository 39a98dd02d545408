"""The holder of a large comparison (``pairing.py``): a Python of its own that keeps the old export's records
and matches the new one's against them, each dataset as soon as it is read. It imports only what that needs
(22 MB; a fork of the command would count its 45 MB), reads a pipe from each scanning process in a thread of
its own, gathers the pieces of the files being read (``pieces.py``) and puts every dataset of the old export
before any of the new one's; its main thread keeps and matches them, and sends the figures (or its error)
back."""

from __future__ import annotations

import contextlib
import gc
from array import array
from datetime import date
from typing import Any

from analyzer import parallel, pieces
from analyzer.identity import Records
from analyzer.matching import Matched
from analyzer.pairing import OLD_DONE, RELEASE_FROM, compacted, matcher, trim, with_old_only
from analyzer.pipeline import ScanOptions


def serve(parent: int, main: int, second: int, answers: int) -> None:
    """The holder's process (``pairing._start``): it ends with ``parent``, however that ends."""
    from multiprocessing.connection import Connection

    parallel.die_with(parent)
    gc.disable()  # as in the scans' processes
    with Connection(answers, readable=False) as sending:
        sending.send(("ready", None))
        with Connection(main, writable=False) as first, Connection(second, writable=False) as other:
            _hold(ScanOptions(opted_out_on=first.recv()), (first, other), sending)


_M_MMAP_THRESHOLD = -3


def _mapped_from(size: int) -> None:
    """Blocks of ``size`` bytes and more are mapped on their own, so that each is given back when freed (glibc's
    threshold rises as large blocks are freed, and later ones then fragment the heap)."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):  # not glibc
        ctypes.CDLL(None).mallopt(_M_MMAP_THRESHOLD, size)


def _received(connection: Any, message: tuple[Any, ...]) -> Records:
    """The records ``pairing._send`` sent after ``message``, read straight into their arrays."""
    *_, mark, sizes = message
    parts = []
    for code, size in zip("qii", sizes, strict=True):
        part = array(code, [0]) * size
        if size:
            connection.recv_bytes_into(part)
        parts.append(part)
    return Records(parts[0], parts[1], parts[2], mark)


Ended = tuple[str, str, date | None, Records]  # a dataset's side, name, policy start and records


def _hold(options: ScanOptions, inboxes: tuple[Any, Any], outbox: Any) -> None:
    """The holder: each dataset's records, gathered as they come (``_gather``), kept at its end where they are
    the old export's (compacted) or matched against them where they are the new one's; then the figures. A
    thread reads each pipe (``_read``): a half message on one (its process killed) stops neither the other
    pipe nor the process writing to it."""
    import queue
    import threading

    try:
        _mapped_from(1 << 20)
        records: dict[str, Records] = {}
        matching = matcher(records, options)
        matched: dict[str, Matched] = {}
        incoming: queue.SimpleQueue[Incoming] = queue.SimpleQueue()
        ended: queue.SimpleQueue[Ended | BaseException | None] = queue.SimpleQueue()
        for source, inbox in enumerate(inboxes):
            threading.Thread(target=_read, args=(inbox, source, incoming), daemon=True).start()
        threading.Thread(target=_gather, args=(incoming, ended), daemon=True).start()
        while (item := ended.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            side, name, start, got = item
            if side == "old":
                records[name] = compacted(name, got, start)
            else:
                matched[name] = matching(name, got, start)
                if len(got) >= RELEASE_FROM:  # what matching it took, given back before the next
                    trim(collect=False)
        outbox.send(("done", with_old_only(matched, records, options)))
    except BaseException as error:
        outbox.send(("error", error))


Incoming = tuple[int, Any, Records | None]  # the pipe, its message (or word, or error) and its records


def _read(inbox: Any, source: int, incoming: Any) -> None:
    """The holder's thread for one pipe: each message with its records, whole, on ``incoming``, until None."""
    try:
        while (message := inbox.recv()) is not None:
            incoming.put((source, message, _received(inbox, message) if isinstance(message, tuple) else None))
        incoming.put((source, None, None))
    except BaseException as error:
        incoming.put((source, error, None))


def _gather(incoming: Any, ended: Any) -> None:
    """Gather each dataset's pieces as they come, from either pipe, and put its records on ``ended`` at its end
    (None after the last). While the holder matches a dataset, the scans go on sending: none waits for a match
    to end (the matching is mostly Arrow's C++, which lets the reading threads run).

    Every dataset of the old export is put before any of the new one's: a new dataset's end waits until both
    pipes have said ``OLD_DONE`` (this process says it on both once the old scan's second process has ended,
    after all it sent), and the pipes' words keep their order."""
    try:
        gathered = pieces.Gathered()
        waiting: list[Ended] = []  # the new export's, read before the old one's were all there
        old_done: set[int] = set()  # the pipes that said OLD_DONE
        finished: set[int] = set()
        while len(finished) < 2:
            source, message, got = incoming.get()
            if isinstance(message, BaseException):
                raise message
            if message is None:
                finished.add(source)
            elif message == OLD_DONE:
                old_done.add(source)
                if len(old_done) == 2:
                    for early in waiting:
                        ended.put(early)
                    waiting.clear()
            else:
                kind, side, name, about, *_ = message
                days = side == "new"  # the old export's are not kept (``_old``)
                if kind == "piece":
                    gathered.add((side, name), about, got, days)
                    continue
                start, got.sent = about
                whole: Ended = (side, name, start, gathered.whole((side, name), got, days))
                if side == "new" and len(old_done) < 2:
                    waiting.append(whole)
                else:
                    ended.put(whole)
        ended.put(None)
    except BaseException as error:
        ended.put(error)
