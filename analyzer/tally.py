"""Running figures of one dataset: each member file is fed to a part tally, which is merged when the read
succeeds and thrown away when the fast reader gives the file back. One pass, a batch at a time, column
by column; nothing loops over cells in Python."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple, Protocol

from analyzer import pieces
from analyzer.archive import Member
from analyzer.contacts import find_contacts
from analyzer.datecount import PENDING_LIMIT, DateColumn, DateFigures, DateSplit
from analyzer.frozen import frozen
from analyzer.identity import Key, Layout, Records
from analyzer.mapping import Dataset
from analyzer.model import CONTACT_KINDS, ColumnFigures, ContactHit, ContentRow, DatasetFigures, Drift, Text, YearCount
from analyzer.read import Columns, Repairs, Table, read_member
from analyzer.said import Said, at

#: How a spreadsheet program rewrites dates when it saves a CSV again (``17-Mar-24``): not LinkedIn's output.
_SPREADSHEET_DATE = re.compile(r"\d{1,2}-[A-Za-z]{3}-\d{2}")
#: --include-content keeps at most this many exposed records, each text cut at CONTENT_CHARS.
CONTENT_LIMIT = 50_000
CONTENT_CHARS = 2_000


class FactCollector(Protocol):
    """Reads a member fact (an e-mail address, a profile URL) from a dataset's batches; the platform
    names which collectors a file gets (``platforms/linkedin/facts.py``)."""

    def feed(self, header: list[str], batch: Any) -> bool:
        """Look at one batch; True once the fact is found (or cannot be) and no more batches are needed."""

    def found(self) -> list[tuple[str, int, str]]:
        """(fact, rank, value) for what was found; of several, the lowest rank wins."""


@frozen
class Context:
    """What every dataset's tally needs to know, fixed before the tallies start."""

    member_name: str = ""  # stands for {member} in the mapping's authored_when
    region: str | None = None  # the member's region: a dataset may be labelled differently there
    split: DateSplit = field(default_factory=DateSplit)
    show_values: bool = False
    include_content: bool = False
    keep_first_record: bool = False  # for the dataset that holds the member facts
    #: Noted where the mapping tells the member's own records by their name, but the export lacks it.
    unnamed_note: str = Said("note.unnamed")
    collectors: Callable[[str, str, str], list[FactCollector]] = field(default=lambda dataset, path, name: [])
    #: For ``compare``: every record's identity is kept, by these keys per dataset (None: not kept).
    keys: dict[str, Key] | None = None
    record_days: bool = True  # with ``keys``: each record's day too
    #: With ``keys``: where a part's records go ahead while its file is read (``pieces.py``; None: kept).
    ahead: pieces.Ahead | None = None


class Feed(NamedTuple):
    """Folds the batches of one member file into a tally (``add``), then what is left (``end``)."""

    add: Callable[[Columns], None]
    end: Callable[[], None]


@frozen
class DatasetResult:
    """A dataset's figures and what else its records gave: contact details, content, member facts."""

    figures: DatasetFigures
    contacts: tuple[ContactHit, ...]
    content: tuple[ContentRow, ...]
    content_cut: int
    facts: tuple[tuple[str, int, str], ...]
    first_record: dict[str, str] | None
    records: Records | None = None  # each record's identity, when the context asks for them


@dataclass
class DatasetTally:
    """The running figures of one dataset (or of one of its member files: a part)."""

    dataset: Dataset
    context: Context
    header: list[str] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)
    placeholders: list[int] = field(default_factory=list)
    records: int = 0
    words: int = 0
    dates: DateFigures = field(default_factory=DateFigures)
    contact_counts: Counter[str] = field(default_factory=Counter)
    contact_values: dict[str, list[str]] = field(default_factory=dict)
    content: list[ContentRow] = field(default_factory=list)
    content_cut: int = 0
    facts: list[tuple[str, int, str]] = field(default_factory=list)
    first_record: dict[str, str] | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    identities: Records | None = None

    def __post_init__(self) -> None:
        if self.context.keys is not None and self.identities is None:
            self.identities = Records()

    def part(self) -> DatasetTally:
        """An empty tally for the next member file, expecting the header the dataset has so far."""
        width = len(self.header)
        return DatasetTally(
            self.dataset, self.context, header=list(self.header), counts=[0] * width, placeholders=[0] * width
        )

    def feed(self, member: Member, table: Table) -> None:
        """Fold one member's table into the figures, a batch at a time and column by column."""
        feed = self.feeding(member, table.header)
        # closing: a fast table stopped early (an error, Ctrl-C) lets pyarrow's reading thread finish first
        with closing(table.columns) as batches:
            for batch in batches:
                if feed is not None:
                    feed.add(batch)
        if feed is not None:
            feed.end()

    def feeding(self, member: Member, header: list[str]) -> Feed | None:
        """What folds the batches of one member file with this header into the figures; None when its records
        do not count (no header, or another one than the dataset's): its batches are then only read."""
        if not header:
            return None
        if not self.header:
            self.header = list(header)
            self.counts = [0] * len(header)
            self.placeholders = [0] * len(header)
        elif [h.lower() for h in header] != [h.lower() for h in self.header]:
            self.problems.append(Said("problem.header_differs", path=member.path, header=repr(self.header)))
            return None
        return self._feed(member, header)

    def _feed(self, member: Member, header: list[str]) -> Feed:
        dataset, ctx = self.dataset, self.context
        roles = [dataset.role(h) for h in header]
        date_cols = [i for i, r in enumerate(roles) if r == "date"]
        text_cols = [i for i, r in enumerate(roles) if r == "authored_text"]
        link_col = next((i for i, r in enumerate(roles) if r == "url"), None)
        stand_ins = {i: v for i, h in enumerate(header) if (v := dataset.placeholders_for(h))}
        author = self._author_column(header)
        scan_contacts = dataset.status == "used" and bool(text_cols)
        keep_content = ctx.include_content and dataset.status == "used"
        collectors = ctx.collectors(dataset.name, member.path, ctx.member_name)
        looking = list(collectors)
        counts = self.counts
        pending = {i: DateColumn() for i in date_cols}
        identify = self._identify(header, date_cols, text_cols, author, stand_ins)

        def add(batch: Columns) -> None:
            nonlocal looking
            if not len(batch):
                return
            if ctx.keep_first_record and self.first_record is None:
                self.first_record = {h.lower(): v for h, v in zip(header, batch.rows()[0], strict=True)}
            self.records += len(batch)
            for i, filled in enumerate(batch.filled()):
                counts[i] += filled
            for i, values in stand_ins.items():
                found = batch.count_values(i, values, None).total()
                counts[i] -= found
                self.placeholders[i] += found
            for i, column in pending.items():
                column.add(batch, i)
                if column.held() > PENDING_LIMIT:
                    self.dates.fold(column.take(), ctx.split, primary=i == date_cols[0])
            # Records kept for ``compare`` have their own words counted with them (the same count, per record).
            own_words = identify(batch) if identify is not None else None
            if text_cols:
                mask = None if author is None else batch.mine(*author)
                for i in text_cols:
                    if own_words is None:
                        self.words += batch.words(i, mask)
                    if own_words is None and i in stand_ins:  # a placeholder is no word the member wrote
                        placeholders = batch.count_values(i, stand_ins[i], mask)
                        self.words -= sum(n * len(v.split()) for v, n in placeholders.items())
                    if scan_contacts:
                        self._contacts(batch.contact_text(i, mask))
                self.words += own_words or 0
            if keep_content:
                primary = date_cols[0] if date_cols else None
                for row in batch.rows():
                    self._keep(row, primary, text_cols, link_col)
            if looking:
                looking = [c for c in looking if not c.feed(header, batch)]

        def end() -> None:
            for i, column in pending.items():
                self.dates.fold(column.take(), ctx.split, primary=i == date_cols[0])
            for collector in collectors:
                self.facts += collector.found()

        return Feed(add, end)

    def _identify(
        self,
        header: list[str],
        date_cols: list[int],
        text_cols: list[int],
        author: tuple[int, str] | None,
        stand_ins: dict[int, frozenset[str]],
    ) -> Callable[[Any], int] | None:
        """What keeps each record's identity (``identity.py``) and returns the batch's own words, when the
        context asks for identities."""
        records, keys = self.identities, self.context.keys
        if records is None or keys is None:
            return None
        key = keys.get(self.dataset.name) or Key((), False)
        date_col = date_cols[0] if date_cols and self.context.record_days else None
        layout = Layout(key.where(self.dataset, header), date_col, text_cols, author, stand_ins)
        return pieces.collecting(records, layout, self.dataset.name, self.context.ahead)

    def _contacts(self, text: str) -> None:
        for kind, value in find_contacts(text):
            self.contact_counts[kind] += 1
            if self.context.show_values:
                self.contact_values.setdefault(kind, []).append(value)

    def _keep(self, row: list[str], primary: int | None, text_cols: list[int], link: int | None) -> None:
        if len(self.content) >= CONTENT_LIMIT:
            self.content_cut += 1
            return
        text = "\n".join(row[i] for i in text_cols if row[i].strip())
        if len(text) > CONTENT_CHARS:
            text = text[:CONTENT_CHARS] + " …"
        date = row[primary] if primary is not None else ""
        self.content.append(
            ContentRow(self.dataset.name, self.dataset.category.key, date, text, row[link] if link is not None else "")
        )

    def _author_column(self, header: list[str]) -> tuple[int, str] | None:
        """Which column tells the member's own records (FROM = the member, Direction = OUTGOING); None: all are.

        Returns (column index, wanted value lower-cased); an empty wanted value means none can be told apart.
        """
        if not self.dataset.authored_when:
            return None
        lowered = [h.lower() for h in header]
        name = self.context.member_name
        blocked = None
        for cond in self.dataset.authored_when:
            if cond.column.lower() not in lowered:
                continue
            index = lowered.index(cond.column.lower())
            if "{member}" in cond.equals and not name:
                blocked = index
                continue
            return index, cond.equals.replace("{member}", name).strip().lower()
        if blocked is not None:
            self.notes.append(self.context.unnamed_note)
            return blocked, ""
        return None

    def take(self, part: DatasetTally, member: Member, table: Table) -> None:
        """Merge the part a member file was read into, with the problems and notes of its table."""
        part.problems += table.problems
        part.notes += [at(member.path, n) for n in table.notes]
        self.merge(part)

    def merge(self, other: DatasetTally) -> None:
        """Add a part's figures (a member file read to its end)."""
        if not self.header:
            self.header, self.counts, self.placeholders = other.header, other.counts, other.placeholders
        elif other.counts:
            self.counts = [a + b for a, b in zip(self.counts, other.counts, strict=True)]
            self.placeholders = [a + b for a, b in zip(self.placeholders, other.placeholders, strict=True)]
        self.records += other.records
        self.words += other.words
        self.dates.merge(other.dates)
        self.contact_counts += other.contact_counts
        for kind, values in other.contact_values.items():
            self.contact_values.setdefault(kind, []).extend(values)
        room = CONTENT_LIMIT - len(self.content)
        self.content += other.content[:room]
        self.content_cut += other.content_cut + max(0, len(other.content) - room)
        self.facts += other.facts
        if self.first_record is None:
            self.first_record = other.first_record
        self.problems += other.problems
        self.notes += other.notes
        if self.identities is not None and other.identities is not None:
            self.identities.extend(other.identities)

    def result(self, members: list[Member]) -> DatasetResult:
        hits = tuple(
            ContactHit(self.dataset.name, kind, self.contact_counts[kind], tuple(self.contact_values.get(kind, ())))
            for kind in CONTACT_KINDS
            if self.contact_counts[kind]
        )
        return DatasetResult(
            self.figures(members),
            hits,
            tuple(self.content),
            self.content_cut,
            tuple(self.facts),
            self.first_record,
            self.identities,
        )

    def figures(self, members: list[Member]) -> DatasetFigures:
        dataset, dates = self.dataset, self.dates
        problems = list(self.problems)
        if dates.bad_dates:
            sample = dates.unreadable_sample.strip()
            name = Text(dataset.name, dataset.name_in("de"))
            if _SPREADSHEET_DATE.fullmatch(sample):
                problems.append(Said("problem.bad_dates.spreadsheet", name=name, count=dates.bad_dates, sample=sample))
            else:
                problems.append(Said("problem.bad_dates", name=name, count=dates.bad_dates))
        return DatasetFigures(
            name=dataset.name,
            name_de=dataset.name_de,
            members=tuple(m.path for m in members),
            more_parts=max(0, len(members) - 1) if dataset.format == "csv" else 0,
            category=dataset.category.key,
            category_label=dataset.category.label,
            status=dataset.status,
            confidence=dataset.confidence,
            reason=dataset.reason,
            sources=dataset.sources,
            description=dataset.description,
            unit=dataset.unit,
            records=self.records,
            data_points=sum(self.counts),
            words=self.words,
            first_date=dates.first,
            last_date=dates.last,
            per_year=tuple(YearCount(y, dates.years[y], dates.before[y], dates.after[y]) for y in sorted(dates.years)),
            undated=dates.undated,
            bad_dates=dates.bad_dates,
            columns=tuple(
                ColumnFigures(h, dataset.role(h) or "unknown", n, n / self.records if self.records else 0.0, p)
                for h, n, p in zip(self.header, self.counts, self.placeholders, strict=True)
            ),
            drift=self._drift(),
            problems=tuple(problems),
            notes=tuple(self.notes),
            before_opt_out=dates.before_opt_out,
            after_opt_out=dates.after_opt_out,
        )

    def _drift(self) -> Drift | None:
        dataset, header = self.dataset, self.header
        if not header or not dataset.layouts or dataset.is_known_layout(header):
            return None  # no layout known yet: nothing it could have changed from
        known = {c.lower() for layout in dataset.layouts for c in layout}
        new = tuple(h for h in header if h.lower() not in known)
        closest = dataset.closest_layout(header) or ()
        have = {h.lower() for h in header}
        return Drift(new, tuple(c for c in dict.fromkeys(closest) if c.lower() not in have))


def tally_dataset(
    dataset: Dataset,
    members: list[Member],
    context: Context,
    repairs: Repairs,
    fast: Callable[[Member], bool],
    rows: RowFilter | None = None,
) -> DatasetResult:
    """Read every member file of one dataset (numbered parts in order) and return its figures; with a ``rows``
    filter (``Overlap``), only the records it keeps count (the dialect reader reads them). A dataset the mapping
    splits is read by ``split.tally_split``."""
    dataset = dataset.for_region(context.region)
    total = DatasetTally(dataset, context)
    for member in members:

        def consume(table: Table, member: Member = member) -> DatasetTally:
            if rows is not None:
                table.batches = rows.batches(table.header, table.batches)
            part = total.part()
            part.feed(member, table)
            return part

        offered = fast(member) and rows is None
        part, table = read_member(member, dataset.format, repairs, offered, consume)
        total.take(part, member, table)
    result = total.result(members)
    return result if rows is None else replace(result, figures=rows.annotate(result.figures))


class RowFilter(Protocol):
    """Keeps some of a table's records (and says so in the figures)."""

    def batches(self, header: list[str], batches: Iterator[list[list[str]]]) -> Iterator[list[list[str]]]: ...

    def annotate(self, figures: DatasetFigures) -> DatasetFigures: ...
