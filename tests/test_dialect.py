"""Every quirk of LinkedIn's CSV dialects, one small fixture each, with the exact record count."""

from __future__ import annotations

import codecs
import csv

import pytest

from analyzer.archive import open_archive
from analyzer.platforms.linkedin.repairs import REPAIRS, unwrap_line_quotes
from analyzer.read import Irregular, open_table
from analyzer.read.dialect import read_csv as _read_csv
from analyzer.read.encoding import sniff_encoding
from analyzer.read.html import read_article


def read_csv(member):
    return _read_csv(member, REPAIRS)


@pytest.fixture(params=["dialect", "arrow"])
def read(request, make_export):
    """Read one file as the scan does: every fixture runs through the dialect reader and through the fast
    (pyarrow) reader, which must give the same records or hand the file back to the dialect reader."""

    def read(name: str, data: bytes | str):
        path = make_export({name: data})
        with open_archive(path) as archive:
            (member,) = archive.members
            if name.endswith(".html"):
                table = read_article(member)
                return table, list(table.rows)
            return records(member, fast=request.param == "arrow")

    return read


def records(member, fast: bool):
    """The table and every record of ``member``; the fast reader falls back as read.read_member does."""
    table = open_table(member, "csv", REPAIRS, fast=fast)
    if not table.fast:
        return table, list(table.rows)
    try:
        return table, [row for batch in table.columns for row in batch.rows()]
    except Irregular:
        table = read_csv(member)
        return table, list(table.rows)


NOTES = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. '
    'You will only see email addresses for connections who have allowed their connections to see or download their '
    'email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here '
    'https://www.linkedin.com/help/linkedin/answer/261"\n\n'
)


def test_connections_preamble_is_skipped_by_content(read):
    data = NOTES + (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        'Anna,"Becker, PhD",https://www.linkedin.com/in/anna,,Spreewerk AG,PM,16 Dec 2024\n'
        ",,,,,,14 Sep 2024\n"
        "Jonas,Weber,https://www.linkedin.com/in/jonas,,Kiezcloud,\"Engineer, Backend\",01 Jan 2023"
    )
    table, rows = read("Connections.csv", data)
    assert table.header[0] == "First Name" and len(table.header) == 7
    assert len(rows) == 3
    assert rows[0][1] == "Becker, PhD"
    assert rows[1] == ["", "", "", "", "", "", "14 Sep 2024"]
    assert rows[2][6] == "01 Jan 2023"  # no final newline
    assert any("Notes:" in n for n in table.notes)


def test_connections_2018_without_preamble(read):
    data = "First Name,Last Name,Email Address,Company,Position,Connected On\nAnna,Becker,,X,PM,\"1/8/18, 6:14 PM\""
    table, rows = read("Connections.csv", data)
    assert len(rows) == 1 and rows[0][5] == "1/8/18, 6:14 PM"


@pytest.mark.parametrize(
    "data, records",
    [
        ("Profile Summary\n\n", 0),
        ("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER", 0),
        ("Extension,Number,Type\n, +49 30 1234567,Mobile\n,,\n", 1),
        ("Date,Type,Link\r\n2024-06-17 06:01:43,LIKE,https://x\r\n\r\n2024-06-18 06:01:43,PRAISE,https://y\r\n", 2),
    ],
    ids=["profile-summary-blank-line", "header-only-no-newline", "comma-only-rows", "crlf-and-blank-lines"],
)
def test_empty_and_sparse_files(read, data, records):
    table, rows = read("x.csv", data)
    assert len(rows) == records
    assert not table.problems


def test_no_conversations_found_placeholder(read):
    table, rows = read("LearningCoachMessages.csv", "No conversations found")
    assert table.header == [] and rows == []
    assert not table.problems
    assert any("No conversations found" in n for n in table.notes)


def test_utf8_bom_is_stripped(read):
    table, rows = read("Skills.csv", codecs.BOM_UTF8 + "Name\nSQL\nScrum\n".encode())
    assert table.header == ["Name"] and len(rows) == 2


def utf16_tsv(lines: list[list[str]]) -> bytes:
    text = "\n".join("\t".join(f'"{c}"' for c in line) for line in lines) + "\n"
    return codecs.BOM_UTF16_LE + text.encode("utf-16-le")


def test_legacy_utf16_tab_separated_fully_quoted(read):
    data = utf16_tsv([["Time", "Event"], ["2015/06/19 17:16:42 UTC", "Account Created"], ["2016/01/01 10:00:00 UTC", "Premium, monthly"]])
    table, rows = read("Account Status History.csv", data)
    assert table.header == ["Time", "Event"] and table.delimiter == "\t"
    assert rows == [["2015/06/19 17:16:42 UTC", "Account Created"], ["2016/01/01 10:00:00 UTC", "Premium, monthly"]]
    assert not table.problems


def test_legacy_utf16_shares_with_multiline_commentary(read):
    data = utf16_tsv([["Date", "Share Commentary"], ["2017/06/08 08:15:44 UTC", "line one\nline two"]])
    table, rows = read("Shares.csv", data)
    assert len(rows) == 1 and rows[0][1] == "line one\nline two"


def test_comments_unquoted_line_breaks_continue_the_message(read):
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
    table, rows = read("Comments.csv", data)
    assert len(rows) == 3
    assert rows[0][2] == "Wow\n\nDanke"
    assert rows[1][2] == 'Yes, "agreed"'
    assert rows[2][2] == "One\nTwo\nThree"


def test_comments_2026_backslash_escapes(read):
    data = (
        "Date,Link,Message\n"
        '2026-01-05 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:1,"He said \\"hi\\", then left"\n'
        '2026-01-06 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:2,"Line one,\nline two"\n'
        "2026-01-07 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:3,plain\n"
    )
    table, rows = read("Comments_17529409.csv", data)
    assert len(rows) == 3
    assert rows[0][2] == 'He said "hi", then left'
    assert rows[1][2] == "Line one,\nline two"
    assert rows[2] == ["2026-01-07 10:00:00", "https://www.linkedin.com/feed/update/urn:li:activity:3", "plain"]


def test_comments_with_blank_date_start_a_new_record(read):
    data = "Date,Link,Message\n,https://x/1,first\n2026-01-07 10:00:00,https://x/2,second\n"
    _, rows = read("Comments.csv", data)
    assert [r[2] for r in rows] == ["first", "second"]


def test_comments_starting_with_a_blank_line_and_a_stray_line_do_not_break(read):
    # An empty line has nothing to continue: the stray line after it becomes a record of its own.
    data = "Date,Link,Message\n\nstray\n2026-01-07 10:00:00,https://x/2,second\n"
    table, rows = read("Comments.csv", data)
    assert rows == [["stray", "", ""], ["2026-01-07 10:00:00", "https://x/2", "second"]]
    assert any("fewer columns" in p for p in table.problems)


def test_comments_cut_short_keep_every_record_read_and_count_records_not_lines(read):
    data = "Date,Link,Message\n2026-01-01,https://x/1,first\nsecond line\n2026-01-02,https://x/2,ok\n,," + "x" * 500 + "\n"
    limit = csv.field_size_limit(100)  # a field over the limit stops the csv module
    try:
        table, rows = read("Comments.csv", data)
    finally:
        csv.field_size_limit(limit)
    assert [r[2] for r in rows] == ["first\nsecond line", "ok"]
    assert any("stopped reading after record 2:" in p for p in table.problems), table.problems


def test_shares_line_wrapped_quotes_are_stripped(read):
    cell = '"line one""\n""""\n""line two""\n""last line"'
    data = f"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n2024-09-08 04:10:18,https://x,{cell},\"\",\"\",PUBLIC\n"
    table, rows = read("Shares.csv", data)
    assert len(rows) == 1
    assert rows[0][2] == "line one\n\nline two\nlast line"
    assert rows[0][3] == "" and rows[0][5] == "PUBLIC"


def test_unwrap_leaves_ordinary_text_alone():
    assert unwrap_line_quotes('He said "hi"\nand left') == 'He said "hi"\nand left'


MSG10 = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER"


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
def test_messages_column_variants_map_by_header(read, header):
    values = {"CONVERSATION ID": "2-abc", "FROM": "Anna Becker", "TO": "Lena Hoffmann",
              "DATE": "2024-12-16 18:24:37 UTC", "CONTENT": "Hallo, Lena!", "FOLDER": "INBOX", "IS MESSAGE DRAFT": "No"}  # fmt: skip
    columns = header.split(",")
    row = ",".join(f'"{values.get(c, "")}"' if "," in values.get(c, "") else values.get(c, "") for c in columns)
    table, rows = read("messages.csv", header + "\n" + row + "\n" + row + "\n")
    assert table.header == columns and len(rows) == 2
    assert rows[0][columns.index("CONTENT")] == "Hallo, Lena!"
    assert rows[1][columns.index("DATE")] == "2024-12-16 18:24:37 UTC"


def test_messages_2026_fully_quoted_with_real_newlines(read):
    header = MSG10 + ",ATTACHMENTS"
    quoted = ",".join(f'"{h}"' for h in header.split(","))
    row = ['"2-abc"', '""', '"Lena Hoffmann"', '""', '"Anna"', '""', '"2026-01-02 10:00:00 UTC"', '""',
           '"Hallo Anna,\n\nbis morgen!\nLena"', '"INBOX"', '""']
    data = quoted + "\n" + ",".join(row) + "\n" + ",".join(row) + "\n"
    table, rows = read("messages.csv", data)
    assert table.header[0] == "CONVERSATION ID" and len(table.header) == 11
    assert len(rows) == 2
    assert rows[0][8] == "Hallo Anna,\n\nbis morgen!\nLena"


def test_duplicate_column_names_are_kept_in_order(read):
    data = "Member Age,Company Names,Company Names,Job Titles,Job Titles\n35-54,A,B,PM,Head\n\n"
    table, rows = read("Ad_Targeting.csv", data)
    assert table.header == ["Member Age", "Company Names", "Company Names", "Job Titles", "Job Titles"]
    assert rows == [["35-54", "A", "B", "PM", "Head"]]


def test_learning_trailing_comma_is_not_a_column(read):
    data = (
        "Content Title,Content Description,Content Type,Content Last Watched Date (if viewed),"
        "Content Completed At (if completed),Content Saved,Notes taken on videos (if taken),\n"
        '"Discovery","<p>One</p>\r\n<p>Two</p>",Course,2024-03-25 08:46 UTC,N/A,false,,\n'
        "CONTENT METADATA NO LONGER EXISTS - urn:li:lyndaLearningPath:1,,Learning Path,N/A,N/A,true,,\n"
    )
    table, rows = read("Learning.csv", data)
    assert len(table.header) == 7 and table.header[-1] == "Notes taken on videos (if taken)"
    assert len(rows) == 2 and all(len(r) == 7 for r in rows)
    assert not table.problems


def test_very_large_cell_is_read(read):
    big = "Erfahrung\tProjekt\n" * 40_000  # ~720 KB, beyond Python's default 128 KiB field limit
    data = 'Private Identity Asset Name,Private Identity Asset Raw Text\n/AAYA.pdf,"' + big + '"\n'
    table, rows = read("Private_identity_asset.csv", data)
    assert len(rows) == 1 and len(rows[0][1]) == len(big)
    assert not table.problems


def test_inconsistent_column_counts_are_reported(read):
    table, rows = read("Skills.csv", "Name,Level\nSQL\nScrum,3,extra\n")
    assert len(rows) == 2
    assert rows[0] == ["SQL", ""] and rows[1] == ["Scrum", "3,extra"]
    assert any("fewer columns" in p for p in table.problems)
    assert any("more columns" in p for p in table.problems)


@pytest.mark.parametrize(
    "head, encoding, problem",
    [
        (codecs.BOM_UTF16_LE + "a".encode("utf-16-le"), "utf-16", False),
        (codecs.BOM_UTF8 + b"a,b", "utf-8-sig", False),
        ("Name,Proficiency\n".encode("utf-16-le"), "utf-16-le", True),
        ("Name\nStraße\n".encode(), "utf-8", False),
        ("Name\nCafé – Ü\n".encode("cp1252"), "cp1252", True),
        (b"Name\n\x81\x8d\x8f\x90\x9d\xff\n", "latin-1", True),
        (bytes(range(0, 32)) * 10, "binary", True),
    ],
    ids=["utf16-bom", "utf8-bom", "utf16-no-bom", "utf8", "cp1252", "latin1", "binary"],
)
def test_sniff_encoding(head, encoding, problem):
    found, message = sniff_encoding(head)
    assert found == encoding
    assert (message is not None) == problem


def test_cp1252_file_is_read_and_the_fallback_named(read):
    table, rows = read("Skills.csv", "Name\nCafé\nÜbersicht\n".encode("cp1252"))
    assert rows == [["Café"], ["Übersicht"]]
    assert any("Windows-1252" in p for p in table.problems)


ARTICLE_2018 = (
    '<html><head><meta charset="UTF-8"><title>T</title></head><body>'
    '<h1><a href="https://www.linkedin.com/pulse/was-ich-gelernt-habe-lena">Was ich gelernt habe</a></h1>'
    '<p class="created">Created on 2017-03-01 10:15</p><p class="published">Published on 2017-03-02 08:00</p>'
    "<div><p>Erstens: zuhören.</p><p>Second, ship &amp; learn.</p></div></body></html>"
)
ARTICLE_DRAFT_2025 = (
    "<html><head></head><body><h1>Entwurf: KI</h1><p class=\"created\">Created on 2024-09-01 19:35</p>"
    '<p class="published">Published on ---</p><div><p>Noch nicht fertig.</p></div></body></html>'
)


def test_article_2018_published(read):
    table, rows = read("Articles/2017-03-01 10:15:00.html", ARTICLE_2018)
    assert rows == [["Was ich gelernt habe", "2017-03-01 10:15", "2017-03-02 08:00",
                     "https://www.linkedin.com/pulse/was-ich-gelernt-habe-lena", "Erstens: zuhören. Second, ship & learn."]]  # fmt: skip
    assert len(rows[0][4].split()) == 6


def test_article_2025_draft_has_no_published_date(read):
    _, rows = read("Articles/Articles/2024-09-01 19_35_00.0-Entwurf.html", ARTICLE_DRAFT_2025)
    assert rows[0][0] == "Entwurf: KI" and rows[0][2] == "" and rows[0][3] == ""
    assert rows[0][4] == "Noch nicht fertig."
