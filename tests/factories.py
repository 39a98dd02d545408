"""Reports built directly, without a scan, for renderer tests in states the samples never reach.

``make_report(**overrides)`` returns an ``analyzer.model.Report`` for a plausible member (Lena Hoffmann,
Berlin, a Complete export of 28 Nov 2026) whose figures agree with one another: the totals, shares,
categories, timeline, verdict and headline are derived from the datasets by ``rollup.build_report`` itself.
Every field of the Report can be overridden:

* an input (``datasets``, ``member``, ``source``, ``unmapped``, ``contacts``, ``content`` …) is replaced
  before the derived fields are computed, so they follow it;
* a derived field (``totals``, ``categories``, ``used_share``, ``controller`` …) is replaced afterwards, as
  given;
* a field holding a dataclass also takes a dict of its fields (``dataclasses.replace``):
  ``member={"region": None}``, ``verdict={"under_18": True}``, ``source={"name": "export.zip"}`` (the
  source's kind and date follow its name, as in the scan, unless given too).

``verdict={"opted_out_on": day}`` is an input too: the default datasets are split at that day. Datasets
come from ``make_dataset(name, dates=[...], undated=n)``, which takes everything else (category, status,
reason, columns …) from the shipped mapping.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from functools import cache
from typing import Any

from analyzer.archive import SourceInfo
from analyzer.mapping import Dataset, Mapping, load_mapping
from analyzer.model import (
    ColumnFigures,
    ContactHit,
    ContentRow,
    DatasetFigures,
    MappingInfo,
    Member,
    Report,
    SourceFigures,
    YearCount,
)
from analyzer.platforms import platform_for
from analyzer.platforms.linkedin import policy
from analyzer.platforms.linkedin.export import kind_and_date
from analyzer.rollup import Unmapped, build_report

EXPORT_NAME = "Complete_LinkedInDataExport_11-28-2026.zip"
EXPORT_DATE = date(2026, 11, 28)
GENERATED_AT = "2026-11-29T12:00:00+00:00"
#: Words per record of a dataset with a column of authored text, unless ``make_dataset`` is told otherwise.
WORDS_PER_RECORD = 5

_REPORT_FIELDS = {f.name for f in dataclasses.fields(Report)}


@cache
def builtin() -> Mapping:
    """The shipped mapping, loaded once: the factories take every text from it."""
    return load_mapping()


def spec(name: str) -> Dataset:
    """The shipped mapping's dataset called ``name``."""
    for dataset in builtin().datasets:
        if dataset.name == name:
            return dataset
    raise KeyError(f"the shipped mapping has no dataset {name!r}")


def make_member(**overrides: Any) -> Member:
    """Lena Hoffmann in Berlin, born 1988, as Profile.csv of the samples names her."""
    member = Member(
        name="Lena Hoffmann",
        email="lena.hoffmann@example.de",
        profile_url="https://www.linkedin.com/in/lena-hoffmann-example",
        birth_date=date(1988, 2, 17),
        region="eu",
        region_how='Profile.csv "Geo Location": Berlin, Berlin, Germany',
        state="DE-BE",
    )
    return dataclasses.replace(member, **overrides)


def make_source(**overrides: Any) -> SourceFigures:
    """A Complete export of 28 Nov 2026 read from the Downloads folder; for another ``name`` (or ``root``,
    ``nested_zip``), the kind and date are read from it as the scan reads them, unless given."""
    fields: dict[str, Any] = {
        "path": f"/home/lena/Downloads/{overrides.get('name', EXPORT_NAME)}",
        "name": EXPORT_NAME, "is_zip": True, "size": 123_456, "sha256": "5" * 64, "root": "", "nested_zip": "",
    }  # fmt: skip
    fields.update(overrides)
    kind, when = kind_and_date(fields["name"], fields["nested_zip"], fields["root"])
    fields.setdefault("kind", kind)
    fields.setdefault("export_date", when)
    return SourceFigures(**fields)


def make_mapping_info(**overrides: Any) -> MappingInfo:
    m = builtin()
    info = MappingInfo(m.platform, m.version, m.reviewed, "builtin")
    return dataclasses.replace(info, **overrides)


def make_dataset(
    name: str,
    dates: Sequence[date] = (),
    undated: int = 0,
    *,
    words: int | None = None,
    policy_start: date | None = policy.RESUMED,
    opted_out_on: date | None = None,
    **overrides: Any,
) -> DatasetFigures:
    """The figures of the shipped dataset ``name`` holding one record per day in ``dates`` and ``undated``
    records without a date, split at ``policy_start`` and ``opted_out_on`` as the scan splits them (a day
    before it is before). Every column is filled in every record. ``overrides`` replace any field as given."""
    mapping = spec(name)
    layout = mapping.layouts[-1] if mapping.layouts else ()
    records = len(dates) + undated
    columns = tuple(ColumnFigures(c, mapping.role(c) or "unknown", records, 1.0 if records else 0.0) for c in layout)
    dated = any(c.role == "date" for c in columns)
    if dates and not dated:
        raise ValueError(f"{name} has no date column; give its records as undated")
    if words is None:
        words = WORDS_PER_RECORD * records if any(c.role == "authored_text" for c in columns) else 0
    years = Counter(d.year for d in dates)
    before = Counter(d.year for d in dates if policy_start is not None and d < policy_start)
    after = Counter(d.year for d in dates if policy_start is not None and d >= policy_start)
    figures = DatasetFigures(
        name=name,
        members=(name,),
        more_parts=0,
        category=mapping.category.key,
        category_label=mapping.category.label,
        status=mapping.status,
        confidence=mapping.confidence,
        reason=mapping.reason,
        sources=mapping.sources,
        description=mapping.description,
        unit=mapping.unit,
        records=records,
        data_points=sum(c.non_empty for c in columns),
        words=words,
        first_date=min(dates, default=None),
        last_date=max(dates, default=None),
        per_year=tuple(YearCount(y, years[y], before[y], after[y]) for y in sorted(years)),
        undated=undated if dated else 0,
        bad_dates=0,
        columns=columns,
        drift=None,
        problems=(),
        notes=(),
        before_opt_out=sum(1 for d in dates if opted_out_on is not None and d < opted_out_on),
        after_opt_out=sum(1 for d in dates if opted_out_on is not None and d >= opted_out_on),
    )
    return dataclasses.replace(figures, **overrides)


def default_datasets(policy_start: date | None, opted_out_on: date | None) -> tuple[DatasetFigures, ...]:
    """A small export: a profile, posts and comments (used), messages (excluded), connections (unclear)."""
    split = {"policy_start": policy_start, "opted_out_on": opted_out_on}
    return (
        make_dataset("Profile.csv", undated=1, **split),
        make_dataset(
            "Shares.csv", [date(2024, 3, 1), date(2025, 6, 10), date(2025, 12, 1), date(2026, 2, 14)], **split
        ),
        make_dataset("Comments.csv", [date(2025, 10, 1), date(2025, 11, 5), date(2026, 2, 1)], **split),
        make_dataset("messages.csv", [date(2025, 1, 2), date(2026, 5, 6)], **split),
        make_dataset("Connections.csv", [date(2019, 4, 1), date(2023, 8, 9), date(2026, 1, 3)], **split),
    )


def make_report(**overrides: Any) -> Report:
    """A Report whose figures agree with one another (``rollup.build_report`` derives them from the inputs);
    see the module's docstring for the overrides."""
    unknown = sorted(set(overrides) - _REPORT_FIELDS)
    if unknown:
        raise TypeError(f"Report has no field {', '.join(unknown)}")
    given = dict(overrides)
    member = _input(make_member, given.pop("member", None))
    source = _input(make_source, given.pop("source", None))
    mapping_info = _input(make_mapping_info, given.pop("mapping", None))
    verdict_override = given.pop("verdict", None)
    opted_out_on = (
        verdict_override.get("opted_out_on")
        if isinstance(verdict_override, dict)
        else getattr(verdict_override, "opted_out_on", None)
    )
    start, (_, exposed_until) = policy.start(member.region), policy.exposure(member.region, opted_out_on)
    datasets = tuple(given.pop("datasets")) if "datasets" in given else default_datasets(start, exposed_until)
    unmapped = tuple(given.pop("unmapped", ()))
    unmapped_records = given.pop("unmapped_records", len(unmapped))
    unmapped_points = given.pop("unmapped_data_points", unmapped_records)
    report = build_report(
        SourceInfo(source.path, source.name, source.is_zip, source.size, source.root, source.nested_zip),
        source.sha256,
        builtin(),
        platform_for(builtin().platform),
        member,
        opted_out_on,
        source.export_date or EXPORT_DATE,  # the scan's day: the export's date (else today; here the samples')
        list(datasets),
        list(given.pop("contacts", _default_contacts(datasets))),
        (list(given.pop("content", ())), given.pop("content_cut", 0)),
        Unmapped(unmapped, unmapped_records, unmapped_points),
        list(given.pop("problems", ())),
        list(given.pop("ignored", ())),
        given.pop("values_shown", False),
    )
    report = dataclasses.replace(
        report, source=source, mapping=mapping_info, generated_at=given.pop("generated_at", GENERATED_AT)
    )
    report = dataclasses.replace(report, verdict=_nested(report.verdict, verdict_override))
    # What is left are derived fields, replaced as given (a dict changes some fields of a dataclass).
    return dataclasses.replace(report, **{k: _nested(getattr(report, k), v) for k, v in given.items()})


def content_rows(count: int, dataset: str = "Comments.csv", category: str = "member_content") -> tuple[ContentRow, ...]:
    """``count`` exposed records for ``content``, one a day from 1 Jan 2026."""
    return tuple(
        ContentRow(dataset, category, f"2026-01-{1 + i % 28:02d}", f"Kommentar Nummer {i + 1}", f"https://x/{i + 1}")
        for i in range(count)
    )


# --- helpers -----------------------------------------------------------------------------------


def _input(make: Any, value: Any) -> Any:
    """An input field: made by its factory, with a dict's fields given to it."""
    if value is None or isinstance(value, dict):
        return make(**(value or {}))
    return value


def _nested(default: Any, value: Any) -> Any:
    if value is None:
        return default
    if isinstance(value, dict) and dataclasses.is_dataclass(default):
        return dataclasses.replace(default, **value)
    return value


def _default_contacts(datasets: Iterable[DatasetFigures]) -> tuple[ContactHit, ...]:
    """One e-mail address in a comment, when there are comments."""
    return tuple(ContactHit("Comments.csv", "email", 1) for d in datasets if d.name == "Comments.csv" and d.records)
