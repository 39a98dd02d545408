"""The guide and the objection letter: golden files in both languages, placeholders, no overwriting."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from rich.console import Console
from typer.testing import CliRunner

from analyzer.scan import ScanOptions, scan
from analyzer.cli import app
from analyzer.mapping import load_mapping
from analyzer.model import Member
from analyzer.platforms.linkedin import policy
from analyzer.render.guide import render_guide
from analyzer.render.letter import render as build_letter
from tests.conftest import SAMPLES, SAMPLES_DIR, check_golden

MAPPING = load_mapping()
TODAY = date(2026, 11, 29)
runner = CliRunner()


def named(report, name: str, email: str = ""):
    """The report as if the export had held this name and e-mail address."""
    return replace(report, member=replace(report.member, name=name, email=email))


@pytest.mark.parametrize("lang", ["en", "de"])
def test_guide_golden(lang, update_golden):
    buf = io.StringIO()
    Console(file=buf, width=80, no_color=True, color_system=None).print(render_guide(policy.guide(MAPPING), lang))
    text = buf.getvalue()
    assert "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement" in text
    assert "https://www.linkedin.com/help/linkedin/ask/TS-DPRO" in text
    check_golden(f"guide.{lang}.txt", text, update_golden)


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_letter_golden(sample, lang, update_golden):
    report = scan(sample, MAPPING)
    text = build_letter(report, lang, TODAY)
    assert report.member.name == "Lena Hoffmann"
    check_golden(f"letter.{sample.stem}.{lang}.txt", text, update_golden)


def test_member_facts_from_the_modern_export():
    member = scan(SAMPLES_DIR / "Complete_LinkedInDataExport_11-28-2026.zip", MAPPING).member
    assert (member.name, member.email, member.profile_url) == (
        "Lena Hoffmann", "lena.hoffmann@example.de", "https://www.linkedin.com/in/lena-hoffmann-example")


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
    path = make_export({"Profile.csv": "First Name,Last Name,Geo Location\nAnn,Lee,\"Austin, Texas, United States\"\n"})
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


def test_cli_letter_out_refuses_to_overwrite(tmp_path):
    target = tmp_path / "widerspruch.txt"
    target.write_text("keep me", encoding="utf-8")
    sample = str(SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip")
    refused = runner.invoke(app, ["letter", sample, "--out", str(target), "--lang", "de"])
    assert refused.exit_code == 1 and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "keep me"
    forced = runner.invoke(app, ["letter", sample, "--out", str(target), "--lang", "de", "--force", "--name", "Lena H."])
    assert forced.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("Von: Lena H.") and "Widerspruch gemäß Art. 21 DSGVO" in text
    assert not list(tmp_path.glob(".widerspruch.txt.*"))


def test_cli_guide_and_letter_to_stdout():
    guide = runner.invoke(app, ["guide", "--lang", "de"])
    assert guide.exit_code == 0 and "Daten zur Verbesserung generativer KI" in guide.stdout
    env = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_GB.UTF-8"}
    letter = runner.invoke(app, ["letter", str(SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip"), "--format", "md"], env=env)
    assert letter.exit_code == 0 and letter.stdout.startswith("From: Lena Hoffmann")
