"""Datasets' figures → the Report: categories, totals, the verdict, what is most exposed, the timeline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from types import ModuleType

from analyzer import __version__
from analyzer.archive import SourceInfo
from analyzer.frozen import frozen
from analyzer.mapping import Mapping, categories_in_order
from analyzer.model import (
    REPORT_STATUSES,
    STATUS_RANK,
    CategoryFigures,
    ContactHit,
    ContentRow,
    DatasetFigures,
    MappingInfo,
    Member,
    Report,
    SourceFigures,
    StatusTotals,
    Verdict,
    YearCount,
)

SCHEMA_VERSION = 2


@frozen
class Unmapped:
    """Files the mapping does not know: listed, and their records counted, never skipped."""

    paths: tuple[str, ...]
    records: int
    data_points: int


def build_report(
    source: SourceInfo,
    sha256: str | None,
    mapping: Mapping,
    platform: ModuleType,
    member: Member,
    opted_out_on: date | None,
    today: date | None,
    figures: list[DatasetFigures],
    contacts: list[ContactHit],
    content: tuple[list[ContentRow], int],
    unmapped: Unmapped,
    problems: list[str],
    ignored: list[str],
    values_shown: bool,
    notes: tuple[str, ...] = (),
) -> Report:
    """Freeze every figure any renderer shows."""
    kind, export_date = platform.kind_and_date(source.name, source.nested_zip, source.root)
    policy = platform.policy
    totals = _totals(figures, unmapped)
    data_points = sum(t.data_points for t in totals)
    used = [d for d in figures if d.status == "used"]
    policy_start = policy.start(member.region)
    timing, exposed_until = policy.exposure(member.region, opted_out_on)
    region = policy.REGIONS[member.region] if member.region else None
    actions = platform.actions.actions(member.region, opted_out_on)
    verdict = Verdict(
        region=member.region,
        region_how=member.region_how,
        region_label=policy.REGION_LABEL[member.region] if member.region else None,
        policy_start=policy_start,
        opted_out_on=opted_out_on,
        under_18=_under_18(member.birth_date, today or export_date or date.today()),
        used_before_start=sum(y.before_start for d in used for y in d.per_year),
        used_after_start=sum(y.after_start for d in used for y in d.per_year),
        used_undated=sum(d.records - sum(y.records for y in d.per_year) for d in used),
        used_before_opt_out=sum(d.before_opt_out for d in used),
        used_after_opt_out=sum(d.after_opt_out for d in used),
        periods=region.periods if region else (),
        basis=region.basis if region else "",
        exposed_until=exposed_until,
        opt_out_timing=timing,
    )
    cited = {k for d in figures for k in d.sources} | {k for c in mapping.categories for k in c.sources}
    cited |= {a.source for a in actions} | {k for p in verdict.periods for k in p.sources}
    rows, cut = content
    return Report(
        schema_version=SCHEMA_VERSION,
        tool_version=__version__,
        generated_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
        source=SourceFigures(
            path=source.path,
            name=source.name,
            kind=kind,
            export_date=export_date,
            is_zip=source.is_zip,
            size=source.size,
            sha256=sha256,
            root=source.root,
            nested_zip=source.nested_zip,
            cut_off=source.cut_off,
            age_months=_months(export_date, today or date.today()) if export_date else None,
        ),
        mapping=MappingInfo(mapping.platform, mapping.version, mapping.reviewed, mapping.origin),
        datasets=tuple(figures),
        categories=_categories(mapping, figures),
        totals=totals,
        unmapped=unmapped.paths,
        unmapped_records=unmapped.records,
        unmapped_data_points=unmapped.data_points,
        problems=tuple(problems),
        ignored=tuple(ignored),
        member=member,
        verdict=verdict,
        contacts=tuple(contacts),
        sources=tuple(s for s in mapping.sources if s.key in cited),
        actions=actions,
        controller=policy.controller(member.region, mapping.sources, member.state),
        data_points=data_points,
        records=sum(t.records for t in totals),
        words=sum(t.words for t in totals),
        used_share=_share(sum(d.data_points for d in used), data_points),
        own_words_share=_share(sum(d.words for d in used), sum(t.words for t in totals)),
        most_exposed=tuple(sorted((d for d in used if d.records), key=lambda d: (-d.records, d.name))),
        used_per_year=_merge_years(d.per_year for d in used),
        problem_count=len(problems) + sum(len(d.problems) for d in figures),
        notes=notes,
        values_shown=values_shown,
        content=tuple(rows),
        content_cut=cut,
    )


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _totals(figures: list[DatasetFigures], unmapped: Unmapped) -> tuple[StatusTotals, ...]:
    points = sum(d.data_points for d in figures) + unmapped.data_points
    totals = []
    for status in REPORT_STATUSES:
        if status == "unmapped":
            totals.append(
                StatusTotals(
                    status,
                    len(unmapped.paths),
                    unmapped.records,
                    unmapped.data_points,
                    0,
                    _share(unmapped.data_points, points),
                )
            )
            continue
        group = [d for d in figures if d.status == status]
        group_points = sum(d.data_points for d in group)
        totals.append(
            StatusTotals(
                status,
                len(group),
                sum(d.records for d in group),
                group_points,
                sum(d.words for d in group),
                _share(group_points, points),
            )
        )
    return tuple(totals)


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
    """One row per category and status (a dataset may override its category's status), most exposed first."""
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
                    datasets_de=tuple(d.name_in("de") for d in group),
                )
            )
    return tuple(sorted(out, key=lambda c: STATUS_RANK[c.status]))


def _months(since: date, on: date) -> int:
    return max(0, (on.year - since.year) * 12 + on.month - since.month - (on.day < since.day))


def _under_18(born: date | None, on: date) -> bool | None:
    if born is None:
        return None
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return age < 18
