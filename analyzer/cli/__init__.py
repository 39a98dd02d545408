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

__all__ = ["app", "batch", "compare", "letter", "mapping", "scan", "serve"]
