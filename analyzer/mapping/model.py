"""The mapping as frozen dataclasses: categories, datasets (which paths, which columns, what status) and
the patterns that match member paths. Built from TOML by ``load``, checked by ``validate``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import cached_property

from analyzer.frozen import frozen
from analyzer.model import STATUS_RANK, Source, Text

ROLES = ("date", "authored_text", "person_name", "contact", "url", "location", "identifier", "other")
LANGS = ("en", "de")
FORMATS = ("csv", "article")
BUILTIN = "builtin"


@frozen
class Category:
    """A group of datasets with one label: its status, how sure the label is, why, and the sources."""

    key: str
    label: Text
    description: Text
    status: str
    confidence: str
    reason: Text
    sources: tuple[str, ...]


@frozen
class AuthoredWhen:
    """A record's authored text counts as the member's only when ``column`` equals ``equals``.

    ``{member}`` in ``equals`` stands for the member's full name from Profile.csv.
    """

    column: str
    equals: str


@frozen
class Split:
    """The records of a dataset counted as a dataset of their own (``split = {…}`` in the mapping): those whose
    ``column`` is empty (``values`` empty: article drafts) or holds one of ``values`` (connections-only posts)."""

    column: str  # lower-cased
    values: frozenset[str]  # stripped, lower-cased; empty: the records where the column is empty
    name: str  # the dataset they are counted as

    def takes(self, value: str) -> bool:
        """Whether a record with this value in ``column`` belongs to the split-off dataset."""
        value = value.strip()
        return value.lower() in self.values if self.values else not value


@frozen
class Label:
    """What a dataset is labelled for the members of one region (``regions = { uk = {…} }`` in the mapping)."""

    status: str
    confidence: str
    reason: Text
    sources: tuple[str, ...]


@frozen
class Dataset:
    """One kind of export file: which paths it covers, what it is, and the role of each column."""

    name: str
    patterns: tuple[str, ...]
    category: Category
    description: Text
    layouts: tuple[tuple[str, ...], ...]
    columns: tuple[tuple[str, str], ...]
    format: str = "csv"
    authored_when: tuple[AuthoredWhen, ...] = ()
    status_override: str | None = None
    confidence_override: str | None = None
    reason_override: Text | None = None
    sources_override: tuple[str, ...] = ()
    unit: Text | None = None  # "post|posts": what one record is, singular|plural, for the headline
    #: Values that stand for "nothing" (``-``, ``N/A``, year ``0``), per lower-cased column, "*" for every
    #: column; compared stripped and lower-cased. They are neither data points nor words.
    placeholders: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: The newer dataset that holds this (legacy) dataset's records again: those are counted once, there.
    same_records_as: str | None = None
    #: Records counted as another dataset, which the mapping derives from this one (``split = {…}``) and
    #: which holds ``split_of`` = this name.
    split: Split | None = None
    split_of: str | None = None
    #: A label that replaces this one for the members of a region (region key → label).
    regional: tuple[tuple[str, Label], ...] = ()
    #: The columns that tell one record from another when two exports are compared, each as the names it
    #: had in different eras (``("ShareLink", "Share Link")``); () means the whole record (``identity.py``).
    identity: tuple[tuple[str, ...], ...] = ()
    #: The name for a German reader, where the name is ours and not the export's (a split's).
    name_de: str = ""

    def name_in(self, lang: str) -> str:
        """The name a reader of ``lang`` is shown: the German one where the mapping gives it."""
        return self.name_de if lang == "de" and self.name_de else self.name

    @property
    def status(self) -> str:
        return self.status_override or self.category.status

    @property
    def confidence(self) -> str:
        return self.confidence_override or self.category.confidence

    @property
    def reason(self) -> Text:
        return self.reason_override or self.category.reason

    @property
    def sources(self) -> tuple[str, ...]:
        return self.sources_override or self.category.sources

    def for_region(self, region: str | None) -> Dataset:
        """This dataset as labelled for the members of ``region`` (itself when the region has no label of its own)."""
        label = dict(self.regional).get(region or "")
        if label is None:
            return self
        return replace(
            self,
            status_override=label.status,
            confidence_override=label.confidence,
            reason_override=label.reason,
            sources_override=label.sources,
        )

    @cached_property
    def _names(self) -> frozenset[str]:
        """The patterns that are whole paths (nearly all): compared as strings, never compiled."""
        return frozenset(p for p in self.patterns if not _is_wildcard(p))

    @cached_property
    def _regex(self) -> re.Pattern[str] | None:
        """The other patterns as one regex, compiled when first needed (None when there are none)."""
        wildcards = [p for p in self.patterns if _is_wildcard(p)]
        return re.compile("|".join(f"(?:{compile_pattern(p)})" for p in wildcards)) if wildcards else None

    @cached_property
    def _roles(self) -> dict[str, str]:
        return {name.lower(): role for name, role in self.columns}

    def matches(self, path: str) -> bool:
        if path in self._names:
            return True
        return self._regex is not None and self._regex.fullmatch(path) is not None

    def shared_columns(self, other: Dataset) -> tuple[str, ...]:
        """The (lower-cased) columns of this dataset's layouts that ``other``'s layouts have too, in order."""
        theirs = {c.lower() for layout in other.layouts for c in layout}
        mine = [c.lower() for layout in self.layouts for c in layout]
        return tuple(c for c in dict.fromkeys(mine) if c in theirs)

    def placeholders_for(self, column: str) -> frozenset[str]:
        """The placeholder values of a header cell (stripped, lower-cased), the dataset-wide ones included."""
        key = column.strip().lower()
        return frozenset(v for c, values in self.placeholders if c in ("*", key) for v in values)

    def role(self, column: str) -> str | None:
        """The role of a header cell, matched case-insensitively; None when the mapping does not know it."""
        return self._roles.get(column.strip().lower())

    def closest_layout(self, header: list[str]) -> tuple[str, ...] | None:
        """The known layout sharing the most columns with ``header`` (None when there is none)."""
        if not self.layouts:
            return None
        have = {h.lower() for h in header}
        return max(self.layouts, key=lambda layout: len(have & {c.lower() for c in layout}))

    def is_known_layout(self, header: list[str]) -> bool:
        lowered = [h.lower() for h in header]
        return any(lowered == [c.lower() for c in layout] for layout in self.layouts)


@frozen
class Mapping:
    """The parsed mapping: the platform's categories and datasets, and the sources they cite."""

    platform: str
    version: str
    reviewed: date
    sources: tuple[Source, ...]
    categories: tuple[Category, ...]
    datasets: tuple[Dataset, ...]
    origin: str = BUILTIN

    def match(self, path: str) -> Dataset | None:
        """The first dataset whose patterns match the whole member path, or None: the first that names the path,
        unless a dataset before it has a wildcard pattern that matches it."""
        named = self._first_naming.get(path)
        for at, dataset in self._with_wildcards:
            if named is not None and at > named:
                break
            if dataset.matches(path):
                return dataset
        return self.datasets[named] if named is not None else None

    @cached_property
    def _first_naming(self) -> dict[str, int]:
        """Each whole path a pattern names → the position of the first dataset naming it."""
        first: dict[str, int] = {}
        for at, dataset in enumerate(self.datasets):
            for name in dataset._names:
                first.setdefault(name, at)
        return first

    @cached_property
    def _with_wildcards(self) -> tuple[tuple[int, Dataset], ...]:
        """The datasets with a ``*`` or ``<n>`` pattern, with their positions, in order."""
        return tuple((at, d) for at, d in enumerate(self.datasets) if any(map(_is_wildcard, d.patterns)))


def compile_pattern(pattern: str) -> str:
    """A mapping pattern as a regex: ``*`` within a folder, ``**/`` any folders, ``<n>`` digits."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:[^/]+/)*")
            i += 3
        elif pattern.startswith("<n>", i):
            out.append(r"\d+")
            i += 3
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)


def _is_wildcard(pattern: str) -> bool:
    """Whether ``compile_pattern`` gives more than the pattern itself, escaped: a ``*`` or a ``<n>`` in it."""
    return "*" in pattern or "<n>" in pattern


def example_path(pattern: str) -> str:
    return pattern.replace("**/", "").replace("<n>", "123").replace("*", "example")


def categories_in_order(mapping: Mapping) -> Iterable[Category]:
    """Categories ordered used → unclear → excluded, then as written in the file."""
    return sorted(mapping.categories, key=lambda c: STATUS_RANK[c.status])
