"""Who the letter goes to, under which law, where to send it; the German state and its supervisory authority."""

from __future__ import annotations

import pytest

from analyzer.mapping import load_mapping
from analyzer.platforms.linkedin import de_states, facts, policy

SOURCES = {s.key: s.url for s in load_mapping().sources}


@pytest.mark.parametrize(
    "region, company, law, known",
    [("eu", "LinkedIn Ireland Unlimited Company", "gdpr", True),
     ("eea", "LinkedIn Ireland Unlimited Company", "gdpr", True),
     ("ch", "LinkedIn Ireland Unlimited Company", "ch", True),
     ("uk", "LinkedIn Corporation", "uk", True),
     ("ca", "LinkedIn Corporation", "ca", True),
     ("hk", "LinkedIn Corporation", "hk", True),
     ("us", "LinkedIn Corporation", "us", True),
     ("other", "LinkedIn Corporation", "other", True),
     (None, "LinkedIn Ireland Unlimited Company", "gdpr", False)],
)  # fmt: skip
def test_controller_and_law_by_region(region, company, law, known):
    to = policy.controller(region, load_mapping().sources)
    assert (to.address[0], to.law, to.known) == (company, law, known)
    assert to.gdpr == (law in ("gdpr", "ch", "uk")) and to.uk == (law == "uk")
    assert to.policy_url == SOURCES["erpn" if to.gdpr else "privacy_policy"]
    assert (to.objection_url, to.setting_url) == (SOURCES["objection_form"], SOURCES["setting"])
    # The ERPN gives LinkedIn Ireland's address in full; the US ZIP code is not in LinkedIn's notices.
    assert to.address_checked == (company == "LinkedIn Ireland Unlimited Company")


def test_the_addresses_are_complete():
    ireland = policy.controller("eu").address
    assert ireland == ("LinkedIn Ireland Unlimited Company", "Wilton Plaza", "Wilton Place", "Dublin 2", "Ireland")
    assert policy.controller("uk").address == (
        "LinkedIn Corporation",
        "1000 W Maude Avenue",
        "Sunnyvale, CA 94085",
        "USA",
    )


def test_a_source_missing_from_the_mapping_is_a_visible_gap():
    to = policy.controller("eu", [s for s in load_mapping().sources if s.key != "objection_form"])
    assert to.objection_url == "[CHECK: the mapping has no source 'objection_form']"


def test_the_shipped_mapping_has_every_source_the_letter_links_to():
    assert [key for key in policy.LETTER_SOURCES if key not in SOURCES] == []


def test_the_local_route_links_the_regulator_or_linkedins_us_page():
    sources = load_mapping().sources
    assert policy.controller("eu", sources).local_url == "" and policy.controller("uk", sources).local_url == ""
    for region in ("ca", "hk", "us"):
        assert policy.controller(region, sources).local_url.startswith("https://")


# --- the German state and its authority --------------------------------------------------------------------


def test_every_german_state_has_its_authority():
    assert set(policy.DE_AUTHORITY) == set(de_states.STATES) and len(de_states.STATES) == 16
    assert all(name and not name.startswith(("Der ", "Die ", "Das ")) for name, _ in policy.DE_AUTHORITY.values())


@pytest.mark.parametrize(
    "location, state",
    [("Berlin, Berlin, Germany", "DE-BE"), ("München, Bayern, Deutschland", "DE-BY"),
     ("Greater Munich Metropolitan Area", "DE-BY"), ("Cologne Bonn Region", "DE-NW"),
     ("Düsseldorf, Nordrhein-Westfalen, Deutschland", "DE-NW"), ("Mainz, Rhineland-Palatinate, Germany", "DE-RP"),
     ("Frankfurt (Oder), Brandenburg, Germany", "DE-BB"), ("Frankfurt am Main, Hessen, Deutschland", "DE-HE"),
     ("Hamburg, Germany", "DE-HH"), ("Leipzig, Saxony, Germany", "DE-SN"), ("Kiel, Schleswig-Holstein, Germany", "DE-SH"),
     # a metro area that spans states, and a country alone, name none
     ("Frankfurt Rhine-Main Metropolitan Area", ""), ("Germany", ""), ("Deutschland", "")],
)  # fmt: skip
def test_the_german_state_of_a_location(location, state):
    assert de_states.state_of(location) == state


@pytest.mark.parametrize(
    "profile, flag, region, state",
    [({"geo location": "München, Bayern, Deutschland"}, None, "eu", "DE-BY"),
     ({"geo location": "München, Bayern, Deutschland"}, "eu", "eu", "DE-BY"),  # the flag agrees: the state stays
     ({"geo location": "München, Bayern, Deutschland"}, "uk", "uk", ""),  # it does not: no German authority
     ({"geo location": "Wien, Österreich"}, None, "eu", ""),
     ({"geo location": "Austin, Texas, United States"}, None, "us", ""),
     ({"country": "Germany"}, None, "eu", ""),
     ({}, "eu", "eu", "")],
)  # fmt: skip
def test_the_member_carries_the_german_state(profile, flag, region, state):
    member = facts.member({"first name": "Ann", **profile} if profile else {}, flag)
    assert (member.region, member.state) == (region, state)


def test_the_authority_is_named_only_for_a_german_member_under_the_gdpr():
    assert (
        policy.controller("eu", state="DE-BE").authority
        == "Berliner Beauftragte für Datenschutz und Informationsfreiheit"
    )
    assert policy.controller("eu", state="DE-BY").authority == "Bayerisches Landesamt für Datenschutzaufsicht"
    assert policy.controller("eu", state="").authority == ""
    assert policy.controller("uk", state="DE-BE").authority == ""
    unsure = [code for code, (_, checked) in policy.DE_AUTHORITY.items() if not checked]
    assert unsure and all(not policy.controller("eu", state=code).authority_checked for code in unsure)
