"""`scan` and `guide`: the report on an export, and the opt-out steps."""

from pathlib import Path
from typing import Annotated

import typer

from analyzer.cli.common import (
    ArchiveArg,
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
from analyzer.i18n import t, tn
from analyzer.limits import DEFAULT_LIMITS, MiB, limits_from
from analyzer.progress import with_progress


@app.command()
def scan(
    archive: ArchiveArg,
    json_out: Annotated[
        bool, typer.Option("--json", metavar="", help="Write the report as JSON to stdout instead of the table.")
    ] = False,
    xlsx: Annotated[
        Path | None, typer.Option("--xlsx", readable=False, help="Also save an Excel summary to this file.")
    ] = None,
    html: Annotated[
        Path | None, typer.Option("--html", readable=False, help="Also save the report as one HTML file.")
    ] = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    details: Annotated[
        bool, typer.Option("--details", metavar="", help="More columns per file (words, first and last date).")
    ] = False,
    summary: Annotated[
        bool, typer.Option("--summary", metavar="", help="Only the headline, the categories and what to do.")
    ] = False,
    region: RegionOpt = None,
    opted_out_on: OptedOutOpt = None,
    show_values: Annotated[
        bool,
        typer.Option(
            "--show-values", metavar="", help="Show the e-mail addresses, phone numbers and IBANs found in used text."
        ),
    ] = False,
    include_content: Annotated[
        bool,
        typer.Option(
            "--include-content", metavar="", help="Add the exposed posts and comments themselves to the workbook."
        ),
    ] = False,
    mapping: MappingOpt = None,
    max_member_size: MaxMemberSizeOpt = DEFAULT_LIMITS.max_member_bytes // MiB,
    max_total_size: MaxTotalSizeOpt = DEFAULT_LIMITS.max_total_bytes // MiB,
    max_members: MaxMembersOpt = DEFAULT_LIMITS.max_members,
    max_ratio: MaxRatioOpt = DEFAULT_LIMITS.max_ratio,
    max_columns: MaxColumnsOpt = DEFAULT_LIMITS.max_columns,
    no_color: NoColorOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Scan an export and report what of it LinkedIn likely uses for AI training."""
    out, err = consoles(no_color)
    language = language_of(lang)

    def action() -> int:
        from analyzer.output import check_target, write_document
        from analyzer.pipeline import ScanOptions
        from analyzer.pipeline import scan as run_scan
        from analyzer.render import render
        from analyzer.safe import clean_line
        from analyzer.streams import emit, show

        options = ScanOptions(
            region=region,
            opted_out_on=parse_day_option(opted_out_on, "--opted-out-on"),
            show_values=show_values,
            include_content=include_content,
            limits=limits_from(max_members, max_member_size, max_total_size, max_ratio, max_columns),
        )
        targets = {kind: path for kind, path in (("xlsx", xlsx), ("html", html)) if path is not None}
        for kind, target in targets.items():
            check_target(target, force, [archive], suffix=f".{kind}", option=f"--{kind}")
        rules = load_rules(mapping)
        report = with_progress(
            err, t(language, "progress"), lambda progress: run_scan(archive, rules, options, progress)
        )
        if json_out:
            emit(render("json", report, language).encode("utf-8"))  # JSON is UTF-8 whatever the locale
        else:
            document = render("terminal", report, language, details=details, archive_arg=str(archive), summary=summary)
            show(out, document)
        for kind, target in targets.items():
            extra = {"include_content": include_content} if kind == "xlsx" else {}
            write_document(target, render(kind, report, language, **extra), force, [archive])
            err.say(t(language, "written", path=clean_line(str(target))), style="green")
        if report.problem_count:
            err.say(tn(language, "warn.problems", report.problem_count), style="yellow")
        return 0

    guarded(action, err, debug, language)


@app.command()
def guide(
    lang: LangOpt = None, region: RegionOpt = None, no_color: NoColorOpt = False, debug: DebugOpt = False
) -> None:
    """The opt-out steps in LinkedIn's own wording, for your region or (without --region) for every region."""
    out, err = consoles(no_color)
    language = language_of(lang)

    def action() -> None:
        from analyzer.platforms import platform_for
        from analyzer.render.guide import render_guide

        rules = load_rules(None)
        from analyzer.streams import show

        show(out, render_guide(platform_for(rules.platform).actions.guide(rules, region), language))

    guarded(action, err, debug, language)
