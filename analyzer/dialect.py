"""LinkedIn's CSV dialects and article HTML: encoding sniffing, preambles and repairs → header + records.

Every quirk handled here is documented, with its evidence, in the export format reference
(``shared/reference/linkedin_export_format.md``). Records are logical records: a comment whose
text LinkedIn split over five physical lines is one record.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, compress, islice
from html.parser import HTMLParser
from typing import Callable, Generator, Iterable, Iterator

from analyzer.archive import Member, MiB
from analyzer import columnar
from analyzer.columnar import Columns, RowColumns
from analyzer.errors import ArchiveError

#: Largest single CSV field read (characters). Real resume texts are a few hundred KiB.
FIELD_LIMIT = 16 * MiB
#: Largest article HTML file read into memory.
ARTICLE_LIMIT = 16 * MiB
SNIFF_BYTES = 64 * 1024

#: Longest physical line read; longer ones stop the file with a problem (a quoted field may span lines).
LINE_LIMIT = FIELD_LIMIT

csv.field_size_limit(FIELD_LIMIT)

_PLACEHOLDER = re.compile(r"^no [a-z ]{1,40} found\.?$", re.IGNORECASE)
_COMMENT_HEADER = ["date", "link", "message"]
_SHARE_TEXT_COLUMNS = {"sharecommentary", "share commentary"}

# Undecodable bytes are replaced with U+FFFD and counted; tables are read one at a time.
_replaced = [0]


def _count_and_replace(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    _replaced[0] += exc.end - exc.start
    return "\ufffd", exc.end


codecs.register_error("analyzer-replace", _count_and_replace)


#: Records are handed on in batches of this many, so that the analysis can work column by column in C.
BATCH = 4096


@dataclass
class Table:
    """A header and a stream of record batches. ``problems`` and ``notes`` grow while it is consumed.

    Every record has exactly ``len(header)`` cells. Consume one of ``batches``, ``rows`` or ``columns``, once.
    A table from the fast reader (``fast``) has only ``columns``, which may raise ``columnar.Irregular``.
    """

    header: list[str]
    batches: Iterator[list[list[str]]]
    encoding: str = "utf-8"
    delimiter: str = ","
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    empty_rows: int = 0
    fast_columns: Generator[Columns, None, None] | None = None

    @property
    def rows(self) -> Iterator[list[str]]:
        return chain.from_iterable(self.batches)

    @property
    def fast(self) -> bool:
        return self.fast_columns is not None

    @property
    def columns(self) -> Generator[Columns, None, None]:
        if self.fast_columns is not None:
            return self.fast_columns
        return (RowColumns(batch) for batch in self.batches)


def _empty_rows() -> Iterator[list[list[str]]]:
    return iter(())


def sniff_encoding(head: bytes) -> tuple[str, str | None]:
    """The codec for a file starting with ``head``, and a problem to report when it is not UTF-8.

    Returns ``("binary", problem)`` for data that is not text at all.
    """
    if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16", None  # LinkedIn's legacy family: UTF-16 with BOM, tab-separated
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", None
    sample = head[:512]
    if len(sample) >= 4:
        odd, even = sample[1::2], sample[0::2]
        if odd.count(0) >= 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
            return "utf-16-le", "is UTF-16 without a byte-order mark; read as UTF-16LE"
        if even.count(0) >= 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
            return "utf-16-be", "is UTF-16 without a byte-order mark; read as UTF-16BE"
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13))
    if sample and controls > 0.1 * len(sample):
        return "binary", "is not a text file (binary data); not read"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=False)
        return "utf-8", None
    except UnicodeDecodeError:
        pass
    try:
        head.decode("cp1252")
        return "cp1252", "is not UTF-8; read as Windows-1252 (cp1252), check accented letters"
    except UnicodeDecodeError:
        return "latin-1", "is not UTF-8; read as Latin-1 (ISO 8859-1), check accented letters"


def read_csv(member: Member, fast: bool = False) -> Table:
    """Open one CSV member of a LinkedIn export as a Table; never raises for bad content.

    ``fast``: read it with pyarrow if its dialect is the plain one (see ``columnar``); the table then
    has only ``columns``.
    """
    try:
        with member.open() as raw:
            head = raw.read(SNIFF_BYTES)
    except ArchiveError as exc:
        return Table([], _empty_rows(), problems=[str(exc)])
    encoding, problem = sniff_encoding(head)
    if encoding == "binary":
        return Table([], _empty_rows(), encoding="binary", problems=[f"{member.path}: {problem}"])
    problems = [f"{member.path}: {problem}"] if problem else []
    try:
        raw = member.open()
    except ArchiveError as exc:
        return Table([], _empty_rows(), problems=[str(exc)])
    text = io.TextIOWrapper(raw, encoding=encoding, errors="analyzer-replace", newline="")
    table = Table([], _empty_rows(), encoding=encoding, problems=problems)
    try:
        lines = _LineSource(text, member.path, table)
        header_line = _find_header(lines, table)
    except (UnicodeError, ArchiveError, OSError, EOFError, ValueError) as exc:
        text.close()
        table.problems.append(_read_problem(member.path, exc))
        return table
    if header_line is None:
        text.close()
        return table
    delimiter = "\t" if "\t" in header_line and "," not in header_line else ","
    table.delimiter = delimiter
    header = next(csv.reader([header_line], delimiter=delimiter), [])
    header = [h.strip().lstrip("\ufeff") for h in header]
    if not any(header):
        text.close()
        table.problems.append(f"{member.path}: has no column names (the first line holds only separators); not read")
        return table
    trailing_blank = len(header) > 1 and header[-1] == ""
    if trailing_blank:
        header = header[:-1]
    table.header = header
    if fast and _plain(table, encoding, trailing_blank) and columnar.arrow() is not None:
        text.close()
        unwrap = [i for i, h in enumerate(header) if h.lower() in _SHARE_TEXT_COLUMNS]
        table.fast_columns = columnar.arrow_columns(member, lines.consumed, table, unwrap)
        return table
    table.batches = _records(text, table, member.path, trailing_blank, backslash=b'\\"' in head)
    return table


def _plain(table: Table, encoding: str, trailing_blank: bool) -> bool:
    """True when the file needs none of the dialect reader's repairs, as far as its start tells."""
    return encoding in ("utf-8", "utf-8-sig") and not trailing_blank and plain_header(table.header)


def plain_header(header: Iterable[str]) -> bool:
    """False for the header of Comments.csv, whose records need the dialect reader to be put together."""
    return [h.lower() for h in header] != _COMMENT_HEADER


def _read_problem(path: str, exc: BaseException) -> str:
    if isinstance(exc, ArchiveError):
        return str(exc)
    return f"{path}: could not be read ({exc})"


class _LineSource:
    """Physical lines of a text stream, each read with a length cap so one endless line cannot fill memory."""

    def __init__(self, text: io.TextIOWrapper, path: str, table: Table):
        self._it = self._bounded(text)
        self.path = path
        self.table = table
        self.consumed = 0  # physical lines handed out

    def _bounded(self, text: io.TextIOWrapper) -> Iterator[str]:
        for line in iter(partial(text.readline, LINE_LIMIT + 1), ""):
            if len(line) > LINE_LIMIT:
                self.table.problems.append(
                    f"{self.path}: a line is longer than {LINE_LIMIT // MiB} MiB characters; reading stopped there"
                )
                return
            yield line

    def next(self) -> str | None:
        line = next(self._it, None)
        self.consumed += line is not None
        return line


def _find_header(lines: _LineSource, table: Table) -> str | None:
    """Skip preambles by content (Connections.csv ``Notes:``), return the header line or None."""
    line = lines.next()
    while line is not None and not line.strip():
        line = lines.next()
    if line is not None and line.strip().lower() == "notes:":
        while line is not None and line.strip():
            line = lines.next()
        while line is not None and not line.strip():
            line = lines.next()
        table.notes.append("skipped LinkedIn's 'Notes:' preamble before the header")
    if line is None:
        table.notes.append("the file is empty")
        return None
    stripped = line.strip().lstrip("\ufeff")
    if _PLACEHOLDER.match(stripped) and "," not in stripped and "\t" not in stripped:
        rest = lines.next()
        while rest is not None and not rest.strip():
            rest = lines.next()
        if rest is None:
            table.notes.append(f"LinkedIn wrote “{stripped}” instead of a table: no records")
            return None
        table.problems.append(f"{lines.path}: starts with “{stripped}” but has more text after it; not read")
        return None
    return line


def _records(
    text: io.TextIOWrapper, table: Table, path: str, trailing_blank: bool, backslash: bool = False
) -> Iterator[list[list[str]]]:
    """Yield batches of records of exactly ``len(table.header)`` cells; note every repair and problem."""
    width = len(table.header)
    lowered = [h.lower() for h in table.header]
    # readline with a cap, in C: an endless line cannot fill memory; a cut line shows up as a ragged record.
    lines = iter(partial(text.readline, LINE_LIMIT + 1), "")
    joiner = None
    if lowered == _COMMENT_HEADER and table.delimiter == ",":
        # 2026 files escape quotes as \" inside quoted messages; older ones double them.
        source = csv.reader(lines, escapechar="\\" if backslash else None)
        joiner = _CommentLines()
        table.notes.append("read with the Comments.csv repairs (unquoted line breaks" + (", \\\" escapes)" if backslash else ")"))
    else:
        source = csv.reader(lines, delimiter=table.delimiter)
    unwrap = [i for i, h in enumerate(lowered) if h in _SHARE_TEXT_COLUMNS]
    counts = {"short": 0, "long": 0, "records": 0}
    _replaced[0] = 0
    batch: list[list[str]] = []
    stopped: Callable[[str], str] | None = None  # the problem, once the number of records read is known
    try:
        while True:
            # list.extend keeps every row read before an error, so a failure mid-batch loses nothing.
            batch.extend(islice(source, BATCH))
            if len(batch) < BATCH:
                break
            if joiner:
                batch = joiner.join(batch)
            yield _tidy(batch, width, trailing_blank, unwrap, table, counts)
            batch = []
    except csv.Error as exc:
        reason = f"a field is longer than {FIELD_LIMIT // MiB} MiB characters" if "field limit" in str(exc) else str(exc)
        stopped = lambda n: f"{path}: stopped reading after record {n}: {reason}"  # noqa: E731
    except (UnicodeError, ArchiveError, OSError, EOFError, ValueError) as exc:
        problem = _read_problem(path, exc)
        stopped = lambda n: f"{problem}; stopped after record {n}"  # noqa: E731
    finally:
        text.close()
    if joiner:
        batch = joiner.join(batch) + joiner.flush()
    if stopped:
        table.problems.append(stopped(f"{counts['records'] + len(batch):,}"))
    if batch:
        yield _tidy(batch, width, trailing_blank, unwrap, table, counts)
    if counts["short"]:
        table.problems.append(f"{path}: {counts['short']:,} records had fewer columns than the header (missing cells left empty)")
    if counts["long"]:
        table.problems.append(
            f"{path}: {counts['long']:,} records had more columns than the header (extra cells joined into the last column)"
        )
    if _replaced[0]:
        table.problems.append(
            f"{path}: {_replaced[0]:,} bytes could not be decoded as {table.encoding} and were replaced with �"
        )
    if table.empty_rows:
        table.notes.append(f"{table.empty_rows:,} empty rows skipped")


def _tidy(
    batch: list[list[str]], width: int, trailing_blank: bool, unwrap: list[int], table: Table, counts: dict[str, int]
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
                row[i] = unwrap_line_quotes(row[i])
    counts["records"] += len(batch)
    return batch


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


class _CommentLines:
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
        for k in short + [len(rows)]:
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


# --- Articles/…/*.html -------------------------------------------------------------------------

ARTICLE_HEADER = ["Title", "Created On", "Published On", "Url", "Body"]
_CREATED = re.compile(r"Created on\s+(.+)", re.IGNORECASE)
_PUBLISHED = re.compile(r"Published on\s+(.+)", re.IGNORECASE)


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: list[str] = []
        self.url = ""
        self.created = ""
        self.published = ""
        self.body: list[str] = []
        self._in_h1 = False
        self._p_class = ""
        self._p_text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag in ("script", "style", "head", "title"):
            self._skip += 1
        elif tag == "h1":
            self._in_h1 = True
        elif tag == "a" and self._in_h1 and not self.url:
            self.url = attr.get("href") or ""
        elif tag == "p" and (attr.get("class") or "") in ("created", "published"):
            self._p_class = attr.get("class") or ""
            self._p_text = []
        elif tag in ("p", "br", "li", "div", "h2", "h3"):
            self.body.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "title"):
            self._skip = max(0, self._skip - 1)
        elif tag == "h1":
            self._in_h1 = False
        elif tag == "p" and self._p_class:
            text = " ".join("".join(self._p_text).split())
            pattern = _CREATED if self._p_class == "created" else _PUBLISHED
            match = pattern.search(text)
            value = match.group(1).strip() if match else ""
            if value.strip("- ") == "":
                value = ""
            if self._p_class == "created":
                self.created = value
            else:
                self.published = value
            self._p_class = ""

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in_h1:
            self.title.append(data)
        elif self._p_class:
            self._p_text.append(data)
        else:
            self.body.append(data)


def read_article(member: Member) -> Table:
    """One LinkedIn article (2018 and 2025 layouts) as a one-record Table."""
    table = Table(list(ARTICLE_HEADER), _empty_rows(), encoding="utf-8")
    try:
        with member.open() as raw:
            data = raw.read(ARTICLE_LIMIT + 1)
    except (ArchiveError, OSError, EOFError, ValueError) as exc:
        table.problems.append(_read_problem(member.path, exc))
        return table
    if len(data) > ARTICLE_LIMIT:
        table.problems.append(f"{member.path}: larger than {ARTICLE_LIMIT // MiB} MiB; not read as an article")
        return table
    encoding, problem = sniff_encoding(data[:SNIFF_BYTES])
    if encoding == "binary":
        table.problems.append(f"{member.path}: {problem}")
        return table
    if problem:
        table.problems.append(f"{member.path}: {problem}")
    parser = _ArticleParser()
    try:
        parser.feed(data.decode(encoding, errors="replace"))
        parser.close()
    except (AssertionError, ValueError) as exc:  # html.parser raises these on hopeless markup
        table.problems.append(f"{member.path}: the HTML could not be parsed ({exc})")
        return table
    title = " ".join("".join(parser.title).split())
    body = " ".join(" ".join(parser.body).split())
    table.batches = iter([[[title, parser.created, parser.published, parser.url, body]]])
    return table
