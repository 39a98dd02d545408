"""Record identity, for comparing two exports: every record as a fixed-size digest of the columns that
identify it, with its day and the words the member wrote in it.

The mapping declares a dataset's identifying columns (``identity``: date and link for posts, conversation,
date and sender for messages, …). Where an export lacks one of them, or the mapping declares none, a
record is identified by every column both exports have. The values are normalised first, so that an
unchanged record matches across eras: white space and line endings collapsed, lower-cased, an ISO-like
date reduced to its digits (``2020/06/09 00:53:47 UTC`` and ``2020-06-09 00:53:47`` agree). A digest is
8 bytes (blake2b), kept in arrays: a million messages cost some 16 MB, never their text.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from analyzer.dates import parse_date
from analyzer.mapping import Dataset
from analyzer.read import Columns
from analyzer.read.table import TAGS

_ISO = re.compile(r"\d{4}[-/]\d{2}[-/]\d{2}")
_NOT_DIGIT = re.compile(r"\D")
_SEPARATOR = "\x1f"


@dataclass(frozen=True)
class Key:
    """The columns that identify one dataset's records in this comparison: per column the names it may
    have (lower-cased), and whether the mapping declared them (else: the columns both exports have)."""

    columns: tuple[tuple[str, ...], ...]
    declared: bool

    def where(self, dataset: Dataset, header: Sequence[str]) -> list[tuple[int, bool]]:
        """(index, is a date) of each identifying column in ``header``; every column when one is missing."""
        lowered = [h.strip().lower() for h in header]
        found = [next((lowered.index(n) for n in names if n in lowered), None) for names in self.columns]
        indexes = [i for i in found if i is not None]
        if not indexes or len(indexes) < len(found):
            indexes = list(range(len(header)))
        return [(i, dataset.role(header[i]) == "date") for i in indexes]


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


def _normal(value: str, is_date: bool) -> str:
    value = value.strip()
    if is_date and _ISO.match(value):
        return _NOT_DIGIT.sub("", value)
    return " ".join(value.lower().split())


def _day_key(value: str) -> str:
    """What a date cell is parsed by: the day of an ISO-like date, the part before a US date's comma."""
    value = value.strip()
    if _ISO.match(value):
        return value[:10]
    return value.partition(",")[0] if "/" in value[:6] else value


@dataclass
class Records:
    """The digests of one dataset's records, with each record's day (ordinal, 0: undated) and own words."""

    digests: array[int] = field(default_factory=lambda: array("Q"))
    days: array[int] = field(default_factory=lambda: array("i"))
    words: array[int] = field(default_factory=lambda: array("i"))

    def __len__(self) -> int:
        return len(self.digests)

    def add(
        self,
        batch: Columns,
        where: list[tuple[int, bool]],
        date_col: int | None,
        text_cols: list[int],
        author: tuple[int, str] | None,
        stand_ins: dict[int, frozenset[str]],
        days: dict[str, int],
    ) -> None:
        """Digest, day and own words of every record of ``batch``; ``days`` caches the parsed dates."""
        size = len(batch)
        columns = [[_normal(v, is_date) for v in batch.cells(i, None)] for i, is_date in where]
        blake = hashlib.blake2b
        self.digests.extend(
            int.from_bytes(blake(_SEPARATOR.join(parts).encode(), digest_size=8).digest(), "little")
            for parts in zip(*columns, strict=True)
        )
        if date_col is None:
            self.days.extend([0] * size)
        else:
            self.days.extend(_day(v, days) for v in batch.cells(date_col, None))
        self.words.extend(_own_words(batch, size, text_cols, author, stand_ins))

    def extend(self, other: Records) -> None:
        self.digests.extend(other.digests)
        self.days.extend(other.days)
        self.words.extend(other.words)


def _day(value: str, cache: dict[str, int]) -> int:
    key = _day_key(value)
    found = cache.get(key)
    if found is None:
        when = parse_date(key) if key else None
        found = cache[key] = when.toordinal() if isinstance(when, date) else 0
    return found


def _own_words(
    batch: Columns,
    size: int,
    text_cols: list[int],
    author: tuple[int, str] | None,
    stand_ins: dict[int, frozenset[str]],
) -> list[int]:
    """The words of each record the member wrote themselves, as the tally counts them (tags and placeholders out)."""
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
