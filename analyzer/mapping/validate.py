"""TOML tables → the mapping's dataclasses, collecting every problem with where it is (never the first only)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

from analyzer.mapping.model import (
    FORMATS,
    LANGS,
    ROLES,
    AuthoredWhen,
    Category,
    Dataset,
    Mapping,
    compile_pattern,
    example_path,
)
from analyzer.model import CONFIDENCES, STATUSES, Source, Text

_TOP_KEYS = {"platform", "version", "reviewed", "policy_effective", "sources", "categories", "datasets", "extends"}
_SOURCE_KEYS = {"title", "publisher", "url", "seen"}
_CATEGORY_KEYS = {"status", "confidence", "sources", "label", "description", "reason"}
_DATASET_KEYS = {
    "name", "patterns", "category", "description", "layouts", "columns", "status", "confidence",
    "reason", "sources", "format", "authored_when", "unit", "placeholders", "same_records_as", "drafts",
    "identity",
}  # fmt: skip


def _text(value: Any, where: str, what: str, problems: list[str]) -> Text:
    if not isinstance(value, dict):
        problems.append(f"{where}: {what} must be a table with 'en' and 'de' text")
        return Text("", "")
    for extra in sorted(set(value) - set(LANGS)):
        problems.append(f"{where}: {what}: unknown language {extra!r} (allowed: en, de)")
    for lang in LANGS:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            language = "German" if lang == "de" else "English"
            problems.append(f"{where}: {what}: missing {language} text ({what}.{lang})")
    return Text(str(value.get("en", "")), str(value.get("de", "")))


def _unknown(entry: dict[str, Any], allowed: set[str], where: str, problems: list[str]) -> None:
    for key in sorted(set(entry) - allowed):
        problems.append(f"{where}: unknown key {key!r} (allowed: {', '.join(sorted(allowed))})")


def _source_keys(value: Any, known: set[str], where: str, problems: list[str]) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        problems.append(f"{where}: sources must be a non-empty list of source keys")
        return ()
    for key in value:
        if key not in known:
            problems.append(f"{where}: unknown source key {key!r}")
    return tuple(value)


def _entries(
    raw: dict[str, Any], section: str, where: str, problems: list[str]
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(key, location, table) for every entry of ``[section.KEY]``; a missing section or non-table is a problem."""
    tables = raw.get(section, {})
    if not isinstance(tables, dict) or not tables:
        problems.append(f"{where}: [{section}] must define at least one entry")
        return
    for key, entry in tables.items():
        loc = f"{where}: {section}.{key}"
        if isinstance(entry, dict):
            yield key, loc, entry
        else:
            problems.append(f"{loc}: must be a table")


def _choice(value: Any, allowed: tuple[str, ...], loc: str, what: str, problems: list[str]) -> Any:
    if value not in allowed:
        problems.append(f"{loc}: {what} {value!r} is not one of {', '.join(allowed)}")
    return value


def _date(value: Any, where: str, what: str, problems: list[str]) -> date | None:
    if isinstance(value, date):
        return value
    problems.append(f"{where}: {what} must be a date like 2025-11-03")
    return None


def build(raw: dict[str, Any], where: str, problems: list[str]) -> Mapping | None:
    _unknown(raw, _TOP_KEYS, where, problems)
    for key in ("platform", "version"):
        if not isinstance(raw.get(key), str) or not raw.get(key):
            problems.append(f"{where}: missing {key!r}")
    reviewed = _date(raw.get("reviewed"), where, "reviewed", problems)
    effective = _date(raw.get("policy_effective"), where, "policy_effective", problems)

    sources: list[Source] = []
    for key, loc, entry in _entries(raw, "sources", where, problems):
        _unknown(entry, _SOURCE_KEYS, loc, problems)
        url = entry.get("url")
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            problems.append(f"{loc}: source without URL (url must start with https://)")
        for req in ("title", "publisher"):
            if not isinstance(entry.get(req), str) or not entry.get(req):
                problems.append(f"{loc}: missing {req!r}")
        seen = entry.get("seen")
        if seen is not None and not isinstance(seen, date):
            problems.append(f"{loc}: seen must be a date like 2026-11-29")
        sources.append(
            Source(
                key,
                str(entry.get("title", "")),
                str(entry.get("publisher", "")),
                str(url or ""),
                seen if isinstance(seen, date) else None,
            )
        )
    source_keys = {s.key for s in sources}

    categories: dict[str, Category] = {}
    for key, loc, entry in _entries(raw, "categories", where, problems):
        _unknown(entry, _CATEGORY_KEYS, loc, problems)
        status = _choice(entry.get("status"), STATUSES, loc, "status", problems)
        confidence = _choice(entry.get("confidence"), CONFIDENCES, loc, "confidence", problems)
        categories[key] = Category(
            key,
            _text(entry.get("label"), loc, "label", problems),
            _text(entry.get("description"), loc, "description", problems),
            str(status),
            str(confidence),
            _text(entry.get("reason"), loc, "reason", problems),
            _source_keys(entry.get("sources"), source_keys, loc, problems),
        )

    datasets: list[Dataset] = []
    raw_datasets = raw.get("datasets", [])
    if not isinstance(raw_datasets, list) or not raw_datasets:
        problems.append(f"{where}: [[datasets]] must define at least one dataset")
        raw_datasets = []
    names: set[str] = set()
    for i, entry in enumerate(raw_datasets):
        name = entry.get("name") if isinstance(entry, dict) else None
        loc = f"{where}: datasets[{i}]" + (f" {name!r}" if name else "")
        if not isinstance(entry, dict):
            problems.append(f"{loc}: must be a table")
            continue
        dataset = _build_dataset(entry, loc, categories, source_keys, problems)
        if dataset is None:
            continue
        if dataset.name in names:
            problems.append(f"{loc}: another dataset already has the name {dataset.name!r}")
        names.add(dataset.name)
        datasets.append(dataset)
        if "drafts" in entry:
            split = _drafts(entry["drafts"], dataset, loc, categories, source_keys, problems)
            if split is not None:
                datasets[-1] = replace(dataset, split=split.split)  # the parent keeps the other records
                names.add(split.name)
                datasets.append(split)
    by_name = {d.name: d for d in datasets}
    for dataset in datasets:
        other = by_name.get(dataset.same_records_as or "")
        if dataset.same_records_as and other is None:
            problems.append(
                f"{where}: datasets {dataset.name!r}: same_records_as {dataset.same_records_as!r} is no dataset"
            )
        elif other is not None and not dataset.shared_columns(other):
            problems.append(
                f"{where}: datasets {dataset.name!r}: same_records_as {other.name!r}, but no column is in both"
            )
    if reviewed is None or effective is None:
        return None
    return Mapping(
        str(raw.get("platform", "")),
        str(raw.get("version", "")),
        reviewed,
        effective,
        tuple(sources),
        tuple(categories.values()),
        tuple(datasets),
    )


def _build_dataset(
    entry: dict[str, Any], loc: str, categories: dict[str, Category], source_keys: set[str], problems: list[str]
) -> Dataset | None:
    _unknown(entry, _DATASET_KEYS, loc, problems)
    name = entry.get("name")
    if not isinstance(name, str) or not name:
        problems.append(f"{loc}: missing 'name'")
        return None
    patterns = entry.get("patterns")
    if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) and p for p in patterns):
        problems.append(f"{loc}: patterns must be a non-empty list of file paths")
        patterns = []
    named = entry.get("category")
    category = categories.get(named) if isinstance(named, str) else None
    if category is None:
        problems.append(f"{loc}: unknown category {entry.get('category')!r}")
        category = Category("?", Text("", ""), Text("", ""), "unclear", "low", Text("", ""), ())
    fmt = _choice(entry.get("format", "csv"), FORMATS, loc, "format", problems)
    status = entry.get("status")
    if status is not None:
        _choice(status, STATUSES, loc, "status", problems)
    confidence = entry.get("confidence")
    if confidence is not None:
        _choice(confidence, CONFIDENCES, loc, "confidence", problems)
    reason = None
    sources: tuple[str, ...] = ()
    if status is not None and status != category.status:
        reason = _text(entry.get("reason"), loc, "reason (needed when status overrides the category)", problems)
        sources = _source_keys(entry.get("sources"), source_keys, loc, problems)
    elif "reason" in entry or "sources" in entry:
        reason = _text(entry.get("reason"), loc, "reason", problems) if "reason" in entry else None
        sources = _source_keys(entry.get("sources"), source_keys, loc, problems) if "sources" in entry else ()

    layouts_raw = entry.get("layouts", [])
    layouts: list[tuple[str, ...]] = []
    if not isinstance(layouts_raw, list):
        problems.append(f"{loc}: layouts must be a list of headers (lists of column names)")
        layouts_raw = []
    for j, layout in enumerate(layouts_raw):
        if not isinstance(layout, list) or not layout or not all(isinstance(c, str) and c for c in layout):
            problems.append(f"{loc}: layouts[{j}] must be a non-empty list of column names")
            continue
        layouts.append(tuple(layout))
    columns_raw = entry.get("columns", {})
    if not isinstance(columns_raw, dict):
        problems.append(f"{loc}: columns must be a table of column name = role")
        columns_raw = {}
    seen_lower: dict[str, str] = {}
    columns: list[tuple[str, str]] = []
    for column, role in columns_raw.items():
        if role not in ROLES:
            problems.append(f"{loc}: column {column!r}: role {role!r} is not one of {', '.join(ROLES)}")
        if column.lower() in seen_lower:
            problems.append(f"{loc}: column {column!r} is listed twice (also as {seen_lower[column.lower()]!r})")
        seen_lower[column.lower()] = column
        columns.append((column, str(role)))
    in_layouts = {c.lower() for layout in layouts for c in layout}
    missing = dict.fromkeys(c for layout in layouts for c in layout if c.lower() not in seen_lower)
    for column in missing:
        problems.append(f"{loc}: column {column!r} of a known layout has no role in 'columns'")
    for column in seen_lower.values():
        if column.lower() not in in_layouts:
            problems.append(f"{loc}: column {column!r} has a role but appears in no layout")
    authored: list[AuthoredWhen] = []
    for j, cond in enumerate(entry.get("authored_when", []) or []):
        if not isinstance(cond, dict) or set(cond) != {"column", "equals"}:
            problems.append(f'{loc}: authored_when[{j}] must be {{ column = "…", equals = "…" }}')
            continue
        if str(cond["column"]).lower() not in seen_lower:
            problems.append(f"{loc}: authored_when[{j}]: column {cond['column']!r} is not in 'columns'")
        authored.append(AuthoredWhen(str(cond["column"]), str(cond["equals"])))
    return Dataset(
        name=name,
        patterns=tuple(patterns),
        category=category,
        description=_text(entry.get("description"), loc, "description", problems),
        layouts=tuple(layouts),
        columns=tuple(columns),
        format=str(fmt),
        authored_when=tuple(authored),
        status_override=status if status in STATUSES and status != category.status else None,
        confidence_override=confidence if confidence in CONFIDENCES else None,
        reason_override=reason,
        sources_override=sources,
        unit=_text(entry["unit"], loc, "unit", problems) if "unit" in entry else None,
        placeholders=_placeholders(entry.get("placeholders"), seen_lower, loc, problems),
        same_records_as=_same_records_as(entry.get("same_records_as"), name, loc, problems),
        identity=_identity(entry.get("identity"), seen_lower, loc, problems),
    )


_DRAFT_KEYS = {"name", "where_empty", "status", "confidence", "reason", "sources", "unit", "description"}


def _drafts(
    value: Any, parent: Dataset, loc: str, categories: dict[str, Category], source_keys: set[str], problems: list[str]
) -> Dataset | None:
    """``drafts = { name = …, where_empty = "Published On", status, confidence, reason, sources, … }``: the
    records of ``parent`` whose column is empty, counted as a dataset of their own."""
    where = f"{loc}: drafts"
    if not isinstance(value, dict):
        problems.append(f"{where} must be a table")
        return None
    _unknown(value, _DRAFT_KEYS, where, problems)
    name, column = value.get("name"), value.get("where_empty")
    if not isinstance(name, str) or not name:
        problems.append(f"{where}: missing 'name'")
        return None
    if not isinstance(column, str) or parent.role(column) is None:
        problems.append(f"{where}: where_empty must name a column of {parent.name!r}")
        return None
    status = _choice(value.get("status"), STATUSES, where, "status", problems)
    confidence = _choice(value.get("confidence"), CONFIDENCES, where, "confidence", problems)
    return replace(
        parent,
        name=name,
        patterns=(),
        status_override=status if status != parent.category.status else None,
        confidence_override=confidence,
        reason_override=_text(value.get("reason"), where, "reason", problems),
        sources_override=_source_keys(value.get("sources"), source_keys, where, problems),
        unit=_text(value["unit"], where, "unit", problems) if "unit" in value else None,
        description=_text(value.get("description"), where, "description", problems),
        split=(column, name),
        split_of=parent.name,
    )


def _same_records_as(value: Any, name: str, loc: str, problems: list[str]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value or value == name:
        problems.append(f"{loc}: same_records_as must name another dataset")
        return None
    return value


def _identity(value: Any, columns: dict[str, str], loc: str, problems: list[str]) -> tuple[tuple[str, ...], ...]:
    """``identity = ["Date", "ShareLink|Share Link"]``: columns of 'columns', a column's names in other eras after "|"."""
    if value is None:
        return ()
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{loc}: identity must be a non-empty list of column names")
        return ()
    out = []
    for entry in value:
        names = tuple(n.strip() for n in entry.split("|"))
        for unknown in (n for n in names if n.lower() not in columns):
            problems.append(f"{loc}: identity: column {unknown!r} is not in 'columns'")
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
        problems.append(f"{loc}: placeholders must be a list of values or a table of column = [values]")
        return ()
    out = []
    for column, values in value.items():
        if column != "*" and column.lower() not in columns:
            problems.append(f"{loc}: placeholders: column {column!r} is not in 'columns'")
        if not isinstance(values, list) or not values or not all(isinstance(v, str) and v.strip() for v in values):
            problems.append(f"{loc}: placeholders: {column!r} must be a non-empty list of values")
            continue
        out.append((column.lower(), tuple(v.strip().lower() for v in values)))
    return tuple(out)


def check_patterns(mapping: Mapping, where: str, known: list[str]) -> list[str]:
    """Every pattern matches a file seen in a real export, and no file is claimed by two datasets."""
    problems: list[str] = []
    written = [d for d in mapping.datasets if d.split_of is None]  # as in the file: drafts come from their parent
    for i, dataset in enumerate(written):
        loc = f"{where}: datasets[{i}] {dataset.name!r}"
        for pattern in dataset.patterns:
            try:
                regex = re.compile(compile_pattern(pattern))
            except re.error as exc:  # pragma: no cover - compile_pattern escapes everything
                problems.append(f"{loc}: pattern {pattern!r} is not valid ({exc})")
                continue
            if not any(regex.fullmatch(path) for path in known):
                problems.append(f"{loc}: pattern {pattern!r} matches no file in any known export layout")
    claims: dict[str, list[str]] = {}
    probes = list(known) + [example_path(p) for d in mapping.datasets for p in d.patterns]
    for path in probes:
        for dataset in mapping.datasets:
            if dataset.matches(path) and dataset.name not in claims.setdefault(path, []):
                claims[path].append(dataset.name)
    reported: set[tuple[str, ...]] = set()
    for path, owners in claims.items():
        if len(owners) > 1 and tuple(owners) not in reported:
            reported.add(tuple(owners))
            problems.append(f"{where}: datasets {' and '.join(repr(o) for o in owners)} overlap: both match {path!r}")
    return problems
