"""Report → rich renderables for the terminal (the CLI prints them). Computes nothing: every figure is a
field of the Report, every sentence shared with the other renderers comes from ``sentences``."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.containers import Lines
from rich.panel import Panel
from rich.rule import Rule
from rich.style import Style
from rich.table import Table
from rich.text import Text

from analyzer.i18n import day, num, t, tn
from analyzer.model import Action, Report
from analyzer.render.sentences import (
    action_done,
    dataset_name,
    headline,
    own_reasons,
    say,
    source_line,
    verdict_lines,
)
from analyzer.safe import clean_line
from analyzer.said import localized

STATUS_STYLE = {"used": "bold red", "unclear": "yellow", "excluded": "green", "unmapped": "dim"}
BAR_WIDTH = 36
#: "wahrscheinlich" and "ausgeschlossen" on a line each: the status never takes the room of the names.
STATUS_WIDTH = 15
#: Never narrower than its longest word ("wahrscheinlich", "ausgeschlossen"): a status is never cut.
STATUS_MIN = 14
#: File and category names wrap at spaces and are never broken inside a word: a word longer than the
#: column ends in "…" (the full name is in the workbook, the HTML report and the JSON).
NAME_WIDTH = 18


def status_text(status: str, lang: str) -> Text:
    """The status as every table shows it, "likely" included, so that no screenshot overclaims."""
    return Text(t(lang, f"status.{status}"), style=STATUS_STYLE[status])


#: Stands in for a no-break space while rich wraps a line: not white space, one cell wide, in no text of ours.
_GLUE = "\ue000"


class _Glued(Text):
    """Text whose lines never break at a no-break space ("66,9 %" keeps its sign): rich breaks at any white space."""

    def wrap(self, console: Console, width: int, **options: Any) -> Lines:
        protected = self.copy()
        protected.plain = self.plain.replace("\u00a0", _GLUE)  # one character for one: the styles stay in place
        lines = Text.wrap(protected, console, width, **options)
        for line in lines:
            line.plain = line.plain.replace(_GLUE, "\u00a0")
        return lines


def headline_panel(report: Report, lang: str) -> RenderableType:
    """The headline in a panel whose title is the report's question; where the title would be cut (a narrow
    terminal, a long German title), it is the panel's first line instead."""
    body = _Glued()
    body.append(source_line(report, lang) + "\n\n", style="dim")
    body.append(headline(report, lang))
    body.append("\n\n")
    body.append("\n".join(verdict_lines(report, lang)))
    title = Text(say(report, lang)("title"), style="bold")
    inside = _Glued.assemble(title, "\n\n", body)
    titled = Panel(body, title=title, box=box.ROUNDED, expand=True)
    return _ByWidth(Panel(inside, box=box.ROUNDED, expand=True), titled, len(title) + 6)


def category_block(report: Report, lang: str) -> RenderableType:
    """The category table; below 70 columns without the words column, so that the labels keep their room."""
    return _ByWidth(category_table(report, lang, narrow=True), category_table(report, lang), NARROW_WIDTH)


def category_table(report: Report, lang: str, narrow: bool = False) -> Table:
    table = Table(title=t(lang, "categories.title"), box=box.SIMPLE_HEAD, title_justify="left", expand=False,
                  caption=t(lang, "points.defined"), caption_justify="left", caption_style="dim")  # fmt: skip
    table.add_column(t(lang, "col.category"), overflow="ellipsis", ratio=3)
    table.add_column(t(lang, "col.status"), min_width=STATUS_MIN, max_width=STATUS_WIDTH)
    table.add_column(t(lang, "col.records"), justify="right", no_wrap=True)
    table.add_column(t(lang, "col.points"), justify="right", no_wrap=True)
    if not narrow:
        table.add_column(t(lang, "col.words"), justify="right", no_wrap=True)
    cut = 4 if narrow else 5
    for c in report.categories:
        row: list[RenderableType] = [c.display_label(lang), status_text(c.status, lang), num(c.records, lang)]
        row.append(num(c.data_points, lang))
        table.add_row(*[*row, num(c.words, lang)][:cut])
    unmapped = report.total("unmapped")
    if unmapped.datasets:
        row = [t(lang, "status.unmapped"), status_text("unmapped", lang), num(unmapped.records, lang)]
        table.add_row(*[*row, num(unmapped.data_points, lang), ""][:cut])
    table.add_section()
    total: list[RenderableType] = [Text(t(lang, "total"), style="bold"), "", num(report.records, lang)]
    total.append(num(report.data_points, lang))
    table.add_row(*[*total, num(report.words, lang)][:cut])
    return table


#: The width --details needs: its three extra columns would otherwise squeeze names and figures.
DETAILS_WIDTH = 115


class _ByWidth:
    """The wide renderable where the console has ``width`` columns, else the narrow one."""

    def __init__(self, narrow: RenderableType, wide: RenderableType, width: int):
        self._narrow, self._wide, self._width = narrow, wide, width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self._wide if options.max_width >= self._width else self._narrow


#: Below these widths the category table leaves out the words, the file table the column count (and below
#: NARROW_WIDTH its data points too), so that names and figures keep their room.
NARROW_WIDTH = 70
FILES_WIDTH = 90


def datasets_block(report: Report, lang: str, details: bool = False) -> RenderableType:
    """The file table as wide as the terminal allows: without the column count below 90 columns and without
    the data points below 70 (a file name keeps room for "Profile Summary.csv"), with the ``details``
    columns from 100."""
    narrow = _ByWidth(dataset_table(report, lang, narrow=True, points=False), dataset_table(report, lang, narrow=True),
                      NARROW_WIDTH)  # fmt: skip
    normal = _ByWidth(narrow, dataset_table(report, lang), FILES_WIDTH)
    if not details:
        return normal
    note = Text(t(lang, "details.narrow", width=DETAILS_WIDTH), style="dim")
    return _ByWidth(Group(normal, note), dataset_table(report, lang, details=True), DETAILS_WIDTH)


def dataset_table(report: Report, lang: str, details: bool = False, narrow: bool = False, points: bool = True) -> Table:
    """One row per dataset, grouped under its category (in the category table's order); a caption explains
    the marks the rows use."""
    marks = [t(lang, key) for key, used in (("datasets.mark.warn", any(d.warnings for d in report.datasets)),
                                            ("datasets.mark.parts", any(d.more_parts for d in report.datasets))) if used]  # fmt: skip
    table = Table(title=t(lang, "datasets.title"), box=box.SIMPLE_HEAD, title_justify="left",
                  caption=" · ".join(marks) or None, caption_justify="left", caption_style="dim")  # fmt: skip
    table.add_column(t(lang, "col.file"), overflow="ellipsis", ratio=1, min_width=NAME_WIDTH - 6 * narrow)
    table.add_column(t(lang, "col.status"), min_width=STATUS_MIN, max_width=STATUS_WIDTH)
    table.add_column(t(lang, "col.records"), justify="right", no_wrap=True)
    if not narrow:
        table.add_column(t(lang, "col.columns"), justify="right", no_wrap=True)
    if points:
        table.add_column(t(lang, "col.points"), justify="right", no_wrap=True)
    if details:  # more columns, never other ones
        table.add_column(t(lang, "col.words"), justify="right")
        table.add_column(t(lang, "col.first"), no_wrap=True)
        table.add_column(t(lang, "col.last"), no_wrap=True)
    table.add_column("!", justify="right")
    by_name = {d.name: d for d in report.datasets}
    for category in report.categories:
        table.add_row(Text(category.display_label(lang), style="bold"))
        for d in (by_name[name] for name in category.datasets):
            name = Text("  " + clean_line(d.name_in(lang)))
            if d.more_parts:
                name.append(f" (+{d.more_parts})", style="dim")
            warn = d.warnings
            row: list[RenderableType] = [name, status_text(d.status, lang), num(d.records, lang)]
            row += ([] if narrow else [num(len(d.columns), lang)]) + ([num(d.data_points, lang)] if points else [])
            if details:
                row += [num(d.words, lang), _short_day(d.first_date), _short_day(d.last_date)]
            row.append(Text(str(warn), style="bold yellow") if warn else "")
            table.add_row(*row)
    if report.unmapped:
        table.add_row(Text(t(lang, "status.unmapped"), style="bold"))
        for path in report.unmapped:
            table.add_row(Text("  " + clean_line(path), style="dim"), status_text("unmapped", lang))
    return table


def _short_day(value: date | None) -> str:
    return value.isoformat() if value is not None else "–"


def timeline(report: Report, lang: str) -> RenderableType:
    years = report.used_per_year
    if not years:
        return Text(t(lang, "timeline.empty"), style="dim")
    peak = max(y.records for y in years) or 1
    start = report.verdict.policy_start
    lines = Text()
    lines.append(t(lang, "timeline.title") + "\n", style="bold")
    for y in years:
        year, total, before, after = y.year, y.records, y.before_start, y.after_start
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


def url_line(url: str, indent: int = 3) -> Text:
    """A web address on a line of its own, never wrapped or cut by us: a narrow terminal wraps it if it must,
    and copying or clicking it (an OSC 8 hyperlink where the terminal supports one) gives the whole address.
    Print it outside tables and panels, which would cut it, with ``crop=False``."""
    return Text.assemble(" " * indent, (url, Style(color="cyan", link=url)), no_wrap=True, overflow="ignore")


def command_line(command: str, indent: int = 2) -> Text:
    """A command on a line of its own, never wrapped or cut by us, so that it can be copied whole."""
    return Text.assemble(" " * indent, (command, "bold"), no_wrap=True, overflow="ignore")


def action_steps(actions: tuple[Action, ...], lang: str, gap: bool = False) -> Group:
    """The numbered actions: title, the platform's wording of the steps, and where to do it."""
    parts: list[RenderableType] = []
    for i, action in enumerate(actions, start=1):
        grid = hanging_grid()
        title = Text(action.title.get(lang), style="bold")
        if done := action_done(action, lang):
            title.append(f" – {done}", style="green")
        grid.add_row(Text(f"{i}.", style="bold"), title)
        if action.applies:
            grid.add_row("", Text(action.applies.get(lang), style="italic"))
        grid.add_row("", Text(action.steps.get(lang)))
        if action.hint:
            grid.add_row("", Text(action.hint.get(lang), style="dim"))
        parts += [grid, url_line(action.url)]
        if gap:
            parts.append(Text(""))
    return Group(*parts)


def _bullets(title: str, items: list[Text], bullet_style: str = "") -> Group:
    """A titled list whose wrapped lines hang under their first word."""
    grid = hanging_grid()
    for item in items:
        grid.add_row(Text("•", style=bullet_style), item)
    return Group(Text(title, style="bold"), grid)


def unclear_block(report: Report, lang: str) -> RenderableType:
    """Why each unclear category is unclear, and the files within it that have a reason of their own."""
    grid = hanging_grid()
    for c in report.categories:
        if c.status != "unclear":
            continue
        grid.add_row(
            Text("•", style="yellow"), Text.assemble((c.display_label(lang) + ": ", "yellow"), c.reason.get(lang))
        )
        for d in own_reasons(report, c):
            grid.add_row("", Text.assemble(("– " + d.name_in(lang) + ": ", "yellow"), d.reason.get(lang)))
    return Group(Text(t(lang, "unclear.title"), style="bold"), grid)


def contacts_block(report: Report, lang: str) -> RenderableType | None:
    if not report.contacts:
        return None
    table = Table(
        title=t(lang, "contacts.title"),
        box=box.SIMPLE_HEAD,
        title_justify="left",
        caption=say(report, lang)("contacts.note.shown" if report.values_shown else "contacts.note"),
        caption_justify="left",
    )
    table.add_column(t(lang, "col.dataset"), overflow="ellipsis", min_width=NAME_WIDTH)
    table.add_column(t(lang, "col.kind"))
    table.add_column(t(lang, "col.count"), justify="right")
    for hit in report.contacts:
        name = clean_line(dataset_name(report, hit.dataset, lang))
        table.add_row(name, t(lang, f"contact.{hit.kind}"), num(hit.count, lang))
        for value in hit.values:
            table.add_row("", Text(clean_line(value), style="dim"), "")
    return table


def _names(columns: tuple[str, ...], lang: str, shown: int = 10) -> str:
    """Column names for a sentence: at most ``shown``, then how many more."""
    if not columns:
        return t(lang, "none")
    text = ", ".join(clean_line(c) or t(lang, "column.unnamed") for c in columns[:shown])
    return text + (f" … (+{num(len(columns) - shown, lang)})" if len(columns) > shown else "")


def issues_block(report: Report, lang: str) -> RenderableType:
    items: list[Text] = []
    if report.unmapped:
        items.append(
            Text(tn(lang, "issues.unmapped", len(report.unmapped), records=num(report.unmapped_records, lang)))
        )
    for d in report.datasets:
        if d.drift:
            items.append(
                Text(
                    t(
                        lang,
                        "issues.drift",
                        name=clean_line(d.name_in(lang)),
                        new=_names(d.drift.new_columns, lang),
                        missing=_names(d.drift.missing_columns, lang),
                    )
                )
            )
        items.extend(Text(clean_line(localized(p, lang))) for p in d.problems)
        if d.counted_once:
            total = d.records + d.counted_once
            other = clean_line(dataset_name(report, d.same_records_as, lang))
            items.append(Text(t(lang, "issues.counted_once", name=clean_line(d.name_in(lang)), count=num(d.counted_once, lang),
                                total=num(total, lang), other=other), style="dim"))  # fmt: skip
    items.extend(Text(clean_line(localized(p, lang))) for p in report.problems)
    items.extend(Text(clean_line(localized(n, lang)), style="dim") for n in report.notes)
    if report.ignored:
        items.append(Text(tn(lang, "issues.ignored", len(report.ignored)), style="dim"))
    if not items:
        return Group(Text(t(lang, "issues.title"), style="bold"), Text(t(lang, "issues.none"), style="green"))
    return _bullets(t(lang, "issues.title"), items, "yellow")


def actions_panel(report: Report, lang: str, archive_arg: str = "export.zip") -> Group:
    """What the member can do, under a rule rather than in a panel: a panel would cut its web addresses."""
    heading = Rule(Text(t(lang, "actions.title"), style="bold"), align="left", characters="─")
    commands = [
        Text(t(lang, "actions.guide"), style="dim"),
        command_line("linkedin-ai-exposure guide"),
        Text(t(lang, "actions.letter"), style="dim"),
        command_line(f"linkedin-ai-exposure letter {clean_line(archive_arg)}"),
    ]
    return Group(heading, action_steps(report.actions, lang), Text(""), *commands, Text(""))


def render(
    report: Report, lang: str, details: bool = False, archive_arg: str | None = None, summary: bool = False
) -> Group:
    """The whole terminal report, in reading order; ``summary``: the headline, the categories and the steps."""
    disclaimer = Text(
        say(report, lang)("disclaimer", version=report.mapping.version, reviewed=day(report.mapping.reviewed, lang)),
        style="dim",
    )
    steps = actions_panel(report, lang, archive_arg or report.source.name)
    if summary:
        return Group(headline_panel(report, lang), category_block(report, lang), steps, disclaimer)
    parts: list[RenderableType] = [
        headline_panel(report, lang),
        category_block(report, lang),
        datasets_block(report, lang, details),
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
        steps,
        disclaimer,
    ]
    return Group(*parts)
