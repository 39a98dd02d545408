"""Many exports → two tables, for data-donation studies: one row per export and category, one per export
and file. Exports are scanned in parallel, one process each; an export that cannot be read is a row with
its error, never the end of the batch. No names, e-mail addresses or profile URLs unless asked for."""

from __future__ import annotations

import glob
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

from analyzer.errors import AnalyzerError, UsageError
from analyzer.mapping import load_mapping
from analyzer.model import CategoryFigures, DatasetFigures, Report
from analyzer.pipeline import ScanOptions, scan
from analyzer.tables import CATEGORY_COLUMNS, IDENTIFIERS, Tables


def find_exports(patterns: Iterable[str]) -> list[Path]:
    """The exports a batch reads: every ``.zip`` in a folder given, or every path a glob pattern matches."""
    found: list[Path] = []
    for pattern in patterns:
        path = Path(pattern)
        if path.is_dir() and not (path / "Profile.csv").exists():
            found += sorted(p for p in path.iterdir() if p.suffix.lower() == ".zip" and p.is_file())
        elif glob.has_magic(pattern):
            found += sorted(Path(p) for p in glob.glob(pattern))
        else:
            found.append(path)
    unique = list(dict.fromkeys(found))
    if not unique:
        raise UsageError(
            f"no export found in {', '.join(patterns)}: give a folder of .zip files or a pattern like 'exports/*.zip'"
        )
    return unique


def run_batch(
    exports: list[Path],
    mapping_path: Path | None = None,
    jobs: int = 0,
    keep_identifiers: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
) -> Tables:
    """Scan every export (``jobs`` processes at a time; 0: one per core) and gather the two tables.

    Memory stays at about ``jobs`` scans, whatever the number of exports: a process holds one scan at a
    time and sends back only its rows."""
    global _MAPPING
    _MAPPING = load_mapping(mapping_path)  # a broken mapping stops the batch before any export is read
    jobs = jobs or os.cpu_count() or 1
    results: dict[int, tuple[list[dict[str, Any]], list[dict[str, Any]]]] = {}
    if jobs == 1 or len(exports) == 1:
        for i, path in enumerate(exports):
            results[i] = _rows(path, keep_identifiers)
            if progress:
                progress(path.name, i + 1, len(exports))
    else:
        context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=_worker, initargs=(mapping_path,)) as pool:
            pending: dict[Future[tuple[list[dict[str, Any]], list[dict[str, Any]]]], int] = {}
            todo = iter(enumerate(exports))
            try:
                for i, path in todo:  # at most 2 × jobs exports in flight: the queue never holds them all
                    pending[pool.submit(_rows, path, keep_identifiers)] = i
                    if len(pending) >= 2 * jobs:
                        break
                while pending:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        i = pending.pop(future)
                        results[i] = future.result()
                        if progress:
                            progress(exports[i].name, len(results), len(exports))
                        nxt = next(todo, None)
                        if nxt is not None:
                            pending[pool.submit(_rows, nxt[1], keep_identifiers)] = nxt[0]
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise
    categories = tuple(row for i in sorted(results) for row in results[i][0])
    files = tuple(row for i in sorted(results) for row in results[i][1])
    return Tables(categories, files, keep_identifiers)


_MAPPING: Any = None  # the mapping a worker scans with, loaded once per process


def _init(mapping_path: Path | None) -> None:
    global _MAPPING
    _MAPPING = load_mapping(mapping_path)


def _worker(mapping_path: Path | None) -> None:
    """A worker process: Ctrl-C reaches the whole process group, but only the batch's own process acts on
    it (it cancels what is queued and waits for the exports under way), so no worker prints a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _init(mapping_path)


def _rows(path: Path, keep_identifiers: bool) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """One export's rows; an export that cannot be read gives one category row naming the error."""
    try:
        report = scan(path, _MAPPING, ScanOptions(workers=1))
    except AnalyzerError as exc:
        error = str(exc).splitlines()[0]
    except Exception as exc:  # a bug, not the export's fault: reported in its row, and the batch goes on
        error = f"unexpected error ({type(exc).__name__}: {exc}); please report it"
    else:
        return _category_rows(report, keep_identifiers), _file_rows(report, keep_identifiers)
    row: dict[str, Any] = dict.fromkeys(CATEGORY_COLUMNS)
    row.update(file=path.name, error=error)
    if keep_identifiers:
        row.update(dict.fromkeys(IDENTIFIERS))
    return [row], []


def _export_fields(report: Report, keep_identifiers: bool) -> dict[str, Any]:
    src = report.source
    fields: dict[str, Any] = {
        "export": (src.sha256 or "")[:12] or None,  # a folder has no SHA-256
        "file": src.name,
        "kind": src.kind,
        "export_date": src.export_date.isoformat() if src.export_date else None,
        "region": report.member.region,
        "error": None,
    }
    if keep_identifiers:
        member = report.member
        fields.update(member_name=member.name or None, member_email=member.email or None,
                      member_profile_url=member.profile_url or None)  # fmt: skip
    return fields


def _category_rows(report: Report, keep_identifiers: bool) -> list[dict[str, Any]]:
    export = _export_fields(report, keep_identifiers)
    for t in report.totals:
        export[f"{t.status}_records"], export[f"{t.status}_data_points"] = t.records, t.data_points
    export["problems"] = report.problem_count
    return [
        {
            **export,
            "category": c.key,
            "category_label": c.label.en,
            "status": c.status,
            "confidence": c.confidence,
            "datasets": len(c.datasets),
            **_figures(c),
        }
        for c in report.categories
    ]


def _file_rows(report: Report, keep_identifiers: bool) -> list[dict[str, Any]]:
    export = _export_fields(report, keep_identifiers)
    return [
        {
            **export,
            "dataset": d.name,
            "category": d.category,
            "status": d.status,
            "confidence": d.confidence,
            "members": len(d.members),
            **_figures(d),
            "problems": len(d.problems),
        }
        for d in report.datasets
    ]


def _figures(figures: CategoryFigures | DatasetFigures) -> dict[str, Any]:
    """The figures a category row and a file row share."""
    return {
        "records": figures.records,
        "data_points": figures.data_points,
        "words": figures.words,
        "first_date": figures.first_date.isoformat() if figures.first_date else None,
        "last_date": figures.last_date.isoformat() if figures.last_date else None,
    }
