"""The browser app's entry point: the scan of a picked file inside Pyodide, and the documents the page offers.

The page's Web Worker (``web/src/worker.js``) mounts the picked file under its own name and calls ``scan``;
nothing here knows it runs in a browser. No second process (there is no fork in WebAssembly) and no pyarrow
(the dialect reader gives the same figures), so the Report equals the command line's.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Any

from analyzer.errors import AnalyzerError
from analyzer.frozen import frozen
from analyzer.i18n import t
from analyzer.model import Report
from analyzer.progress import Progress
from analyzer.safe import clean_line
from analyzer.streams import OUT_OF_MEMORY

#: The documents the page can save, by the name of their button: the renderer and the file's suffix.
DOCUMENTS = {"xlsx": ("xlsx", "xlsx"), "html": ("html", "html"), "letter": ("letter", "txt")}


@frozen
class Scanned:
    """A finished scan: the Report, in the language the page asked for."""

    report: Report
    lang: str

    def in_lang(self, lang: str) -> Scanned:
        """The same scan, its documents in ``lang`` (the page's language switch)."""
        return replace(self, lang=lang)

    def json(self) -> str:
        """The JSON report, as ``scan --json`` writes it."""
        from analyzer.render import render

        return str(render("json", self.report, self.lang))

    def html(self) -> str:
        from analyzer.render import render

        return str(render("html", self.report, self.lang))

    def headline(self) -> str:
        """What the page shows while the report is drawn: the figures the JSON leads with."""
        return json.dumps(json.loads(self.json())["headline"])

    def document(self, kind: str, today: date | None = None) -> bytes:
        """The bytes of the document ``kind`` (a key of DOCUMENTS)."""
        from analyzer.render import render

        renderer = DOCUMENTS[kind][0]
        extra: dict[str, Any] = {"today": today or date.today()} if renderer == "letter" else {}
        made = render(renderer, self.report, self.lang, **extra)
        return made if isinstance(made, bytes) else str(made).encode("utf-8")

    def filename(self, kind: str) -> str:
        """The saved file's name: the export's date in it, so that two exports' files stay apart."""
        day = self.report.source.export_date
        return f"linkedin-ai-exposure-{day.isoformat() if day else 'export'}.{DOCUMENTS[kind][1]}"


@frozen
class Failed:
    """A scan that ended with an expected error: its lines in the page's language and the CLI's exit code."""

    lines: tuple[str, ...]
    exit_code: int


def scan(path: str, lang: str, progress: Progress | None = None) -> Scanned | Failed:
    """Scan the export at ``path`` with the command line's defaults and limits, in one process."""
    from analyzer.mapping import load_mapping
    from analyzer.pipeline import ScanOptions
    from analyzer.pipeline import scan as run_scan
    from analyzer.platforms import checked

    try:
        rules = load_mapping(None)
        checked(rules)
        report = run_scan(path, rules, ScanOptions(workers=1, fast_from=None), progress)
    except AnalyzerError as exc:
        lines = t(lang, exc.key, **exc.values).split("\n") if exc.key else exc.lines()
        return Failed(tuple(map(clean_line, lines)), exc.exit_code)
    except MemoryError:
        return Failed((t(lang, OUT_OF_MEMORY),), 1)
    return Scanned(report, lang)
