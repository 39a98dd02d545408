"""Compare two exports of one member: compare(old, new, mapping, options, progress) → Comparison.

1. **same?** Two files with one SHA-256 are the same export: said, and nothing else is read twice.
2. **keys**: the headers of both exports (their first lines only) decide, per dataset, which columns
   identify a record (``identity.resolve``): the mapping's ``identity`` where both have them, else every
   column both have.
3. **scan** each export as ``scan`` does (two processes for a large one), keeping every record's identity:
   an 8-byte digest, its day and the member's own words (``identity.Records``); the old export first, its
   records held (in a process of its own for a large pair: ``pairing.py``).
4. **match**: each dataset of the new export as soon as it is read, in the process holding the old one's
   (``matching.py``, in Arrow's C++ when pyarrow is there): a record is in both when its digest is, as often
   as it is in each.
5. **roll up**: per category and file, the headline figures, the files and columns that came or went.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from analyzer import __version__
from analyzer.archive import open_archive
from analyzer.classify import classify
from analyzer.comparison import COMPARE_SCHEMA_VERSION, CategoryChange, Comparison, DatasetChange, Side
from analyzer.errors import ArchiveError
from analyzer.identity import Key, resolve
from analyzer.mapping import Dataset, Mapping
from analyzer.matching import Matched
from analyzer.model import STATUS_RANK, DatasetFigures, Report, Text
from analyzer.pairing import half, read_both
from analyzer.pipeline import ScanOptions, scan_records
from analyzer.platforms import platform_for
from analyzer.progress import Progress
from analyzer.read import open_table


def compare(
    old: str | Path,
    new: str | Path,
    mapping: Mapping,
    options: ScanOptions = ScanOptions(),
    progress: Progress | None = None,
) -> Comparison:
    """Read both exports (each as ``scan`` does) and return what changed between them."""
    if _same_size(old, new) and (digest := _sha256(old)) is not None and digest == _sha256(new):
        report = scan_records(old, mapping, options, half(progress, 0))[0]
        return _same(report)
    (old_headers, old_day), (new_headers, new_day) = _headers(old, mapping, options), _headers(new, mapping, options)
    swapped = old_day is not None and new_day is not None and old_day > new_day  # as the reports will date them
    if swapped:
        old, new, old_headers, new_headers = new, old, new_headers, old_headers
    keys = {
        d.name: resolve(d, old_headers.get(d.name, []), new_headers.get(d.name, []))
        for d in mapping.datasets
        if d.name in old_headers or d.name in new_headers
    }
    old_report, new_report, matched = read_both(old, new, mapping, replace(options, keys=keys), progress)
    return _compare(old_report, new_report, matched, mapping, keys, options, swapped)


def _same_size(a: str | Path, b: str | Path) -> bool:
    """Two files of one size (only they can be the same export; the scan hashes each input anyway)."""
    try:
        return Path(a).is_file() and Path(b).is_file() and Path(a).stat().st_size == Path(b).stat().st_size
    except OSError:
        return False


def _sha256(path: str | Path) -> str | None:
    import hashlib

    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _headers(path: str | Path, mapping: Mapping, options: ScanOptions) -> tuple[dict[str, list[str]], date | None]:
    """The header of each dataset's first file (only its first lines are read), and the export's date (as the
    report will give it); {} and None for an unreadable export, whose scan then says why."""
    platform = platform_for(mapping.platform)
    headers: dict[str, list[str]] = {}
    day = None
    try:
        with open_archive(path, options.limits, platform.OWN_FOLDERS) as archive:
            source = archive.source
            day = platform.kind_and_date(source.name, source.nested_zip, source.root)[1]
            for dataset, members in classify(archive.members, mapping).datasets.items():
                for member in members:
                    table = open_table(member, dataset.format, platform.REPAIRS)
                    close = getattr(table.batches, "close", None)
                    if close is not None:
                        close()
                    if table.header:
                        headers[dataset.name] = list(table.header)
                        break
    except ArchiveError:
        return {}, None
    for dataset in mapping.datasets:  # records a split takes (connections-only posts) have their file's header
        if dataset.split_of in headers:
            headers[dataset.name] = headers[dataset.split_of]
    return headers, day


def _side(report: Report) -> Side:
    verdict = report.verdict
    return Side(
        report.source,
        verdict.region,
        verdict.region_label,
        verdict.policy_start,
        report.records,
        report.words,
        report.problem_count,
    )


def _same(report: Report) -> Comparison:
    side = _side(report)
    return _build(report, side, side, same=True, swapped=False, opted_out_on=None, changes=[], unmapped=((), ()))


def _compare(
    old: Report,
    new: Report,
    matched: dict[str, Matched],
    mapping: Mapping,
    keys: dict[str, Key],
    options: ScanOptions,
    swapped: bool,
) -> Comparison:
    old_figures = {d.name: d for d in old.datasets}
    new_figures = {d.name: d for d in new.datasets}
    kinds = {old.source.kind, new.source.kind}
    basic = "basic" if kinds == {"basic", "complete"} else None
    changes = []
    for dataset in mapping.datasets:
        before, after = old_figures.get(dataset.name), new_figures.get(dataset.name)
        if before is None and after is None:
            continue
        missing_from_basic = basic is not None and (
            (before is None and old.source.kind == basic) or (after is None and new.source.kind == basic)
        )
        key = keys.get(dataset.name)
        found = matched.get(dataset.name, Matched())
        changes.append(_change(dataset, before, after, found, key, missing_from_basic))
    unmapped = (
        tuple(p for p in new.unmapped if p not in old.unmapped),
        tuple(p for p in old.unmapped if p not in new.unmapped),
    )
    return _build(
        new,
        _side(old),
        _side(new),
        same=False,
        swapped=swapped,
        opted_out_on=options.opted_out_on,
        changes=changes,
        unmapped=unmapped,
    )


def _names(figures: DatasetFigures | None) -> list[str]:
    return [c.name for c in figures.columns] if figures else []


def _change(
    dataset: Dataset,
    before: DatasetFigures | None,
    after: DatasetFigures | None,
    m: Matched,
    key: Key | None,
    not_in_basic: bool,
) -> DatasetChange:
    either = after or before
    assert either is not None
    old_files, new_files = set(before.members if before else ()), set(after.members if after else ())
    old_cols, new_cols = _names(before), _names(after)
    lower_old, lower_new = {c.lower() for c in old_cols}, {c.lower() for c in new_cols}
    both_there = before is not None and after is not None
    return DatasetChange(
        name=dataset.name,
        name_de=dataset.name_de,
        category=either.category,
        category_label=either.category_label,
        status=either.status,
        unit=either.unit,
        old_records=before.records if before else 0,
        new_records=after.records if after else 0,
        only_old=m.only_old,
        only_new=m.only_new,
        both=m.both,
        words_only_old=m.words_only_old,
        words_only_new=m.words_only_new,
        words_both=m.words_both,
        new_after_opt_out=m.after_opt_out,
        new_before_opt_out=m.before_opt_out,
        words_after_opt_out=m.words_after_opt_out,
        words_before_opt_out=m.words_before_opt_out,
        new_undated=m.undated,
        new_after_start=m.after_start,
        files_added=tuple(sorted(new_files - old_files)),
        files_removed=tuple(sorted(old_files - new_files)),
        columns_added=tuple(c for c in new_cols if c.lower() not in lower_old) if both_there else (),
        columns_removed=tuple(c for c in old_cols if c.lower() not in lower_new) if both_there else (),
        matched_by=tuple(names[0] for names in key.columns) if key and key.declared else (),
        not_in_basic=not_in_basic,
    )


def _build(
    report: Report,
    old: Side,
    new: Side,
    *,
    same: bool,
    swapped: bool,
    opted_out_on: date | None,
    changes: list[DatasetChange],
    unmapped: tuple[tuple[str, ...], tuple[str, ...]],
) -> Comparison:
    counted = [c for c in changes if not c.not_in_basic]
    used = [c for c in counted if c.status == "used" and c.only_new]
    units: dict[Text, int] = {}
    for change in sorted(used, key=lambda c: -c.only_new):
        if change.unit is not None:
            units[change.unit] = units.get(change.unit, 0) + change.only_new
    return Comparison(
        schema_version=COMPARE_SCHEMA_VERSION,
        tool_version=__version__,
        generated_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
        mapping=report.mapping,
        old=old,
        new=new,
        same=same,
        swapped=swapped,
        opted_out_on=opted_out_on,
        region_changed=old.region != new.region,
        datasets=tuple(changes),
        categories=_categories(changes),
        used_only_new=sum(c.only_new for c in used),
        used_words_only_new=sum(c.words_only_new for c in used),
        used_units=tuple(units) if all(c.unit is not None for c in used) else (),
        used_after_opt_out=sum(c.new_after_opt_out for c in used),
        used_before_opt_out=sum(c.new_before_opt_out for c in used),
        used_words_after_opt_out=sum(c.words_after_opt_out for c in used),
        no_longer=sum(c.only_old for c in counted),
        not_in_basic=sum(c.only_old + c.only_new for c in changes if c.not_in_basic),
        unmapped_added=unmapped[0],
        unmapped_removed=unmapped[1],
    )


def _categories(changes: list[DatasetChange]) -> tuple[CategoryChange, ...]:
    """Per category (a status override splits one), used → unclear → excluded, the most changed first."""
    out: list[CategoryChange] = []
    groups: dict[tuple[str, str], list[DatasetChange]] = {}
    for change in (c for c in changes if not c.not_in_basic):  # a Basic export's gaps are no change
        groups.setdefault((change.category, change.status), []).append(change)
    statuses: dict[str, int] = {}
    for key, _ in groups:
        statuses[key] = statuses.get(key, 0) + 1
    for (key, status), members in groups.items():
        label = members[0].category_label
        others = [m for (k, s), m in groups.items() if k == key and s != status]
        if statuses[key] > 1 and all(len(members) < len(o) for o in others):  # split off by a status override
            names = Text(*(", ".join(c.name_in(lang) for c in members) for lang in ("en", "de")))
            label = Text(f"{label.en}: {names.en}", f"{label.de}: {names.de}")
        out.append(
            CategoryChange(
                key=key,
                label=label,
                status=status,
                datasets=tuple(c.name for c in members),
                only_old=sum(c.only_old for c in members),
                only_new=sum(c.only_new for c in members),
                both=sum(c.both for c in members),
                words_only_old=sum(c.words_only_old for c in members),
                words_only_new=sum(c.words_only_new for c in members),
                new_after_opt_out=sum(c.new_after_opt_out for c in members),
                new_before_opt_out=sum(c.new_before_opt_out for c in members),
            )
        )
    return tuple(sorted(out, key=lambda c: (STATUS_RANK[c.status], -(c.only_new + c.only_old))))
