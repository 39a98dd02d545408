"""The terminal report: golden files per sample and language, 80 columns, safe against hostile text, agrees with JSON."""

from __future__ import annotations

import io
import json
import re

import pytest
from rich.console import Console

from analyzer.scan import ScanOptions, scan
from analyzer.render.jsonout import report_to_dict
from analyzer.mapping import load_mapping
from analyzer.render.terminal import render as render_report
from tests.conftest import PROFILE, SAMPLES, check_golden

MAPPING = load_mapping()


def render(report, lang: str, width: int = 80, details: bool = False, archive: str | None = None) -> str:
    buf = io.StringIO()
    console = Console(file=buf, width=width, no_color=True, color_system=None, force_terminal=False, legacy_windows=False)
    console.print(render_report(report, lang, details, archive or report.source.name))
    return buf.getvalue()


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_golden(sample, lang, update_golden):
    text = render(scan(sample, MAPPING), lang)
    check_golden(f"{sample.stem}.{lang}.txt", text, update_golden)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_json_golden(sample, update_golden):
    """The JSON contract, byte for byte (the time of the run and the input's path are the only fields fixed)."""
    data = report_to_dict(scan(sample, MAPPING))
    data["generated_at"] = "2026-11-29T12:00:00+00:00"
    data["source"]["path"] = data["source"]["name"]
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    check_golden(f"{sample.stem}.json", text, update_golden)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_fits_80_columns(sample):
    for details in (False, True):
        text = render(scan(sample, MAPPING), "de", details=details)
        too_wide = [line for line in text.splitlines() if len(line) > 80]
        assert too_wide == []


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_terminal_and_json_agree(sample):
    report = scan(sample, MAPPING)
    data = report_to_dict(report)
    text = render(report, "en", width=200)
    total = data["headline"]["data_points"]
    used = data["totals"]["used"]
    assert f"Of your {total:,} data points, {used['data_points']:,} " in text
    assert f"{used['words']:,} words you wrote yourself" in text
    for d in data["datasets"]:
        pattern = rf"^\s+{re.escape(d['name'])}(?: \(\+\d+\))?\s+\S+\s+([\d,]+)\s+([\d,]+)\s+([\d,]+)"
        match = re.search(pattern, text, re.MULTILINE)
        assert match, d["name"]
        assert [int(g.replace(",", "")) for g in match.groups()] == [d["records"], len(d["columns"]), d["data_points"]]
    for c in data["categories"]:
        label = c["label"]["en"] + (": " + ", ".join(c["datasets"]) if c["overridden"] else "")
        pattern = rf"^\s+{re.escape(label)}\s+\S+\s+([\d,]+)\s+([\d,]+)\s+([\d,]+)"
        match = re.search(pattern, text, re.MULTILINE)
        assert match, c["key"]
        assert [int(g.replace(",", "")) for g in match.groups()] == [c["records"], c["data_points"], c["words"]]


def test_archive_content_cannot_inject_markup_or_escapes(make_export):
    nasty = "[bold red]pwned[/bold red] \x1b[2J\x1b]8;;https://evil.example\x1b\\link \u202egnp.exe"
    comments = f'Date,Link,Message\n2026-01-01 10:00:00,https://x,"{nasty}"\n'
    path = make_export({"Profile.csv": PROFILE, "Comments.csv": comments, "evil\x1b[31m\u202e.csv": "a\n1\n"})
    report = scan(path, MAPPING)
    buf = io.StringIO()
    console = Console(file=buf, width=100, force_terminal=True, color_system="truecolor")
    console.print(render_report(report, "en"))
    out = buf.getvalue()
    assert "\x1b[2J" not in out and "\u202e" not in out and "\x1b]8;;https://evil" not in out
    assert "evil\\x1b[31m\\u202e.csv" in out


def test_opt_out_and_region_lines(make_export):
    from datetime import date

    path = make_export({"Profile.csv": PROFILE, "Comments.csv": "Date,Link,Message\n2025-12-01 10:00:00,https://x,hi\n2024-01-01 10:00:00,https://y,ho\n"})
    text = render(scan(path, MAPPING, ScanOptions(opted_out_on=date(2025, 12, 15))), "en", width=200)
    assert "You switched AI training off on 15 Dec 2025: 0 records created since then are no longer used" in text
    assert "2 created before may already have been used" in text
    assert "Region: European Union" in text
    text = render(scan(path, MAPPING, ScanOptions(opted_out_on=date(2025, 10, 1))), "de", width=200)
    assert "vor dem Start in Ihrer Region (3. Nov. 2025)" in text


@pytest.mark.parametrize("lang", ["en", "de"])
def test_golden_with_every_option(lang, update_golden):
    """--details, --opted-out-on, --show-values and --include-content, on the richest sample."""
    from datetime import date

    sample = next(s for s in SAMPLES if "11-28-2026" in s.name)
    options = ScanOptions(opted_out_on=date(2025, 12, 1), show_values=True, include_content=True)
    report = scan(sample, MAPPING, options)
    check_golden(f"options.{sample.stem}.{lang}.txt", render(report, lang, width=100, details=True), update_golden)
    if lang == "en":
        data = report_to_dict(report)
        data["generated_at"] = "2026-11-29T12:00:00+00:00"
        data["source"]["path"] = data["source"]["name"]
        check_golden(f"options.{sample.stem}.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n", update_golden)
