"""What a LinkedIn export is called and how it is laid out: download names, LinkedIn's own folders."""

from __future__ import annotations

import re
from datetime import date

from analyzer.errors import ArchiveError
from analyzer.said import Said

#: Folders LinkedIn itself writes; a single top-level folder with another name is a wrapper to strip.
OWN_FOLDERS = frozenset({"jobs", "articles", "verifications"})
_EXPORT_NAME = re.compile(
    r"(?:(?P<kind>Basic|Complete)_)?LinkedInDataExport_(?P<m>\d{1,2})-(?P<d>\d{1,2})-(?P<y>\d{4})",
    re.IGNORECASE,
)


def parse_export_name(name: str) -> tuple[str | None, date | None]:
    """Kind and date from ``Complete_LinkedInDataExport_11-28-2026.zip (1).zip`` and friends."""
    match = _EXPORT_NAME.search(name)
    if not match:
        return None, None
    kind = (match["kind"] or "legacy").lower()
    try:
        when = date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        when = None
    return kind, when


def kind_and_date(*names: str) -> tuple[str | None, date | None]:
    """Kind and date from the first of the file, inner ZIP or wrapping-folder names that carries them."""
    for name in names:
        if name:
            kind, when = parse_export_name(name)
            if kind is not None:
                return kind, when
    return None, None


#: Files LinkedIn writes into a folder, seen at the top level of exports someone extracted and re-zipped.
_FOLDERED = {"saved jobs.csv", "job seeker preferences.csv", "job applications.csv", "verifications.csv"}


def repacked(paths: list[str]) -> Said | None:
    """A note when the export was re-packed by hand (files LinkedIn puts in folders are at the top level)."""
    loose = [p for p in paths if "/" not in p and (p.lower() in _FOLDERED or p.lower().endswith(".html"))]
    if not loose:
        return None
    shown = ", ".join(loose[:3])
    if len(loose) > 3:
        return Said("note.repacked.more", files=shown, more=len(loose) - 3)
    return Said("note.repacked", files=shown)


def not_an_export(path: str, files: int) -> ArchiveError:
    """The error for an archive in which no file is one the mapping knows."""
    if files:
        return ArchiveError.said("err.not_an_export", path=path, files=files)
    return ArchiveError.said("err.empty_export", path=path)
