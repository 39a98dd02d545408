"""A legacy file beside its successor: the records both hold are counted once, in the newer file."""

from __future__ import annotations

import codecs

from analyzer.mapping import load_mapping
from analyzer.pipeline import ScanOptions, scan

MAPPING = load_mapping()
NEW = (
    "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\n"
    "2020/06/09 00:53:47 UTC,Python,Anna,Becker,www.linkedin.com/in/anna,ACCEPTED\n"
    "2021/01/02 10:00:00 UTC,SQL,Jonas,Weber,www.linkedin.com/in/jonas,ACCEPTED\n"
    "2021/01/02 10:00:00 UTC,SQL,Jonas,Weber,www.linkedin.com/in/jonas,ACCEPTED\n"
)


def legacy(rows: list[list[str]]) -> bytes:
    header = [
        "Endorsement Date",
        "Skill Name",
        "Endorser First Name",
        "Endorser Last Name",
        "Endorsement Status",
        "Display Status",
    ]
    lines = ["\t".join(f'"{c}"' for c in r) for r in [header, *rows]]
    return codecs.BOM_UTF16_LE + ("\n".join(lines) + "\n").encode("utf-16-le")


def test_records_both_files_hold_are_counted_once_and_reported(make_export):
    old = legacy([
        ["2020-06-09", "python", "Anna", "Becker", "ACCEPTED", ""],  # the same record, written another way
        ["2021/01/02 10:00:00 UTC", "SQL", "Jonas", "Weber", "ACCEPTED", ""],
        ["2021/01/02 10:00:00 UTC", "SQL", "Jonas", "Weber", "ACCEPTED", ""],
        ["2021/01/02 10:00:00 UTC", "SQL", "Jonas", "Weber", "ACCEPTED", ""],  # a third copy: the new file has two
        ["2019/11/02 10:00:00 UTC", "Roadmapping", "Mira", "Schulz", "Redacted", ""],
    ])  # fmt: skip
    path = make_export({"Endorsement_Received_Info.csv": NEW, "Endorsement Received Info.csv": old})
    for workers in (1, 2):
        report = scan(path, MAPPING, ScanOptions(workers=workers))
        by_name = {d.name: d for d in report.datasets}
        newer, older = by_name["Endorsement_Received_Info.csv"], by_name["Endorsement Received Info.csv"]
        assert (newer.records, newer.counted_once) == (3, 0)
        assert (older.records, older.counted_once, older.same_records_as) == (2, 3, "Endorsement_Received_Info.csv")
        assert [y.year for y in older.per_year] == [2019, 2021]
        assert older.data_points == 2 * 5 - 1  # two records, five filled cells each, one of them "Redacted"
        assert report.total("used").records == 5


def test_without_the_newer_file_the_legacy_one_counts_whole(make_export):
    path = make_export(
        {"Endorsement Received Info.csv": legacy([["2020-06-09", "Python", "Anna", "Becker", "ACCEPTED", ""]])}
    )
    (older,) = scan(path, MAPPING).datasets
    assert (older.records, older.counted_once) == (1, 0)
