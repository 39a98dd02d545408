"""Cells and sheets for the workbook: archive text made safe, tables with a styled header, print setup."""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from analyzer.frozen import frozen

EXCEL_CELL_LIMIT = 32_767
SHEET_NAME_LIMIT = 31
MAX_WIDTH = 60
#: A bold character's width in column-width units (the width of a normal "0"), generously; and the filter button's.
BOLD_CHARACTER = 1.2
HEADER_PADDING = 3
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
AnyCell = Cell | MergedCell

#: The HTML report's colours (render/html.py COLOUR), so that a status looks the same in every document.
CHART_COLOUR = {"used": "C00000", "unclear": "8A6700", "excluded": "3F6B27", "unmapped": "767676"}
#: Records before the policy start: the used colour, lighter.
BEFORE_COLOUR = "E8A0A0"
DATE_FORMAT = {"en": "d mmm yyyy", "de": "dd.mm.yyyy"}
STATUS_FILL = {"used": "FFC7CE", "unclear": "FFEB9C", "excluded": "C6EFCE", "unmapped": "EDEDED"}
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
BOLD = Font(bold=True)
LINK = Font(color="0563C1", underline="single")
TOP = Alignment(vertical="top")


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
    """Within Excel's 31 characters (cut after a whole word, marked "…"), without []:*?/\\, not blank, unique
    (case-insensitively)."""
    base = _SHEET_FORBIDDEN.sub("_", _ILLEGAL.sub("", name)).strip().strip("'") or "Sheet"
    if len(base) > SHEET_NAME_LIMIT:
        cut = base[: SHEET_NAME_LIMIT - 1]
        if (
            not cut.endswith(" ") and base[len(cut)] != " " and " " in cut.strip()
        ):  # the cut falls inside a word: leave that word out
            cut = cut[: cut.rstrip().rfind(" ")]
        base = cut.rstrip(" ,;–-") + "…"
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
            put(ws, r, j, value).alignment = TOP  # a row grown for wrapped text reads from its top
    return r


@frozen
class Page:
    """How a sheet prints: the header's title and date, the footer's page numbers, the orientation."""

    title: str
    date: str
    pages: str  # "Page &P of &N", in the workbook's language
    landscape: bool = False
    wide: int = 1  # pages side by side (a sheet of many columns prints on two, its first column repeated)


def finish(ws: Worksheet, page: Page, header_row: int = 1, last_row: int | None = None, filters: bool = True,
           widths: dict[str, float] | None = None) -> None:  # fmt: skip
    """Frozen header, autofilter, fitted (or given) widths, the print setup with the header row repeated."""
    ws.freeze_panes = f"A{header_row + 1}"
    last = last_row or ws.max_row
    if filters and ws.max_column and last > header_row:
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(ws.max_column)}{last}"
    fit(ws)
    for col, width in (widths or {}).items():
        ws.column_dimensions[col].width = width
    for cell in ws[header_row]:  # a header wraps between its words, never inside one ("Verlässlich-keit")
        if isinstance(cell.value, str) and cell.value:
            dimension = ws.column_dimensions[get_column_letter(cell.column)]
            dimension.width = max(dimension.width or 0, header_width(cell.value))
    print_setup(ws, page)
    ws.print_title_rows = f"{header_row}:{header_row}"
    if page.wide > 1:
        ws.print_title_cols = "A:A"


def print_setup(ws: Worksheet, page: Page) -> None:
    """A4 in the page's orientation, fitted to its width, as many pages long as needed; header and footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if page.landscape else "portrait"
    ws.page_setup.fitToWidth = page.wide
    ws.page_setup.fitToHeight = 0
    ws.page_setup.pageOrder = "overThenDown"  # a sheet two pages wide prints each band of rows side by side
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.6, right=0.6, top=0.8, bottom=0.8, header=0.35, footer=0.35)
    ws.print_options.horizontalCentered = False
    header, footer = ws.oddHeader, ws.oddFooter
    assert header is not None and footer is not None  # a new worksheet has both
    for part, text in ((header.left, _header_text(page.title)), (header.right, _header_text(page.date)),
                       (footer.left, "&A"), (footer.right, page.pages)):  # fmt: skip
        assert part is not None
        part.text = text
        part.size = 9


def header_width(text: str) -> float:
    """The width a bold header cell needs for its longest word on one line, with room for the filter button."""
    return round(max(len(word) for word in text.split()) * BOLD_CHARACTER + HEADER_PADDING, 1)


def _header_text(text: str) -> str:
    """Text for a print header: "&" starts a code there, so a literal one is doubled."""
    return text.replace("&", "&&")


def wrap(cell: AnyCell, bold: bool = False) -> AnyCell:
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if bold:
        cell.font = BOLD
    return cell


def lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a wrapped cell ``width`` characters wide (a generous estimate)."""
    per_line = max(1, int(width * 1.1))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def fit_height(ws: Worksheet, row: int, texts: Iterable[tuple[str, float]]) -> None:
    """Make ``row`` tall enough for each (text, width of its cell) when wrapped."""
    needed = max((lines(text, width) for text, width in texts), default=1)
    ws.row_dimensions[row].height = max(15, 15 * needed + 3)


def date_cell(cell: AnyCell, value: date | None, lang: str) -> None:
    """A real date (sortable), shown as the language writes dates."""
    cell.value = value
    if value is not None:
        cell.number_format = DATE_FORMAT[lang]


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
