"""The objection letter: golden files in both languages, placeholders for what the export lacks, the
controller and the law by region; and, on reports made by the factory, the states no sample reaches."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from analyzer.mapping import load_mapping
from analyzer.pipeline import ScanOptions, scan
from analyzer.render.letter import render as build_letter
from tests.conftest import SAMPLES, SAMPLES_DIR, check_golden
from tests.factories import make_dataset

MAPPING = load_mapping()
TODAY = date(2026, 11, 29)


def named(report, name: str, email: str = ""):
    """The report as if the export had held this name and e-mail address."""
    return replace(report, member=replace(report.member, name=name, email=email))


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_letter_golden(sample, lang, update_golden):
    report = scan(sample, MAPPING, ScanOptions(today=TODAY))
    text = build_letter(report, lang, TODAY)
    assert report.member.name == "Lena Hoffmann"
    check_golden(f"letter.{sample.stem}.{lang}.txt", text, update_golden)


def test_missing_name_and_email_stay_placeholders(make_export):
    path = make_export({"Profile.csv": "First Name,Last Name,Geo Location\n,,\"Berlin, Germany\"\n",
                        "Comments.csv": "Date,Link,Message\n2026-01-01 10:00:00,https://x,hallo\n"})  # fmt: skip
    report = scan(path, MAPPING)
    assert (report.member.name, report.member.email, report.member.profile_url) == ("", "", "")
    text = build_letter(report, "en", TODAY)
    assert "[YOUR NAME – not found in the export, please fill in]" in text
    assert "[YOUR E-MAIL ADDRESS – not found in the export, please fill in]" in text
    assert "1 comment (2026)" in text
    de = build_letter(report, "de", TODAY, fmt="md")
    assert "[IHR NAME – nicht im Export gefunden, bitte ergänzen]" in de and "**1. Widerspruch**" in de


def test_region_decides_controller_and_legal_basis(make_export):
    path = make_export({"Profile.csv": 'First Name,Last Name,Geo Location\nAnn,Lee,"Austin, Texas, United States"\n'})
    us = build_letter(named(scan(path, MAPPING), "Ann Lee", "ann@example.com"), "en", TODAY)
    assert "LinkedIn Corporation\n1000 W Maude Avenue\nSunnyvale, CA" in us
    assert "GDPR" not in us.split("----")[0]
    unknown = build_letter(scan(path, MAPPING, ScanOptions(region=None)), "en", TODAY)
    assert "LinkedIn Corporation" in unknown
    eu = build_letter(named(scan(SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip", MAPPING), "X"), "en", TODAY)
    assert "LinkedIn Ireland Unlimited Company\nWilton Place\nDublin 2\nIreland" in eu and "Art. 21(1) GDPR" in eu


@pytest.mark.parametrize("lang, law", [("en", "UK GDPR"), ("de", "UK-DSGVO")])
def test_a_uk_letter_cites_the_uk_gdpr(lang, law):
    report = scan(SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip", MAPPING, ScanOptions(region="uk"))
    letter = build_letter(named(report, "X"), lang, TODAY)
    body = letter.split("----")[0]
    assert f"Art. 21 {law}" in body or f"Art. 21(1) {law}" in body or f"Art. 21 Abs. 1 {law}" in body
    bare = law.removeprefix("UK ").removeprefix("UK-")
    assert body.count(bare) == body.count(law) > 0  # every mention is the UK's
    assert "LinkedIn Corporation" in body


# --- states no sample reaches: reports made by the factory ------------------------------------------


@pytest.mark.parametrize(
    "lang, check",
    [("en", "[CHECK: LinkedIn Ireland is the controller for members in the EU, EEA and Switzerland; "
            "for members elsewhere it is LinkedIn Corporation]"),
     ("de", "[PRÜFEN: Für Mitglieder in EU, EWR und Schweiz ist LinkedIn Ireland verantwortlich, "
            "für Mitglieder anderswo die LinkedIn Corporation]")],
)  # fmt: skip
def test_no_region_writes_to_linkedin_ireland_and_asks_to_check(make_report, lang, check):
    letter = build_letter(make_report(member={"region": None, "region_how": ""}), lang, TODAY)
    assert "\nLinkedIn Ireland Unlimited Company\nWilton Place\nDublin 2\nIreland\n" + check + "\n" in letter
    assert ("Art. 21 GDPR" if lang == "en" else "Art. 21 DSGVO") in letter
    assert "[CHECK" not in build_letter(make_report(), "en", TODAY) and "[PRÜFEN" not in build_letter(
        make_report(), "de", TODAY
    )


@pytest.mark.parametrize(
    "lang, none",
    [("en", "(The export contained no records of the kinds LinkedIn names as training data.)"),
     ("de", "(Der Export enthielt keine Einträge der Arten, die LinkedIn als Trainingsdaten nennt.)")],
)  # fmt: skip
@pytest.mark.parametrize("nothing", ["nothing-read", "nothing-used"])
def test_no_used_records_says_so(make_report, lang, none, nothing):
    datasets = () if nothing == "nothing-read" else (make_dataset("Connections.csv", [date(2024, 1, 1)]),)
    letter = build_letter(make_report(datasets=datasets), lang, TODAY)
    assert f"  • {none}\n" in letter
    assert "- " + none in build_letter(make_report(datasets=datasets), lang, TODAY, fmt="md")


def test_the_found_list_names_each_exposed_dataset(make_report):
    letter = build_letter(make_report(), "en", TODAY)
    assert "My data export of 28 November 2026 shows that this concerns at least the following data of mine:" in letter
    assert "  • 4 posts (2024–2026)\n  • 3 comments (2025–2026)\n  • 1 profile\n" in letter
    assert "(The export contained no records" not in letter


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_us_member_gets_no_gdpr_wording(make_report, lang):
    letter = build_letter(make_report(member={"region": "us", "region_how": "--region"}), lang, TODAY)
    assert "LinkedIn Corporation\n1000 W Maude Avenue\nSunnyvale, CA" in letter
    assert "GDPR" not in letter and "DSGVO" not in letter and "Art. " not in letter
    subject = {
        "en": "Objection to the use of my personal data for training generative AI; request for information",
        "de": "Widerspruch gegen die Verwendung meiner personenbezogenen Daten zum Training generativer KI; Bitte um Auskunft",
    }
    assert subject[lang] in letter
    assert (
        "https://www.linkedin.com/legal/privacy-policy" in letter
        and "https://www.linkedin.com/legal/privacy/eu" not in letter
    )
    assert "Ireland" not in letter


def test_an_export_without_a_date_in_its_name(make_report):
    letter = build_letter(make_report(source={"name": "export.zip"}), "en", TODAY)
    assert "My data export shows that this concerns at least the following data of mine:" in letter


def test_a_letter_without_name_email_or_profile_url(make_report):
    letter = build_letter(make_report(member={"name": "", "email": "", "profile_url": ""}), "en", TODAY)
    assert letter.startswith("From: [YOUR NAME – not found in the export, please fill in]\n"
                             "      [YOUR E-MAIL ADDRESS – not found in the export, please fill in]\n"
                             "      [YOUR PROFILE URL – optional, not found in the export]\n")  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_member_elsewhere_writes_to_linkedin_corporation_without_gdpr(make_report, lang):
    member = {"region": "other", "region_how": 'Profile.csv "Geo Location": Cairo, Egypt'}
    letter = build_letter(make_report(member=member), lang, TODAY)
    assert "LinkedIn Corporation\n1000 W Maude Avenue\nSunnyvale, CA" in letter
    assert "GDPR" not in letter and "DSGVO" not in letter and "Ireland" not in letter
    assert "[CHECK" not in letter and "[PRÜFEN" not in letter


def test_a_location_in_india_is_recognised_for_the_letter(make_export):
    path = make_export({"Profile.csv": 'First Name,Last Name,Geo Location\nAnn,Lee,"Bengaluru, Karnataka, India"\n'})
    letter = build_letter(named(scan(path, MAPPING), "Ann Lee", "ann@example.com"), "en", TODAY)
    assert "LinkedIn Corporation" in letter and "[CHECK" not in letter and "GDPR" not in letter


def test_a_letter_from_a_cut_off_download_says_so(make_report):
    report = make_report(source={"cut_off": True})
    assert (
        build_letter(report, "en", TODAY)
        .rstrip()
        .endswith(
            "Filled from an incomplete export (the download broke off): the list above may miss data; download the "
            "export again before sending."
        )
    )
    assert "Aus einem unvollständigen Export erstellt" in build_letter(report, "de", TODAY)
    assert "incomplete export" not in build_letter(make_report(), "en", TODAY)
