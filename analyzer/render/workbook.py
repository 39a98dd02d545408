"""Report → .xlsx (openpyxl): one function per sheet. Nothing is computed here; every value taken from the
archive is written as safe text (``xlsx.safe_text``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, DoughnutChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.marker import DataPoint
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from analyzer.i18n import day, t
from analyzer.model import ContentRow, Report
from analyzer.render import xlsx
from analyzer.render.sentences import headline, say, source_line, verdict_lines
from analyzer.render.xlsx import BOLD, CHART_COLOUR, MAX_WIDTH, safe_sheet_name, safe_text, workbook_bytes


def _l(key: str, lang: str) -> str:
    return t(lang, f"wb.{key}")


def sheet_title(key: str, lang: str) -> str:
    return t(lang, f"sheet.{key}")


def status_label(status: str, lang: str) -> str:
    return t(lang, f"status.{status}")


def render(report: Report, lang: str, include_content: bool = False) -> bytes:
    """The workbook for ``report`` as the bytes of an .xlsx file."""
    return workbook_bytes(build_workbook(report, lang, include_content))


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
    xlsx.put(ws, 2, 1, source_line(report, lang))
    xlsx.put(ws, 3, 1, headline(report, lang))
    xlsx.put(ws, 4, 1, "\n".join(verdict_lines(report, lang)))
    for r in (3, 4):
        ws.cell(row=r, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A3:F3")
    ws.merge_cells("A4:F4")
    ws.row_dimensions[3].height = 110  # the headline: up to seven lines
    ws.row_dimensions[4].height = 120

    top = 6
    xlsx.put(ws, top, 1, _l("key_numbers", lang)).font = BOLD
    xlsx.put(ws, top, 2, t(lang, "points.defined")).font = Font(italic=True, size=9)
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
    last = xlsx.table(ws, headers, rows, start=top + 1)
    for r, totals in zip(range(top + 2, last + 1), report.totals, strict=True):
        xlsx.status_cell(ws.cell(row=r, column=1), totals.status)
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
    xlsx.put(ws, cat_top, 1, _l("chart_categories", lang)).font = BOLD
    cat_rows = [
        [c.display_label(lang), status_label(c.status, lang), c.records, c.data_points, c.words]
        for c in report.categories
    ]
    cat_last = xlsx.table(
        ws,
        [_l("category", lang), _l("status", lang), _l("records", lang), _l("data_points", lang), _l("words", lang)],
        cat_rows,
        start=cat_top + 1,
    )
    for r, c in zip(range(cat_top + 2, cat_last + 1), report.categories, strict=True):
        xlsx.status_cell(ws.cell(row=r, column=2), c.status)
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
    xlsx.put(ws, act_top, 1, _l("actions", lang)).font = BOLD
    r = act_top + 1
    for action in report.actions:
        xlsx.put(ws, r, 1, action.title.get(lang)).font = BOLD
        steps = xlsx.put(ws, r, 2, action.steps.get(lang))
        steps.alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=5)
        ws.row_dimensions[r].height = 48
        xlsx.link(xlsx.put(ws, r, 6, action.url), action.url)
        r += 1
    xlsx.put(ws, r + 1, 1, _l("commands", lang))
    ws.column_dimensions["A"].width = 34
    for col, width in zip("BCDEF", (24, 12, 14, 20, 22), strict=True):
        ws.column_dimensions[col].width = width
    xlsx.print_setup(ws)


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
    last = xlsx.table(ws, headers, rows)
    urls = {s.key: s.url for s in report.sources}
    statuses = [d.status for d in report.datasets] + ["unmapped"] * len(report.unmapped)
    for r, status in zip(range(2, last + 1), statuses, strict=True):
        xlsx.status_cell(ws.cell(row=r, column=4), status)
        sources = ws.cell(row=r, column=13)
        keys = str(sources.value or "").split(", ")
        if keys and keys[0] in urls:
            xlsx.link(sources, urls[keys[0]])
    xlsx.finish(ws, last_row=last)


def _columns(ws: Worksheet, report: Report, lang: str) -> None:
    ws.title = sheet_title("columns", lang)
    rows = []
    for d in report.datasets:
        for c in d.columns:
            name = c.name or t(lang, "column.unnamed")
            rows.append([d.name, name, c.role, c.non_empty, c.fill_ratio, c.placeholders])
    headers = [_l(k, lang) for k in ("dataset", "column", "role", "filled", "fill_ratio", "placeholders")]
    last = xlsx.table(ws, headers, rows)
    for r in range(2, last + 1):
        ws.cell(row=r, column=5).number_format = "0.0%"
    xlsx.finish(ws, last_row=last)


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
    last = xlsx.table(ws, headers, rows)
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
    xlsx.finish(ws, last_row=last)


def _issues(ws: Worksheet, report: Report, lang: str) -> None:
    ws.title = sheet_title("issues", lang)
    rows: list[list[Any]] = [[_l("unmapped", lang), path, ""] for path in report.unmapped]
    for d in report.datasets:
        if d.drift:
            rows.append(
                [
                    _l("drift", lang),
                    d.name,
                    f"+ {_columns_named(d.drift.new_columns, lang)} / − {_columns_named(d.drift.missing_columns, lang)}",
                ]
            )
        rows.extend([_l("problem", lang), d.name, p] for p in d.problems)
        if d.counted_once:
            total = f"{d.records + d.counted_once:,}"
            once = t(
                lang,
                "issues.counted_once",
                name=d.name,
                count=f"{d.counted_once:,}",
                total=total,
                other=d.same_records_as,
            )
            rows.append([_l("note", lang), d.name, once])
    rows.extend([_l("problem", lang), report.source.name, p] for p in report.problems)
    rows.extend([_l("note", lang), report.source.name, n] for n in report.notes)
    if not rows:
        rows.append([_l("none", lang), "", ""])
    last = xlsx.table(ws, [_l("kind", lang), _l("item", lang), _l("detail", lang)], rows)
    xlsx.finish(ws, last_row=last)


def _columns_named(columns: tuple[str, ...], lang: str) -> str:
    return ", ".join(c or t(lang, "column.unnamed") for c in columns) or "–"


def _sources(ws: Worksheet, report: Report, lang: str) -> None:
    ws.title = sheet_title("sources", lang)
    rows = [[s.key, s.title, s.publisher, s.url, s.seen.isoformat() if s.seen else ""] for s in report.sources]
    last = xlsx.table(ws, [_l(k, lang) for k in ("key", "title", "publisher", "url", "seen")], rows)
    for r in range(2, last + 1):
        cell = ws.cell(row=r, column=4)
        xlsx.link(cell, str(cell.value))
    xlsx.put(ws, last + 2, 1, f"{_l('about.mapping', lang)}: {report.mapping.version}")
    xlsx.put(ws, last + 3, 1, f"{_l('about.reviewed', lang)}: {report.mapping.reviewed.isoformat()}")
    xlsx.finish(ws, last_row=last)


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
    last = xlsx.table(ws, [_l("field", lang), _l("value", lang)], rows)
    xlsx.put(ws, last + 2, 1, _l("about.offline", lang))
    xlsx.finish(ws, last_row=last, filters=False)


def _content(wb: Workbook, report: Report, lang: str) -> None:
    labels = {c.key: c.label.get(lang) for c in report.categories}
    by_category: dict[str, list[ContentRow]] = {}
    for row in report.content:
        by_category.setdefault(row.category, []).append(row)
    for key, rows in by_category.items():
        name = safe_sheet_name(f"{sheet_title('content', lang)} – {labels.get(key, key)}", wb.sheetnames)
        ws = wb.create_sheet(name)
        last = xlsx.table(
            ws,
            [_l(k, lang) for k in ("dataset", "date", "text", "link")],
            ([r.dataset, r.date, r.text, r.link] for r in rows),
        )
        for r in range(2, last + 1):
            ws.cell(row=r, column=3).alignment = Alignment(wrap_text=True, vertical="top")
            cell = ws.cell(row=r, column=4)
            xlsx.link(cell, str(cell.value or ""))
        xlsx.finish(ws, last_row=last)
        ws.column_dimensions["C"].width = MAX_WIDTH
        if report.content_cut:
            xlsx.put(ws, last + 2, 1, t(lang, "wb.content.cut", n=f"{report.content_cut:,}", limit="50,000"))
