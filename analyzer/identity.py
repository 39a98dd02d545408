"""Record identity, for comparing two exports: every record as a fixed-size digest of the columns that
identify it, with its day and the words the member wrote in it.

The mapping declares a dataset's identifying columns (``identity``: date and link for posts, conversation,
date and sender for messages, …). Where an export lacks one of them, or the mapping declares none, a
record is identified by every column both exports have. The values are normalised first, so that an
unchanged record matches across eras: an ISO-like date by its first 19 characters with ``-`` for ``/``
(``2020/06/09 00:53:47 UTC`` and ``2020-06-09 00:53:47`` agree), identifiers and links as written, other
text with its white space and line endings collapsed and lower-cased. A digest is
8 bytes (the str hash of the normalised values), kept in arrays: a million messages cost some 16 MB, never
their text. Batches from pyarrow are normalised in Arrow's C++ (Arrow's white space and lower-casing are
Python's, as ``read/arrow.py`` relies on too), so the two readers give the same digests.
"""

from __future__ import annotations

import functools
import re
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from analyzer.dates import parse_date
from analyzer.frozen import frozen
from analyzer.mapping import Dataset
from analyzer.read import Columns, arrow
from analyzer.read.table import JAVA_DATE
from analyzer.record_words import own_words, own_words_arrow

#: An ISO-like date (2020-06-09, 2020/06/09 …); written for re and RE2 alike (ASCII digits only).
_ISO = "[0-9]{4}[-/][0-9]{2}[-/][0-9]{2}"
_ISO_RE = re.compile(_ISO)
_ISO_OR_EMPTY = f"^(?:{_ISO}|$)"  # as _normal tells them: by the start
#: Dialect-read batches of fewer records are digested in Python: Arrow's fixed cost per call (dozens of calls a
#: batch) outweighs its speed on a typical export's small files, and importing pyarrow is paid for nothing.
ARROW_FROM = 2_000
#: Identifiers and links are compared as written (stripped); dates and other text normalised.
_KINDS = {"date": "date", "identifier": "exact", "url": "exact"}
_JAVA_RE = re.compile(JAVA_DATE)
_JAVA_ONLY = f"^(?:{JAVA_DATE})$"
#: What ``str.isspace`` calls white space, written out for re and RE2 alike (RE2's ``\s`` is ASCII only).
_SPACE = "[\t-\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+"
_SPACE_RE = re.compile(_SPACE)
#: White space that is more than one plain space: only where a column has some is it collapsed (the rest is).
_ODD_SPACE = _SPACE[:-1].replace(" ", "") + "|  "
_SEPARATOR = "\x1f"
#: str's hash (SipHash) is keyed per process: digests of the two scans agree only when both ran in one
#: process or in processes forked from it (as the scan's second process is). Records carry the key's mark.
HASH_MARK = hash("linkedin-ai-exposure")


@frozen
class Key:
    """The columns that identify one dataset's records in this comparison: per column the names it may
    have (lower-cased), and whether the mapping declared them (else: the columns both exports have)."""

    columns: tuple[tuple[str, ...], ...]
    declared: bool

    def where(self, dataset: Dataset, header: Sequence[str]) -> list[tuple[int, str]]:
        """(index, how it is normalised: ``date``, ``exact`` or ``text``) of each identifying column in
        ``header``; every column when one is missing."""
        lowered = [h.strip().lower() for h in header]
        found = [next((lowered.index(n) for n in names if n in lowered), None) for names in self.columns]
        indexes = [i for i in found if i is not None]
        if not indexes or len(indexes) < len(found):
            indexes = list(range(len(header)))
        return [(i, _KINDS.get(dataset.role(header[i]) or "", "text")) for i in indexes]


def resolve(dataset: Dataset, old_header: Sequence[str], new_header: Sequence[str]) -> Key:
    """The key both exports' records of ``dataset`` are identified by: the mapping's identity when both
    headers have each of its columns, else the columns both headers have."""
    old = {h.strip().lower() for h in old_header}
    new = {h.strip().lower() for h in new_header}
    declared = tuple(tuple(n.lower() for n in names) for names in dataset.identity)
    if declared and all(any(n in old for n in names) and any(n in new for n in names) for names in declared):
        return Key(declared, True)
    shared = [h.strip().lower() for h in (old_header or new_header) if h.strip().lower() in (old & new or old | new)]
    return Key(tuple((c,) for c in dict.fromkeys(shared)), False)


def _normal(value: str, kind: str) -> str:
    value = value.strip()
    if kind == "exact":
        return value
    if kind == "date" and _ISO_RE.match(value):
        return value[:19].replace("/", "-")
    return _SPACE_RE.sub(" ", value.lower())


def _normal_column(cells: list[str], kind: str) -> list[str]:
    """``_normal`` of each cell, without a call per cell where the column is no date."""
    if kind == "date":
        return [_normal(v, kind) for v in cells]
    if kind == "exact":
        return [v.strip() for v in cells]
    sub = _SPACE_RE.sub
    return [sub(" ", v.strip().lower()) for v in cells]


def _day_key(value: str) -> str:
    """What a date cell is parsed by: the day of an ISO-like date, the part before a US date's comma."""
    value = value.strip()
    if _ISO_RE.match(value):
        return value[:10]
    if _JAVA_RE.fullmatch(value):  # Sun Feb 09 20:29:05 UTC 2025 → Feb 09, 2025 (as the tally keys it)
        return f"{value[4:10]}, {value[-4:]}"
    return value.partition(",")[0] if "/" in value[:6] else value


@frozen
class Layout:
    """Where one table's identity, day and own words are: the identifying columns with how each is normalised
    (``Key.where``), the date column, the member's text columns, the author column with the member's name (only
    their records' words count), and the placeholders that are no words of theirs."""

    where: list[tuple[int, str]]
    date_col: int | None
    text_cols: list[int]
    author: tuple[int, str] | None
    stand_ins: dict[int, frozenset[str]]

    def columns(self) -> set[int]:
        """Every column the identity, day and words are taken from."""
        dates = {self.date_col} if self.date_col is not None else set()
        return {i for i, _ in self.where} | set(self.text_cols) | dates


@dataclass
class Records:
    """The digests of one dataset's records, with each record's day (ordinal, 0: undated) and own words."""

    digests: array[int] = field(default_factory=lambda: array("q"))
    days: array[int] = field(default_factory=lambda: array("i"))
    words: array[int] = field(default_factory=lambda: array("i"))
    mark: int = HASH_MARK  # the hash key's mark in the process that made them
    #: The parts whose records were handed ahead (``take``, ``pieces.py``) while they were read, in order.
    sent: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.digests)

    def add(self, batch: Columns, layout: Layout, days: dict[str, int]) -> int:
        """Digest, day and own words of every record of ``batch``; ``days`` caches the parsed dates. Returns
        the batch's own words (as ``Columns.words`` counts them, for the dataset's figures)."""
        record_batch = getattr(batch, "record_batch", None)
        if record_batch is None and len(batch) < ARROW_FROM:  # Arrow's per-call cost outweighs its speed here
            return self._add_python(batch, layout, days)
        loaded = arrow.arrow()
        if loaded is not None:
            if record_batch is not None:
                return self._add_arrow(loaded, batch, record_batch.column, layout, days)
            wanted = layout.columns()
            try:  # the dialect reader's cells as Arrow columns: the same C++ normalises them (1.3-1.6x faster than per cell)
                columns = {i: loaded[0].array(batch.cells(i, None), loaded[0].string()) for i in wanted}
            except (UnicodeError, ValueError):  # a lone surrogate: Python does these records, with the same result
                pass
            else:
                return self._add_arrow(loaded, batch, columns.__getitem__, layout, days)
        return self._add_python(batch, layout, days)

    def _add_python(self, batch: Columns, layout: Layout, days: dict[str, int]) -> int:
        """``add`` a cell at a time, where pyarrow is not there (or cannot take a cell)."""
        size, date_col = len(batch), layout.date_col
        columns = [_normal_column(batch.cells(i, None), kind) for i, kind in layout.where]
        self.digests.extend(map(hash, map(_SEPARATOR.join, zip(*columns, strict=True))))
        if date_col is None:
            self.days.extend([0] * size)
        else:
            cells = batch.cells(date_col, None)
            found = {v: _day(v, days) for v in set(cells)}  # each distinct value once
            self.days.extend(map(found.__getitem__, cells))
        words = own_words(batch, size, layout.text_cols, layout.author, layout.stand_ins)
        self.words.extend(words)
        return sum(words)

    def _add_arrow(
        self,
        loaded: tuple[Any, Any, Any],
        batch: Columns,
        column_of: Callable[[int], Any],
        layout: Layout,
        days: dict[str, int],
    ) -> int:
        """``add`` on whole Arrow columns: only the joined, normalised values cross into Python, to be hashed. A
        column of few distinct values (a sender, a day) is normalised a distinct value at a time, in Python."""
        pc = loaded[2]
        size, date_col = len(batch), layout.date_col
        dates: dict[int, _DateColumn] = {}

        def date_of(i: int) -> _DateColumn:
            if i not in dates:
                dates[i] = _DateColumn(loaded, column_of(i), days)
            return dates[i]

        parts = []
        for i, kind in layout.where:
            if kind == "date":
                parts.append(date_of(i).normal())
            elif kind == "text":
                parts.append(_text_normal(loaded, column_of(i)))
            else:
                parts.append(pc.utf8_trim_whitespace(column_of(i)))
        joined = pc.binary_join_element_wise(*parts, arrow.scalar(_SEPARATOR, "string")) if len(parts) > 1 else parts[0]
        self.digests.extend(map(hash, joined.to_pylist()))
        if date_col is None:
            self.days.extend([0] * size)
        else:
            _extend(self.days, date_of(date_col).days())
        words = own_words_arrow(loaded, batch, column_of, size, layout.text_cols, layout.author, layout.stand_ins)
        if words is None:
            self.words.extend([0] * size)
            return 0
        _extend(self.words, words)
        return int(pc.sum(words).as_py() or 0)

    def extend(self, other: Records) -> None:
        self.digests.extend(other.digests)
        self.days.extend(other.days)
        self.words.extend(other.words)
        self.sent += other.sent

    def check_key(self, other: Records) -> None:
        """Raise where ``other`` was hashed with another key (another process's): no digest of theirs could match."""
        if other.mark != self.mark:
            raise RuntimeError("the two scans hashed with different keys: run them in one process or forked ones")

    def take(self) -> Records:
        """The records held so far, handed over whole: these records are empty again (and go on collecting)."""
        taken = Records(self.digests, self.days, self.words, self.mark)
        self.digests, self.days, self.words = array("q"), array("i"), array("i")
        return taken

    def compact(self, days: bool = True) -> None:
        """Drop the days or words that are all 0 (a file without dates or without the member's text), and the
        days when ``days`` is False (the old export's: nothing is split by them); ``full`` gives them back."""
        if not days or not any(self.days):
            self.days = array("i")
        if not any(self.words):
            self.words = array("i")

    def full(self, days: bool = True) -> Records:
        """These records with the days (unless ``days`` is False) and words ``compact`` dropped as zeros again."""
        size = len(self.digests)
        kept = self.days if len(self.days) == size or not days else array("i", bytes(4 * size))
        words = self.words if len(self.words) == size else array("i", bytes(4 * size))
        return Records(self.digests, kept, words, self.mark)


#: The ordinal of 1970-01-01, Arrow's day 0.
_EPOCH = date(1970, 1, 1).toordinal()
#: A column with at most one distinct value in this many cells (a sender, a day) is normalised a distinct value at a time.
_FEW = 4


def _few_values(encoded: Any) -> Any:
    """Dictionary-``encoded`` cells where they have at most one distinct value in ``_FEW``; else None."""
    return encoded if len(encoded.dictionary) * _FEW <= len(encoded) else None


def _by_value(loaded: Any, encoded: Any, of: Callable[[str], Any], kind: Any) -> Any:
    """``of`` each distinct value of dictionary-``encoded`` cells, per cell."""
    pa, _, pc = loaded
    return pc.take(pa.array([of(v) for v in encoded.dictionary.to_pylist()], kind), encoded.indices)


def _text_normal(loaded: tuple[Any, Any, Any], column: Any) -> Any:
    """``_normal`` of a text column in Arrow: trimmed, lower-cased, its white space collapsed."""
    pa, _, pc = loaded
    if (values := _few_values(pc.dictionary_encode(column))) is not None:
        return _by_value(loaded, values, lambda v: _SPACE_RE.sub(" ", v.strip().lower()), pa.string())
    lowered = pc.utf8_lower(pc.utf8_trim_whitespace(column))
    if not pc.any(pc.match_substring_regex(lowered, _ODD_SPACE)).as_py():
        return lowered  # matching is half the cost of replacing
    return pc.replace_substring_regex(lowered, _SPACE, " ")


class _DateColumn:
    """A date column of an Arrow batch, trimmed: its cells as they identify a record (``_normal``) and their days.
    Where every cell is an ISO-like date (or empty), as in most files, only the distinct days cross into Python;
    else the distinct values, when they are few; else every cell is told apart in Arrow."""

    def __init__(self, loaded: tuple[Any, Any, Any], column: Any, days: dict[str, int]):
        self._loaded, pc = loaded, loaded[2]
        self._days, self._day_of = days, functools.partial(_day, cache=days)  # by _day's keys
        self.column = pc.utf8_trim_whitespace(column)
        self.keys = pc.dictionary_encode(pc.utf8_slice_codeunits(self.column, 0, 10))
        self.iso = pc.all(pc.match_substring_regex(self.keys.dictionary, _ISO_OR_EMPTY)).as_py() is not False

    @functools.cached_property
    def _encoded(self) -> Any:  # the cells dictionary-encoded, once: what is worked out of a cell is, per value
        return self._loaded[2].dictionary_encode(self.column)

    @property
    def _few(self) -> Any:  # the cells dictionary-encoded where their distinct values are few, else None
        return _few_values(self._encoded)

    def normal(self) -> Any:
        pa, _, pc = self._loaded
        if self.iso:
            day = pc.utf8_slice_codeunits(self.column, 0, 19)
            data = day.buffers()[2]
            return pc.replace_substring(day, "/", "-") if data is not None and b"/" in data.to_pybytes() else day
        if (values := self._few) is not None:
            return _by_value(self._loaded, values, lambda v: _normal(v, "date"), pa.string())
        values = self._encoded.dictionary  # in Arrow, each distinct value once
        iso = pc.match_substring_regex(values, _ISO_OR_EMPTY)
        day = pc.replace_substring(pc.utf8_slice_codeunits(values, 0, 19), "/", "-")
        return pc.take(pc.if_else(iso, day, _text_normal(self._loaded, values)), self._encoded.indices)

    def days(self) -> Any:
        """Each cell's day (ordinal; 0: none), an int32 array."""
        pa, pc = self._loaded[0], self._loaded[2]
        if self.iso:
            found = self._iso_days()
            return found if found is not None else self._keyed(self.keys)
        encoded = self._encoded  # each distinct value once
        column = encoded.dictionary
        # Values that are their own parsing keys (16 Dec 2024) are found among the days parsed, if all of them are.
        if len(column) and self._days.get(column[0].as_py()) is not None:
            found = list(map(self._days.get, column.to_pylist()))
            if None not in found:
                return pc.take(pa.array(found, pa.int32()), encoded.indices)
        # Else each value's parsing key (``_day_key``), in Arrow; only keys not seen before are parsed, in Python.
        java = pc.binary_join_element_wise(
            pc.utf8_slice_codeunits(column, 4, 10), pc.utf8_slice_codeunits(column, -4), arrow.scalar(", ", "string")
        )  # Sun Feb 09 20:29:05 UTC 2025 → Feb 09, 2025
        us = pc.list_element(
            pc.split_pattern(column, ",", max_splits=1), arrow.scalar(0, "int32")
        )  # 9/20/26, 7:58 PM → 9/20/26
        keys = pc.if_else(
            pc.match_substring_regex(column, "^" + _ISO),
            pc.utf8_slice_codeunits(column, 0, 10),
            pc.if_else(
                pc.match_substring_regex(column, _JAVA_ONLY),
                java,
                pc.if_else(pc.match_substring_regex(column, "(?s)^.{0,5}/"), us, column),
            ),
        )
        return pc.take(self._keyed(pc.dictionary_encode(keys)), encoded.indices)

    def _iso_days(self) -> Any:
        """The days of ISO-like keys in Arrow's C++, where each is a valid YYYY-MM-DD (or empty) of a year Python's
        ``date`` has (Arrow's date32 has year 0 too): the ordinal of ``parse_date``'s day. Else None."""
        pa, _, pc = self._loaded
        distinct = self.keys.dictionary
        if pc.any(pc.match_substring(distinct, "/")).as_py() or pc.any(pc.starts_with(distinct, "0000")).as_py():
            return None
        try:
            empty = pc.equal(distinct, arrow.scalar("", "string"))
            days = pc.cast(pc.if_else(empty, arrow.scalar(None, "string"), distinct), pa.date32())
        except pa.ArrowInvalid:  # a day no calendar has (2021-02-30): parsed in Python, as 0
            return None
        ordinals = pc.fill_null(
            pc.add(pc.cast(days, pa.int32()), arrow.scalar(_EPOCH, "int32")), arrow.scalar(0, "int32")
        )
        return pc.take(ordinals, self.keys.indices)

    def _keyed(self, keys: Any) -> Any:
        """The day of each cell by its dictionary-encoded ``_day_key``: the days parsed are found by it at C speed,
        only a key not seen before is parsed."""
        pa, pc = self._loaded[0], self._loaded[2]
        distinct = keys.dictionary.to_pylist()
        found = list(map(self._days.get, distinct))
        if None in found:  # only the keys not seen before are parsed
            found = [self._day_of(k) if day is None else day for k, day in zip(distinct, found, strict=True)]
        return pc.take(pa.array(found, pa.int32()), keys.indices)


def _day(value: str, cache: dict[str, int]) -> int:
    key = _day_key(value)
    found = cache.get(key)
    if found is None:
        when = parse_date(key) if key else None
        found = cache[key] = when.toordinal() if isinstance(when, date) else 0
    return found


def _extend(target: array[int], values: Any) -> None:
    """Append an Arrow int32 array without nulls to ``target`` (``array("i")``) by its bytes, not a Python int
    per value."""
    width = target.itemsize
    assert width == 4 and str(values.type) == "int32" and not values.null_count
    data = values.buffers()[1]
    target.frombytes(memoryview(data)[values.offset * width : (values.offset + len(values)) * width])
