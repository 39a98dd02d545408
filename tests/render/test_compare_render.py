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
from analyzer.render import compare_html, compare_json, compare_terminal, compare_workbook
from tests.conftest import SAMPLES_DIR, check_golden
from tests.render.test_html import Page, number

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


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_figure_of_seven_digits_is_shown_whole(results, lang):
    """As on the heavy pair: 1,125,000 records in both exports of one category (nine characters)."""
    from dataclasses import replace

    result = results["later"]
    big = replace(result, categories=(replace(result.categories[0], both=1_125_000), *result.categories[1:]))
    text = text_of(big, lang, width=100)
    assert ("1,125,000" if lang == "en" else "1.125.000") in text
    assert max(map(len, text.splitlines())) <= 100


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
    sheet, files = load_workbook(io.BytesIO(compare_workbook.render(result, "en"))).worksheets
    cells = {str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None}
    headline = next(c for c in cells if c.startswith("Since your export of"))
    assert headline in text
    rows = {r[0]: r[2:6] for r in files.iter_rows(min_row=2, values_only=True)}
    assert len(rows) == len(data["datasets"])
    for d in data["datasets"]:
        assert rows[d["name"]] == (d["only_old"], d["only_new"], d["in_both"], d["own_words_only_new"]), d["name"]


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_html_shows_the_figures_of_the_json(results, pair, lang):
    result = results[pair]
    data = json.loads(compare_json.render(result, lang))
    text = compare_html.render(result, lang)
    page = Page(text)
    assert page.tags[0] == ("html", {"lang": lang})
    assert page.headings[0] == 1 and page.headings.count(1) == 1
    for line in compare_terminal_lines(result, lang):
        assert line in text  # the headline's sentences, escaped as the page escapes them
    for c in data["categories"]:
        row = page.rows["data-category", f"{c['key']}:{c['status']}"]
        figures = [c["only_old"], c["only_new"], c["both"], c["words_only_new"]]
        assert [number(v) for v in row[2:]] == figures + ([c["new_after_opt_out"]] if result.opted_out_on else [])
    shown = {name for (attr, name) in page.rows if attr == "data-dataset"}
    for d in data["datasets"]:
        changed = d["only_old"] or d["only_new"] or d["files_added"] or d["files_removed"] or d["columns_added"]
        assert (d["name"] in shown) == bool(changed or d["columns_removed"]), d["name"]
        if d["name"] in shown:
            row = page.rows["data-dataset", d["name"]]
            figures = [d["only_old"], d["only_new"], d["in_both"], d["own_words_only_new"]]
            assert [number(v) for v in row[2:6]] == figures
    assert data["old"]["sha256"] in text and data["new"]["sha256"] in text
    (csp,) = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp.startswith("default-src 'none';")
    assert not [t for t, a in page.tags if "src" in a or t in ("script", "link", "img", "iframe", "object")]


def compare_terminal_lines(result, lang: str) -> list[str]:
    from html import escape

    from analyzer.render.compare_sentences import format_lines, headline

    return [escape(line, quote=False) for line in headline(result, lang) + format_lines(result, lang)]


def test_html_of_the_same_export_is_its_headline_alone():
    sample = PAIRS["later"][0]
    text = compare_html.render(compare(sample, sample, MAPPING), "de")
    assert "Das ist derselbe Export" in text
    assert [t for t, _ in Page(text).tags].count("table") == 0


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


def test_every_key_the_html_template_asks_for_exists():
    from pathlib import Path

    from analyzer.i18n import CATALOGUE

    template = (Path(compare_html.__file__).parent / "templates" / "compare.html.j2").read_text(encoding="utf-8")
    keys = re.findall(r"""\bt\(['"]([a-z_.0-9]+)['"][,)]""", template)
    assert len(keys) > 15
    assert [k for k in keys if k not in CATALOGUE] == []


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_the_workbook_wraps_its_sentences_across_the_tables(results, pair, lang):
    """A sentence in one unwrapped cell ran far past the tables, and printing fits a page to its widest row:
    the whole sheet came out too small to read."""
    sheet = load_workbook(io.BytesIO(compare_workbook.render(results[pair], lang))).active
    span = 7 if results[pair].opted_out_on else 6  # the categories' table: name, status, figures
    width = sum(sheet.column_dimensions[letter].width for letter in "ABCDEFGH"[:span])
    merged = {m.min_row: m for m in sheet.merged_cells.ranges}
    sentences = [
        c for c in sheet["A"] if isinstance(c.value, str) and len(c.value) > sheet.column_dimensions["A"].width
    ]
    assert sentences  # the headline at least
    for cell in sentences:
        assert cell.alignment.wrap_text, cell.value
        assert (merged[cell.row].min_col, merged[cell.row].max_col) == (1, span), cell.value
        lines = -(-len(cell.value) // int(width * 1.1))
        assert sheet.row_dimensions[cell.row].height >= 15 * lines, cell.value


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_the_workbook_has_a_column_for_after_the_opt_out_only_with_its_date(results, pair):
    sheets = load_workbook(io.BytesIO(compare_workbook.render(results[pair], "en"))).worksheets
    headers = [row for sheet in sheets for row in sheet.iter_rows(values_only=True) if row[0] in ("Category", "File")]
    assert len(headers) == 2
    for row in headers:
        assert ("new since switch-off" in row) == (results[pair].opted_out_on is not None), row


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_the_files_sheet_repeats_its_header_on_every_printed_page(results, pair, lang):
    """The files' table ran on past the first printed page under the categories, its figures without a header."""
    sheet, files = load_workbook(io.BytesIO(compare_workbook.render(results[pair], lang))).worksheets
    assert (sheet.title, files.title) == (("Comparison", "Files") if lang == "en" else ("Vergleich", "Dateien"))
    assert files["A1"].value == ("File" if lang == "en" else "Datei")
    assert files.max_row == len(results[pair].datasets) + 1
    assert (files.print_title_rows, files.freeze_panes, files.auto_filter.ref) == ("$1:$1", "A2", files.dimensions)
    assert files.page_setup.orientation == "landscape" and files.oddHeader.left.text == sheet.oddHeader.left.text


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("width", [60, 70, 79])
def test_at_60_to_79_columns_no_word_is_split_and_nothing_sticks_out(results, lang, width):
    """Five figure columns as wide as at 80 left the names five characters a line at 60 ("Kateg/orie",
    "wahrs/chein/lich"): narrow, each figure column is as wide as its longest figure or heading word."""
    from tests.test_german import split_words

    for pair, result in results.items():
        text, wide = text_of(result, lang, width), text_of(result, lang, 1000)
        long = [word for word in wide.split() if len(word) > 20]  # a path longer than any name column is folded
        split = [piece for piece in split_words(text, wide) if not any(piece in word for word in long)]
        assert split == [], (pair, width)
        assert [line for line in text.splitlines() if len(line) > width] == [], (pair, width)
