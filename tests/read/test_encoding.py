"""Encodings: the byte-order marks, legacy UTF-16 exports, and the fallbacks, which are always named."""

from __future__ import annotations

import codecs

import pytest

from analyzer.read.encoding import sniff_encoding


def test_utf8_bom_is_stripped(read_file):
    table, rows = read_file("Skills.csv", codecs.BOM_UTF8 + b"Name\nSQL\nScrum\n")
    assert table.header == ["Name"] and len(rows) == 2


def utf16_tsv(lines: list[list[str]]) -> bytes:
    text = "\n".join("\t".join(f'"{c}"' for c in line) for line in lines) + "\n"
    return codecs.BOM_UTF16_LE + text.encode("utf-16-le")


def test_legacy_utf16_tab_separated_fully_quoted(read_file):
    data = utf16_tsv(
        [
            ["Time", "Event"],
            ["2015/06/19 17:16:42 UTC", "Account Created"],
            ["2016/01/01 10:00:00 UTC", "Premium, monthly"],
        ]
    )
    table, rows = read_file("Account Status History.csv", data)
    assert table.header == ["Time", "Event"] and table.delimiter == "\t"
    assert rows == [["2015/06/19 17:16:42 UTC", "Account Created"], ["2016/01/01 10:00:00 UTC", "Premium, monthly"]]
    assert not table.problems


def test_legacy_utf16_shares_with_multiline_commentary(read_file):
    data = utf16_tsv([["Date", "Share Commentary"], ["2017/06/08 08:15:44 UTC", "line one\nline two"]])
    _, rows = read_file("Shares.csv", data)
    assert len(rows) == 1 and rows[0][1] == "line one\nline two"


@pytest.mark.parametrize(
    "head, encoding, problem",
    [
        (codecs.BOM_UTF16_LE + "a".encode("utf-16-le"), "utf-16", False),
        (codecs.BOM_UTF8 + b"a,b", "utf-8-sig", False),
        ("Name,Proficiency\n".encode("utf-16-le"), "utf-16-le", True),
        ("Name\nStraße\n".encode(), "utf-8", False),
        ("Name\nCafé – Ü\n".encode("cp1252"), "cp1252", True),
        (b"Name\n\x81\x8d\x8f\x90\x9d\xff\n", "latin-1", True),
        (bytes(range(32)) * 10, "binary", True),
    ],
    ids=["utf16-bom", "utf8-bom", "utf16-no-bom", "utf8", "cp1252", "latin1", "binary"],
)
def test_sniff_encoding(head, encoding, problem):
    found, message = sniff_encoding(head)
    assert found == encoding
    assert (message is not None) == problem


def test_cp1252_file_is_read_and_the_fallback_named(read_file):
    table, rows = read_file("Skills.csv", "Name\nCafé\nÜbersicht\n".encode("cp1252"))
    assert rows == [["Café"], ["Übersicht"]]
    assert any("Windows-1252" in p for p in table.problems)
