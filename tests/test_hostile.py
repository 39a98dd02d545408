"""Hostile and broken input: one fixture per failure mode, each paired with its exit code and message."""

from __future__ import annotations

import builtins
import errno
import hashlib
import io
import struct
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from analyzer import output
from analyzer.scan import scan
from analyzer.archive import Limits, Member, MiB, open_archive
from analyzer.cli import app
from analyzer.platforms.linkedin.repairs import REPAIRS
from analyzer.read.dialect import read_csv as _read_csv
from analyzer.errors import AnalyzerError, ArchiveError
from analyzer.mapping import load_mapping
from tests.conftest import PROFILE, SAMPLES, SAMPLES_DIR

MAPPING = load_mapping()


def read_csv(member):
    return _read_csv(member, REPAIRS)

runner = CliRunner()
ENV = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_US.UTF-8"}
SKILLS = "Name\nSQL\nScrum\n"


def cli(*args: object):
    result = runner.invoke(app, [str(a) for a in args], env=ENV)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def zip_of(entries: list[tuple[str, bytes, int]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data, method in entries:
            zf.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), data, compress_type=method)
    return buf.getvalue()


def patch_headers(data: bytes, name: str, *, flags: int | None = None, method: int | None = None,
                  local_offset: int | None = None) -> bytes:  # fmt: skip
    """Change a member's flag bits or compression method in both its local and central header."""
    raw = bytearray(data)
    encoded = name.encode()
    pos = raw.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack_from("<H", raw, pos + 28)[0]
        if raw[pos + 46 : pos + 46 + name_len] == encoded:
            local = struct.unpack_from("<I", raw, pos + 42)[0]
            if flags is not None:
                struct.pack_into("<H", raw, pos + 8, flags)
                struct.pack_into("<H", raw, local + 6, flags)
            if method is not None:
                struct.pack_into("<H", raw, pos + 10, method)
                struct.pack_into("<H", raw, local + 8, method)
            if local_offset is not None:
                struct.pack_into("<I", raw, pos + 42, local_offset)
        pos = raw.find(b"PK\x01\x02", pos + 4)
    return bytes(raw)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / name
    path.write_bytes(data)
    return path


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
    assert any("was cut off" in p for p in report["problems"])
    assert 0 < len(report["datasets"]) < 66


def test_truncated_zip_with_data_descriptors(tmp_path):
    """Java writes sizes after the data (flag bit 3); recovery must inflate to find each end."""

    class Unseekable(io.RawIOBase):
        def __init__(self):
            self.buf = io.BytesIO()

        def writable(self):
            return True

        def write(self, b):
            return self.buf.write(b)

    sink = Unseekable()
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Profile.csv", PROFILE)
        zf.writestr("Skills.csv", SKILLS)
        zf.writestr("Comments.csv", "Date,Link,Message\n" + "2026-01-01 10:00:00,https://x,hallo welt\n" * 500)
    data = sink.buf.getvalue()
    assert struct.unpack_from("<H", data, 6)[0] & 0x8
    path = write(tmp_path, "Basic_LinkedInDataExport_10-06-2025.zip", data[: data.find(b"Comments.csv") + 40])
    report = scan(path, MAPPING)
    assert {d.name: d.records for d in report.datasets} == {"Profile.csv": 1, "Skills.csv": 2}
    assert any("Comments.csv: was cut off" in p for p in report.problems)


def members_problem(tmp_path, data: bytes, limits: Limits | None = None) -> list[str]:
    path = write(tmp_path, "Complete_LinkedInDataExport_11-28-2026.zip", data)
    report = scan(path, MAPPING, **({"options": __import__("analyzer.scan", fromlist=["ScanOptions"]).ScanOptions(limits=limits)} if limits else {}))
    assert any(d.records for d in report.datasets), "the readable members must still be analysed"
    return [*report.problems, *(p for d in report.datasets for p in d.problems)]


def test_bad_crc_member(tmp_path):
    data = bytearray(zip_of([("Profile.csv", PROFILE.encode(), zipfile.ZIP_STORED), ("Skills.csv", SKILLS.encode(), zipfile.ZIP_STORED)]))
    at = data.find(b"Scrum")
    data[at] = ord("X")
    problems = members_problem(tmp_path, bytes(data))
    assert any("Skills.csv: is damaged inside the ZIP" in p for p in problems)


def test_encrypted_member(tmp_path):
    data = patch_headers(zip_of([("Profile.csv", PROFILE.encode(), 8), ("Skills.csv", SKILLS.encode(), 8)]), "Skills.csv", flags=0x1)
    assert any("Skills.csv: is encrypted" in p for p in members_problem(tmp_path, data))


def test_unsupported_compression_method(tmp_path):
    data = patch_headers(zip_of([("Profile.csv", PROFILE.encode(), 8), ("Skills.csv", SKILLS.encode(), 8)]), "Skills.csv", method=9)
    assert any("Skills.csv: uses a compression method this tool cannot read" in p for p in members_problem(tmp_path, data))


def test_member_beyond_the_size_limit(tmp_path):
    data = zip_of([("Profile.csv", PROFILE.encode(), 8), ("Reactions.csv", b"Date,Type,Link\n" + b"2026-01-01 10:00:00,LIKE,https://x\n" * 40_000, 8)])
    problems = members_problem(tmp_path, data, Limits(max_member_bytes=1 * MiB))
    assert any("Reactions.csv: declares 1.3 MiB uncompressed, more than the limit of 1 MiB" in p for p in problems)


def test_extreme_compression_ratio(tmp_path):
    bomb = b"Date,Type,Link\n" + b"0" * (3 * MiB)
    data = zip_of([("Profile.csv", PROFILE.encode(), 8), ("Reactions.csv", bomb, 8)])
    problems = members_problem(tmp_path, data, Limits(ratio_applies_above=1 * MiB))
    assert any("Reactions.csv: compresses" in p and "zip bomb" in p for p in problems)


def test_overlapping_entries(tmp_path):
    data = zip_of([("Profile.csv", PROFILE.encode(), 8), ("Skills.csv", SKILLS.encode(), 8)])
    overlapped = patch_headers(data, "Skills.csv", local_offset=0)
    problems = members_problem(tmp_path, overlapped)
    assert any(p.startswith("Skills.csv: cannot be read from the ZIP") for p in problems), problems


def test_too_many_members(tmp_path):
    data = zip_of([(f"file{i}.csv", b"a\n1\n", 8) for i in range(20)])
    path = write(tmp_path, "many.zip", data)
    with pytest.raises(ArchiveError, match="holds 20 files, more than the limit of 10"):
        open_archive(path, Limits(max_members=10))


def test_zip_in_zip_one_level_is_read_two_levels_refused(tmp_path):
    inner = zip_of([("Profile.csv", PROFILE.encode(), 8), ("Skills.csv", SKILLS.encode(), 8)])
    one = write(tmp_path, "Complete_LinkedInDataExport_11-28-2026.zip.zip", zip_of([("Complete_LinkedInDataExport_11-28-2026.zip", inner, 8)]))
    report = scan(one, MAPPING)
    assert report.source.nested_zip == "Complete_LinkedInDataExport_11-28-2026.zip"
    assert {d.name: d.records for d in report.datasets} == {"Profile.csv": 1, "Skills.csv": 2}
    two = write(tmp_path, "two.zip", zip_of([("middle.zip", zip_of([("inner.zip", inner, 8)]), 8)]))
    result = cli("scan", two)
    assert result.exit_code == 1 and "nested more than one level" in result.stderr


@pytest.mark.parametrize("name", ["Complete_LinkedInDataExport_11-28-2026.zip.zip", "Complete_LinkedInDataExport_11-28-2026.zip (1).zip"])
def test_messy_download_names(tmp_path, name):
    path = write(tmp_path, name, (SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip").read_bytes())
    report = scan(path, MAPPING)
    assert (report.source.kind, str(report.source.export_date)) == ("complete", "2026-11-28")


def test_hostile_member_names_are_never_paths(tmp_path):
    names = ["../../escape.csv", "/etc/Profile.csv", "dir\\Skills.csv", "evil\x1b[2J\u202e.csv", "Skills.csv", "Skills.csv"]
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


# --- CSV content ---------------------------------------------------------------------------------


def member(data: bytes, name: str = "Skills.csv") -> Member:
    return Member(name, len(data), len(data), lambda: io.BufferedReader(io.BytesIO(data)))  # type: ignore[arg-type]


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


def test_ten_thousand_columns_flagged_as_drift(make_export):
    header = ",".join(f"col{i}" for i in range(10_000))
    path = make_export({"Profile.csv": PROFILE, "Skills.csv": header + "\n" + ",".join("x" * 10_000) + "\n"})
    report = scan(path, MAPPING)
    skills = next(d for d in report.datasets if d.name == "Skills.csv")
    assert skills.records == 1 and len(skills.drift.new_columns) == 10_000
    result = cli("scan", path, "--no-color")
    assert result.exit_code == 0 and "(+9,990)" in result.stdout


def test_fifty_megabyte_field(make_export):
    import base64
    import random

    big = base64.b64encode(random.Random(50).randbytes(38 * MiB)).decode()  # 50 MiB that does not compress like a bomb
    path = make_export({"Profile.csv": PROFILE, "Comments.csv": f'Date,Link,Message\n2026-01-01 10:00:00,https://x,"{big}"\n2026-01-02 10:00:00,https://y,ok\n'})
    report = scan(path, MAPPING)
    comments = next(d for d in report.datasets if d.name == "Comments.csv")
    assert any("longer than 16 MiB" in p for p in comments.problems), comments.problems


def test_nothing_readable_is_exit_1(make_export):
    path = make_export({"Skills.csv": bytes(range(256)) * 10, "Profile.csv": b",,,\n"})
    result = cli("scan", path)
    assert result.exit_code == 1 and "nothing could be read from this export" in result.stderr


# --- outputs --------------------------------------------------------------------------------------

MODERN = SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip"


@pytest.mark.parametrize(
    "target, message",
    [
        (lambda d: d / "missing" / "out.xlsx", "folder does not exist"),
        (lambda d: d, "is a folder"),
        (lambda d: write(d, "out.xlsx", b"keep"), "already exists; add --force"),
    ],
    ids=["folder-missing", "target-is-folder", "exists-without-force"],
)
def test_output_target_problems(tmp_path, target, message):
    result = cli("scan", MODERN, "--xlsx", target(tmp_path))
    assert result.exit_code == 1 and message in result.stderr
    assert result.stdout == ""  # checked before any work, so no half report either


def test_read_only_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(output, "_writable", lambda folder: False)
    result = cli("scan", MODERN, "--xlsx", tmp_path / "out.xlsx")
    assert result.exit_code == 1 and "folder is not writable" in result.stderr


@pytest.mark.parametrize("failure, code, message", [
    (OSError(errno.ENOSPC, "No space left on device"), 1, "the disk is full; nothing was written"),
    (KeyboardInterrupt(), 130, "Interrupted"),
])  # fmt: skip
def test_write_failures_leave_nothing_behind(tmp_path, monkeypatch, failure, code, message):
    (tmp_path / "exposure.xlsx").write_bytes(b"old")

    def broken(fd):  # the workbook is written, then the disk fills up (or Ctrl-C) before it is safely stored
        raise failure

    monkeypatch.setattr("analyzer.output.os.fsync", broken)
    result = cli("scan", MODERN, "--xlsx", tmp_path / "exposure.xlsx", "--force")
    assert result.exit_code == code and message in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exposure.xlsx"]
    assert (tmp_path / "exposure.xlsx").read_bytes() == b"old"


def test_invalid_mapping_file(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[categories\n", encoding="utf-8")
    result = cli("scan", MODERN, "--mapping", bad)
    assert result.exit_code == 1 and "not valid TOML" in result.stderr


# --- guarantees -----------------------------------------------------------------------------------


def digest(path: Path) -> str:
    if path.is_file():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    return hashlib.sha256(b"".join(p.read_bytes() + str(p).encode() for p in sorted(path.rglob("*")) if p.is_file())).hexdigest()


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


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_arbitrary_bytes_never_crash_the_reader(data):
    table, rows = read_all(data)
    assert all(len(r) == len(table.header) for r in rows)


@settings(max_examples=60, deadline=None)
@given(st.binary(min_size=0, max_size=2048), st.integers(min_value=0, max_value=400))
def test_arbitrary_and_mutated_zips_raise_only_documented_errors(tmp_path_factory, noise, at):
    base = bytearray(zip_of([("Profile.csv", PROFILE.encode(), 8), ("Skills.csv", SKILLS.encode(), 8)]))
    for i, b in enumerate(noise[:64]):
        base[(at + i) % len(base)] = b
    for blob in (noise, bytes(base)):
        path = tmp_path_factory.mktemp("z") / "Complete_LinkedInDataExport_11-28-2026.zip"
        path.write_bytes(blob)
        try:
            scan(path, MAPPING)
        except AnalyzerError:
            pass


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
