"""An extracted export folder: its files listed without recursion or following links, and opened so that
nothing but a regular file is read (a FIFO never hangs the scan) and every read stays within the limits."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from analyzer.errors import ArchiveError
from analyzer.limits import Budget, Limits, guarded
from analyzer.said import Said


def text(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (a Latin-1 download name, surrogate-escaped by
    Python) become U+FFFD, so that every output can write it."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def listing(p: Path, limits: Limits, junk: re.Pattern[str]) -> tuple[list[tuple[str, Path, int]], list[str], list[str]]:
    """(relative name, path, size) of every regular file under ``p`` in name order, the problems met, and
    the names set aside as operating-system files (``junk``)."""
    found: list[tuple[str, Path, int]] = []
    problems: list[str] = []
    ignored: list[str] = []
    # Depth first in name order, as a recursive walk would go, but on a stack: a folder may be 1,000 deep.
    stack: list[tuple[Iterator[os.DirEntry[str]], str]] = []
    _enter(p, "", stack, problems)
    while stack:
        entries, prefix = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        rel = f"{prefix}{text(entry.name)}"
        if entry.is_symlink():
            problems.append(Said("problem.symlink", name=rel))
        elif entry.is_dir(follow_symlinks=False):
            _enter(Path(entry.path), rel + "/", stack, problems)
        elif junk.search(rel):
            ignored.append(rel)
        elif not entry.is_file(follow_symlinks=False):
            problems.append(Said("problem.not_regular", name=rel))
        elif len(found) >= limits.max_members:
            raise ArchiveError.said("err.too_many_files", path=p, limit=limits.max_members)
        else:
            try:
                size = entry.stat(follow_symlinks=False).st_size
            except OSError:
                size = 0
            found.append((rel, Path(entry.path), size))
    return found, problems, ignored


def _enter(folder: Path, prefix: str, stack: list[tuple[Iterator[os.DirEntry[str]], str]], problems: list[str]) -> None:
    try:
        stack.append((iter(sorted(os.scandir(folder), key=lambda e: e.name)), prefix))
    except PermissionError:
        problems.append(Said("problem.folder_permission", name=prefix or "."))
    except OSError as exc:
        problems.append(Said("problem.folder_unlisted", name=prefix or ".", reason=exc.strerror or exc))


def opener(full: Path, rel: str, limits: Limits, budget: Budget) -> Callable[[], BinaryIO]:
    """Opens the file ``full`` (shown as ``rel``) if it still is a regular file, guarded by the limits."""

    def open_file() -> BinaryIO:
        try:  # O_NONBLOCK: a file replaced by a FIFO since it was listed cannot hang the scan
            fd = os.open(full, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
        except PermissionError:
            raise ArchiveError(f"{rel}: permission denied; not read") from None
        except OSError as exc:
            raise ArchiveError(f"{rel}: cannot be read ({exc.strerror or exc})") from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise ArchiveError(f"{rel}: is not a regular file (a pipe, socket or device); not read")
        return guarded(open(fd, "rb", buffering=0), rel, limits, budget)

    return open_file
