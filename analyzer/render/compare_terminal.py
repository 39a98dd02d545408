"""Comparison → rich renderables for the terminal. Computes nothing: every figure is a field of the Comparison."""

from __future__ import annotations

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from analyzer.comparison import Comparison
from analyzer.i18n import num, t
from analyzer.model import STATUS_RANK
from analyzer.render.compare_sentences import changed, format_lines, headline, side_line
from analyzer.render.terminal import status_text
from analyzer.safe import clean_line


def _panel(c: Comparison, lang: str) -> Panel:
    body = Text()
    body.append(t(lang, "cmp.old", source=side_line(c.old, lang)) + "\n", style="dim")
    body.append(t(lang, "cmp.new", source=side_line(c.new, lang)) + "\n\n", style="dim")
    body.append("\n".join(headline(c, lang)))
    return Panel(body, title=Text(t(lang, "cmp.title"), style="bold"), box=box.ROUNDED, expand=True)


#: Below this width the figure columns are only as wide as their longest figure or heading word, so that the
#: names keep room (at 60 columns, five figure columns of the wide layout left the names five characters a line).
NARROW = 80


class _Figures:
    """A table of names and figures, laid out for the width it is printed at."""

    def __init__(self, title: str, lang: str, first: str, opt_out: bool, rows: list[tuple[str, str, list[int]]]):
        self.title, self.lang, self.first, self.opt_out, self.rows = title, lang, first, opt_out, rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = _table(self.title, self.lang, self.first, self.opt_out, narrow=options.max_width < NARROW)
        _rows(table, self.rows, self.lang)
        yield table


def _table(title: str, lang: str, first: str, opt_out: bool, narrow: bool) -> Table:
    """The names take what the figures leave of the width; each figure's heading wraps within its column."""
    table = Table(
        title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False, expand=True, collapse_padding=narrow
    )
    table.add_column(first, overflow="fold", ratio=1)
    keys = [("cmp.col.old", 7), ("cmp.col.new", 7), ("cmp.col.both", 7), ("cmp.col.words", 7)]
    for key, width in keys + ([("cmp.col.after", 10)] if opt_out else []):
        heading = t(lang, key)
        table.add_column(heading, justify="right", width=max(map(len, heading.split())) if narrow else width)
    return table


def _rows(table: Table, rows: list[tuple[str, str, list[int]]], lang: str) -> None:
    """Rows under a heading per status (used → unclear → excluded), as the scan's tables group them; a figure
    column is widened to its longest figure (1.125.000 is nine characters)."""
    for i, column in enumerate(table.columns[1:]):
        column.width = max([column.width or 0, *(len(num(f[i], lang)) for _, _, f in rows if i < len(f))])
    status = None
    for name, row_status, figures in rows:
        if row_status != status:
            if status is not None:
                table.add_section()
            heading = status_text(row_status, lang)
            heading.stylize("bold")
            table.add_row(heading)
            status = row_status
        table.add_row(Text(name), *(num(n, lang) for n in figures))


def _category_table(c: Comparison, lang: str) -> _Figures:
    opt_out = c.opted_out_on is not None
    rows = []
    for cat in c.categories:
        figures = [cat.only_old, cat.only_new, cat.both, cat.words_only_new]
        rows.append((cat.label.get(lang), cat.status, figures + ([cat.new_after_opt_out] if opt_out else [])))
    return _Figures(t(lang, "cmp.categories.title"), lang, t(lang, "col.category"), opt_out, rows)


def _dataset_table(c: Comparison, lang: str) -> RenderableType:
    shown = changed(c)
    if not shown:
        return Text(t(lang, "cmp.nothing_changed"))
    opt_out = c.opted_out_on is not None
    rows = []
    for d in sorted(shown, key=lambda d: STATUS_RANK[d.status]):
        name = clean_line(d.name_in(lang)) + (f" ({t(lang, 'cmp.not_in_basic')})" if d.not_in_basic else "")
        figures = [d.only_old, d.only_new, d.both, d.words_only_new]
        rows.append((name, d.status, figures + ([d.new_after_opt_out] if opt_out else [])))
    return _Figures(t(lang, "cmp.datasets.title"), lang, t(lang, "cmp.col.file"), opt_out, rows)


def render(c: Comparison, lang: str) -> RenderableType:
    """The comparison as the terminal shows it: the headline, per category, per changed file, format changes."""
    if c.same:
        return _panel(c, lang)
    parts: list[RenderableType] = [_panel(c, lang), _category_table(c, lang), _dataset_table(c, lang)]
    drift = format_lines(c, lang)
    if drift:
        parts.append(Text("\n" + t(lang, "cmp.format.title"), style="bold"))
        parts.append(Text("\n".join(f"  {line}" for line in drift)))
    notes = [t(lang, "cmp.how", version=c.mapping.version)]
    if c.old.problems or c.new.problems:
        notes.append(t(lang, "cmp.problems", old=num(c.old.problems, lang), new=num(c.new.problems, lang)))
    parts.append(Text("\n" + "\n".join(notes), style="dim"))
    return Group(*parts)
