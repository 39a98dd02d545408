"""Hostile and broken input through the command line: one fixture per failure mode, each paired with its
exit code and message; and what holds whatever the input (the input is never changed, only documented
errors are raised).

Broken ZIP members are in test_archive.py, broken CSV content in read/test_dialect.py, output targets in
test_output.py."""

from __future__ import annotations

import builtins
import contextlib
import errno
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.errors import AnalyzerError
from analyzer.mapping import load_mapping
from analyzer.pipeline import scan
from tests.conftest import PROFILE, SAMPLES, SAMPLES_DIR
from tests.helpers import SKILLS, cli, digest, write, zip_of

MAPPING = load_mapping()
MODERN = SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip"


# --- the input itself ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d / "missing.zip", "no such file or folder"),
        (lambda d: write(d, "empty.zip", b""), "the file is empty (0 bytes)"),
        (lambda d: write(d, "notes.zip", b"just some text, not a zip\n"), "is not a ZIP file"),
        (lambda d: write(d / "photos", "a.jpg", b"\xff\xd8").parent, "does not look like a LinkedIn data export"),
        (lambda d: write(d, "trunc.zip", zip_of([("Skills.csv", SKILLS.encode() * 50, zipfile.ZIP_DEFLATED)])[:40]),
         "no file in it could be recovered"),
    ],
    ids=["missing", "empty", "not-a-zip", "folder-without-csv", "truncated-unrecoverable"],
)  # fmt: skip
def test_unreadable_input_exits_1(tmp_path, make, message):
    result = cli("scan", make(tmp_path))
    assert result.exit_code == 1
    assert message in result.stderr
    assert result.stdout == ""


def test_no_permission(tmp_path, monkeypatch):
    path = write(tmp_path, "Complete_LinkedInDataExport_11-28-2026.zip", zip_of([("Skills.csv", SKILLS.encode(), 8)]))
    real_open = builtins.open

    def guarded(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    result = cli("scan", path)
    assert result.exit_code == 1 and "permission denied" in result.stderr


def test_truncated_zip_keeps_what_arrived(tmp_path):
    data = (SAMPLES_DIR / "Complete_LinkedInDataExport_11-28-2026.zip").read_bytes()
    path = write(tmp_path, "Complete_LinkedInDataExport_11-28-2026.zip", data[: len(data) // 2])
    result = cli("scan", path, "--json")
    assert result.exit_code == 0
    assert "problems while reading" in result.stderr
    import json

    report = json.loads(result.stdout)
    assert report["problems"][0].startswith("the ZIP file is incomplete")
    cut = [p for d in report["datasets"] for p in d["problems"] if "did not arrive whole (the download broke off)" in p]
    assert len(cut) == 1 and not any("was cut off" in p for p in report["problems"])  # said once, on its row
    assert 0 < len(report["datasets"]) < 66


def test_hostile_member_names_are_never_paths(tmp_path):
    names = [
        "../../escape.csv",
        "/etc/Profile.csv",
        "dir\\Skills.csv",
        "evil\x1b[2J\u202e.csv",
        "Skills.csv",
        "Skills.csv",
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf, pytest.warns(UserWarning, match="Duplicate name"):
        for name in names:
            zf.writestr(zipfile.ZipInfo(name), SKILLS)
    path = write(tmp_path, "Complete_LinkedInDataExport_11-28-2026.zip", buf.getvalue())
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result = cli("scan", path, "--no-color")
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    assert not Path("/tmp/escape.csv").exists() and not (tmp_path.parent / "escape.csv").exists()
    assert "../../escape.csv" in result.stdout
    assert "evil\\x1b[2J\\u202e.csv" in result.stdout and "\x1b[2J" not in result.stdout
    assert "the ZIP holds this name more than once" in result.stdout


def test_ten_thousand_columns_flagged_as_drift(make_export):
    header = ",".join(f"col{i}" for i in range(10_000))
    path = make_export({"Profile.csv": PROFILE, "Skills.csv": header + "\n" + ",".join("x" * 10_000) + "\n"})
    report = scan(path, MAPPING)
    skills = next(d for d in report.datasets if d.name == "Skills.csv")
    assert skills.records == 1 and len(skills.drift.new_columns) == 10_000
    result = cli("scan", path, "--no-color")
    assert result.exit_code == 0 and "(+9,990)" in result.stdout


def test_nothing_readable_is_exit_1(make_export):
    path = make_export({"Skills.csv": bytes(range(256)) * 10, "Profile.csv": b",,,\n"})
    result = cli("scan", path)
    assert result.exit_code == 1 and "nothing could be read from this export" in result.stderr


def test_invalid_mapping_file(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[categories\n", encoding="utf-8")
    result = cli("scan", MODERN, "--mapping", bad)
    assert result.exit_code == 1 and "not valid TOML" in result.stderr


# --- guarantees -----------------------------------------------------------------------------------


@pytest.mark.slow
def test_input_is_byte_identical_after_every_run(tmp_path):
    folder = tmp_path / "Complete_LinkedInDataExport_11-28-2026"
    with zipfile.ZipFile(SAMPLES_DIR / "Complete_LinkedInDataExport_11-28-2026.zip") as zf:
        zf.extractall(folder)
    for source in [*SAMPLES, folder]:
        before = digest(source)
        stat_before = source.stat().st_mtime_ns
        assert cli("scan", source, "--xlsx", tmp_path / "o.xlsx", "--force", "--include-content").exit_code == 0
        assert cli("letter", source, "--out", tmp_path / "l.txt", "--force").exit_code == 0
        assert digest(source) == before and source.stat().st_mtime_ns == stat_before


@settings(max_examples=60, deadline=None)
@given(st.binary(min_size=0, max_size=2048), st.integers(min_value=0, max_value=400))
def test_arbitrary_and_mutated_zips_raise_only_documented_errors(tmp_path_factory, noise, at):
    base = bytearray(zip_of([("Profile.csv", PROFILE.encode(), 8), ("Skills.csv", SKILLS.encode(), 8)]))
    for i, b in enumerate(noise[:64]):
        base[(at + i) % len(base)] = b
    for blob in (noise, bytes(base)):
        path = tmp_path_factory.mktemp("z") / "Complete_LinkedInDataExport_11-28-2026.zip"
        path.write_bytes(blob)
        with contextlib.suppress(AnalyzerError):
            scan(path, MAPPING)
