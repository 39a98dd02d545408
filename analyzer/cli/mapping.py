"""`mapping check | show | path`: the mapping of export files to AI-training status."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

if TYPE_CHECKING:
    pass

from analyzer.cli.common import (
    DebugOpt,
    LangOpt,
    MappingOpt,
    NoColorOpt,
    consoles,
    guarded,
    language_of,
    load_rules,
    mapping_app,
)


@mapping_app.command("check")
def mapping_check(
    file: Annotated[
        Path | None,
        typer.Argument(help="The mapping to check (default: the shipped one).", show_default=False, readable=False),
    ] = None,
    debug: DebugOpt = False,
) -> None:
    """Validate a mapping file; list every problem with where it is (exit 1 if any)."""
    out, err = consoles()

    def action() -> None:
        from analyzer.safe import clean_line
        from analyzer.streams import show

        rules = load_rules(file, thorough=True)  # every check now, the shipped mapping's too
        show(out, Text(clean_line(
            f"OK: {rules.origin} · mapping {rules.version}, reviewed {rules.reviewed.isoformat()} · "
            f"{len(rules.categories)} categories, {len(rules.datasets)} datasets, {len(rules.sources)} sources"
        )))  # fmt: skip

    guarded(action, err, debug)


@mapping_app.command("show")
def mapping_show(
    lang: LangOpt = None,
    mapping: MappingOpt = None,
    no_color: NoColorOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Print the categories and datasets of the mapping as readable tables."""
    out, err = consoles(no_color)
    language = language_of(lang)

    def action() -> None:
        from analyzer.render.mapping_view import render_mapping
        from analyzer.streams import show

        show(out, render_mapping(load_rules(mapping), language))

    guarded(action, err, debug, language)


@mapping_app.command("path")
def mapping_path() -> None:
    """Print where the shipped mapping file lives."""
    from analyzer.mapping import builtin_path

    typer.echo(str(builtin_path()))
