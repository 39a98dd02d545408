"""The member's region from any location LinkedIn writes: countries, codes, states, metro areas and cities in
English and German, the 2018 Country column, why a region is unknown, ambiguous names, and the generated data."""

from __future__ import annotations

import subprocess
import sys

import pytest

from analyzer.platforms.linkedin import places, policy
from analyzer.platforms.linkedin.facts import member
from analyzer.platforms.linkedin.places import locate, region_of
from tests.conftest import ROOT

LOCATIONS = [
    # countries, last part (English)
    ("Bengaluru, Karnataka, India", "other"), ("Cairo, Egypt", "other"), ("São Paulo, Brazil", "other"),
    ("Tokyo, Japan", "other"), ("Lagos, Nigeria", "other"), ("Istanbul, Türkiye", "other"),
    ("Istanbul, Turkey", "other"), ("Seoul, South Korea", "other"), ("Moscow, Russia", "other"),
    ("Dubai, United Arab Emirates", "other"), ("Abu Dhabi, UAE", "other"), ("Pristina, Kosovo", "other"),
    ("Abidjan, Ivory Coast", "other"), ("Macau", "other"), ("Ho Chi Minh City, Vietnam", "other"),
    ("Taipei City, Taiwan", "other"), ("Nairobi County, Kenya", "other"), ("Sydney, New South Wales, Australia", "other"),
    ("Mexico City, Mexico", "other"), ("Oslo, Norway", "eea"), ("Vaduz, Liechtenstein", "eea"),
    ("Amsterdam, North Holland, Netherlands", "eu"), ("Rotterdam, The Netherlands", "eu"), ("Prague, Czech Republic", "eu"),
    ("Paris, Île-de-France, France", "eu"), ("Dublin, County Dublin, Ireland", "eu"), ("Hong Kong SAR", "hk"),
    ("Hong Kong", "hk"), ("Austin, Texas, United States", "us"), ("Toronto, Ontario, Canada", "ca"),
    ("Edinburgh, Scotland, United Kingdom", "uk"), ("London, England, United Kingdom", "uk"),
    ("Greater Zurich Area, Switzerland", "ch"), ("Berlin Area, Germany", "eu"), ("Jersey", "other"),
    # German
    ("Kairo, Ägypten", "other"), ("München, Bayern, Deutschland", "eu"), ("Zürich, Zürich, Schweiz", "ch"),
    ("Wien, Österreich", "eu"), ("Moskau, Russland", "other"), ("Seoul, Südkorea", "other"), ("Ankara, Türkei", "other"),
    ("London, Großbritannien", "uk"), ("New York, Vereinigte Staaten", "us"), ("Köln, Nordrhein-Westfalen, Deutschland", "eu"),
    ("Frankfurt am Main, Hessen, Deutschland", "eu"), ("Reykjavík, Island", "eea"), ("Mumbai, Indien", "other"),
    # codes
    ("Berlin, DE", "eu"), ("IN", "other"), ("USA", "us"), ("GBR", "uk"),
    # US states, metro areas, cities without a country
    ("Washington DC-Baltimore Area", "us"), ("Columbus, Ohio Metropolitan Area", "us"), ("Greater Seattle Area", "us"),
    ("San Francisco Bay Area", "us"), ("New York City Metropolitan Area", "us"), ("Dallas-Fort Worth Metroplex", "us"),
    ("Greater Boston", "us"), ("Los Angeles Metropolitan Area", "us"), ("Miami-Fort Lauderdale Area", "us"),
    ("Raleigh-Durham-Chapel Hill Area", "us"), ("Minneapolis–St. Paul", "us"), ("Denver, CO", "us"), ("Texas", "us"),
    ("Paris, Texas", "us"), ("Puerto Rico", "us"),
    # Canadian provinces, UK nations
    ("Montreal, Quebec", "ca"), ("Québec", "ca"), ("London, Ontario", "ca"), ("Greater Toronto Area", "ca"),
    ("Vancouver, BC", "ca"), ("Cardiff, Wales", "uk"), ("Belfast, Northern Ireland", "uk"), ("Scotland", "uk"),
    ("London Area", "uk"),
    # German states and cities as LinkedIn writes them
    ("Munich, Bavaria, Germany", "eu"), ("Bavaria", "eu"), ("North Rhine-Westphalia", "eu"), ("Nordrhein-Westfalen", "eu"),
    ("Berlin", "eu"), ("München", "eu"), ("Munich", "eu"), ("Greater Munich Metropolitan Area", "eu"),
    ("Frankfurt Rhine-Main Metropolitan Area", "eu"), ("Cologne Bonn Region", "eu"), ("Berlin und Umgebung", "eu"),
    ("Großraum München", "eu"), ("Metropolregion Hamburg", "eu"), ("Greater Hamburg Area", "eu"),
    ("Stuttgart Region", "eu"), ("Düsseldorf", "eu"),
    # world metros without a country
    ("Greater Paris Metropolitan Region", "eu"), ("Greater Sydney Area", "other"), ("Reykjavík", "eea"),
    ("Greater Madrid Metropolitan Area", "eu"), ("Greater Bengaluru Area", "other"), ("Greater Tokyo Area", "other"),
    ("Dubai", "other"), ("Singapore", "other"),
    # nothing known
    ("Remote", None), ("Earth", None), ("", None), (" , ", None),
]  # fmt: skip


def test_the_table_is_big_enough():
    assert len(LOCATIONS) >= 60


@pytest.mark.parametrize("value, region", LOCATIONS, ids=[v for v, _ in LOCATIONS])
def test_region_of_a_location(value, region):
    assert locate(value).region == region


@pytest.mark.parametrize(
    "value, region, assumption",
    [("Atlanta, Georgia", "us", ("Georgia", "us_state", "Atlanta", "country", "other")),
     ("Tbilisi, Georgia", "other", ("Georgia", "country", "Tbilisi", "us_state", "us")),
     ("Georgia", "other", ("Georgia", "country", "", "us_state", "us")),
     ("Atlanta, Georgia, United States", "us", ()),
     ("Wilmington, DE", "us", ("DE", "us_state", "", "country", "eu")),
     ("DE", "eu", ("DE", "country", "", "us_state", "us")),
     ("Berlin, DE", "eu", ("DE", "country", "Berlin", "us_state", "us")),
     ("Ottawa, CA", "ca", ("CA", "country", "Ottawa", "us_state", "us"))],
)  # fmt: skip
def test_an_ambiguous_name_is_decided_by_the_rest_and_told(value, region, assumption):
    place = locate(value)
    assert (place.region, place.assumption) == (region, assumption)


@pytest.mark.parametrize(
    "code, region",
    [("DE", "eu"), ("AX", "eu"), ("RE", "eu"), ("GF", "eu"), ("MF", "eu"), ("GL", "other"), ("FO", "other"),
     ("BL", "other"), ("NC", "other"), ("CW", "other"), ("IS", "eea"), ("SJ", "eea"), ("BV", "other"), ("CH", "ch"),
     ("GB", "uk"), ("JE", "other"), ("IM", "other"), ("GI", "other"), ("CA", "ca"), ("HK", "hk"), ("MO", "other"),
     ("US", "us"), ("PR", "us"), ("GU", "us"), ("XK", "other"), ("IN", "other")],
)  # fmt: skip
def test_each_territory_has_a_deliberate_region(code, region):
    assert region_of(code) == region


def test_every_region_a_country_gets_is_a_policy_region():
    assert {region_of(code) for code in places.COUNTRIES.values()} == set(policy.REGIONS)


@pytest.mark.parametrize("value, region", [("India", "other"), ("Germany", "eu"), ("DE", "eu"), ("de", "eu"),
                                           ("Deutschland", "eu"), ("Georgia", "other"), ("United States", "us")])  # fmt: skip
def test_the_2018_country_column(value, region):
    found = member({"first name": "Ann", "country": value}, None)
    assert (found.region, found.region_how, found.region_issue) == (region, f'Profile.csv "Country": {value}', "")


def test_the_location_columns_in_order_and_the_assumption_kept():
    found = member({"geo location": "Atlanta, Georgia", "country": "Germany"}, None)
    assert (found.region, found.region_how) == ("us", 'Profile.csv "Geo Location": Atlanta, Georgia')
    assert found.region_assumption == ("Georgia", "us_state", "Atlanta", "country", "other")
    later = member({"geo location": "Remote", "address": "Kairo, Ägypten"}, None)
    assert (later.region, later.region_how, later.region_issue) == (
        "other",
        'Profile.csv "Address": Kairo, Ägypten',
        "",
    )


def test_why_a_region_is_unknown():
    assert member({}, None).region_issue == "no_profile"
    assert member({}, None, has_profile=False).region_issue == "no_profile"
    assert member({}, None, has_profile=True).region_issue == "no_location"
    assert member({"first name": "Ann", "geo location": " "}, None).region_issue == "no_location"
    unknown = member({"first name": "Ann", "geo location": "Remote"}, None)
    assert (unknown.region, unknown.region_issue, unknown.region_how) == (
        None,
        "unrecognised",
        'Profile.csv "Geo Location": Remote',
    )
    flagged = member({}, "other")
    assert (flagged.region, flagged.region_how, flagged.region_issue) == ("other", "--region", "")


def test_a_scanned_export_without_a_location(make_export):
    from analyzer.mapping import load_mapping
    from analyzer.pipeline import scan

    path = make_export({"Profile.csv": 'First Name,Last Name,Geo Location\nAnn,Lee,""\n',
                        "Comments.csv": "Date,Link,Message\n2026-01-01 10:00:00,https://x,hallo\n"})  # fmt: skip
    report = scan(path, load_mapping())
    assert (report.member.region, report.member.region_issue) == (None, "no_location")
    india = make_export({"Profile.csv": 'First Name,Last Name,Geo Location\nAnn,Lee,"Pune, Maharashtra, India"\n'})
    assert scan(india, load_mapping()).verdict.region == "other"


@pytest.mark.parametrize(
    "value, region",
    [("eu", "eu"), ("EEA", "eea"), ("ch", "ch"), ("uk", "uk"), ("ca", "ca"), ("hk", "hk"), ("us", "us"),
     ("other", "other"), ("germany", "eu"), ("Deutschland", "eu"), ("IN", "other"), ("United States", "us"),
     ("norway", "eea"), ("GB", "uk"), ("canada", "ca"), ("Hong Kong", "hk"), ("Schweiz", "ch"), ("egypt", "other"),
     ("mars", None), ("", None), ("bavaria", None)],
)  # fmt: skip
def test_what_the_region_flag_accepts(value, region):
    assert policy.region_for_flag(value) == region


def test_old_helpers_still_read_countries():
    assert policy.region_of_country("DE") == "eu" and policy.region_of_country("Atlantis") is None


def test_the_data_is_what_the_generator_makes_of_pycountry():
    pytest.importorskip("pycountry")
    from analyzer.platforms.linkedin import places_gen

    assert places_gen.TARGET.read_text(encoding="utf-8") == places_gen.build(), (
        "run: python -m analyzer.platforms.linkedin.places_gen --write"
    )


def test_reading_places_loads_no_pycountry():
    """The place tables are generated ahead (places_data.py): reading a place never imports pycountry. (How fast
    that is belongs to the benchmarks, not to a unit test on a shared machine.)"""
    code = (
        "import sys; from analyzer.platforms.linkedin.places import locate; "
        "[locate('Columbus, Ohio Metropolitan Area') for _ in range(1000)]; print('pycountry' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
