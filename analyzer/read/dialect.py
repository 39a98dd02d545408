"""The dialect reader: every CSV file, whatever its encoding, preamble or damage → header + records.

Every quirk handled here is documented, with its evidence, in the export format reference
(``shared/reference/linkedin_export_format.md``); what is particular to one platform's files comes in
as its ``Repairs``. Records are logical records: a comment whose text LinkedIn split over five
physical lines is one record.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Generator, Iterator
from functools import partial
from itertools import islice

from analyzer.archive import Member
from analyzer.errors import ArchiveError
from analyzer.limits import MiB
from analyzer.read import encoding
from analyzer.read.encoding import sniff_encoding
from analyzer.read.table import (
    BATCH,
    FIELD_LIMIT,
    LINE_LIMIT,
    NO_REPAIRS,
    SNIFF_BYTES,
    Columns,
    Repairs,
    Table,
    empty_batches,
    empty_rows,
    read_problem,
)
from analyzer.said import Said, at

csv.field_size_limit(FIELD_LIMIT)

#: Reads the records of a plain file after its first N physical lines (``arrow.arrow_columns``).
FastReader = Callable[[Member, int, Table, Repairs], Generator[Columns, None, None]]


def read_csv(member: Member, repairs: Repairs = NO_REPAIRS, fast: FastReader | None = None) -> Table:
    """Open one CSV member as a Table, with the platform's ``repairs``; never raises for bad content.

    ``fast``: the reader to hand the records to when the file's start shows the plain dialect (UTF-8,
    nothing to repair); the table then has only ``columns``. ``read.open_table`` decides whether to offer it.
    """
    try:
        with member.open() as raw:
            head = raw.read(SNIFF_BYTES)
    except ArchiveError as exc:
        return Table([], empty_batches(), problems=[read_problem(member.path, exc)])
    codec, problem = sniff_encoding(head)
    if codec == "binary":
        return Table([], empty_batches(), encoding="binary", problems=[at(member.path, problem or "")])
    problems: list[str] = [at(member.path, problem)] if problem else []
    try:  # a member shorter than the sniff was read whole (and its CRC-32 checked): it is not opened again
        raw = io.BytesIO(head) if len(head) < SNIFF_BYTES else member.open()
    except ArchiveError as exc:
        return Table([], empty_batches(), problems=[read_problem(member.path, exc)])
    text = io.TextIOWrapper(raw, encoding=codec, errors="analyzer-replace", newline="")
    table = Table([], empty_batches(), encoding=codec, problems=problems)
    try:
        lines = _LineSource(text, member.path, table, repairs)
        header_line = _find_header(lines, table)
    except (UnicodeError, ArchiveError, OSError, EOFError, ValueError) as exc:
        text.close()
        table.problems.append(read_problem(member.path, exc))
        return table
    if header_line is None:
        text.close()
        return table
    delimiter = "\t" if "\t" in header_line and "," not in header_line else ","
    table.delimiter = delimiter
    header = next(csv.reader([header_line], delimiter=delimiter), [])
    header = [h.strip().lstrip("\ufeff") for h in header]
    if len(header) > member.max_columns:
        text.close()
        table.problems.append(
            Said("problem.too_many_columns", path=member.path, count=len(header), limit=member.max_columns)
        )
        return table
    if not any(header):
        text.close()
        table.problems.append(Said("problem.no_column_names", path=member.path))
        return table
    trailing_blank = len(header) > 1 and header[-1] == ""
    if trailing_blank:
        header = header[:-1]
    if len(header) > 1 and header[0] == "":
        table.problems.append(Said("problem.unnamed_first_column", path=member.path))
    table.header = header
    table.backslash = b'\\"' in head
    if fast is not None and _plain(table, codec, trailing_blank, repairs):
        text.close()
        table.fast_columns = fast(member, lines.consumed, table, repairs)
        return table
    table.batches = _records(text, table, member.path, trailing_blank, repairs, table.backslash)
    return table


def _plain(table: Table, encoding: str, trailing_blank: bool, repairs: Repairs) -> bool:
    """True when the file needs none of the dialect reader's repairs but the joins the fast reader makes too,
    as far as its start tells."""
    header, delimiter = table.header, table.delimiter
    joined = repairs.splits_records(header) and not (repairs.joins_short_rows(header) and delimiter == ",")
    return encoding in ("utf-8", "utf-8-sig") and not trailing_blank and not joined


class _LineSource:
    """Physical lines of a text stream, each read with a length cap so one endless line cannot fill memory."""

    def __init__(self, text: io.TextIOWrapper, path: str, table: Table, repairs: Repairs):
        self._it = self._bounded(text)
        self.path = path
        self.table = table
        self.repairs = repairs
        self.consumed = 0  # physical lines handed out

    def _bounded(self, text: io.TextIOWrapper) -> Iterator[str]:
        for line in iter(partial(text.readline, LINE_LIMIT + 1), ""):
            if len(line) > LINE_LIMIT:
                self.table.problems.append(Said("problem.long_line", path=self.path, limit=LINE_LIMIT // MiB))
                return
            yield line

    def next(self) -> str | None:
        line = next(self._it, None)
        self.consumed += line is not None
        return line


def _find_header(lines: _LineSource, table: Table) -> str | None:
    """Skip the platform's preamble by content (LinkedIn's ``Notes:``), return the header line or None."""
    line = lines.next()
    while line is not None and not line.strip():
        line = lines.next()
    if line is not None and lines.repairs.is_preamble(line):
        while line is not None and line.strip():
            line = lines.next()
        while line is not None and not line.strip():
            line = lines.next()
        table.notes.append(Said("note.preamble"))
    if line is None:
        table.notes.append(Said("note.empty"))
        return None
    stripped = line.strip().lstrip("\ufeff")
    if lines.repairs.is_placeholder(stripped) and "," not in stripped and "\t" not in stripped:
        rest = lines.next()
        while rest is not None and not rest.strip():
            rest = lines.next()
        if rest is None:
            table.notes.append(Said("note.placeholder", text=stripped))
            return None
        table.problems.append(Said("problem.placeholder_and_more", path=lines.path, text=stripped))
        return None
    return line


def _records(
    text: io.TextIOWrapper, table: Table, path: str, trailing_blank: bool, repairs: Repairs, backslash: bool = False
) -> Iterator[list[list[str]]]:
    """Yield batches of records of exactly ``len(table.header)`` cells; note every repair and problem."""
    width = len(table.header)
    # readline with a cap, in C: an endless line cannot fill memory; a cut line shows up as a ragged record.
    lines = iter(partial(text.readline, LINE_LIMIT + 1), "")
    joining = repairs.joiner(table.header, table.delimiter, backslash)
    joiner = None
    if joining is not None:
        joiner, escapechar, note = joining
        source = csv.reader(lines, escapechar=escapechar)
        table.notes.append(note)
    else:
        source = csv.reader(lines, delimiter=table.delimiter)
    unwrap = repairs.unwrap_columns(table.header)
    counts = {"short": 0, "long": 0, "records": 0}
    encoding.replaced[0] = 0
    batch: list[list[str]] = []
    stopped: Callable[..., Said] | None = None  # the problem, once the number of records read is known
    try:
        while True:
            # list.extend keeps every row read before an error, so a failure mid-batch loses nothing.
            batch.extend(islice(source, BATCH))
            if len(batch) < BATCH:
                break
            if joiner:
                batch = joiner.join(batch)
            yield _tidy(batch, width, trailing_blank, unwrap, repairs, table, counts)
            batch = []
    except csv.Error as exc:
        reason = Said("problem.long_field", limit=FIELD_LIMIT // MiB) if "field limit" in str(exc) else str(exc)
        stopped = partial(Said, "problem.stopped", path=path, reason=reason)
    except (UnicodeError, ArchiveError, OSError, EOFError, ValueError) as exc:
        problem = read_problem(path, exc)
        stopped = partial(Said, "problem.stopped_after", problem=problem)
    finally:
        text.close()
    if joiner:
        batch = joiner.join(batch) + joiner.flush()
    if stopped:
        table.problems.append(stopped(count=counts["records"] + len(batch)))
    if batch:
        yield _tidy(batch, width, trailing_blank, unwrap, repairs, table, counts)
    if counts["short"]:
        table.problems.append(Said("problem.short_records", path=path, count=counts["short"]))
    if counts["long"]:
        table.problems.append(Said("problem.long_records", path=path, count=counts["long"]))
    if encoding.replaced[0]:
        table.problems.append(
            Said("problem.replaced_bytes", path=path, count=encoding.replaced[0], encoding=table.encoding)
        )
    if table.empty_rows:
        table.notes.append(empty_rows(table.empty_rows))


def _tidy(
    batch: list[list[str]],
    width: int,
    trailing_blank: bool,
    unwrap: list[int],
    repairs: Repairs,
    table: Table,
    counts: dict[str, int],
) -> list[list[str]]:
    """Drop empty rows and make every row ``width`` cells; cheap when nothing needs fixing (the usual case)."""
    if trailing_blank:
        for row in batch:
            if len(row) == width + 1 and not row[-1]:
                row.pop()
    if not all(map(any, batch)):
        kept = [row for row in batch if any(row)]
        table.empty_rows += len(batch) - len(kept)
        batch = kept
    if set(map(len, batch)) - {width}:
        for row in batch:
            if len(row) < width:
                counts["short"] += 1
                row.extend([""] * (width - len(row)))
            elif len(row) > width:
                counts["long"] += 1
                row[width - 1 :] = [",".join(row[width - 1 :])]
    for i in unwrap:
        for row in batch:
            if "\n" in row[i] or "\r" in row[i]:
                row[i] = repairs.unwrap(row[i])
    counts["records"] += len(batch)
    return batch
