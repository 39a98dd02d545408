"""`mapping check | show | path`: the mapping of export files to AI-training status."""

from pathlib import Path
from typing import Annotated

import typer

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
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Validate a mapping file; list every problem with where it is (exit 1 if any)."""
    language = language_of(lang)
    out, err = consoles()

    def action() -> None:
        from rich.text import Text

        from analyzer.i18n import day, num, t
        from analyzer.render.sentences import mapping_origin
        from analyzer.safe import clean_line
        from analyzer.streams import show

        rules = load_rules(file, thorough=True)  # every check now, the shipped mapping's too
        counts = {k: num(len(v), language) for k, v in
                  (("categories", rules.categories), ("datasets", rules.datasets), ("sources", rules.sources))}  # fmt: skip
        ok = t(language, "mapping.ok", origin=mapping_origin(rules.origin, language), version=rules.version,
               reviewed=day(rules.reviewed, language), **counts)  # fmt: skip
        show(out, Text(clean_line(ok)))

    guarded(action, err, debug, language)


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
