"""Small readers of mapping fields, shared by ``validate``: texts, choices, source keys, and the split and
regional labels a dataset may have. Each records what is wrong in ``problems``, located by ``where``."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from analyzer.mapping.model import LANGS, Dataset, Label, Split
from analyzer.model import CONFIDENCES, STATUSES, Text
from analyzer.said import Said, at

_REGION_KEYS = {"status", "confidence", "reason", "sources"}


def read_text(value: Any, where: str, what: str, problems: list[str], key: str = "") -> Text:
    """A text in both languages; ``what`` names it for the reader, ``key`` (default: ``what``) in the file."""
    key = key or what
    if not isinstance(value, dict):
        problems.append(Said("mapping.text_not_a_table", where=where, what=what))
        return Text("", "")
    for extra in sorted(set(value) - set(LANGS)):
        problems.append(Said("mapping.unknown_language", where=where, what=what, extra=repr(extra)))
    for lang in LANGS:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            problems.append(Said(f"mapping.missing_{lang}", where=where, what=what, field=f"{key}.{lang}"))
    return Text(str(value.get("en", "")), str(value.get("de", "")))


def reject_unknown(entry: dict[str, Any], allowed: set[str], where: str, problems: list[str]) -> None:
    for key in sorted(set(entry) - allowed):
        problems.append(Said("mapping.unknown_key", where=where, item=repr(key), allowed=", ".join(sorted(allowed))))


def read_sources(value: Any, known: set[str], where: str, problems: list[str]) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        problems.append(Said("mapping.sources_not_a_list", where=where))
        return ()
    for key in value:
        if key not in known:
            problems.append(Said("mapping.unknown_source", where=where, item=repr(key)))
    return tuple(value)


def read_choice(value: Any, allowed: tuple[str, ...], loc: str, what: str, problems: list[str]) -> Any:
    if value not in allowed:
        problems.append(Said("mapping.not_one_of", where=loc, what=what, value=repr(value), allowed=", ".join(allowed)))
    return value


def read_date(value: Any, where: str, what: str, problems: list[str]) -> date | None:
    if isinstance(value, date):
        return value
    problems.append(Said("mapping.not_a_date", where=where, what=what))
    return None


_SPLIT_KEYS = {"name", "name_de", "where_empty", "where", "status", "confidence", "reason", "sources", "unit",
               "description"}  # fmt: skip


def read_split(value: Any, parent: Dataset, loc: str, source_keys: set[str], problems: list[str]) -> Dataset | None:
    """``split = { name = …, where_empty = "Published On" | where = { column = "Visibility", equals = […] },
    status, confidence, reason, sources, … }``: the records of ``parent`` whose column is empty, or holds
    one of the values, counted as a dataset of their own."""
    where = at(loc, "split")
    if not isinstance(value, dict):
        problems.append(Said("mapping.part_not_a_table", where=where))
        return None
    reject_unknown(value, _SPLIT_KEYS, where, problems)
    name = value.get("name")
    if not isinstance(name, str) or not name:
        problems.append(Said("mapping.missing", where=where, item="'name'"))
        return None
    name_de = value.get("name_de")
    if not isinstance(name_de, str) or not name_de.strip():
        problems.append(Said("mapping.name_de", where=where))
    column, values = _split_rule(value, where, problems)
    if column is None:
        return None
    if parent.role(column) is None:
        problems.append(Said("mapping.split.column", where=where, column=repr(column), parent=repr(parent.name)))
        return None
    status = read_choice(value.get("status"), STATUSES, where, "status", problems)
    confidence = read_choice(value.get("confidence"), CONFIDENCES, where, "confidence", problems)
    return replace(
        parent,
        name=name,
        name_de=name_de if isinstance(name_de, str) else "",
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
        problems.append(Said("mapping.split.rule", where=where))
        return None, frozenset()
    if "where_empty" in value:
        column = value["where_empty"]
        if not isinstance(column, str) or not column:
            problems.append(Said("mapping.split.where_empty", where=where))
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
        problems.append(Said("mapping.split.where", where=where))
        return None, frozenset()
    return rule["column"], frozenset(v.strip().lower() for v in equals)


def read_regions(value: Any, loc: str, source_keys: set[str], problems: list[str]) -> tuple[tuple[str, Label], ...]:
    """``regions = { uk = { status, confidence, reason, sources } }``: the label for the members of a region
    (which regions exist is the platform's: ``mapping check`` compares them)."""
    if value is None:
        return ()
    if not isinstance(value, dict) or not value:
        problems.append(Said("mapping.regions", where=loc))
        return ()
    out = []
    for region, entry in value.items():
        where = at(loc, f"regions.{region}")
        if not isinstance(entry, dict):
            problems.append(Said("mapping.part_not_a_table", where=where))
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
