"""The fast reader: large CSV files in the plain dialect, read by pyarrow's C++ reader, seen as columns.

The analysis never loops over cells in Python: it asks a batch for whole-column figures (filled
cells, date keys with their counts, the member's own records, words). Two kinds of batch answer
those questions with the same results:

- ``table.RowColumns``: records from the dialect reader (``dialect.read_csv``), which repairs every
  quirk LinkedIn's files have;
- ``ArrowColumns``: a record batch from pyarrow's CSV reader, used for large files in the plain
  dialect (UTF-8, no repairs needed but line-wrapped cells and records split over lines the way
  ``arrow_join.ShortRows`` joins them: Comments.csv). Its cells become Python strings only when the
  figures need the text itself (contact details, ``--include-content``).

The fast reader gives up with ``Irregular`` as soon as a file needs the dialect reader after all: a
record with too few or too many cells (but the short rows ShortRows joins), a NUL byte, bytes that are not UTF-8, a record longer than a
block, a line or cell over the dialect reader's limits, a byte-order mark after the header, a read
error. The caller then reads that file again with the dialect reader, so no figure ever depends on
which reader ran (``tests/read/test_arrow.py`` holds them to that). ``read.open_table`` is the one
place that offers a file to this reader and takes it back.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Generator
from contextlib import suppress
from functools import lru_cache
from types import ModuleType
from typing import Any

from analyzer.archive import Member
from analyzer.contacts import CANDIDATE_RE2
from analyzer.limits import MiB
from analyzer.read.arrow_join import JoinedBytes, ShortRows, empty_records
from analyzer.read.arrow_source import Remaining
from analyzer.read.table import JAVA_DATE, LINE_LIMIT, TAGS, Irregular, Repairs, Table, empty_rows

#: Plain CSV files from this size on are read with pyarrow (a smaller one takes a few milliseconds either way),
#: once such files add up to ARROW_TOTAL_BYTES: importing pyarrow takes about 0.15 s, which the dialect
#: reader needs for some 8 MB of CSV.
ARROW_FILE_BYTES = 1 * MiB
ARROW_TOTAL_BYTES = 8 * MiB
#: pyarrow reads a plain CSV file about four times as fast as the dialect reader (bench/results.md).
SPEEDUP = 4
#: Bytes pyarrow parses at a time. A record longer than this sends the file to the dialect reader.
BLOCK_BYTES = 1 * MiB
#: Date keys held (one per record) before they are counted and their distinct ones handed to Python: a few
#: batches' worth, and fewer than datecount.PENDING_LIMIT, which would fold them in after every merge.
MERGE_KEYS = 32 * 1024


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
    return scalar(0, "int32")


@lru_cache(maxsize=64)
def scalar(value: Any, kind: str) -> Any:
    """``value`` as an Arrow scalar of type ``kind`` (``"string"``, ``"int32"``, ``"bool_"``), made once: a Python
    value in a compute call (or an untyped one) is converted on every call, and pyarrow then tries to import
    numpy or dateutil each time where they are not installed (0.1-0.2 ms a try: 0.4 s of comparing the heavy pair)."""
    pa, _, _ = _loaded()
    return pa.scalar(value, getattr(pa, kind)())


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

    def filled(self) -> list[int]:
        pa, pc, batch = self._pa, self._pc, self._batch
        rows = batch.num_rows
        if not rows:
            return [0] * batch.num_columns
        # All columns in one call per kernel: chained without a copy, each column's part counted where it lies.
        cells = pa.chunked_array(batch.columns, pa.string())
        empty = _flat(pc.equal(pc.binary_length(cells), _zero()))
        blank = _flat(pc.utf8_is_space(cells))  # Python's and Arrow's white space agree
        return [
            rows - empty.slice(start, rows).true_count - blank.slice(start, rows).true_count
            for start in range(0, rows * batch.num_columns, rows)
        ]

    def date_keys(self, i: int, keys: str, sure: str) -> tuple[Any, set[str]] | None:
        pc, column = self._pc, self._batch.column(i)
        if keys == "iso":
            column = pc.utf8_slice_codeunits(column, 0, 10)
        elif keys == "us":
            head = pc.list_element(pc.split_pattern(column, ",", max_splits=1), _zero())
            column = pc.if_else(pc.equal(pc.binary_length(head), _zero()), column, head)  # table._us_key
        elif keys == "java":
            if pc.match_substring_regex(column, f"^(?:{JAVA_DATE})?$").false_count:
                return None
            day = pc.binary_join_element_wise(
                pc.utf8_slice_codeunits(column, 4, 10), pc.utf8_slice_codeunits(column, -5), scalar(",", "string")
            )
            column = pc.if_else(pc.equal(pc.binary_length(column), _zero()), column, day)
        if not sure:
            return column, set()
        # Only keys RE2 cannot vouch for cross into Python, to be checked there (rare: a date of another shape).
        unsure = pc.invert(pc.match_substring_regex(column, sure))
        if not unsure.true_count:
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
        return pieces - int(pc.equal(pc.binary_length(trimmed), _zero()).true_count)

    def word_counts(self, i: int, mask: Any) -> Any:
        """``words`` of each record ``mask`` keeps, an int32 array (``identity.py`` keeps them per record)."""
        pc = self._pc
        trimmed = pc.utf8_trim_whitespace(self._cells(i, mask))
        pieces = pc.list_value_length(pc.utf8_split_whitespace(trimmed))
        return pc.if_else(pc.equal(pc.binary_length(trimmed), _zero()), _zero(), pieces)

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
    """Date keys of pyarrow's batches, counted in C++: a few batches' keys at a time (MERGE_KEYS), added to
    the distinct keys counted so far, which stay in Arrow until ``take``; only then do they cross into Python."""

    def __init__(self) -> None:
        self._held: list[Any] = []
        self._rows = 0
        self._keys: Any = None  # the distinct keys so far, in the order they first came, and their counts
        self._counts: Any = None

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
        keys, counts = counted.field(0), counted.field(1)
        if self._keys is not None:
            # Each key so far gains the new count it has (its place among the new keys, or none: 0) …
            gained = pc.fill_null(pc.take(counts, pc.index_in(self._keys, value_set=keys)), scalar(0, "int64"))
            # … and the new keys follow, in their order.
            new = pc.invert(pc.is_in(keys, value_set=self._keys))
            keys = pa.concat_arrays([self._keys, pc.filter(keys, new)])
            counts = pa.concat_arrays([pc.add(self._counts, gained), pc.filter(counts, new)])
        self._keys, self._counts = keys, counts
        self._held, self._rows = [], 0

    def __len__(self) -> int:
        return (len(self._keys) if self._keys is not None else 0) + self._rows

    def take(self) -> Counter[str]:
        self._merge()
        if self._keys is None:
            return Counter()
        counted = Counter(dict(zip(self._keys.to_pylist(), self._counts.to_pylist(), strict=True)))
        self._keys = self._counts = None
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
    # Records split over lines (``_plain`` let only those through that ShortRows joins): the joiner's escapes and note.
    joiner = (
        repairs.joiner(table.header, table.delimiter, table.backslash) if repairs.splits_records(table.header) else None
    )
    escape = joiner[1] if joiner is not None else None

    width = len(table.header)
    names = [f"c{i}" for i in range(width)]
    field_limit = csv.field_size_limit()  # the dialect reader's (FIELD_LIMIT, as read.dialect sets it)
    joined = ShortRows(width, pa, pc, scalar) if joiner is not None else None
    if joiner is not None:
        table.notes.append(joiner[2])
    try:
        source = Remaining(
            member.open(), skip_lines, LINE_LIMIT, JoinedBytes(escape is not None).check if joined else None
        )
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
                escape_char=escape or False,
                invalid_row_handler=joined.report if joined is not None else None,
            ),
            convert_options=pcsv.ConvertOptions(
                column_types={name: pa.string() for name in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                check_utf8=True,
            ),
        )
        for batch in reader:
            if batch.nbytes > field_limit and _longest_cell(pc, batch) > field_limit:
                raise Irregular("a cell is longer than the dialect reader's limit")
            if joined is None:
                kept = _drop_empty(pc, batch)
                table.empty_rows += batch.num_rows - kept.num_rows
            else:  # a blank line continues a record here; a line of empty cells went to the dialect reader (JoinedBytes)
                kept = joined.join(batch)
            if kept is not None and kept.num_rows:
                yield ArrowColumns(_unwrapped(pa, pc, kept, unwrap, repairs))
            source.taken()
        if joined is not None and (last := joined.flush()) is not None:
            yield ArrowColumns(_unwrapped(pa, pc, last, unwrap, repairs))
    except Irregular:
        raise
    except Exception as exc:  # pyarrow's parse errors, bad UTF-8, NUL bytes, read errors: the dialect reader decides
        raise Irregular(str(exc)) from exc
    finally:
        source.close()
    if table.empty_rows:
        table.notes.append(empty_rows(table.empty_rows))


def _flat(chunked: Any) -> Any:
    """One array of a chunked array's values (a kernel writes its result in one piece: no copy then)."""
    return chunked.chunk(0) if chunked.num_chunks == 1 else chunked.combine_chunks()


def _longest_cell(pc: ModuleType, batch: Any) -> int:
    return max((pc.max(pc.binary_length(column)).as_py() or 0) for column in batch.columns)


def _drop_empty(pc: ModuleType, batch: Any) -> Any:
    """The batch without records whose cells are all empty (blank lines, ``,,,``)."""
    empty = empty_records(pc, batch, _zero())
    return batch if empty is None else batch.filter(pc.invert(empty))


def _unwrapped(pa: ModuleType, pc: ModuleType, batch: Any, unwrap: list[int], repairs: Repairs) -> Any:
    if not unwrap:
        return batch
    columns = [_unwrap(pc, c, repairs) if i in unwrap else c for i, c in enumerate(batch.columns)]
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


def _unwrap(pc: ModuleType, column: Any, repairs: Repairs) -> Any:
    """``repairs.unwrap`` for a whole column, with the platform's RE2 patterns."""
    wrapped_cell, one_break = repairs.unwrap_re2
    wrapped = pc.match_substring_regex(column, wrapped_cell)
    if not wrapped.true_count:
        return column
    unwrapped = pc.replace_substring_regex(pc.filter(column, wrapped), one_break, "\n")
    return pc.replace_with_mask(column, wrapped, unwrapped)
