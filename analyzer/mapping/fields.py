"""Small readers of mapping fields, shared by ``validate``: texts, choices, source keys, and the split and
regional labels a dataset may have. Each records what is wrong in ``problems``, located by ``where``."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from analyzer.mapping.model import LANGS, Dataset, Label, Split
from analyzer.model import CONFIDENCES, STATUSES, Text

_REGION_KEYS = {"status", "confidence", "reason", "sources"}


def read_text(value: Any, where: str, what: str, problems: list[str]) -> Text:
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


def reject_unknown(entry: dict[str, Any], allowed: set[str], where: str, problems: list[str]) -> None:
    for key in sorted(set(entry) - allowed):
        problems.append(f"{where}: unknown key {key!r} (allowed: {', '.join(sorted(allowed))})")


def read_sources(value: Any, known: set[str], where: str, problems: list[str]) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        problems.append(f"{where}: sources must be a non-empty list of source keys")
        return ()
    for key in value:
        if key not in known:
            problems.append(f"{where}: unknown source key {key!r}")
    return tuple(value)


def read_choice(value: Any, allowed: tuple[str, ...], loc: str, what: str, problems: list[str]) -> Any:
    if value not in allowed:
        problems.append(f"{loc}: {what} {value!r} is not one of {', '.join(allowed)}")
    return value


def read_date(value: Any, where: str, what: str, problems: list[str]) -> date | None:
    if isinstance(value, date):
        return value
    problems.append(f"{where}: {what} must be a date like 2025-11-03")
    return None


_SPLIT_KEYS = {"name", "where_empty", "where", "status", "confidence", "reason", "sources", "unit", "description"}


def read_split(value: Any, parent: Dataset, loc: str, source_keys: set[str], problems: list[str]) -> Dataset | None:
    """``split = { name = …, where_empty = "Published On" | where = { column = "Visibility", equals = […] },
    status, confidence, reason, sources, … }``: the records of ``parent`` whose column is empty, or holds
    one of the values, counted as a dataset of their own."""
    where = f"{loc}: split"
    if not isinstance(value, dict):
        problems.append(f"{where} must be a table")
        return None
    reject_unknown(value, _SPLIT_KEYS, where, problems)
    name = value.get("name")
    if not isinstance(name, str) or not name:
        problems.append(f"{where}: missing 'name'")
        return None
    column, values = _split_rule(value, where, problems)
    if column is None:
        return None
    if parent.role(column) is None:
        problems.append(f"{where}: {column!r} is not a column of {parent.name!r}")
        return None
    status = read_choice(value.get("status"), STATUSES, where, "status", problems)
    confidence = read_choice(value.get("confidence"), CONFIDENCES, where, "confidence", problems)
    return replace(
        parent,
        name=name,
        patterns=(),
        status_override=status if status != parent.category.status else None,
        confidence_override=confidence,
        reason_override=read_text(value.get("reason"), where, "reason", problems),
        sources_override=read_sources(value.get("sources"), source_keys, where, problems),
        unit=read_text(value["unit"], where, "unit", problems) if "unit" in value else None,
        description=read_text(value.get("description"), where, "description", problems),
        split=Split(column.lower(), values, name),
        split_of=parent.name,
        regional=(),
    )


def _split_rule(value: dict[str, Any], where: str, problems: list[str]) -> tuple[str | None, frozenset[str]]:
    """The column a split looks at and the values that send a record to it (none: the column is empty)."""
    if ("where_empty" in value) == ("where" in value):
        problems.append(f'{where}: give one of where_empty = "column" or where = {{ column = …, equals = […] }}')
        return None, frozenset()
    if "where_empty" in value:
        column = value["where_empty"]
        if not isinstance(column, str) or not column:
            problems.append(f"{where}: where_empty must name a column")
            return None, frozenset()
        return column, frozenset()
    rule = value["where"]
    equals = rule.get("equals") if isinstance(rule, dict) else None
    if (
        not isinstance(rule, dict)
        or set(rule) != {"column", "equals"}
        or not isinstance(rule["column"], str)
        or not isinstance(equals, list)
        or not equals
        or not all(isinstance(v, str) and v.strip() for v in equals)
    ):
        problems.append(f'{where}: where must be {{ column = "…", equals = ["…", …] }}')
        return None, frozenset()
    return rule["column"], frozenset(v.strip().lower() for v in equals)


def read_regions(value: Any, loc: str, source_keys: set[str], problems: list[str]) -> tuple[tuple[str, Label], ...]:
    """``regions = { uk = { status, confidence, reason, sources } }``: the label for the members of a region
    (which regions exist is the platform's: ``mapping check`` compares them)."""
    if value is None:
        return ()
    if not isinstance(value, dict) or not value:
        problems.append(f"{loc}: regions must be a table of region = {{ status, confidence, reason, sources }}")
        return ()
    out = []
    for region, entry in value.items():
        where = f"{loc}: regions.{region}"
        if not isinstance(entry, dict):
            problems.append(f"{where} must be a table")
            continue
        reject_unknown(entry, _REGION_KEYS, where, problems)
        status = read_choice(entry.get("status"), STATUSES, where, "status", problems)
        confidence = read_choice(entry.get("confidence"), CONFIDENCES, where, "confidence", problems)
        label = Label(
            str(status),
            str(confidence),
            read_text(entry.get("reason"), where, "reason", problems),
            read_sources(entry.get("sources"), source_keys, where, problems),
        )
        out.append((str(region).lower(), label))
    return tuple(out)
