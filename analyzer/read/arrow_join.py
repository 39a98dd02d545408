"""Records split over lines, put together in Arrow: the fast reader's form of a joiner whose rule is that of
``Repairs.joins_short_rows`` (LinkedIn's Comments.csv), so that such a file need not go to the dialect reader.

The rule: a row of fewer cells than the header, and a blank line, continue the last cell of the record
before them (a line break and the row's text); a record that was continued loses its trailing line breaks.
pyarrow hands the short rows to ``report`` (their row number and text) and keeps a blank line as a record
of empty cells. ``join`` puts the records of one batch together and holds the last one back until the next
batch shows whether it goes on; ``flush`` gives it at the end. What cannot be told apart from what pyarrow
reports raises Irregular, and the dialect reader reads the file: a short row holding a quote or a backslash
(csv's escapes), a row of too many cells, a continuation before the first record. A line of empty cells
(``,,``), which pyarrow reads as it reads a blank line, is found in the bytes (``_Remaining``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from types import ModuleType
from typing import Any

from analyzer.read.table import Irregular

#: A line of nothing but empty cells, quoted or not (``JoinedBytes`` hands a file holding one back).
_EMPTY_CELLS = re.compile(rb'(?:\A|[\r\n])(?:"")?(?:,(?:"")?)+(?=[\r\n]|\Z)')
#: Where such a line may start: after a line feed, or after a carriage return where the bytes hold one. Each
#: pattern starts with its line break, which re looks for at C speed (a class or an alternation is 10 x slower).
_AFTER_LF = re.compile(rb'\n(?:,|"")').search
_AFTER_CR = re.compile(rb'\r(?:,|"")').search
#: A backslash that escapes something else than a quote (csv's escapes: only \\" reads alike in both readers).
_ESCAPE = re.compile(rb'\\[^"]').search


def empty_records(pc: ModuleType, batch: Any, zero: Any) -> Any | None:
    """A mask of the records whose cells are all empty (a blank line, ``,,,``); None when there is none."""
    empty = None
    for column in batch.columns:
        cells = pc.equal(pc.binary_length(column), zero)
        if not cells.true_count:
            return None  # a column filled in every record: no record is empty
        empty = cells if empty is None else pc.and_(empty, cells)
    return empty if empty is not None and empty.true_count else None


class ShortRows:
    """Joins the records of one file's batches (``width`` cells each) as the platform's joiner does."""

    def __init__(self, width: int, pa: ModuleType, pc: ModuleType, scalar: Callable[[Any, str], Any]):
        self._width = width
        self._pa, self._pc = pa, pc
        # The reader's typed scalars (``arrow.scalar``): pyarrow converts a Python value on every call.
        self._zero, self._one, self._two = scalar(0, "int32"), scalar(1, "int32"), scalar(2, "int32")
        self._newline = scalar("\n", "string")
        self._no_row, self._row_0 = pa.array([None], pa.int32()), pa.array([0], pa.int32())
        self._numbers = pa.array([], pa.int32())  # 0, 1, 2 …: as many as the longest batch so far
        # The short rows not yet joined to their record, in order: how many kept rows come before each, its text.
        self._before: list[int] = []
        self._texts: list[str] = []
        self._last = 0  # the row number of the last short row
        self._count = 0  # short rows so far
        self._valid = 0  # rows pyarrow kept, before the current batch
        self._held: list[str] | None = None  # the last record so far, which the next rows may continue
        self._more: list[str] = []  # what continues it

    def report(self, row: Any) -> str:
        """pyarrow's ``invalid_row_handler``: keep a short row aside; anything else stops the read (Irregular)."""
        number, text = row.number, row.text
        if row.actual_columns >= row.expected_columns or number is None or number <= self._last:
            return "error"
        if '"' in text or "\\" in text:
            return "error"
        # Rows are numbered from 1, counting kept and short rows alike.
        self._before.append(number - 1 - self._count)
        self._texts.append(text)
        self._last, self._count = number, self._count + 1
        return "skip"

    def join(self, batch: Any) -> Any | None:
        """The records this batch completes, as a batch (None: none yet).

        Each line that continues a record (a short row, or a blank row: a blank line) is placed in Arrow at the
        kept row it comes before, and continues the record of the last kept row before it that is not blank:
        the record held from the batch before when there is none."""
        pa, pc, rows = self._pa, self._pc, batch.num_rows
        if not rows:  # every row of the block was short: they wait for the next kept row
            return None
        base, self._valid = self._valid, self._valid + rows
        # The short rows before one of this batch's kept rows (those after its last one wait for the next batch).
        cut = bisect_left(self._before, base + rows)
        at = pa.array([before - base for before in self._before[:cut]], pa.int32())
        texts = pa.array(self._texts[:cut], pa.string())
        del self._before[:cut], self._texts[:cut]
        blank = empty_records(pc, batch, self._zero)
        numbers = self._row_numbers(rows)
        if blank is None:
            record = numbers  # every row is a record of its own
        else:
            # A blank row belongs to the record before it: the last row that is not blank (none: the held one).
            record = pc.fill_null_forward(pc.if_else(blank, self._no_row[0], numbers))
            blanks = pc.indices_nonzero(blank).cast(pa.int32())
            # In the order of the lines: a blank row at b after the short rows before row b (2b < 2b + 1), and
            # lines of one place in the order they came (each key made unique by its line's place in ``lines``,
            # so that the order does not rest on the sort being stable).
            places = pa.concat_arrays([pc.multiply(at, self._two), pc.add(pc.multiply(blanks, self._two), self._one)])
            lines = len(places)
            keys = pc.add(pc.multiply(places.cast(pa.int64()), pa.scalar(lines, pa.int64())), self._row_numbers(lines))
            order = pc.sort_indices(keys)
            at = pc.take(pa.concat_arrays([at, blanks]), order)
            texts = pc.take(pa.concat_arrays([texts, pa.array([""] * len(blanks), pa.string())]), order)
        # A line before row a continues the record of row a - 1 (before row 0: the held one, as null).
        continues = pc.take(pa.concat_arrays([self._no_row, record.slice(0, rows - 1)]), at)
        last = record[rows - 1].as_py()
        held = continues.null_count  # the first lines continue the held record, the last ones row ``last``'s
        if held:
            if self._held is None:
                raise Irregular("a line continues no record")
            self._more += texts.slice(0, held).to_pylist()
        if last is None:  # every row continues the held record
            return None
        tail = len(at) - (pc.sum(pc.equal(continues, pa.scalar(last, pa.int32()))).as_py() or 0)
        out = self._complete(batch, last, blank, continues.slice(held, tail - held), texts.slice(held, tail - held))
        self._held = [column[last].as_py() for column in batch.columns]
        self._more = texts.slice(tail).to_pylist()
        return out

    def flush(self) -> Any | None:
        """The last record, continued by every short row after it."""
        if self._texts and self._held is None:
            raise Irregular("a line continues no record")
        self._more += self._texts
        self._before, self._texts = [], []
        if self._held is None:
            return None
        return self._batch([[cell] for cell in self._finished()], [])

    def _row_numbers(self, rows: int) -> Any:
        if len(self._numbers) < rows:
            self._numbers = self._pa.array(range(max(rows, 2 * len(self._numbers))), self._pa.int32())
        return self._numbers.slice(0, rows)

    def _finished(self) -> list[str]:
        held = list(self._held or [])
        if self._more:
            held[-1] = "\n".join([held[-1], *self._more]).rstrip("\n")
        self._held, self._more = None, []
        return held

    def _complete(self, batch: Any, last: int, blank: Any, targets: Any, texts: Any) -> Any:
        """The held record and this batch's records before ``last``, the ``targets`` (rows in order, one for each
        of the ``texts``) continued by their texts."""
        pa, pc = self._pa, self._pc
        columns = [column.slice(0, last) for column in batch.columns]
        if len(targets):
            # The texts of one record, one after another: a list per record, joined by line breaks.
            runs = pc.run_end_encode(targets)
            rows = runs.values
            lines = pa.ListArray.from_arrays(pa.concat_arrays([self._row_0, runs.run_ends]), texts)
            cells = pc.binary_join_element_wise(
                pc.take(columns[-1], rows), pc.binary_join(lines, self._newline), self._newline
            )
            joined = pc.utf8_rtrim(cells, characters="\n")
            columns[-1] = pc.replace_with_mask(columns[-1], pc.is_in(self._row_numbers(last), value_set=rows), joined)
        if blank is not None:
            keep = pc.invert(blank.slice(0, last))
            columns = [pc.filter(column, keep) for column in columns]
        first = [[cell] for cell in self._finished()] if self._held is not None else []
        return self._batch(first, columns)

    def _batch(self, first: list[list[str]], columns: list[Any]) -> Any:
        pa = self._pa
        names = [f"c{i}" for i in range(self._width)]
        if not columns:
            return pa.RecordBatch.from_arrays([pa.array(cells, pa.string()) for cells in first], names=names)
        if first:
            columns = [
                pa.concat_arrays([pa.array(cells, pa.string()), c]) for cells, c in zip(first, columns, strict=True)
            ]
        return pa.RecordBatch.from_arrays(columns, names=names)


class JoinedBytes:
    """Checks the bytes of a file whose records are joined, for ``arrow_source.Remaining``."""

    def __init__(self, escapes: bool):
        self._escapes = escapes  # csv's backslash escapes: only \\" reads alike in both readers
        self._tail = b""  # the last, unfinished line of the bytes read so far (if short), or a stand-in
        self._slash = b""  # a backslash that ended the bytes read so far

    def check(self, data: bytes) -> None:
        """What ShortRows cannot tell from what pyarrow reports: a line of empty cells (``,,``), which pyarrow
        reads as it reads a blank line, and a backslash that escapes anything but a quote."""
        text = self._tail + data
        end = len(text) if not data else max(text.rfind(b"\n"), text.rfind(b"\r")) + 1
        # Such a line starts with a comma or with "": look closer only where a line does (rare).
        starts = text.startswith((b",", b'""')) or _AFTER_LF(text) or (b"\r" in text and _AFTER_CR(text))
        if starts and _EMPTY_CELLS.search(text, 0, end):
            raise Irregular("a line of empty cells in a file whose records are joined")
        rest = text[end:]
        self._tail = rest if len(rest) <= 256 else b"x"  # a longer line holds more than empty cells
        if self._escapes:
            text = self._slash + data
            self._slash = b"\\" if text.endswith(b"\\") else b""  # it may escape the next read's first byte
            if _ESCAPE(text) or (self._slash and not data):  # the carried one is looked at with what follows it
                raise Irregular("a backslash that escapes something else than a quote")
