"""TOML tables → the mapping's dataclasses, collecting every problem with where it is (never the first only)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

from analyzer.mapping.fields import (
    read_choice,
    read_date,
    read_regions,
    read_sources,
    read_split,
    read_text,
    reject_unknown,
)
from analyzer.mapping.model import (
    FORMATS,
    ROLES,
    AuthoredWhen,
    Category,
    Dataset,
    Mapping,
    compile_pattern,
    example_path,
)
from analyzer.model import CONFIDENCES, STATUSES, Source, Text
from analyzer.said import Said, at

_TOP_KEYS = {"platform", "version", "reviewed", "sources", "categories", "datasets", "extends"}
_SOURCE_KEYS = {"title", "title_de", "publisher", "url", "seen", "known"}
#: How a source is known when nobody could open it: ``known = "quotes"`` instead of a ``seen`` date.
KNOWN_THROUGH = ("quotes",)
_CATEGORY_KEYS = {"status", "confidence", "sources", "label", "description", "reason"}
_DATASET_KEYS = {
    "name", "patterns", "category", "description", "layouts", "columns", "status", "confidence",
    "reason", "sources", "format", "authored_when", "unit", "placeholders", "same_records_as", "split",
    "regions", "identity",
}  # fmt: skip


def _linear(pattern: str) -> bool:
    """At most one ``**/`` and one wildcard per folder or file name: the regex then never backtracks far."""
    names = [n for n in pattern.split("/") if n != "**"]
    return pattern.count("**/") <= 1 and all(n.count("*") + n.count("<n>") <= 1 for n in names)


def _entries(
    raw: dict[str, Any], section: str, where: str, problems: list[str]
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(key, location, table) for every entry of ``[section.KEY]``; a missing section or non-table is a problem."""
    tables = raw.get(section, {})
    if not isinstance(tables, dict) or not tables:
        problems.append(Said("mapping.section_empty", where=where, section=section))
        return
    for key, entry in tables.items():
        loc = at(where, f"{section}.{key}")
        if isinstance(entry, dict):
            yield key, loc, entry
        else:
            problems.append(Said("mapping.not_a_table", where=loc))


def build(raw: dict[str, Any], where: str, problems: list[str]) -> Mapping | None:
    reject_unknown({k: v for k, v in raw.items() if k != "policy_effective"}, _TOP_KEYS, where, problems)
    for key in ("platform", "version"):
        if not isinstance(raw.get(key), str) or not raw.get(key):
            problems.append(Said("mapping.missing", where=where, item=repr(key)))
    reviewed = read_date(raw.get("reviewed"), where, "reviewed", problems)
    if "policy_effective" in raw:  # before mapping 2026.12.01
        problems.append(Said("mapping.policy_effective", where=where))

    sources: list[Source] = []
    for key, loc, entry in _entries(raw, "sources", where, problems):
        reject_unknown(entry, _SOURCE_KEYS, loc, problems)
        url = entry.get("url")
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            problems.append(Said("mapping.no_url", where=loc))
        for req in ("title", "publisher"):
            if not isinstance(entry.get(req), str) or not entry.get(req):
                problems.append(Said("mapping.missing", where=loc, item=repr(req)))
        if not isinstance(entry.get("title_de", ""), str):
            problems.append(Said("mapping.title_de", where=loc))
        seen, known = entry.get("seen"), entry.get("known")
        if seen is not None and not isinstance(seen, date):
            problems.append(Said("mapping.seen", where=loc))
        if known is not None:
            read_choice(known, KNOWN_THROUGH, loc, "known", problems)
            if seen is not None:
                problems.append(Said("mapping.seen_and_known", where=loc))
        sources.append(
            Source(
                key,
                str(entry.get("title", "")),
                str(entry.get("publisher", "")),
                str(url or ""),
                seen if isinstance(seen, date) else None,
                str(known) if known in KNOWN_THROUGH else "",
                str(entry.get("title_de", "")),
            )
        )
    source_keys = {s.key for s in sources}

    categories: dict[str, Category] = {}
    for key, loc, entry in _entries(raw, "categories", where, problems):
        reject_unknown(entry, _CATEGORY_KEYS, loc, problems)
        status = read_choice(entry.get("status"), STATUSES, loc, "status", problems)
        confidence = read_choice(entry.get("confidence"), CONFIDENCES, loc, "confidence", problems)
        categories[key] = Category(
            key,
            read_text(entry.get("label"), loc, "label", problems),
            read_text(entry.get("description"), loc, "description", problems),
            str(status),
            str(confidence),
            read_text(entry.get("reason"), loc, "reason", problems),
            read_sources(entry.get("sources"), source_keys, loc, problems),
        )

    datasets: list[Dataset] = []
    raw_datasets = raw.get("datasets", [])
    if not isinstance(raw_datasets, list) or not raw_datasets:
        problems.append(Said("mapping.no_datasets", where=where))
        raw_datasets = []
    names: set[str] = set()
    for i, entry in enumerate(raw_datasets):
        name = entry.get("name") if isinstance(entry, dict) else None
        loc = at(where, f"datasets[{i}]" + (f" {name!r}" if name else ""))
        if not isinstance(entry, dict):
            problems.append(Said("mapping.not_a_table", where=loc))
            continue
        dataset = _build_dataset(entry, loc, categories, source_keys, problems)
        if dataset is None:
            continue
        if dataset.name in names:
            problems.append(Said("mapping.duplicate_name", where=loc, name=repr(dataset.name)))
        names.add(dataset.name)
        datasets.append(dataset)
        if "split" in entry:
            split = read_split(entry["split"], dataset, loc, source_keys, problems)
            if split is not None:
                datasets[-1] = replace(dataset, split=split.split)  # the parent keeps the other records
                names.add(split.name)
                datasets.append(split)
    by_name = {d.name: d for d in datasets}
    for dataset in datasets:
        other = by_name.get(dataset.same_records_as or "")
        if dataset.same_records_as and other is None:
            problems.append(Said("mapping.same_records_unknown", where=where, name=repr(dataset.name),
                                 other=repr(dataset.same_records_as)))  # fmt: skip
        elif other is not None and not dataset.shared_columns(other):
            problems.append(Said("mapping.same_records_no_column", where=where, name=repr(dataset.name),
                                 other=repr(other.name)))  # fmt: skip
    if reviewed is None:
        return None
    return Mapping(
        str(raw.get("platform", "")),
        str(raw.get("version", "")),
        reviewed,
        tuple(sources),
        tuple(categories.values()),
        tuple(datasets),
    )


def _build_dataset(
    entry: dict[str, Any], loc: str, categories: dict[str, Category], source_keys: set[str], problems: list[str]
) -> Dataset | None:
    reject_unknown(entry, _DATASET_KEYS, loc, problems)
    name = entry.get("name")
    if not isinstance(name, str) or not name:
        problems.append(
            Said("mapping.name_not_text", where=loc) if name else Said("mapping.missing", where=loc, item="'name'")
        )
        return None
    patterns = entry.get("patterns")
    if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) and p for p in patterns):
        problems.append(Said("mapping.patterns", where=loc))
        patterns = []
    for pattern in [p for p in patterns if not _linear(p)]:  # so that every match takes linear time
        problems.append(Said("mapping.pattern_backtracks", where=loc, pattern=repr(pattern)))
        patterns = []
    named = entry.get("category")
    category = categories.get(named) if isinstance(named, str) else None
    if category is None:
        problems.append(Said("mapping.unknown_category", where=loc, value=repr(entry.get("category"))))
        category = Category("?", Text("", ""), Text("", ""), "unclear", "low", Text("", ""), ())
    fmt = read_choice(entry.get("format", "csv"), FORMATS, loc, "format", problems)
    status = entry.get("status")
    if status is not None:
        read_choice(status, STATUSES, loc, "status", problems)
    confidence = entry.get("confidence")
    if confidence is not None:
        read_choice(confidence, CONFIDENCES, loc, "confidence", problems)
    reason = None
    sources: tuple[str, ...] = ()
    if status is not None and status != category.status:
        reason = read_text(entry.get("reason"), loc, Said("mapping.reason_needed"), problems, key="reason")
        sources = read_sources(entry.get("sources"), source_keys, loc, problems)
    elif "reason" in entry or "sources" in entry:
        reason = read_text(entry.get("reason"), loc, "reason", problems) if "reason" in entry else None
        sources = read_sources(entry.get("sources"), source_keys, loc, problems) if "sources" in entry else ()

    layouts_raw = entry.get("layouts", [])
    layouts: list[tuple[str, ...]] = []
    if not isinstance(layouts_raw, list):
        problems.append(Said("mapping.layouts", where=loc))
        layouts_raw = []
    for j, layout in enumerate(layouts_raw):
        if not isinstance(layout, list) or not layout or not all(isinstance(c, str) and c for c in layout):
            problems.append(Said("mapping.layout", where=loc, index=j))
            continue
        layouts.append(tuple(layout))
    columns_raw = entry.get("columns", {})
    if not isinstance(columns_raw, dict):
        problems.append(Said("mapping.columns", where=loc))
        columns_raw = {}
    seen_lower: dict[str, str] = {}
    columns: list[tuple[str, str]] = []
    for column, role in columns_raw.items():
        if role not in ROLES:
            problems.append(Said("mapping.unknown_role", where=loc, column=repr(column), role=repr(role),
                                 allowed=", ".join(ROLES)))  # fmt: skip
        if column.lower() in seen_lower:
            problems.append(Said("mapping.column_twice", where=loc, column=repr(column),
                                 other=repr(seen_lower[column.lower()])))  # fmt: skip
        seen_lower[column.lower()] = column
        columns.append((column, str(role)))
    in_layouts = {c.lower() for layout in layouts for c in layout}
    missing = dict.fromkeys(c for layout in layouts for c in layout if c.lower() not in seen_lower)
    for column in missing:
        problems.append(Said("mapping.column_no_role", where=loc, column=repr(column)))
    for column in seen_lower.values():
        if column.lower() not in in_layouts:
            problems.append(Said("mapping.column_no_layout", where=loc, column=repr(column)))
    authored: list[AuthoredWhen] = []
    conditions = entry.get("authored_when", [])
    if not isinstance(conditions, list):
        problems.append(Said("mapping.authored_when", where=loc))
        conditions = []
    for j, cond in enumerate(conditions):
        if not isinstance(cond, dict) or set(cond) != {"column", "equals"}:
            problems.append(Said("mapping.authored_when.entry", where=loc, index=j))
            continue
        if str(cond["column"]).lower() not in seen_lower:
            problems.append(Said("mapping.authored_when.column", where=loc, index=j, column=repr(cond["column"])))
        authored.append(AuthoredWhen(str(cond["column"]), str(cond["equals"])))
    return Dataset(
        name=name,
        patterns=tuple(patterns),
        category=category,
        description=read_text(entry.get("description"), loc, "description", problems),
        layouts=tuple(layouts),
        columns=tuple(columns),
        format=str(fmt),
        authored_when=tuple(authored),
        status_override=status if status in STATUSES and status != category.status else None,
        confidence_override=confidence if confidence in CONFIDENCES else None,
        reason_override=reason,
        sources_override=sources,
        unit=read_text(entry["unit"], loc, "unit", problems) if "unit" in entry else None,
        placeholders=_placeholders(entry.get("placeholders"), seen_lower, loc, problems),
        same_records_as=_same_records_as(entry.get("same_records_as"), name, loc, problems),
        regional=read_regions(entry.get("regions"), loc, source_keys, problems),
        identity=_identity(entry.get("identity"), seen_lower, loc, problems),
    )


def _same_records_as(value: Any, name: str, loc: str, problems: list[str]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value or value == name:
        problems.append(Said("mapping.same_records_other", where=loc))
        return None
    return value


def _identity(value: Any, columns: dict[str, str], loc: str, problems: list[str]) -> tuple[tuple[str, ...], ...]:
    """``identity = ["Date", "ShareLink|Share Link"]``: columns of 'columns', a column's names in other eras after "|"."""
    if value is None:
        return ()
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(Said("mapping.identity", where=loc))
        return ()
    out = []
    for entry in value:
        names = tuple(n.strip() for n in entry.split("|"))
        for unknown in (n for n in names if n.lower() not in columns):
            problems.append(Said("mapping.identity.column", where=loc, column=repr(unknown)))
        out.append(names)
    return tuple(out)


def _placeholders(
    value: Any, columns: dict[str, str], loc: str, problems: list[str]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``placeholders = ["N/A"]`` (every column) or ``{ "Media Description" = ["-"], "*" = ["N/A"] }``."""
    if value is None:
        return ()
    if isinstance(value, list):
        value = {"*": value}
    if not isinstance(value, dict):
        problems.append(Said("mapping.placeholders", where=loc))
        return ()
    out = []
    for column, values in value.items():
        if column != "*" and column.lower() not in columns:
            problems.append(Said("mapping.placeholders.column", where=loc, column=repr(column)))
        if not isinstance(values, list) or not values or not all(isinstance(v, str) and v.strip() for v in values):
            problems.append(Said("mapping.placeholders.values", where=loc, column=repr(column)))
            continue
        out.append((column.lower(), tuple(v.strip().lower() for v in values)))
    return tuple(out)


def check_patterns(mapping: Mapping, where: str, known: list[str]) -> list[str]:
    """Every pattern matches a file seen in a real export, and no file is claimed by two datasets."""
    problems: list[str] = []
    written = [d for d in mapping.datasets if d.split_of is None]  # as in the file: drafts come from their parent
    for i, dataset in enumerate(written):
        loc = at(where, f"datasets[{i}] {dataset.name!r}")
        for pattern in dataset.patterns:
            try:
                regex = re.compile(compile_pattern(pattern))
            except re.error as exc:  # pragma: no cover - compile_pattern escapes everything
                problems.append(Said("mapping.pattern_invalid", where=loc, pattern=repr(pattern), reason=str(exc)))
                continue
            if not any(regex.fullmatch(path) for path in known):
                problems.append(Said("mapping.pattern_nothing", where=loc, pattern=repr(pattern)))
    claims: dict[str, list[str]] = {}
    probes = list(known) + [example_path(p) for d in mapping.datasets for p in d.patterns]
    # A pattern without a wildcard claims only its own path: looked up, not matched against every probe
    # (3,000 datasets took minutes to check).
    exact: dict[str, list[Dataset]] = {}
    wild: list[Dataset] = []
    for dataset in mapping.datasets:
        if any(c in p for p in dataset.patterns for c in "*<"):
            wild.append(dataset)
        else:
            for pattern in dict.fromkeys(dataset.patterns):
                exact.setdefault(pattern, []).append(dataset)
    order = {id(d): i for i, d in enumerate(mapping.datasets)}
    for path in probes:
        for dataset in sorted([*exact.get(path, []), *wild], key=lambda d: order[id(d)]):
            if dataset.matches(path) and dataset.name not in claims.setdefault(path, []):
                claims[path].append(dataset.name)
    reported: set[tuple[str, ...]] = set()
    for path, owners in claims.items():
        if len(owners) > 1 and tuple(owners) not in reported:
            reported.add(tuple(owners))
            names = Text(" and ".join(map(repr, owners)), " und ".join(map(repr, owners)))
            problems.append(Said("mapping.overlap", where=where, names=names, path=repr(path)))
    return problems
