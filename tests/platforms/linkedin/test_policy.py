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
    [("eu", date(2025, 11, 3)), ("eea", date(2025, 11, 3)), ("ch", date(2025, 11, 3)), ("uk", date(2025, 11, 3)),
     ("ca", date(2025, 11, 3)), ("hk", date(2025, 11, 3)), ("us", date(2024, 9, 18)), ("other", date(2024, 9, 18)),
     (None, None)],
)  # fmt: skip
def test_policy_start_by_region(region, start):
    assert policy.start(region) == start


def test_every_region_has_a_label_and_a_start():
    assert set(policy.REGION_LABEL) == set(policy.REGION_START)
    assert all(label.en and label.de for label in policy.REGION_LABEL.values())
