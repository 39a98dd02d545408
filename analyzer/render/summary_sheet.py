"""The workbook's Summary sheet: what a data-protection officer reads first, laid out to print on A4 portrait.

Text cells wrap and their rows are made tall enough; each action's title, steps and link share one row,
all aligned to the top, the link whole on the row below; the charts sit below the tables, where they cover
nothing.
"""

from __future__ import annotations

from openpyxl.chart import BarChart, DoughnutChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.legend import Legend
from openpyxl.chart.marker import DataPoint
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.styles import Font
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from analyzer.i18n import t
from analyzer.model import Report
from analyzer.render import xlsx
from analyzer.render.sentences import action_body, action_title, headline, say, source_line, verdict_lines
from analyzer.render.xlsx import BOLD, CHART_COLOUR

#: Column widths A–F (characters): the category names, the statuses in German, the figures, the links.
WIDTHS = {"A": 36, "B": 32, "C": 11, "D": 13, "E": 14, "F": 26}
#: The width of the merged text rows (A–F) and of the action steps (B–E).
TEXT_WIDTH = sum(WIDTHS.values())
STEPS_WIDTH = TEXT_WIDTH - WIDTHS["A"]


def _l(key: str, lang: str) -> str:
    return t(lang, f"wb.{key}")


def status_label(status: str, lang: str) -> str:
    return t(lang, f"status.{status}")


def summary(ws: Worksheet, report: Report, lang: str, include_content: bool, page: xlsx.Page) -> None:
    ws.title = t(lang, "sheet.summary")
    xlsx.put(ws, 1, 1, say(report, lang)("wb.heading")).font = Font(bold=True, size=14)
    xlsx.put(ws, 2, 1, source_line(report, lang))
    row = 3
    if include_content:
        warning = xlsx.wrap(xlsx.put(ws, row, 1, _l("content.warning", lang)))
        warning.font = Font(bold=True, color="C00000")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        xlsx.fit_height(ws, row, [(str(warning.value), TEXT_WIDTH)])
        row += 1
    for text in (headline(report, lang), "\n".join(verdict_lines(report, lang, document=True))):
        xlsx.wrap(xlsx.put(ws, row, 1, text))
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        xlsx.fit_height(ws, row, [(text, TEXT_WIDTH)])
        row += 1

    top = row + 1
    xlsx.put(ws, top, 1, _l("key_numbers", lang)).font = BOLD
    xlsx.put(ws, top, 2, t(lang, "points.defined")).font = Font(italic=True, size=9)
    headers = [_l(k, lang) for k in ("status", "datasets", "records", "data_points", "share", "words")]
    rows = [
        [status_label(s.status, lang), s.datasets, s.records, s.data_points, s.share, s.words] for s in report.totals
    ]
    last = xlsx.table(ws, headers, rows, start=top + 1)
    for r, totals in zip(range(top + 2, last + 1), report.totals, strict=True):
        xlsx.status_cell(ws.cell(row=r, column=1), totals.status)
        ws.cell(row=r, column=5).number_format = "0.0%"
    # bold headers are wider than the estimate's average letter
    xlsx.fit_height(ws, top + 1, [(h, WIDTHS[c] * 0.8) for h, c in zip(headers, "ABCDEF", strict=True)])
    for col in range(1, 7):
        xlsx.wrap(ws.cell(row=top + 1, column=col), bold=True)

    cat_top = last + 2
    xlsx.put(ws, cat_top, 1, _l("chart_categories", lang)).font = BOLD
    cat_headers = [_l(k, lang) for k in ("category", "status", "records", "data_points", "words")]
    cat_rows = [
        [c.display_label(lang), status_label(c.status, lang), c.records, c.data_points, c.words]
        for c in report.categories
    ]
    cat_last = xlsx.table(ws, cat_headers, cat_rows, start=cat_top + 1)
    for col in range(1, 6):
        xlsx.wrap(ws.cell(row=cat_top + 1, column=col), bold=True)
    xlsx.fit_height(ws, cat_top + 1, [(h, WIDTHS[c] * 0.8) for h, c in zip(cat_headers, "ABCDE", strict=True)])
    for r, c in zip(range(cat_top + 2, cat_last + 1), report.categories, strict=True):
        xlsx.status_cell(ws.cell(row=r, column=2), c.status)
        xlsx.wrap(ws.cell(row=r, column=1))
        xlsx.fit_height(ws, r, [(c.display_label(lang), WIDTHS["A"])])

    act_top = cat_last + 2
    xlsx.put(ws, act_top, 1, _l("actions", lang)).font = BOLD
    r = act_top + 1
    for action in report.actions:
        title, steps = action_title(action, lang), action_body(action, lang)
        xlsx.wrap(xlsx.put(ws, r, 1, title), bold=True)
        xlsx.wrap(xlsx.put(ws, r, 2, steps))
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=6)
        xlsx.fit_height(ws, r, [(title, WIDTHS["A"]), (steps, STEPS_WIDTH)])
        xlsx.link(xlsx.wrap(xlsx.put(ws, r + 1, 2, action.url)), action.url)  # whole, on a line of its own
        ws.merge_cells(start_row=r + 1, start_column=2, end_row=r + 1, end_column=6)
        ws.row_dimensions[r + 1].height = 20
        r += 2
    ws.row_breaks.append(Break(id=r))  # the charts print on a page of their own, never cut in two
    _charts(ws, report, lang, top, last, cat_top, cat_last, r + 1)
    for letter, width in WIDTHS.items():
        ws.column_dimensions[letter].width = width
    xlsx.print_setup(ws, page)


def _charts(ws: Worksheet, report: Report, lang: str, top: int, last: int, cat_top: int, cat_last: int,
            at: int) -> None:  # fmt: skip
    """The doughnut of data points by status and, below it, the bars of records by category: under the tables."""
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
    doughnut.legend = Legend(legendPos="b")  # beside the ring, "wahrscheinlich ausgeschlossen" broke inside a word
    doughnut.height, doughnut.width = 9, 11
    ws.add_chart(doughnut, f"A{at}")
    if not report.categories:
        return
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
    bar.x_axis.scaling.orientation = "maxMin"  # the table's order, top to bottom
    bar.height, bar.width = 2 + 0.7 * len(report.categories), 18
    ws.add_chart(bar, f"A{at + 19}")  # below the doughnut (9 cm: about 17 rows)
