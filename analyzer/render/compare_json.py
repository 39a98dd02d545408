"""Comparison → JSON: the contract of ``compare --json`` (its own schema_version, extended only compatibly)."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Any

from analyzer.comparison import Comparison, DatasetChange, Side


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _side(side: Side) -> dict[str, Any]:
    src = side.source
    return {
        "file": src.name,
        "kind": src.kind,
        "export_date": _day(src.export_date),
        "sha256": src.sha256,
        "cut_off": src.cut_off,
        "region": side.region,
        "policy_start": _day(side.policy_start),
        "records": side.records,
        "own_words": side.words,
        "problems": side.problems,
    }


def _dataset(d: DatasetChange) -> dict[str, Any]:
    return {
        "name": d.name,
        "category": d.category,
        "status": d.status,
        "records_old": d.old_records,
        "records_new": d.new_records,
        "only_old": d.only_old,
        "only_new": d.only_new,
        "in_both": d.both,
        "own_words_only_old": d.words_only_old,
        "own_words_only_new": d.words_only_new,
        "own_words_in_both": d.words_both,
        "only_new_after_opt_out": d.new_after_opt_out,
        "only_new_before_opt_out": d.new_before_opt_out,
        "own_words_after_opt_out": d.words_after_opt_out,
        "own_words_before_opt_out": d.words_before_opt_out,
        "only_new_undated": d.new_undated,
        "only_new_after_policy_start": d.new_after_start,
        "files_added": list(d.files_added),
        "files_removed": list(d.files_removed),
        "columns_added": list(d.columns_added),
        "columns_removed": list(d.columns_removed),
        "matched_by": list(d.matched_by),
        "not_in_basic_export": d.not_in_basic,
    }


def to_dict(c: Comparison) -> dict[str, Any]:
    return {
        "schema_version": c.schema_version,
        "tool_version": c.tool_version,
        "generated_at": c.generated_at,
        "mapping": {"version": c.mapping.version, "reviewed": _day(c.mapping.reviewed), "origin": c.mapping.origin},
        "old": _side(c.old),
        "new": _side(c.new),
        "same_export": c.same,
        "given_newest_first": c.swapped,
        "opted_out_on": _day(c.opted_out_on),
        "region_changed": c.region_changed,
        "totals": {
            "used_only_new": c.used_only_new,
            "used_own_words_only_new": c.used_words_only_new,
            "used_only_new_after_opt_out": c.used_after_opt_out,
            "used_only_new_before_opt_out": c.used_before_opt_out,
            "used_own_words_after_opt_out": c.used_words_after_opt_out,
            "no_longer_in_export": c.no_longer,
            "not_in_basic_export": c.not_in_basic,
        },
        "categories": [
            {k: v for k, v in asdict(cat).items() if k != "label"} | {"label": asdict(cat.label)}
            for cat in c.categories
        ],
        "datasets": [_dataset(d) for d in c.datasets],
        "unmapped_added": list(c.unmapped_added),
        "unmapped_removed": list(c.unmapped_removed),
    }


def render(c: Comparison, lang: str) -> str:
    """The JSON text (the same in every language: labels carry both)."""
    return json.dumps(to_dict(c), indent=2, ensure_ascii=False, default=list) + "\n"
