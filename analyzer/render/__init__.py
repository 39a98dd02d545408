"""Renderers: Report → a document. Each is a pure function of the Report; none imports the scan.

``OUTPUTS`` is the registry the CLI asks for a document by name. Adding an output is one module in
``render/`` with a ``render(report, lang, **options)`` function, and one entry here. Modules are imported
when their output is asked for, so that a scan to the terminal never pays for openpyxl.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from analyzer.frozen import frozen
from analyzer.model import Report


@frozen
class Output:
    """One kind of document: the module that renders it and what its render function returns."""

    name: str
    module: str  # in analyzer.render
    what: str  # what the function returns: a rich renderable, text or bytes

    def render(self, report: Report, lang: str, **options: Any) -> Any:
        return import_module(f"analyzer.render.{self.module}").render(report, lang, **options)


OUTPUTS = {
    o.name: o
    for o in (
        Output("terminal", "terminal", "rich renderable; options: details, archive_arg, summary"),
        Output("json", "jsonout", "text: the JSON contract (schema_version 1)"),
        Output("xlsx", "workbook", "bytes of an .xlsx file; options: include_content"),
        Output("html", "html", "text of a self-contained .html file"),
        Output("letter", "letter", "text; options: today, fmt (txt or md), reasons, situation, name, email"),
    )
}


def render(name: str, report: Report, lang: str, **options: Any) -> Any:
    """The document ``name`` (a key of OUTPUTS) for ``report``."""
    return OUTPUTS[name].render(report, lang, **options)
