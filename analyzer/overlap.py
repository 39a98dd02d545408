"""Records two files of one export both hold (a legacy file beside its successor) are counted once.

The mapping names such a pair: the older dataset says ``same_records_as = "<newer dataset>"``. A record is
the same when the columns both files have hold the same values: stripped, lower-cased, and dates read as
days (so ``2020/06/09 00:53:47 UTC`` and ``2020-06-09`` agree). Keys are kept as 16-byte digests, so a
large file costs little memory. The newer file's records are counted as usual; those of the older file
that it already holds are left out of every figure and reported.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date

from analyzer.archive import Member
from analyzer.dates import parse_date
from analyzer.mapping import Dataset
from analyzer.model import DatasetFigures
from analyzer.read import Repairs, Table, read_member


class Keys:
    """How the records of one dataset are told apart for the pair: the values of the shared columns."""

    def __init__(self, dataset: Dataset, columns: Sequence[str]):
        self._dataset = dataset
        self._columns = tuple(columns)

    def of(self, header: Sequence[str]) -> list[tuple[int, bool]] | None:
        """(index, is a date) of each shared column in ``header``; None when one is missing."""
        lowered = [h.strip().lower() for h in header]
        if any(c not in lowered for c in self._columns):
            return None
        return [(lowered.index(c), self._dataset.role(c) == "date") for c in self._columns]

    @staticmethod
    def digest(row: Sequence[str], where: list[tuple[int, bool]]) -> bytes:
        parts = []
        for i, is_date in where:
            value = row[i].strip()
            when = parse_date(value) if is_date else None
            parts.append(when.isoformat() if isinstance(when, date) else value.lower())
        return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=16).digest()


def record_keys(dataset: Dataset, members: list[Member], repairs: Repairs, keys: Keys) -> Counter[bytes]:
    """The digests of every record of ``dataset`` (the newer file of a pair), as often as they occur."""
    found: Counter[bytes] = Counter()

    def consume(table: Table) -> None:
        where = keys.of(table.header)
        if where is None:
            for _ in table.batches:
                pass
            return
        for batch in table.batches:
            found.update(Keys.digest(row, where) for row in batch)

    for member in members:
        read_member(member, dataset.format, repairs, False, consume)
    return found


class Overlap:
    """Filters the records of the older file of a pair that the newer file holds too (each match once)."""

    def __init__(self, other: str, keys: Keys, held: Counter[bytes]):
        self.other = other  # the newer dataset's name
        self._keys = keys
        self._held = Counter(held)
        self.dropped = 0

    def batches(self, header: Sequence[str], batches: Iterator[list[list[str]]]) -> Iterator[list[list[str]]]:
        where = self._keys.of(header)
        if where is None:  # the older file lacks a shared column: nothing can be matched
            yield from batches
            return
        for batch in batches:
            kept = []
            for row in batch:
                key = Keys.digest(row, where)
                if self._held[key] > 0:
                    self._held[key] -= 1
                    self.dropped += 1
                else:
                    kept.append(row)
            yield kept

    def annotate(self, figures: DatasetFigures) -> DatasetFigures:
        return replace(figures, counted_once=self.dropped, same_records_as=self.other)
