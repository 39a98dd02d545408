"""The command line: exit codes first, then stdout and stderr separately; one real subprocess run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from analyzer import __version__
from analyzer.cli import app
from tests.conftest import ROOT, SAMPLES_DIR

runner = CliRunner()
MODERN = SAMPLES_DIR / "Complete_LinkedInDataExport_11-28-2026.zip"
README = ROOT / "README.md"


def locale(lang: str) -> dict[str, str]:
    return {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": lang}


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, [str(a) for a in args], env=env or locale("en_US.UTF-8"))


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"linkedin-ai-exposure {__version__}"


def test_scan_prints_the_report():
    result = run("scan", MODERN, "--no-color")
    assert result.exit_code == 0, result.output
    assert "What of your LinkedIn data may train LinkedIn's AI" in result.stdout
    assert "Traceback" not in result.stderr


def test_scan_language_from_locale_and_flag():
    assert "Welche Ihrer Daten LinkedIn" in run("scan", MODERN, env=locale("de_DE.UTF-8")).stdout
    assert "What of your LinkedIn data" in run("scan", MODERN, "--lang", "en", env=locale("de_DE.UTF-8")).stdout


def test_scan_json_is_clean_and_stable():
    result = run("scan", MODERN, "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["schema_version"] == 2
    assert set(data["source"]) >= {"path", "kind", "export_date"}
    assert data["source"]["kind"] == "complete" and data["source"]["export_date"] == "2026-11-28"
    first = data["datasets"][0]
    assert set(first) >= {"name", "members", "category", "status", "records", "columns", "problems"}
    assert set(first["columns"][0]) >= {"name", "non_empty"}
    assert {d["status"] for d in data["datasets"]} <= {"used", "excluded", "unclear", "unmapped"}
    assert data["unmapped"] == [] and data["problems"] == []
    assert result.stderr == ""


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["scan", "/nonexistent/export.zip"], 1, "no such file or folder"),
        (["scan", "--opted-out-on", "2025-13-01", str(MODERN)], 2, "give the date as YYYY-MM-DD"),
        (["scan", "--region", "mars", str(MODERN)], 2, "Invalid value"),
        (["scan", "--no-such-option", str(MODERN)], 2, "No such option"),
        (["frobnicate"], 2, "No such command"),
    ],
    ids=["missing-file", "bad-date", "bad-region", "bad-option", "bad-command"],
)
def test_errors_have_exit_codes_and_no_traceback(args, code, message):
    result = run(*args)
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_not_an_export(tmp_path):
    bogus = tmp_path / "photos.zip"
    import zipfile

    with zipfile.ZipFile(bogus, "w") as zf:
        zf.writestr("IMG_0001.jpg", b"\xff\xd8\xff")
    result = run("scan", bogus)
    assert result.exit_code == 1
    assert "does not look like a LinkedIn data export" in result.stderr


def test_folder_input(tmp_path):
    import zipfile

    with zipfile.ZipFile(SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip") as zf:
        zf.extractall(tmp_path / "Basic_LinkedInDataExport_10-06-2025")
    result = run("scan", tmp_path / "Basic_LinkedInDataExport_10-06-2025", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["source"]["is_zip"] is False and data["source"]["kind"] == "basic"
    assert {d["name"]: d["records"] for d in data["datasets"]}["Connections.csv"] == 40


def test_mapping_commands(tmp_path):
    ok = run("mapping", "check")
    assert ok.exit_code == 0 and ok.stdout.startswith("OK: built in")
    shown = run("mapping", "show", "--lang", "de")
    assert shown.exit_code == 0 and "Private Nachrichten" in shown.stdout
    path = run("mapping", "path")
    assert path.exit_code == 0 and Path(path.stdout.strip()).is_file()
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'extends = "builtin"\n[categories.profile]\nstatus = "maybe"\nconfidence = "sure"\n', encoding="utf-8"
    )
    broken = run("mapping", "check", bad)
    assert broken.exit_code == 1
    assert "categories.profile: status 'maybe'" in broken.stderr
    assert "categories.profile: confidence 'sure'" in broken.stderr


GUARD = """
import socket, sys
def _refuse(*a, **k):
    sys.stderr.write("NETWORK-ATTEMPT\\n")
    raise OSError("network disabled by test")
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
"""


@pytest.mark.slow
def test_installed_command_in_a_subprocess_with_no_network(tmp_path):
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(guard), "LANG": "en_US.UTF-8"}
    command = Path(sys.executable).parent / "linkedin-ai-exposure"
    argv = [str(command)] if command.exists() else [sys.executable, "-m", "analyzer"]
    out = tmp_path / "out.xlsx"
    result = subprocess.run(
        [*argv, "scan", str(MODERN), "--xlsx", str(out)], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "NETWORK-ATTEMPT" not in result.stderr
    assert "What of your LinkedIn data" in result.stdout
    assert out.is_file()
    module = subprocess.run(
        [sys.executable, "-m", "analyzer", "--version"], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert module.returncode == 0 and module.stdout.startswith("linkedin-ai-exposure ")


@pytest.mark.parametrize("command", ["scan", "letter"])
def test_every_command_that_reads_an_export_takes_the_limits_its_messages_name(command):
    # A limit of 5 files: the error names --max-members, and the command accepts it (raised again, it reads).
    tight = run(command, MODERN, "--max-members", "5")
    assert tight.exit_code == 1, tight.output
    assert "--max-members" in tight.stderr and "Traceback" not in tight.stderr
    roomy = run(
        command,
        MODERN,
        "--max-members",
        "100000",
        "--max-member-size",
        "64",
        "--max-total-size",
        "1024",
        "--max-ratio",
        "2000",
    )
    assert roomy.exit_code == 0, roomy.output


def test_cli_letter_out_refuses_to_overwrite(tmp_path):
    target = tmp_path / "widerspruch.txt"
    target.write_text("keep me", encoding="utf-8")
    sample = str(SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip")
    refused = runner.invoke(app, ["letter", sample, "--out", str(target), "--lang", "de"])
    assert refused.exit_code == 1 and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "keep me"
    forced = runner.invoke(
        app, ["letter", sample, "--out", str(target), "--lang", "de", "--force", "--name", "Lena H."]
    )
    assert forced.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("Von: Lena H.") and "Widerspruch gemäß Art. 21 Abs. 1 DSGVO" in text
    assert not list(tmp_path.glob(".widerspruch.txt.*"))


def test_cli_guide_and_letter_to_stdout():
    guide = runner.invoke(app, ["guide", "--lang", "de"])
    assert guide.exit_code == 0 and "Daten zur Verbesserung generativer KI" in guide.stdout
    env = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_GB.UTF-8"}
    letter = runner.invoke(
        app, ["letter", str(SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip"), "--format", "md"], env=env
    )
    assert letter.exit_code == 0 and letter.stdout.startswith("From: Lena Hoffmann")


@pytest.mark.parametrize(
    "value, line",
    [("germany", "Region: European Union (set with --region)."), ("IN", "Region: another region (set with --region)."),
     ("United States", "Region: United States (set with --region)."), ("eu", "Region: European Union (set with --region)."),
     ("UK", "Region: United Kingdom (set with --region)."), ("Schweiz", "Region: Switzerland (set with --region).")],
)  # fmt: skip
def test_region_takes_region_keys_and_countries(value, line):
    result = run("scan", "--region", value, MODERN, "--no-color")
    assert result.exit_code == 0, result.output
    assert line in result.stdout


def test_an_unknown_region_names_what_is_accepted():
    result = run("scan", "--region", "Atlantis", MODERN)
    assert result.exit_code == 2 and result.stdout == ""
    message = " ".join(result.stderr.replace("│", " ").split())
    assert (
        "'Atlantis' is neither a region (eu, eea, ch, uk, ca, hk, us, other) nor a country's name or ISO code"
        in message
    )


def test_the_letter_takes_a_country_for_its_region():
    result = run("letter", MODERN, "--region", "egypt")
    assert result.exit_code == 0, result.output
    assert "LinkedIn Corporation" in result.stdout and "GDPR" not in result.stdout


@pytest.mark.parametrize("value", ["2025-11-03", "3.11.2025", "03.11.2025", " 2025-11-03 "])
def test_the_opt_out_day_in_iso_or_german_form(value):
    result = run("scan", MODERN, "--json", "--opted-out-on", value)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["verdict"]["opted_out_on"] == "2025-11-03"


@pytest.mark.parametrize("value", ["31.2.2025", "3/11/2025", "2025-11", "tomorrow"])
def test_a_day_that_is_neither_form_names_both(value):
    result = run("scan", MODERN, "--opted-out-on", value)
    assert result.exit_code == 2 and "give the date as YYYY-MM-DD or D.M.YYYY" in result.stderr


def test_the_language_is_case_insensitive():
    assert "So verhindern Sie" in run("guide", "--lang", "DE").stdout
    assert "Einträge" in run("scan", MODERN, "--lang", "De").stdout


def test_short_help_and_version_and_plain_option_names():
    assert run("-V").stdout.strip().startswith("linkedin-ai-exposure ")
    helped = run("scan", "-h").stdout
    assert "ARCHIVE" in helped and "{archive}" not in helped
    lines = [line for line in helped.splitlines() if "--json" in line or "--force" in line or "--details" in line]
    assert lines and not any("<bool>" in line for line in lines)  # typer's own --help keeps its marker


def test_an_unknown_language_names_the_choices():
    result = run("scan", MODERN, "--lang", "fr")
    assert result.exit_code == 2 and "choose en (English) or de (Deutsch)" in result.stderr


def test_output_to_a_pipe_has_no_padding_and_summary_is_short():
    full = run("scan", MODERN).stdout
    assert full and not [line for line in full.splitlines() if line.endswith(" ")]
    summary = run("scan", MODERN, "--summary").stdout
    assert "What you can do" in summary and len(summary.splitlines()) < len(full.splitlines()) / 2


@pytest.mark.parametrize(
    "args, code, german",
    [(["scan", "/nonexistent/export.zip"], 1, "Datei oder Ordner nicht gefunden"),
     (["scan", README], 1, "ist keine ZIP-Datei"),
     (["scan", MODERN, "--xlsx", README], 2, "Der Name muss auf .xlsx enden"),
     (["scan", MODERN, "--xlsx", MODERN], 1, "ist der Export, der gelesen wird"),
     (["scan", MODERN, "--opted-out-on", "1/2/2025"], 2, "Geben Sie das Datum als JJJJ-MM-TT oder T.M.JJJJ an"),
     (["scan", MODERN, "--max-members", "0"], 2, "Eine Grenze muss mindestens 1 sein"),
     (["letter", MODERN, "--out", MODERN], 1, "der Export wird nie überschrieben"),
     (["scan", MODERN, "--mapping", "/nonexistent/mine.toml"], 1, "Zuordnungsdatei nicht gefunden"),
     (["mapping", "check", "/nonexistent/mine.toml"], 1, "Zuordnungsdatei nicht gefunden"),
     (["letter"], 2, "Geben Sie den Export an")],
    ids=["missing", "not-zip", "suffix", "is-input", "day", "limit", "letter-is-input", "mapping", "check", "letter"],
)  # fmt: skip
def test_the_common_errors_are_said_in_german(args, code, german):
    result = run(*args, "--lang", "de")
    assert result.exit_code == code and german in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_region_in_a_german_locale():
    """The region is checked before --lang is read, so the locale's language says it."""
    result = run("scan", MODERN, "--region", "atlantis", env=locale("de_DE.UTF-8"))
    assert result.exit_code == 2 and "ist weder eine Region" in result.stderr


def test_an_existing_target_and_a_german_locale(tmp_path):
    target = tmp_path / "bericht.xlsx"
    target.write_bytes(b"old")
    result = run("scan", MODERN, "--xlsx", target, env=locale("de_DE.UTF-8"))
    assert result.exit_code == 1 and "existiert bereits; mit --force wird sie überschrieben" in result.stderr
    assert target.read_bytes() == b"old"
