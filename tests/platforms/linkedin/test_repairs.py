"""LinkedIn's CSV quirks the dialect reader repairs: Comments.csv records split over lines, Shares.csv's
line-wrapped quotes, the Connections.csv ``Notes:`` preamble, the "No … found" placeholder. Each fixture
that goes through ``read_file`` is read by the dialect reader and by the fast (pyarrow) reader alike."""

from __future__ import annotations

import csv
import os

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.platforms.linkedin.repairs import CommentLines as _CommentLines
from analyzer.platforms.linkedin.repairs import unwrap_line_quotes

#: Examples per property; raise it for a deeper search, e.g. COLUMNAR_EXAMPLES=5000 make test.
EXAMPLES = int(os.environ.get("COLUMNAR_EXAMPLES", "120"))


NOTES = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. '
    "You will only see email addresses for connections who have allowed their connections to see or download their "
    "email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n\n'
)


def test_connections_preamble_is_skipped_by_content(read_file):
    data = NOTES + (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        'Anna,"Becker, PhD",https://www.linkedin.com/in/anna,,Spreewerk AG,PM,16 Dec 2024\n'
        ",,,,,,14 Sep 2024\n"
        'Jonas,Weber,https://www.linkedin.com/in/jonas,,Kiezcloud,"Engineer, Backend",01 Jan 2023'
    )
    table, rows = read_file("Connections.csv", data)
    assert table.header[0] == "First Name" and len(table.header) == 7
    assert len(rows) == 3
    assert rows[0][1] == "Becker, PhD"
    assert rows[1] == ["", "", "", "", "", "", "14 Sep 2024"]
    assert rows[2][6] == "01 Jan 2023"  # no final newline
    assert any("Notes:" in n for n in table.notes)


def test_connections_2018_without_preamble(read_file):
    data = 'First Name,Last Name,Email Address,Company,Position,Connected On\nAnna,Becker,,X,PM,"1/8/18, 6:14 PM"'
    _, rows = read_file("Connections.csv", data)
    assert len(rows) == 1 and rows[0][5] == "1/8/18, 6:14 PM"


def test_no_conversations_found_placeholder(read_file):
    table, rows = read_file("LearningCoachMessages.csv", "No conversations found")
    assert table.header == [] and rows == []
    assert not table.problems
    assert any("No conversations found" in n for n in table.notes)


def test_comments_unquoted_line_breaks_continue_the_message(read_file):
    data = (
        "Date,Link,Message\r\n"
        "2021-05-01 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:1,Wow\r\n"
        "\r\n"
        "Danke\r\n"
        '2021-05-02 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:2,"Yes, ""agreed"""\r\n'
        "2021-05-03 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:3,One\r\n"
        "Two\r\n"
        "Three\r\n"
    )
    _, rows = read_file("Comments.csv", data)
    assert len(rows) == 3
    assert rows[0][2] == "Wow\n\nDanke"
    assert rows[1][2] == 'Yes, "agreed"'
    assert rows[2][2] == "One\nTwo\nThree"


def test_comments_2026_backslash_escapes(read_file):
    data = (
        "Date,Link,Message\n"
        '2026-01-05 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:1,"He said \\"hi\\", then left"\n'
        '2026-01-06 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:2,"Line one,\nline two"\n'
        "2026-01-07 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:3,plain\n"
    )
    _, rows = read_file("Comments_17529409.csv", data)
    assert len(rows) == 3
    assert rows[0][2] == 'He said "hi", then left'
    assert rows[1][2] == "Line one,\nline two"
    assert rows[2] == ["2026-01-07 10:00:00", "https://www.linkedin.com/feed/update/urn:li:activity:3", "plain"]


def test_comments_with_blank_date_start_a_new_record(read_file):
    data = "Date,Link,Message\n,https://x/1,first\n2026-01-07 10:00:00,https://x/2,second\n"
    _, rows = read_file("Comments.csv", data)
    assert [r[2] for r in rows] == ["first", "second"]


def test_comments_starting_with_a_blank_line_and_a_stray_line_do_not_break(read_file):
    # An empty line has nothing to continue: the stray line after it becomes a record of its own.
    data = "Date,Link,Message\n\nstray\n2026-01-07 10:00:00,https://x/2,second\n"
    table, rows = read_file("Comments.csv", data)
    assert rows == [["stray", "", ""], ["2026-01-07 10:00:00", "https://x/2", "second"]]
    assert any("fewer columns" in p for p in table.problems)


def test_comments_cut_short_keep_every_record_read_and_count_records_not_lines(read_file):
    data = (
        "Date,Link,Message\n2026-01-01,https://x/1,first\nsecond line\n2026-01-02,https://x/2,ok\n,," + "x" * 500 + "\n"
    )
    limit = csv.field_size_limit(100)  # a field over the limit stops the csv module
    try:
        table, rows = read_file("Comments.csv", data)
    finally:
        csv.field_size_limit(limit)
    assert [r[2] for r in rows] == ["first\nsecond line", "ok"]
    assert any("stopped reading after record 2:" in p for p in table.problems), table.problems


def test_shares_line_wrapped_quotes_are_stripped(read_file):
    cell = '"line one""\n""""\n""line two""\n""last line"'
    data = f'Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n2024-09-08 04:10:18,https://x,{cell},"","",PUBLIC\n'
    _, rows = read_file("Shares.csv", data)
    assert len(rows) == 1
    assert rows[0][2] == "line one\n\nline two\nlast line"
    assert rows[0][3] == "" and rows[0][5] == "PUBLIC"


def test_unwrap_leaves_ordinary_text_alone():
    assert unwrap_line_quotes('He said "hi"\nand left') == 'He said "hi"\nand left'


def join_row_by_row(rows: list[list[str]]) -> list[list[str]]:
    """The Comments.csv rule one row at a time: a row of fewer than three cells continues the Message."""
    out: list[list[str]] = []
    joined = False
    for row in rows:
        if len(row) >= 3 or not out or not out[-1]:
            if out and joined:
                out[-1][-1] = out[-1][-1].rstrip("\n")
            out.append(list(row))
            joined = False
        else:
            out[-1][-1] += "\n" + ",".join(row)
            joined = True
    if out and joined:
        out[-1][-1] = out[-1][-1].rstrip("\n")
    return out


_COMMENT_ROWS = st.lists(st.lists(st.sampled_from(["", "a", "b c", "2024-01-01"]), max_size=4), max_size=40)


@settings(max_examples=EXAMPLES, deadline=None)
@given(_COMMENT_ROWS, st.integers(1, 7))
def test_comment_lines_joined_batch_by_batch_as_row_by_row(rows, size):
    joiner = _CommentLines()
    got: list[list[str]] = []
    copies = [list(row) for row in rows]
    for start in range(0, len(copies), size):
        got += joiner.join(copies[start : start + size])
    got += joiner.flush()
    assert got == join_row_by_row(rows)
