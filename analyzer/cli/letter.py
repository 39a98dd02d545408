"""`letter`: the objection, filled from the member's own export."""

from datetime import date
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
from analyzer.render import letter as letter_doc


@app.command()
def letter(
    archive: Annotated[Path | None, typer.Argument(metavar="ARCHIVE", help="The export (.zip or folder).")] = None,
    lang: LangOpt = None,
    out_file: Annotated[
        Path | None, typer.Option("--out", readable=False, help="Write the letter to this file.")
    ] = None,
    fmt: Annotated[letter_doc.Format, typer.Option("--format", help="Plain text or Markdown.")] = letter_doc.Format.txt,
    reason: Annotated[list[letter_doc.Reason] | None, typer.Option("--reason", help="A ground (repeatable).")] = None,
    situation: Annotated[str | None, typer.Option("--situation", help="Your grounds in your own words.")] = None,
    list_reasons: Annotated[
        bool, typer.Option("--list-reasons", metavar="", help="Show what each --reason says.")
    ] = False,
    opted_out_on: OptedOutOpt = None,
    name: Annotated[str | None, typer.Option("--name", help="Your name, if Profile.csv lacks it.")] = None,
    email: Annotated[str | None, typer.Option("--email", help="Your e-mail address, if the export lacks it.")] = None,
    region: RegionOpt = None,
    force: ForceOpt = False,
    mapping: MappingOpt = None,
    max_member_size: MaxMemberSizeOpt = DEFAULT_LIMITS.max_member_bytes // MiB,
    max_total_size: MaxTotalSizeOpt = DEFAULT_LIMITS.max_total_bytes // MiB,
    max_members: MaxMembersOpt = DEFAULT_LIMITS.max_members,
    max_ratio: MaxRatioOpt = DEFAULT_LIMITS.max_ratio,
    max_columns: MaxColumnsOpt = DEFAULT_LIMITS.max_columns,
    debug: DebugOpt = False,
) -> None:
    """Write an objection to LinkedIn's AI training from your export (GDPR Art. 21; erasure, restriction, access)."""
    _, err = consoles()
    language = language_of(lang)
    if list_reasons:
        from analyzer.streams import emit

        emit(letter_doc.reasons_help(language))
        return
    if archive is None:
        raise typer.BadParameter(t(language, "err.letter_archive"), param_hint="ARCHIVE")

    def action() -> None:
        from dataclasses import replace

        from analyzer import pipeline
        from analyzer.output import check_target, write_document
        from analyzer.safe import clean, clean_line
        from analyzer.streams import emit

        if out_file is not None:
            check_target(out_file, force, [archive])
        limits = limits_from(max_members, max_member_size, max_total_size, max_ratio, max_columns)
        day = parse_day_option(opted_out_on, "--opted-out-on")
        options = pipeline.ScanOptions(region=region, opted_out_on=day, limits=limits)
        found = pipeline.scan(archive, load_rules(mapping), options)
        # What the letter shows of the export is cleaned (no escapes; a line break in a name stays on its line).
        member = replace(
            found.member, name=clean_line(found.member.name), email=clean_line(found.member.email),
            profile_url=clean_line(found.member.profile_url),
        )  # fmt: skip
        text = clean(
            letter_doc.render(
                replace(found, member=member), language, date.today(), fmt.value, reasons=reason or (),
                situation=situation, name=clean_line(name) if name else None, email=clean_line(email) if email else None,
            )
        )  # fmt: skip
        if out_file is None:
            emit(text)
        else:
            write_document(out_file, text, force, [archive])
            err.say(t(language, "written", path=clean_line(str(out_file))), style="green")
        if gaps := letter_doc.gaps(text):
            err.say(letter_doc.gaps_note(language, gaps), style="yellow", soft_wrap=True)

    guarded(action, err, debug, language)
