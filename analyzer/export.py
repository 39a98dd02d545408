"""An export opened for reading from Python: its datasets as pandas DataFrames, read right, and its Report.

    import analyzer
    with analyzer.open_export("Complete_LinkedInDataExport_11-28-2026.zip") as export:
        export.datasets                        # what the archive holds; nothing is read yet
        comments = export.frame("Comments")    # every record, numbered parts joined, LinkedIn's quirks repaired
        used = export.frames(status="used")    # {dataset name: DataFrame}
        report = export.report()               # the same Report the command line renders

pandas is imported only when a DataFrame is asked for (it is the ``pandas`` extra: ``pip install
'linkedin-ai-exposure[pandas]'``); listing, counting and ``report()`` never load it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING, Any

from analyzer.archive import Archive, Member, open_archive
from analyzer.classify import classify
from analyzer.dates import UNPARSEABLE, parse_date
from analyzer.errors import AnalyzerError
from analyzer.frozen import frozen
from analyzer.mapping import Dataset, Mapping, load_mapping
from analyzer.model import Report
from analyzer.pipeline import ScanOptions, scan
from analyzer.platforms import platform_for
from analyzer.read import Table, read_member
from analyzer.said import Said, at

if TYPE_CHECKING:
    import pandas


class FrameError(AnalyzerError):
    """A DataFrame cannot be made: no such dataset, or pandas is not installed."""


@frozen
class Records:
    """The records of one dataset as the reader gives them: header and rows, with what went wrong."""

    header: tuple[str, ...]
    rows: list[list[str]]
    problems: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass
class DatasetEntry:
    """One dataset of the export, as the mapping names it; ``records`` reads it on first use."""

    name: str
    category: str
    status: str
    confidence: str
    files: tuple[str, ...]  # member paths, numbered parts in order
    size: int  # bytes, uncompressed
    _count: Callable[[], int] = field(repr=False, compare=False)
    _records: int | None = field(default=None, repr=False, compare=False)

    @property
    def records(self) -> int:
        """How many records the dataset holds (read and counted once, on first use)."""
        if self._records is None:
            self._records = self._count()
        return self._records


class Export:
    """A LinkedIn export (ZIP or folder), open for reading. Use it as a context manager, or ``close()`` it."""

    def __init__(self, path: str | Path, mapping: Mapping | None = None, options: ScanOptions | None = None):
        self.path = Path(path)
        self.mapping = mapping or load_mapping()
        self.options = options or ScanOptions()
        self._platform: ModuleType = platform_for(self.mapping.platform)
        self._archive: Archive = open_archive(self.path, self.options.limits, self._platform.OWN_FOLDERS)
        found = classify(self._archive.members, self.mapping)
        order = {d.name: i for i, d in enumerate(self.mapping.datasets)}
        self._members: dict[str, tuple[Dataset, list[Member]]] = {
            d.name: (d, ms) for d, ms in sorted(found.datasets.items(), key=lambda item: order[item[0].name])
        }
        #: Files the mapping does not know (listed, never read as a dataset).
        self.unmapped: tuple[str, ...] = tuple(m.path for m in found.unmapped)
        #: What went wrong opening the archive (a cut-off ZIP, an oversized file …).
        self.problems: tuple[str, ...] = tuple(self._archive.problems)
        self.datasets: tuple[DatasetEntry, ...] = tuple(
            DatasetEntry(
                name,
                d.category.key,
                d.status,
                d.confidence,
                tuple(m.path for m in ms),
                sum(m.size for m in ms),
                _count=partial(self._count, name),
            )
            for name, (d, ms) in self._members.items()
        )

    def __enter__(self) -> Export:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._archive.close()

    def __repr__(self) -> str:
        return f"<Export {self.path.name}: {len(self.datasets)} datasets, {len(self.unmapped)} unmapped files>"

    def _count(self, name: str) -> int:
        return len(self.records(name).rows)

    def dataset(self, name: str) -> Dataset:
        """The mapping's entry for ``name``: its file name (``"Comments.csv"``), or without ``.csv``."""
        for key in (name, f"{name}.csv"):
            if key in self._members:
                return self._members[key][0]
        known = ", ".join(self._members) or "none"
        raise FrameError(f"{self.path.name}: no dataset {name!r} in this export (it holds: {known})")

    def records(self, name: str) -> Records:
        """Every record of a dataset as the tool's reader gives it: the parts of a numbered dataset joined
        in order; a part whose header differs from the first is left out and named in ``problems``."""
        dataset = self.dataset(name)
        header: list[str] = []
        rows: list[list[str]] = []
        problems: list[str] = []
        notes: list[str] = []
        for member in self._members[dataset.name][1]:
            part, table = read_member(member, dataset.format, self._platform.REPAIRS, False, _rows)
            problems += table.problems
            notes += [at(member.path, n) for n in table.notes]
            if not table.header:
                continue
            if not header:
                header = list(table.header)
            elif [h.lower() for h in table.header] != [h.lower() for h in header]:
                problems.append(Said("problem.header_differs.frame", path=member.path, header=repr(header)))
                continue
            rows += part
        return Records(tuple(header), rows, tuple(problems), tuple(notes))

    def frame(self, name: str, parse_dates: bool = False) -> pandas.DataFrame:
        """One dataset as a DataFrame: LinkedIn's column names (a repeated name stays a column of its own),
        every value a string (pandas' string dtype, Arrow-backed where pyarrow is installed).

        ``parse_dates``: the columns the mapping calls dates become datetime64 columns, read by the tool's
        own date parser (every format seen in exports 2018–2026, nothing guessed); a value it cannot read
        becomes NaT and is counted in ``frame.attrs["unreadable_dates"]``. ``frame.attrs`` also holds the
        reader's ``problems`` and ``notes``, the dataset's ``status`` and ``category``.
        """
        pd = _pandas()
        dataset = self.dataset(name)
        records = self.records(name)
        strings = pd.StringDtype("pyarrow") if _has_pyarrow() else pd.StringDtype("python")
        columns = list(zip(*records.rows, strict=True)) if records.rows else [() for _ in records.header]
        df = pd.DataFrame(
            {i: pd.array(list(c), dtype=strings) for i, c in enumerate(columns)}, columns=range(len(columns))
        )
        unreadable: dict[str, int] = {}
        if parse_dates:
            for i, column in enumerate(records.header):
                if dataset.role(column) == "date":
                    df[i], unreadable[column] = _dates(pd, columns[i])
        df.columns = list(records.header)
        df.attrs.update(
            dataset=dataset.name, status=dataset.status, category=dataset.category.key,
            problems=list(records.problems), notes=list(records.notes), unreadable_dates=unreadable,
        )  # fmt: skip
        return df

    def frames(
        self, status: str | None = None, category: str | None = None, parse_dates: bool = False
    ) -> dict[str, pandas.DataFrame]:
        """``frame()`` of every dataset (of one ``status`` or ``category``, if given), by dataset name."""
        return {
            entry.name: self.frame(entry.name, parse_dates=parse_dates)
            for entry in self.datasets
            if (status is None or entry.status == status) and (category is None or entry.category == category)
        }

    def report(self, progress: Callable[[str, int, int], None] | None = None) -> Report:
        """The Report the command line renders (a fresh scan of the same archive)."""
        return scan(self.path, self.mapping, self.options, progress)


def open_export(path: str | Path, mapping: Mapping | None = None, options: ScanOptions | None = None) -> Export:
    """Open a LinkedIn export (a ZIP under any download name, or its extracted folder) for reading."""
    return Export(path, mapping, options)


def _rows(table: Table) -> list[list[str]]:
    return [row for batch in table.batches for row in batch]


def _dates(pd: Any, values: tuple[str, ...]) -> tuple[Any, int]:
    """datetime64 values of a date column (NaT where there is no date), and how many values were unreadable."""
    parsed: dict[str, date | None] = {}
    unreadable: set[str] = set()
    for value in set(values):  # each distinct value parsed once
        when = parse_date(value)
        parsed[value] = when if isinstance(when, date) else None
        if when == UNPARSEABLE:
            unreadable.add(value)
    bad = sum(1 for v in values if v in unreadable)
    return pd.to_datetime(pd.Series([parsed[v] for v in values], dtype=object)), bad


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise FrameError(
            "DataFrames need pandas: pip install 'linkedin-ai-exposure[pandas]' (or pip install pandas)"
        ) from None
    return pandas


def _has_pyarrow() -> bool:
    from analyzer.read import arrow

    return arrow.arrow() is not None
