"""The opt-out guide: the platform's own wording for each step, what it does and does not do, when training
ran in each region, with sources."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from analyzer.i18n import Say, day
from analyzer.model import Guide
from analyzer.render.sentences import periods_lines
from analyzer.render.terminal import action_steps, hanging_grid, url_line

EFFECTS = 5  # guide.effect.1 … guide.effect.5 in the catalogue
OBJECTION = 3  # the effect that names the objection, which has a wording for outside the GDPR


def render_guide(guide: Guide, lang: str) -> Group:
    """The guide as rich renderables (the CLI prints them)."""
    s = Say(lang, guide.platform)
    effects = hanging_grid()
    for i in range(1, EFFECTS + 1):
        key = f"guide.effect.{i}" + (".elsewhere" if i == OBJECTION and not guide.gdpr else "")
        effects.add_row("•", Text(s(key)))
    periods = hanging_grid()
    for _, label, region_periods in guide.periods:
        lines = " ".join(periods_lines(region_periods, lang, guide.platform))
        periods.add_row("•", Text.assemble((label.get(lang) + ": ", "bold"), lines))
    sources: list[RenderableType] = []
    for source in guide.sources:
        grid = hanging_grid()
        grid.add_row("•", Text(source.title_in(lang)))
        sources += [grid, url_line(source.url, indent=2)]
    title = s("guide.title") if guide.region is None else s("guide.title.region", region=guide.periods[0][1].get(lang))
    return Group(
        Text(title, style="bold underline"),
        *([] if guide.region else [Text(s("guide.all_regions"), style="dim")]),
        Text(""),
        Text(s("guide.steps"), style="bold"),
        action_steps(guide.actions, lang, gap=True),
        Text(s("guide.effects"), style="bold"),
        effects,
        Text(""),
        Text(s("guide.when"), style="bold"),
        periods,
        Text(""),
        Text(s("guide.sources"), style="bold"),
        *sources,
        Text(""),
        Text(s("guide.footer", version=guide.mapping_version, reviewed=day(guide.mapping_reviewed, lang)), style="dim"),
    )
