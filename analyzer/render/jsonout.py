"""Report → JSON-ready dict: the stable contract (schema_version 1, extended only compatibly)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from analyzer.model import HEADLINE_ITEMS, DatasetFigures, Report, Text, YearCount
from analyzer.safe import json_safe


def _text(value: Text | None) -> dict[str, str] | None:
    return {"en": value.en, "de": value.de} if value else None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _years(years: tuple[YearCount, ...]) -> list[dict[str, int]]:
    return [
        {
            "year": y.year,
            "records": y.records,
            "before_policy_start": y.before_start,
            "after_policy_start": y.after_start,
        }
        for y in years
    ]


def _dataset(d: DatasetFigures) -> dict[str, Any]:
    return {
        "name": d.name,
        "name_de": d.name_de or None,
        "members": list(d.members),
        "category": d.category,
        "status": d.status,
        "confidence": d.confidence,
        "reason": _text(d.reason),
        "sources": list(d.sources),
        "description": _text(d.description),
        "records": d.records,
        "data_points": d.data_points,
        "words": d.words,
        "first_date": _day(d.first_date),
        "last_date": _day(d.last_date),
        "per_year": _years(d.per_year),
        "undated": d.undated,
        "bad_dates": d.bad_dates,
        "records_before_opt_out": d.before_opt_out,
        "records_after_opt_out": d.after_opt_out,
        "counted_once": d.counted_once,
        "same_records_as": d.same_records_as or None,
        "columns": [
            {"name": c.name, "role": c.role, "non_empty": c.non_empty, "placeholders": c.placeholders}
            for c in d.columns
        ],
        "drift": {"new_columns": list(d.drift.new_columns), "missing_columns": list(d.drift.missing_columns)}
        if d.drift
        else None,
        "problems": list(d.problems),
        "notes": list(d.notes),
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    """Every figure any renderer shows, as plain JSON types."""
    src, v = report.source, report.verdict
    return {
        "schema_version": report.schema_version,
        "tool_version": report.tool_version,
        "generated_at": report.generated_at,
        "source": {
            "path": src.path,
            "name": src.name,
            "kind": src.kind,
            "export_date": _day(src.export_date),
            "is_zip": src.is_zip,
            "size": src.size,
            "sha256": src.sha256,
            "root": src.root,
            "nested_zip": src.nested_zip,
            "cut_off": src.cut_off,
            "age_months": src.age_months,
        },
        "mapping": {
            "platform": report.mapping.platform,
            "version": report.mapping.version,
            "reviewed": _day(report.mapping.reviewed),
            "origin": report.mapping.origin,
        },
        "headline": {
            "data_points": report.data_points,
            "used_share": round(report.used_share, 6),  # of data points
            "used_records": report.total("used").records,
            "records": report.records,
            "own_words_used": report.total("used").words,
            "own_words": report.words,
            "own_words_share": round(report.own_words_share, 6),
            "most_exposed": [{"dataset": d.name, "records": d.records} for d in report.most_exposed[:HEADLINE_ITEMS]],
        },
        "totals": {
            t.status: {"datasets": t.datasets, "records": t.records, "data_points": t.data_points, "words": t.words}
            for t in report.totals
        },
        "verdict": {
            "region": v.region,
            "region_how": v.region_how,
            "region_issue": report.member.region_issue or None,  # no_profile, no_location, unrecognised
            "region_assumption": list(report.member.region_assumption),
            "policy_start": _day(v.policy_start),
            "policy_periods": [
                {
                    "start": _day(p.start),
                    "start_no_later_than": p.no_later_than,
                    "paused_on": _day(p.end),
                    "sources": list(p.sources),
                }
                for p in v.periods
            ],
            "legal_basis": v.basis or None,  # gdpr, uk_gdpr; None where LinkedIn names none
            "opted_out_on": _day(v.opted_out_on),
            "opt_out_timing": v.opt_out_timing or None,  # never, before_disclosure, in_pause, running
            "exposed_until": _day(v.exposed_until),
            "under_18": v.under_18,
            "used_records_before_policy_start": v.used_before_start,
            "used_records_after_policy_start": v.used_after_start,
            "used_records_undated": v.used_undated,
            "used_records_before_opt_out": v.used_before_opt_out,
            "used_records_after_opt_out": v.used_after_opt_out,
        },
        "categories": [
            {
                "key": c.key,
                "label": _text(c.label),
                "overridden": c.overridden,
                "status": c.status,
                "confidence": c.confidence,
                "reason": _text(c.reason),
                "sources": list(c.sources),
                "datasets": list(c.datasets),
                "records": c.records,
                "data_points": c.data_points,
                "words": c.words,
                "first_date": _day(c.first_date),
                "last_date": _day(c.last_date),
                "per_year": _years(c.per_year),
            }
            for c in report.categories
        ],
        "datasets": [_dataset(d) for d in report.datasets],
        "unmapped": list(report.unmapped),
        "unmapped_records": report.unmapped_records,
        "unmapped_data_points": report.unmapped_data_points,
        "contacts": [
            {
                "dataset": h.dataset,
                "kind": h.kind,
                "count": h.count,
                **({"values": list(h.values)} if report.values_shown else {}),
            }
            for h in report.contacts
        ],
        "problems": list(report.problems),
        "notes": list(report.notes),
        "ignored": list(report.ignored),
        **(
            {
                "content": [
                    {"dataset": c.dataset, "category": c.category, "date": c.date, "text": c.text, "link": c.link}
                    for c in report.content
                ],
                "content_cut": report.content_cut,
            }
            if report.content
            else {}
        ),
        "sources": [
            {
                "key": s.key,
                "title": s.title,
                "title_de": s.title_de or None,  # the title a German report shows, where it differs
                "publisher": s.publisher,
                "url": s.url,
                "seen": _day(s.seen),
                "known": s.known or None,  # "quotes": nobody could open the page
            }
            for s in report.sources
        ],
    }


def render(report: Report, lang: str = "en") -> str:
    """The report as indented JSON text (the same in every language)."""
    return json_safe(json.dumps(report_to_dict(report), ensure_ascii=False, indent=2)) + "\n"
