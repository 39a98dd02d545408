"""Dates counted by distinct key across batches give exactly the figures of parsing every value."""

from __future__ import annotations

import csv
import io
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.datecount import DateColumn, DateFigures, DateSplit
from analyzer.dates import UNPARSEABLE, parse_date
from analyzer.mapping import load_mapping
from analyzer.pipeline import ScanOptions, scan
from analyzer.read import arrow as columnar
from analyzer.read.table import RowColumns
from tests.read.test_arrow import Spy

MAPPING = load_mapping()


@pytest.mark.parametrize("fast_from", [None, 0], ids=["dialect-reader", "pyarrow"])
def test_java_timestamps_are_counted_by_day_as_parsing_each_would(make_export, monkeypatch, fast_from):
    monkeypatch.setattr(columnar, "BLOCK_BYTES", 64 * 1024)  # several batches for pyarrow too
    logins = ["Sun Feb 09 20:29:05 UTC 2025", "Tue Nov 03 02:31:24 UTC 2026", "Mon Dec 31 23:59:59 CET 2018"] * 3000
    logins += ["", "Sat Xyz 14 08:57:55 UTC 2024", "Fri Feb 30 10:00:00 UTC 2024"]  # no month, no such day
    tail = ["Wed Jan 01 10:00:00 UTC 2020", "1/8/18, 6:14 PM"]  # a later batch leaves the Java shape
    values = logins + tail
    path = make_export({"Logins.csv": "Login Date,IP Address,User Agent,Login Type\n"
                        + "".join(f"{v},192.0.2.1,Mozilla/5.0,Login\n" for v in values)})  # fmt: skip
    (d,) = scan(path, MAPPING, ScanOptions(fast_from=fast_from, fast_total=0, workers=1)).datasets
    parsed = [parse_date(v) for v in values]
    years = Counter(p.year for p in parsed if isinstance(p, date))
    assert [(y.year, y.records) for y in d.per_year] == sorted(years.items())
    assert d.bad_dates == sum(p is UNPARSEABLE for p in parsed) == 2
    assert d.undated == 3 and (d.first_date, d.last_date) == (date(2018, 1, 8), date(2026, 11, 3))


def test_a_date_column_that_changes_format_mid_file(make_export):
    rows = (
        ["2024-06-17 06:01:43,LIKE,https://x"] * 5000
        + ["16 Dec 2025,LIKE,https://y"] * 7
        + ["2023-01-01 10:00:00,LIKE,https://z"] * 3
    )
    path = make_export({"Reactions.csv": "Date,Type,Link\n" + "\n".join(rows) + "\n"})
    (d,) = scan(path, MAPPING).datasets
    assert [(y.year, y.records) for y in d.per_year] == [(2023, 3), (2024, 5000), (2025, 7)]
    assert (d.first_date, d.last_date, d.bad_dates) == (date(2023, 1, 1), date(2025, 12, 16), 0)


#: ASCII digits mostly, and digits only Python's \d takes (Arabic-Indic, fullwidth): RE2 vouches for ASCII
#: keys only, so the others must reach the exact check in Python, with either reader.
LOGINS = ["Login Date", "IP Address", "User Agent", "Login Type"]
_DIGIT = st.sampled_from("0123456789" * 4 + "٠١٢٣٤٥٦٧٨٩１２")
_SHAPES = ["####-##-## 10:00:00 UTC", "####/##/##", "####-##-##", "#/##/##, 6:14 PM", "##/#/##", "##/##/##, 9:00 AM",
           "####-#-## 10:00", "## Dec ####", "Sun Feb ## 20:29:05 UTC ####", "####", "", " ", "#.#.####", "N/A", "Dec ##, ####", "Tue, ## Dec #### 10:00", "##/##/####, 10:00"]  # fmt: skip


@st.composite
def _dates(draw: st.DrawFn) -> list[str]:
    """A date column: mostly one shape (it chooses the keys), then any shape, anywhere."""
    first = draw(st.sampled_from(_SHAPES))
    shapes = draw(st.lists(st.one_of(st.just(first), st.sampled_from(_SHAPES)), min_size=1, max_size=80))
    return ["".join(draw(_DIGIT) if c == "#" else c for c in shape) for shape in shapes]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_dates())
def test_date_keys_count_as_parsing_each_value_would_with_either_reader(monkeypatch, values):
    monkeypatch.setattr(columnar, "BLOCK_BYTES", 512)  # batches of a few records with either reader
    monkeypatch.setattr("analyzer.read.dialect.BATCH", 8)
    monkeypatch.setattr(columnar, "MERGE_KEYS", 16)  # and their keys merged every few batches
    parsed = [parse_date(v) for v in values]
    years = Counter(p.year for p in parsed if isinstance(p, date))
    days = [p for p in parsed if isinstance(p, date)]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(
        [LOGINS, *([v, "192.0.2.1", "Mozilla/5.0", "Login"] for v in values)]
    )
    spy = Spy(monkeypatch)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "Logins.csv").write_text(out.getvalue(), encoding="utf-8")
        for fast_from in (None, 0):
            report = scan(Path(folder), MAPPING, ScanOptions(fast_from=fast_from, fast_total=0, workers=1))
            (d,) = [d for d in report.datasets if d.name == "Logins.csv"]
            assert [(y.year, y.records) for y in d.per_year] == sorted(years.items())
            assert (d.first_date, d.last_date) == (min(days, default=None), max(days, default=None))
            assert d.bad_dates == sum(p is UNPARSEABLE for p in parsed)
            assert d.undated == len(parsed) - len(days)
    assert spy.batches > 0 and spy.irregular == []  # pyarrow read the file itself


@pytest.mark.parametrize("reader", ["rows", "arrow"])
def test_a_cell_that_starts_with_a_comma_is_no_empty_us_date(reader):
    """Its US key (the part before the comma) is empty; alone in the first batch, it counted as an empty cell
    instead of a date that could not be read. Either reader, as the dialect reader's batches may split anywhere."""
    if reader == "arrow":
        pa = pytest.importorskip("pyarrow")
        from analyzer.read.arrow import ArrowColumns

        def batch(cells):
            return ArrowColumns(pa.record_batch([pa.array(cells, pa.string())], names=["c0"]))
    else:

        def batch(cells):
            return RowColumns([[cell] for cell in cells])

    column = DateColumn()
    column.add(batch([",oops"]), 0)
    column.add(batch(["1/8/18", ""]), 0)
    figures = DateFigures()
    figures.fold(column.take(), DateSplit(), primary=True)
    assert (figures.bad_dates, figures.undated, sum(figures.years.values())) == (1, 2, 1)
