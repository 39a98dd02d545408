"""Broken ZIP files: each damaged member is named, and what can be read is still analysed."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from analyzer.archive import open_archive
from analyzer.errors import ArchiveError
from analyzer.limits import Limits, MiB
from analyzer.mapping import load_mapping
from analyzer.pipeline import scan
from tests.conftest import PROFILE
from tests.helpers import SKILLS, cli, patch_headers, write, zip_of

MAPPING = load_mapping()


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
    # Comments.csv, where the download broke off, keeps its row: nothing read, and said so on it
    assert {d.name: d.records for d in report.datasets} == {"Profile.csv": 1, "Skills.csv": 2, "Comments.csv": 0}
    comments = next(d for d in report.datasets if d.name == "Comments.csv")
    assert comments.problems == (
        "Comments.csv: did not arrive whole (the download broke off); nothing of it could be read",
    )
    assert not any("Comments.csv: was cut off" in p for p in report.problems)  # said once, on its row


def members_problem(tmp_path, data: bytes, limits: Limits | None = None) -> list[str]:
    path = write(tmp_path, "Complete_LinkedInDataExport_11-28-2026.zip", data)
    report = scan(
        path,
        MAPPING,
        **(
            {"options": __import__("analyzer.pipeline", fromlist=["ScanOptions"]).ScanOptions(limits=limits)}
            if limits
            else {}
        ),
    )
    assert any(d.records for d in report.datasets), "the readable members must still be analysed"
    return [*report.problems, *(p for d in report.datasets for p in d.problems)]


def test_bad_crc_member(tmp_path):
    data = bytearray(
        zip_of(
            [("Profile.csv", PROFILE.encode(), zipfile.ZIP_STORED), ("Skills.csv", SKILLS.encode(), zipfile.ZIP_STORED)]
        )
    )
    at = data.find(b"Scrum")
    data[at] = ord("X")
    problems = members_problem(tmp_path, bytes(data))
    assert any("Skills.csv: is damaged inside the ZIP" in p for p in problems)


def test_encrypted_member(tmp_path):
    data = patch_headers(
        zip_of([("Profile.csv", PROFILE.encode(), 8), ("Skills.csv", SKILLS.encode(), 8)]), "Skills.csv", flags=0x1
    )
    assert any("Skills.csv: is encrypted" in p for p in members_problem(tmp_path, data))


def test_unsupported_compression_method(tmp_path):
    data = patch_headers(
        zip_of([("Profile.csv", PROFILE.encode(), 8), ("Skills.csv", SKILLS.encode(), 8)]), "Skills.csv", method=9
    )
    assert any(
        "Skills.csv: uses a compression method this tool cannot read" in p for p in members_problem(tmp_path, data)
    )


def test_member_beyond_the_size_limit(tmp_path):
    data = zip_of(
        [
            ("Profile.csv", PROFILE.encode(), 8),
            ("Reactions.csv", b"Date,Type,Link\n" + b"2026-01-01 10:00:00,LIKE,https://x\n" * 40_000, 8),
        ]
    )
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
    one = write(
        tmp_path,
        "Complete_LinkedInDataExport_11-28-2026.zip.zip",
        zip_of([("Complete_LinkedInDataExport_11-28-2026.zip", inner, 8)]),
    )
    report = scan(one, MAPPING)
    assert report.source.nested_zip == "Complete_LinkedInDataExport_11-28-2026.zip"
    assert {d.name: d.records for d in report.datasets} == {"Profile.csv": 1, "Skills.csv": 2}
    two = write(tmp_path, "two.zip", zip_of([("middle.zip", zip_of([("inner.zip", inner, 8)]), 8)]))
    result = cli("scan", two)
    assert result.exit_code == 1 and "nested more than one level" in result.stderr


def test_an_entry_with_an_empty_name_is_set_aside_not_a_crash(tmp_path):
    """zipfile's ZipInfo.is_dir() raises IndexError on an empty name (found by the hostile-ZIP property)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("Profile.csv", PROFILE)
        zf.writestr("x", "y")
    data = bytearray(buf.getvalue())
    last = data.rfind(b"PK\x01\x02")  # the central-directory entry of "x": its name made empty
    struct.pack_into("<H", data, last + 28, 0)
    del data[last + 46]
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<I", data, end + 12, struct.unpack_from("<I", data, end + 12)[0] - 1)
    path = write(tmp_path, "Complete_LinkedInDataExport_11-28-2026.zip", bytes(data))
    with open_archive(path) as archive:
        assert [m.path for m in archive.members] == ["Profile.csv"]
    assert [d.name for d in scan(path, MAPPING).datasets] == ["Profile.csv"]
