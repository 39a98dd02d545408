"""Tables from archive members: the one place that picks a reader and takes a file back from the fast one.

``open_table`` chooses: an article for HTML datasets, pyarrow (``arrow``) for a large plain CSV file
when the scan offers it, else the dialect reader (``dialect``). ``read_member`` hands the table to
a consumer and, when the fast reader gives the file back (``Irregular``), reads it again with the
dialect reader: the consumer's first result is thrown away, so no figure depends on which reader ran.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from analyzer.archive import Member
from analyzer.read.dialect import read_csv
from analyzer.read.html import read_article
from analyzer.read.table import NO_REPAIRS, Columns, Irregular, Repairs, Table, filled_count

__all__ = ["Columns", "Repairs", "Table", "filled_count", "offered_fast", "open_table", "read_member"]

T = TypeVar("T")


def offered_fast(
    size: int, fmt: str, layouts: Iterable[Iterable[str]], repairs: Repairs, fast_from: int | None
) -> bool:
    """Whether a member is offered to pyarrow: by its size and the headers the mapping knows for it (none
    of them may need joins only the dialect reader makes); the file's own start then decides (``dialect.read_csv``).
    The scheduling and the import before a fork expect the same answer, so they ask here too."""
    return (
        fast_from is not None
        and size >= fast_from
        and fmt == "csv"
        and not any(repairs.splits_records(list(h)) and not repairs.joins_short_rows(list(h)) for h in layouts)
    )


def open_table(member: Member, fmt: str, repairs: Repairs = NO_REPAIRS, fast: bool = False) -> Table:
    """The member as a Table: an article (``fmt`` "article") or a CSV file, by pyarrow if ``fast`` and
    pyarrow can be imported."""
    if fmt == "article":
        return read_article(member)
    if fast:
        from analyzer.read import arrow

        if arrow.arrow() is not None:
            return read_csv(member, repairs, fast=arrow.arrow_columns)
    return read_csv(member, repairs)


def read_member(
    member: Member, fmt: str, repairs: Repairs, fast: bool, consume: Callable[[Table], T]
) -> tuple[T, Table]:
    """``consume`` the member's table; if the fast reader gives it back, consume the dialect reader's
    table instead. Returns the result and the table it came from (its problems and notes are complete)."""
    table = open_table(member, fmt, repairs, fast)
    if table.fast:
        try:
            return consume(table), table
        except Irregular:
            table = read_csv(member, repairs)
    return consume(table), table
