"""Report → .xlsx (openpyxl). Nothing is computed here; every value archive-derived is written as safe text."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.chart import BarChart, DoughnutChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.marker import DataPoint
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from analyzer.i18n import day, t
from analyzer.model import ContentRow, Report
from analyzer.render.sentences import headline, say, source_line, verdict_lines

EXCEL_CELL_LIMIT = 32_767
SHEET_NAME_LIMIT = 31
MAX_WIDTH = 60
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
AnyCell = Cell | MergedCell

CHART_COLOUR = {"used": "C00000", "unclear": "BF8F00", "excluded": "548235", "unmapped": "A6A6A6"}
STATUS_FILL = {"used": "FFC7CE", "unclear": "FFEB9C", "excluded": "C6EFCE", "unmapped": "EDEDED"}
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
BOLD = Font(bold=True)
LINK = Font(color="0563C1", underline="single")


def _l(key: str, lang: str) -> str:
    return t(lang, f"wb.{key}")


def sheet_title(key: str, lang: str) -> str:
    return t(lang, f"sheet.{key}")


def status_label(status: str, lang: str) -> str:
    return t(lang, f"status.{status}")


def safe_text(value: str) -> str:
    """Archive text as a harmless cell: no XML-illegal characters, no formula, within Excel's limit."""
    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    if text.startswith(_FORMULA_START):
        text = "'" + text
    if len(text) > EXCEL_CELL_LIMIT:
        marker = f" … [cut: {len(text) - EXCEL_CELL_LIMIT + 40:,} more characters]"
        text = text[: EXCEL_CELL_LIMIT - len(marker)] + marker
    return text


def safe_sheet_name(name: str, taken: Iterable[str] = ()) -> str:
    """Within Excel's 31 characters, without []:*?/\\, not blank, unique (case-insensitively)."""
    base = _SHEET_FORBIDDEN.sub("_", ILLEGAL_CHARACTERS_RE.sub("", name)).strip().strip("'") or "Sheet"
    base = base[:SHEET_NAME_LIMIT]
    existing = {t.lower() for t in taken}
    candidate, n = base, 2
    while candidate.lower() in existing:
        suffix = f" ({n})"
        candidate = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix
        n += 1
    return candidate


def _put(ws: Worksheet, row: int, col: int, value: Any) -> AnyCell:
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        cell.value = safe_text(value)
        cell.data_type = "s"
    else:
        cell.value = value
        if isinstance(value, int) and not isinstance(value, bool):
            cell.number_format = "#,##0"
    return cell


def _table(ws: Worksheet, headers: list[str], rows: Iterable[list[Any]], start: int = 1) -> int:
    """Header row plus rows; returns the last row written."""
    for j, header in enumerate(headers, start=1):
        cell = _put(ws, start, j, header)
        cell.font = BOLD
        cell.fill = HEADER_FILL
    r = start
    for r, row in enumerate(rows, start=start + 1):
        for j, value in enumerate(row, start=1):
            _put(ws, r, j, value)
    return r


def _finish(ws: Worksheet, header_row: int = 1, last_row: int | None = None, filters: bool = True) -> None:
    """Frozen header, autofilter, fitted widths, landscape print fitted to the page width."""
    ws.freeze_panes = f"A{header_row + 1}"
    last = last_row or ws.max_row
    if filters and ws.max_column and last > header_row:
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(ws.max_column)}{last}"
    _fit(ws)
    _print_setup(ws)
    ws.print_title_rows = f"{header_row}:{header_row}"


def _print_setup(ws: Worksheet) -> None:
    """Landscape, fitted to the page width, as many pages long as needed."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _fit(ws: Worksheet) -> None:
    widths: dict[int, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            text = f"{cell.value:,}" if isinstance(cell.value, int) else str(cell.value)
            longest = max((len(line) for line in text.split("\n")), default=0)
            widths[cell.column] = max(widths.get(cell.column, 0), longest)
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = min(MAX_WIDTH, max(8, width + 2))


def _status_cell(cell: AnyCell, status: str) -> None:
    cell.fill = PatternFill("solid", fgColor=STATUS_FILL[status])


def _link(cell: AnyCell, url: str) -> None:
    if url.startswith(("https://", "http://")):
        cell.hyperlink = url
        cell.font = LINK


def render(report: Report, lang: str, include_content: bool = False) -> bytes:
    """The workbook for ``report`` as the bytes of an .xlsx file."""
    buffer = io.BytesIO()
    build_workbook(report, lang, include_content).save(buffer)
    return buffer.getvalue()


def build_workbook(report: Report, lang: str, include_content: bool = False) -> Workbook:
    wb = Workbook()
    wb.properties.title = say(report, lang)("wb.heading")
    wb.properties.subject = source_line(report, lang)
    wb.properties.creator = "linkedin-ai-exposure"
    wb.properties.lastModifiedBy = "linkedin-ai-exposure"
    made = datetime.fromisoformat(report.generated_at).replace(tzinfo=None)
    wb.properties.created = wb.properties.modified = made
    summary = wb.active
    assert isinstance(summary, Worksheet)  # a new workbook has one worksheet
    _summary(summary, report, lang)
    _datasets(wb.create_sheet(), report, lang)
    _columns(wb.create_sheet(), report, lang)
    _timeline(wb.create_sheet(), report, lang)
    _issues(wb.create_sheet(), report, lang)
    _sources(wb.create_sheet(), report, lang)
    _about(wb.create_sheet(), report, lang, include_content)
    if include_content:
        _content(wb, report, lang)
    return wb


def _summary(ws: Worksheet, report: Report, lang: str) -> None:
    ws.title = sheet_title("summary", lang)
    ws["A1"] = safe_text(say(report, lang)("wb.heading"))
    ws["A1"].font = Font(bold=True, size=14)
    _put(ws, 2, 1, source_line(report, lang))
    _put(ws, 3, 1, headline(report, lang))
    _put(ws, 4, 1, "\n".join(verdict_lines(report, lang)))
    for r in (3, 4):
        ws.cell(row=r, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A3:F3")
    ws.merge_cells("A4:F4")
    ws.row_dimensions[3].height = 75
    ws.row_dimensions[4].height = 120

    top = 6
    _put(ws, top, 1, _l("key_numbers", lang)).font = BOLD
    headers = [
        _l("status", lang),
        _l("datasets", lang),
        _l("records", lang),
        _l("data_points", lang),
        _l("share", lang),
        _l("words", lang),
    ]
    rows = [
        [status_label(s.status, lang), s.datasets, s.records, s.data_points, s.share, s.words] for s in report.totals
    ]
    last = _table(ws, headers, rows, start=top + 1)
    for r, totals in zip(range(top + 2, last + 1), report.totals, strict=True):
        _status_cell(ws.cell(row=r, column=1), totals.status)
        ws.cell(row=r, column=5).number_format = "0.0%"

    doughnut = DoughnutChart()
    doughnut.title = _l("chart_points", lang)
    doughnut.add_data(Reference(ws, min_col=4, min_row=top + 1, max_row=last), titles_from_data=True)
    doughnut.set_categories(Reference(ws, min_col=1, min_row=top + 2, max_row=last))
    doughnut.dataLabels = DataLabelList()
    doughnut.dataLabels.showPercent = True
    for flag in ("showVal", "showCatName", "showSerName", "showLegendKey", "showLeaderLines"):
        setattr(doughnut.dataLabels, flag, False)
    ring = doughnut.series[0]
    for i, totals in enumerate(report.totals):
        point = DataPoint(idx=i)
        point.graphicalProperties = GraphicalProperties(solidFill=CHART_COLOUR[totals.status])
        ring.dPt.append(point)
    doughnut.height, doughnut.width = 7.5, 11
    ws.add_chart(doughnut, f"H{top}")

    cat_top = last + 2
    _put(ws, cat_top, 1, _l("chart_categories", lang)).font = BOLD
    cat_rows = [
        [c.display_label(lang), status_label(c.status, lang), c.records, c.data_points, c.words]
        for c in report.categories
    ]
    cat_last = _table(
        ws,
        [_l("category", lang), _l("status", lang), _l("records", lang), _l("data_points", lang), _l("words", lang)],
        cat_rows,
        start=cat_top + 1,
    )
    for r, c in zip(range(cat_top + 2, cat_last + 1), report.categories, strict=True):
        _status_cell(ws.cell(row=r, column=2), c.status)
    if report.categories:
        bar = BarChart()
        bar.type = "bar"
        bar.title = _l("chart_categories", lang)
        bar.legend = None
        bar.add_data(Reference(ws, min_col=3, min_row=cat_top + 1, max_row=cat_last), titles_from_data=True)
        bar.set_categories(Reference(ws, min_col=1, min_row=cat_top + 2, max_row=cat_last))
        series = bar.series[0]
        series.graphicalProperties = GraphicalProperties(solidFill="999999")
        for i, c in enumerate(report.categories):
            point = DataPoint(idx=i)
            point.graphicalProperties = GraphicalProperties(solidFill=CHART_COLOUR[c.status])
            series.dPt.append(point)
        bar.height, bar.width = max(7.5, 0.6 * len(report.categories)), 16
        ws.add_chart(bar, f"H{top + 17}")

    act_top = cat_last + 2
    _put(ws, act_top, 1, _l("actions", lang)).font = BOLD
    r = act_top + 1
    for action in report.actions:
        _put(ws, r, 1, action.title.get(lang)).font = BOLD
        steps = _put(ws, r, 2, action.steps.get(lang))
        steps.alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=5)
        ws.row_dimensions[r].height = 48
        _link(_put(ws, r, 6, action.url), action.url)
        r += 1
    _put(ws, r + 1, 1, _l("commands", lang))
    ws.column_dimensions["A"].width = 34
    for col, width in zip("BCDEF", (24, 12, 14, 20, 22), strict=True):
        ws.column_dimensions[col].width = width
    _print_setup(ws)


def _datasets(ws: Worksheet, report: Report, lang: str) -> None:
    ws.title = sheet_title("datasets", lang)
    headers = [
        _l(k, lang)
        for k in (
            "dataset",
            "files",
            "category",
            "status",
            "confidence",
            "records",
            "columns",
            "data_points",
            "words",
            "first",
            "last",
            "reason",
            "sources",
        )
    ]
    rows = []
    for d in report.datasets:
        rows.append(
            [
                d.name,
                "\n".join(d.members),
                d.category_label.get(lang),
                status_label(d.status, lang),
                d.confidence,
                d.records,
                len(d.columns),
                d.data_points,
                d.words,
                day(d.first_date, lang) if d.first_date else "",
                day(d.last_date, lang) if d.last_date else "",
                d.reason.get(lang),
                ", ".join(d.sources),
            ]
        )
    for path in report.unmapped:
        rows.append([path, path, "", status_label("unmapped", lang), "", None, None, None, None, "", "", "", ""])
    last = _table(ws, headers, rows)
    urls = {s.key: s.url for s in report.sources}
    statuses = [d.status for d in report.datasets] + ["unmapped"] * len(report.unmapped)
    for r, status in zip(range(2, last + 1), statuses, strict=True):
        _status_cell(ws.cell(row=r, column=4), status)
        sources = ws.cell(row=r, column=13)
        keys = str(sources.value or "").split(", ")
        if keys and keys[0] in urls:
            _link(sources, urls[keys[0]])
    _finish(ws, last_row=last)


def _columns(ws: Worksheet, report: Report, lang: str) -> None:
    ws.title = sheet_title("columns", lang)
    rows = []
    for d in report.datasets:
        for c in d.columns:
            rows.append([d.name, c.name, c.role, c.non_empty, c.fill_ratio])
    last = _table(ws, [_l(k, lang) for k in ("dataset", "column", "role", "filled", "fill_ratio")], rows)
    for r in range(2, last + 1):
        ws.cell(row=r, column=5).number_format = "0.0%"
    _finish(ws, last_row=last)


def _timeline(ws: Worksheet, report: Report, lang: str) -> None:
    ws.title = sheet_title("timeline", lang)
    cats = [c for c in report.categories if c.per_year]
    years = sorted({y.year for c in cats for y in c.per_year})
    headers = [_l("year", lang)] + [c.display_label(lang) for c in cats]
    rows = []
    for year in years:
        row: list[Any] = [year]
        for c in cats:
            row.append(next((y.records for y in c.per_year if y.year == year), 0))
        rows.append(row)
    last = _table(ws, headers, rows)
    for r in range(2, last + 1):
        ws.cell(row=r, column=1).number_format = "0"
    if years and cats:
        chart = BarChart()
        chart.type = "col"
        chart.grouping = "stacked"
        chart.overlap = 100
        chart.title = _l("chart_timeline", lang)
        used = sum(1 for c in cats if c.status == "used") or len(cats)
        chart.add_data(Reference(ws, min_col=2, max_col=1 + used, min_row=1, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
        chart.height, chart.width = 9, 18
        ws.add_chart(chart, f"{get_column_letter(len(headers) + 2)}2")
    _finish(ws, last_row=last)


def _issues(ws: Worksheet, report: Report, lang: str) -> None:
    ws.title = sheet_title("issues", lang)
    rows: list[list[Any]] = [[_l("unmapped", lang), path, ""] for path in report.unmapped]
    for d in report.datasets:
        if d.drift:
            rows.append(
                [
                    _l("drift", lang),
                    d.name,
                    f"+ {', '.join(d.drift.new_columns) or '–'} / − {', '.join(d.drift.missing_columns) or '–'}",
                ]
            )
        rows.extend([_l("problem", lang), d.name, p] for p in d.problems)
    rows.extend([_l("problem", lang), report.source.name, p] for p in report.problems)
    if not rows:
        rows.append([_l("none", lang), "", ""])
    last = _table(ws, [_l("kind", lang), _l("item", lang), _l("detail", lang)], rows)
    _finish(ws, last_row=last)


def _sources(ws: Worksheet, report: Report, lang: str) -> None:
    ws.title = sheet_title("sources", lang)
    rows = [[s.key, s.title, s.publisher, s.url, s.seen.isoformat() if s.seen else ""] for s in report.sources]
    last = _table(ws, [_l(k, lang) for k in ("key", "title", "publisher", "url", "seen")], rows)
    for r in range(2, last + 1):
        cell = ws.cell(row=r, column=4)
        _link(cell, str(cell.value))
    _put(ws, last + 2, 1, f"{_l('about.mapping', lang)}: {report.mapping.version}")
    _put(ws, last + 3, 1, f"{_l('about.reviewed', lang)}: {report.mapping.reviewed.isoformat()}")
    _finish(ws, last_row=last)


def _about(ws: Worksheet, report: Report, lang: str, include_content: bool) -> None:
    ws.title = sheet_title("about", lang)
    src = report.source
    rows: list[list[Any]] = [
        [_l("about.tool", lang), report.tool_version],
        [_l("about.mapping", lang), report.mapping.version],
        [_l("about.reviewed", lang), report.mapping.reviewed.isoformat()],
        [_l("about.origin", lang), report.mapping.origin],
        [_l("about.input", lang), src.name],
        [_l("about.size", lang), src.size],
        [_l("about.sha256", lang), src.sha256 or "–"],
        [_l("about.made", lang), report.generated_at],
        [_l("about.lang", lang), lang],
        [_l("about.content", lang), _l("yes" if include_content else "no", lang)],
    ]
    last = _table(ws, [_l("field", lang), _l("value", lang)], rows)
    _put(ws, last + 2, 1, _l("about.offline", lang))
    _finish(ws, last_row=last, filters=False)


def _content(wb: Workbook, report: Report, lang: str) -> None:
    labels = {c.key: c.label.get(lang) for c in report.categories}
    by_category: dict[str, list[ContentRow]] = {}
    for row in report.content:
        by_category.setdefault(row.category, []).append(row)
    for key, rows in by_category.items():
        name = safe_sheet_name(f"{sheet_title('content', lang)} – {labels.get(key, key)}", wb.sheetnames)
        ws = wb.create_sheet(name)
        last = _table(
            ws,
            [_l(k, lang) for k in ("dataset", "date", "text", "link")],
            ([r.dataset, r.date, r.text, r.link] for r in rows),
        )
        for r in range(2, last + 1):
            ws.cell(row=r, column=3).alignment = Alignment(wrap_text=True, vertical="top")
            link = ws.cell(row=r, column=4)
            _link(link, str(link.value or ""))
        _finish(ws, last_row=last)
        ws.column_dimensions["C"].width = MAX_WIDTH
        if report.content_cut:
            _put(ws, last + 2, 1, t(lang, "wb.content.cut", n=f"{report.content_cut:,}", limit="50,000"))
