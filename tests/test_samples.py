"""The committed sample exports are the executable spec: every dataset holds exactly what the generator wrote."""

from __future__ import annotations

import subprocess
import sys

import pytest

from analyzer.mapping import load_mapping
from analyzer.pipeline import scan
from tests.conftest import ROOT, SAMPLES, SAMPLES_DIR, TRUTH, sample_scan, zip_bytes

MAPPING = load_mapping()


def test_every_sample_has_truth():
    assert {p.name for p in SAMPLES} == set(TRUTH)
    assert len(SAMPLES) >= 3
    for sample in SAMPLES:
        assert sample.stat().st_size < 1_000_000, f"{sample.name} is over 1 MB"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_sample_records_match_the_generator(sample):
    report = sample_scan(sample)
    parent = {d.name: d.split_of or d.name for d in MAPPING.datasets}  # article drafts are records of Articles
    got: dict[str, int] = {}
    for d in report.datasets:  # what the files hold, records counted once elsewhere included
        got[parent[d.name]] = got.get(parent[d.name], 0) + d.records + d.counted_once
    assert got == TRUTH[sample.name]
    assert report.unmapped == ()
    assert report.problems == ()
    assert [d.name for d in report.datasets if d.problems or d.drift] == []


def entries(path):
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return [(i.filename, i.date_time, i.CRC, i.file_size) for i in zf.infolist()]


def test_samples_are_byte_identical_when_regenerated(tmp_path):
    """Two runs write the same bytes; the committed files hold the same members and contents.

    (Compressed bytes are compared between fresh runs, not with the committed files, because another zlib
    build may compress the same content differently.)
    """
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        subprocess.run([sys.executable, str(SAMPLES_DIR / "generate.py"), "--out", str(out)], check=True, cwd=ROOT)
    for sample in SAMPLES:
        assert (first / sample.name).read_bytes() == (second / sample.name).read_bytes(), sample.name
        assert entries(first / sample.name) == entries(sample), sample.name
    assert (first / "truth.json").read_text() == (SAMPLES_DIR / "truth.json").read_text()
    for pair in sorted((SAMPLES_DIR / "compare").glob("*.zip")):  # the later-export pair of ``compare``
        assert (first / "compare" / pair.name).read_bytes() == (second / "compare" / pair.name).read_bytes()
        assert entries(first / "compare" / pair.name) == entries(pair), pair.name
    assert (first / "compare" / "truth.json").read_text() == (SAMPLES_DIR / "compare" / "truth.json").read_text()


def test_sample_kinds_and_dates():
    modern = sample_scan(SAMPLES_DIR / "Complete_LinkedInDataExport_11-28-2026.zip")
    assert (modern.source.kind, str(modern.source.export_date), modern.source.root) == ("complete", "2026-11-28", "")
    legacy = sample_scan(SAMPLES_DIR / "Complete_LinkedInDataExport_11-04-2018.zip")
    assert legacy.source.root == "Complete_LinkedInDataExport_11-04-2018"
    basic = sample_scan(SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip")
    assert (basic.source.kind, str(basic.source.export_date)) == ("basic", "2025-10-06")


def test_unknown_extra_file_is_listed_as_unmapped_not_dropped(tmp_path):
    import zipfile

    source = SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip"
    target = tmp_path / source.name
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info))
        zout.writestr("Groups_Future.csv", "Group,Joined\nProduct People Berlin,2024-01-01\nPM Stammtisch,2024-02-01\n")
        zout.writestr("nested.zip", zip_bytes({"a.txt": b"x"}))
    report = scan(target, MAPPING)
    assert report.unmapped == ("Groups_Future.csv", "nested.zip")
    assert report.unmapped_records == 2 and report.unmapped_data_points == 4
    assert report.total("unmapped").datasets == 2
    assert {d.name: d.records for d in report.datasets} == TRUTH[source.name]
