"""Every date format of the format reference, parsed to the day (or to "no year", or "cannot be read")."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.dates import NO_YEAR, UNPARSEABLE, parse_date


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("1/8/18, 6:14 PM", date(2018, 1, 8)),
        ("09/19/24, 12:47 AM", date(2024, 9, 19)),
        ("11/26/24 01:32 PM UTC", date(2024, 11, 26)),
        ("2018/08/18 17:16:55 UTC", date(2018, 8, 18)),
        ("2024-12-16 18:24:37 UTC", date(2024, 12, 16)),
        ("2024-06-17 06:01:43", date(2024, 6, 17)),
        ("2021-03-25 08:46 UTC", date(2021, 3, 25)),
        ("Sat Dec 14 08:57:55 UTC 2024", date(2024, 12, 14)),
        ("16 Dec 2024", date(2024, 12, 16)),
        ("Feb 17, 1998", date(1998, 2, 17)),
        ("Mar 31", NO_YEAR),
        ("Jun 2018", date(2018, 6, 1)),
        ("2016", date(2016, 1, 1)),
        ("2025/10/09", date(2025, 10, 9)),
        ("2024-11-13", date(2024, 11, 13)),
        ("Sep 23, 2022 12:00 PM - Sep 23, 2022 12:20 PM", date(2022, 9, 23)),
        ("You uploaded a video on November 12, 2024 at 2:56 AM (GMT)", date(2024, 11, 12)),
        ("N/A", None),
        ("", None),
        ("---", None),
        ("next Tuesday", UNPARSEABLE),
        ("2024-13-45", UNPARSEABLE),
    ],
)
def test_every_date_format_in_the_reference(raw, expected):
    assert parse_date(raw) == expected
