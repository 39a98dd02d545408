"""Batch mode: many exports → a table per category and per file, in every format, an error row for a bad
export, the same tables with one process or two, no identifiers unless asked, nothing half-written."""

from __future__ import annotations

import csv
import io
import shutil
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from analyzer import tables
from analyzer.batch import find_exports, run_batch
from analyzer.errors import UsageError
from analyzer.mapping import load_mapping
from tests.conftest import SAMPLES, sample_scan
from tests.helpers import cli, sigint_default

MAPPING = load_mapping()


@pytest.fixture
def exports(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    for sample in SAMPLES:
        shutil.copy(sample, folder / sample.name)
    (folder / "broken.zip").write_bytes(b"not a zip at all")
    (folder / "notes.txt").write_text("not an export")
    return folder


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_one_row_per_export_and_category_and_per_file(exports, tmp_path):
    result = cli("batch", exports, "--out", tmp_path / "results.csv", "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    assert "5 exports, 1 could not be read" in result.stderr
    rows = read_csv(tmp_path / "results.csv")
    files = read_csv(tmp_path / "results.files.csv")
    for sample in SAMPLES:
        report = sample_scan(sample)
        mine = [r for r in rows if r["file"] == sample.name]
        assert [r["category"] for r in mine] == [c.key for c in report.categories]
        assert [int(r["records"]) for r in mine] == [c.records for c in report.categories]
        assert {r["export"] for r in mine} == {report.source.sha256[:12]}
        assert {int(r["used_records"]) for r in mine} == {report.total("used").records}
        assert {r["region"] for r in mine} == {"eu"} and {r["kind"] for r in mine} == {report.source.kind}
        theirs = [r for r in files if r["file"] == sample.name]
        assert [(r["dataset"], int(r["records"])) for r in theirs] == [(d.name, d.records) for d in report.datasets]
    assert list(rows[0]) == list(tables.CATEGORY_COLUMNS)
    assert not set(tables.IDENTIFIERS) & set(rows[0]), "no identifiers unless asked for"
    text = (tmp_path / "results.csv").read_text(encoding="utf-8") + (tmp_path / "results.files.csv").read_text(
        encoding="utf-8"
    )
    assert "Lena" not in text and "lena.hoffmann@example.de" not in text and "Berlin" not in text


def test_an_unreadable_export_is_a_row_with_its_error(exports):
    result = run_batch(find_exports([str(exports)]), jobs=1)
    (bad,) = [r for r in result.categories if r["file"] == "broken.zip"]
    assert "is not a ZIP file" in bad["error"] and bad["category"] is None and bad["export"] is None
    assert [r for r in result.files if r["file"] == "broken.zip"] == []
    assert sum(1 for r in result.categories if r["error"] is None) > 10


def test_two_processes_give_the_same_tables_as_one(exports):
    paths = find_exports([str(exports)])
    assert run_batch(paths, jobs=1) == run_batch(paths, jobs=2)


def test_identifiers_only_when_asked(exports, tmp_path):
    result = run_batch(find_exports([str(exports / "*.zip")]), jobs=1, keep_identifiers=True)
    modern = [r for r in result.categories if r["file"] == "Complete_LinkedInDataExport_11-28-2026.zip"]
    assert {r["member_name"] for r in modern} == {"Lena Hoffmann"}
    assert {r["member_email"] for r in modern} == {"lena.hoffmann@example.de"}
    tables.write(result, tmp_path / "ids.csv", force=False, reads=[])
    assert read_csv(tmp_path / "ids.csv")[0]["member_name"] == "Lena Hoffmann"


def test_xlsx_holds_both_tables_as_sheets(exports, tmp_path):
    result = cli("batch", exports, "--out", tmp_path / "results.xlsx", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    wb = load_workbook(tmp_path / "results.xlsx")
    assert wb.sheetnames == ["Categories", "Files"]
    header = [c.value for c in wb["Categories"][1]]
    assert header == list(tables.CATEGORY_COLUMNS)
    rows = list(wb["Categories"].iter_rows(min_row=2, values_only=True))
    expected = run_batch(find_exports([str(exports)]), jobs=1)
    assert len(rows) == len(expected.categories) and wb["Files"].max_row == len(expected.files) + 1
    assert rows[0][header.index("records")] == expected.categories[0]["records"]  # numbers stay numbers


def test_parquet_when_pyarrow_is_there(exports, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    result = cli("batch", exports, "--out", tmp_path / "results.parquet")
    assert result.exit_code == 0, result.stderr
    categories = pq.read_table(tmp_path / "results.parquet").to_pylist()
    files = pq.read_table(tmp_path / "results.files.parquet").to_pylist()
    expected = run_batch(find_exports([str(exports)]), jobs=1)
    assert categories == list(expected.categories) and files == list(expected.files)


def test_outputs_are_checked_before_any_export_is_read(exports, tmp_path):
    (tmp_path / "results.csv").write_text("keep me")
    result = cli("batch", exports, "--out", tmp_path / "results.csv")
    assert result.exit_code == 1 and "already exists; add --force" in result.stderr
    assert (tmp_path / "results.csv").read_text() == "keep me" and not (tmp_path / "results.files.csv").exists()
    wrong = cli("batch", exports, "--out", tmp_path / "results.json")
    assert wrong.exit_code == 2 and "must end in .csv, .xlsx, .parquet" in wrong.stderr


def test_ctrl_c_leaves_no_output(exports, tmp_path, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("analyzer.batch.run_batch", interrupted)
    result = cli("batch", exports, "--out", tmp_path / "results.csv")
    assert result.exit_code == 130 and "Interrupted" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports"]


def test_finding_exports(exports, tmp_path):
    assert [p.name for p in find_exports([str(exports)])] == sorted(["broken.zip", *(s.name for s in SAMPLES)])
    assert [p.name for p in find_exports([str(exports / "Complete_*.zip")])] == sorted(
        s.name for s in SAMPLES if "Complete" in s.name
    )
    with pytest.raises(UsageError, match="no export found"):
        find_exports([str(tmp_path / "nothing-*.zip")])


def test_csv_text_is_plain_and_complete():
    result = tables.Tables(({"export": "abc", "file": "a,b.zip", "records": 3},), (), keep_identifiers=False)
    data = tables._csv(result.categories, ("export", "file", "records", "error"))
    assert list(csv.reader(io.StringIO(data.decode()))) == [
        ["export", "file", "records", "error"],
        ["abc", "a,b.zip", "3", ""],
    ]


@pytest.mark.slow
def test_ctrl_c_in_the_middle_of_a_parallel_batch(tmp_path):
    """SIGINT to the whole process group, as Ctrl-C sends it: exit 130, one line, no traceback, no file."""
    import os
    import signal
    import subprocess
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    sample = next(s for s in SAMPLES if "11-28-2026" in s.name)
    for i in range(150):
        shutil.copy(sample, folder / f"member-{i:03d}.zip")
    env = {**os.environ, "LANG": "C.UTF-8", "LANGUAGE": "", "LC_ALL": ""}
    proc = subprocess.Popen([sys.executable, "-m", "analyzer", "batch", str(folder), "--out", str(tmp_path / "r.csv"),
                             "--jobs", "2"], stderr=subprocess.PIPE, start_new_session=True, env=env,
                            preexec_fn=sigint_default)  # fmt: skip
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not children.read_text().split():  # the batch has begun its work
        time.sleep(0.05)
    time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    assert err.decode().strip() == "Interrupted; no output file was left behind."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many"]
