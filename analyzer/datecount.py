"""Dates of a dataset: distinct date keys counted across batches, then folded into years, first and last,
before and after the policy start and the member's opt-out. Each distinct value is parsed once."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from analyzer.dates import UNPARSEABLE, parse_date
from analyzer.frozen import frozen
from analyzer.read.table import DATE_KEYS, Columns, KeyCounter

_US_DAY = re.compile(r"\d{1,2}/\d{1,2}/\d{2}")
_EMPTY = "empty"  # stand-in for parse_date's None
#: Distinct date values held before they are parsed and folded in.
PENDING_LIMIT = 50_000
#: Each dataset parses its own distinct keys; most are days, which the other datasets share (about 3,300 days in
#: the heavy archive's ten large files): each is parsed once, for all of them.
_parsed = lru_cache(maxsize=1 << 16)(parse_date)


@frozen
class DateSplit:
    """The days records are split by: the policy start for the member's region, and the day from which,
    after their opt-out, their records were no longer open to training (``Verdict.exposed_until``)."""

    policy_start: date | None = None
    exposed_until: date | None = None


@dataclass
class DateFigures:
    """What the dates of one dataset add up to. ``merge`` adds another part's figures."""

    years: Counter[int] = field(default_factory=Counter)
    before: Counter[int] = field(default_factory=Counter)  # per year, records before the policy start
    after: Counter[int] = field(default_factory=Counter)
    first: date | None = None
    last: date | None = None
    undated: int = 0
    bad_dates: int = 0
    before_opt_out: int = 0
    after_opt_out: int = 0
    unreadable_sample: str = ""  # the first date value that could not be read, to say what it looks like

    def fold(self, keys: Counter[str], split: DateSplit, primary: bool) -> None:
        """Parse each distinct date once and add its count; only the ``primary`` date column dates records,
        the others count only the values that could not be read."""
        start, opt_out = split.policy_start, split.exposed_until
        for raw, count in keys.items():
            when = _parsed(raw) or _EMPTY
            if when is UNPARSEABLE and not self.unreadable_sample:
                self.unreadable_sample = raw
            if not primary:
                if when is UNPARSEABLE:
                    self.bad_dates += count
                continue
            if isinstance(when, date):
                year = when.year
                self.years[year] += count
                if self.first is None or when < self.first:
                    self.first = when
                if self.last is None or when > self.last:
                    self.last = when
                if start is not None:
                    if when < start:
                        self.before[year] += count
                    else:
                        self.after[year] += count
                if opt_out is not None:
                    if when < opt_out:
                        self.before_opt_out += count
                    else:
                        self.after_opt_out += count
            else:
                self.undated += count
                if when is UNPARSEABLE:
                    self.bad_dates += count

    def merge(self, other: DateFigures) -> None:
        self.years += other.years
        self.before += other.before
        self.after += other.after
        self.first = min((d for d in (self.first, other.first) if d is not None), default=None)
        self.last = max((d for d in (self.last, other.last) if d is not None), default=None)
        self.undated += other.undated
        self.bad_dates += other.bad_dates
        self.before_opt_out += other.before_opt_out
        self.after_opt_out += other.after_opt_out
        self.unreadable_sample = self.unreadable_sample or other.unreadable_sample


class DateColumn:
    """Counts the distinct dates of one column across batches, so that each is parsed only once.

    ISO-like values (2024-12-16 18:24:37 UTC, 2018/08/18 …) are counted by their first ten characters,
    US short dates (1/8/18, 6:14 PM) by the part before the comma and Java timestamps (Sun Feb 09
    20:29:05 UTC 2025) by their day, which is all the figures need; any other value by the whole of it.
    The keys are chosen on the first batch; counting runs in C and only keys never seen before are
    checked, so a column that changes format mid-file still counts right: a batch with a key that does
    not fit is counted by whole values, and so is the rest of the column.
    """

    def __init__(self) -> None:
        self.pending: KeyCounter | None = None  # the reader's own, made on the first batch
        self._keys: str | None = None  # one of DATE_KEYS, chosen on the first batch
        self._valid: set[str] = set()

    def add(self, batch: Columns, i: int) -> None:
        if self.pending is None:
            self.pending = batch.key_counter()
        if self._keys is None:  # the first batch: the first keys every value fits
            for keys in DATE_KEYS:
                found = batch.date_keys(i, keys, _SURE[keys])
                if found is not None and self._fit(keys, found[1]):
                    self._keys = keys
                    self.pending.add(found[0])
                    return
        assert self._keys is not None  # "whole" fits every value
        found = batch.date_keys(i, self._keys, _SURE[self._keys])
        if found is None or not self._fit(self._keys, found[1]):  # rare: the format changed
            self._keys = "whole"
            found = batch.date_keys(i, "whole", "")
            assert found is not None
        self.pending.add(found[0])

    def _fit(self, keys: str, unsure: set[str]) -> bool:
        """Whether every one of these keys fits ``keys`` (each checked once, in Python)."""
        new = unsure - self._valid
        if all(map(_FITS[keys], new)):
            self._valid |= new
            return True
        return False

    def held(self) -> int:
        """Distinct keys held, or more."""
        return len(self.pending) if self.pending is not None else 0

    def take(self) -> Counter[str]:
        """The keys counted so far, to be folded; counting starts afresh."""
        return self.pending.take() if self.pending is not None else Counter()


def _is_iso_day(key: str) -> bool:
    return not key or (len(key) == 10 and key[4] in "-/" and key[7] == key[4])


def _is_us_day(key: str) -> bool:
    return not key or _US_DAY.fullmatch(key) is not None


def _any(key: str) -> bool:
    return True


_FITS: dict[str, Callable[[str], bool]] = {"iso": _is_iso_day, "us": _is_us_day, "java": _any, "whole": _any}
#: RE2 patterns that only keys fitting their _FITS match (ASCII digits, which Python's \d also takes): a
#: reader may leave the keys these match unchecked. Empty: every key fits.
_SURE = {"iso": r"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}/[0-9]{2}/[0-9]{2})?$", "us": r"^(?:[0-9]{1,2}/[0-9]{1,2}/[0-9]{2})?$",
         "java": "", "whole": ""}  # fmt: skip
