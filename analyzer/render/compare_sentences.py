"""The comparison's sentences as plain text, shared by its terminal and workbook renderers."""

from __future__ import annotations

from analyzer.comparison import Comparison, DatasetChange, Side
from analyzer.i18n import day, num, t, tn
from analyzer.safe import clean_line

#: How many kinds of record ("posts", "comments", …) the headline names.
UNITS_NAMED = 3


def side_line(side: Side, lang: str) -> str:
    src = side.source
    kind = t(lang, f"kind.{src.kind or 'none'}", platform="LinkedIn")
    name = clean_line(src.name)
    if src.export_date:
        return t(lang, "source", kind=kind, date=day(src.export_date, lang), name=name)
    return t(lang, "source.nodate", kind=kind, name=name)


def _things(c: Comparison, lang: str) -> str:
    """``posts and messages``: what the new records in likely used data are, the most first (three at most)."""
    if not c.used_units:
        return t(lang, "cmp.records")
    if c.used_only_new == 1:
        return c.used_units[0].get(lang).partition("|")[0]
    forms = [u.get(lang).partition("|")[2] or u.get(lang) for u in c.used_units[:UNITS_NAMED]]
    if len(c.used_units) > UNITS_NAMED:
        return f"{', '.join(forms)} {t(lang, 'cmp.more')}"
    if len(forms) == 1:
        return forms[0]
    return f"{', '.join(forms[:-1])} {t(lang, 'cmp.and')} {forms[-1]}"


def headline(c: Comparison, lang: str) -> list[str]:
    """What changed, in the member's own terms: the new records in likely used data, their words, what went."""
    if c.same:
        return [t(lang, "cmp.same", sha256=c.old.source.sha256 or "")]
    lines = []
    if c.swapped:
        lines.append(t(lang, "cmp.swapped", first=clean_line(c.new.source.name)))
    when = day(c.old.source.export_date, lang) if c.old.source.export_date else clean_line(c.old.source.name)
    gone = tn(lang, "cmp.gone", c.no_longer)
    words = num(c.used_words_only_new, lang)
    if c.used_only_new == 1:
        lines.append(t(lang, "cmp.headline.one", date=when, thing=_things(c, lang), words=words, gone=gone))
    elif c.used_only_new:
        new = t(lang, "cmp.new_items", count=num(c.used_only_new, lang), things=_things(c, lang))
        lines.append(t(lang, "cmp.headline", date=when, new=new, words=words, gone=gone))
    else:
        lines.append(t(lang, "cmp.headline.nothing", date=when, gone=gone))
    if c.opted_out_on is not None and c.used_only_new:
        lines.append(
            t(
                lang,
                "cmp.opt_out",
                after=num(c.used_after_opt_out, lang),
                before=num(c.used_before_opt_out, lang),
                date=day(c.opted_out_on, lang),
            )
        )
    if c.not_in_basic:
        lines.append(t(lang, "cmp.basic", count=num(c.not_in_basic, lang)))
    if c.region_changed:
        before, after = c.old.region_label, c.new.region_label
        unknown = t(lang, "cmp.region.unknown")
        lines.append(
            t(
                lang,
                "cmp.region" if c.new.policy_start else "cmp.region.nostart",
                old=before.get(lang) if before else unknown,
                new=after.get(lang) if after else unknown,
                start=day(c.new.policy_start, lang),
            )
        )
    return lines


def format_lines(c: Comparison, lang: str) -> list[str]:
    """Files that appeared or disappeared, columns that came or went (format drift between the two)."""
    lines = []

    def names(items: tuple[str, ...]) -> str:
        return ", ".join(clean_line(i) for i in items)

    for d in c.datasets:
        if d.not_in_basic:
            continue
        name = clean_line(d.name_in(lang))
        if d.files_added:
            lines.append(t(lang, "cmp.file_added", name=name, files=names(d.files_added)))
        if d.files_removed:
            lines.append(t(lang, "cmp.file_removed", name=name, files=names(d.files_removed)))
        if d.columns_added:
            lines.append(t(lang, "cmp.column_added", name=name, columns=names(d.columns_added)))
        if d.columns_removed:
            lines.append(t(lang, "cmp.column_removed", name=name, columns=names(d.columns_removed)))
    if c.unmapped_added:
        lines.append(t(lang, "cmp.unmapped_added", files=names(c.unmapped_added)))
    if c.unmapped_removed:
        lines.append(t(lang, "cmp.unmapped_removed", files=names(c.unmapped_removed)))
    return lines


def changed(c: Comparison) -> list[DatasetChange]:
    """The files whose records, files or columns changed, in the mapping's order."""
    return [d for d in c.datasets if d.changed]
