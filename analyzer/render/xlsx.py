"""Cells and sheets for the workbook: archive text made safe, tables with a styled header, print setup."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

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


# What XML 1.0 forbids: openpyxl's controls, and the non-characters and lone surrogates it lets through
# (a cell holding one is a workbook neither Excel nor openpyxl can open).
_ILLEGAL = re.compile(f"{ILLEGAL_CHARACTERS_RE.pattern}|[\ud800-\udfff\ufffe\uffff]")


def workbook_bytes(wb: Workbook) -> bytes:
    """The .xlsx file of ``wb``, built in memory: openpyxl's own ``save`` writes every sheet to a file in
    $TMPDIR first, which a killed run leaves behind (with the member's posts, under --include-content)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        wb.properties.modified = datetime.now(tz=UTC).replace(tzinfo=None)
        _InMemory(wb, archive).save()
    return buffer.getvalue()


class _InMemory(ExcelWriter):  # openpyxl's writer, with each sheet's XML in memory
    def __init__(self, wb: Workbook, archive: zipfile.ZipFile):
        super().__init__(wb, archive)
        self.zip = archive

    def write_worksheet(self, ws: Any) -> None:  # openpyxl's own, but into a BytesIO instead of a file
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer: Any = WorksheetWriter(ws, out=io.BytesIO())
        writer.write()
        ws._rels = writer._rels
        self.zip.writestr(ws.path[1:], writer.read())
        self.manifest.append(ws)


def safe_text(value: str) -> str:
    """Archive text as a harmless cell: no XML-illegal characters, no formula, within Excel's limit."""
    text = _ILLEGAL.sub("\ufffd", value)
    if text.startswith(_FORMULA_START):
        text = "'" + text
    if len(text) > EXCEL_CELL_LIMIT:
        marker = f" … [cut: {len(text) - EXCEL_CELL_LIMIT + 40:,} more characters]"
        text = text[: EXCEL_CELL_LIMIT - len(marker)] + marker
    return text


def safe_sheet_name(name: str, taken: Iterable[str] = ()) -> str:
    """Within Excel's 31 characters, without []:*?/\\, not blank, unique (case-insensitively)."""
    base = _SHEET_FORBIDDEN.sub("_", _ILLEGAL.sub("", name)).strip().strip("'") or "Sheet"
    base = base[:SHEET_NAME_LIMIT]
    existing = {t.lower() for t in taken}
    candidate, n = base, 2
    while candidate.lower() in existing:
        suffix = f" ({n})"
        candidate = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix
        n += 1
    return candidate


def put(ws: Worksheet, row: int, col: int, value: Any) -> AnyCell:
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        cell.value = safe_text(value)
        cell.data_type = "s"
    else:
        cell.value = value
        if isinstance(value, int) and not isinstance(value, bool):
            cell.number_format = "#,##0"
    return cell


def table(ws: Worksheet, headers: list[str], rows: Iterable[list[Any]], start: int = 1) -> int:
    """Header row plus rows; returns the last row written."""
    for j, header in enumerate(headers, start=1):
        cell = put(ws, start, j, header)
        cell.font = BOLD
        cell.fill = HEADER_FILL
    r = start
    for r, row in enumerate(rows, start=start + 1):
        for j, value in enumerate(row, start=1):
            put(ws, r, j, value)
    return r


def finish(ws: Worksheet, header_row: int = 1, last_row: int | None = None, filters: bool = True) -> None:
    """Frozen header, autofilter, fitted widths, landscape print fitted to the page width."""
    ws.freeze_panes = f"A{header_row + 1}"
    last = last_row or ws.max_row
    if filters and ws.max_column and last > header_row:
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(ws.max_column)}{last}"
    fit(ws)
    print_setup(ws)
    ws.print_title_rows = f"{header_row}:{header_row}"


def print_setup(ws: Worksheet) -> None:
    """Landscape, fitted to the page width, as many pages long as needed."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def fit(ws: Worksheet) -> None:
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


def status_cell(cell: AnyCell, status: str) -> None:
    cell.fill = PatternFill("solid", fgColor=STATUS_FILL[status])


def link(cell: AnyCell, url: str) -> None:
    if url.startswith(("https://", "http://")):
        cell.hyperlink = url
        cell.font = LINK
