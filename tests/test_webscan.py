"""The browser app's entry point, in this Python (the bundle runs the same code in Pyodide: tests/web/)."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from openpyxl import load_workbook

from analyzer import webscan
from analyzer.mapping import load_mapping
from analyzer.pipeline import scan
from analyzer.render import render
from tests.conftest import SAMPLES_DIR
from tests.helpers import cli, write

SAMPLE = SAMPLES_DIR / "Complete_LinkedInDataExport_11-28-2026.zip"


@pytest.fixture(scope="module")
def scanned() -> webscan.Scanned:
    got = webscan.scan(str(SAMPLE), "de")
    assert isinstance(got, webscan.Scanned)
    return got


def test_the_json_is_the_command_lines(scanned: webscan.Scanned) -> None:
    mine, theirs = json.loads(scanned.json()), json.loads(render("json", scan(SAMPLE, load_mapping()), "en"))
    assert mine | {"generated_at": None} == theirs | {"generated_at": None}
    assert json.loads(scanned.headline()) == theirs["headline"]


def test_every_document_is_made_in_the_language_asked(scanned: webscan.Scanned) -> None:
    workbook = load_workbook(io.BytesIO(scanned.document("xlsx")))
    assert workbook.sheetnames[0] == "Übersicht"
    assert load_workbook(io.BytesIO(scanned.in_lang("en").document("xlsx"))).sheetnames[0] == "Summary"
    assert 'lang="de"' in scanned.document("html").decode("utf-8")
    letter = scanned.document("letter", today=date(2026, 12, 1)).decode("utf-8")
    assert letter == render("letter", scanned.report, "de", today=date(2026, 12, 1))
    names = {kind: scanned.filename(kind) for kind in webscan.DOCUMENTS}
    assert names == {
        "xlsx": "linkedin-ai-exposure-2026-11-28.xlsx",
        "html": "linkedin-ai-exposure-2026-11-28.html",
        "letter": "linkedin-ai-exposure-2026-11-28.txt",
    }


def test_an_error_is_said_as_the_command_line_says_it(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "notes.zip", b"just some text, not a zip\n")
    monkeypatch.chdir(tmp_path)
    failed = webscan.scan("notes.zip", "de")
    assert isinstance(failed, webscan.Failed)
    said = cli("scan", "notes.zip", "--lang", "de")
    assert failed.exit_code == said.exit_code == 1
    assert " ".join("\n".join(failed.lines).split()) == " ".join(said.stderr.split())
    assert "ist keine ZIP-Datei" in failed.lines[0]
