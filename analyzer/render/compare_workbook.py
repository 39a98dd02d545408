"""Comparison → .xlsx: a sheet "Comparison" with the headline, the per-category figures, the files and columns
that came or went and how records were matched; a sheet "Files" with the per-file figures, its header row
repeated on every printed page. Nothing is computed here."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from analyzer.comparison import CategoryChange, Comparison, DatasetChange
from analyzer.i18n import t
from analyzer.render import xlsx
from analyzer.render.compare_sentences import format_lines, headline, side_line
from analyzer.render.xlsx import BOLD


def _headers(lang: str, first: str, opted_out: bool) -> list[str]:
    """Name, status and the figures; what is new since the opt-out only where the member gave its date."""
    keys = ("cmp.col.old", "cmp.col.new", "cmp.col.both", "cmp.col.words", *(("cmp.col.after",) if opted_out else ()))
    return [t(lang, first), t(lang, "col.status"), *(t(lang, k) for k in keys)]


def build(c: Comparison, lang: str) -> Workbook:
    wb = Workbook()
    wb.properties.title = t(lang, "cmp.title")
    wb.properties.creator = wb.properties.lastModifiedBy = "linkedin-ai-exposure"
    wb.properties.created = wb.properties.modified = datetime.fromisoformat(c.generated_at).replace(tzinfo=None)
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook has one worksheet
    ws.title = xlsx.safe_sheet_name(t(lang, "cmp.sheet"))
    xlsx.put(ws, 1, 1, t(lang, "cmp.title")).font = BOLD
    lines = [t(lang, "cmp.old", source=side_line(c.old, lang)), t(lang, "cmp.new", source=side_line(c.new, lang))]
    lines += headline(c, lang)
    texts = []  # rows of running text, wrapped across the tables' width once the widths are known
    row = 2
    for row, line in enumerate(lines, start=2):
        xlsx.put(ws, row, 1, line)
        texts.append(row)
    if c.same:
        _finish(ws, c, lang, texts, span=1)  # its few lines, and no table
        return wb
    row += 2

    def status(key: str) -> str:
        return t(lang, f"status.{key}")

    opted = c.opted_out_on is not None

    def after(change: CategoryChange | DatasetChange) -> list[int]:
        return [change.new_after_opt_out] if opted else []

    categories: list[list[Any]] = [
        [cat.label.get(lang), status(cat.status), cat.only_old, cat.only_new, cat.both, cat.words_only_new,
         *after(cat)]
        for cat in c.categories
    ]  # fmt: skip
    category_headers = _headers(lang, "col.category", opted)
    row = xlsx.table(ws, category_headers, categories, start=row)
    drift = format_lines(c, lang)
    if drift:
        row += 2
        xlsx.put(ws, row, 1, t(lang, "cmp.format.title")).font = BOLD
        for offset, line in enumerate(drift, start=1):
            xlsx.put(ws, row + offset, 1, line)
            texts.append(row + offset)
        row += len(drift)
    xlsx.put(ws, row + 2, 1, t(lang, "cmp.how", version=c.mapping.version))
    texts.append(row + 2)
    _finish(ws, c, lang, texts, span=len(category_headers))

    files = [
        [d.name_in(lang), status(d.status), d.only_old, d.only_new, d.both, d.words_only_new, *after(d),
         t(lang, "cmp.not_in_basic") if d.not_in_basic else ""]
        for d in c.datasets
    ]  # fmt: skip
    sheet = wb.create_sheet(xlsx.safe_sheet_name(t(lang, "cmp.sheet.files"), [ws.title]))
    xlsx.table(sheet, [*_headers(lang, "cmp.col.file", opted), t(lang, "cmp.col.note")], files)
    xlsx.finish(sheet, _page(c, lang))  # its header row printed on every page
    return wb


def _finish(ws: Worksheet, c: Comparison, lang: str, texts: list[int], span: int) -> None:
    """Widths from the cells, each running text wrapped across the ``span`` columns of the tables (a line as long
    as the page is wide would shrink the printed page to fit it), and the print setup."""
    xlsx.fit(ws)
    ws.column_dimensions["A"].width = xlsx.MAX_WIDTH
    width = sum(ws.column_dimensions[get_column_letter(j)].width or 0 for j in range(1, span + 1))
    for r in texts:
        cell = ws.cell(row=r, column=1)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if span > 1:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=span)
        xlsx.fit_height(ws, r, [(str(cell.value), width)])
    xlsx.print_setup(ws, _page(c, lang))


def _page(c: Comparison, lang: str) -> xlsx.Page:
    """How both sheets print: the title and the two exports in the header, landscape."""
    stamp = ", ".join(side_line(side, lang) for side in (c.old, c.new))
    return xlsx.Page(t(lang, "cmp.title"), stamp, t(lang, "wb.page"), landscape=True)


def render(c: Comparison, lang: str) -> bytes:
    """The comparison's workbook as the bytes of an .xlsx file."""
    return xlsx.workbook_bytes(build(c, lang))  # in memory: no temporary file outside the target's folder
