"""Every date format seen in LinkedIn exports (2018–2026), parsed to a calendar day; nothing guessed."""

from __future__ import annotations

import re
from datetime import date

from analyzer.errors import UsageError

#: Returned for a value that is a date without a year (``Mar 31`` birthdays): not a failure, not datable.
NO_YEAR = "no-year"
#: Returned for a non-empty value no known format matches.
UNPARSEABLE = "unparseable"

_EMPTY = {"", "n/a", "na", "-", "--", "---", "null", "none", "not available"}
_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip

_US = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")  # 1/8/18, 6:14 PM · 11/26/24 01:32 PM UTC
_DAY_MON_YEAR = re.compile(r"(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})\b")  # 16 Dec 2024
_YEAR = re.compile(r"(\d{4})")  # 2016
_JAVA = re.compile(
    r"[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) \d{1,2}:\d{2}:\d{2} [A-Za-z]{2,5} (\d{4})"
)  # Sat Dec 14 08:57:55 UTC 2024
_MON_DAY_YEAR = re.compile(r"([A-Za-z]{3,9})\.? (\d{1,2}), (\d{4})")  # Feb 17, 1998 · Sep 23, 2022 12:00 PM - …
_MON_YEAR = re.compile(r"([A-Za-z]{3,9})\.? (\d{4})")  # Jun 2018
_MON_DAY = re.compile(r"([A-Za-z]{3,9})\.? (\d{1,2})")  # Mar 31
_PROSE = re.compile(r"\b([A-Z][a-z]{2,8}) (\d{1,2}), (\d{4})\b")  # You uploaded a video on November 12, 2024 at …


def _make(year: int, month: int, day: int) -> date | str:
    try:
        return date(year, month, day)
    except ValueError:
        return UNPARSEABLE


def parse_date(raw: str) -> date | str | None:
    """A ``date``; None for empty or ``N/A``; NO_YEAR or UNPARSEABLE otherwise."""
    s = raw.strip().strip('"').strip()
    if s.lower() in _EMPTY:
        return None
    first = s[0]
    if first.isdecimal():  # not isdigit(): "²" and "①" are digits that int() refuses
        if len(s) >= 10 and s[4] in "-/" and s[7] == s[4] and s[:4].isdecimal():
            if s[5:7].isdecimal() and s[8:10].isdecimal():
                return _make(int(s[:4]), int(s[5:7]), int(s[8:10]))
            return UNPARSEABLE
        if m := _US.match(s):
            year = int(m[3])
            return _make(year + 2000 if year < 100 else year, int(m[1]), int(m[2]))
        if m := _DAY_MON_YEAR.match(s):
            month = _MONTHS.get(m[2].lower())
            return _make(int(m[3]), month, int(m[1])) if month else UNPARSEABLE
        if _YEAR.fullmatch(s):
            return _make(int(s), 1, 1)
        return UNPARSEABLE
    if m := _JAVA.fullmatch(s):
        month = _MONTHS.get(m[1].lower())
        return _make(int(m[3]), month, int(m[2])) if month else UNPARSEABLE
    if m := _MON_DAY_YEAR.match(s):
        month = _MONTHS.get(m[1].lower())
        if month:
            return _make(int(m[3]), month, int(m[2]))
    if m := _MON_YEAR.fullmatch(s):
        month = _MONTHS.get(m[1].lower())
        if month:
            return _make(int(m[2]), month, 1)
    if (m := _MON_DAY.fullmatch(s)) and _MONTHS.get(m[1].lower()):
        return NO_YEAR
    if m := _PROSE.search(s):
        month = _MONTHS.get(m[1].lower())
        if month:
            return _make(int(m[3]), month, int(m[2]))
    return UNPARSEABLE


_GERMAN_DAY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def parse_day_option(value: str | None, option: str) -> date | None:
    """A day given on the command line, as 2025-11-03 or as Germans write it, 3.11.2025; a UsageError names
    both forms."""
    if value is None:
        return None
    text = value.strip()
    german = _GERMAN_DAY.fullmatch(text)
    try:
        return date(int(german[3]), int(german[2]), int(german[1])) if german else date.fromisoformat(text)
    except ValueError:
        raise UsageError.said("err.day", option=option, value=repr(value)) from None
