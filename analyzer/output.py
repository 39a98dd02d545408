"""Write an output file atomically: a temporary file in the target folder, then one rename."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from analyzer.errors import OutputError, UsageError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)


def check_target(path: Path, force: bool, suffix: str = "", option: str = "") -> None:
    """Fail before any work when the target cannot be written (or, given a ``suffix``, is not named so)."""
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name, e.g. {path / ('exposure' + (suffix or '.xlsx'))}")
    if suffix and path.suffix.lower() != suffix:
        raise UsageError(f"{option} {path}: the name must end in {suffix}, e.g. {path.with_suffix(suffix).name}")
    if path.exists() and not force:
        raise OutputError(f"{path}: already exists; add --force to overwrite it")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{folder}: folder does not exist; create it or choose another place")
    if not _writable(folder):
        raise OutputError(f"{folder}: folder is not writable (read-only or no permission)")


def write_atomic(path: Path, write: Callable[[BinaryIO], object], force: bool) -> None:
    """Call ``write`` on a temporary file beside ``path`` and rename it into place only when it succeeds."""
    check_target(path, force)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create a file there ({exc.strerror or exc})") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual permissions
        if path.exists() and not force:  # appeared while we were writing
            raise OutputError(f"{path}: already exists; add --force to overwrite it")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise OutputError(f"{path}: the disk is full; nothing was written") from None
        raise OutputError(f"{path}: cannot be written ({exc.strerror or exc}); nothing was written") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_document(path: Path, document: bytes | str, force: bool) -> None:
    """``write_atomic`` for a document held in memory (text is written as UTF-8)."""
    data = document.encode("utf-8") if isinstance(document, str) else document
    write_atomic(path, lambda handle: handle.write(data), force)
