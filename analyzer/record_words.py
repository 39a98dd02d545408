"""The words the member wrote in each record, for comparing two exports (``identity.py`` keeps them per record):
counted as the tally counts a dataset's own words (``read.table.TAGS`` and placeholders out, only the member's
records where an author column tells them), a cell at a time in Python or on whole Arrow columns.

- ``text_cols``: the member's text columns; ``author``: (column, the member's name lower-cased) where only their
  records' words count; ``stand_ins``: per text column, the placeholders that are no words of theirs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from analyzer.read import Columns
from analyzer.read.table import TAGS

Author = tuple[int, str] | None
StandIns = dict[int, frozenset[str]]


def own_words(batch: Columns, size: int, text_cols: list[int], author: Author, stand_ins: StandIns) -> list[int]:
    """The member's own words in each record of ``batch``, a cell at a time."""
    counts = [0] * size
    if not text_cols:
        return counts
    mine = None
    if author is not None:
        index, wanted = author
        mine = [bool(wanted) and c.strip().lower() == wanted for c in batch.cells(index, None)]
    for i in text_cols:
        skip = stand_ins.get(i, frozenset())
        for n, cell in enumerate(batch.cells(i, None)):
            if (mine is None or mine[n]) and cell and cell.strip().lower() not in skip:
                counts[n] += len((TAGS.sub(" ", cell) if "<" in cell else cell).split())
    return counts


def own_words_arrow(
    loaded: tuple[Any, Any, Any],
    batch: Columns,
    column_of: Callable[[int], Any],
    size: int,
    text_cols: list[int],
    author: Author,
    stand_ins: StandIns,
) -> Any:
    """``own_words`` on Arrow columns (the counting ``ArrowColumns.words`` does, per record): an int32 array,
    None when the dataset has no text. pyarrow's batch counts only the member's records, in the cells its
    ``contact_text`` reads too."""
    pa, _, pc = loaded
    if not text_cols:
        return None
    zero = pa.scalar(0, pa.int32())  # a Python 0 would be converted on every call (``read.arrow._zero``)
    total = pa.repeat(zero, size)
    mine = batch.mine(*author) if author is not None else None
    if isinstance(mine, list):  # the dialect reader's answer
        mine = pa.array(mine, pa.bool_())
    counts_of = getattr(batch, "word_counts", None)
    for i in text_cols:
        column = column_of(i)
        if counts_of is not None:
            if mine is not None:
                column = pc.filter(column, mine)
            counted = counts_of(i, mine)
        else:
            cells = column
            if pc.any(pc.match_substring(column, "<")).as_py():
                cells = pc.replace_substring_regex(column, TAGS.pattern, " ")
            trimmed = pc.utf8_trim_whitespace(cells)
            pieces = pc.cast(pc.list_value_length(pc.utf8_split_whitespace(trimmed)), pa.int32())
            counted = pc.if_else(pc.equal(pc.binary_length(trimmed), zero), zero, pieces)
        skip = stand_ins.get(i)
        if skip:
            placeholder = pc.is_in(
                pc.utf8_lower(pc.utf8_trim_whitespace(column)), value_set=pa.array(sorted(skip), pa.string())
            )
            counted = pc.if_else(placeholder, zero, counted)
        if mine is not None:
            if counts_of is not None:  # the member's records' counts, put back in their places
                counted = pc.replace_with_mask(pa.repeat(zero, size), mine, counted)
            else:
                counted = pc.if_else(mine, counted, zero)
        total = pc.add(total, counted)
    return total
