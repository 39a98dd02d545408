"""How the two exports of a comparison are read and matched (``pairing.py``): in one process, with the scans'
second processes, or the old export held in a process of its own; every way gives the same comparison."""

from __future__ import annotations

import functools
import os
import queue
import signal
import sys
import tempfile
import time
from array import array
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path

import pytest

from analyzer import holder as holding
from analyzer import pairing, parallel, pieces, read
from analyzer.compare import compare
from analyzer.errors import AnalyzerError, ArchiveError
from analyzer.identity import Records
from analyzer.pipeline import ScanOptions
from analyzer.read import Irregular, Table
from tests.render.test_compare_render import MAPPING, PAIRS

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the forked ways are Linux's")


@functools.cache  # a frozen Comparison: shared by the tests
def in_one_process(name: str):
    old, new, opted = PAIRS[name]
    return compare(old, new, MAPPING, ScanOptions(opted_out_on=opted, workers=1))


@pytest.mark.parametrize("name", ["later", "basic"])  # basic: datasets only the old export has
def test_the_old_export_held_in_a_process_of_its_own_gives_the_same_comparison(name, monkeypatch):
    sent: list[str] = []
    held = pairing._held
    monkeypatch.setattr(pairing, "_held", lambda *a: sent.append("held") or held(*a))
    old, new, opted = PAIRS[name]
    forked = compare(old, new, MAPPING, ScanOptions(opted_out_on=opted, workers=2))  # both scans forked too
    expected = in_one_process(name)
    assert sent == ["held"]
    assert replace(forked, generated_at=expected.generated_at) == expected
    assert any(d.only_new for d in expected.datasets) and any(d.only_old for d in expected.datasets)


def test_matched_in_the_new_scan_s_second_process_the_comparison_is_the_same(monkeypatch):
    """A small old export is not held, but a large new one is scanned in two processes: the datasets the second
    one reads are matched there, against the old records it was forked with."""
    expected = in_one_process("later")
    monkeypatch.setattr(pairing, "HELD_FROM", 1 << 62)
    monkeypatch.setattr(parallel, "PARALLEL_BYTES", 0)
    here: list[str] = []  # the datasets matched in this process (the second process's list is its own)
    matcher = pairing.matcher

    def counting(old, options):
        match = matcher(old, options)
        return lambda name, records, start: here.append(name) or match(name, records, start)

    monkeypatch.setattr(pairing, "matcher", counting)
    old, new, opted = PAIRS["later"]
    both = compare(old, new, MAPPING, ScanOptions(opted_out_on=opted))
    assert replace(both, generated_at=expected.generated_at) == expected
    assert 0 < len(here) < len([d for d in expected.datasets if d.new_records])


@pytest.mark.parametrize("which", ["old", "new"])
def test_an_unreadable_export_says_why_when_the_old_one_is_held(tmp_path, which):
    bad = tmp_path / "Complete_LinkedInDataExport_01-01-2026.zip"
    bad.write_bytes(b"PK\x03\x04 this is no zip")
    old, new, _ = PAIRS["later"]
    args = (bad, new) if which == "old" else (old, bad)
    with pytest.raises(ArchiveError, match=bad.name):
        compare(*args, MAPPING, ScanOptions(workers=2))


def test_a_holder_that_dies_is_an_error_the_member_can_read_not_a_wait(monkeypatch):
    start = pairing._start

    def dying(options):  # the holder killed once it is ready (the OOM killer, say)
        holder = start(options)
        assert holder.answers.poll(30)  # its first word, left for the comparison to read
        holder.process.kill()
        return holder

    monkeypatch.setattr(pairing, "_start", dying)
    old, new, _ = PAIRS["later"]
    with pytest.raises(AnalyzerError) as raised:
        compare(old, new, MAPPING, ScanOptions(workers=2))
    assert raised.value.lines("en") == [
        "The process that compares the two exports ended unexpectedly (exit code -9); nothing was written. If the "
        "computer ran out of memory, close other programs and try again."
    ]
    assert raised.value.lines("de")[0].startswith("Der Prozess, der die beiden Exporte vergleicht, wurde unerwartet")


def test_a_holder_that_cannot_start_leaves_the_pair_to_one_process(monkeypatch):
    """It ended before its first word (it could not import what it runs): the same comparison, in one process."""
    monkeypatch.setattr(pairing, "_HOLDER", "raise SystemExit(3)")
    expected = in_one_process("later")
    old, new, opted = PAIRS["later"]
    got = compare(old, new, MAPPING, ScanOptions(opted_out_on=opted, workers=2))
    assert replace(got, generated_at=expected.generated_at) == expected


def test_the_holder_imports_nothing_from_the_current_folder(tmp_path, monkeypatch):
    """``python -c`` would put the current folder first on its path: a ``queue.py`` there would run in it."""
    marker = tmp_path / "ran"
    (tmp_path / "queue.py").write_text(f"open({str(marker)!r}, 'w').close()\nraise ImportError('not the stdlib')\n")
    monkeypatch.chdir(tmp_path)
    expected = in_one_process("later")
    old, new, opted = PAIRS["later"]
    held = compare(old, new, MAPPING, ScanOptions(opted_out_on=opted, workers=2))
    assert replace(held, generated_at=expected.generated_at) == expected
    assert not marker.exists()


def _killed_while_it_sends() -> None:
    """A comparison whose scan's second process is killed halfway through a message, after which this process
    sends more than a pipe holds (as a large dataset does); in a process of its own, so that the test fails,
    rather than hangs, if the comparison waits forever."""
    main, send, dead = os.getpid(), pairing._send, Path(tempfile.mkdtemp()) / "dead"
    filled = []

    def dying(connection, about, records):
        if os.getpid() != main:
            dead.touch()
            os.write(connection.fileno(), b"\x00\x00\x10\x00half a message")
            os.kill(os.getpid(), signal.SIGKILL)
        elif not filled:
            filled.append(True)
            deadline = time.monotonic() + 20
            while not dead.exists() and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(0.2)  # killed by now
            size = 400_000  # 6.4 MB
            filler = Records(array("q", bytes(8 * size)), array("i", bytes(4 * size)), array("i", bytes(4 * size)))
            send(connection, ("piece", "old", "\0filler", 0), filler)
        return send(connection, about, records)

    pairing._send = dying
    old, new, _ = PAIRS["later"]
    try:
        compare(old, new, MAPPING, ScanOptions(workers=2))
    except BrokenProcessPool:
        os._exit(0 if filled and dead.exists() else 2)
    os._exit(1)


def test_a_scan_process_killed_while_it_sends_stops_the_comparison():
    import multiprocessing

    process = multiprocessing.get_context("fork").Process(target=_killed_while_it_sends)
    process.start()
    process.join(60)
    if process.is_alive():
        process.kill()
        process.join()
    assert process.exitcode == 0  # it ended, with the broken scan's error


def _end(side: str, name: str, *digests: int) -> tuple[int, tuple, Records]:
    records = Records(array("q", digests), array("i", [0] * len(digests)), array("i", [0] * len(digests)))
    return 0, ("end", side, name, (None, []), records.mark, [len(digests)] * 3), records


def test_the_holder_puts_the_old_export_s_datasets_first_however_its_pipes_arrive():
    """Its two pipes are read by a thread each: the new scan's second process may be read before the old
    export's last datasets from this process (pipe 0); each pipe's OLD_DONE comes after all the old export's
    records it carries."""
    incoming, ended = queue.SimpleQueue(), queue.SimpleQueue()
    second = [(1, *_end("new", "B", 5)[1:]), (1, pairing.OLD_DONE, None), (1, *_end("new", "A", 1)[1:])]
    for item in [
        second[0],
        _end("old", "A", 1),
        second[1],
        second[2],
        _end("old", "B", 5),
        (0, pairing.OLD_DONE, None),
    ]:
        incoming.put(item)
    incoming.put((0, None, None))
    incoming.put((1, None, None))
    holding._gather(incoming, ended)
    order = []
    while (item := ended.get()) is not None:
        order.append(item[:2])
    assert sorted(order[:2]) == [("old", "A"), ("old", "B")] and sorted(order[2:]) == [("new", "A"), ("new", "B")]


def test_an_error_in_the_holder_is_raised_here(monkeypatch):
    start = pairing._start

    def garbled(options):  # a message the holder cannot read
        holder = start(options)
        holder.main.send(("piece",))
        return holder

    monkeypatch.setattr(pairing, "_start", garbled)
    old, new, _ = PAIRS["later"]
    with pytest.raises(ValueError, match="not enough values to unpack"):
        compare(old, new, MAPPING, ScanOptions(workers=2))


def test_the_holder_is_a_small_python_of_its_own_running_this_package(monkeypatch):
    """Not a fork of this process (whose imported modules would count in its size): this package's ``serve``,
    in the Python this process runs."""
    started = []
    start = pairing._start
    monkeypatch.setattr(pairing, "_start", lambda options: started.append(start(options)) or started[-1])
    expected = in_one_process("later")
    old, new, opted = PAIRS["later"]
    held = compare(old, new, MAPPING, ScanOptions(opted_out_on=opted, workers=2))
    assert replace(held, generated_at=expected.generated_at) == expected
    holder = started[0].process
    assert holder.returncode == 0 and holder.args[:3] == [sys.executable, "-P", "-c"] and "serve" in holder.args[3]
    assert holder.args[4] == str(Path(pairing.__file__).resolve().parent.parent)


def test_an_interrupted_comparison_leaves_no_process_behind(monkeypatch):
    import multiprocessing

    scans = []
    scan = pairing.scan_handing

    def interrupted(*args):
        scans.append(args[0])
        if len(scans) == 2:  # Ctrl-C while the new export is read, the old one's records held
            raise KeyboardInterrupt
        return scan(*args)

    monkeypatch.setattr(pairing, "scan_handing", interrupted)
    started = []
    start = pairing._start
    monkeypatch.setattr(pairing, "_start", lambda options: started.append(start(options)) or started[-1])
    old, new, _ = PAIRS["later"]
    with pytest.raises(KeyboardInterrupt):
        compare(old, new, MAPPING, ScanOptions(workers=2))
    assert scans == [old, new]
    assert multiprocessing.active_children() == []  # the scans' second processes
    (holder,) = started
    assert holder.process.returncode == -9  # killed and waited for
    assert holder.main.closed and holder.second.closed and holder.answers.closed


def test_held_a_scan_gives_back_what_each_large_dataset_took_and_compares_the_same(monkeypatch):
    expected = in_one_process("later")  # first: made (and trimmed after) here when no earlier test made it
    trims: list[bool] = []
    trim = pairing.trim
    monkeypatch.setattr(pairing, "RELEASE_FROM", 0)  # every dataset counts as large
    monkeypatch.setattr(pairing, "trim", lambda collect=True: trims.append(collect) or trim(collect))
    old, new, opted = PAIRS["later"]
    forked = compare(old, new, MAPPING, ScanOptions(opted_out_on=opted, workers=2))
    assert replace(forked, generated_at=expected.generated_at) == expected
    assert trims.count(False) >= 2 and trims.count(True) == 1  # after datasets of both scans; once between them


def test_the_old_export_is_identified_without_its_days_which_nothing_splits(monkeypatch):
    """The old export's records are kept without their days (only the new export's are split, by the opt-out and
    by the old export's date): its scan does not work them out, and the comparison is what it is with them."""
    old, new, opted = PAIRS["later"]
    days: dict[bool, list[int]] = {}
    compacted = pairing.compacted

    def counting(name, records, start):  # what the old scan made, before it is compacted
        days.setdefault(any(records.days), []).append(len(records))
        return compacted(name, records, start)

    monkeypatch.setattr(pairing, "compacted", counting)
    without = compare(old, new, MAPPING, ScanOptions(opted_out_on=opted, workers=1))
    assert list(days) == [False] and sum(days[False]) > 0
    monkeypatch.setattr(pairing, "_old", lambda options: options)  # the old scan as the new one is done
    days.clear()
    with_days = compare(old, new, MAPPING, ScanOptions(opted_out_on=opted, workers=1))
    assert days[True]
    assert replace(without, generated_at=with_days.generated_at) == with_days
    assert any(d.new_after_opt_out for d in with_days.datasets)  # the new export's days are there


def _sent_kinds(monkeypatch) -> list[str]:
    """What this process sends the holder (``piece``, ``end``), in order; the second process's list is its own."""
    kinds: list[str] = []
    send = pairing._send
    monkeypatch.setattr(
        pairing, "_send", lambda connection, about, records: kinds.append(about[0]) or send(connection, about, records)
    )
    return kinds


def test_held_a_file_s_records_go_ahead_in_pieces_while_it_is_read_and_compare_the_same(monkeypatch):
    expected = in_one_process("later")
    monkeypatch.setattr(pieces, "PIECE", 2)  # a piece every other record
    kinds = _sent_kinds(monkeypatch)
    old, new, opted = PAIRS["later"]
    forked = compare(old, new, MAPPING, ScanOptions(opted_out_on=opted, workers=2))
    assert replace(forked, generated_at=expected.generated_at) == expected
    assert kinds.count("piece") > 10 and "end" in kinds


def _given_back_after_one_batch(table: Table) -> Table:
    """``table``, its fast reader giving the file back (Irregular) after its first batch, as a file whose
    trouble lies further on does."""

    def columns(batches):
        try:
            for batch in batches:
                yield batch
                raise Irregular("given back after its first batch (test)")
        finally:
            batches.close()

    if table.fast_columns is not None:
        table.fast_columns = columns(table.fast_columns)
    return table


def test_held_the_pieces_of_a_file_the_fast_reader_gives_back_midway_are_dropped(monkeypatch):
    """A file handed to the dialect reader midway is read again from its start: the pieces that went ahead
    while the fast reader read it must not count, or its first records would count twice."""
    pytest.importorskip("pyarrow")
    expected = in_one_process("later")
    opened = read.open_table
    given_back: list[str] = []

    def open_table(member, fmt, repairs, fast=False):
        table = opened(member, fmt, repairs, fast)
        given_back.extend([member.path] if table.fast else [])
        return _given_back_after_one_batch(table)

    monkeypatch.setattr(read, "open_table", open_table)
    monkeypatch.setattr(pieces, "PIECE", 1)  # every batch goes ahead
    kinds = _sent_kinds(monkeypatch)
    old, new, opted = PAIRS["later"]
    options = ScanOptions(opted_out_on=opted, workers=2, fast_from=0, fast_total=0)  # pyarrow offered every CSV file
    forked = compare(old, new, MAPPING, options)
    assert replace(forked, generated_at=expected.generated_at) == expected
    assert given_back and kinds.count("piece") > len(given_back)


@pytest.mark.parametrize("why", ["no executable", "cannot start"])
def test_without_a_python_to_start_the_holder_the_pair_is_compared_in_one_process(why, monkeypatch):
    def refused(*args, **kwargs):
        raise PermissionError("not allowed here")

    if why == "no executable":
        monkeypatch.setattr(sys, "executable", "")
    else:
        monkeypatch.setattr(pairing.subprocess, "Popen", refused)
    held: list[str] = []
    monkeypatch.setattr(pairing, "_held", lambda *a: held.append("held"))
    open_before = len(os.listdir("/proc/self/fd"))
    expected = in_one_process("later")
    old, new, opted = PAIRS["later"]
    got = compare(old, new, MAPPING, ScanOptions(opted_out_on=opted, workers=2))
    assert held == [] and replace(got, generated_at=expected.generated_at) == expected
    assert len(os.listdir("/proc/self/fd")) == open_before  # the pipes it had made are closed


def test_the_holder_takes_the_old_export_first_however_its_pipes_are_read(tmp_path, monkeypatch):
    """The holder reads two pipes: the new scan's second process may have sent a dataset's end on one while the
    old export's copy of it still waits on the other. Each new dataset must be matched only once the old
    export's are all there, or records in both would count as new. (Without that, about one run in two from
    another folder went wrong: the order depends on timing, hence the several runs.)"""
    monkeypatch.chdir(tmp_path)
    expected = in_one_process("later")
    old, new, opted = PAIRS["later"]
    for _ in range(5):
        held = compare(old, new, MAPPING, ScanOptions(opted_out_on=opted, workers=2))
        assert replace(held, generated_at=expected.generated_at) == expected
