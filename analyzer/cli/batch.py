"""`batch`: many exports into one table, for studies."""

from pathlib import Path
from typing import Annotated

import typer

from analyzer.cli.common import (
    DebugOpt,
    ForceOpt,
    MappingOpt,
    app,
    consoles,
    guarded,
)
from analyzer.i18n import default_lang, t
from analyzer.progress import with_progress


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
        bool,
        typer.Option(
            "--keep-identifiers", metavar="", help="Add the members' names, e-mail addresses and profile URLs."
        ),
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

        paths = find_exports(exports)
        tables.check(out, force, paths)
        result = with_progress(
            err,
            t(default_lang(), "progress"),
            lambda progress: run_batch(paths, mapping, jobs, keep_identifiers, progress),
        )
        written = tables.write(result, out, force, paths)
        failed = sum(1 for row in result.categories if row["error"])
        for path in written:
            err.say(t(default_lang(), "written", path=str(path)), style="green")
        said = t(default_lang(), "batch.done.failed" if failed else "batch.done", count=len(paths), failed=failed)
        err.say(said, style="yellow" if failed else "")

    guarded(action, err, debug)
