"""LinkedIn's CSV quirks the dialect reader repairs: Comments.csv records split over lines, Shares.csv's
line-wrapped quotes, the ``Notes:`` preamble and the "No … found" placeholder (format reference §2–§5)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

from analyzer.said import Said

_PLACEHOLDER = re.compile(r"^no [a-z ]{1,40} found\.?$", re.IGNORECASE)
_COMMENT_HEADER = ["date", "link", "message"]
_SHARE_TEXT_COLUMNS = {"sharecommentary", "share commentary"}
# unwrap_line_quotes, for a whole column in RE2: a cell whose first line ends and whose last line starts
# with a quote has its line breaks made \n and loses one quote on either side of each break.
_WRAPPED = r'\A[^\r\n]*"(?:\r\n|\r|\n)(?:(?s:.*)(?:\r\n|\r|\n))?"[^\r\n]*\z'
_BREAK_AND_QUOTES = r'"?(?:\r\n|\r|\n)"?'


class LinkedInRepairs:
    """The ``read.table.Repairs`` of LinkedIn exports."""

    unwrap_re2 = (_WRAPPED, _BREAK_AND_QUOTES)

    def splits_records(self, header: Sequence[str]) -> bool:
        return [h.lower() for h in header] == _COMMENT_HEADER

    def joiner(
        self, header: Sequence[str], delimiter: str, backslash: bool
    ) -> tuple[CommentLines, str | None, str] | None:
        if not self.splits_records(header) or delimiter != ",":
            return None
        # 2026 files escape quotes as \" inside quoted messages; older ones double them.
        note = Said("note.comments_repairs.escapes" if backslash else "note.comments_repairs")
        return CommentLines(), "\\" if backslash else None, note

    def joins_short_rows(self, header: Sequence[str]) -> bool:
        return self.splits_records(header)  # CommentLines' rule

    def unwrap_columns(self, header: Sequence[str]) -> list[int]:
        return [i for i, h in enumerate(header) if h.lower() in _SHARE_TEXT_COLUMNS]

    def unwrap(self, cell: str) -> str:
        return unwrap_line_quotes(cell)

    def is_preamble(self, line: str) -> bool:
        return line.strip().lower() == "notes:"

    def is_placeholder(self, line: str) -> bool:
        return _PLACEHOLDER.match(line) is not None


REPAIRS = LinkedInRepairs()


def unwrap_line_quotes(cell: str) -> str:
    """Shares.csv writes each line of multi-line commentary wrapped in quotes; remove them."""
    lines = cell.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(lines) < 2 or not (lines[0].endswith('"') and lines[-1].startswith('"')):
        return cell
    last = len(lines) - 1
    out = []
    for i, line in enumerate(lines):
        if i > 0 and line.startswith('"'):
            line = line[1:]
        if i < last and line.endswith('"'):
            line = line[:-1]
        out.append(line)
    return "\n".join(out)


class CommentLines:
    """Comments.csv: LinkedIn quotes a Message only when it holds a comma or a quote, so a Message with
    nothing but line breaks arrives unquoted over several lines. Such a line can hold neither, so it
    reads as a row of one cell (or none, for an empty line): it continues the previous Message.

    ``join`` takes the rows of one batch and returns the records they complete; the last record is held
    back, since the next batch may continue it, until ``flush``. Runs of whole rows are copied in C.
    """

    def __init__(self) -> None:
        self.record: list[str] | None = None
        self.joined = False

    def join(self, rows: list[list[str]]) -> list[list[str]]:
        out: list[list[str]] = []
        start = 0
        short = list(compress(range(len(rows)), map((3).__gt__, map(len, rows))))  # rows of < 3 cells, in C
        for k in [*short, len(rows)]:
            if k > start:  # rows[start:k] are whole: the held record is complete, each of them starts one
                out += self.flush()
                out += rows[start : k - 1]
                self.record, self.joined = rows[k - 1], False
            if k == len(rows):
                break
            if not self.record:  # nothing yet, or an empty line: nothing to continue, so it starts a record
                out += self.flush()
                self.record, self.joined = rows[k], False
            else:
                self.record[-1] += "\n" + ",".join(rows[k])
                self.joined = True
            start = k + 1
        return out

    def flush(self) -> list[list[str]]:
        if self.record is None:
            return []
        record, self.record = self.record, None
        if self.joined:
            record[-1] = record[-1].rstrip("\n")
        return [record]
