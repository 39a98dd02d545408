"""``compare`` on the command line: exit codes, stdout and stderr kept apart, nothing written on failure."""

from __future__ import annotations

import json
import zipfile

import pytest
from openpyxl import load_workbook

from tests.conftest import SAMPLES_DIR
from tests.helpers import cli

PAIR = SAMPLES_DIR / "compare"
OLD = PAIR / "Complete_LinkedInDataExport_11-28-2025.zip"
NEW = PAIR / "Complete_LinkedInDataExport_11-28-2026.zip"


def words(text: str) -> str:
    """The text as one line, without the panel's borders."""
    return " ".join(text.replace("│", " ").split())


def test_compare_prints_what_changed():
    result = cli("compare", OLD, NEW, "--no-color", "--opted-out-on", "2026-03-01")
    assert result.exit_code == 0, result.stderr
    text = words(result.stdout)
    assert "Since your export of 28 Nov 2025: 5 new posts (45 of your own words) in likely used data" in text
    assert "6 records no longer in the export" in text
    assert "3 were created on or after 1 Mar 2026" in text


def test_compare_json_is_clean_and_carries_its_own_schema_version():
    result = cli("compare", OLD, NEW, "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["schema_version"] == 1
    assert data["totals"]["used_only_new"] == 5
    assert {d["name"]: d["only_new"] for d in data["datasets"]}["messages.csv"] == 10
    assert result.stderr == ""


def test_compare_writes_the_workbook(tmp_path):
    target = tmp_path / "changes.xlsx"
    result = cli("compare", OLD, NEW, "--xlsx", target, "--lang", "de")
    assert result.exit_code == 0, result.stderr
    assert target.name in "".join(result.stderr.split())  # the path may wrap
    sheet = load_workbook(target).active
    assert sheet.title == "Vergleich"
    assert any("Seit Ihrem Export vom 28. Nov. 2025" in str(c.value) for row in sheet.iter_rows() for c in row)


def test_compare_writes_the_html_beside_the_workbook_and_refuses_another_extension(tmp_path):
    page, book = tmp_path / "changes.html", tmp_path / "changes.xlsx"
    result = cli("compare", OLD, NEW, "--html", page, "--xlsx", book, "--lang", "de")
    assert result.exit_code == 0, result.stderr
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<html lang="de">' in text
    assert "Seit Ihrem Export vom 28. Nov. 2025" in text and book.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["changes.html", "changes.xlsx"]  # no temporary file left
    wrong = cli("compare", OLD, NEW, "--html", tmp_path / "changes.pdf")
    assert wrong.exit_code == 2 and "--html" in wrong.stderr and "must end in .html" in wrong.stderr
    assert not (tmp_path / "changes.pdf").exists()


def test_the_same_export_twice_exits_0_and_says_so():
    result = cli("compare", OLD, OLD)
    assert result.exit_code == 0
    assert "These are the same export" in words(result.stdout)


def test_old_newer_than_new_is_said_and_compared_anyway():
    result = cli("compare", NEW, OLD)
    assert result.exit_code == 0
    text = words(result.stdout)
    assert "The first export you named is the newer one (Complete_LinkedInDataExport_11-28-2026.zip)" in text
    assert "Since your export of 28 Nov 2025: 5 new posts" in text


def broken(tmp_path):
    path = tmp_path / "Complete_LinkedInDataExport_01-01-2026.zip"
    path.write_bytes(b"PK\x03\x04 this is no zip")
    return path


def photos(tmp_path):
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("IMG_0001.jpg", b"\xff\xd8\xff")
    return path


@pytest.mark.parametrize(
    "make", [broken, photos, lambda tmp_path: tmp_path / "missing.zip"], ids=["broken", "not-an-export", "missing"]
)
@pytest.mark.parametrize("which", ["old", "new"])
def test_one_unreadable_export_exits_1_with_the_reason_and_writes_nothing(tmp_path, make, which):
    bad = make(tmp_path)
    target, page = tmp_path / "changes.xlsx", tmp_path / "changes.html"
    args = (bad, NEW) if which == "old" else (OLD, bad)
    result = cli("compare", *args, "--xlsx", target, "--html", page)
    assert result.exit_code == 1
    assert bad.name in result.stderr
    assert result.stdout == ""
    assert not target.exists() and not page.exists()
    assert [p.name for p in tmp_path.iterdir()] == ([bad.name] if bad.exists() else [])


def test_a_bad_opt_out_date_is_a_usage_error():
    result = cli("compare", OLD, NEW, "--opted-out-on", "1/3/2026")
    assert result.exit_code == 2
    assert "give the date as YYYY-MM-DD" in result.stderr
