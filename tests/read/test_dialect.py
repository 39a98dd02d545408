"""The dialect reader: every quirk of LinkedIn's CSV dialects, one small fixture each, with the exact record
count; broken content is named, never fatal. Each fixture that goes through ``read_file`` is read by the
dialect reader and by the fast (pyarrow) reader alike.

The repairs of LinkedIn's own quirks (Comments.csv lines, Shares.csv quotes, the Connections.csv preamble)
are tested in platforms/linkedin/test_repairs.py."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.archive import Member
from analyzer.limits import MiB
from analyzer.mapping import load_mapping
from analyzer.pipeline import scan
from analyzer.platforms.linkedin.repairs import REPAIRS
from analyzer.read.dialect import read_csv as _read_csv
from analyzer.read.table import SNIFF_BYTES
from tests.conftest import PROFILE

MAPPING = load_mapping()


def read_csv(member):
    return _read_csv(member, REPAIRS)


@pytest.mark.parametrize(
    "data, records",
    [
        ("Profile Summary\n\n", 0),
        (
            "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER",
            0,
        ),
        ("Extension,Number,Type\n, +49 30 1234567,Mobile\n,,\n", 1),
        ("Date,Type,Link\r\n2024-06-17 06:01:43,LIKE,https://x\r\n\r\n2024-06-18 06:01:43,PRAISE,https://y\r\n", 2),
    ],
    ids=["profile-summary-blank-line", "header-only-no-newline", "comma-only-rows", "crlf-and-blank-lines"],
)
def test_empty_and_sparse_files(read_file, data, records):
    table, rows = read_file("x.csv", data)
    assert len(rows) == records
    assert not table.problems


MSG10 = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER"
)


@pytest.mark.parametrize(
    "header",
    [
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER",
        MSG10,
        MSG10 + ",IS MESSAGE DRAFT",
        MSG10 + ",IS MESSAGE DRAFT,IS CONVERSATION DRAFT",
    ],
    ids=["9-col", "10-col", "11-col", "12-col"],
)
def test_messages_column_variants_map_by_header(read_file, header):
    values = {"CONVERSATION ID": "2-abc", "FROM": "Anna Becker", "TO": "Lena Hoffmann",
              "DATE": "2024-12-16 18:24:37 UTC", "CONTENT": "Hallo, Lena!", "FOLDER": "INBOX", "IS MESSAGE DRAFT": "No"}  # fmt: skip
    columns = header.split(",")
    row = ",".join(f'"{values.get(c, "")}"' if "," in values.get(c, "") else values.get(c, "") for c in columns)
    table, rows = read_file("messages.csv", header + "\n" + row + "\n" + row + "\n")
    assert table.header == columns and len(rows) == 2
    assert rows[0][columns.index("CONTENT")] == "Hallo, Lena!"
    assert rows[1][columns.index("DATE")] == "2024-12-16 18:24:37 UTC"


def test_messages_2026_fully_quoted_with_real_newlines(read_file):
    header = MSG10 + ",ATTACHMENTS"
    quoted = ",".join(f'"{h}"' for h in header.split(","))
    row = [
        '"2-abc"',
        '""',
        '"Lena Hoffmann"',
        '""',
        '"Anna"',
        '""',
        '"2026-01-02 10:00:00 UTC"',
        '""',
        '"Hallo Anna,\n\nbis morgen!\nLena"',
        '"INBOX"',
        '""',
    ]
    data = quoted + "\n" + ",".join(row) + "\n" + ",".join(row) + "\n"
    table, rows = read_file("messages.csv", data)
    assert table.header[0] == "CONVERSATION ID" and len(table.header) == 11
    assert len(rows) == 2
    assert rows[0][8] == "Hallo Anna,\n\nbis morgen!\nLena"


def test_duplicate_column_names_are_kept_in_order(read_file):
    data = "Member Age,Company Names,Company Names,Job Titles,Job Titles\n35-54,A,B,PM,Head\n\n"
    table, rows = read_file("Ad_Targeting.csv", data)
    assert table.header == ["Member Age", "Company Names", "Company Names", "Job Titles", "Job Titles"]
    assert rows == [["35-54", "A", "B", "PM", "Head"]]


def test_learning_trailing_comma_is_not_a_column(read_file):
    data = (
        "Content Title,Content Description,Content Type,Content Last Watched Date (if viewed),"
        "Content Completed At (if completed),Content Saved,Notes taken on videos (if taken),\n"
        '"Discovery","<p>One</p>\r\n<p>Two</p>",Course,2024-03-25 08:46 UTC,N/A,false,,\n'
        "CONTENT METADATA NO LONGER EXISTS - urn:li:lyndaLearningPath:1,,Learning Path,N/A,N/A,true,,\n"
    )
    table, rows = read_file("Learning.csv", data)
    assert len(table.header) == 7 and table.header[-1] == "Notes taken on videos (if taken)"
    assert len(rows) == 2 and all(len(r) == 7 for r in rows)
    assert not table.problems


def test_very_large_cell_is_read(read_file):
    big = "Erfahrung\tProjekt\n" * 40_000  # ~720 KB, beyond Python's default 128 KiB field limit
    data = 'Private Identity Asset Name,Private Identity Asset Raw Text\n/AAYA.pdf,"' + big + '"\n'
    table, rows = read_file("Private_identity_asset.csv", data)
    assert len(rows) == 1 and len(rows[0][1]) == len(big)
    assert not table.problems


def test_inconsistent_column_counts_are_reported(read_file):
    table, rows = read_file("Skills.csv", "Name,Level\nSQL\nScrum,3,extra\n")
    assert len(rows) == 2
    assert rows[0] == ["SQL", ""] and rows[1] == ["Scrum", "3,extra"]
    assert any("fewer columns" in p for p in table.problems)
    assert any("more columns" in p for p in table.problems)


# --- broken content, read from memory ---------------------------------------------------------------


def member(data: bytes, name: str = "Skills.csv") -> Member:
    return Member(name, len(data), lambda: io.BufferedReader(io.BytesIO(data)))  # type: ignore[arg-type]


def read_all(data: bytes, name: str = "Skills.csv"):
    table = read_csv(member(data, name))
    rows = list(table.rows)
    return table, rows


@pytest.mark.parametrize(
    "data, records, problem",
    [
        ("Name\nCafé\n".encode("cp1252"), 1, "read as Windows-1252"),
        (b"Name\n\x81\x8d\x8f\xe9\n", 1, "read as Latin-1"),
        ("Name\nSQL\nStraße\n".encode("utf-16-le"), 2, "UTF-16 without a byte-order mark"),
        (bytes(range(256)) * 40, 0, "is not a text file"),
        (b"Name,Level\nSQL\x00,3\n", 1, None),
        (b",,,,\n,,,,\n,,,,\n", 0, "has no column names"),
        (b"Name,Level\nSQL\nScrum,3,4\n", 2, "fewer columns"),
    ],
    ids=["cp1252", "latin1", "utf16-no-bom", "binary", "nul-bytes", "only-separators", "ragged"],
)
def test_bad_csv_content(data, records, problem):
    table, rows = read_all(data)
    assert len(rows) == records
    if problem:
        assert any(problem in p for p in table.problems), table.problems
    else:
        assert table.problems == []


@pytest.mark.slow
def test_a_field_over_the_line_limit(make_export):
    """A 17 MiB field (just over the 16 MiB a line may have), made of text that does not compress like a bomb."""
    import base64
    import random

    big = base64.b64encode(random.Random(50).randbytes(13 * MiB)).decode()
    path = make_export(
        {
            "Profile.csv": PROFILE,
            "Comments.csv": f'Date,Link,Message\n2026-01-01 10:00:00,https://x,"{big}"\n2026-01-02 10:00:00,https://y,ok\n',
        }
    )
    report = scan(path, MAPPING)
    comments = next(d for d in report.datasets if d.name == "Comments.csv")
    assert any("longer than 16 MiB" in p for p in comments.problems), comments.problems


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_arbitrary_bytes_never_crash_the_reader(data):
    table, rows = read_all(data)
    assert all(len(r) == len(table.header) for r in rows)


_cell = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"), whitelist_characters="\n,\"' "), max_size=40)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_cell, min_size=3, max_size=3).filter(lambda r: any(c.strip() for c in r)), max_size=30))
def test_well_formed_csv_round_trips(records):
    import csv

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["Alpha", "Beta", "Gamma"])
    writer.writerows(records)
    table, rows = read_all(buf.getvalue().encode("utf-8"))
    assert table.header == ["Alpha", "Beta", "Gamma"]
    assert rows == records
    assert table.problems == []


@pytest.mark.parametrize("size, opened", [(SNIFF_BYTES - 1, 1), (SNIFF_BYTES, 2), (SNIFF_BYTES + 1, 2)])
def test_a_member_shorter_than_the_sniff_is_opened_once_and_reads_alike(size, opened):
    row = "2024-06-17 06:01:43,LIKE,https://example.com/feed/update/1\n"
    data = ("Date,Type,Link\n" + row * (size // len(row) + 1)).encode()[:size]
    opens = []

    def open_member():
        opens.append(1)
        return io.BufferedReader(io.BytesIO(data))  # type: ignore[arg-type]

    table = read_csv(Member("Reactions.csv", len(data), open_member))
    records = [tuple(r) for batch in table.batches for r in batch]
    expected = [tuple(line.split(",")) for line in data.decode().splitlines()[1:]]
    assert (len(opens), records) == (opened, expected)
