"""The report's sentences as plain text, shared by every renderer: where the export came from, the
headline, what is most exposed, and the verdict for the member's region."""

from __future__ import annotations

from analyzer.i18n import Say, day, num, pct, plural, t
from analyzer.mapping.model import BUILTIN
from analyzer.model import HEADLINE_ITEMS, Action, CategoryFigures, DatasetFigures, Period, Report
from analyzer.safe import clean_line
from analyzer.said import localized


def say(report: Report, lang: str) -> Say:
    """The catalogue in ``lang``, speaking of the report's platform."""
    return Say(lang, report.mapping.platform)


def mapping_origin(origin: str, lang: str) -> str:
    """Where a mapping comes from: its file, or the words for the shipped one."""
    return t(lang, "mapping.builtin") if origin == BUILTIN else origin


def source_line(report: Report, lang: str) -> str:
    s, src = say(report, lang), report.source
    kind = s(f"kind.{src.kind or 'none'}")
    name = clean_line(src.name)
    if src.export_date:
        return s("source", kind=kind, date=day(src.export_date, lang), name=name)
    return s("source.nodate", kind=kind, name=name)


def item(dataset: DatasetFigures, lang: str) -> str:
    """``170 comments``, or ``3 × Votes.csv`` for a dataset without a unit."""
    if dataset.unit:
        return f"{num(dataset.records, lang)} {plural(dataset.unit.get(lang), dataset.records)}"
    return f"{num(dataset.records, lang)} × {dataset.name_in(lang)}"


def dataset_name(report: Report, name: str, lang: str) -> str:
    """The name a reader of ``lang`` is shown for the dataset called ``name`` (a contact's, a record's, the
    one ``same_records_as`` names): a split's own German name, any other as the export names it."""
    for dataset in report.datasets:
        if dataset.name == name:
            return dataset.name_in(lang)
    return name


def headline(report: Report, lang: str) -> str:
    """In the member's own terms first: their records in likely used data, what is most exposed, the share of
    the words they wrote themselves; then the data points (every filled cell), defined where they are shown."""
    s = say(report, lang)
    used, excluded = report.total("used"), report.total("excluded")
    unclear, unmapped = report.total("unclear"), report.total("unmapped")
    lines = []
    if report.source.cut_off:
        lines.append(s("headline.cut_off"))
    if report.source.kind == "basic":
        lines.append(s("headline.basic"))
    if (old := _old(report, lang)) is not None:
        lines.append(old)
    if report.most_exposed:
        lines.append(s("headline", used=num(used.records, lang), total=num(report.records, lang)))
        items = [item(d, lang) for d in report.most_exposed[:HEADLINE_ITEMS]]
        lines.append(s("headline.items", items=", ".join(items)))
        if report.words:
            share = pct(used.words, report.words, lang)
            lines.append(s("headline.words", words=num(used.words, lang), total=num(report.words, lang), share=share))
    else:
        lines.append(s("headline.none"))
    points = report.data_points
    lines.append(
        s("headline.points", used=num(used.data_points, lang), total=num(points, lang),
          share=pct(used.data_points, points, lang), excluded=num(excluded.data_points, lang),
          unclear=num(unclear.data_points, lang))
        + (s("headline.unmapped", unmapped=num(unmapped.data_points, lang)) if unmapped.data_points else "")
    )  # fmt: skip
    return "\n".join(lines)


#: An export older than this many months is said to be old in the headline.
OLD_MONTHS = 3


def _old(report: Report, lang: str) -> str | None:
    """ "This export is from …, 4 years ago …" for an export that is months old or from before the policy start."""
    src, start = report.source, report.verdict.policy_start
    if src.export_date is None or src.age_months is None:
        return None
    before = start is not None and src.export_date < start
    if src.age_months < OLD_MONTHS and not before:
        return None
    s, months = say(report, lang), src.age_months
    if months >= 24:
        age = s("age.years", n=num(months // 12, lang))
    elif months >= 2:
        age = s("age.months", n=num(months, lang))
    else:
        age = s("age.recent")
    key = "headline.old.before" if before else "headline.old"
    return s(key, date=day(src.export_date, lang), age=age, start=day(start, lang))


def verdict_lines(report: Report, lang: str, document: bool = False) -> list[str]:
    """Region and policy start, records before and since, the opt-out, and the age rule. A ``document`` (the
    workbook, the HTML report) is read by people without a terminal: it names no command-line option."""
    s, v = say(report, lang), report.verdict
    lines = []
    if v.region_label is not None:
        how = s("verdict.region.flag") if v.region_how == "--region" else clean_line(localized(v.region_how, lang))
        lines.append(s("verdict.region", region=v.region_label.get(lang), how=how))
        if report.member.region_assumption and v.region_how != "--region":
            lines.append(_assumption(report, lang))
        lines += periods_lines(v.periods, lang, report.mapping.platform)
        if v.basis:
            lines.append(s(f"verdict.basis.{v.basis}"))
        history = s(
            "verdict.history",
            before=num(v.used_before_start, lang),
            after=num(v.used_after_start, lang),
            start=day(v.policy_start, lang),
        )
        if v.used_undated:
            history += " " + s("verdict.undated", undated=num(v.used_undated, lang))
        lines.append(history)
    elif report.member.region_issue == "no_profile":
        lines.append(s("verdict.region.unknown.no_profile"))
    elif report.member.region_issue == "no_location":
        lines.append(s("verdict.region.unknown.no_location"))
    elif report.member.region_issue == "unrecognised":
        lines.append(s("verdict.region.unknown.unrecognised", how=clean_line(localized(v.region_how, lang))))
    else:
        lines.append(s("verdict.region.unknown"))
    if v.opted_out_on:
        key = {"never": "verdict.optout.early", "running": "verdict.optout"}.get(v.opt_out_timing)
        lines.append(
            s(
                key or f"verdict.optout.{v.opt_out_timing}",
                date=day(v.opted_out_on, lang),
                start=day(v.policy_start, lang),
                until=day(v.exposed_until, lang),
                before=num(v.used_before_opt_out, lang),
                after=num(v.used_after_opt_out, lang),
            )
        )
    else:
        lines.append(s("verdict.optout.hint.doc" if document else "verdict.optout.hint"))
    if v.under_18:
        lines.append(s("verdict.minor"))
    return lines


def periods_lines(periods: tuple[Period, ...], lang: str, platform: str) -> list[str]:
    """Since when the platform trains on a region's data, and the earlier window it paused, if any."""
    s = Say(lang, platform)
    *earlier, now = periods
    lines = [s("verdict.start.nlt" if now.no_later_than else "verdict.start", start=day(now.start, lang))]
    lines += [s("verdict.earlier", start=day(p.start, lang), end=day(p.end, lang)) for p in earlier]
    return lines


def _assumption(report: Report, lang: str) -> str:
    """How an ambiguous part of the member's location was read, and the --region value for the other reading."""
    s = say(report, lang)
    place, read_as, because, instead, flag = report.member.region_assumption
    readings = {
        "country": s("verdict.region.as.country"),
        "us_state": s("verdict.region.as.us_state"),
        "ca_province": s("verdict.region.as.ca_province"),
        "uk_nation": s("verdict.region.as.uk_nation"),
        "de_state": s("verdict.region.as.de_state"),
        "city": s("verdict.region.as.city"),
    }
    fields = {"place": clean_line(place), "read_as": readings[read_as], "instead": readings[instead], "flag": flag}
    if because:
        return s("verdict.region.assumption", because=clean_line(because), **fields)
    return s("verdict.region.assumption.default", **fields)


def action_done(action: Action, lang: str) -> str:
    """When the member says they took the step ("already switched off on …"), or "" when they did not say."""
    return Say(lang, "")("action.done", date=day(action.done_on, lang)) if action.done_on else ""


def action_title(action: Action, lang: str) -> str:
    """A step's title, saying when the member did it (the opt-out, from --opted-out-on)."""
    done = action_done(action, lang)
    return f"{action.title.get(lang)} – {done}" if done else action.title.get(lang)


def action_body(action: Action, lang: str) -> str:
    """A step's text for a document: where it applies (when the region is unknown), then the steps; the
    command hint is the terminal's."""
    steps = action.steps.get(lang)
    return f"{action.applies.get(lang)} {steps}" if action.applies else steps


def own_reasons(report: Report, category: CategoryFigures) -> list[DatasetFigures]:
    """The files of a category whose label has a reason of its own (SearchQueries.csv: unclear, leaning used)."""
    return [d for d in report.datasets if d.name in category.datasets and d.records and d.reason != category.reason]
