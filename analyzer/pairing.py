"""Read the two exports of a comparison and match their records, each dataset as soon as the new export's copy
of it is read: read_both(old, new, mapping, options, progress) → (old report, new report, matched per dataset).

- **In one process** (a typical pair): the old export is scanned and its records kept (compacted: digests and
  words, no days); the new one is scanned next, and each of its datasets is matched against them in the process
  that read it (the scan's second process too, which is forked with them). Only the figures cross processes.
- **Held** (a large pair, on Linux): a Python of its own, started before anything is read and importing only
  what matching needs, holds the records. Both exports are scanned here, as ``scan`` does, and their records
  are sent to it as they are read, a large file's in pieces (``pieces.py``): the old export's are kept
  (compacted), the new export's matched at its dataset's end and dropped. No scanning process piles up
  records or has them pickled back at its end, and none is forked with the old records: no fork counts them
  twice.
"""

from __future__ import annotations

import contextlib
import gc
import os
import subprocess
import sys
from array import array
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analyzer import parallel, pieces
from analyzer.identity import Records
from analyzer.mapping import Mapping
from analyzer.matching import Matched, match
from analyzer.model import Report
from analyzer.pipeline import ScanOptions, scan_handing
from analyzer.progress import Progress
from analyzer.read import arrow

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

#: An old export of at least this many bytes (the ZIP, or a folder's files) is held in a process of its own.
HELD_FROM = 8 * 1024 * 1024
#: Below this many records a scan frees too little for handing it back to pay (a full garbage collection costs
#: 50-300 ms in a large process).
RELEASE_FROM = 100_000

Both = tuple[Report, Report, dict[str, Matched]]


def read_both(
    old: str | Path, new: str | Path, mapping: Mapping, options: ScanOptions, progress: Progress | None
) -> Both:
    """Both exports scanned (``options.keys`` set), and their records matched per dataset."""
    if sys.platform.startswith("linux") and options.workers != 1 and (options.workers >= 2 or _size(old) >= HELD_FROM):
        holder = _start(options)
        if holder is not None:  # else (no Python to start it with) in one process: the same figures, more memory
            return _held(holder, old, new, mapping, options, progress)
    old_report, records = scan_handing(old, mapping, _old(options), half(progress, 0), _compacted)
    release(records)
    new_report, matched = scan_handing(new, mapping, options, half(progress, 1), _matcher(records, options))
    return old_report, new_report, _rest(matched, records, options)


def _old(options: ScanOptions) -> ScanOptions:
    """How the old export is scanned: its records without their days (nothing of it is split by day)."""
    return replace(options, record_days=False)


def _compacted(name: str, records: Records, start: date | None) -> Records:
    """The old export's records as they are held: what matching needs of them."""
    records.compact(days=False)
    return records


def _matcher(old: dict[str, Records], options: ScanOptions) -> Callable[[str, Records, date | None], Matched]:
    """Match a dataset of the new export against the old one's, which are dropped once matched."""

    def matched(name: str, records: Records, start: date | None) -> Matched:
        before = old.pop(name, None) or Records(mark=records.mark)  # none: made here, with no digest
        if before.mark != records.mark:
            raise RuntimeError("the two scans hashed with different keys: run them in one process or forked ones")
        return match(before, records, options.opted_out_on, start)

    return matched


def _rest(matched: dict[str, Matched], old: dict[str, Records], options: ScanOptions) -> dict[str, Matched]:
    """``matched``, and the datasets only the old export has (all its records only in it)."""
    for name, records in old.items():
        if name not in matched:
            matched[name] = match(records, Records(), options.opted_out_on, None)
    return matched


def half(progress: Progress | None, which: int) -> Progress | None:
    """Progress of one of the two scans as half of the whole bar."""
    if progress is None:
        return None
    return lambda name, done, total: progress(name, which * total + done, 2 * total)


def release(records: dict[str, Records]) -> None:
    """Hand what a large scan freed back to the system: a scan's second process is forked from this one, and a
    fork's resident pages count for both (glibc's malloc_trim; pyarrow's pool)."""
    if sum(len(r) for r in records.values()) >= RELEASE_FROM:
        trim()


def trim(collect: bool = True) -> None:
    """``release``, whatever the scan's size; ``collect``: a full garbage collection first. A scan's process that
    trims after handing each large dataset's records over peaks lower (heavy pair, bench's count, 3 interleaved
    runs: 326 -> 309 MB)."""
    import ctypes
    import gc

    if collect:
        gc.collect()
    if "pyarrow" in sys.modules:  # a scan read with it (its pool holds what it freed); never imported for this
        loaded = arrow.arrow()
        if loaded is not None:
            loaded[0].default_memory_pool().release_unused()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to trim
        ctypes.CDLL(None).malloc_trim(0)


def _size(path: str | Path) -> int:
    """The bytes of an export: its ZIP, or the files of its folder."""
    try:
        path = Path(path)
        if path.is_file():
            return path.stat().st_size
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    except OSError:
        return 0


Holder = tuple["subprocess.Popen[bytes]", "Connection", "Connection"]  # the process, the pipes to and from it


def _held(
    holder_and_pipes: Holder,
    old: str | Path,
    new: str | Path,
    mapping: Mapping,
    options: ScanOptions,
    progress: Progress | None,
) -> Both:
    """Both exports scanned here (each as ``scan`` does), every dataset's records sent to the holder as soon as
    they are read (from a scan's second process too: one pipe, each message sent whole under a lock)."""
    import multiprocessing

    lock = multiprocessing.get_context("fork").Lock()
    holder, to_holder, from_holder = holder_and_pipes

    def sender(side: str) -> Callable[[str, Records, date | None], None]:
        def send(name: str, records: Records, start: date | None) -> None:
            records.compact(days=side == "new")
            with lock:
                _send(to_holder, ("end", side, name, (start, records.sent)), records)
            if records.sent or len(records) >= RELEASE_FROM:  # what reading it took, given back before the next
                trim(collect=False)

        return send

    def ahead(side: str) -> pieces.Ahead:
        def send(name: str, part: int, records: Records) -> None:
            with lock:
                _send(to_holder, ("piece", side, name, part), records)

        return send

    try:
        old_report = scan_handing(old, mapping, _old(options), half(progress, 0), sender("old"), ahead("old"))[0]
        trim()  # the new scan's second process is forked from this one
        new_report = scan_handing(new, mapping, options, half(progress, 1), sender("new"), ahead("new"))[0]
        to_holder.send(None)
        matched = _answer(from_holder, holder)
    except BrokenPipeError:  # the holder stopped: its error, if it said one
        _answer(from_holder, holder)
        raise
    except BaseException:
        holder.kill()
        raise
    finally:
        holder.wait()
        to_holder.close()
        from_holder.close()
    return old_report, new_report, matched


#: The holder's Python: ``serve`` from the package this process runs (argv: its folder, this process, the pipes).
_HOLDER = (
    "import sys; sys.path.insert(0, sys.argv[1]); from analyzer.pairing import serve; serve(*map(int, sys.argv[2:]))"
)


def _start(options: ScanOptions) -> Holder | None:
    """The holder, started, with the pipe to it and the one from it; None where no Python can be started (an
    embedded one without ``sys.executable``). It is a Python of its own, not a fork: a fork would count the
    modules this process has imported by then (45 MB; the holder needs 22 MB of them). It needs of the options
    only the opt-out date."""
    from multiprocessing.connection import Connection

    inbox, to_holder = os.pipe()
    from_holder, outbox = os.pipe()
    package = str(Path(__file__).resolve().parent.parent)
    argv = [sys.executable, "-c", _HOLDER, package, str(os.getpid()), str(inbox), str(outbox)]
    try:
        if not sys.executable:
            raise FileNotFoundError("no Python to start")
        quiet = subprocess.DEVNULL  # what it has to say comes through the pipe; a traceback would reach no one
        holder = subprocess.Popen(argv, stdin=quiet, stdout=quiet, stderr=quiet, pass_fds=(inbox, outbox))
    except BaseException as error:
        os.close(to_holder)
        os.close(from_holder)
        if isinstance(error, OSError):
            return None
        raise
    finally:  # its ends: only it holds them, so that its end is the pipe's
        os.close(inbox)
        os.close(outbox)
    sending = Connection(to_holder, readable=False)
    sending.send(options.opted_out_on)
    return holder, sending, Connection(from_holder, writable=False)


def serve(parent: int, inbox: int, outbox: int) -> None:
    """The holder's process (``_start``): it ends with ``parent``, however that ends."""
    from multiprocessing.connection import Connection

    parallel.die_with(parent)
    gc.disable()  # as in the scans' processes
    with Connection(inbox, writable=False) as receiving, Connection(outbox, readable=False) as sending:
        _hold(ScanOptions(opted_out_on=receiving.recv()), receiving, sending)


def _answer(connection: Connection, holder: subprocess.Popen[bytes]) -> dict[str, Matched]:
    """The holder's figures; its error raised here."""
    try:
        kind, value = connection.recv()
    except EOFError:  # it ended without a word
        raise RuntimeError(f"the process matching the exports ended unexpectedly (exit code {holder.wait()})") from None
    if kind == "error":
        raise value
    assert isinstance(value, dict)
    return value


_M_MMAP_THRESHOLD = -3


def _mapped_from(size: int) -> None:
    """Blocks of ``size`` bytes and more are mapped on their own, so that each is given back when freed (glibc's
    threshold rises as large blocks are freed, and later ones then fragment the heap)."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):  # not glibc
        ctypes.CDLL(None).mallopt(_M_MMAP_THRESHOLD, size)


def _send(connection: Any, about: tuple[Any, ...], records: Records) -> None:
    """``about`` some records of a dataset and the records, their arrays sent as they are (pickling would copy
    them)."""
    parts = (records.digests, records.days, records.words)
    connection.send((*about, records.mark, [len(p) for p in parts]))
    for part in parts:
        if len(part):
            connection.send_bytes(part)


def _received(connection: Any, message: tuple[Any, ...]) -> Records:
    """The records ``_send`` sent after ``message``, read straight into their arrays."""
    *_, mark, sizes = message
    parts = []
    for code, size in zip("qii", sizes, strict=True):
        part = array(code, [0]) * size
        if size:
            connection.recv_bytes_into(part)
        parts.append(part)
    return Records(parts[0], parts[1], parts[2], mark)


Ended = tuple[str, str, date | None, Records]  # a dataset's side, name, policy start and records


def _hold(options: ScanOptions, inbox: Any, outbox: Any) -> None:
    """The holder: each dataset's records, gathered as they come (``_gather``), kept at its end where they are
    the old export's (compacted) or matched against them where they are the new one's; then the figures."""
    import queue
    import threading

    try:
        _mapped_from(1 << 20)
        records: dict[str, Records] = {}
        matching = _matcher(records, options)
        matched: dict[str, Matched] = {}
        ended: queue.SimpleQueue[Ended | BaseException | None] = queue.SimpleQueue()
        threading.Thread(target=_gather, args=(inbox, ended), daemon=True).start()
        while (item := ended.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            side, name, start, got = item
            if side == "old":
                records[name] = _compacted(name, got, start)
            else:
                matched[name] = matching(name, got, start)
                if len(got) >= RELEASE_FROM:  # what matching it took, given back before the next
                    trim(collect=False)
        outbox.send(("done", _rest(matched, records, options)))
    except BaseException as error:
        outbox.send(("error", error))


def _gather(inbox: Any, ended: Any) -> None:
    """The holder's reading thread: gather each dataset's pieces as they come, and put its records on ``ended``
    at its end (None after the last). While the holder matches a dataset, the scans go on sending: none waits
    for a match to end (the matching is mostly Arrow's C++, which lets this thread run)."""
    try:
        gathered = pieces.Gathered()
        while (message := inbox.recv()) is not None:
            (kind, side, name, about, *_), got = message, _received(inbox, message)
            days = side == "new"  # the old export's are not kept (``_old``)
            if kind == "piece":
                gathered.add((side, name), about, got, days)
                continue
            start, got.sent = about
            ended.put((side, name, start, gathered.whole((side, name), got, days)))
        ended.put(None)
    except BaseException as error:
        ended.put(error)
