"""The guide and the objection letter: golden files in both languages, placeholders, no overwriting."""

from __future__ import annotations

import io
from datetime import date

import pytest
from rich.console import Console
from typer.testing import CliRunner

from analyzer.analysis import ScanOptions, scan
from analyzer.cli import app
from analyzer.guide import render_guide
from analyzer.letter import Identity, build_letter, read_identity
from analyzer.mapping import load_mapping
from tests.conftest import SAMPLES, SAMPLES_DIR, check_golden

MAPPING = load_mapping()
TODAY = date(2026, 11, 29)
runner = CliRunner()


@pytest.mark.parametrize("lang", ["en", "de"])
def test_guide_golden(lang, update_golden):
    buf = io.StringIO()
    Console(file=buf, width=80, no_color=True, color_system=None).print(render_guide(MAPPING, lang))
    text = buf.getvalue()
    assert "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement" in text
    assert "https://www.linkedin.com/help/linkedin/ask/TS-DPRO" in text
    check_golden(f"guide.{lang}.txt", text, update_golden)


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_letter_golden(sample, lang, update_golden):
    report = scan(sample, MAPPING)
    identity = read_identity(sample, MAPPING)
    text = build_letter(report, identity, lang, TODAY)
    assert identity.name == "Lena Hoffmann"
    check_golden(f"letter.{sample.stem}.{lang}.txt", text, update_golden)


def test_identity_from_the_modern_export():
    identity = read_identity(SAMPLES_DIR / "Complete_LinkedInDataExport_11-28-2026.zip", MAPPING)
    assert identity == Identity("Lena Hoffmann", "lena.hoffmann@example.de", "https://www.linkedin.com/in/lena-hoffmann-example")


def test_missing_name_and_email_stay_placeholders(make_export):
    path = make_export({"Profile.csv": "First Name,Last Name,Geo Location\n,,\"Berlin, Germany\"\n",
                        "Comments.csv": "Date,Link,Message\n2026-01-01 10:00:00,https://x,hallo\n"})  # fmt: skip
    report = scan(path, MAPPING)
    identity = read_identity(path, MAPPING)
    assert identity == Identity()
    text = build_letter(report, identity, "en", TODAY)
    assert "[YOUR NAME – not found in the export, please fill in]" in text
    assert "[YOUR E-MAIL ADDRESS – not found in the export, please fill in]" in text
    assert "1 comment (2026)" in text
    de = build_letter(report, identity, "de", TODAY, fmt="md")
    assert "[IHR NAME – nicht im Export gefunden, bitte ergänzen]" in de and "**1. Widerspruch**" in de


def test_region_decides_controller_and_legal_basis(make_export):
    path = make_export({"Profile.csv": "First Name,Last Name,Geo Location\nAnn,Lee,\"Austin, Texas, United States\"\n"})
    us = build_letter(scan(path, MAPPING), Identity("Ann Lee", "ann@example.com"), "en", TODAY)
    assert "LinkedIn Corporation\n1000 W Maude Avenue\nSunnyvale, CA" in us
    assert "GDPR" not in us.split("----")[0]
    unknown = build_letter(scan(path, MAPPING, ScanOptions(region=None)), Identity(), "en", TODAY)
    assert "LinkedIn Corporation" in unknown
    eu = build_letter(scan(SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip", MAPPING), Identity("X"), "en", TODAY)
    assert "LinkedIn Ireland Unlimited Company\nWilton Place\nDublin 2\nIreland" in eu and "Art. 21(1) GDPR" in eu


@pytest.mark.parametrize("lang, law", [("en", "UK GDPR"), ("de", "UK-DSGVO")])
def test_a_uk_letter_cites_the_uk_gdpr(lang, law):
    report = scan(SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip", MAPPING, ScanOptions(region="uk"))
    letter = build_letter(report, Identity("X"), lang, TODAY)
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
