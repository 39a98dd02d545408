"""The scan as a whole: what it refuses, and that a second process changes no figure."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.errors import ArchiveError
from analyzer.mapping import load_mapping
from analyzer.pipeline import ScanOptions, scan
from analyzer.render.jsonout import report_to_dict
from tests.conftest import SAMPLES

MAPPING = load_mapping()
OPTIONS = {"include_content": True, "show_values": True, "opted_out_on": date(2025, 1, 1), "workers": 1}


def test_not_a_linkedin_export(make_export):
    with pytest.raises(ArchiveError, match="does not look like a LinkedIn data export"):
        scan(make_export({"holiday.jpg": b"\xff\xd8", "notes.txt": "hi"}), MAPPING)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_a_second_process_gives_the_same_report(sample):
    options = {"include_content": True, "show_values": True, "opted_out_on": date(2025, 1, 1)}
    one = report_to_dict(scan(sample, MAPPING, ScanOptions(workers=1, **options)))
    two = report_to_dict(scan(sample, MAPPING, ScanOptions(workers=2, **options)))
    one.pop("generated_at"), two.pop("generated_at")
    assert one == two
    assert one["content"]


def test_two_processes_with_the_fast_reader_give_the_same_report():
    sample = next(s for s in SAMPLES if "11-28-2026" in s.name)
    one = report_to_dict(scan(sample, MAPPING, ScanOptions(fast_from=0, fast_total=0, **OPTIONS)))
    two = report_to_dict(scan(sample, MAPPING, ScanOptions(fast_from=0, fast_total=0, **{**OPTIONS, "workers": 2})))
    one.pop("generated_at"), two.pop("generated_at")
    assert one == two
