"""Mapping → rich tables for `mapping show` (returns renderables, never prints)."""

from __future__ import annotations

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from analyzer.i18n import day, t
from analyzer.mapping import Mapping, categories_in_order
from analyzer.model import STATUS_RANK
from analyzer.render.terminal import status_text


def render_mapping(mapping: Mapping, lang: str) -> Group:
    head = Text(
        t(
            lang,
            "mapping.head",
            platform=mapping.platform,
            version=mapping.version,
            reviewed=day(mapping.reviewed, lang),
            origin=mapping.origin,
        ),
        style="dim",
    )
    cats = Table(title=t(lang, "categories.title"), box=box.SIMPLE_HEAD, title_justify="left", show_lines=True)
    cats.add_column(t(lang, "col.category"), overflow="fold", ratio=2)
    cats.add_column(t(lang, "col.status"))
    cats.add_column(t(lang, "col.confidence"))
    cats.add_column(t(lang, "col.reason"), overflow="fold", ratio=5)
    cats.add_column(t(lang, "col.sources"), overflow="fold", ratio=1)
    for c in categories_in_order(mapping):
        cats.add_row(
            c.label.get(lang),
            status_text(c.status, lang),
            t(lang, f"confidence.{c.confidence}"),
            c.reason.get(lang),
            ", ".join(c.sources),
        )
    files = Table(title=t(lang, "datasets.title"), box=box.SIMPLE_HEAD, title_justify="left")
    files.add_column(t(lang, "col.file"), overflow="fold", ratio=3)
    files.add_column(t(lang, "col.category"), overflow="fold", ratio=2)
    files.add_column(t(lang, "col.status"))
    by_key = {c.key: c for c in mapping.categories}
    for d in sorted(mapping.datasets, key=lambda d: (STATUS_RANK[d.status], d.name.lower())):
        name = Text("\n".join(d.patterns))
        if d.status_override:
            name.append("\n" + d.reason.get(lang), style="dim")
        for region, label in d.regional:  # e.g. used in the UK only
            name.append(f"\n{region.upper()}: ", style="bold")
            name.append(status_text(label.status, lang)).append(" – " + label.reason.get(lang), style="dim")
        files.add_row(name, by_key[d.category.key].label.get(lang), status_text(d.status, lang))
    sources = Table(title=t(lang, "col.sources"), box=box.SIMPLE_HEAD, title_justify="left")
    sources.add_column("key")
    sources.add_column("", overflow="fold")
    for s in mapping.sources:
        sources.add_row(s.key, Text(f"{s.title} ({s.publisher})\n") + Text(s.url, style="cyan"))
    return Group(head, cats, files, sources)
