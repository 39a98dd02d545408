"""The Excel summary: read back with openpyxl and compared, figure by figure, with the JSON output."""

from __future__ import annotations

import functools
import io
import re
import shutil
import subprocess
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from analyzer.i18n import CATALOGUE, t
from analyzer.mapping import load_mapping
from analyzer.pipeline import ScanOptions, scan
from analyzer.render.jsonout import report_to_dict
from analyzer.render.workbook import build_workbook, safe_sheet_name, safe_text, sheet_title, status_label
from tests.conftest import PROFILE, SAMPLES, TODAY, check_golden, sample_scan
from tests.factories import content_rows, make_dataset
from tests.helpers import cli

MAPPING = load_mapping()


@functools.cache
def roundtrip(report, lang: str, include_content: bool = False):
    """The workbook written and read back (once per report, language and option: the tests only read it)."""
    buf = io.BytesIO()
    build_workbook(report, lang, include_content).save(buf)
    buf.seek(0)
    return load_workbook(buf)


def sample_report(sample=None, include_content: bool = False):
    """A sample's report (the richest by default), scanned once for all the tests that read it."""
    return sample_scan(sample or SAMPLES[-1], include_content=include_content)


def shown_name(dataset: dict, lang: str) -> str:
    """The name the workbook shows for a dataset of the JSON: a split's own German name in German."""
    return dataset["name_de"] or dataset["name"] if lang == "de" else dataset["name"]


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_workbook_matches_json(sample, lang):
    report = sample_report(sample)
    data = report_to_dict(report)
    wb = roundtrip(report, lang)
    assert wb.sheetnames == [
        sheet_title(k, lang) for k in ("summary", "datasets", "columns", "timeline", "issues", "sources", "about")
    ]

    datasets = wb[sheet_title("datasets", lang)]
    header = [c.value for c in datasets[1]]
    most = max(len(d["sources"]) for d in data["datasets"])
    assert header[0] in ("Dataset", "Datei") and len(header) == 12 + most
    assert datasets.freeze_panes == "A2" and datasets.auto_filter.ref
    rows = {r[0]: r for r in datasets.iter_rows(min_row=2, values_only=True)}
    for d in data["datasets"]:
        row = rows[shown_name(d, lang)]
        assert row[3] == status_label(d["status"], lang)
        assert (row[5], row[6], row[7], row[8]) == (d["records"], len(d["columns"]), d["data_points"], d["words"])
    assert len(rows) == len(data["datasets"]) + len(data["unmapped"])

    summary = wb[sheet_title("summary", lang)]
    totals = {}
    for r in summary.iter_rows(values_only=True):
        for status in ("used", "excluded", "unclear", "unmapped"):
            if r[0] == status_label(status, lang) and isinstance(r[2], int):
                totals[status] = {"datasets": r[1], "records": r[2], "data_points": r[3], "words": r[5]}
    assert totals == data["totals"]
    assert len(summary._charts) == 2
    links = [c.hyperlink.target for row in summary.iter_rows() for c in row if c.hyperlink]
    assert "https://www.linkedin.com/help/linkedin/ask/TS-DPRO" in links
    assert "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement" in links

    columns = wb[sheet_title("columns", lang)]
    col_rows = list(columns.iter_rows(min_row=2))
    groups = [r for r in col_rows if r[0].font.b]  # a bold row per dataset, its columns below
    assert [r[0].value for r in groups] == [shown_name(d, lang) for d in data["datasets"]]
    assert len(col_rows) - len(groups) == sum(len(d["columns"]) for d in data["datasets"])
    first = data["datasets"][0]["columns"][0]
    role = CATALOGUE[f"wb.role.{first['role']}"][lang == "de"]
    assert [c.value for c in col_rows[1][:4]] == [data["datasets"][0]["name"], first["name"], role, first["non_empty"]]

    timeline = wb[sheet_title("timeline", lang)]
    used = {y.year: y.records for y in report.used_per_year}
    sheet_used = {}
    for r in timeline.iter_rows(min_row=2, values_only=True):
        if not isinstance(r[0], int):
            break
        sheet_used[r[0]] = r[1]
    assert sheet_used == used
    per_year = {}
    for c in data["categories"]:
        for y in c["per_year"]:
            per_year[y["year"]] = per_year.get(y["year"], 0) + y["records"]
    rows = list(timeline.iter_rows(min_row=len(used) + 2, values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] in ("Year", "Jahr"))
    sheet_years = {r[0]: sum(v for v in r[1:] if isinstance(v, int)) for r in rows[start + 1 :] if r[0]}
    assert sheet_years == per_year
    assert len(timeline._charts) == (1 if used else 0)

    sources = wb[sheet_title("sources", lang)]
    urls = [r[2] for r in sources.iter_rows(min_row=2, max_row=1 + len(data["sources"]), values_only=True)]
    assert urls == [s["url"] for s in data["sources"]]
    shown = {s["key"]: (s["title_de"] or s["title"]) if lang == "de" else s["title"] for s in data["sources"]}
    for i, s in enumerate(data["sources"], start=2):
        assert sources.cell(row=i, column=1).value == shown[s["key"]]
        assert (
            sources.cell(row=i, column=1).hyperlink.target == sources.cell(row=i, column=3).hyperlink.target == s["url"]
        )
    titles = {s["key"]: (shown[s["key"]], s["url"]) for s in data["sources"]}
    for r, d in zip(datasets.iter_rows(min_row=2), data["datasets"], strict=False):  # sources by title, each linked
        cells = r[12 : 12 + len(d["sources"])]
        assert [(c.value, c.hyperlink.target) for c in cells] == [titles[k] for k in d["sources"]]

    about = {r[0]: r[1] for r in wb[sheet_title("about", lang)].iter_rows(min_row=2, values_only=True) if r[0]}
    assert data["source"]["sha256"] in about.values()
    assert data["mapping"]["version"] in about.values()
    assert wb.properties.title and wb.properties.creator == "linkedin-ai-exposure"


def test_hostile_content_is_neutralised(make_export):
    long_text = "x" * 100_000
    comments = (
        "Date,Link,Message\n"
        '2026-01-01 10:00:00,https://x/1,"=HYPERLINK(""https://evil.example"",""click"")"\n'
        "2026-01-02 10:00:00,https://x/2,+SUM(A1:A9)\n"
        "2026-01-03 10:00:00,https://x/3,@cmd\n"
        '2026-01-04 10:00:00,https://x/4,"bell\x07 and vertical tab\x0b inside"\n'
        f"2026-01-05 10:00:00,https://x/5,{long_text}\n"
    )
    path = make_export({"Profile.csv": PROFILE, "Comments.csv": comments, "=cmd|' /C calc'!A0.csv": "a\n1\n",
                        "Sheet[Name]:*?/\\ that is far too long for excel.csv": "a\n1\n"})  # fmt: skip
    report = scan(path, MAPPING, ScanOptions(include_content=True))
    wb = roundtrip(report, "en", include_content=True)
    content = [ws for ws in wb.worksheets if ws.title.startswith("Content")]
    assert content, wb.sheetnames
    texts = [r[2] for ws in content for r in ws.iter_rows(min_row=2, values_only=True)]
    assert '\'=HYPERLINK("https://evil.example","click")' in texts
    assert "'+SUM(A1:A9)" in texts and "'@cmd" in texts
    assert "bell\ufffd and vertical tab\ufffd inside" in texts
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    unmapped = [r[1] for r in wb["Unmapped & problems"].iter_rows(min_row=2, values_only=True)]
    assert "'=cmd|' /C calc'!A0.csv" in unmapped
    for ws in wb.worksheets:
        assert len(ws.title) <= 31 and not set(ws.title) & set("[]:*?/\\")


def test_cell_limit_marker():
    text = safe_text("y" * 100_000)
    assert len(text) <= 32_767 and text.endswith("more characters]")
    assert safe_text("\tlead") == "'\tlead" and safe_text("-1") == "'-1" and safe_text("fine") == "fine"


def test_sheet_names():
    assert safe_sheet_name("Content – Posts, comments and articles: a/b") == "Content – Posts, comments and…"
    assert safe_sheet_name("Inhalte – Beiträge, Kommentare und Artikel") == "Inhalte – Beiträge, Kommentare…"
    assert safe_sheet_name("x" * 40) == "x" * 30 + "…"
    assert safe_sheet_name("Summary", ["summary"]) == "Summary (2)"
    assert safe_sheet_name("[]") == "__"
    assert {k.removeprefix("sheet.") for k in CATALOGUE if k.startswith("sheet.")} >= {
        "summary",
        "datasets",
        "columns",
        "timeline",
        "issues",
        "sources",
        "about",
    }


def test_content_is_off_by_default():
    report = sample_report()
    assert report.content == ()
    assert not [n for n in roundtrip(report, "en").sheetnames if n.startswith("Content")]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_prints_the_workbook_on_a4(tmp_path):
    report = sample_report(include_content=True)
    target = tmp_path / "exposure.xlsx"
    with open(target, "wb") as handle:
        build_workbook(report, "de", include_content=True).save(handle)
    result = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(target)],
                            capture_output=True, text=True, timeout=180)  # fmt: skip
    assert result.returncode == 0, result.stderr
    pdf = (tmp_path / "exposure.pdf").read_bytes()
    boxes = [
        tuple(round(float(v) * 25.4 / 72) for v in box)
        for box in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf)
    ]
    assert boxes.count((210, 297)) >= 3 and boxes.count((297, 210)) >= 10  # the sheets in their orientations
    assert set(boxes) <= {(210, 297), (297, 210), (297, 297)}  # (the page tree's own box is square)


def workbook_text(wb) -> str:
    """Every sheet's cells, merged ranges, links, number formats and charts, as text a reviewer can read."""
    lines = []
    for ws in wb.worksheets:
        lines.append(
            f"## {ws.title} · merged {sorted(str(r) for r in ws.merged_cells.ranges)} · charts {len(ws._charts)}"
        )
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                extra = f" [{cell.number_format}]" if cell.number_format != "General" else ""
                extra += f" <{cell.hyperlink.target}>" if cell.hyperlink else ""
                lines.append(f"{cell.coordinate}\t{cell.value!r}{extra}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_workbook_golden(sample, lang, update_golden):
    report = sample_scan(sample, today=TODAY)
    text = workbook_text(roundtrip(report, lang))
    made = datetime.fromisoformat(report.generated_at).replace(tzinfo=None)
    text = text.replace(report.generated_at, "GENERATED_AT").replace(repr(made), "GENERATED_AT")
    check_golden(f"workbook.{sample.stem}.{lang}.txt", text, update_golden)


# --- states no sample reaches: reports made by the factory ------------------------------------------


def summary_text(wb) -> str:
    summary = wb.worksheets[0]
    return "\n".join(str(summary.cell(row=r, column=1).value) for r in (3, 4))


def test_a_minor_is_told_on_the_summary_sheet(make_report):
    minor = make_report(member={"birth_date": date(2010, 2, 17)})
    sentence = (
        "Your birth date in Profile.csv makes you under 18: LinkedIn states it does not use data of members under 18."
    )
    assert sentence in summary_text(roundtrip(minor, "en"))
    assert "Laut Geburtsdatum in Profile.csv sind Sie unter 18" in summary_text(roundtrip(minor, "de"))
    assert "under 18" not in summary_text(roundtrip(make_report(), "en"))


def test_no_region_and_no_used_records_on_the_summary_sheet(make_report):
    text = summary_text(roundtrip(make_report(datasets=(), member={"region": None, "region_how": ""}), "en"))
    assert "No records in data LinkedIn says it uses were found." in text
    assert "Region: unknown (Profile.csv names no country)." in text


def test_opted_out_before_the_start_on_the_summary_sheet(make_report):
    text = summary_text(roundtrip(make_report(verdict={"opted_out_on": date(2025, 10, 1)}), "en"))
    assert "You switched AI training off on 1 Oct 2025, before it started for your region (3 Nov 2025)" in text


def content_sheets(wb) -> list:
    return [ws for ws in wb.worksheets if ws.title.startswith(("Content", "Inhalt"))]


def test_content_cut_names_the_records_left_out(make_report):
    report = make_report(content=content_rows(3), content_cut=12_345)
    (sheet,) = content_sheets(roundtrip(report, "en", include_content=True))
    cells = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "12,345 more records were left out (limit 50,000)." in cells
    assert [r[2] for r in sheet.iter_rows(min_row=2, max_row=4, values_only=True)] == [
        "Kommentar Nummer 1", "Kommentar Nummer 2", "Kommentar Nummer 3"]  # fmt: skip
    (de,) = content_sheets(roundtrip(report, "de", include_content=True))
    assert any("weitere Einträge wurden weggelassen" in str(c.value) for row in de.iter_rows() for c in row)


def test_content_not_cut_has_no_such_line(make_report):
    (sheet,) = content_sheets(roundtrip(make_report(content=content_rows(3)), "en", include_content=True))
    assert not [c.value for row in sheet.iter_rows() for c in row if "left out" in str(c.value)]


# --- layout: what a reader sees, read back ----------------------------------------------------------

ORIENTATION = {"summary": "portrait", "datasets": "landscape", "columns": "portrait", "timeline": "landscape",
               "issues": "landscape", "sources": "landscape", "about": "portrait"}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_sheet_prints_on_a4_with_header_footer_and_titles(lang):
    report = sample_report()
    wb = roundtrip(report, lang, include_content=True)
    heading = CATALOGUE["wb.heading"][lang == "de"].format(platform="LinkedIn")
    exported = "Export of 28 Nov 2026" if lang == "en" else "Export vom 28. Nov. 2026"
    for ws in wb.worksheets:
        assert int(ws.page_setup.paperSize) == 9, ws.title  # A4
        assert ws.oddHeader.left.text == heading and ws.oddHeader.right.text == exported
        assert ws.oddFooter.right.text == ("Page &P of &N" if lang == "en" else "Seite &P von &N")
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0
        if ws.print_title_rows:  # a table: each header word on one line ("Verlässlichkeit", not "Verlässlich-keit")
            for cell in ws[1]:
                if cell.value:
                    longest = max(len(word) for word in str(cell.value).split())
                    assert ws.column_dimensions[cell.column_letter].width >= longest * 1.1 + 2, (ws.title, cell.value)
    for key, orientation in ORIENTATION.items():
        ws = wb[sheet_title(key, lang)]
        assert ws.page_setup.orientation == orientation, key
        if key != "summary":
            assert ws.print_title_rows == "$1:$1", key
    datasets = wb[sheet_title("datasets", lang)]
    assert datasets.page_setup.fitToWidth == 2 and datasets.print_title_cols == "$A:$A"  # 14 columns: two pages wide
    assert [b.id for b in datasets.col_breaks.brk] == [11]  # the figures and dates, then the reasons and sources


@pytest.mark.parametrize("lang", ["en", "de"])
def test_dates_are_dates_and_numbers_numbers(lang):
    report = sample_report()
    wb = roundtrip(report, lang)
    fmt = {"en": "d mmm yyyy", "de": "dd.mm.yyyy"}[lang]
    datasets = wb[sheet_title("datasets", lang)]
    for r, d in zip(datasets.iter_rows(min_row=2), report.datasets, strict=False):
        for cell, expected in ((r[9], d.first_date), (r[10], d.last_date)):
            if expected is None:
                assert cell.value is None
            else:
                assert cell.is_date and cell.value.date() == expected and cell.number_format == fmt
        assert [c.data_type for c in r[5:9]] == ["n"] * 4
    sources = wb[sheet_title("sources", lang)]
    seen = list(next(sources.iter_cols(min_col=4, max_col=4, min_row=2, max_row=1 + len(report.sources))))
    for cell, source in zip(seen, report.sources, strict=True):  # a page nobody could open says so instead
        assert cell.is_date if source.seen else cell.value == t(lang, f"source.known.{source.known}")
    about = wb[sheet_title("about", lang)]
    assert about["B4"].is_date and about["B9"].is_date


@pytest.mark.parametrize("lang", ["en", "de"])
def test_summary_actions_share_a_row_and_nothing_is_cut(lang):
    report = sample_report()
    summary = roundtrip(report, lang).worksheets[0]
    titles = {c.value: c for c in summary["A"] if c.font.b}
    for action in report.actions:
        title = titles[action.title.get(lang)]
        steps = summary.cell(row=title.row, column=2)
        link = summary.cell(row=title.row + 1, column=2)
        assert steps.value == action.steps.get(lang) and link.hyperlink.target == action.url
        assert title.alignment.vertical == steps.alignment.vertical == "top"
        assert title.alignment.wrap_text and steps.alignment.wrap_text
        assert f"B{title.row}:F{title.row}" in {str(m) for m in summary.merged_cells.ranges}
    widths = {k: summary.column_dimensions[k].width for k in "ABCDEF"}
    for merged in summary.merged_cells.ranges:  # a merged text cell is tall enough for its lines at its width
        cell = summary.cell(row=merged.min_row, column=merged.min_col)
        width = sum(widths[chr(64 + c)] for c in range(merged.min_col, merged.max_col + 1))
        lines = sum(-(-len(part) // int(width * 1.2)) or 1 for part in str(cell.value).split("\n"))
        assert cell.alignment.wrap_text and summary.row_dimensions[merged.min_row].height >= 15 * lines
    status_width = max(len(status_label(s, lang)) for s in ("used", "excluded", "unclear", "unmapped"))
    assert widths["B"] >= status_width  # "wahrscheinlich ausgeschlossen" whole
    anchors = [chart.anchor._from.row for chart in summary._charts]
    last_text = max(c.row for row in summary.iter_rows() for c in row if c.value is not None)
    assert min(anchors) >= last_text  # the charts cover no cell
    texts = " ".join(str(c.value) for row in summary.iter_rows() for c in row if c.value)
    assert "--opted-out-on" not in texts and "linkedin-ai-exposure guide" not in texts


def test_content_sheets_sorted_wrapped_and_the_summary_warns(make_report):
    rows = content_rows(3)
    report = make_report(content=(rows[2], rows[0], rows[1]))
    wb = roundtrip(report, "en", include_content=True)
    (sheet,) = content_sheets(wb)
    dates = [r[1].value for r in sheet.iter_rows(min_row=2, max_row=4)]
    assert dates == sorted(dates) and all(isinstance(d, datetime) for d in dates)
    assert all(r[2].alignment.wrap_text for r in sheet.iter_rows(min_row=2, max_row=4))
    summary = [str(c.value) for row in wb.worksheets[0].iter_rows() for c in row if c.value]
    assert any("contains your own posts" in v and "not for sharing" in v for v in summary)
    assert not any("not for sharing" in str(c.value) for row in roundtrip(report, "en").worksheets[0].iter_rows()
                   for c in row)  # fmt: skip


def test_a_workbook_target_must_end_in_xlsx(tmp_path):
    result = cli("scan", SAMPLES[0], "--xlsx", tmp_path / "report.pdf")
    assert (
        result.exit_code == 2 and "--xlsx" in result.stderr and "must end in .xlsx, e.g. report.xlsx" in result.stderr
    )
    assert result.stdout == "" and not (tmp_path / "report.pdf").exists()


def test_a_record_counted_once_is_told_with_the_languages_digits(make_report):
    """The Issues sheet's counted-once note writes its figures as every German text does (1.234, not 1,234)."""
    legacy = make_dataset("Endorsement_Received_Info.csv", records=5, counted_once=1234,
                          same_records_as="Endorsement Received Info.csv")  # fmt: skip
    report = make_report(datasets=(legacy,))
    issues = build_workbook(report, "de")[sheet_title("issues", "de")]
    notes = [row[2] for row in issues.iter_rows(min_row=2, values_only=True) if "1.234" in str(row[2])]
    assert len(notes) == 1 and "1.239" in notes[0] and "1,234" not in notes[0]
