"""What a LinkedIn export is called: the kind and date from messy download names; what is not an export."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.mapping import load_mapping
from analyzer.pipeline import scan
from analyzer.platforms.linkedin.export import kind_and_date, parse_export_name
from tests.conftest import SAMPLES_DIR
from tests.helpers import write

MAPPING = load_mapping()


@pytest.mark.parametrize(
    "name", ["Complete_LinkedInDataExport_11-28-2026.zip.zip", "Complete_LinkedInDataExport_11-28-2026.zip (1).zip"]
)
def test_messy_download_names(tmp_path, name):
    path = write(tmp_path, name, (SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip").read_bytes())
    report = scan(path, MAPPING)
    assert (report.source.kind, str(report.source.export_date)) == ("complete", "2026-11-28")


@pytest.mark.parametrize(
    "name, kind, when",
    [("Complete_LinkedInDataExport_11-28-2026.zip", "complete", date(2026, 11, 28)),
     ("Basic_LinkedInDataExport_10-06-2025.zip (1).zip", "basic", date(2025, 10, 6)),
     ("LinkedInDataExport_4-1-2019.zip", "legacy", date(2019, 4, 1)),
     ("complete_linkedindataexport_02-30-2026.zip", "complete", None),
     ("export.zip", None, None)],
)  # fmt: skip
def test_kind_and_date_from_the_download_name(name, kind, when):
    assert parse_export_name(name) == (kind, when)


def test_the_first_name_that_carries_kind_and_date_wins():
    assert kind_and_date("export.zip", "", "Basic_LinkedInDataExport_10-06-2025") == ("basic", date(2025, 10, 6))
    assert kind_and_date("export.zip", "") == (None, None)
