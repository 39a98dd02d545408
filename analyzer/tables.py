"""The batch's two tables, and writing them as CSV, Excel or Parquet (atomically, never half a file)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from analyzer.errors import OutputError, UsageError
from analyzer.frozen import frozen
from analyzer.model import REPORT_STATUSES
from analyzer.output import check_target, write_atomic

#: Columns of the per-category table; the per-file table shares the first EXPORT_COLUMNS.
EXPORT_COLUMNS = ("export", "file", "kind", "export_date", "region", "error")
IDENTIFIERS = ("member_name", "member_email", "member_profile_url")
STATUS_COLUMNS = tuple(f"{s}_{what}" for s in REPORT_STATUSES for what in ("records", "data_points"))
CATEGORY_COLUMNS = (
    *EXPORT_COLUMNS, *STATUS_COLUMNS, "problems", "category", "category_label", "status", "confidence",
    "datasets", "records", "data_points", "words", "first_date", "last_date",
)  # fmt: skip
FILE_COLUMNS = (
    *EXPORT_COLUMNS, "dataset", "category", "status", "confidence", "members", "records", "data_points", "words",
    "first_date", "last_date", "problems",
)  # fmt: skip


@frozen
class Tables:
    """The batch's result: rows of plain values (str, int, None), in the order the exports were given."""

    categories: tuple[dict[str, Any], ...]
    files: tuple[dict[str, Any], ...]
    keep_identifiers: bool

    @property
    def category_columns(self) -> tuple[str, ...]:
        return CATEGORY_COLUMNS + (IDENTIFIERS if self.keep_identifiers else ())

    @property
    def file_columns(self) -> tuple[str, ...]:
        return FILE_COLUMNS + (IDENTIFIERS if self.keep_identifiers else ())


FORMATS = (".csv", ".xlsx", ".parquet")


def targets(out: Path) -> list[Path]:
    """Where ``write`` puts the tables: one workbook with two sheets, or two files (``NAME.files.csv``)."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(f"--out {out}: the name must end in {', '.join(FORMATS)}")
    return [out] if suffix == ".xlsx" else [out, out.with_name(f"{out.stem}.files{out.suffix}")]


def check(out: Path, force: bool, reads: Sequence[Path]) -> None:
    """Fail before any export is read when an output cannot be written, is one of the exports ``reads``
    (or parquet has no pyarrow)."""
    for target in targets(out):
        check_target(target, force, reads)
    if out.suffix.lower() == ".parquet":
        _parquet()


def write(tables: Tables, out: Path, force: bool, reads: Sequence[Path]) -> list[Path]:
    """Write the tables (never over one of the exports ``reads``); returns the files written."""
    written = targets(out)
    suffix = out.suffix.lower()
    if suffix == ".xlsx":
        data = _xlsx(tables)
        write_atomic(out, partial(_write, data), force, reads)
        return written
    both = ((tables.categories, tables.category_columns), (tables.files, tables.file_columns))
    for target, (rows, columns) in zip(written, both, strict=True):
        data = _csv(rows, columns) if suffix == ".csv" else _parquet_bytes(rows, columns)
        write_atomic(target, partial(_write, data), force, reads)
    return written


def _write(data: bytes, handle: BinaryIO) -> None:
    handle.write(data)


def _csv(rows: tuple[dict[str, Any], ...], columns: tuple[str, ...]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([("" if row.get(c) is None else row.get(c)) for c in columns] for row in rows)
    return text.getvalue().encode("utf-8")


def _xlsx(tables: Tables) -> bytes:
    from openpyxl import Workbook

    from analyzer.render.xlsx import safe_text, workbook_bytes

    wb = Workbook()
    sheets = ((wb.active, "Categories", tables.categories, tables.category_columns),
              (wb.create_sheet(), "Files", tables.files, tables.file_columns))  # fmt: skip
    for ws, title, rows, columns in sheets:
        assert ws is not None
        ws.title = title
        ws.append(list(columns))
        for row in rows:
            ws.append([safe_text(v) if isinstance(v, str) else v for v in (row.get(c) for c in columns)])
        ws.freeze_panes = "A2"
    return workbook_bytes(wb)


def _parquet() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise OutputError("Parquet needs pyarrow (pip install pyarrow); or write .csv or .xlsx") from None
    return pyarrow


def _parquet_bytes(rows: tuple[dict[str, Any], ...], columns: tuple[str, ...]) -> bytes:
    pa = _parquet()
    table = pa.table({c: [row.get(c) for row in rows] for c in columns})
    buffer = pa.BufferOutputStream()
    pa.parquet.write_table(table, buffer)
    return bytes(buffer.getvalue().to_pybytes())
