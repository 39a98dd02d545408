"""The fast (pyarrow) reader gives exactly the figures of the dialect reader, or hands the file back to it;
and it is offered a file only when that pays.

Two processes with the fast reader: test_scan.py; the Comments.csv joins batch by batch:
platforms/linkedin/test_repairs.py; the contact pattern pyarrow looks for: test_contacts.py."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.archive import open_archive
from analyzer.mapping import load_mapping
from analyzer.pipeline import ScanOptions, scan
from analyzer.platforms.linkedin.repairs import REPAIRS
from analyzer.read import arrow as columnar
from analyzer.read import arrow_source, open_table
from analyzer.read.table import Irregular, RowColumns
from analyzer.render.jsonout import report_to_dict
from tests.conftest import PROFILE, SAMPLES

MAPPING = load_mapping()


def read_csv(member, fast: bool = False):
    return open_table(member, "csv", REPAIRS, fast=fast)


#: Examples per property; raise it for a deeper search, e.g. COLUMNAR_EXAMPLES=5000 make test. 60 here (120 for
#: the cheaper properties elsewhere): each example writes and scans an export with both readers, and the suite
#: keeps to its minute; every CI run draws new examples.
EXAMPLES = int(os.environ.get("COLUMNAR_EXAMPLES", "60"))
OPTIONS = {"include_content": True, "show_values": True, "opted_out_on": date(2025, 1, 1), "workers": 1}
MESSAGES = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS",
            "DATE", "SUBJECT", "CONTENT", "FOLDER"]  # fmt: skip
SHARES = ["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"]


_BATCH_INIT, _IRREGULAR_INIT = columnar.ArrowColumns.__init__, Irregular.__init__


class Spy:
    """Counts the batches the fast reader produced and the files it handed back."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.batches = 0
        self.irregular: list[str] = []
        batch_init, irregular_init = _BATCH_INIT, _IRREGULAR_INIT

        def counted_batch(batch_self, batch):  # type: ignore[no-untyped-def]
            self.batches += 1
            batch_init(batch_self, batch)

        def counted_irregular(exc_self, *args):  # type: ignore[no-untyped-def]
            self.irregular.append(str(args[0]) if args else "")
            irregular_init(exc_self, *args)

        monkeypatch.setattr(columnar.ArrowColumns, "__init__", counted_batch)
        monkeypatch.setattr(Irregular, "__init__", counted_irregular)


def both(path: Path, **options) -> tuple[dict, dict]:
    """The JSON report of ``path`` read by the dialect reader only, and with every plain file through pyarrow."""
    options = {**OPTIONS, **options}
    rows = report_to_dict(scan(path, MAPPING, ScanOptions(fast_from=None, **options)))
    fast = report_to_dict(scan(path, MAPPING, ScanOptions(fast_from=0, fast_total=0, **options)))
    rows.pop("generated_at"), fast.pop("generated_at")
    return rows, fast


def both_of(files: dict[str, bytes], **options) -> tuple[dict, dict]:
    """``both`` for an export of these files (and a Profile.csv)."""
    with export(files) as folder:
        return both(Path(folder), **options)


def dataset(report: dict, name: str) -> dict:
    (found,) = [d for d in report["datasets"] if d["name"] == name]  # exactly one
    return found


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_every_sample_gives_the_same_report_with_either_reader(sample, monkeypatch):
    spy = Spy(monkeypatch)
    rows, fast = both(sample)
    assert rows == fast
    assert spy.batches > 0  # the fast reader really read files here
    assert spy.irregular == []  # and needed no help with any of them


def export(files: dict[str, bytes]) -> tempfile.TemporaryDirectory:
    folder = tempfile.TemporaryDirectory()
    for name, data in {"Profile.csv": PROFILE.encode(), **files}.items():
        (Path(folder.name) / name).write_bytes(data)
    return folder


def written(header: list[str], rows: list[list[str]], quoting: int, newline: str, blank_after: set[int]) -> bytes:
    """A CSV file as a proper writer makes it: every cell holding a line break (\\r too) is quoted."""
    lines = []
    for i, row in enumerate([header, *rows]):
        out = io.StringIO()
        csv.writer(out, quoting=quoting, lineterminator="\r\n").writerow(row)
        lines.append(out.getvalue()[:-2] + newline + (newline if i - 1 in blank_after else ""))
    return "".join(lines).encode()


_SPECIAL = ["", " ", "\u3000", "<b>bold</b> text", "a < b", "x > y", "lena@example.org", "+49 30 1234567",
            "DE89 3704 0044 0532 0130 00", "Ä é € 😀", '"quoted"', "one, two", "line\nbreak", "cr\r\nlf", "lone\rcr",
            "tab\there", "\x85next\u2028line\x1c"]  # fmt: skip
_TEXT = st.one_of(
    st.sampled_from(_SPECIAL),
    st.text(alphabet=st.sampled_from([*'ab xÄé€,"\n\r\t<>@+09.-', "\u3000", "\xa0", "\u2028", "😀"]), max_size=24),
)
_DATE = st.sampled_from(["2024-12-16 18:24:37 UTC", "2025-11-03", "2026/01/02 10:00", "1/8/18, 6:14 PM",
                         "16 Dec 2025", "", " ", "not a date", "2025-13-45"])  # fmt: skip
_FROM = st.sampled_from(["Lena Hoffmann", " lena hoffmann ", "LENA HOFFMANN", "Bea Other", "", "İlkay Ünal"])
_WRAPPED = st.tuples(
    st.lists(st.text(alphabet=st.sampled_from(list('ab é"\r')), max_size=8), min_size=2, max_size=4),
    st.sampled_from(["\n", "\r\n", "\r"]),
).map(lambda wrapped: wrapped[1].join(f'"{line}"' for line in wrapped[0]))


@st.composite
def messages_file(draw: st.DrawFn) -> tuple[str, list[str], list[list[str]]]:
    row = st.tuples(_TEXT, _TEXT, _FROM, _TEXT, _TEXT, _TEXT, _DATE, _TEXT, _TEXT, _TEXT).map(list)
    return "messages.csv", MESSAGES, draw(st.lists(row, max_size=25))


@st.composite
def shares_file(draw: st.DrawFn) -> tuple[str, list[str], list[list[str]]]:
    visibility = st.one_of(_TEXT, st.sampled_from(["PUBLIC", "MEMBER_NETWORK", " connections ", "Connections", ""]))
    row = st.tuples(_DATE, _TEXT, st.one_of(_TEXT, _WRAPPED), _TEXT, _TEXT, visibility).map(list)
    return "Shares.csv", SHARES, draw(st.lists(row, max_size=25))


_FILES = st.one_of(messages_file(), shares_file())
_LAYOUT = st.tuples(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]), st.sampled_from(["\n", "\r\n"]),
                    st.sets(st.integers(0, 25), max_size=3))  # fmt: skip


@pytest.mark.slow
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(_FILES, _LAYOUT)
def test_well_formed_files_are_read_alike_and_never_handed_back(monkeypatch, file, layout):
    name, header, records = file
    data = written(header, records, *layout)
    spy = Spy(monkeypatch)
    rows, fast = both_of({name: data})
    assert rows == fast
    assert spy.irregular == []


_DAMAGE = st.sampled_from([b"\0", b"\xff", b"\xc3", b'"', b",", b"\r", b"\n", b"", b"\xef\xbb\xbf"])


@pytest.mark.slow
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(_FILES, _LAYOUT, st.lists(st.tuples(st.floats(0, 1), _DAMAGE, st.booleans()), min_size=1, max_size=3))
def test_damaged_files_give_the_same_figures_whichever_reader_starts(file, layout, damage):
    name, header, records = file
    data = written(header, records, *layout)
    for where, what, replace in damage:  # insert or overwrite bytes somewhere after the header
        start = data.index(b"\n") + 1
        at = start + int(where * (len(data) - start))
        data = data[:at] + what + data[at + (1 if replace else 0) :]
    rows, fast = both_of({name: data})
    assert rows == fast


def messages_csv(records: list[list[str]], newline: str = "\n") -> bytes:
    return written(MESSAGES, records, csv.QUOTE_MINIMAL, newline, set())


def big_messages(count: int) -> list[list[str]]:
    return [[f"conv-{i}", "", "Lena Hoffmann" if i % 3 else "Bea Other", "", "", "", f"2025-{1 + i % 12:02d}-03 10:00:00 UTC",
             "", f"Nachricht {i} mit <b>vier</b> Wörtern", "INBOX"] for i in range(count)]  # fmt: skip


@pytest.mark.parametrize(
    "spoil, reason",
    [
        (lambda rows: rows.__setitem__(1500, ["only", "three", "cells"]), "cells"),
        (lambda rows: rows[1500].__setitem__(8, "NUL \0 here"), "NUL"),
    ],
    ids=["ragged-record", "nul-byte"],
)
def test_a_file_spoilt_after_many_batches_is_read_again_by_the_dialect_reader(monkeypatch, spoil, reason):
    monkeypatch.setattr(columnar, "BLOCK_BYTES", 4096)  # many small batches before the spoilt record
    records = big_messages(2000)
    spoil(records)
    spy = Spy(monkeypatch)
    rows, fast = both_of({"messages.csv": messages_csv(records)})
    assert rows == fast
    assert spy.batches > 10 and len(spy.irregular) == 1
    assert reason in spy.irregular[0]
    assert dataset(fast, "messages.csv")["records"] == 2000


def test_invalid_utf8_late_in_a_file_is_counted_as_the_dialect_reader_counts_it(monkeypatch):
    monkeypatch.setattr(columnar, "BLOCK_BYTES", 4096)
    data = messages_csv(big_messages(1000), "\r\n")
    data = data[:-300] + b"\xff\xfe" + data[-300:]
    rows, fast = both_of({"messages.csv": data})
    assert rows == fast
    assert any("2 bytes could not be decoded" in p for p in dataset(fast, "messages.csv")["problems"])


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_the_connections_preamble_is_skipped_in_bytes_as_in_text(make_export, newline):
    notes = [
        "Notes:",
        '"When exporting your connection data, you may notice that some of the email addresses are missing."',
        "",
    ]
    lines = [*notes, "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
             'Anna,"Becker, PhD",https://www.linkedin.com/in/anna,,Spreewerk AG,PM,16 Dec 2024', ",,,,,,"]  # fmt: skip
    data = ("\ufeff" + newline.join(lines) + newline).encode()
    path = make_export({"Connections.csv": data})
    with open_archive(path) as archive:
        (member,) = archive.members
        table = read_csv(member, fast=True)
        assert table.fast
        got = [row for batch in table.columns for row in batch.rows()]
    assert got == [["Anna", "Becker, PhD", "https://www.linkedin.com/in/anna", "", "Spreewerk AG", "PM", "16 Dec 2024"]]
    assert table.notes[-1] == "1 empty row skipped"


def test_without_pyarrow_every_file_goes_through_the_dialect_reader(monkeypatch):
    monkeypatch.setattr(columnar, "arrow", lambda: None)
    spy = Spy(monkeypatch)
    sample = next(s for s in SAMPLES if "11-28-2026" in s.name)
    report = scan(sample, MAPPING, ScanOptions(fast_from=0, fast_total=0, workers=1))
    assert spy.batches == 0
    with open_archive(sample) as archive:
        member = next(m for m in archive.members if m.name == "messages.csv")
        assert not read_csv(member, fast=True).fast
    assert report.total("used").records > 0


def test_pyarrow_reads_at_most_a_few_blocks_ahead_of_the_analysis(monkeypatch):
    monkeypatch.setattr(columnar, "BLOCK_BYTES", 4096)
    data = messages_csv(big_messages(3000))
    with export({"messages.csv": data}) as folder, open_archive(Path(folder)) as archive:
        member = next(m for m in archive.members if m.name == "messages.csv")
        table = read_csv(member, fast=True)
        reads, ahead = 0, []
        original = columnar.Remaining.read

        def counted(self, size=-1):  # type: ignore[no-untyped-def]
            nonlocal reads
            reads += 1
            return original(self, size)

        monkeypatch.setattr(columnar.Remaining, "read", counted)
        taken = 0
        for _batch in table.columns:
            taken += 1
            ahead.append(reads - taken)
    assert taken > 50
    assert max(ahead) <= arrow_source.AHEAD + 1


def test_a_record_longer_than_a_block_goes_back_to_the_dialect_reader(monkeypatch):
    monkeypatch.setattr(columnar, "BLOCK_BYTES", 4096)
    records = big_messages(200)
    records[100][8] = "lang\n" * 3000
    spy = Spy(monkeypatch)
    rows, fast = both_of({"messages.csv": messages_csv(records)})
    assert rows == fast
    assert len(spy.irregular) == 1


def test_a_line_beyond_the_dialect_readers_limit_goes_back_to_it(monkeypatch):
    monkeypatch.setattr("analyzer.read.dialect.LINE_LIMIT", 10_000)
    monkeypatch.setattr("analyzer.read.arrow.LINE_LIMIT", 10_000)
    monkeypatch.setattr(columnar, "BLOCK_BYTES", 4096)  # as in real use, blocks are smaller than the limit
    records = big_messages(50)
    records[20][8] = "x" * 20_000
    spy = Spy(monkeypatch)
    rows, fast = both_of({"messages.csv": messages_csv(records)})
    assert rows == fast
    assert spy.irregular == ["a line longer than the dialect reader's limit"]
    assert any(
        "fewer columns than the header" in p for p in dataset(fast, "messages.csv")["problems"]
    )  # the dialect reader cut it


def test_pyarrow_reads_only_when_enough_bytes_would_go_to_it(monkeypatch):
    data = messages_csv(big_messages(15_000))
    assert columnar.ARROW_FILE_BYTES <= len(data) < columnar.ARROW_TOTAL_BYTES
    spy = Spy(monkeypatch)
    with export({"messages.csv": data}) as folder:
        scan(Path(folder), MAPPING, ScanOptions(workers=1))
        assert spy.batches == 0  # one file of 1.5 MB: not worth importing pyarrow
        scan(Path(folder), MAPPING, ScanOptions(workers=1, fast_total=len(data)))
        assert spy.batches > 0


def test_an_interrupted_scan_closes_the_fast_reader_at_once(monkeypatch):
    """pyarrow's reading thread runs Python (our read). Closed only when the traceback is dropped, late in
    an interpreter shutting down after Ctrl-C, the reader aborted the process with a fatal error."""
    monkeypatch.setattr(columnar, "BLOCK_BYTES", 4096)
    opened: list[object] = []
    closed: list[object] = []
    init, close, filled = columnar.Remaining.__init__, columnar.Remaining.close, columnar.ArrowColumns.filled
    calls = iter(range(1_000_000))

    def opening(self, *args):  # type: ignore[no-untyped-def]
        opened.append(self)
        init(self, *args)

    def closing(self):  # type: ignore[no-untyped-def]
        closed.append(self)
        close(self)

    def interrupted(self):  # type: ignore[no-untyped-def]
        if next(calls) == 50:
            raise KeyboardInterrupt
        return filled(self)

    monkeypatch.setattr(columnar.Remaining, "__init__", opening)
    monkeypatch.setattr(columnar.Remaining, "close", closing)
    monkeypatch.setattr(columnar.ArrowColumns, "filled", interrupted)
    data = messages_csv(big_messages(3000))
    with export({"messages.csv": data}) as folder:
        with pytest.raises(KeyboardInterrupt) as caught:
            scan(Path(folder), MAPPING, ScanOptions(fast_from=0, fast_total=0, workers=1))
        assert caught.traceback  # still alive, with the frames that hold the reader
        assert len(opened) == 2 and closed == opened  # Profile.csv, read to its end, and messages.csv


@pytest.mark.parametrize("name", ["Shares.csv", "Comments.csv"])
def test_a_line_break_that_a_block_boundary_splits_reads_alike(monkeypatch, name):
    """pyarrow drops the \\n of a \\r\\n split between two blocks inside a quoted cell ("a\\r\\nb" became "a\\rb",
    and a final "a\\r\\n" became "a\\r"); the bytes handed to it never end a block with a \\r."""
    link = "https://www.linkedin.com/feed/update/urn:li:activity:"
    if name == "Shares.csv":
        header = ",".join(SHARES)
        records = [f'2024-12-17 10:00:00,{link}2,"aa\r\nbb",,,PUBLIC', f'2024-12-18 10:00:00,{link}3,"cc\r\n",,,PUBLIC']
    else:
        header = "Date,Link,Message"
        records = [f'2024-12-17 10:00:00,{link}2,"aa\r\nbb"', f'2024-12-18 10:00:00,{link}3,"cc\r\n"']
    data = "\n".join([header, f"2024-12-16 18:24:37,{link}1,x" + ",,,PUBLIC" * (name == "Shares.csv"), *records])
    body = data.encode().split(b"\n", 1)[1]  # what pyarrow reads, in blocks of BLOCK_BYTES
    returns = [i for i, byte in enumerate(body) if byte == ord("\r")]
    blocks = sorted(
        {size for i in returns for size in (i + 1, i, i + 2)}
    )  # a block ending on the \r, before it, after it
    spy = Spy(monkeypatch)
    for block in blocks:
        monkeypatch.setattr(columnar, "BLOCK_BYTES", block)
        rows, fast = both_of({name: data.encode()})
        assert rows == fast, block
        assert [c["text"] for c in fast["content"] if c["dataset"] == name][-2:] == ["aa\r\nbb", "cc\r\n"], block
    assert spy.batches >= len(blocks) and spy.irregular == []  # pyarrow read every one of them


@settings(deadline=None)  # the first example imports pyarrow
@given(
    st.lists(
        st.lists(st.sampled_from(["", " ", "\t\n", "a", " b ", "\u00a0", "\u2003x", "\x1c"]), min_size=3, max_size=3),
        max_size=40,
    )
)
def test_filled_cells_are_counted_per_column_as_the_dialect_reader_counts_them(records):
    """``ArrowColumns.filled`` counts all columns in one call per kernel and each column's part by slicing the
    result (at offsets that are no multiple of 8): the same counts, column by column, as ``RowColumns``."""
    pa, _, _ = columnar.arrow() or pytest.skip("pyarrow is not installed")
    columns = [pa.array([record[i] for record in records], pa.string()) for i in range(3)]
    batch = pa.RecordBatch.from_arrays(columns, names=["a", "b", "c"])
    expected = RowColumns(records).filled() if records else [0, 0, 0]
    assert columnar.ArrowColumns(batch).filled() == expected
