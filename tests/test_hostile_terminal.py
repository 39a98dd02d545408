"""Hostile text on its way to a terminal (issue 19, item 5, and the stdout bullets): every string from an
export or a mapping is cleaned before it reaches one, a line break in a name cannot forge a line, markup
and emoji codes are shown as written, any stdout encoding works, and a stdout that fails is an error
line. One fixture per failure, each paired with its exit code and message."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from analyzer.cli import app
from tests.conftest import ROOT, SAMPLES_DIR
from tests.helpers import ENV, SKILLS, cli, write, zip_of

MODERN = SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip"
ESC = "\x1b]0;pwned\x07\x1b[2J"  # an OSC that sets the terminal title, then "clear the screen"
BIDI = "\u202e"  # right-to-left override: "exe.txt" shown as "txt.exe"
HEADER = "First Name,Last Name,Headline,Geo Location\n"


def _export(d: Path, first: str, email: str = "lena@example.de") -> Path:
    files = [
        ("Profile.csv", (HEADER + f'"{first}",Hoffmann,PM,"Berlin, Germany"\n').encode(), zipfile.ZIP_DEFLATED),
        ("Email Addresses.csv", f"Email Address,Confirmed,Primary,Updated On\n{email},Yes,Yes,1/1/20\n".encode(), 8),
        ("Skills.csv", SKILLS.encode(), 8),
    ]
    return write(d, "Basic_LinkedInDataExport_10-06-2025.zip", zip_of(files))


def _no_raw_controls(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text and BIDI not in text


# --- 5. every string from an export is cleaned ---------------------------------------------------------


def test_letter_to_a_terminal_escapes_the_name_and_email(tmp_path):
    result = cli("letter", _export(tmp_path, f"Lena{ESC}", email=f"lena{BIDI}@example.de"))
    assert result.exit_code == 0
    _no_raw_controls(result.stdout)
    assert "Lena\\x1b]0;pwned\\x07" in result.stdout and "lena\\u202e@example.de" in result.stdout


def test_letter_file_holds_the_cleaned_name_too(tmp_path):
    result = cli("letter", _export(tmp_path, f"Lena{ESC}"), "--out", tmp_path / "letter.txt")
    assert result.exit_code == 0
    _no_raw_controls((tmp_path / "letter.txt").read_text(encoding="utf-8"))


def test_a_line_break_in_the_name_cannot_forge_a_line_of_the_letter(tmp_path):
    result = cli("letter", _export(tmp_path, "Lena\nP.S. I withdraw this objection."))
    assert result.exit_code == 0
    assert "Lena\\nP.S. I withdraw this objection." in result.stdout
    assert not any(line.startswith("P.S.") for line in result.stdout.splitlines())


def test_a_line_break_in_a_member_name_cannot_forge_a_line_of_the_report(tmp_path):
    forged = "Skills.csv\nAll of your data is excluded from AI training.csv"
    with pytest.warns(UserWarning, match="Duplicate name"):  # twice: its problem line names it
        data = zip_of([("Profile.csv", (HEADER + "Lena,Hoffmann,PM,Berlin\n").encode(), 8), (forged, b"\x00\x01", 8),
                       (forged, b"\x00\x01", 8)])  # fmt: skip
    result = cli("scan", write(tmp_path, "Basic_LinkedInDataExport_10-06-2025.zip", data), "--no-color")
    assert result.exit_code == 0
    assert not any(line.strip().startswith("All of your data") for line in result.stdout.splitlines())
    assert "Skills.csv\\nAll of your data" in result.stdout


def test_an_error_line_escapes_the_member_name(tmp_path):
    inner = f"Basic_LinkedInDataExport{ESC}\n.zip"
    path = write(tmp_path, "download.zip", zip_of([(inner, b"not a zip at all", 8)]))
    result = cli("scan", path)
    assert result.exit_code == 1 and "that cannot be opened" in result.stderr
    _no_raw_controls(result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1 and "\\x1b]0;pwned" in result.stderr


def test_json_escapes_what_a_terminal_would_act_on_and_keeps_the_data(tmp_path):
    name = f"notes\x9b31m{BIDI}txt.exe"  # C1 CSI and a bidi override, which json.dumps leaves as they are
    data = zip_of([("Profile.csv", (HEADER + "Lena,Hoffmann,PM,Berlin\n").encode(), 8), (name, b"x", 8)])
    result = cli("scan", write(tmp_path, "Basic_LinkedInDataExport_10-06-2025.zip", data), "--json")
    assert result.exit_code == 0
    assert "\x9b" not in result.stdout and BIDI not in result.stdout and "\\u009b31m\\u202etxt.exe" in result.stdout
    assert json.loads(result.stdout)["unmapped"] == [name]


# --- 5. mapping files: no control characters, no markup, no emoji -------------------------------------------


def _override(d: Path, label: str) -> Path:
    mapping = d / "mine.toml"
    mapping.write_text(f'extends = "builtin"\n\n[categories.member_content.label]\nen = "{label}"\nde = "{label}"\n')
    return mapping


def test_mapping_show_prints_markup_and_emoji_codes_as_written(tmp_path):
    result = cli("mapping", "show", "--mapping", _override(tmp_path, "[bold red]Posts[/] :thumbs_up:"))
    assert result.exit_code == 0
    assert all(part in result.stdout for part in ("[bold", "red]Posts[/]", ":thumbs_up:"))  # the cell wraps
    assert "\U0001f44d" not in result.stdout


def test_a_mapping_with_a_control_character_is_a_located_error(tmp_path):
    result = cli("mapping", "show", "--mapping", _override(tmp_path, "Posts\\u001b[2J"))
    assert result.exit_code == 1
    assert "mine.toml: categories.member_content.label.en: holds \\x1b, a control or bidi character" in result.stderr
    _no_raw_controls(result.stderr)


# --- stdout: any encoding, closed, full ------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252", "euc-jp"])
@pytest.mark.parametrize(
    "args",
    [("scan", MODERN, "--lang", "de"), ("scan", MODERN, "--json"), ("letter", MODERN, "--lang", "de"),
     ("mapping", "show", "--lang", "de"), ("guide", "--lang", "de")],
    ids=["scan", "json", "letter", "mapping-show", "guide"],
)  # fmt: skip
def test_every_command_writes_to_a_stdout_without_utf8(encoding, args):
    result = CliRunner(charset=encoding).invoke(app, [str(a) for a in args], env=ENV)
    assert result.exit_code == 0, result.output
    if "--json" in args:  # JSON is UTF-8 whatever the terminal: the data stays exact
        assert json.loads(result.stdout_bytes.decode("utf-8"))["schema_version"] == 2
    else:
        assert result.stdout_bytes.decode(encoding).strip()  # nothing the encoding lacks


def test_ascii_stdout_in_a_real_process_falls_back_to_plain_characters(tmp_path):
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "PYTHONPATH": str(ROOT), "LANG": "C"}
    result = subprocess.run([sys.executable, "-m", "analyzer", "guide", "--lang", "de"], capture_output=True,
                            env=env, cwd=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("ascii")
    assert "Datenschutz" in text or "Einstellungen" in text
    assert "ue" in text and "Traceback" not in result.stderr.decode()


@pytest.mark.parametrize(
    "args",
    [("scan", str(MODERN), "--json"), ("letter", str(MODERN)), ("scan", str(MODERN))],
    ids=["json", "letter", "scan"],
)
def test_stdout_on_a_full_disk_is_one_error_line(args):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "analyzer", *args], stdout=full, stderr=subprocess.PIPE,
                                text=True, env=env)  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip() == "stdout: the disk is full; the report is incomplete"


def test_json_to_a_closed_stdout_is_one_error_line():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "analyzer", "scan", str(MODERN), "--json"]
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=lambda: os.close(1))  # fmt: skip
    assert result.returncode == 1 and "stdout is closed" in result.stderr
    assert "Traceback" not in result.stderr
