"""The comparison's documents: terminal goldens (EN/DE, 80 columns), the JSON contract, the workbook sheet;
all three show the same figures."""

from __future__ import annotations

import io
import json
import re
from datetime import date

import pytest
from openpyxl import load_workbook
from rich.console import Console

from analyzer.compare import compare
from analyzer.mapping import load_mapping
from analyzer.pipeline import ScanOptions
from analyzer.render import compare_json, compare_terminal, compare_workbook
from tests.conftest import SAMPLES_DIR, check_golden

MAPPING = load_mapping()
PAIR = SAMPLES_DIR / "compare"
PAIRS = {
    "later": (PAIR / "Complete_LinkedInDataExport_11-28-2025.zip", PAIR / "Complete_LinkedInDataExport_11-28-2026.zip",
              date(2026, 3, 1)),
    "basic": (SAMPLES_DIR / "Complete_LinkedInDataExport_09-12-2022.zip",
              SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip", None),
    "eras": (SAMPLES_DIR / "Complete_LinkedInDataExport_11-04-2018.zip",
             SAMPLES_DIR / "Complete_LinkedInDataExport_11-28-2026.zip", None),
}  # fmt: skip


@pytest.fixture(scope="module")
def results():
    return {
        name: compare(old, new, MAPPING, ScanOptions(opted_out_on=opted)) for name, (old, new, opted) in PAIRS.items()
    }


def text_of(result, lang: str, width: int = 80) -> str:
    buf = io.StringIO()
    console = Console(file=buf, width=width, no_color=True, color_system=None, force_terminal=False)
    console.print(compare_terminal.render(result, lang))
    return buf.getvalue()


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_golden(results, pair, lang, update_golden):
    check_golden(f"compare.{pair}.{lang}.txt", text_of(results[pair], lang), update_golden)


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_fits_80_columns(results, pair, lang):
    assert [line for line in text_of(results[pair], lang).splitlines() if len(line) > 80] == []


def test_json_golden(results, update_golden):
    data = json.loads(compare_json.render(results["later"], "en"))
    assert data["schema_version"] == 1
    data["generated_at"] = data["tool_version"] = "…"  # they change from run to run
    data["old"]["sha256"] = data["new"]["sha256"] = "…"  # another zlib build compresses the samples differently
    check_golden("compare.later.json", json.dumps(data, indent=2, ensure_ascii=False) + "\n", update_golden)


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_terminal_json_and_workbook_agree(results, pair):
    result = results[pair]
    data = json.loads(compare_json.render(result, "en"))
    text = " ".join(text_of(result, "en", width=300).split())
    totals = data["totals"]
    assert f"{totals['no_longer_in_export']:,} records no longer in the export" in text or (
        totals["no_longer_in_export"] == 1 and "1 record no longer" in text
    )
    if totals["used_only_new"]:
        assert f"({totals['used_own_words_only_new']:,} of your own words)" in text
    sheet = load_workbook(io.BytesIO(compare_workbook.render(result, "en"))).active
    cells = {str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None}
    headline = next(c for c in cells if c.startswith("Since your export of"))
    assert headline in text
    rows = {
        r[0]: r[2:6] for r in sheet.iter_rows(values_only=True) if r and r[0] in {d["name"] for d in data["datasets"]}
    }
    for d in data["datasets"]:
        assert rows[d["name"]] == (d["only_old"], d["only_new"], d["in_both"], d["own_words_only_new"]), d["name"]


def test_the_same_export_says_so_in_both_languages():
    sample = PAIRS["later"][0]
    result = compare(sample, sample, MAPPING)
    assert "These are the same export" in text_of(result, "en")
    assert "Das ist derselbe Export" in text_of(result, "de")
    sha = re.search(r"SHA-256 ([0-9a-f]{64})", " ".join(text_of(result, "en", width=200).split()))
    assert sha and sha.group(1) == result.old.source.sha256


def test_a_basic_export_is_said_to_lack_content(results):
    text = " ".join(text_of(results["basic"], "en", width=300).split())
    assert "One of the two is a Basic export, which lacks most content" in text
    assert "Shares.csv (not in the Basic export)" in text
