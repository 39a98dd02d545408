"""The command line: parse options, call one core function, render, exit. The only package that imports typer.

``common`` holds the app, the shared options and the one error boundary; each command lives in a module of its
own and is registered on the app when it is imported here, in the order ``--help`` lists them.
"""

from __future__ import annotations

from analyzer.cli.common import app

# isort: split
from analyzer.cli import scan  # scan, guide

# isort: split
from analyzer.cli import letter

# isort: split
from analyzer.cli import compare

# isort: split
from analyzer.cli import batch

# isort: split
from analyzer.cli import mapping

# isort: split
from analyzer.cli import serve  # app

__all__ = ["app", "batch", "compare", "letter", "main", "mapping", "scan", "serve"]


def main() -> None:
    """The installed command and ``python -m analyzer``: run the command, then end the process at once
    (``streams.leave``: Python's clean-up at exit took a sixth of a typical scan)."""
    from analyzer.streams import leave

    try:
        app(prog_name="linkedin-ai-exposure")
    except SystemExit as done:
        leave(done.code)
    leave(0)
