"""`compare`: two of the member's exports, what is new since the last one and since the opt-out."""

from pathlib import Path
from typing import Annotated

import typer

from analyzer.cli.common import (
    DebugOpt,
    ForceOpt,
    LangOpt,
    MappingOpt,
    MaxColumnsOpt,
    MaxMemberSizeOpt,
    MaxMembersOpt,
    MaxRatioOpt,
    MaxTotalSizeOpt,
    NoColorOpt,
    OptedOutOpt,
    RegionOpt,
    app,
    consoles,
    guarded,
    language_of,
    load_rules,
)
from analyzer.dates import parse_day_option
from analyzer.i18n import t
from analyzer.limits import DEFAULT_LIMITS, MiB, limits_from
from analyzer.progress import with_progress


@app.command()
def compare(
    old: Annotated[
        Path, typer.Argument(metavar="OLD", help="The earlier export (.zip or its folder).", readable=False)
    ],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="The later export (.zip or its folder).", readable=False)],
    json_out: Annotated[
        bool, typer.Option("--json", metavar="", help="Write the comparison as JSON to stdout.")
    ] = False,
    xlsx: Annotated[
        Path | None, typer.Option("--xlsx", readable=False, help="Also save the comparison as Excel.")
    ] = None,
    html: Annotated[
        Path | None, typer.Option("--html", readable=False, help="Also save the comparison as one HTML file.")
    ] = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    opted_out_on: OptedOutOpt = None,
    region: RegionOpt = None,
    mapping: MappingOpt = None,
    max_member_size: MaxMemberSizeOpt = DEFAULT_LIMITS.max_member_bytes // MiB,
    max_total_size: MaxTotalSizeOpt = DEFAULT_LIMITS.max_total_bytes // MiB,
    max_members: MaxMembersOpt = DEFAULT_LIMITS.max_members,
    max_ratio: MaxRatioOpt = DEFAULT_LIMITS.max_ratio,
    max_columns: MaxColumnsOpt = DEFAULT_LIMITS.max_columns,
    no_color: NoColorOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Compare two of your exports: what is new since the last one, what is gone, and what came after your opt-out."""
    (out, err), language = consoles(no_color), language_of(lang)

    def action() -> None:
        from analyzer.compare import compare as run_compare
        from analyzer.output import check_target, write_document
        from analyzer.pipeline import ScanOptions
        from analyzer.render import compare_html, compare_json, compare_terminal, compare_workbook
        from analyzer.safe import clean_line
        from analyzer.streams import emit, show

        targets = {kind: path for kind, path in (("xlsx", xlsx), ("html", html)) if path is not None}
        for kind, target in targets.items():
            check_target(target, force, [old, new], suffix=f".{kind}", option=f"--{kind}")
        day = parse_day_option(opted_out_on, "--opted-out-on")
        limits = limits_from(max_members, max_member_size, max_total_size, max_ratio, max_columns)
        options, rules = ScanOptions(region=region, opted_out_on=day, limits=limits), load_rules(mapping)
        result = with_progress(err, t(language, "cmp.progress"), lambda p: run_compare(old, new, rules, options, p))
        if json_out:
            emit(compare_json.render(result, language).encode("utf-8"))  # JSON is UTF-8 whatever the locale
        else:
            show(out, compare_terminal.render(result, language))
        for kind, target in targets.items():
            render = compare_workbook.render if kind == "xlsx" else compare_html.render
            write_document(target, render(result, language), force, [old, new])
            err.say(t(language, "written", path=clean_line(str(target))), style="green")

    guarded(action, err, debug, language)
