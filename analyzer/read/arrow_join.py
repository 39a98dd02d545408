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


class ShortRows:
    """Joins the records of one file's batches (``width`` cells each) as the platform's joiner does."""

    def __init__(self, width: int, pa: ModuleType, pc: ModuleType, zero: Any):
        self._width = width
        self._pa, self._pc, self._zero = pa, pc, zero
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
        """The records this batch completes, as a batch (None: none yet)."""
        pc, rows = self._pc, batch.num_rows
        base, self._valid = self._valid, self._valid + rows
        blank = None
        for column in batch.columns:
            empty = pc.equal(pc.binary_length(column), self._zero)
            blank = empty if blank is None else pc.and_(blank, empty)
        blanks = pc.indices_nonzero(blank).to_pylist() if blank is not None and pc.any(blank).as_py() else []
        # The short rows before one of this batch's kept rows (those after its last one wait for the next batch).
        cut = bisect_left(self._before, base + rows)
        events = [(before - base, -1, text) for before, text in zip(self._before[:cut], self._texts[:cut], strict=True)]
        del self._before[:cut], self._texts[:cut]
        if blanks:  # a blank row b comes right at kept row b, after the short rows before it
            events += [(b, 0, "") for b in blanks]
            events.sort(key=lambda event: event[:2])  # stable: the short rows before one row stay in order
        skipped = set(blanks)
        more: dict[int, list[str]] = {}
        for at, _, text in events:
            start = at - 1
            while start in skipped:
                start -= 1
            if start >= 0:
                more.setdefault(start, []).append(text)
            elif self._held is None:
                raise Irregular("a line continues no record")
            else:
                self._more.append(text)
        last = rows - 1
        while last in skipped:
            last -= 1
        if last < 0:  # every row continues the held record
            return None
        out = self._complete(batch, last, blank, more)
        self._held = [column[last].as_py() for column in batch.columns]
        self._more = more.get(last, [])
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

    def _finished(self) -> list[str]:
        held = list(self._held or [])
        if self._more:
            held[-1] = "\n".join([held[-1], *self._more]).rstrip("\n")
        self._held, self._more = None, []
        return held

    def _complete(self, batch: Any, last: int, blank: Any, more: dict[int, list[str]]) -> Any:
        """The held record and this batch's records before ``last``, each with what continues it."""
        pa, pc = self._pa, self._pc
        columns = [column.slice(0, last) for column in batch.columns]
        targets = sorted(t for t in more if t < last)
        if targets:
            cells = pc.take(columns[-1], pa.array(targets, pa.int64())).to_pylist()
            joined = ["\n".join([c, *more[t]]).rstrip("\n") for c, t in zip(cells, targets, strict=True)]
            flags = [False] * last
            for t in targets:
                flags[t] = True
            columns[-1] = pc.replace_with_mask(columns[-1], pa.array(flags), pa.array(joined, pa.string()))
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
