"""Read the two exports of a comparison and match their records, each dataset as soon as the new export's copy
of it is read: read_both(old, new, mapping, options, progress) → (old report, new report, matched per dataset).

- **In one process** (a typical pair): the old export is scanned and its records kept (compacted: digests and
  words, no days); the new one is scanned next, and each of its datasets is matched against them in the process
  that read it (the scan's second process too, which is forked with them). Only the figures cross processes.
- **Held** (a large pair, on Linux): a Python of its own (``holder.py``), started before anything is read and
  importing only what matching needs, holds the records. Both exports are scanned here, as ``scan`` does, and
  their records are sent to it as they are read (each scanning process on a pipe of its own), a large file's
  in pieces (``pieces.py``): the old export's are kept
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
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analyzer import pieces
from analyzer.errors import AnalyzerError
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
#: What this process tells the holder on both pipes once the old scan (and its second process) has ended.
OLD_DONE = "old done"


def read_both(
    old: str | Path, new: str | Path, mapping: Mapping, options: ScanOptions, progress: Progress | None
) -> Both:
    """Both exports scanned (``options.keys`` set), and their records matched per dataset."""
    if sys.platform.startswith("linux") and options.workers != 1 and (options.workers >= 2 or _size(old) >= HELD_FROM):
        holder = _start(options)
        if holder is not None:  # else (no Python to start it with) in one process: the same figures, more memory
            with contextlib.suppress(_NotStarted):  # it could not import what it runs: so too
                return _held(holder, old, new, mapping, options, progress)
    old_report, records = scan_handing(old, mapping, _old(options), half(progress, 0), compacted)
    release(records)
    new_report, matched = scan_handing(new, mapping, options, half(progress, 1), matcher(records, options))
    return old_report, new_report, with_old_only(matched, records, options)


def _old(options: ScanOptions) -> ScanOptions:
    """How the old export is scanned: its records without their days (nothing of it is split by day)."""
    return replace(options, record_days=False)


def compacted(name: str, records: Records, start: date | None) -> Records:
    """The old export's records as they are held: what matching needs of them."""
    records.compact(days=False)
    return records


def matcher(old: dict[str, Records], options: ScanOptions) -> Callable[[str, Records, date | None], Matched]:
    """Match a dataset of the new export against the old one's, which are dropped once matched."""

    def matched(name: str, records: Records, start: date | None) -> Matched:
        before = old.pop(name, None) or Records(mark=records.mark)  # none: made here, with no digest
        before.check_key(records)
        return match(before, records, options.opted_out_on, start)

    return matched


def with_old_only(matched: dict[str, Matched], old: dict[str, Records], options: ScanOptions) -> dict[str, Matched]:
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


class _NotStarted(Exception):
    """The holder ended before it could take anything (it could not import what it runs)."""


@dataclass
class _Holder:
    """The holder's process and its pipes: one from this process, one from the scans' second processes (one at a
    time: each scan's ends before the next starts), so that a process killed while it writes (the OOM killer)
    cannot leave a lock held, and one back."""

    process: subprocess.Popen[bytes]
    main: Connection
    second: Connection
    answers: Connection
    owner: int = field(default_factory=os.getpid)

    def pipe(self) -> Connection:
        return self.main if os.getpid() == self.owner else self.second

    def says(self, word: str | None) -> None:
        """A word on both pipes: on the second, after all its process sent (it has ended)."""
        self.main.send(word)
        self.second.send(word)

    def close(self) -> None:
        for connection in (self.main, self.second, self.answers):
            connection.close()


def _held(
    holder: _Holder, old: str | Path, new: str | Path, mapping: Mapping, options: ScanOptions, progress: Progress | None
) -> Both:
    """Both exports scanned here (each as ``scan`` does), every dataset's records sent to the holder as they are
    read (each scanning process on its own pipe)."""

    def sender(side: str) -> Callable[[str, Records, date | None], None]:
        def send(name: str, records: Records, start: date | None) -> None:
            records.compact(days=side == "new")
            _send(holder.pipe(), ("end", side, name, (start, records.sent)), records)
            if records.sent or len(records) >= RELEASE_FROM:  # what reading it took, given back before the next
                trim(collect=False)

        return send

    def ahead(side: str) -> pieces.Ahead:
        return lambda name, part, records: _send(holder.pipe(), ("piece", side, name, part), records)

    try:
        old_report = scan_handing(old, mapping, _old(options), half(progress, 0), sender("old"), ahead("old"))[0]
        holder.says(OLD_DONE)  # on both pipes: the old scan's second process has ended, before what it sent
        trim()  # the new scan's second process is forked from this one
        new_report = scan_handing(new, mapping, options, half(progress, 1), sender("new"), ahead("new"))[0]
        holder.says(None)
        matched = _answer(holder)
    except BrokenPipeError:  # the holder stopped: its error, if it said one
        _answer(holder)
        raise
    except BaseException:
        holder.process.kill()
        raise
    finally:
        holder.process.wait()
        holder.close()
    return old_report, new_report, matched


#: The holder's Python: ``holder.serve`` of the package this process runs, never a module of the current folder
#: (``-P``); argv: the package's folder, this process, the pipes.
_HOLDER = (
    "import sys; sys.path.insert(0, sys.argv[1]); from analyzer.holder import serve; serve(*map(int, sys.argv[2:]))"
)


def _start(options: ScanOptions) -> _Holder | None:
    """The holder, started; None where no Python can be started (an embedded one without ``sys.executable``, or
    starting a process refused). It is a Python of its own, not a fork: a fork would count the modules this
    process has imported by then (45 MB; the holder needs 22 MB of them). It needs of the options only the
    opt-out date."""
    from multiprocessing.connection import Connection

    pipes = [os.pipe() for _ in range(3)]  # this process's, the second processes', the answers
    theirs = (pipes[0][0], pipes[1][0], pipes[2][1])
    package = str(Path(__file__).resolve().parent.parent)
    argv = [sys.executable, "-P", "-c", _HOLDER, package, str(os.getpid()), *map(str, theirs)]
    try:
        if not sys.executable:
            raise FileNotFoundError("no Python to start")
        quiet = subprocess.DEVNULL  # what it has to say comes through the pipe; a traceback would reach no one
        process = subprocess.Popen(argv, stdin=quiet, stdout=quiet, stderr=quiet, pass_fds=theirs)
    except BaseException as error:
        for fd in (pipes[0][1], pipes[1][1], pipes[2][0]):
            os.close(fd)
        if isinstance(error, OSError):
            return None
        raise
    finally:  # their ends: only the holder holds them, so that its end is the pipes'
        for fd in theirs:
            os.close(fd)
    holder = _Holder(
        process,
        Connection(pipes[0][1], readable=False),
        Connection(pipes[1][1], readable=False),
        Connection(pipes[2][0], writable=False),
    )
    holder.main.send(options.opted_out_on)
    return holder


def _answer(holder: _Holder) -> dict[str, Matched]:
    """The holder's figures; its error raised here. _NotStarted: it ended before it was ready."""
    ready = False
    while True:
        try:
            kind, value = holder.answers.recv()
        except EOFError:  # it ended without a word
            code = holder.process.wait()
            if not ready:
                raise _NotStarted from None
            raise AnalyzerError.said("err.holder", code=code) from None
        if kind == "ready":
            ready = True
        elif kind == "error":
            raise value
        else:
            assert isinstance(value, dict)
            return value


def _send(connection: Any, about: tuple[Any, ...], records: Records) -> None:
    """``about`` some records of a dataset and the records, their arrays sent as they are (pickling would copy
    them)."""
    parts = (records.digests, records.days, records.words)
    connection.send((*about, records.mark, [len(p) for p in parts]))
    for part in parts:
        if len(part):
            connection.send_bytes(part)
