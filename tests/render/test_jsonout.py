"""The JSON contract, byte for byte per sample and with every option; and what it holds in states no sample reaches."""

from __future__ import annotations

import json
from datetime import date

import pytest

from analyzer.mapping import load_mapping
from analyzer.pipeline import ScanOptions, scan
from analyzer.render.jsonout import report_to_dict
from tests.conftest import SAMPLES, TODAY, check_golden, sample_scan
from tests.factories import content_rows

MAPPING = load_mapping()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_json_golden(sample, update_golden):
    """The JSON contract, byte for byte (the time of the run and the input's path are the only fields fixed)."""
    data = report_to_dict(sample_scan(sample, today=TODAY))
    data["generated_at"] = "2026-11-29T12:00:00+00:00"
    data["source"]["path"] = data["source"]["name"]
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    check_golden(f"{sample.stem}.json", text, update_golden)


def test_json_golden_with_every_option(update_golden):
    """--opted-out-on, --show-values and --include-content, on the richest sample."""
    from datetime import date

    sample = next(s for s in SAMPLES if "11-28-2026" in s.name)
    options = ScanOptions(opted_out_on=date(2025, 12, 1), show_values=True, include_content=True, today=TODAY)
    report = scan(sample, MAPPING, options)
    data = report_to_dict(report)
    data["generated_at"] = "2026-11-29T12:00:00+00:00"
    data["source"]["path"] = data["source"]["name"]
    check_golden(f"options.{sample.stem}.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n", update_golden)


# --- states no sample reaches: reports made by the factory ------------------------------------------


def test_no_region_and_a_minor_in_the_verdict(make_report):
    data = report_to_dict(make_report(member={"region": None, "region_how": "", "birth_date": date(2010, 2, 17)}))
    assert data["verdict"]["region"] is None and data["verdict"]["policy_start"] is None
    assert data["verdict"]["under_18"] is True
    assert (
        data["verdict"]["used_records_before_policy_start"],
        data["verdict"]["used_records_after_policy_start"],
    ) == (0, 0)


def test_content_and_its_cut_only_with_content(make_report):
    data = report_to_dict(make_report(content=content_rows(2), content_cut=5))
    assert data["content_cut"] == 5
    assert [c["text"] for c in data["content"]] == ["Kommentar Nummer 1", "Kommentar Nummer 2"]
    assert "content" not in report_to_dict(make_report()) and "content_cut" not in report_to_dict(make_report())


def test_nothing_read(make_report):
    data = report_to_dict(make_report(datasets=()))
    assert data["headline"] == {"data_points": 0, "used_share": 0.0, "used_records": 0, "records": 0, "own_words_used": 0,
                                "own_words": 0, "own_words_share": 0.0, "most_exposed": []}  # fmt: skip
    assert data["totals"]["used"] == {"datasets": 0, "records": 0, "data_points": 0, "words": 0}
    assert data["datasets"] == [] and data["categories"] == []
