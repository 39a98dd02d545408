"""Tables: a header and a stream of record batches, seen column by column; the readers' limits and seams.

Imports nothing else of ``read/``: the readers (``dialect``, ``arrow``, ``html``) build on it, and the
analysis only ever sees a ``Table`` and its ``Columns``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress
from operator import itemgetter, not_
from typing import Any, Protocol

from analyzer.errors import ArchiveError
from analyzer.limits import KiB, MiB
from analyzer.said import Said

#: Largest single CSV field read (characters). Real resume texts are a few hundred KiB.
FIELD_LIMIT = 16 * MiB
#: Longest physical line read; longer ones stop the file with a problem (a quoted field may span lines).
LINE_LIMIT = FIELD_LIMIT
#: The most columns a file may have: Excel's own limit; LinkedIn's files have at most a few dozen, and every
#: column costs memory in every batch (a 2 MB header of a million columns would need gigabytes).
#: Largest article HTML file read into memory.
ARTICLE_LIMIT = 16 * MiB
#: Bytes looked at to tell the encoding.
SNIFF_BYTES = 64 * KiB
#: Records are handed on in batches of this many, so that the analysis can work column by column in C.
BATCH = 4096

#: What a date cell is counted by (see datecount.DateColumn): its first ten characters (ISO-like dates),
#: the part before the first comma (US short dates with a time), the day of a Java timestamp (``Sun Feb 09
#: 20:29:05 UTC 2025`` → ``Feb 09, 2025``, which dates.parse_date reads as the same day), or the whole value.
DATE_KEYS = ("iso", "us", "java", "whole")
JAVA_DATE = r"[A-Za-z]{3} [A-Za-z]{3} [0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} [A-Za-z]{2,5} [0-9]{4}"
_JAVA_OR_EMPTY = re.compile(f"(?:{JAVA_DATE})?")
TAGS = re.compile(r"<[^<>]+>")  # not <[^>]+>: that rescans to the end from every "<" (quadratic)

_FIRST_TEN = itemgetter(slice(0, 10))


def _us_key(value: str) -> str:
    """A US date's key: the part before the comma (``1/8/18``), or the whole value where that part is empty: a
    value that starts with a comma is no empty cell, and must not count as one (it is no date)."""
    return value.partition(",")[0] or value


class Irregular(Exception):
    """The file needs the dialect reader; raised by the fast reader before the figures are trusted."""


class Joiner(Protocol):
    """Puts together records a platform splits over several physical lines."""

    def join(self, rows: list[list[str]]) -> list[list[str]]:
        """The records ``rows`` complete; the last one may be held back until ``flush``."""

    def flush(self) -> list[list[str]]: ...


class Repairs(Protocol):
    """What a platform knows about its CSV files beyond the plain dialect. ``read/`` applies it;
    ``platforms/`` declares it (LinkedIn's: ``platforms/linkedin/repairs.py``)."""

    #: RE2 patterns for the fast reader: a cell wrapped line by line in quotes, and one break with its quotes.
    unwrap_re2: tuple[str, str]

    def splits_records(self, header: Sequence[str]) -> bool:
        """True when records of a file with this header may be split over lines (only the dialect reader joins them)."""

    def joiner(self, header: Sequence[str], delimiter: str, backslash: bool) -> tuple[Joiner, str | None, str] | None:
        """For such a file: the joiner, the csv escape character and a note for the report; else None."""

    def joins_short_rows(self, header: Sequence[str]) -> bool:
        """True when the joiner's rule is that a row of fewer cells than the header, or a blank line, continues
        the last cell of the record before it (``read/arrow_join.py`` then joins the file's records in Arrow)."""

    def unwrap_columns(self, header: Sequence[str]) -> list[int]:
        """Columns whose cells are wrapped in quotes line by line."""

    def unwrap(self, cell: str) -> str:
        """One such cell without its line-wrapping quotes."""

    def is_preamble(self, line: str) -> bool:
        """True for the first line of text the platform writes before the header (ended by a blank line)."""

    def is_placeholder(self, line: str) -> bool:
        """True for a line the platform writes instead of a table (no records)."""


class NoRepairs:
    """A platform whose files are plain CSV."""

    unwrap_re2 = ("", "")

    def splits_records(self, header: Sequence[str]) -> bool:
        return False

    def joiner(self, header: Sequence[str], delimiter: str, backslash: bool) -> None:
        return None

    def joins_short_rows(self, header: Sequence[str]) -> bool:
        return False

    def unwrap_columns(self, header: Sequence[str]) -> list[int]:
        return []

    def unwrap(self, cell: str) -> str:
        return cell

    def is_preamble(self, line: str) -> bool:
        return False

    def is_placeholder(self, line: str) -> bool:
        return False


NO_REPAIRS = NoRepairs()


class KeyCounter(Protocol):
    """Date keys counted across batches (``Columns.date_keys``), held until they are folded in."""

    def add(self, keys: Any) -> None:
        """Count one batch's keys (from ``date_keys`` of the same reader)."""

    def __len__(self) -> int:
        """Distinct keys held, or more (never fewer)."""

    def take(self) -> Counter[str]:
        """The keys counted so far; counting starts afresh."""


class Columns(Protocol):
    """One batch of records, answered column by column. A ``mask`` is whatever ``mine`` returned."""

    def __len__(self) -> int: ...

    def filled(self) -> list[int]:
        """Per column, the cells holding something other than nothing or white space (data points)."""

    def date_keys(self, i: int, keys: str, sure: str) -> tuple[Any, set[str]] | None:
        """The date keys (one of DATE_KEYS) of column ``i``, in the reader's own form for its ``key_counter``, and
        those of them to be checked by their shape (see datecount.DateColumn): every distinct key, or only those
        the RE2 pattern ``sure`` does not match (none when ``sure`` is empty). None when a value is not what the
        keys assume (only checked for "java")."""

    def key_counter(self) -> KeyCounter:
        """What counts the date keys of one column across this reader's batches."""

    def mine(self, i: int, wanted: str) -> Any:
        """A mask of the records whose column ``i``, stripped and lower-cased, equals ``wanted``."""

    def words(self, i: int, mask: Any) -> int:
        """Words in column ``i`` (of the masked records), HTML tags removed, as ``str.split`` counts them."""

    def contact_text(self, i: int, mask: Any) -> str:
        """Text holding every contact detail in column ``i`` (of the masked records), HTML tags removed:
        at least each cell with an ``@`` or a run of digits (see contacts.find_contacts), one per line."""

    def cells(self, i: int, mask: Any) -> list[str]:
        """The cells of column ``i`` (of the masked records) as Python strings."""

    def count_values(self, i: int, values: frozenset[str], mask: Any) -> Counter[str]:
        """How often each of ``values`` (stripped, lower-cased) is a cell of column ``i`` (of the masked records)."""

    def split(self, i: int, takes: Callable[[str], bool]) -> tuple[Columns, Columns]:
        """The records whose cell in column ``i`` ``takes`` is true for, and the others (each distinct cell asked once)."""

    def rows(self) -> list[list[str]]: ...


def filled_count(column: tuple[str, ...]) -> int:
    """Cells holding something other than nothing or white space, counted in C."""
    return len(column) - column.count("") - sum(map(str.isspace, column))


def _untag(cell: str) -> str:
    return TAGS.sub(" ", cell) if "<" in cell else cell


def _java_key(value: str) -> str:
    return f"{value[4:10]},{value[-5:]}" if value else ""


_PY_KEYS: dict[str, Callable[[tuple[str, ...]], Any]] = {
    "iso": lambda column: map(_FIRST_TEN, column),
    "us": lambda column: map(_us_key, column),
    "java": lambda column: map(_java_key, column),
}


class RowColumns:
    """A batch of records from the dialect reader, transposed once into columns."""

    def __init__(self, rows: list[list[str]], markup: bool = True):
        self._rows = rows
        self._markup = markup  # cells may hold HTML tags, removed before words and contact details are read
        self._columns = list(zip(*rows, strict=True))
        self._texts: dict[int, str] = {}  # words() and contact_text() share the joined text of a column

    def __len__(self) -> int:
        return len(self._rows)

    def filled(self) -> list[int]:
        return [filled_count(column) for column in self._columns]

    def date_keys(self, i: int, keys: str, sure: str) -> tuple[Any, set[str]] | None:
        column = self._columns[i]
        if keys == "java" and not all(map(_JAVA_OR_EMPTY.fullmatch, column)):
            return None
        found = column if keys == "whole" else list(_PY_KEYS[keys](column))
        return found, set(found) if sure else set()

    def key_counter(self) -> RowKeyCounter:
        return RowKeyCounter()

    def mine(self, i: int, wanted: str) -> list[bool]:
        if not wanted:
            return [False] * len(self._rows)
        return list(map(wanted.__eq__, map(str.lower, map(str.strip, self._columns[i]))))

    def _cells(self, i: int, mask: list[bool] | None) -> list[str] | tuple[str, ...]:
        return self._columns[i] if mask is None else list(compress(self._columns[i], mask))

    def _text(self, i: int, mask: list[bool] | None) -> str:
        if i not in self._texts:
            cells = self._cells(i, mask)
            text = "\n".join(cells)
            self._texts[i] = "\n".join(map(_untag, cells)) if self._markup and "<" in text else text
        return self._texts[i]

    def words(self, i: int, mask: list[bool] | None) -> int:
        return len(self._text(i, mask).split())

    def contact_text(self, i: int, mask: list[bool] | None) -> str:
        return self._text(i, mask)

    def cells(self, i: int, mask: list[bool] | None) -> list[str]:
        return list(self._cells(i, mask))

    def count_values(self, i: int, values: frozenset[str], mask: list[bool] | None) -> Counter[str]:
        return Counter(v for v in map(str.lower, map(str.strip, self._cells(i, mask))) if v in values)

    def split(self, i: int, takes: Callable[[str], bool]) -> tuple[RowColumns, RowColumns]:
        column = self._columns[i] if self._rows else ()
        chosen = {v for v in set(column) if takes(v)}
        flags = list(map(chosen.__contains__, column))
        taken = list(compress(self._rows, flags))
        rest = list(compress(self._rows, map(not_, flags)))
        return RowColumns(taken, self._markup), RowColumns(rest, self._markup)

    def rows(self) -> list[list[str]]:
        return self._rows


class RowKeyCounter:
    """Date keys of the dialect reader's batches, counted in C as they come."""

    def __init__(self) -> None:
        self._counted: Counter[str] = Counter()

    def add(self, keys: Any) -> None:
        self._counted.update(keys)

    def __len__(self) -> int:
        return len(self._counted)

    def take(self) -> Counter[str]:
        counted, self._counted = self._counted, Counter()
        return counted


@dataclass
class Table:
    """A header and a stream of record batches. ``problems`` and ``notes`` grow while it is consumed.

    Every record has exactly ``len(header)`` cells. Consume one of ``batches``, ``rows`` or ``columns``, once.
    A table from the fast reader (``fast``) has only ``columns``, which may raise ``Irregular``.
    """

    header: list[str]
    batches: Iterator[list[list[str]]]
    encoding: str = "utf-8"
    delimiter: str = ","
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    empty_rows: int = 0
    fast_columns: Generator[Columns, None, None] | None = None
    #: False for text a reader already took out of HTML (articles): a ``<`` in it is text, not a tag.
    markup: bool = True
    #: The file's start escapes quotes with a backslash (``\"``), as 2026's Comments.csv does.
    backslash: bool = False

    @property
    def rows(self) -> Iterator[list[str]]:
        return chain.from_iterable(self.batches)

    @property
    def fast(self) -> bool:
        return self.fast_columns is not None

    @property
    def columns(self) -> Generator[Columns, None, None]:
        if self.fast_columns is not None:
            return self.fast_columns
        return (RowColumns(batch, self.markup) for batch in self.batches)


def empty_batches() -> Iterator[list[list[str]]]:
    return iter(())


def empty_rows(count: int) -> Said:
    """The note that ``count`` empty rows were skipped."""
    return Said("note.empty_rows", count=count)


def read_problem(path: str, exc: BaseException) -> str:
    """A problem line for a read that failed with ``exc``."""
    if isinstance(exc, ArchiveError):
        return Said(exc.key, **exc.values) if exc.key else str(exc)
    return Said("problem.unreadable", path=path, reason=exc)
