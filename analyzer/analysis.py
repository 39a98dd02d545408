"""Scan an export: classify every member, stream its records once, and freeze the figures into a Report."""

from __future__ import annotations

import copy
import gc
import hashlib
import multiprocessing
import os
import sys
import re
from collections import Counter
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

from analyzer import __version__
from analyzer.archive import DEFAULT_LIMITS, Archive, Limits, Member, open_archive
from analyzer import columnar
from analyzer.columnar import Columns, Irregular, filled_count
from analyzer.contacts import find_contacts
from analyzer.dates import UNPARSEABLE, parse_date
from analyzer.dialect import Table, plain_header, read_article, read_csv
from analyzer.errors import ArchiveError
from analyzer.mapping import REPORT_STATUSES, Dataset, Mapping, Source, Text, categories_in_order
from analyzer import policy

SCHEMA_VERSION = 1
#: --include-content keeps at most this many exposed records, each text cut at CONTENT_CHARS.
CONTENT_LIMIT = 50_000
CONTENT_CHARS = 2_000
_US_DAY = re.compile(r"\d{1,2}/\d{1,2}/\d{2}")
_EMPTY = "empty"  # stand-in for parse_date's None
_PENDING_LIMIT = 50_000  # distinct date values held before they are parsed and folded in
_PART = re.compile(r"_(\d+)(?=\.[^.]+$)")


# --- the Report: every figure any renderer shows -----------------------------------------------


@dataclass(frozen=True)
class ColumnFigures:
    name: str
    role: str  # one of mapping.ROLES, or "unknown"
    non_empty: int


@dataclass(frozen=True)
class Drift:
    """The header differs from every layout the mapping knows: LinkedIn changed the file."""

    new_columns: tuple[str, ...]
    missing_columns: tuple[str, ...]


@dataclass(frozen=True)
class YearCount:
    year: int
    records: int
    before_start: int = 0  # records dated before the policy start for the member's region
    after_start: int = 0


@dataclass(frozen=True)
class ContactHit:
    dataset: str
    kind: str  # "email", "phone", "iban"
    count: int
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class ContentRow:
    """One exposed record, for --include-content: when, what the member wrote, where."""

    dataset: str
    category: str
    date: str
    text: str
    link: str


@dataclass(frozen=True)
class DatasetFigures:
    name: str
    members: tuple[str, ...]
    category: str
    category_label: Text
    status: str
    confidence: str
    reason: Text
    sources: tuple[str, ...]
    description: Text
    unit: Text | None
    records: int
    data_points: int
    words: int
    first_date: date | None
    last_date: date | None
    per_year: tuple[YearCount, ...]
    undated: int
    bad_dates: int
    columns: tuple[ColumnFigures, ...]
    drift: Drift | None
    problems: tuple[str, ...]
    notes: tuple[str, ...]
    before_opt_out: int = 0
    after_opt_out: int = 0


@dataclass(frozen=True)
class CategoryFigures:
    key: str
    label: Text
    description: Text
    status: str
    confidence: str
    reason: Text
    sources: tuple[str, ...]
    datasets: tuple[str, ...]
    records: int
    data_points: int
    words: int
    first_date: date | None
    last_date: date | None
    per_year: tuple[YearCount, ...]
    overridden: bool = False  # these datasets override the category's status

    def display_label(self, lang: str) -> str:
        """The label, naming the files when they are split off their category by a status override."""
        label = self.label.get(lang)
        return f"{label}: {', '.join(self.datasets)}" if self.overridden else label


@dataclass(frozen=True)
class StatusTotals:
    status: str
    datasets: int
    records: int
    data_points: int
    words: int


@dataclass(frozen=True)
class Verdict:
    region: str | None
    region_how: str  # how the region was found, for the reader ("" when unknown)
    policy_start: date | None
    opted_out_on: date | None
    under_18: bool | None
    used_before_start: int
    used_after_start: int
    used_undated: int
    used_before_opt_out: int
    used_after_opt_out: int


@dataclass(frozen=True)
class SourceFigures:
    path: str
    name: str
    kind: str | None
    export_date: date | None
    is_zip: bool
    size: int
    sha256: str | None
    root: str
    nested_zip: str


@dataclass(frozen=True)
class MappingInfo:
    platform: str
    version: str
    reviewed: date
    policy_effective: date
    origin: str


@dataclass(frozen=True)
class Report:
    schema_version: int
    tool_version: str
    generated_at: str
    source: SourceFigures
    mapping: MappingInfo
    datasets: tuple[DatasetFigures, ...]
    categories: tuple[CategoryFigures, ...]
    totals: tuple[StatusTotals, ...]
    unmapped: tuple[str, ...]
    unmapped_records: int
    unmapped_data_points: int
    problems: tuple[str, ...]
    ignored: tuple[str, ...]
    verdict: Verdict
    contacts: tuple[ContactHit, ...]
    sources: tuple[Source, ...]
    values_shown: bool = False
    content: tuple[ContentRow, ...] = ()
    content_cut: int = 0  # exposed records left out of ``content`` beyond CONTENT_LIMIT

    def total(self, status: str) -> StatusTotals:
        return next(t for t in self.totals if t.status == status)

    @property
    def data_points(self) -> int:
        return sum(t.data_points for t in self.totals)

    @property
    def top_used(self) -> tuple[DatasetFigures, ...]:
        """The used datasets with records, most records first (the headline's "most exposed")."""
        used = [d for d in self.datasets if d.status == "used" and d.records]
        return tuple(sorted(used, key=lambda d: (-d.records, d.name)))


@dataclass(frozen=True)
class ScanOptions:
    region: str | None = None
    opted_out_on: date | None = None
    show_values: bool = False
    include_content: bool = False
    limits: Limits = DEFAULT_LIMITS
    today: date | None = None  # fixed in tests; defaults to the export date, then today
    workers: int = 0  # 0: a second process for archives over PARALLEL_BYTES on a multi-core Linux; 1: never
    # Plain CSV files from ``fast_from`` bytes are read by pyarrow, once such files add up to ``fast_total``
    # (below that, importing pyarrow costs more than it saves). None: never.
    fast_from: int | None = columnar.ARROW_FILE_BYTES
    fast_total: int = columnar.ARROW_TOTAL_BYTES


# --- scanning ----------------------------------------------------------------------------------


@dataclass
class _Context:
    """What the scan learns from Profile.csv before it reads the other datasets."""

    options: ScanOptions
    fast_from: int | None = None  # options.fast_from, or None when too few bytes would go to pyarrow
    member_name: str = ""
    profile: dict[str, str] = field(default_factory=dict)
    region: str | None = None
    region_how: str = ""
    policy_start: date | None = None
    content: list[ContentRow] = field(default_factory=list)
    content_cut: int = 0
    sha256: str | None = None


def scan(
    path: str | Path,
    mapping: Mapping,
    options: ScanOptions = ScanOptions(),
    progress: Callable[[str, int, int], None] | None = None,
) -> Report:
    """Read a LinkedIn export (ZIP or folder) and return every figure as a frozen Report."""
    with _no_gc(), open_archive(path, options.limits) as archive:
        return _scan_archive(archive, mapping, options, progress)


@contextmanager
def _no_gc() -> Iterator[None]:
    """Millions of short-lived row lists make the cyclic garbage collector run constantly (10-20 % of the
    scan); the scan creates no reference cycles that matter, so it is paused and restored afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _group(archive: Archive, mapping: Mapping) -> tuple[dict[Dataset, list[Member]], list[Member]]:
    groups: dict[Dataset, list[Member]] = {}
    unmapped: list[Member] = []
    for member in archive.members:
        dataset = mapping.match(member.path)
        if dataset is None:
            unmapped.append(member)
        else:
            groups.setdefault(dataset, []).append(member)
    for members in groups.values():
        members.sort(key=_part_order)
    return groups, unmapped


def _part_order(member: Member) -> tuple[int, str]:
    match = _PART.search(member.name)
    return (int(match.group(1)) if match else -1, member.path)


def _scan_archive(
    archive: Archive, mapping: Mapping, options: ScanOptions, progress: Callable[[str, int, int], None] | None
) -> Report:
    groups, unmapped = _group(archive, mapping)
    if not groups:
        what = f"{len(archive.members)} files, none of them" if archive.members else "no files, so nothing"
        raise ArchiveError(
            f"{archive.source.path}: does not look like a LinkedIn data export ({what} known). "
            "Point the tool at the ZIP LinkedIn sent you (Complete_… or Basic_LinkedInDataExport_….zip) or its extracted folder."
        )
    ctx = _Context(options, fast_from=_fast_from(groups, options))
    order = {d.name: i for i, d in enumerate(mapping.datasets)}
    # Profile.csv first: the member's name and region shape how the other datasets are counted.
    ordered = sorted(groups, key=lambda d: (d.name != "Profile.csv", order[d.name]))
    total_bytes = sum(m.size for ms in groups.values() for m in ms) or 1
    done = 0
    figures: list[DatasetFigures] = []
    contacts: list[ContactHit] = []

    def step(dataset: Dataset) -> None:
        nonlocal done
        dataset_figures, hits = _analyse(dataset, groups[dataset], ctx)
        figures.append(dataset_figures)
        contacts.extend(hits)
        done += sum(m.size for m in groups[dataset])
        if progress:
            progress(dataset.name, done, total_bytes)

    if ordered[0].name == "Profile.csv":
        step(ordered.pop(0))
    _learn_profile(ctx)
    if _use_second_process(ordered, groups, options):
        # Costliest first, each process taking the next dataset when it is free: the two finish together.
        # The input's SHA-256 is the last task, done by whichever process is free first.
        queue = sorted(ordered, key=lambda d: -_cost(d, groups[d], ctx.fast_from))
        tasks = [d.name for d in queue] + ([_HASH_TASK] if archive.source.is_zip else [])
        if ctx.fast_from is not None:
            columnar.arrow()  # imported once, before the fork, instead of in each process
        with _second_process(archive, mapping, tasks, ctx) as (pending, take):
            while (index := take()) is not None:
                if tasks[index] == _HASH_TASK:
                    ctx.sha256 = _sha256(archive.source.path)
                else:
                    step(queue[index])
            remote_figures, remote_hits, remote_content, remote_cut, remote_hash = pending.result()
        ctx.sha256 = ctx.sha256 or remote_hash
        figures.extend(remote_figures)
        contacts.extend(remote_hits)
        ctx.content.extend(remote_content)
        ctx.content_cut += remote_cut
        if progress and remote_figures:
            progress(remote_figures[-1].name, total_bytes, total_bytes)
    else:
        for dataset in ordered:
            step(dataset)
    contacts.sort(key=lambda h: (order[h.dataset], _CONTACT_KINDS.index(h.kind)))
    ctx.content.sort(key=lambda c: order[c.dataset])
    if len(ctx.content) > CONTENT_LIMIT:  # each process kept up to the limit
        ctx.content_cut += len(ctx.content) - CONTENT_LIMIT
        del ctx.content[CONTENT_LIMIT:]
    unmapped_records = unmapped_points = 0
    problems = list(archive.problems)
    for member in unmapped:
        if member.name.lower().endswith(".csv"):
            table = read_csv(member)
            for batch in table.batches:
                unmapped_records += len(batch)
                unmapped_points += sum(map(filled_count, zip(*batch)))
            problems.extend(table.problems)
    figures.sort(key=lambda d: order[d.name])
    read_problems = [p for d in figures for p in d.problems]
    if read_problems and not any(d.records for d in figures) and not unmapped_records:
        shown = "; ".join(read_problems[:3]) + (f"; … ({len(read_problems) - 3} more)" if len(read_problems) > 3 else "")
        raise ArchiveError(f"{archive.source.path}: nothing could be read from this export: {shown}")
    return _freeze(
        archive, mapping, ctx, figures, contacts, [m.path for m in unmapped], unmapped_records, unmapped_points, problems
    )


#: Archives with less than this much data are scanned in one process; starting a second costs more.
PARALLEL_BYTES = 64 * 1024 * 1024
_CONTACT_KINDS = ("email", "phone", "iban")
_HASH_TASK = "\0sha256"  # a task name no dataset can have
#: pyarrow reads a plain CSV file about four times as fast as the dialect reader (bench/results.md).
_FAST_SPEEDUP = 4


def _fast(dataset: Dataset, member: Member, fast_from: int | None) -> bool:
    """Whether this member is offered to pyarrow, by its size and the headers the mapping knows for it;
    the file's own start then decides (dialect.read_csv). Also what the scheduling and the import expect."""
    return (
        fast_from is not None
        and member.size >= fast_from
        and dataset.format == "csv"
        and all(plain_header(layout) for layout in dataset.layouts)
    )


def _fast_from(groups: dict[Dataset, list[Member]], options: ScanOptions) -> int | None:
    fast_bytes = sum(m.size for d, members in groups.items() for m in members if _fast(d, m, options.fast_from))
    return options.fast_from if fast_bytes >= options.fast_total else None


def _cost(dataset: Dataset, members: list[Member], fast_from: int | None) -> float:
    """The relative time one dataset takes: its bytes, fewer for those pyarrow reads."""
    return sum(m.size / (_FAST_SPEEDUP if _fast(dataset, m, fast_from) else 1) for m in members)


def _use_second_process(datasets: list[Dataset], groups: dict[Dataset, list[Member]], options: ScanOptions) -> bool:
    if len(datasets) < 2 or not sys.platform.startswith("linux") or options.workers == 1:
        return False
    if options.workers >= 2:
        return True
    return (os.cpu_count() or 1) > 1 and sum(m.size for d in datasets for m in groups[d]) >= PARALLEL_BYTES


# What the forked second process works on; set just before it starts (fork copies it, nothing is pickled).
_FORK_STATE: tuple[str, Limits, Mapping, list[str], _Context, Callable[[], int | None]] | None = None


@contextmanager
def _second_process(
    archive: Archive, mapping: Mapping, names: list[str], ctx: _Context
) -> Iterator[tuple[Future, Callable[[], int | None]]]:
    """A forked process that opens the archive on its own (read-only) and shares the queue ``names``
    with this one: ``take()`` hands out the next index, to whichever process asks first."""
    global _FORK_STATE
    fork = multiprocessing.get_context("fork")
    cursor = fork.Value("i", 0)

    def take() -> int | None:
        with cursor.get_lock():
            index = cursor.value
            cursor.value += 1
        return index if index < len(names) else None

    _FORK_STATE = (archive.source.path, ctx.options.limits, mapping, names, ctx, take)
    executor = ProcessPoolExecutor(max_workers=1, mp_context=fork)
    try:
        yield executor.submit(_analyse_in_second_process), take
    except BaseException:
        with cursor.get_lock():  # interrupted or failed: the other process stops after its current dataset
            cursor.value = len(names)
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        _FORK_STATE = None


def _analyse_in_second_process() -> tuple[list[DatasetFigures], list[ContactHit], list[ContentRow], int, str | None]:
    assert _FORK_STATE is not None
    path, limits, mapping, names, ctx, take = _FORK_STATE
    gc.disable()  # as in scan(); the process ends right after
    ctx.content, ctx.content_cut = [], 0
    figures: list[DatasetFigures] = []
    hits: list[ContactHit] = []
    with open_archive(path, limits) as archive:
        groups, _ = _group(archive, mapping)
        by_name = {d.name: d for d in groups}
        while (index := take()) is not None:
            if names[index] == _HASH_TASK:
                ctx.sha256 = _sha256(path)
                continue
            dataset = by_name[names[index]]
            dataset_figures, dataset_hits = _analyse(dataset, groups[dataset], ctx)
            figures.append(dataset_figures)
            hits.extend(dataset_hits)
    return figures, hits, ctx.content, ctx.content_cut, ctx.sha256


def _learn_profile(ctx: _Context) -> None:
    """Member name, region and policy start, from Profile.csv and --region."""
    first = ctx.profile.get("first name", "").strip()
    last = ctx.profile.get("last name", "").strip()
    ctx.member_name = " ".join(p for p in (first, last) if p)
    if ctx.options.region:
        ctx.region, ctx.region_how = ctx.options.region, "--region"
    else:
        ctx.region, ctx.region_how = _infer_region(ctx.profile)
    ctx.policy_start = policy.REGION_START[ctx.region] if ctx.region else None


def _infer_region(profile: dict[str, str]) -> tuple[str | None, str]:
    for column in ("geo location", "country", "address"):
        value = profile.get(column, "").strip()
        if not value:
            continue
        region = policy.region_from_location(value) if column != "country" else policy.region_of_country(value)
        if region:
            return region, f'Profile.csv "{column.title()}": {value}'
    return None, ""


@dataclass
class _Acc:
    """Running figures for one dataset; one pass over its records."""

    header: list[str] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)
    records: int = 0
    words: int = 0
    first: date | None = None
    last: date | None = None
    years: Counter[int] = field(default_factory=Counter)
    before: Counter[int] = field(default_factory=Counter)
    after: Counter[int] = field(default_factory=Counter)
    undated: int = 0
    bad_dates: int = 0
    before_opt_out: int = 0
    after_opt_out: int = 0
    contacts: dict[str, list[str]] = field(default_factory=dict)
    contact_counts: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _analyse(dataset: Dataset, members: list[Member], ctx: _Context) -> tuple[DatasetFigures, list[ContactHit]]:
    acc = _Acc()
    capture_profile = dataset.name == "Profile.csv"
    for member in members:
        if dataset.format == "article":
            table = read_article(member)
        else:
            table = read_csv(member, fast=_fast(dataset, member, ctx.fast_from))
        if table.fast:
            saved = copy.deepcopy(acc), len(ctx.content), ctx.content_cut
            try:
                _consume(dataset, member, table, acc, ctx, capture_profile)
            except Irregular:  # the file needs the dialect reader after all: forget its figures, read it again
                acc, (kept, ctx.content_cut) = saved[0], saved[1:]
                del ctx.content[kept:]
                table = read_csv(member)
                _consume(dataset, member, table, acc, ctx, capture_profile)
        else:
            _consume(dataset, member, table, acc, ctx, capture_profile)
        acc.problems.extend(table.problems)
        acc.notes.extend(f"{member.path}: {n}" for n in table.notes)
    hits = [
        ContactHit(dataset.name, kind, acc.contact_counts[kind], tuple(acc.contacts.get(kind, ())))
        for kind in ("email", "phone", "iban")
        if acc.contact_counts[kind]
    ]
    return _dataset_figures(dataset, members, acc), hits


def _consume(
    dataset: Dataset, member: Member, table: Table, acc: _Acc, ctx: _Context, capture_profile: bool
) -> None:
    """Fold one table into the running figures, a batch at a time and column by column."""
    header = table.header
    if not header:
        for _ in table.columns:
            pass
        return
    if not acc.header:
        acc.header = list(header)
        acc.counts = [0] * len(header)
    elif [h.lower() for h in header] != [h.lower() for h in acc.header]:
        acc.problems.append(f"{member.path}: its header differs from {acc.header!r}; not counted with the other parts")
        for _ in table.columns:
            pass
        return
    roles = [dataset.role(h) for h in header]
    date_cols = [i for i, r in enumerate(roles) if r == "date"]
    text_cols = [i for i, r in enumerate(roles) if r == "authored_text"]
    link_col = next((i for i, r in enumerate(roles) if r == "url"), None)
    author = _author_column(dataset, header, ctx, acc)
    scan_contacts = dataset.status == "used" and bool(text_cols)
    keep_content = ctx.options.include_content and dataset.status == "used"
    counts = acc.counts
    pending = {i: _DateColumn() for i in date_cols}
    # closing: a fast table stopped early (an error, Ctrl-C) lets pyarrow's reading thread finish first
    with closing(table.columns) as batches:
        for batch in batches:
            if not len(batch):
                continue
            if capture_profile and not acc.records:
                ctx.profile = {h.lower(): v for h, v in zip(header, batch.rows()[0])}
            acc.records += len(batch)
            for i in range(len(header)):
                counts[i] += batch.filled(i)
            for i, dates in pending.items():
                dates.add(batch, i)
                if len(dates.pending) > _PENDING_LIMIT:
                    _fold_dates(dates.pending, acc, ctx, primary=i == date_cols[0])
                    dates.pending = Counter()
            if text_cols:
                mask = None if author is None else batch.mine(*author)
                for i in text_cols:
                    acc.words += batch.words(i, mask)
                    if not scan_contacts:
                        continue
                    for kind, value in find_contacts(batch.contact_text(i, mask)):
                        acc.contact_counts[kind] += 1
                        if ctx.options.show_values:
                            acc.contacts.setdefault(kind, []).append(value)
            if keep_content:
                primary = date_cols[0] if date_cols else None
                for row in batch.rows():
                    _keep(dataset, row, primary, text_cols, link_col, ctx)
    for i, dates in pending.items():
        _fold_dates(dates.pending, acc, ctx, primary=i == date_cols[0])


class _DateColumn:
    """Counts the distinct dates of one column across batches, so that each is parsed only once.

    ISO-like values (2024-12-16 18:24:37 UTC, 2018/08/18 …) are counted by their first ten characters,
    US short dates (1/8/18, 6:14 PM) by the part before the comma and Java timestamps (Sun Feb 09
    20:29:05 UTC 2025) by their day, which is all the figures need; any other value by the whole of it. The keys are chosen on the first batch; counting runs in C and
    only keys never seen before are checked, so a column that changes format mid-file still counts right.
    """

    def __init__(self) -> None:
        self.pending: Counter[str] = Counter()
        self._keys: str | None = None  # one of columnar.DATE_KEYS, chosen on the first batch
        self._valid: set[str] = set()

    def add(self, batch: Columns, i: int) -> None:
        if self._keys is None:  # the first batch: the first keys every value fits
            for keys in columnar.DATE_KEYS:
                trial: Counter[str] = Counter()
                found = batch.count_keys(i, keys, trial)
                if found is not None and all(map(_FITS[keys], found)):
                    self._keys, self._valid = keys, found
                    self.pending.update(trial)
                    return
        found = batch.count_keys(i, self._keys, self.pending)
        if found is None:  # rare: a value the keys cannot stand for; this batch and the rest by whole values
            self._keys = "whole"
            batch.count_keys(i, "whole", self.pending)
            return
        if self._keys == "whole":
            return
        new = found - self._valid
        if all(map(_FITS[self._keys], new)):
            self._valid |= new
            return
        undo: Counter[str] = Counter()  # rare: the format changed; count this batch by whole values
        batch.count_keys(i, self._keys, undo)
        self.pending.subtract(undo)
        self.pending += Counter()  # drop the zero counts subtract left behind
        self._keys = "whole"
        batch.count_keys(i, "whole", self.pending)


def _is_iso_day(key: str) -> bool:
    return not key or (len(key) == 10 and key[4] in "-/" and key[7] == key[4])


def _is_us_day(key: str) -> bool:
    return not key or _US_DAY.fullmatch(key) is not None


def _any(key: str) -> bool:
    return True


_FITS: dict[str, Callable[[str], bool]] = {"iso": _is_iso_day, "us": _is_us_day, "java": _any, "whole": _any}


def _fold_dates(keys: Counter[str], acc: _Acc, ctx: _Context, primary: bool) -> None:
    """Parse each distinct date once and add its count to the figures."""
    start = ctx.policy_start
    opt_out = ctx.options.opted_out_on
    for raw, count in keys.items():
        when = parse_date(raw) or _EMPTY
        if not primary:
            if when is UNPARSEABLE:
                acc.bad_dates += count
            continue
        if isinstance(when, date):
            year = when.year
            acc.years[year] += count
            if acc.first is None or when < acc.first:
                acc.first = when
            if acc.last is None or when > acc.last:
                acc.last = when
            if start is not None:
                if when < start:
                    acc.before[year] += count
                else:
                    acc.after[year] += count
            if opt_out is not None:
                if when < opt_out:
                    acc.before_opt_out += count
                else:
                    acc.after_opt_out += count
        else:
            acc.undated += count
            if when is UNPARSEABLE:
                acc.bad_dates += count


def _keep(dataset: Dataset, row: list[str], primary: int | None, text_cols: list[int], link: int | None, ctx: _Context) -> None:
    if len(ctx.content) >= CONTENT_LIMIT:
        ctx.content_cut += 1
        return
    text = "\n".join(row[i] for i in text_cols if row[i].strip())
    if len(text) > CONTENT_CHARS:
        text = text[:CONTENT_CHARS] + " …"
    ctx.content.append(ContentRow(
        dataset.name, dataset.category.key, row[primary] if primary is not None else "", text,
        row[link] if link is not None else "",
    ))  # fmt: skip


def _author_column(dataset: Dataset, header: list[str], ctx: _Context, acc: _Acc) -> tuple[int, str] | None:
    """Which column tells the member's own records (FROM = the member, Direction = OUTGOING); None: all are.

    Returns (column index, wanted value lower-cased); an empty wanted value means none can be told apart.
    """
    if not dataset.authored_when:
        return None
    lowered = [h.lower() for h in header]
    blocked = None
    for cond in dataset.authored_when:
        if cond.column.lower() not in lowered:
            continue
        index = lowered.index(cond.column.lower())
        if "{member}" in cond.equals and not ctx.member_name:
            blocked = index
            continue
        return index, cond.equals.replace("{member}", ctx.member_name).strip().lower()
    if blocked is not None:
        acc.notes.append("your name is not in Profile.csv, so the words you wrote here could not be told apart; none were counted")
        return blocked, ""
    return None


def _dataset_figures(dataset: Dataset, members: list[Member], acc: _Acc) -> DatasetFigures:
    columns = tuple(
        ColumnFigures(h, dataset.role(h) or "unknown", n) for h, n in zip(acc.header, acc.counts)
    )
    drift = None
    if acc.header and not dataset.is_known_layout(acc.header):
        known = {c.lower() for layout in dataset.layouts for c in layout}
        new = tuple(h for h in acc.header if h.lower() not in known)
        closest = dataset.closest_layout(acc.header) or ()
        have = {h.lower() for h in acc.header}
        missing = tuple(c for c in dict.fromkeys(closest) if c.lower() not in have)
        drift = Drift(new, missing)
    if acc.bad_dates:
        acc.problems.append(f"{dataset.name}: {acc.bad_dates:,} dates could not be read (not guessed; left out of the timeline)")
    years = sorted(acc.years)
    per_year = tuple(YearCount(y, acc.years[y], acc.before[y], acc.after[y]) for y in years)
    return DatasetFigures(
        name=dataset.name,
        members=tuple(m.path for m in members),
        category=dataset.category.key,
        category_label=dataset.category.label,
        status=dataset.status,
        confidence=dataset.confidence,
        reason=dataset.reason,
        sources=dataset.sources,
        description=dataset.description,
        unit=dataset.unit,
        records=acc.records,
        data_points=sum(acc.counts),
        words=acc.words,
        first_date=acc.first,
        last_date=acc.last,
        per_year=per_year,
        undated=acc.undated,
        bad_dates=acc.bad_dates,
        columns=columns,
        drift=drift,
        problems=tuple(acc.problems),
        notes=tuple(acc.notes),
        before_opt_out=acc.before_opt_out,
        after_opt_out=acc.after_opt_out,
    )


def _merge_years(groups: Iterable[Iterable[YearCount]]) -> tuple[YearCount, ...]:
    records: Counter[int] = Counter()
    before: Counter[int] = Counter()
    after: Counter[int] = Counter()
    for years in groups:
        for y in years:
            records[y.year] += y.records
            before[y.year] += y.before_start
            after[y.year] += y.after_start
    return tuple(YearCount(y, records[y], before[y], after[y]) for y in sorted(records))


def _dates(values: Iterable[date | None], pick: Callable[..., date]) -> date | None:
    present = [v for v in values if v is not None]
    return pick(present) if present else None


def _categories(mapping: Mapping, figures: list[DatasetFigures]) -> tuple[CategoryFigures, ...]:
    """One row per category and status (a dataset may override its category's status)."""
    out: list[CategoryFigures] = []
    for category in categories_in_order(mapping):
        members = [d for d in figures if d.category == category.key]
        for status in dict.fromkeys([category.status, *[d.status for d in members]]):
            group = [d for d in members if d.status == status]
            if not group:
                continue
            overridden = status != category.status
            out.append(
                CategoryFigures(
                    key=category.key,
                    label=category.label,
                    description=category.description,
                    status=status,
                    confidence=group[0].confidence if overridden else category.confidence,
                    reason=group[0].reason if overridden else category.reason,
                    sources=group[0].sources if overridden else category.sources,
                    datasets=tuple(d.name for d in group),
                    records=sum(d.records for d in group),
                    data_points=sum(d.data_points for d in group),
                    words=sum(d.words for d in group),
                    first_date=_dates((d.first_date for d in group), min),
                    last_date=_dates((d.last_date for d in group), max),
                    per_year=_merge_years(d.per_year for d in group),
                    overridden=overridden,
                )
            )
    rank = {"used": 0, "unclear": 1, "excluded": 2}
    return tuple(sorted(out, key=lambda c: rank[c.status]))


def _sha256(path: str) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _under_18(profile: dict[str, str], on: date) -> bool | None:
    born = parse_date(profile.get("birth date", ""))
    if not isinstance(born, date):
        return None
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return age < 18


def _freeze(
    archive: Archive,
    mapping: Mapping,
    ctx: _Context,
    figures: list[DatasetFigures],
    contacts: list[ContactHit],
    unmapped: list[str],
    unmapped_records: int,
    unmapped_points: int,
    problems: list[str],
) -> Report:
    src = archive.source
    totals = []
    for status in REPORT_STATUSES:
        group = [d for d in figures if d.status == status]
        if status == "unmapped":
            totals.append(StatusTotals(status, len(unmapped), unmapped_records, unmapped_points, 0))
        else:
            totals.append(StatusTotals(
                status, len(group), sum(d.records for d in group), sum(d.data_points for d in group),
                sum(d.words for d in group),
            ))  # fmt: skip
    used = [d for d in figures if d.status == "used"]
    today = ctx.options.today or src.export_date or date.today()
    verdict = Verdict(
        region=ctx.region,
        region_how=ctx.region_how,
        policy_start=ctx.policy_start,
        opted_out_on=ctx.options.opted_out_on,
        under_18=_under_18(ctx.profile, today),
        used_before_start=sum(y.before_start for d in used for y in d.per_year),
        used_after_start=sum(y.after_start for d in used for y in d.per_year),
        used_undated=sum(d.records - sum(y.records for y in d.per_year) for d in used),
        used_before_opt_out=sum(d.before_opt_out for d in used),
        used_after_opt_out=sum(d.after_opt_out for d in used),
    )
    cited = {k for d in figures for k in d.sources} | {k for c in mapping.categories for k in c.sources}
    cited |= {a.source for a in policy.ACTIONS}
    return Report(
        schema_version=SCHEMA_VERSION,
        tool_version=__version__,
        generated_at=datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        source=SourceFigures(
            path=src.path, name=src.name, kind=src.kind, export_date=src.export_date, is_zip=src.is_zip,
            size=src.size, sha256=(ctx.sha256 or _sha256(src.path)) if src.is_zip else None, root=src.root, nested_zip=src.nested_zip,
        ),  # fmt: skip
        mapping=MappingInfo(mapping.platform, mapping.version, mapping.reviewed, mapping.policy_effective, mapping.origin),
        datasets=tuple(figures),
        categories=_categories(mapping, figures),
        totals=tuple(totals),
        unmapped=tuple(unmapped),
        unmapped_records=unmapped_records,
        unmapped_data_points=unmapped_points,
        problems=tuple(problems),
        ignored=tuple(archive.ignored),
        verdict=verdict,
        contacts=tuple(contacts),
        sources=tuple(s for s in mapping.sources if s.key in cited),
        values_shown=ctx.options.show_values,
        content=tuple(ctx.content),
        content_cut=ctx.content_cut,
    )
