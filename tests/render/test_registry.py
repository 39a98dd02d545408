"""The renderer registry: every output the CLI can ask for renders a Report by name, in both languages."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date

import pytest
from rich.console import Console

from analyzer.render import OUTPUTS, render


def test_the_registry_names_every_output():
    assert set(OUTPUTS) == {"terminal", "json", "html", "xlsx", "letter"}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_output_renders_a_report(make_report, lang):
    report = make_report()
    buf = io.StringIO()
    Console(file=buf, width=80, no_color=True, color_system=None).print(
        render("terminal", report, lang, details=True, archive_arg="x.zip")
    )
    assert "linkedin-ai-exposure" in buf.getvalue() and "x.zip" in buf.getvalue()
    assert json.loads(render("json", report, lang))["schema_version"] == 2
    xlsx = render("xlsx", report, lang, include_content=True)
    assert xlsx[:2] == b"PK" and "xl/workbook.xml" in zipfile.ZipFile(io.BytesIO(xlsx)).namelist()
    assert render("html", report, lang).startswith(f'<!DOCTYPE html>\n<html lang="{lang}">')
    letter = render("letter", report, lang, today=date(2026, 11, 29), fmt="md")
    assert letter.startswith(("From: Lena Hoffmann", "Von: Lena Hoffmann"))
