"""Report → .xlsx (openpyxl): one function per sheet. Nothing is computed here; every value taken from the
archive is written as safe text (``xlsx.safe_text``), every date as a real date, and every sheet prints on
A4 with a header (title, export date) and page numbers."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from analyzer.dates import parse_date
from analyzer.i18n import day, num, t
from analyzer.model import ContentRow, Report
from analyzer.render import xlsx
from analyzer.render.sentences import dataset_name, mapping_origin, say, source_line
from analyzer.render.summary_sheet import summary
from analyzer.render.xlsx import (
    BEFORE_COLOUR,
    BOLD,
    CHART_COLOUR,
    MAX_WIDTH,
    Page,
    safe_sheet_name,
    safe_text,
    workbook_bytes,
)
from analyzer.said import localized

DIM = Font(color="595959")


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
    heading = say(report, lang)("wb.heading")
    wb.properties.title = heading
    wb.properties.subject = source_line(report, lang)
    wb.properties.creator = "linkedin-ai-exposure"
    wb.properties.lastModifiedBy = "linkedin-ai-exposure"
    made = datetime.fromisoformat(report.generated_at).replace(tzinfo=None)
    wb.properties.created = wb.properties.modified = made
    exported = report.source.export_date
    stamp = _l("exported", lang).format(date=day(exported, lang)) if exported else report.source.name
    portrait = Page(heading, stamp, _l("page", lang))
    landscape = Page(heading, stamp, _l("page", lang), landscape=True)
    first = wb.active
    assert isinstance(first, Worksheet)  # a new workbook has one worksheet
    summary(first, report, lang, include_content, portrait)
    _datasets(wb.create_sheet(), report, lang, Page(heading, stamp, _l("page", lang), landscape=True, wide=2))
    _columns(wb.create_sheet(), report, lang, portrait)
    _timeline(wb.create_sheet(), report, lang, landscape)
    _issues(wb.create_sheet(), report, lang, landscape)
    _sources(wb.create_sheet(), report, lang, landscape)
    _about(wb.create_sheet(), report, lang, include_content, portrait)
    if include_content:
        _content(wb, report, lang, landscape)
    return wb


def _datasets(ws: Worksheet, report: Report, lang: str, page: Page) -> None:
    ws.title = sheet_title("datasets", lang)
    most = max((len(d.sources) for d in report.datasets), default=1) or 1
    keys = ("dataset", "files", "category", "status", "confidence", "records", "columns", "data_points", "words",
            "first", "last", "reason")  # fmt: skip
    headers = [_l(k, lang) for k in keys] + [_l("source_n", lang).format(n=n) for n in range(1, most + 1)]
    sources = {s.key: s for s in report.sources}
    rows: list[list[Any]] = []
    for d in report.datasets:
        titles = [sources[k].title_in(lang) if k in sources else k for k in d.sources]
        rows.append([d.name_in(lang), "\n".join(d.members), d.category_label.get(lang), status_label(d.status, lang),
                     t(lang, f"confidence.{d.confidence}"), d.records, len(d.columns), d.data_points, d.words,
                     None, None, d.reason.get(lang), *titles, *[""] * (most - len(titles))])  # fmt: skip
    for path in report.unmapped:
        rows.append([path, path, "", status_label("unmapped", lang), "", None, None, None, None, None, None, "",
                     *[""] * most])  # fmt: skip
    last = xlsx.table(ws, headers, rows)
    statuses = [d.status for d in report.datasets] + ["unmapped"] * len(report.unmapped)
    for r, status in zip(range(2, last + 1), statuses, strict=True):
        xlsx.status_cell(ws.cell(row=r, column=4), status)
        for c in (1, 2, 3, 4, 12):
            xlsx.wrap(ws.cell(row=r, column=c))
    for r, d in zip(range(2, last + 1), report.datasets, strict=False):
        xlsx.date_cell(ws.cell(row=r, column=10), d.first_date, lang)
        xlsx.date_cell(ws.cell(row=r, column=11), d.last_date, lang)
        for j, key in enumerate(d.sources, start=13):
            xlsx.wrap(ws.cell(row=r, column=j))
            if key in sources:
                xlsx.link(ws.cell(row=r, column=j), sources[key].url)
    widths: dict[str, float] = {"A": 26, "B": 30, "C": 22, "D": 16, "E": 11, "F": 10, "G": 9, "H": 11, "I": 11, "J": 12, "K": 12,
              "L": 50, **{chr(ord("M") + i): 40 for i in range(most)}}  # fmt: skip
    for r, row in zip(range(2, last + 1), rows, strict=True):
        xlsx.fit_height(ws, r, [(str(row[c] or ""), widths[k]) for c, k in ((0, "A"), (1, "B"), (2, "C"), (11, "L"))]
                        + [(str(v), 40) for v in row[12:]])  # fmt: skip
    xlsx.fit_height(ws, 1, [(h, widths[chr(ord("A") + j)] * 0.8) for j, h in enumerate(headers)])
    for c in range(1, len(headers) + 1):
        xlsx.wrap(ws.cell(row=1, column=c), bold=True)
    xlsx.finish(ws, page, last_row=last, widths=widths)
    ws.col_breaks.append(Break(id=11))  # the figures and dates on one page, the reasons and sources on the next


def _columns(ws: Worksheet, report: Report, lang: str, page: Page) -> None:
    """Every column, grouped under its file: a bold row per dataset, then its columns (the dataset's name kept on
    each row, in grey, so that a filter by dataset still works)."""
    ws.title = sheet_title("columns", lang)
    headers = [_l(k, lang) for k in ("dataset", "column", "role", "filled", "fill_ratio", "placeholders")]
    last = xlsx.table(ws, headers, [])
    r = last
    for d in report.datasets:
        r += 1
        xlsx.put(ws, r, 1, d.name_in(lang)).font = BOLD
        files = d.members[0] + (f" (+{len(d.members) - 1})" if len(d.members) > 1 else "") if d.members else ""
        xlsx.put(ws, r, 2, files).font = BOLD  # all of them are on the Datasets sheet
        xlsx.status_cell(ws.cell(row=r, column=1), d.status)
        for c in d.columns:
            r += 1
            name = c.name or t(lang, "column.unnamed")
            xlsx.put(ws, r, 1, d.name_in(lang)).font = DIM
            for j, value in enumerate((name, _l(f"role.{c.role}", lang), c.non_empty, c.fill_ratio, c.placeholders), 2):
                xlsx.put(ws, r, j, value)
            ws.cell(row=r, column=5).number_format = "0%"
    xlsx.finish(ws, page, last_row=r, widths={"A": 30, "B": 34, "C": 28})


def _timeline(ws: Worksheet, report: Report, lang: str, page: Page) -> None:
    """The likely used records per year, before and since the policy start, as a chart; below, every category's
    records per year, whatever its status."""
    ws.title = sheet_title("timeline", lang)
    start = report.verdict.policy_start
    when = day(start, lang)
    headers = [_l("year", lang), _l("timeline.used", lang)]
    if start:
        headers += [_l("timeline.before", lang).format(start=when), _l("timeline.since", lang).format(start=when)]
    rows = [[y.year, y.records, y.before_start, y.after_start][: len(headers)] for y in report.used_per_year]
    last = xlsx.table(ws, headers, rows)
    for r in range(2, last + 1):
        ws.cell(row=r, column=1).number_format = "0"
    for col in range(1, len(headers) + 1):
        xlsx.wrap(ws.cell(row=1, column=col), bold=True)
    ws.row_dimensions[1].height = 33
    if rows:
        chart = BarChart()
        chart.type = "col"
        chart.grouping = "stacked"
        chart.overlap = 100
        chart.title = _l("timeline.chart", lang).format(start=when) if start else _l("timeline.used", lang)
        first_col = 3 if start else 2
        chart.add_data(Reference(ws, min_col=first_col, max_col=len(headers), min_row=1, max_row=last),
                       titles_from_data=True)  # fmt: skip
        chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
        for series, colour in zip(chart.series, (BEFORE_COLOUR, CHART_COLOUR["used"]), strict=False):
            series.graphicalProperties = GraphicalProperties(solidFill=colour)
        chart.x_axis.title = _l("year", lang)
        chart.y_axis.title = _l("records", lang)
        chart.x_axis.delete = chart.y_axis.delete = False
        chart.legend.position = "b"
        chart.height, chart.width = 10, 22
        ws.add_chart(chart, "F2")
    cats = [c for c in report.categories if c.per_year]
    years = sorted({y.year for c in cats for y in c.per_year})
    table_top = max(last, 22) + 2
    xlsx.put(ws, table_top, 1, _l("timeline.all", lang)).font = BOLD
    all_headers = [_l("year", lang)] + [f"{c.display_label(lang)} ({status_label(c.status, lang)})" for c in cats]
    all_rows = [[year] + [next((y.records for y in c.per_year if y.year == year), 0) for c in cats] for year in years]
    all_last = xlsx.table(ws, all_headers, all_rows, start=table_top + 1)
    for j, c in enumerate(cats, start=2):
        xlsx.status_cell(xlsx.wrap(ws.cell(row=table_top + 1, column=j), bold=True), c.status)
    for r in range(table_top + 2, all_last + 1):
        ws.cell(row=r, column=1).number_format = "0"
    xlsx.fit_height(ws, table_top + 1, [(h, 16 * 0.8) for h in all_headers[1:]])
    xlsx.finish(ws, page, last_row=last, widths={get_column_letter(j): 16 for j in range(2, len(all_headers) + 1)})
    ws.column_dimensions["A"].width = 8


def _issues(ws: Worksheet, report: Report, lang: str, page: Page) -> None:
    ws.title = sheet_title("issues", lang)
    rows: list[list[Any]] = [[_l("unmapped", lang), path, ""] for path in report.unmapped]
    for d in report.datasets:
        if d.drift:
            rows.append(
                [
                    _l("drift", lang),
                    d.name_in(lang),
                    f"+ {_columns_named(d.drift.new_columns, lang)} / − {_columns_named(d.drift.missing_columns, lang)}",
                ]
            )
        rows.extend([_l("problem", lang), d.name_in(lang), localized(p, lang)] for p in d.problems)
        if d.counted_once:
            total = num(d.records + d.counted_once, lang)
            once = t(lang, "issues.counted_once", name=d.name_in(lang), count=num(d.counted_once, lang), total=total,
                     other=dataset_name(report, d.same_records_as, lang))  # fmt: skip
            rows.append([_l("note", lang), d.name_in(lang), once])
    rows.extend([_l("problem", lang), report.source.name, localized(p, lang)] for p in report.problems)
    rows.extend([_l("note", lang), report.source.name, localized(n, lang)] for n in report.notes)
    if not rows:
        rows.append([_l("none", lang), "", ""])
    last = xlsx.table(ws, [_l("kind", lang), _l("item", lang), _l("detail", lang)], rows)
    for r, row in zip(range(2, last + 1), rows, strict=True):
        for c in (2, 3):
            xlsx.wrap(ws.cell(row=r, column=c))
        xlsx.fit_height(ws, r, [(str(row[1]), 40), (str(row[2]), 80)])
    xlsx.finish(ws, page, last_row=last, widths={"A": 18, "B": 40, "C": 80})


def _columns_named(columns: tuple[str, ...], lang: str) -> str:
    return ", ".join(c or t(lang, "column.unnamed") for c in columns) or "–"


def _sources(ws: Worksheet, report: Report, lang: str, page: Page) -> None:
    ws.title = sheet_title("sources", lang)
    rows = [[s.title_in(lang), s.publisher, s.url, None, s.key] for s in report.sources]
    last = xlsx.table(ws, [_l(k, lang) for k in ("title", "publisher", "url", "seen", "key")], rows)
    for r, s in zip(range(2, last + 1), report.sources, strict=True):
        xlsx.link(ws.cell(row=r, column=1), s.url)
        xlsx.link(ws.cell(row=r, column=3), s.url)
        xlsx.date_cell(ws.cell(row=r, column=4), s.seen, lang)
        if s.seen is None and s.known:
            ws.cell(row=r, column=4).value = t(lang, f"source.known.{s.known}")
        for c in (1, 2, 3):
            xlsx.wrap(ws.cell(row=r, column=c))
        xlsx.fit_height(ws, r, [(s.title_in(lang), 50), (s.publisher, 26), (s.url, 50)])
    xlsx.put(ws, last + 2, 1, f"{_l('about.mapping', lang)}: {report.mapping.version}")
    xlsx.put(ws, last + 3, 1, f"{_l('about.reviewed', lang)}: {day(report.mapping.reviewed, lang)}")
    xlsx.finish(ws, page, last_row=last, widths={"A": 50, "B": 26, "C": 50, "D": 21, "E": 16})


def _about(ws: Worksheet, report: Report, lang: str, include_content: bool, page: Page) -> None:
    ws.title = sheet_title("about", lang)
    src = report.source
    made = datetime.fromisoformat(report.generated_at).replace(tzinfo=None)
    rows: list[list[Any]] = [
        [_l("about.tool", lang), report.tool_version],
        [_l("about.mapping", lang), report.mapping.version],
        [_l("about.reviewed", lang), report.mapping.reviewed],
        [_l("about.origin", lang), mapping_origin(report.mapping.origin, lang)],
        [_l("about.input", lang), src.name],
        [_l("about.size", lang), src.size],
        [_l("about.sha256", lang), src.sha256 or "–"],
        [_l("about.made", lang), made],
        [_l("about.lang", lang), lang],
        [_l("about.content", lang), _l("yes" if include_content else "no", lang)],
    ]
    last = xlsx.table(ws, [_l("field", lang), _l("value", lang)], rows)
    xlsx.date_cell(ws.cell(row=4, column=2), report.mapping.reviewed, lang)
    ws.cell(row=9, column=2).number_format = xlsx.DATE_FORMAT[lang] + " hh:mm"
    for r in range(2, last + 1):
        ws.cell(row=r, column=2).alignment = Alignment(horizontal="left", wrap_text=True, vertical="top")
    xlsx.put(ws, last + 2, 1, _l("about.offline", lang))
    xlsx.finish(ws, page, last_row=last, filters=False, widths={"A": 30, "B": 70})


def _content(wb: Workbook, report: Report, lang: str, page: Page) -> None:
    labels = {c.key: c.label.get(lang) for c in report.categories}
    by_category: dict[str, list[tuple[date | None, ContentRow]]] = {}
    for row in report.content:
        parsed = parse_date(row.date) if row.date else None
        by_category.setdefault(row.category, []).append((parsed if isinstance(parsed, date) else None, row))
    for key, dated in by_category.items():
        dated.sort(key=lambda pair: (pair[0] is None, pair[0] or date.min))  # by date; undated last
        name = safe_sheet_name(f"{sheet_title('content', lang)} – {labels.get(key, key)}", wb.sheetnames)
        ws = wb.create_sheet(name)
        last = xlsx.table(ws, [_l(k, lang) for k in ("dataset", "date", "text", "link")],
                          ([dataset_name(report, r.dataset, lang), "" if when else r.date, r.text, r.link] for when, r in dated))  # fmt: skip
        for r, (when, row) in zip(range(2, last + 1), dated, strict=True):
            if when is not None:
                xlsx.date_cell(ws.cell(row=r, column=2), when, lang)
            xlsx.wrap(ws.cell(row=r, column=3))
            xlsx.fit_height(ws, r, [(safe_text(row.text), MAX_WIDTH * 1.5)])
            cell = ws.cell(row=r, column=4)
            xlsx.wrap(cell)
            xlsx.link(cell, str(cell.value or ""))
        xlsx.finish(ws, page, last_row=last, widths={"A": 22, "B": 13, "C": MAX_WIDTH * 1.5, "D": 40})
        if report.content_cut:
            xlsx.put(ws, last + 2, 1, t(lang, "wb.content.cut", n=f"{report.content_cut:,}", limit="50,000"))
