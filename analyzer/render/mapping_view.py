"""Mapping → rich renderables for `mapping show` (returns renderables, never prints).

Each category, file and source is a block of its own rather than a row of a wide table, so that a reason
wraps at its spaces and no word, file pattern or address is folded in a narrow column (issue 14).
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from analyzer.i18n import day, t
from analyzer.mapping import Mapping, categories_in_order
from analyzer.model import STATUS_RANK
from analyzer.render.sentences import mapping_origin
from analyzer.render.terminal import hanging_grid, status_text, url_line


def render_mapping(mapping: Mapping, lang: str) -> Group:
    head = Text(
        t(
            lang,
            "mapping.head",
            platform=mapping.platform,
            version=mapping.version,
            reviewed=day(mapping.reviewed, lang),
            origin=mapping_origin(mapping.origin, lang),
        ),
        style="dim",
    )
    parts: list[RenderableType] = [head, Text(""), Text(t(lang, "categories.title"), style="bold")]
    for c in categories_in_order(mapping):
        parts.append(Text.assemble((c.label.get(lang), "bold"), " · ", status_text(c.status, lang), " · ",
                                   t(lang, "mapping.confidence", confidence=t(lang, f"confidence.{c.confidence}"))))  # fmt: skip
        parts.append(_indented(Text(c.reason.get(lang) + " ").append(f"[{', '.join(c.sources)}]", style="dim")))
    parts += [Text(""), Text(t(lang, "datasets.title"), style="bold")]
    by_key = {c.key: c for c in mapping.categories}
    for d in sorted(mapping.datasets, key=lambda d: (STATUS_RANK[d.status], d.name.lower())):
        parts.append(Text("\n".join(d.patterns) or d.name_in(lang), style="bold"))  # a split has no pattern
        about = Text.assemble(by_key[d.category.key].label.get(lang), " · ", status_text(d.status, lang))
        if d.status_override:
            about.append("\n" + d.reason.get(lang), style="dim")
        for region, label in d.regional:  # e.g. used in the UK only
            about.append(f"\n{region.upper()}: ", style="bold")
            about.append(status_text(label.status, lang)).append(" – " + label.reason.get(lang), style="dim")
        parts.append(_indented(about))
    parts += [Text(""), Text(t(lang, "col.sources"), style="bold")]
    for s in mapping.sources:
        grid = hanging_grid()
        grid.add_row(Text(f"[{s.key}]", style="dim"), Text(f"{s.title_in(lang)} ({s.publisher})"))
        parts += [grid, url_line(s.url, indent=2)]
    return Group(*parts)


def _indented(text: Text) -> RenderableType:
    grid = hanging_grid()
    grid.add_row(" ", text)
    return grid
