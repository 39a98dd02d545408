"""Entry point for ``python -m analyzer``."""

from analyzer.cli import app

app(prog_name="linkedin-ai-exposure")
