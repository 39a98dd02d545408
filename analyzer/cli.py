"""The command line: parse options, call one core function, render, exit. The only module that imports typer."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.text import Text

from analyzer import __version__
from analyzer.cli_support import Lang, consoles, lang_of, limits_of, load, parse_day, save
from analyzer.errors import AnalyzerError
from analyzer.i18n import default_lang, t, tn
from analyzer.limits import DEFAULT_LIMITS, MiB
from analyzer.progress import with_progress

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Reads your LinkedIn data export offline and shows what of it LinkedIn likely uses to train its "
    "generative AI, what is excluded, what is unclear, and what you can do about it.",
)
mapping_app = typer.Typer(
    no_args_is_help=True, help="Check, show or locate the mapping of export files to AI-training status."
)
app.add_typer(mapping_app, name="mapping")

T = TypeVar("T")


class LetterFormat(StrEnum):
    txt = "txt"
    md = "md"


LangOpt = Annotated[
    Lang | None, typer.Option("--lang", help="Language of the output: en or de (default: from your locale).")
]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help="No colours (NO_COLOR is respected too).")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show the full traceback of an error.", hidden=True)]
ForceOpt = Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")]
MappingOpt = Annotated[
    Path | None, typer.Option("--mapping", help='Use this mapping file (may `extends = "builtin"`).')
]


def _region(value: str | None) -> str | None:
    """``--region``: a region key or a country's name or ISO code → the region key (a usage error if neither)."""
    if value is None:
        return None
    from analyzer.platforms.linkedin import policy

    region = policy.region_for_flag(value)
    if region is None:
        raise typer.BadParameter(
            f"{value!r} is neither a region ({', '.join(policy.REGION_START)}) nor a country's name or ISO code "
            "(e.g. germany, IN, 'United States')."
        )
    return region


RegionOpt = Annotated[
    str | None,
    typer.Option(
        "--region",
        metavar="REGION",
        help="Your region if Profile.csv does not show it: eu, eea, ch, uk, ca, hk, us, other, or your country "
        "(name or ISO code, e.g. germany, IN).",
        callback=_region,
    ),
]
ArchiveArg = Annotated[
    Path,
    typer.Argument(
        help="The export: a .zip from LinkedIn (any download name) or its extracted folder.", show_default=False
    ),
]
# The archive's limits; its error messages name these options, so every command that reads an export has them.
MaxMemberSizeOpt = Annotated[
    int, typer.Option("--max-member-size", metavar="MiB", help="Largest file inside the archive to read.")
]
MaxTotalSizeOpt = Annotated[int, typer.Option("--max-total-size", metavar="MiB", help="Largest total to inflate.")]
MaxMembersOpt = Annotated[int, typer.Option("--max-members", help="Most files an archive may hold.")]
MaxRatioOpt = Annotated[
    int, typer.Option("--max-ratio", help="Highest compression ratio of a file over 16 MiB (zip-bomb guard).")
]


def _run(action: Callable[[], T], err: Console, debug: bool) -> T:
    """The one boundary where expected errors become a red line on stderr and an exit code."""
    try:
        return action()
    except AnalyzerError as exc:
        if debug:
            raise
        err.print(Text(str(exc), style="red"), soft_wrap=True)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        err.print(Text("Interrupted; no output file was left behind.", style="red"))
        raise typer.Exit(130) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"linkedin-ai-exposure {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """LinkedIn AI-training exposure: scan, read, act."""


@app.command()
def scan(
    archive: ArchiveArg,
    json_out: Annotated[
        bool, typer.Option("--json", help="Write the report as JSON to stdout instead of the table.")
    ] = False,
    xlsx: Annotated[Path | None, typer.Option("--xlsx", help="Also save an Excel summary to this file.")] = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    details: Annotated[
        bool, typer.Option("--details", help="More columns per file (words, first and last date).")
    ] = False,
    region: RegionOpt = None,
    opted_out_on: Annotated[
        str | None, typer.Option("--opted-out-on", metavar="YYYY-MM-DD", help="When you switched AI training off.")
    ] = None,
    show_values: Annotated[
        bool,
        typer.Option("--show-values", help="Show the e-mail addresses, phone numbers and IBANs found in used text."),
    ] = False,
    include_content: Annotated[
        bool, typer.Option("--include-content", help="Add the exposed posts and comments themselves to the workbook.")
    ] = False,
    mapping: MappingOpt = None,
    max_member_size: MaxMemberSizeOpt = DEFAULT_LIMITS.max_member_bytes // MiB,
    max_total_size: MaxTotalSizeOpt = DEFAULT_LIMITS.max_total_bytes // MiB,
    max_members: MaxMembersOpt = DEFAULT_LIMITS.max_members,
    max_ratio: MaxRatioOpt = DEFAULT_LIMITS.max_ratio,
    no_color: NoColorOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Scan an export and report what of it LinkedIn likely uses for AI training."""
    out, err = consoles(no_color)
    language = lang_of(lang)

    def action() -> int:
        from analyzer.output import check_target
        from analyzer.pipeline import ScanOptions
        from analyzer.pipeline import scan as run_scan
        from analyzer.render import render

        options = ScanOptions(
            region=region,
            opted_out_on=parse_day(opted_out_on, "--opted-out-on"),
            show_values=show_values,
            include_content=include_content,
            limits=limits_of(max_members, max_member_size, max_total_size, max_ratio),
        )
        if xlsx is not None:
            check_target(xlsx, force)
        rules = load(mapping)
        report = with_progress(
            err, t(language, "progress"), lambda progress: run_scan(archive, rules, options, progress)
        )
        if json_out:
            sys.stdout.write(render("json", report, language))
        else:
            out.print(render("terminal", report, language, details=details, archive_arg=str(archive)))
        if xlsx is not None:
            from analyzer.output import write_atomic

            workbook = render("xlsx", report, language, include_content=include_content)
            write_atomic(xlsx, lambda handle: handle.write(workbook), force)
            err.print(Text(t(language, "written", path=str(xlsx)), style="green"))
        if report.problem_count:
            err.print(Text(tn(language, "warn.problems", report.problem_count), style="yellow"))
        return 0

    _run(action, err, debug)


@app.command()
def compare(
    old: Annotated[Path, typer.Argument(help="The earlier export (.zip or its folder).", show_default=False)],
    new: Annotated[Path, typer.Argument(help="The later export (.zip or its folder).", show_default=False)],
    json_out: Annotated[bool, typer.Option("--json", help="Write the comparison as JSON to stdout.")] = False,
    xlsx: Annotated[Path | None, typer.Option("--xlsx", help="Also save the comparison as Excel.")] = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    opted_out_on: Annotated[
        str | None, typer.Option("--opted-out-on", metavar="YYYY-MM-DD", help="When you switched AI training off.")
    ] = None,
    region: RegionOpt = None,
    mapping: MappingOpt = None,
    max_member_size: MaxMemberSizeOpt = DEFAULT_LIMITS.max_member_bytes // MiB,
    max_total_size: MaxTotalSizeOpt = DEFAULT_LIMITS.max_total_bytes // MiB,
    max_members: MaxMembersOpt = DEFAULT_LIMITS.max_members,
    max_ratio: MaxRatioOpt = DEFAULT_LIMITS.max_ratio,
    no_color: NoColorOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Compare two of your exports: what is new since the last one, what is gone, and what came after your opt-out."""
    (out, err), language = consoles(no_color), lang_of(lang)

    def action() -> None:
        from analyzer.compare import compare as run_compare
        from analyzer.output import check_target
        from analyzer.pipeline import ScanOptions
        from analyzer.render import compare_json, compare_terminal, compare_workbook

        check_target(xlsx, force) if xlsx is not None else None
        day = parse_day(opted_out_on, "--opted-out-on")
        limits = limits_of(max_members, max_member_size, max_total_size, max_ratio)
        options, rules = ScanOptions(region=region, opted_out_on=day, limits=limits), load(mapping)
        result = with_progress(err, t(language, "cmp.progress"), lambda p: run_compare(old, new, rules, options, p))
        if json_out:
            sys.stdout.write(compare_json.render(result, language))
        else:
            out.print(compare_terminal.render(result, language))
        if xlsx is not None:
            save(xlsx, compare_workbook.render(result, language), force, err, language)

    _run(action, err, debug)


@app.command()
def guide(lang: LangOpt = None, no_color: NoColorOpt = False, debug: DebugOpt = False) -> None:
    """The opt-out steps in LinkedIn's own wording, and what switching off does and does not do."""
    out, err = consoles(no_color)
    language = lang_of(lang)

    def action() -> None:
        from analyzer.platforms import platform_for
        from analyzer.render.guide import render_guide

        rules = load(None)
        out.print(render_guide(platform_for(rules.platform).policy.guide(rules), language))

    _run(action, err, debug)


@app.command()
def letter(
    archive: ArchiveArg,
    lang: LangOpt = None,
    out_file: Annotated[
        Path | None, typer.Option("--out", help="Write the letter to this file instead of the screen.")
    ] = None,
    fmt: Annotated[LetterFormat, typer.Option("--format", help="Plain text or Markdown.")] = LetterFormat.txt,
    name: Annotated[str | None, typer.Option("--name", help="Your name, if Profile.csv lacks it.")] = None,
    email: Annotated[str | None, typer.Option("--email", help="Your e-mail address, if the export lacks it.")] = None,
    region: RegionOpt = None,
    force: ForceOpt = False,
    mapping: MappingOpt = None,
    max_member_size: MaxMemberSizeOpt = DEFAULT_LIMITS.max_member_bytes // MiB,
    max_total_size: MaxTotalSizeOpt = DEFAULT_LIMITS.max_total_bytes // MiB,
    max_members: MaxMembersOpt = DEFAULT_LIMITS.max_members,
    max_ratio: MaxRatioOpt = DEFAULT_LIMITS.max_ratio,
    debug: DebugOpt = False,
) -> None:
    """Write a GDPR objection (Art. 21, with Art. 18 and 15 requests) filled from your export."""
    _, err = consoles()
    language = lang_of(lang)

    def action() -> None:
        from dataclasses import replace

        from analyzer.output import check_target, write_atomic
        from analyzer.pipeline import ScanOptions
        from analyzer.pipeline import scan as run_scan
        from analyzer.render import render

        if out_file is not None:
            check_target(out_file, force)
        rules = load(mapping)
        limits = limits_of(max_members, max_member_size, max_total_size, max_ratio)
        report = run_scan(archive, rules, ScanOptions(region=region, limits=limits))
        member = replace(report.member, name=name or report.member.name, email=email or report.member.email)
        text = render("letter", replace(report, member=member), language, today=date.today(), fmt=fmt.value)
        if out_file is None:
            sys.stdout.write(text)
            return
        write_atomic(out_file, lambda handle: handle.write(text.encode("utf-8")), force)
        err.print(Text(t(language, "written", path=str(out_file)), style="green"))

    _run(action, err, debug)


@app.command()
def batch(
    exports: Annotated[
        list[str],
        typer.Argument(
            metavar="EXPORTS",
            help="Folders of export .zip files, or patterns like 'exports/*.zip'.",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out", help="results.csv, results.xlsx or results.parquet (CSV and Parquet: a second file NAME.files.*)."
        ),
    ],
    jobs: Annotated[int, typer.Option("--jobs", min=0, help="Exports scanned at once (default 0: one per core).")] = 0,
    keep_identifiers: Annotated[
        bool, typer.Option("--keep-identifiers", help="Add the members' names, e-mail addresses and profile URLs.")
    ] = False,
    force: ForceOpt = False,
    mapping: MappingOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Scan many exports into one table per category and one per file, for studies (no identifiers by default)."""
    _, err = consoles()

    def action() -> None:
        from analyzer import tables
        from analyzer.batch import find_exports, run_batch

        tables.check(out, force)
        paths = find_exports(exports)
        result = with_progress(
            err,
            t(default_lang(), "progress"),
            lambda progress: run_batch(paths, mapping, jobs, keep_identifiers, progress),
        )
        written = tables.write(result, out, force)
        failed = sum(1 for row in result.categories if row["error"])
        for path in written:
            err.print(Text(t(default_lang(), "written", path=str(path)), style="green"))
        note = (
            f"{len(paths)} exports, {failed} could not be read (see the error column)"
            if failed
            else f"{len(paths)} exports"
        )
        err.print(Text(note, style="yellow" if failed else ""))

    _run(action, err, debug)


@mapping_app.command("check")
def mapping_check(
    file: Annotated[
        Path | None, typer.Argument(help="The mapping to check (default: the shipped one).", show_default=False)
    ] = None,
    debug: DebugOpt = False,
) -> None:
    """Validate a mapping file; list every problem with where it is (exit 1 if any)."""
    out, err = consoles()

    def action() -> None:
        rules = load(file)
        out.print(
            Text(
                f"OK: {rules.origin} · mapping {rules.version}, reviewed {rules.reviewed.isoformat()} · "
                f"{len(rules.categories)} categories, {len(rules.datasets)} datasets, {len(rules.sources)} sources"
            )
        )

    _run(action, err, debug)


@mapping_app.command("show")
def mapping_show(
    lang: LangOpt = None,
    mapping: MappingOpt = None,
    no_color: NoColorOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Print the categories and datasets of the mapping as readable tables."""
    out, err = consoles(no_color)
    language = lang_of(lang)

    def action() -> None:
        from analyzer.render.mapping_view import render_mapping

        out.print(render_mapping(load(mapping), language))

    _run(action, err, debug)


@mapping_app.command("path")
def mapping_path() -> None:
    """Print where the shipped mapping file lives."""
    from analyzer.mapping import builtin_path

    typer.echo(str(builtin_path()))
