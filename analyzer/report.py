"""Report → rich renderables for the terminal. Computes nothing; every figure comes from the Report."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from analyzer import policy
from analyzer.analysis import DatasetFigures, Report
from analyzer.i18n import day, num, pct, plural, t
from analyzer.safe import clean, clean_line

STATUS_STYLE = {"used": "bold red", "unclear": "yellow", "excluded": "green", "unmapped": "dim"}
_SHORT = {
    "en": {"used": "used", "unclear": "unclear", "excluded": "excluded", "unmapped": "unmapped"},
    "de": {"used": "genutzt", "unclear": "unklar", "excluded": "ausgeschl.", "unmapped": "unbekannt"},
}
BAR_WIDTH = 36


def status_text(status: str, lang: str, short: bool = False) -> Text:
    label = _SHORT[lang][status] if short else t(lang, f"status.{status}")
    return Text(label, style=STATUS_STYLE[status])


def source_line(report: Report, lang: str) -> str:
    src = report.source
    kind = t(lang, f"kind.{src.kind or 'none'}")
    name = clean_line(src.name)
    if src.export_date:
        return t(lang, "source", kind=kind, date=day(src.export_date, lang), name=name)
    return t(lang, "source.nodate", kind=kind, name=name)


def headline(report: Report, lang: str) -> Text:
    total = report.data_points
    used, excluded = report.total("used"), report.total("excluded")
    unclear, unmapped = report.total("unclear"), report.total("unmapped")
    lines = [
        t(lang, "headline", total=num(total, lang), used=num(used.data_points, lang),
          share=pct(used.data_points, total, lang), excluded=num(excluded.data_points, lang),
          unclear=num(unclear.data_points, lang))
        + (t(lang, "headline.unmapped", unmapped=num(unmapped.data_points, lang)) if unmapped.data_points else "")
    ]  # fmt: skip
    top = report.top_used
    if top:
        items = [_item(d, lang) for d in top[:5]]
        lines.append(t(lang, "headline.items", items=", ".join(items)))
        lines.append(t(lang, "headline.words", words=num(used.words, lang)))
    else:
        lines.append(t(lang, "headline.none"))
    return Text("\n".join(lines))


def _item(dataset: DatasetFigures, lang: str) -> str:
    if dataset.unit:
        return f"{num(dataset.records, lang)} {plural(dataset.unit.get(lang), dataset.records)}"
    return f"{num(dataset.records, lang)} × {dataset.name}"


def verdict_lines(report: Report, lang: str) -> list[str]:
    v = report.verdict
    lines = []
    if v.region:
        how = t(lang, "verdict.region.flag") if v.region_how == "--region" else clean_line(v.region_how)
        lines.append(t(lang, "verdict.region", region=policy.REGION_LABEL[v.region].get(lang), how=how))
        lines.append(t(lang, "verdict.start", start=day(v.policy_start, lang)))
        history = t(lang, "verdict.history", before=num(v.used_before_start, lang), after=num(v.used_after_start, lang),
                    start=day(v.policy_start, lang))  # fmt: skip
        if v.used_undated:
            history += " " + t(lang, "verdict.undated", undated=num(v.used_undated, lang))
        lines.append(history)
    else:
        lines.append(t(lang, "verdict.region.unknown"))
    if v.opted_out_on:
        if v.policy_start and v.opted_out_on <= v.policy_start:
            lines.append(t(lang, "verdict.optout.early", date=day(v.opted_out_on, lang), start=day(v.policy_start, lang)))
        else:
            lines.append(t(lang, "verdict.optout", date=day(v.opted_out_on, lang), before=num(v.used_before_opt_out, lang),
                           after=num(v.used_after_opt_out, lang)))  # fmt: skip
    else:
        lines.append(t(lang, "verdict.optout.hint"))
    if v.under_18:
        lines.append(t(lang, "verdict.minor"))
    return lines


def headline_panel(report: Report, lang: str) -> Panel:
    body = Text()
    body.append(source_line(report, lang) + "\n\n", style="dim")
    body.append_text(headline(report, lang))
    body.append("\n\n")
    body.append("\n".join(verdict_lines(report, lang)))
    return Panel(body, title=Text(t(lang, "title"), style="bold"), box=box.ROUNDED, expand=True)


def category_table(report: Report, lang: str) -> Table:
    table = Table(title=t(lang, "categories.title"), box=box.SIMPLE_HEAD, title_justify="left", expand=False)
    table.add_column(t(lang, "col.category"), overflow="fold", ratio=3)
    table.add_column(t(lang, "col.status"), overflow="fold")
    table.add_column(t(lang, "col.records"), justify="right")
    table.add_column(t(lang, "col.points"), justify="right")
    table.add_column(t(lang, "col.words"), justify="right")
    for c in report.categories:
        table.add_row(c.display_label(lang), status_text(c.status, lang, short=True), num(c.records, lang),
                      num(c.data_points, lang), num(c.words, lang))  # fmt: skip
    unmapped = report.total("unmapped")
    if unmapped.datasets:
        table.add_row(t(lang, "status.unmapped"), status_text("unmapped", lang, short=True), num(unmapped.records, lang),
                      num(unmapped.data_points, lang), "")  # fmt: skip
    table.add_section()
    table.add_row(Text(t(lang, "total"), style="bold"), "", num(sum(x.records for x in report.totals), lang),
                  num(report.data_points, lang), num(sum(x.words for x in report.totals), lang))  # fmt: skip
    return table


def dataset_table(report: Report, lang: str, details: bool = False) -> Table:
    """One row per dataset, grouped under its category (in the category table's order)."""
    table = Table(title=t(lang, "datasets.title"), box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column(t(lang, "col.file"), overflow="fold", ratio=1)
    table.add_column(t(lang, "col.status"), no_wrap=True)
    table.add_column(t(lang, "col.records"), justify="right")
    if details:
        table.add_column(t(lang, "col.words"), justify="right")
        table.add_column(t(lang, "col.first"), no_wrap=True)
        table.add_column(t(lang, "col.last"), no_wrap=True)
    else:
        table.add_column(t(lang, "col.columns"), justify="right")
        table.add_column(t(lang, "col.points"), justify="right")
    table.add_column("!", justify="right")
    by_name = {d.name: d for d in report.datasets}
    for category in report.categories:
        table.add_row(Text(category.display_label(lang), style="bold"))
        for d in (by_name[name] for name in category.datasets):
            name = Text("  " + clean_line(d.name))
            if len(d.members) > 1 and d.name != "Articles":
                name.append(f" (+{len(d.members) - 1})", style="dim")
            warn = len(d.problems) + (1 if d.drift else 0)
            row: list[RenderableType] = [name, status_text(d.status, lang, short=True), num(d.records, lang)]
            if details:
                row += [num(d.words, lang), _short_day(d.first_date), _short_day(d.last_date)]
            else:
                row += [num(len(d.columns), lang), num(d.data_points, lang)]
            row.append(Text(str(warn), style="bold yellow") if warn else "")
            table.add_row(*row)
    if report.unmapped:
        table.add_row(Text(t(lang, "status.unmapped"), style="bold"))
        for path in report.unmapped:
            table.add_row(Text("  " + clean_line(path), style="dim"), status_text("unmapped", lang, short=True))
    return table


def _short_day(value: object) -> str:
    return value.isoformat() if value is not None else "–"  # type: ignore[union-attr]


def timeline(report: Report, lang: str) -> RenderableType:
    years: dict[int, list[int]] = {}
    for d in report.datasets:
        if d.status != "used":
            continue
        for y in d.per_year:
            counts = years.setdefault(y.year, [0, 0, 0])
            counts[0] += y.records
            counts[1] += y.before_start
            counts[2] += y.after_start
    if not years:
        return Text(t(lang, "timeline.empty"), style="dim")
    peak = max(c[0] for c in years.values()) or 1
    start = report.verdict.policy_start
    lines = Text()
    lines.append(t(lang, "timeline.title") + "\n", style="bold")
    for year in sorted(years):
        total, before, after = years[year]
        if start is None:
            before, after = total, 0
        width_before = round(BAR_WIDTH * before / peak)
        width_after = round(BAR_WIDTH * after / peak)
        if total and width_before + width_after == 0:
            width_before = 1 if before else 0
            width_after = 0 if before else 1
        lines.append(f"  {year}  ")
        lines.append("█" * width_before, style="red")
        lines.append("▓" * width_after, style="bold red")
        lines.append(f" {num(total, lang)}\n")
    legend = t(lang, "timeline.legend", start=day(start, lang)) if start else t(lang, "timeline.legend.nostart")
    lines.append("  " + legend, style="dim")
    return lines


def hanging_grid() -> Table:
    """Two columns, a marker and text, so that wrapped lines hang under the text."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    return grid


def action_steps(lang: str, gap: bool = False) -> Table:
    """The numbered actions: title, LinkedIn's wording of the steps, and where to do it."""
    grid = hanging_grid()
    for i, action in enumerate(policy.ACTIONS, start=1):
        grid.add_row(Text(f"{i}.", style="bold"), Text(action.title.get(lang), style="bold"))
        grid.add_row("", Text(action.steps.get(lang)))
        grid.add_row("", Text(action.url, style="cyan"))
        if gap:
            grid.add_row("", "")
    return grid


def _bullets(title: str, items: list[Text], bullet_style: str = "") -> Group:
    """A titled list whose wrapped lines hang under their first word."""
    grid = hanging_grid()
    for item in items:
        grid.add_row(Text("•", style=bullet_style), item)
    return Group(Text(title, style="bold"), grid)


def unclear_block(report: Report, lang: str) -> RenderableType:
    items = [
        Text.assemble((c.display_label(lang) + ": ", "yellow"), c.reason.get(lang))
        for c in report.categories
        if c.status == "unclear"
    ]
    return _bullets(t(lang, "unclear.title"), items, "yellow")


def contacts_block(report: Report, lang: str) -> RenderableType | None:
    if not report.contacts:
        return None
    table = Table(title=t(lang, "contacts.title"), box=box.SIMPLE_HEAD, title_justify="left",
                  caption=t(lang, "contacts.note.shown" if report.values_shown else "contacts.note"),
                  caption_justify="left")  # fmt: skip
    table.add_column(t(lang, "col.dataset"), overflow="fold")
    table.add_column(t(lang, "col.kind"))
    table.add_column(t(lang, "col.count"), justify="right")
    for hit in report.contacts:
        table.add_row(clean_line(hit.dataset), t(lang, f"contact.{hit.kind}"), num(hit.count, lang))
        for value in hit.values:
            table.add_row("", Text(clean_line(value), style="dim"), "")
    return table


def _names(columns: tuple[str, ...], lang: str, shown: int = 10) -> str:
    """Column names for a sentence: at most ``shown``, then how many more."""
    if not columns:
        return t(lang, "none")
    text = ", ".join(clean_line(c) for c in columns[:shown])
    return text + (f" … (+{num(len(columns) - shown, lang)})" if len(columns) > shown else "")


def issues_block(report: Report, lang: str) -> RenderableType:
    items: list[Text] = []
    if report.unmapped:
        items.append(Text(t(lang, "issues.unmapped", count=num(len(report.unmapped), lang),
                            records=num(report.unmapped_records, lang))))  # fmt: skip
    for d in report.datasets:
        if d.drift:
            items.append(Text(t(lang, "issues.drift", name=clean_line(d.name), new=_names(d.drift.new_columns, lang),
                                missing=_names(d.drift.missing_columns, lang))))  # fmt: skip
        items.extend(Text(clean(p)) for p in d.problems)
    items.extend(Text(clean(p)) for p in report.problems)
    if report.ignored:
        items.append(Text(t(lang, "issues.ignored", count=num(len(report.ignored), lang)), style="dim"))
    if not items:
        return Group(Text(t(lang, "issues.title"), style="bold"), Text(t(lang, "issues.none"), style="green"))
    return _bullets(t(lang, "issues.title"), items, "yellow")


def actions_panel(lang: str, archive_arg: str = "export.zip") -> Panel:
    body = Group(action_steps(lang), Text(""), Text(t(lang, "actions.commands", archive=clean_line(archive_arg)), style="dim"))
    return Panel(body, title=Text(t(lang, "actions.title"), style="bold"), box=box.ROUNDED)


def render_report(report: Report, lang: str, details: bool = False, archive_arg: str | None = None) -> Group:
    """The whole terminal report, in reading order."""
    parts: list[RenderableType] = [
        headline_panel(report, lang),
        category_table(report, lang),
        dataset_table(report, lang, details),
        timeline(report, lang),
        Text(""),
        unclear_block(report, lang),
    ]
    contacts = contacts_block(report, lang)
    if contacts is not None:
        parts += [Text(""), contacts]
    parts += [
        Text(""),
        issues_block(report, lang),
        Text(""),
        actions_panel(lang, archive_arg or report.source.name),
        Text(t(lang, "disclaimer", version=report.mapping.version, reviewed=day(report.mapping.reviewed, lang)), style="dim"),
    ]
    return Group(*parts)
