"""The objection letter: golden files for every law (EU with a German member, UK, Switzerland, Canada, Hong Kong,
the US, an unknown region), with and without grounds and an opt-out date; the legal points each law must carry;
and, on reports made by the factory, the states no sample reaches."""

from __future__ import annotations

import re
import zipfile
from datetime import date

import pytest

from analyzer.mapping import load_mapping
from analyzer.model import Report
from analyzer.pipeline import ScanOptions, scan
from analyzer.render.letter import REASONS, gaps, one_month_after, reasons_help
from analyzer.render.letter import render as build_letter
from tests.conftest import SAMPLES, SAMPLES_DIR, check_golden, sample_scan
from tests.factories import make_dataset

MAPPING = load_mapping()
TODAY = date(2026, 11, 29)
SAMPLE = SAMPLES_DIR / "Complete_LinkedInDataExport_11-28-2026.zip"
SITUATION = {
    "en": "As a product manager I write about products of my employer's clients before they are released.",
    "de": "Als Produktmanagerin schreibe ich über Produkte der Kunden meines Arbeitgebers, bevor sie erscheinen.",
}
#: case → (Geo Location in Profile.csv, --reason keys, --situation given, --opted-out-on)
CASES = {
    "eu-grounds": ("Berlin, Berlin, Germany", ("old_posts", "clients"), True, date(2025, 10, 20)),
    "uk": ("London, England, United Kingdom", ("misattribution",), False, date(2024, 9, 25)),
    "ch": ("Zürich, Zurich, Switzerland", (), True, None),
    "ca": ("Toronto, Ontario, Canada", (), False, date(2025, 1, 15)),
    "hk": ("Hong Kong SAR", ("sensitive",), False, None),
    "us": ("Austin, Texas, United States", ("no_correction",), False, date(2024, 10, 1)),
    "unknown": ("", (), False, None),
}


def relocated(tmp_path, location: str):
    """The 2026 sample as if Profile.csv named ``location`` (empty: no location at all)."""
    target = tmp_path / SAMPLE.name
    with zipfile.ZipFile(SAMPLE) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "Profile.csv":
                data = data.replace(b'"Berlin, Berlin, Germany"', f'"{location}"'.encode()).replace(b",10115,", b",,")
            out.writestr(info, data)
    return target


#: (location, opt-out day) → the relocated sample's report: each case is scanned once, whichever test asks first.
_REPORTS: dict[tuple[str, date | None], Report] = {}


def letter_for(tmp_path, case: str, lang: str, fmt: str = "txt") -> str:
    location, reasons, situation, opted_out_on = CASES[case]
    key = (location, opted_out_on)
    if key not in _REPORTS:
        options = ScanOptions(today=TODAY, opted_out_on=opted_out_on)
        _REPORTS[key] = scan(relocated(tmp_path, location), MAPPING, options)
    report = _REPORTS[key]
    return build_letter(report, lang, TODAY, fmt, reasons=reasons, situation=SITUATION[lang] if situation else None)


def body(letter: str) -> str:
    """The letter without the notes below it."""
    return letter.split("\n" + "-" * 72 + "\n")[0].split("\n---\n")[0]


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_letter_golden(sample, lang, update_golden):
    report = sample_scan(sample, today=TODAY)
    text = build_letter(report, lang, TODAY)
    assert report.member.name == "Lena Hoffmann" and report.member.state == "DE-BE"
    check_golden(f"letter.{sample.stem}.{lang}.txt", text, update_golden)


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("case", CASES)
def test_letter_golden_by_region(tmp_path, case, lang, update_golden):
    check_golden(f"letter.{case}.{lang}.txt", letter_for(tmp_path, case, lang), update_golden)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_markdown_golden_has_headings(tmp_path, lang, update_golden):
    text = letter_for(tmp_path, "eu-grounds", lang, fmt="md")
    check_golden(f"letter.eu-grounds.{lang}.md", text, update_golden)
    headings = re.findall(r"^## (\d)\. ", text, re.MULTILINE)
    assert headings == ["1", "2", "3", "4"] and "**1." not in text


@pytest.mark.parametrize("case", CASES)
def test_the_sections_are_numbered_without_a_gap(tmp_path, case):
    numbers = [int(n) for n in re.findall(r"^(\d)\. [A-Z]", letter_for(tmp_path, case, "en"), re.MULTILINE)]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) == (3 if case in ("ca", "hk", "us") else 4)


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("case", CASES)
def test_the_export_contains_data_of_those_kinds_it_never_shows_use(tmp_path, case, lang):
    letter = letter_for(tmp_path, case, lang)
    assert ("contains data of the kinds" if lang == "en" else "enthält Daten der Arten") in letter
    assert not re.search(r"\bshows\b|\bzeigt\b", body(letter))


# --- the grounds (Art. 21(1)) ----------------------------------------------------------------------------


def test_without_grounds_a_gdpr_letter_has_a_marked_gap(make_report):
    letter = build_letter(make_report(), "en", TODAY)
    gap = next(g for g in gaps(letter) if g.startswith("[GROUNDS MISSING"))
    assert "Art. 21(1) GDPR requires grounds relating to your particular situation" in gap and "--reason" in gap
    assert "My particular situation:" not in letter
    assert gaps(build_letter(make_report(), "de", TODAY))[0].startswith("[BEGRÜNDUNG FEHLT: Art. 21 Abs. 1 DSGVO")


def test_the_grounds_chosen_and_written_are_listed_in_order(make_report):
    letter = build_letter(make_report(), "en", TODAY, reasons=("clients", "old_posts"), situation="  I am a judge. ")
    block = letter[letter.index("My particular situation:") :].split("\n\n")[0].splitlines()
    assert [line[:21] for line in block[1:]] == ["  • My profile and po", "  • Much of what I pu", "  • I am a judge."]
    assert not any(g.startswith("[GROUNDS") for g in gaps(letter))


def test_outside_the_gdpr_grounds_are_optional(make_report):
    us = make_report(member={"region": "us"})
    assert "My reasons:" not in build_letter(us, "en", TODAY) and not any(
        g.startswith("[GROUNDS") for g in gaps(build_letter(us, "en", TODAY))
    )
    assert "My reasons:\n  • Once my data" in build_letter(us, "en", TODAY, reasons=("no_correction",))


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_reason_is_listed_with_its_sentence(lang):
    listed = reasons_help(lang).splitlines()
    assert [line.split()[0] for line in listed[1:]] == list(REASONS) and all(len(line) > 80 for line in listed)


# --- the toggle, the deadline, the complaint --------------------------------------------------------------


def test_the_letter_says_when_the_setting_was_switched_off(make_report):
    off = build_letter(make_report(verdict={"opted_out_on": date(2025, 10, 20)}), "en", TODAY)
    assert "I switched the setting off on 20 October 2025." in off
    assert "Check that the setting “Data for Generative AI Improvement” is still off" in off
    on = build_letter(make_report(), "en", TODAY)
    assert "switched the setting off" not in on and "--opted-out-on DATE" in on
    de = build_letter(make_report(verdict={"opted_out_on": date(2025, 10, 20)}), "de", TODAY)
    assert "Ich habe die Einstellung am 20. Oktober 2025 ausgeschaltet." in de


@pytest.mark.parametrize(
    "day, due",
    [(date(2026, 11, 29), date(2026, 12, 29)), (date(2026, 12, 15), date(2027, 1, 15)),
     (date(2027, 3, 31), date(2027, 4, 30)), (date(2028, 1, 31), date(2028, 2, 29)), (date(2026, 8, 31), date(2026, 9, 30)),
     # a period that would end on a Saturday or Sunday ends on the Monday
     (date(2026, 11, 27), date(2026, 12, 28)), (date(2026, 11, 26), date(2026, 12, 28)), (date(2027, 1, 31), date(2027, 3, 1))],
)  # fmt: skip
def test_the_one_month_deadline(day, due):
    assert one_month_after(day) == due


def test_the_deadline_is_a_concrete_date_with_art_12(make_report):
    en = body(build_letter(make_report(), "en", TODAY))
    assert "within one month of receipt, that is by 29 December 2026" in en and "(Art. 12(4) GDPR)" in en
    assert "Under Art. 12(3) GDPR" in en
    de = body(build_letter(make_report(), "de", TODAY))
    assert "innerhalb eines Monats nach Eingang, also bis zum 29. Dezember 2026" in de and "Art. 12 Abs. 4 DSGVO" in de


def test_a_german_member_may_complain_to_the_dpc_or_their_states_authority(make_report):
    berlin = body(build_letter(make_report(), "en", TODAY))
    assert (
        "the Irish Data Protection Commission, or the authority of my habitual residence (Berliner Beauftragte"
        in berlin
    )
    bremen = build_letter(make_report(controller={"authority": "X", "authority_checked": False}), "de", TODAY)
    assert "(X [PRÜFEN: aktueller Name der Behörde])" in bremen
    vienna = body(build_letter(make_report(controller={"authority": ""}), "en", TODAY))
    assert "the authority of my habitual residence." in vienna


# --- the law of each region -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang, law", [("en", "UK GDPR"), ("de", "UK-DSGVO")])
def test_a_uk_letter_cites_the_uk_gdpr(tmp_path, lang, law):
    letter = body(letter_for(tmp_path, "uk", lang))
    bare = law.removeprefix("UK ").removeprefix("UK-")
    assert letter.count(bare) == letter.count(law) > 5  # every mention is the UK's
    assert ("Art. 12(3) and 12A UK GDPR" if lang == "en" else "Art. 12 Abs. 3 und Art. 12A UK-DSGVO") in letter
    assert "164A" in letter and "Information Commissioner's Office" in letter
    assert "C-154/21" not in letter and "Data Protection Commission" not in letter
    assert "LinkedIn Corporation\n" in letter
    assert (
        "shared with Microsoft for Microsoft's own AI training" if lang == "en" else "an Microsoft für dessen"
    ) in letter


def test_a_swiss_letter_cites_the_fadp_beside_the_gdpr(tmp_path):
    en = body(letter_for(tmp_path, "ch", "en"))
    assert all(a in en for a in ("Art. 21(1) GDPR", "Art. 30(2)(b)", "Art. 32(2)(c) FADP", "Art. 25 FADP"))
    assert "within 30 days, that is by 29 December 2026" in en and "(FDPIC)" in en
    de = body(letter_for(tmp_path, "ch", "de"))
    assert all(a in de for a in ("Art. 30 Abs. 2 Bst. b", "Art. 32 Abs. 2 Bst. c DSG", "Art. 25 DSG", "(EDÖB)"))
    assert "LinkedIn Ireland Unlimited Company" in de


@pytest.mark.parametrize("case, route", [("ca", "principle 4.3.8"), ("hk", "section 18"), ("us", "state of residence")])
def test_outside_the_gdpr_no_gdpr_claim_and_the_local_route_marked_unverified(tmp_path, case, route):
    letter = letter_for(tmp_path, case, "en")
    assert "GDPR" not in letter and "Art. " not in body(letter) and "Ireland" not in letter
    assert route in body(letter) and "[CHECK: legal reference not verified by this tool]" in body(letter)
    assert (
        "LinkedIn Corporation\nAttn: Data Protection Officer\n1000 W Maude Avenue\nSunnyvale, CA 94085\nUSA\n" in letter
    )
    assert "The ZIP code in the address is not in LinkedIn's privacy notice" in letter
    assert "legitimate interest" not in letter


def test_the_unknown_region_is_written_for_the_eu_and_says_what_to_check(tmp_path):
    report = scan(relocated(tmp_path, ""), MAPPING, ScanOptions(today=TODAY))
    assert report.member.region is None and report.member.region_issue == "no_location"
    letter = build_letter(report, "en", TODAY)
    check = "[CHECK: this letter is written for a member in the EU or EEA; in Switzerland, the UK and elsewhere"
    assert "Dublin 2\nIreland\n" + check in letter and check in gaps(letter)[0]
    assert "Art. 21(1) GDPR" in letter


# --- channel, addressee, placeholders ---------------------------------------------------------------------


def test_the_addressee_and_the_channels(make_report):
    letter = build_letter(make_report(), "en", TODAY)
    assert (
        "To:\nLinkedIn Ireland Unlimited Company\nAttn: Data Protection Officer\nWilton Plaza\nWilton Place\n" in letter
    )
    notes = letter.split("-" * 72)[1]
    assert "Data Processing Objection form: https://www.linkedin.com/help/linkedin/ask/TS-DPRO" in notes
    assert "contact form of LinkedIn's Data Protection Officer" in notes and "by post" in notes
    assert "z. Hd. des Datenschutzbeauftragten (Data Protection Officer)" in build_letter(make_report(), "de", TODAY)


def test_gaps_are_found_in_order_each_once():
    text = "a [YOUR NAME – x] b [CHECK: y] c [YOUR NAME – x] marked [CHECK] here [IHRE E-MAIL-ADRESSE – z]"
    assert gaps(text) == ["[YOUR NAME – x]", "[CHECK: y]", "[IHRE E-MAIL-ADRESSE – z]"]


def test_missing_name_and_email_stay_placeholders(make_export):
    path = make_export({"Profile.csv": "First Name,Last Name,Geo Location\n,,\"Berlin, Germany\"\n",
                        "Comments.csv": "Date,Link,Message\n2026-01-01 10:00:00,https://x,hallo\n"})  # fmt: skip
    report = scan(path, MAPPING)
    assert (report.member.name, report.member.email, report.member.profile_url) == ("", "", "")
    text = build_letter(report, "en", TODAY)
    assert gaps(text)[:2] == [
        "[YOUR NAME – not found in the export, please fill in]",
        "[YOUR E-MAIL ADDRESS – not found in the export, please fill in]",
    ]
    assert "1 comment (2026)" in text
    named = build_letter(report, "en", TODAY, name="Ann Lee", email="ann@example.com")
    assert named.startswith("From: Ann Lee\n      ann@example.com\n") and "[YOUR NAME" not in named


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
    assert (
        "My data export of 28 November 2026 contains data of the kinds your privacy notice lists for this purpose, "
        "among them at least:\n  • 4 posts (2024–2026)\n  • 3 comments (2025–2026)\n  • 1 profile\n"
    ) in letter


def test_an_export_without_a_date_in_its_name(make_report):
    letter = build_letter(make_report(source={"name": "export.zip"}), "en", TODAY)
    assert "My data export contains data of the kinds your privacy notice lists" in letter


def test_a_letter_without_name_email_or_profile_url(make_report):
    letter = build_letter(make_report(member={"name": "", "email": "", "profile_url": ""}), "en", TODAY)
    assert letter.startswith("From: [YOUR NAME – not found in the export, please fill in]\n"
                             "      [YOUR E-MAIL ADDRESS – not found in the export, please fill in]\n"
                             "      [YOUR PROFILE URL – optional, not found in the export]\n")  # fmt: skip


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
