"""The fast reader: large CSV files in the plain dialect, read by pyarrow's C++ reader, seen as columns.

The analysis never loops over cells in Python: it asks a batch for whole-column figures (filled
cells, date keys with their counts, the member's own records, words). Two kinds of batch answer
those questions with the same results:

- ``table.RowColumns``: records from the dialect reader (``dialect.read_csv``), which repairs every
  quirk LinkedIn's files have;
- ``ArrowColumns``: a record batch from pyarrow's CSV reader, used for large files in the plain
  dialect (UTF-8, no repairs needed). Its cells become Python strings only when the figures need
  the text itself (contact details, ``--include-content``).

The fast reader gives up with ``Irregular`` as soon as a file needs the dialect reader after all: a
record with too few or too many cells, a NUL byte, bytes that are not UTF-8, a record longer than a
block, a line or cell over the dialect reader's limits, a byte-order mark after the header, a read
error. The caller then reads that file again with the dialect reader, so no figure ever depends on
which reader ran (``tests/read/test_arrow.py`` holds them to that). ``read.open_table`` is the one
place that offers a file to this reader and takes it back.
"""

from __future__ import annotations

import codecs
import re
import threading
from collections import Counter
from collections.abc import Callable, Generator
from contextlib import suppress
from functools import lru_cache
from types import ModuleType
from typing import Any, BinaryIO

from analyzer.archive import Member
from analyzer.contacts import CANDIDATE_RE2
from analyzer.limits import MiB
from analyzer.read.table import FIELD_LIMIT, JAVA_DATE, LINE_LIMIT, TAGS, Irregular, Repairs, Table, empty_rows

#: Plain CSV files from this size on are read with pyarrow (a smaller one takes a few milliseconds either way),
#: once such files add up to ARROW_TOTAL_BYTES: importing pyarrow takes about 0.15 s, which the dialect
#: reader needs for some 8 MB of CSV.
ARROW_FILE_BYTES = 1 * MiB
ARROW_TOTAL_BYTES = 8 * MiB
#: pyarrow reads a plain CSV file about four times as fast as the dialect reader (bench/results.md).
SPEEDUP = 4
#: Bytes pyarrow parses at a time. A record longer than this sends the file to the dialect reader.
BLOCK_BYTES = 1 * MiB
#: Blocks pyarrow's reading thread may hold before the analysis has taken their records. Without a
#: bound it reads up to 32 blocks ahead whenever the analysis is the slower side, which is most of the time.
AHEAD = 8
#: Date keys held (one per record) before they are counted and their distinct ones handed to Python: a few
#: batches' worth, and fewer than datecount.PENDING_LIMIT, which would fold them in after every merge.
MERGE_KEYS = 32 * 1024
#: Lines before the header (Connections.csv's ``Notes:``) are skipped by hand, within this many bytes.
_PREAMBLE_BYTES = 1 * MiB
_LINE_END = re.compile(rb"\r\n|\r|\n")


@lru_cache(maxsize=1)
def arrow() -> tuple[ModuleType, ModuleType, ModuleType] | None:
    """pyarrow with its CSV reader and compute functions, or None where it cannot be imported."""
    try:
        import pyarrow
        import pyarrow.compute
        import pyarrow.csv
    except Exception:  # not installed, or broken (e.g. built for another NumPy): the dialect reader reads all
        return None
    # jemalloc hands freed blocks back to the system; the default (mimalloc) keeps about 60 MB more resident.
    # A build without jemalloc keeps its default.
    with suppress(NotImplementedError):
        pyarrow.set_memory_pool(pyarrow.jemalloc_memory_pool())
    return pyarrow, pyarrow.csv, pyarrow.compute


@lru_cache(maxsize=1)
def _zero() -> Any:
    """0 as an Arrow scalar: pyarrow turns a Python 0 into one on every call, trying to import numpy each
    time where it is not installed (a failed import is not cached), which cost a second per heavy scan."""
    pa, _, _ = _loaded()
    return pa.scalar(0, pa.int32())


def _loaded() -> tuple[ModuleType, ModuleType, ModuleType]:
    """``arrow()`` where it must be there: a file is only handed to this reader once pyarrow imported."""
    loaded = arrow()
    if loaded is None:
        raise Irregular("pyarrow is not available")
    return loaded


class ArrowColumns:
    """A record batch from pyarrow; every column is a string array without nulls."""

    def __init__(self, batch: Any):
        self._batch = batch
        self._pa, _, self._pc = _loaded()
        self._texts: dict[int, Any] = {}  # words() and contact_text() share the chosen, untagged cells

    def __len__(self) -> int:
        return int(self._batch.num_rows)

    @property
    def record_batch(self) -> Any:
        """The pyarrow RecordBatch itself, for figures computed on whole columns elsewhere (``identity.py``)."""
        return self._batch

    def filled(self, i: int) -> int:
        pc, column = self._pc, self._batch.column(i)
        empty = pc.sum(pc.equal(pc.binary_length(column), _zero())).as_py() or 0
        blank = pc.sum(pc.utf8_is_space(column)).as_py() or 0  # Python's and Arrow's white space agree
        return len(column) - empty - blank

    def date_keys(self, i: int, keys: str, sure: str) -> tuple[Any, set[str]] | None:
        pc, column = self._pc, self._batch.column(i)
        if keys == "iso":
            column = pc.utf8_slice_codeunits(column, 0, 10)
        elif keys == "us":
            column = pc.list_element(pc.split_pattern(column, ",", max_splits=1), _zero())
        elif keys == "java":
            if not pc.all(pc.match_substring_regex(column, f"^(?:{JAVA_DATE})?$")).as_py():
                return None
            day = pc.binary_join_element_wise(
                pc.utf8_slice_codeunits(column, 4, 10), pc.utf8_slice_codeunits(column, -5), ","
            )
            column = pc.if_else(pc.equal(pc.binary_length(column), _zero()), column, day)
        if not sure:
            return column, set()
        # Only keys RE2 cannot vouch for cross into Python, to be checked there (rare: a date of another shape).
        unsure = pc.invert(pc.match_substring_regex(column, sure))
        if not pc.any(unsure).as_py():
            return column, set()
        return column, set(pc.unique(pc.filter(column, unsure)).to_pylist())

    def key_counter(self) -> ArrowKeyCounter:
        return ArrowKeyCounter()

    def mine(self, i: int, wanted: str) -> Any:
        column = self._batch.column(i)
        # Few distinct senders: Python decides on each (exactly as RowColumns does), Arrow marks the records.
        chosen = [v for v in self._pc.unique(column).to_pylist() if wanted and v.strip().lower() == wanted]
        return self._pc.is_in(column, value_set=self._pa.array(chosen, self._pa.string()))

    def _cells(self, i: int, mask: Any) -> Any:
        if i in self._texts:
            return self._texts[i]
        column = self._batch.column(i)
        if mask is not None:
            column = self._pc.filter(column, mask)
        data = column.buffers()[2]
        if data is not None and b"<" in data.to_pybytes():
            column = self._pc.replace_substring_regex(column, TAGS.pattern, " ")  # RE2 and re agree on it
        self._texts[i] = column
        return column

    def contact_text(self, i: int, mask: Any) -> str:
        pc, cells = self._pc, self._cells(i, mask)
        candidates = pc.match_substring_regex(cells, CANDIDATE_RE2)
        return "\n".join(pc.filter(cells, candidates).to_pylist())

    def words(self, i: int, mask: Any) -> int:
        pc = self._pc
        trimmed = pc.utf8_trim_whitespace(self._cells(i, mask))
        # Once trimmed, white space runs split like str.split(); only a blank cell still gives one (empty) piece.
        pieces = pc.sum(pc.list_value_length(pc.utf8_split_whitespace(trimmed))).as_py() or 0
        return pieces - (pc.sum(pc.equal(pc.binary_length(trimmed), _zero())).as_py() or 0)

    def count_values(self, i: int, values: frozenset[str], mask: Any) -> Counter[str]:
        pc, column = self._pc, self._batch.column(i)
        if mask is not None:
            column = pc.filter(column, mask)
        # Arrow's white space is Python's (see filled); lower-casing is Unicode-aware in both.
        normal = pc.utf8_lower(pc.utf8_trim_whitespace(column))
        chosen = pc.filter(normal, pc.is_in(normal, value_set=self._pa.array(sorted(values), self._pa.string())))
        counted = pc.value_counts(chosen)
        return Counter(dict(zip(counted.field(0).to_pylist(), counted.field(1).to_pylist(), strict=True)))

    def split(self, i: int, takes: Callable[[str], bool]) -> tuple[ArrowColumns, ArrowColumns]:
        pa, pc, column = self._pa, self._pc, self._batch.column(i)
        # Few distinct values (a visibility, a date or none): Python decides on each, Arrow parts the records.
        chosen = [v for v in pc.unique(column).to_pylist() if takes(v)]
        taken = pc.is_in(column, value_set=pa.array(chosen, pa.string()))
        return ArrowColumns(self._batch.filter(taken)), ArrowColumns(self._batch.filter(pc.invert(taken)))

    def cells(self, i: int, mask: Any) -> list[str]:
        column = self._batch.column(i)
        return list(column.to_pylist() if mask is None else self._pc.filter(column, mask).to_pylist())

    def rows(self) -> list[list[str]]:
        return [list(row) for row in zip(*(column.to_pylist() for column in self._batch.columns), strict=True)]


class ArrowKeyCounter:
    """Date keys of pyarrow's batches, held as Arrow arrays and counted in C++ a few batches at a time: only
    the distinct keys of each MERGE_KEYS cross into Python."""

    def __init__(self) -> None:
        self._held: list[Any] = []
        self._rows = 0
        self._counted: Counter[str] = Counter()

    def add(self, keys: Any) -> None:
        self._held.append(keys)
        self._rows += len(keys)
        if self._rows >= MERGE_KEYS:
            self._merge()

    def _merge(self) -> None:
        if not self._held:
            return
        pa, _, pc = _loaded()
        counted = pc.value_counts(pa.chunked_array(self._held, pa.string()))
        self._counted.update(dict(zip(counted.field(0).to_pylist(), counted.field(1).to_pylist(), strict=True)))
        self._held, self._rows = [], 0

    def __len__(self) -> int:
        return len(self._counted) + self._rows

    def take(self) -> Counter[str]:
        self._merge()
        counted, self._counted = self._counted, Counter()
        return counted


def arrow_columns(
    member: Member, skip_lines: int, table: Table, repairs: Repairs
) -> Generator[ArrowColumns, None, None]:
    """The records of ``member`` after its first ``skip_lines`` physical lines (preamble and header).

    Records whose cells are all empty are dropped and counted in ``table.empty_rows``, and the
    platform's line-wrapped columns are unwrapped, as in the dialect reader. Raises Irregular, from
    any batch, when the file needs the dialect reader.
    """
    pa, pcsv, pc = _loaded()
    unwrap = repairs.unwrap_columns(table.header)

    width = len(table.header)
    names = [f"c{i}" for i in range(width)]
    try:
        source = _Remaining(member.open(), skip_lines, LINE_LIMIT)
    except Irregular:
        raise
    except Exception as exc:
        raise Irregular(str(exc)) from exc
    try:
        if source.at_end():  # a header and nothing else (pyarrow would call it an empty CSV file)
            return
        reader = pcsv.open_csv(
            source,
            read_options=pcsv.ReadOptions(column_names=names, block_size=BLOCK_BYTES, use_threads=False),
            parse_options=pcsv.ParseOptions(
                # A blank line becomes a record of empty cells, dropped below; a ragged record is an error.
                delimiter=table.delimiter,
                newlines_in_values=True,
                ignore_empty_lines=False,
            ),
            convert_options=pcsv.ConvertOptions(
                column_types={name: pa.string() for name in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                check_utf8=True,
            ),
        )
        for batch in reader:
            if batch.nbytes > FIELD_LIMIT and _longest_cell(pc, batch) > FIELD_LIMIT:
                raise Irregular("a cell is longer than the dialect reader's limit")
            kept = _drop_empty(pc, batch)
            if unwrap:
                columns = [_unwrap(pc, c, repairs) if i in unwrap else c for i, c in enumerate(kept.columns)]
                kept = pa.RecordBatch.from_arrays(columns, names=names)
            table.empty_rows += batch.num_rows - kept.num_rows
            if kept.num_rows:
                yield ArrowColumns(kept)
            source.taken()
    except Irregular:
        raise
    except Exception as exc:  # pyarrow's parse errors, bad UTF-8, NUL bytes, read errors: the dialect reader decides
        raise Irregular(str(exc)) from exc
    finally:
        source.close()
    if table.empty_rows:
        table.notes.append(empty_rows(table.empty_rows))


def _longest_cell(pc: ModuleType, batch: Any) -> int:
    return max((pc.max(pc.binary_length(column)).as_py() or 0) for column in batch.columns)


def _drop_empty(pc: ModuleType, batch: Any) -> Any:
    """The batch without records whose cells are all empty (blank lines, ``,,,``)."""
    any_filled = None
    for column in batch.columns:
        filled = pc.greater(pc.binary_length(column), _zero())
        if pc.all(filled).as_py():
            return batch  # a column filled in every record: no record is empty
        any_filled = filled if any_filled is None else pc.or_(any_filled, filled)
    return batch if any_filled is None else batch.filter(any_filled)


def _unwrap(pc: ModuleType, column: Any, repairs: Repairs) -> Any:
    """``repairs.unwrap`` for a whole column, with the platform's RE2 patterns."""
    wrapped_cell, one_break = repairs.unwrap_re2
    wrapped = pc.match_substring_regex(column, wrapped_cell)
    if not pc.any(wrapped).as_py():
        return column
    unwrapped = pc.replace_substring_regex(pc.filter(column, wrapped), one_break, "\n")
    return pc.replace_with_mask(column, wrapped, unwrapped)


class _Remaining:
    """The bytes of a member after its first ``lines`` physical lines, as the dialect reader counts lines
    (``\\r\\n``, ``\\r`` or ``\\n``), for pyarrow to read. A NUL byte raises Irregular: Python's csv
    module rejects the line, pyarrow would not.

    pyarrow calls ``read`` from a thread of its own; it may run at most AHEAD blocks ahead of ``taken``.
    """

    def __init__(self, raw: BinaryIO, lines: int, line_limit: int):
        self._raw = raw
        self._line_limit = line_limit
        self._line = 0  # bytes since the last line break
        self._ahead = threading.Semaphore(AHEAD)
        self._lock = threading.Lock()  # pyarrow's thread may still be reading when the analysis stops early
        self.closed = False
        try:
            self._rest = self._skip(lines)
        except BaseException:
            raw.close()
            raise

    def _skip(self, lines: int) -> bytes:
        buffer, start = b"", 0
        while lines:
            end = _LINE_END.search(buffer, start)
            if end is None or (end.group() == b"\r" and end.end() == len(buffer)):  # \r might be half of \r\n
                more = self._raw.read(64 * 1024)
                if more:
                    buffer += more
                    if len(buffer) > _PREAMBLE_BYTES:
                        raise Irregular("the header is not near the start")
                    continue
                if end is None:
                    return b""
            start, lines = end.end(), lines - 1
        return buffer[start:]

    def at_end(self) -> bool:
        """True for nothing after the header; call before the first read."""
        while len(self._rest) < len(codecs.BOM_UTF8) and (more := self._raw.read(64 * 1024)):
            self._rest += more
        if self._rest.startswith(codecs.BOM_UTF8):  # pyarrow would drop it, the dialect reader keeps it
            raise Irregular("a byte-order mark after the header")
        return not self._rest

    def taken(self) -> None:
        """The analysis has taken one batch: one more block may be read."""
        self._ahead.release()

    def read(self, size: int = -1) -> bytes:
        # The timeout only guards against a pyarrow that needs more blocks for one batch than we let it have.
        self._ahead.acquire(timeout=1)
        with self._lock:
            if self.closed:
                return b""
            if self._rest:
                cut = len(self._rest) if size < 0 else size
                data, self._rest = self._rest[:cut], self._rest[cut:]
            else:
                data = self._raw.read(size)
        if b"\0" in data:
            raise Irregular("a NUL byte")
        self._check_lines(data)
        return data

    def _check_lines(self, data: bytes) -> None:
        """The dialect reader cuts lines longer than its limit: leave such a file to it. The limit counts
        characters; counting bytes (at least as many) can only hand back a file too many, never too few.
        Blocks are smaller than the limit, so such a line always spans blocks."""
        first = min((i for i in (data.find(b"\n"), data.find(b"\r")) if i >= 0), default=-1)
        if first < 0:
            self._line += len(data)
        else:
            self._line += first
            if self._line <= self._line_limit:
                self._line = len(data) - 1 - max(data.rfind(b"\n"), data.rfind(b"\r"))
        if self._line > self._line_limit:
            raise Irregular("a line longer than the dialect reader's limit")

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        """Stop: a read waiting for its turn returns at once, with nothing."""
        with self._lock:
            if not self.closed:
                self.closed = True
                self._raw.close()
        self._ahead.release(AHEAD)
