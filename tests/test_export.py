"""The library: an export's datasets as DataFrames, read right, and pandas loaded only when asked for."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

import analyzer
from analyzer.export import FrameError, open_export
from analyzer.mapping import load_mapping
from analyzer.pipeline import scan
from analyzer.platforms.linkedin.repairs import REPAIRS
from analyzer.read import open_table
from tests.conftest import COMMENTS, PROFILE, ROOT, SAMPLES

MAPPING = load_mapping()


def reader_records(export, name):
    """Header and records of a dataset straight from the tool's reader, parts in order."""
    dataset = export.dataset(name)
    header, rows = None, []
    for path in {e.name: e.files for e in export.datasets}[dataset.name]:
        member = next(m for m in export._archive.members if m.path == path)
        table = open_table(member, dataset.format, REPAIRS)
        part = [row for batch in table.batches for row in batch]
        if table.header and header is None:
            header = table.header
        if table.header == header:
            rows += part
    return header or [], rows


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_every_frame_equals_the_readers_records(sample):
    import pandas as pd  # here: only the worker running these tests pays its import

    with open_export(sample) as export:
        assert export.datasets
        for entry in export.datasets:
            df = export.frame(entry.name)
            header, rows = reader_records(export, entry.name)
            assert list(df.columns) == list(header), entry.name
            assert df.astype(object).values.tolist() == rows, entry.name
            assert len(df) == entry.records
            assert all(isinstance(dtype, pd.StringDtype) for dtype in df.dtypes), entry.name
            assert df.attrs["status"] == entry.status and df.attrs["dataset"] == entry.name


def test_records_counts_agree_with_the_report():
    sample = next(s for s in SAMPLES if "11-28-2026" in s.name)
    with open_export(sample) as export:
        records = {e.name: e.records for e in export.datasets}
        report = export.report()
    parent = {d.name: d.split_of or d.name for d in MAPPING.datasets}
    counted: dict[str, int] = {}
    for d in report.datasets:  # a frame holds every record of its files: the report counts drafts apart
        counted[parent[d.name]] = counted.get(parent[d.name], 0) + d.records
    assert records == counted
    fresh = scan(sample, MAPPING)
    assert dataclasses.replace(report, generated_at="") == dataclasses.replace(fresh, generated_at="")


def test_comments_with_unquoted_line_breaks_and_numbered_parts_are_joined_in_order(make_export):
    """pandas.read_csv reads this Comments.csv as five rows of garbage; the frame has the three real comments."""
    first = "Date,Link,Message\n2026-01-01 10:00:00,https://x/1,Erste Zeile\nzweite Zeile\n\ndritte Zeile\n"
    second = "Date,Link,Message\n2026-02-01 10:00:00,https://x/2,zwei\n2026-03-01 10:00:00,https://x/3,drei\n"
    path = make_export({"Profile.csv": PROFILE, "Comments_1.csv": second, "Comments.csv": first})
    with open_export(path) as export:
        df = export.frame("Comments")
        entry = next(e for e in export.datasets if e.name == "Comments.csv")
    assert entry.files == ("Comments.csv", "Comments_1.csv")
    assert df["Link"].tolist() == ["https://x/1", "https://x/2", "https://x/3"]
    assert df["Message"].iloc[0] == "Erste Zeile\nzweite Zeile\n\ndritte Zeile"
    assert df.attrs["problems"] == []


def test_a_part_with_another_header_is_left_out_and_named(make_export):
    path = make_export({"Comments.csv": COMMENTS, "Comments_1.csv": "Datum,Text\n2026-01-01,x\n"})
    with open_export(path) as export:
        df = export.frame("Comments.csv")
    assert "x" not in df.astype(object).values.ravel().tolist()
    assert any("Comments_1.csv: its header differs" in p for p in df.attrs["problems"])


def test_repeated_column_names_stay_columns_of_their_own(make_export):
    path = make_export({"Profile.csv": PROFILE, "Skills.csv": "Name,Name\nPython,SQL\n"})
    with open_export(path) as export:
        df = export.frame("Skills")
    assert list(df.columns) == ["Name", "Name"]
    assert df.iloc[0].tolist() == ["Python", "SQL"]


def test_parse_dates_uses_the_tools_parser_and_counts_what_it_cannot_read(make_export):
    import pandas as pd  # here: only the worker running these tests pays its import

    comments = "Date,Link,Message\n2026-01-05 10:00:00,https://x/1,a\nsometime,https://x/2,b\n,https://x/3,c\n"
    path = make_export({"Comments.csv": comments, "Connections.csv": "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,u,,C,P,16 Dec 2024\n"})  # fmt: skip
    with open_export(path) as export:
        df = export.frame("Comments", parse_dates=True)
        connections = export.frame("Connections", parse_dates=True)
    assert str(df["Date"].dtype).startswith("datetime64")
    assert df["Date"].iloc[0] == pd.Timestamp("2026-01-05")
    assert df["Date"].isna().tolist() == [False, True, True]
    assert df.attrs["unreadable_dates"] == {"Date": 1}  # "sometime"; the empty cell is simply no date
    assert isinstance(df["Message"].dtype, pd.StringDtype)
    assert connections["Connected On"].iloc[0] == pd.Timestamp("2024-12-16")


def test_frames_by_status_and_category():
    sample = next(s for s in SAMPLES if "11-28-2026" in s.name)
    with open_export(sample) as export:
        used = export.frames(status="used")
        content = export.frames(category="member_content")
        statuses = {e.name: e.status for e in export.datasets}
    assert used and all(statuses[name] == "used" for name in used)
    assert set(used) == {n for n, s in statuses.items() if s == "used"}
    assert {"Shares.csv", "Comments.csv", "Articles"} <= set(content)


def test_an_unknown_dataset_names_what_there_is():
    sample = next(s for s in SAMPLES if "Basic" in s.name)
    with open_export(sample) as export, pytest.raises(FrameError, match=r"no dataset 'Groups'.*Profile\.csv"):
        export.frame("Groups")


def test_without_pandas_a_frame_says_how_to_get_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    sample = next(s for s in SAMPLES if "Basic" in s.name)
    with open_export(sample) as export:
        assert export.datasets[0].records == 1  # counting needs no pandas
        with pytest.raises(FrameError, match=r"pip install 'linkedin-ai-exposure\[pandas\]'"):
            export.frame("Profile")


def test_the_public_api():
    assert analyzer.open_export is open_export
    assert {"open_export", "Export", "scan", "load_mapping", "ScanOptions", "Report"} <= set(analyzer.__all__)


def test_a_scan_and_the_listing_never_import_pandas():
    sample = next(s for s in SAMPLES if "11-28-2026" in s.name)
    code = (
        "import sys, analyzer\n"
        f"analyzer.scan({str(sample)!r}, analyzer.load_mapping())\n"
        f"with analyzer.open_export({str(sample)!r}) as e:\n"
        "    [d.records for d in e.datasets]; e.report()\n"
        "print('pandas' in sys.modules, 'numpy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out.split() == ["False", "False"]
