"""linkedin-ai-exposure: what of your LinkedIn data export may train LinkedIn's generative AI.

The library: ``scan(path, load_mapping(), ScanOptions(...))`` returns a ``Report``, the frozen contract
every renderer (``analyzer.render``) reads; ``open_export(path)`` gives the export's datasets as pandas
DataFrames (``analyzer.export``). The names are imported on first use, so that the command line starts
without loading the scan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# The one place the version is written; pyproject.toml reads it from here (importlib.metadata would
# cost every run about 30 ms of imports).
__version__ = "0.1.0"

__all__ = ["Export", "Report", "ScanOptions", "__version__", "load_mapping", "open_export", "scan"]

if TYPE_CHECKING:
    from analyzer.export import Export, open_export
    from analyzer.mapping import load_mapping
    from analyzer.model import Report
    from analyzer.pipeline import ScanOptions, scan

_LAZY = {
    "scan": "analyzer.pipeline",
    "ScanOptions": "analyzer.pipeline",
    "load_mapping": "analyzer.mapping",
    "Report": "analyzer.model",
    "open_export": "analyzer.export",
    "Export": "analyzer.export",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'analyzer' has no attribute {name!r}")
