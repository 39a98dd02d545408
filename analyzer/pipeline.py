"""The pipeline: scan(path, mapping, options, progress) → Report, by open → classify → member facts → tally → roll-up."""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Generic, TypeVar

from analyzer import parallel, pieces
from analyzer.archive import Archive, Member, open_archive
from analyzer.classify import Classified, classify
from analyzer.datecount import DateSplit
from analyzer.errors import ArchiveError
from analyzer.frozen import frozen
from analyzer.identity import Key, Records
from analyzer.limits import DEFAULT_LIMITS, Limits
from analyzer.mapping import Dataset, Mapping
from analyzer.model import CONTACT_KINDS, ContentRow, Report
from analyzer.model import Member as MemberFacts
from analyzer.overlap import Keys, Overlap, record_keys
from analyzer.platforms import checked
from analyzer.progress import Progress
from analyzer.read import arrow, filled_count, offered_fast, open_table
from analyzer.rollup import Unmapped, build_report
from analyzer.splits import tally_split
from analyzer.tally import CONTENT_LIMIT, Context, DatasetResult, RowFilter, tally_dataset

_HASH_TASK = "\0sha256"  # a task name no dataset can have

T = TypeVar("T")
#: What ``scan_handing`` does with a dataset's records as soon as they are read: (dataset, its records, the
#: policy start of the member's region) → what is kept of them.
HandOver = Callable[[str, Records, date | None], T]


@frozen
class ScanOptions:
    """How to scan: the member's facts given on the command line, the limits, and how to read."""

    region: str | None = None
    opted_out_on: date | None = None
    show_values: bool = False
    include_content: bool = False
    limits: Limits = DEFAULT_LIMITS
    today: date | None = None  # fixed in tests; defaults to the export date, then today
    workers: int = 0  # 0: a second process for archives over PARALLEL_BYTES on a multi-core Linux; 1: never
    # Plain CSV files from ``fast_from`` bytes are read by pyarrow, once such files add up to ``fast_total``
    # (below that, importing pyarrow costs more than it saves). None: never.
    fast_from: int | None = arrow.ARROW_FILE_BYTES
    fast_total: int = arrow.ARROW_TOTAL_BYTES
    #: For ``compare``: keep every record's identity, by these keys per dataset (``identity.py``).
    keys: dict[str, Key] | None = None
    #: With ``keys``: keep each record's day too (the old export's are not needed: nothing of it is split by day).
    record_days: bool = True


def scan(
    path: str | Path, mapping: Mapping, options: ScanOptions = ScanOptions(), progress: Progress | None = None
) -> Report:
    """Read an export (ZIP or folder) and return every figure as a frozen Report."""
    return scan_records(path, mapping, options, progress)[0]


def scan_records(
    path: str | Path, mapping: Mapping, options: ScanOptions = ScanOptions(), progress: Progress | None = None
) -> tuple[Report, dict[str, Records]]:
    """``scan``, and the identity of every record per dataset when ``options.keys`` asks for them."""
    return scan_handing(path, mapping, options, progress, _kept)


def _kept(name: str, records: Records, start: date | None) -> Records:
    return records


def scan_handing(
    path: str | Path,
    mapping: Mapping,
    options: ScanOptions,
    progress: Progress | None,
    hand_over: HandOver[T],
    ahead: pieces.Ahead | None = None,
) -> tuple[Report, dict[str, T]]:
    """``scan_records``, each dataset's records handed over as soon as they are read, in the process that read
    them (``compare`` matches them there); what ``hand_over`` returns is kept per dataset instead. With
    ``ahead``, a file's records go there in pieces while it is read (``tally.Context.ahead``), and those handed
    over at a dataset's end are the rest, with the parts whose pieces count (``Records.sent``)."""
    platform = checked(mapping)
    with _no_gc(), open_archive(path, options.limits, platform.OWN_FOLDERS) as archive:
        found = classify(archive.members, mapping)
        if not found.datasets:
            raise platform.not_an_export(archive.source.path, len(archive.members))
        run = _Scan(archive, found, mapping, platform, options, progress, hand_over, ahead)
        report = run.run()
        return report, run.handed


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


class _Scan(Generic[T]):
    """One scan of a classified archive: member facts, the tallies, then the roll-up."""

    def __init__(
        self,
        archive: Archive,
        found: Classified,
        mapping: Mapping,
        platform: ModuleType,
        options: ScanOptions,
        progress: Progress | None,
        hand_over: HandOver[T] | None = None,
        ahead: pieces.Ahead | None = None,
    ):
        self.archive = archive
        self.found = found
        self.mapping = mapping
        self.platform = platform
        self.options = options
        self.progress = progress
        self.order = {d.name: i for i, d in enumerate(mapping.datasets)}
        self.fast_from = self._fast_from(found)
        self.total_bytes = sum(m.size for ms in found.datasets.values() for m in ms) or 1
        self.done = 0  # bytes tallied in this process, for the progress bar
        self.results: list[DatasetResult] = []
        self.sha256: str | None = None  # set by whichever process hashes the input
        self.dropped_problem = ""  # an archive-level problem a dataset row now says (the cut-off file)
        self.hand_over = hand_over
        self.ahead = ahead
        self.handed: dict[str, T] = {}
        self.start: date | None = None
        self.started = False  # the policy start is known: records are handed over as they are read

    def run(self) -> Report:
        # The member facts first: their name tells their own records, their region the policy start.
        profile = self.platform.facts.PROFILE
        ordered = sorted(self.found.datasets, key=lambda d: (d.name != profile, self.order[d.name]))
        member, context = self._member_facts(ordered)
        self._counted_once(ordered, context)
        self._tally(ordered, context)
        self._cut_off(context)
        self.results = self._handed(self.results)  # the member facts' own, and a cut-off file's
        self.results.sort(key=lambda r: self.order[r.figures.name])
        return self._report(member)

    def _member_facts(self, ordered: list[Dataset]) -> tuple[MemberFacts, Context]:
        """Tally the platform's profile dataset (taking it off ``ordered``); return the member as it says, and
        the context every other dataset is tallied in."""
        options, facts = self.options, self.platform.facts
        context = Context(
            split=DateSplit(None, options.opted_out_on),
            show_values=options.show_values,
            include_content=options.include_content,
            collectors=facts.collectors,
            unnamed_note=facts.UNNAMED_NOTE,
            keys=options.keys,
            record_days=options.record_days,
            ahead=self.ahead,
        )
        first: dict[str, str] = {}
        has_profile = ordered[0].name == facts.PROFILE
        if has_profile:  # counted before the member's name and region are known
            first = self._step(ordered.pop(0), replace(context, keep_first_record=True)).first_record or {}
        member: MemberFacts = facts.member(first, options.region, has_profile)
        policy = self.platform.policy
        _, exposed_until = policy.exposure(member.region, options.opted_out_on)
        split = DateSplit(policy.start(member.region), exposed_until)
        self.start, self.started = split.policy_start, True
        return member, replace(context, member_name=member.name, region=member.region, split=split)

    def _cut_off(self, context: Context) -> None:
        """The file a cut-off download broke off in keeps its dataset's row, marked, with what was read of
        the dataset (nothing, when it was its only file); the archive-level line about it is then dropped."""
        cut = self.archive.cut_file
        dataset = self.mapping.match(cut) if cut else None
        if dataset is None:
            return
        note = f"{cut}: did not arrive whole (the download broke off); nothing of it could be read"
        for i, result in enumerate(self.results):
            if result.figures.name == dataset.name:
                members = (*result.figures.members, cut)
                more = len(members) - 1 if dataset.format == "csv" else 0
                problems = (*result.figures.problems, note)
                figures = replace(result.figures, members=members, more_parts=more, problems=problems)
                self.results[i] = replace(result, figures=figures)
                break
        else:
            empty = tally_dataset(dataset, [], context, self.platform.REPAIRS, self._fast(dataset))
            self.results.append(replace(empty, figures=replace(empty.figures, members=(cut,), problems=(note,))))
        self.dropped_problem = next((p for p in self.archive.problems if f"{cut}: was cut off" in p), "")

    def _report(self, member: MemberFacts) -> Report:
        archive, options = self.archive, self.options
        figures = [r.figures for r in self.results]
        unmapped, problems = self._unmapped(self.found.unmapped)
        problems = [p for p in problems if p != self.dropped_problem]
        read_problems = [p for d in figures for p in d.problems]
        if read_problems and not any(d.records for d in figures) and not unmapped.records:
            shown = "; ".join(read_problems[:3]) + (
                f"; … ({len(read_problems) - 3} more)" if len(read_problems) > 3 else ""
            )
            raise ArchiveError(f"{archive.source.path}: nothing could be read from this export: {shown}")
        member = replace(member, **self.platform.facts.merge([f for r in self.results for f in r.facts]))
        contacts = sorted(
            (h for r in self.results for h in r.contacts),
            key=lambda h: (self.order[h.dataset], CONTACT_KINDS.index(h.kind)),
        )
        sha256 = (self.sha256 or _sha256(archive)) if archive.source.is_zip else None
        return build_report(
            archive.source,
            sha256,
            self.mapping,
            self.platform,
            member,
            options.opted_out_on,
            options.today,
            figures,
            contacts,
            self._content(),
            unmapped,
            problems,
            archive.ignored,
            options.show_values,
            tuple(n for n in [self.platform.repacked([m.path for m in archive.members])] if n),
        )

    def _fast(self, dataset: Dataset) -> Callable[[Member], bool]:
        repairs, fast_from = self.platform.REPAIRS, self.fast_from
        return lambda m: offered_fast(m.size, dataset.format, dataset.layouts, repairs, fast_from)

    def _fast_from(self, found: Classified) -> int | None:
        """options.fast_from, or None when too few bytes would go to pyarrow to pay for importing it."""
        fast_from, repairs = self.options.fast_from, self.platform.REPAIRS
        fast_bytes = sum(
            m.size
            for d, ms in found.datasets.items()
            for m in ms
            if offered_fast(m.size, d.format, d.layouts, repairs, fast_from)
        )
        return fast_from if fast_bytes >= self.options.fast_total else None

    def _counted_once(self, ordered: list[Dataset], context: Context) -> None:
        """Tally the legacy datasets whose records a newer one holds too (taking them off ``ordered``),
        here in this process, leaving out what the newer one holds (``overlap.py``)."""
        present = {d.name: d for d in self.found.datasets}
        for older in [d for d in ordered if d.same_records_as in present]:
            newer = present[older.same_records_as or ""]
            shared = older.shared_columns(newer)
            held = record_keys(newer, self.found.datasets[newer], self.platform.REPAIRS, Keys(newer, shared))
            keys = Keys(older, shared)
            ordered.remove(older)
            self._step(older, context, rows=Overlap(newer.name, keys, held))

    def _step(self, dataset: Dataset, context: Context, rows: RowFilter | None = None) -> DatasetResult:
        """Tally one dataset in this process and report progress; returns the dataset's own result."""
        members = self.found.datasets[dataset]
        results = self._handed(self._tally_one(dataset, members, context, rows))
        self.results += results
        self.done += sum(m.size for m in members)
        if self.progress:
            self.progress(dataset.name, self.done, self.total_bytes)
        return results[0]

    def _tally_one(
        self, dataset: Dataset, members: list[Member], context: Context, rows: RowFilter | None = None
    ) -> list[DatasetResult]:
        """One dataset's result; a dataset the mapping splits (articles and their drafts) gives two, from one
        read of its files."""
        repairs, fast = self.platform.REPAIRS, self._fast(dataset)
        if dataset.split is None:
            return [tally_dataset(dataset, members, context, repairs, fast, rows)]
        taken = next(d for d in self.mapping.datasets if d.name == dataset.split.name)
        rest, split = tally_split(dataset, taken, members, context, repairs, fast)
        # the split-off records get a row of their own only when there are some (their problems are the parent's)
        return [rest, split] if split.figures.records else [rest]

    def _tally(self, ordered: list[Dataset], context: Context) -> None:
        datasets = self.found.datasets
        total = sum(m.size for d in ordered for m in datasets[d])
        if not parallel.wanted(len(ordered), total, self.options.workers):
            for dataset in ordered:
                self._step(dataset, context)
            return
        # Costliest first, each process taking the next dataset when it is free: the two finish together.
        # The input's SHA-256 is the last task, done by whichever process is free first.
        # Keeping identities (``compare``) costs as much per record in either reader: no speed-up is counted then.
        fast = (lambda d: self._fast(d)) if self.options.keys is None else (lambda d: lambda m: False)
        queue = sorted(ordered, key=lambda d: -parallel.cost((m.size, fast(d)(m)) for m in datasets[d]))
        names = [d.name for d in queue] + ([_HASH_TASK] if self.archive.source.is_zip else [])
        if self.fast_from is not None:
            arrow.arrow()  # imported once, before the fork, instead of in each process
        tasks = parallel.Queue(len(names))
        with parallel.forked(lambda: self._remote(names, tasks, context), tasks) as pending:
            while (index := tasks.take()) is not None:
                if names[index] == _HASH_TASK:
                    self.sha256 = _sha256(self.archive)
                else:
                    self._step(queue[index], context)
            remote, remote_hash, handed = pending.result()
        self.sha256 = self.sha256 or remote_hash
        self.results += remote
        self.handed.update(handed)
        if self.progress and remote:
            self.progress(remote[-1].figures.name, self.total_bytes, self.total_bytes)

    def _remote(
        self, names: list[str], tasks: parallel.Queue, context: Context
    ) -> tuple[list[DatasetResult], str | None, dict[str, T]]:
        """The second process: it opens the archive on its own (read-only) and takes tasks from the queue."""
        results: list[DatasetResult] = []
        sha256 = None
        self.handed = {}  # this process's copy of the first's: only what it hands over goes back
        with open_archive(self.archive.reopen, self.options.limits, self.platform.OWN_FOLDERS) as archive:
            groups = {d.name: (d, ms) for d, ms in classify(archive.members, self.mapping).datasets.items()}
            while (index := tasks.take()) is not None:
                if names[index] == _HASH_TASK:
                    sha256 = _sha256(self.archive)
                    continue
                dataset, members = groups[names[index]]
                results += self._handed(self._tally_one(dataset, members, context))
        return results, sha256, self.handed

    def _handed(self, results: list[DatasetResult]) -> list[DatasetResult]:
        """``results`` without their records once the policy start is known, their records handed over."""
        if self.hand_over is None or not self.started:
            return results
        out = []
        for result in results:
            if result.records is not None:
                self.handed[result.figures.name] = self.hand_over(result.figures.name, result.records, self.start)
                result = replace(result, records=None)
            out.append(result)
        return out

    def _content(self) -> tuple[list[ContentRow], int]:
        """The exposed records for --include-content, in mapping order, within CONTENT_LIMIT."""
        rows = [row for r in self.results for row in r.content]
        cut = sum(r.content_cut for r in self.results) + max(0, len(rows) - CONTENT_LIMIT)
        return rows[:CONTENT_LIMIT], cut

    def _unmapped(self, members: list[Member]) -> tuple[Unmapped, list[str]]:
        """Records and data points of the files the mapping does not know (CSV files only)."""
        records = points = 0
        problems = list(self.archive.problems)
        for member in members:
            if member.name.lower().endswith(".csv"):
                table = open_table(member, "csv", self.platform.REPAIRS)
                for batch in table.batches:
                    records += len(batch)
                    points += sum(map(filled_count, zip(*batch, strict=True)))
                problems.extend(table.problems)
        return Unmapped(tuple(m.path for m in members), records, points), problems


def _sha256(archive: Archive) -> str | None:
    """The SHA-256 of the ZIP that was read: the same open file, whatever its path leads to by now."""
    if archive.fd is None:
        return None
    digest = hashlib.sha256()
    offset = 0
    try:
        while chunk := os.pread(archive.fd, 1 << 20, offset):
            digest.update(chunk)
            offset += len(chunk)
    except OSError:
        return None
    return digest.hexdigest()
