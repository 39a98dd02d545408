"""LinkedIn's AI-training policy: regions and their start dates (the controller: ``test_controller.py``)."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.platforms.linkedin import places, policy


@pytest.mark.parametrize(
    "value, region",
    [("Berlin, Berlin, Germany", "eu"), ("Greater Zurich Area, Switzerland", "ch"), ("London, England, United Kingdom", "uk"),
     ("Oslo, Norway", "eea"), ("Toronto, Ontario, Canada", "ca"), ("Hong Kong SAR", "hk"), ("San Francisco Bay Area", "us"),
     ("New York, New York, United States", "us"), ("Wien, Österreich", "eu"), ("", None)],
)  # fmt: skip
def test_region_from_geo_location(value, region):
    country = places.locate(value).country
    assert (places.region_of(country) if country else None) == region


@pytest.mark.parametrize(
    "region, start",
    [("eu", date(2025, 11, 3)), ("eea", date(2025, 11, 3)), ("ch", date(2025, 11, 3)), ("uk", date(2024, 9, 18)),
     ("ca", date(2024, 9, 18)), ("hk", date(2024, 9, 18)), ("us", date(2024, 9, 18)), ("other", date(2024, 9, 18)),
     (None, None)],
)  # fmt: skip
def test_policy_start_by_region(region, start):
    """The first day a region's data was in scope (reference v2: UK, Canada, Hong Kong in autumn 2024)."""
    assert policy.start(region) == start


@pytest.mark.parametrize(
    "region, periods",
    [("eu", [(date(2025, 11, 3), None, False)]),
     ("uk", [(date(2024, 9, 18), date(2024, 9, 20), True), (date(2025, 11, 3), None, False)]),
     ("ca", [(date(2024, 9, 18), date(2024, 12, 10), True), (date(2025, 11, 3), None, False)]),
     ("hk", [(date(2024, 9, 18), date(2024, 10, 11), True), (date(2025, 11, 3), None, False)]),
     ("us", [(date(2024, 9, 18), None, True)])],
)  # fmt: skip
def test_training_periods_per_region_follow_the_reference(region, periods):
    """ICO 20 Sep 2024, PCPD 11 Oct 2024, OPC 10 Dec 2024; resumed 3 Nov 2025; US "no later than 18 Sep 2024"."""
    assert [(p.start, p.end, p.no_later_than) for p in policy.REGIONS[region].periods] == periods


@pytest.mark.parametrize(
    "region, sources",
    [("uk", {"privacy_policy", "ico", "erpn", "terms_update_2025"}), ("ca", {"privacy_policy", "opc", "terms_update_2025"}),
     ("hk", {"privacy_policy", "pcpd", "terms_update_2025"}), ("eu", {"erpn", "terms_update_2025"}), ("us", {"privacy_policy"})],
)  # fmt: skip
def test_each_period_cites_the_regulator_or_notice_that_dates_it(region, sources):
    assert {k for p in policy.REGIONS[region].periods for k in p.sources} == sources


@pytest.mark.parametrize(
    "region, opted_out_on, timing, until",
    [("eu", date(2025, 10, 1), "never", None), ("eu", date(2025, 11, 3), "never", None),
     ("eu", date(2025, 11, 4), "running", date(2025, 11, 4)),
     ("us", date(2024, 8, 1), "before_disclosure", date(2024, 8, 1)), ("us", date(2025, 1, 1), "running", date(2025, 1, 1)),
     ("uk", date(2024, 9, 19), "running", date(2024, 9, 19)), ("uk", date(2025, 3, 1), "in_pause", date(2024, 9, 20)),
     ("uk", date(2025, 12, 1), "running", date(2025, 12, 1)), ("hk", date(2024, 11, 1), "in_pause", date(2024, 10, 11)),
     ("ca", date(2024, 11, 1), "running", date(2024, 11, 1)), (None, date(2025, 1, 1), "running", date(2025, 1, 1)),
     ("eu", None, "", None)],
)  # fmt: skip
def test_an_opt_out_against_the_periods(region, opted_out_on, timing, until):
    """ "Probably never used" only for EU/EEA/CH opt-outs on or before 3 Nov 2025 (reference v2)."""
    assert policy.exposure(region, opted_out_on) == (timing, until)


def test_legal_basis_is_named_only_where_the_gdpr_applies():
    assert {k: r.basis for k, r in policy.REGIONS.items()} == {
        "eu": "gdpr", "eea": "gdpr", "ch": "gdpr", "uk": "uk_gdpr", "ca": "", "hk": "", "us": "", "other": ""
    }  # fmt: skip


def test_every_region_has_a_label_and_a_start():
    assert set(policy.REGION_LABEL) == set(policy.REGIONS)
    assert all(region.periods and region.periods[-1].end is None for region in policy.REGIONS.values())
    assert all(label.en and label.de for label in policy.REGION_LABEL.values())
