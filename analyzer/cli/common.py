"""What every command shares: the app, the options, the consoles, the one error boundary, the mapping."""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from analyzer import __version__
from analyzer.cli.plain import PlainGroup
from analyzer.errors import AnalyzerError
from analyzer.i18n import default_lang, t

if TYPE_CHECKING:
    from analyzer.mapping import Mapping
    from analyzer.streams import LazyConsole

app = typer.Typer(
    cls=PlainGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    help="Reads your LinkedIn data export offline and shows what of it LinkedIn likely uses to train its "
    "generative AI, what is excluded, what is unclear, and what you can do about it.",
)
mapping_app = typer.Typer(
    cls=PlainGroup,
    no_args_is_help=True,
    help="Check, show or locate the mapping of export files to AI-training status.",
)
app.add_typer(mapping_app, name="mapping")

T = TypeVar("T")


def _lang_choice(value: str | None) -> str | None:
    """``--lang``: en or de, in any case; anything else is a usage error that names both."""
    if value is None or value.strip().lower() in ("en", "de"):
        return value.strip().lower() if value else None
    raise typer.BadParameter(f"{value!r}: choose en (English) or de (Deutsch).")


LangOpt = Annotated[
    str | None,
    typer.Option("--lang", metavar="en|de", callback=_lang_choice, help="Output language (default: your locale)."),
]
NoColorOpt = Annotated[bool, typer.Option("--no-color", metavar="", help="No colours (NO_COLOR is respected too).")]
DebugOpt = Annotated[
    bool, typer.Option("--debug", metavar="", help="Show the full traceback of an error.", hidden=True)
]
ForceOpt = Annotated[bool, typer.Option("--force", metavar="", help="Overwrite an existing output file.")]
OptedOutOpt = Annotated[
    str | None, typer.Option("--opted-out-on", metavar="DATE", help="When you opted out (2025-11-03 or 3.11.2025).")
]
MappingOpt = Annotated[
    Path | None, typer.Option("--mapping", readable=False, help='Use this mapping file (may `extends = "builtin"`).')
]


def _region(value: str | None) -> str | None:
    """``--region``: a region key or a country's name or ISO code → the region key (a usage error if neither)."""
    if value is None:
        return None
    from analyzer.platforms.linkedin import policy

    region = policy.region_for_flag(value)
    if region is None:
        raise typer.BadParameter(t(default_lang(), "err.region", value=repr(value), regions=", ".join(policy.REGIONS)))
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
        metavar="ARCHIVE",
        help="The export: a .zip from LinkedIn (any download name) or its extracted folder.",
        show_default=False,
        readable=False,  # checked when it is opened, with the documented exit 1 and a clear message
    ),
]
# The archive's limits; its error messages name these options, so every command that reads an export has them.
MaxMemberSizeOpt = Annotated[
    int, typer.Option("--max-member-size", metavar="MiB", help="Largest file inside the archive to read.")
]
MaxTotalSizeOpt = Annotated[int, typer.Option("--max-total-size", metavar="MiB", help="Largest total to inflate.")]
MaxMembersOpt = Annotated[int, typer.Option("--max-members", help="Most files an archive may hold.")]
MaxRatioOpt = Annotated[
    int,
    typer.Option("--max-ratio", help="Highest compression ratio of a file or the whole archive past 16 MiB."),
]
MaxColumnsOpt = Annotated[int, typer.Option("--max-columns", help="Most columns a file's header may have.")]


def consoles(no_color: bool = False) -> tuple["LazyConsole", "LazyConsole"]:
    """stdout and stderr, with no markup or emoji codes: text from an export or mapping is shown as it is
    ("[bold]", ":smile:"). Print documents to stdout with ``streams.show`` (any encoding, no padding in a
    file or pipe), messages to stderr with ``say``. Each console is made when first used."""
    from analyzer.streams import LazyConsole

    plain: dict[str, Any] = {"no_color": no_color or None, "highlight": False, "markup": False, "emoji": False}
    return LazyConsole(soft_wrap=False, **plain), LazyConsole(stderr=True, **plain)


def language_of(value: str | None) -> str:
    return value or default_lang()


def guarded(action: Callable[[], T], err: "LazyConsole", debug: bool, lang: str | None = None) -> T:
    """The one boundary where expected errors become a red line on stderr and an exit code; SIGTERM and
    SIGHUP end the run as Ctrl-C does. Errors the catalogue knows are said in ``lang`` (default: the
    locale's). Every line is cleaned: names in it come from the export."""
    from analyzer import streams
    from analyzer.safe import clean_line

    said = lang or default_lang()
    streams.prepare()
    try:
        with streams.stops_cleanly():
            return action()
    except AnalyzerError as exc:
        if debug:
            raise
        lines = exc.lines(said)
        err.say("\n".join(map(clean_line, lines)), style="red", soft_wrap=True)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt as exc:
        streams.interrupted(err, said)
        raise typer.Exit(streams.exit_code(exc)) from None
    except MemoryError:
        err.say(t(said, streams.OUT_OF_MEMORY), style="red", soft_wrap=True)
        raise typer.Exit(1) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"linkedin-ai-exposure {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", metavar="", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """LinkedIn AI-training exposure: scan, read, act."""


def load_rules(mapping: Path | None, thorough: bool = False) -> "Mapping":
    """The mapping, checked on its own and against what the platform's policy cites (``thorough``: the shipped
    one too, rather than trusting the check made when it was pre-parsed)."""
    from analyzer.mapping import load_mapping
    from analyzer.platforms import checked

    rules = load_mapping(mapping, thorough)
    checked(rules)
    return rules
