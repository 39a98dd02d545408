"""The opt-out guide: the platform's own wording for each step, what it does and does not do, with sources."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from analyzer.i18n import Say, day
from analyzer.model import Guide
from analyzer.render.terminal import action_steps, hanging_grid

_EFFECTS = 6  # guide.effect.1 … guide.effect.6 in the catalogue


def render_guide(guide: Guide, lang: str) -> Group:
    """The guide as rich renderables (the CLI prints them)."""
    s = Say(lang, guide.platform)
    dates = {name: day(when, lang) for name, when in guide.dates}
    effects = hanging_grid()
    for i in range(1, _EFFECTS + 1):
        effects.add_row("•", Text(s(f"guide.effect.{i}", **dates)))
    sources = hanging_grid()
    for source in guide.sources:
        sources.add_row("•", Text.assemble(source.title + " – ", (source.url, "cyan")))
    return Group(
        Text(s("guide.title"), style="bold underline"),
        Text(""),
        Text(s("guide.steps"), style="bold"),
        action_steps(guide.actions, lang, gap=True),
        Text(s("guide.effects"), style="bold"),
        effects,
        Text(""),
        Text(s("guide.sources"), style="bold"),
        sources,
        Text(""),
        Text(s("guide.footer", version=guide.mapping_version, reviewed=day(guide.mapping_reviewed, lang)), style="dim"),
    )
