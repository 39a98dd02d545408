"""Member facts from a LinkedIn export: name, e-mail, profile URL, region and birth date."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.mapping import load_mapping
from analyzer.pipeline import ScanOptions, scan
from analyzer.platforms.linkedin.policy import region_of_country
from tests.conftest import SAMPLES_DIR, sample_scan

MAPPING = load_mapping()


def test_region_from_2018_country_code_and_override(make_export):
    profile = "First Name,Last Name,Country,Zip Code,Geo Location\nLena,Hoffmann,ch,8001,\n"
    path = make_export({"Profile.csv": profile})
    v = scan(path, MAPPING).verdict
    assert (v.region, v.region_how) == ("ch", 'Profile.csv "Country": ch')
    assert region_of_country("DE") == "eu"
    v2 = scan(path, MAPPING, ScanOptions(region="us")).verdict
    assert (v2.region, v2.region_how, v2.policy_start) == ("us", "--region", date(2024, 9, 18))


@pytest.mark.parametrize(
    "birth, under", [("Feb 17, 2010", True), ("Feb 17, 1988", False), ("Feb 17", None), ("", None)]
)
def test_under_18_from_full_birth_date(make_export, birth, under):
    profile = f'First Name,Last Name,Birth Date,Geo Location\nLena,Hoffmann,"{birth}",Berlin\n'
    report = scan(make_export({"Profile.csv": profile}), MAPPING, ScanOptions(today=date(2026, 11, 28)))
    assert report.verdict.under_18 is under


def test_member_facts_from_the_modern_export():
    member = sample_scan(SAMPLES_DIR / "Complete_LinkedInDataExport_11-28-2026.zip").member
    assert (member.name, member.email, member.profile_url) == (
        "Lena Hoffmann",
        "lena.hoffmann@example.de",
        "https://www.linkedin.com/in/lena-hoffmann-example",
    )
