"""Write an output file atomically: an unnamed file in the target's folder, then one rename.

What holds for every document the tool writes: it is never the input nor inside a folder input (whatever
--force says); only a regular file is ever replaced, keeping its permissions; a new file gets the user's
umask; no byte of it is written outside the target's folder, and a write that fails or is interrupted
leaves nothing behind (on Linux not even after SIGKILL: the file has no name until it is complete).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from analyzer.errors import OutputError, UsageError

_FULL = (errno.ENOSPC, errno.EDQUOT)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)


def _inside(target: Path, reads: Sequence[Path]) -> tuple[str, Path] | None:
    """Why ``target`` is refused when it is one of the inputs ``reads`` (the same file, a hard or symbolic
    link to it) or lies inside an input folder: the message's key and the input; None when it is neither."""
    for source in reads:
        real = Path(os.path.realpath(source))
        if real.is_dir() and target.is_relative_to(real):
            return "err.inside_input", source
        try:
            same = target == real or os.path.samefile(target, real)
        except OSError:
            same = False
        if same:
            return "err.is_input", source
    return None


def check_target(path: Path, force: bool, reads: Sequence[Path], suffix: str = "", option: str = "") -> Path:
    """Fail before any work when ``path`` cannot be written, is one of the inputs ``reads`` or inside one (or,
    given a ``suffix``, is not named so); return the file that will be written (symbolic links followed)."""
    target = Path(os.path.realpath(path))
    try:
        found = os.stat(path)  # what the path leads to, /dev/stdout's pipe included
    except FileNotFoundError:
        found = None
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written ({exc.strerror or exc})") from None
    if found and stat.S_ISDIR(found.st_mode):
        raise OutputError.said("err.is_folder", path=path, example=path / ("exposure" + (suffix or ".xlsx")))
    refusal = _inside(target, reads)
    if refusal:
        raise OutputError.said(refusal[0], path=path, source=refusal[1])
    if found and (not stat.S_ISREG(found.st_mode) or not target.exists()):
        raise OutputError.said("err.not_regular", path=path)
    if suffix and path.suffix.lower() != suffix:
        example = path.with_suffix(suffix).name
        raise UsageError.said("err.suffix", option=option, path=path, suffix=suffix, example=example)
    if found and not force:
        raise OutputError.said("err.exists", path=path)
    folder = target.parent
    if not folder.is_dir():
        raise OutputError.said("err.no_folder", path=path.parent)
    if not _writable(folder):
        raise OutputError.said("err.not_writable", path=path.parent)
    return target


def _beside(folder: Path) -> tuple[int, Path | None]:
    """A file descriptor in ``folder``: unnamed where Linux can (O_TMPFILE: nothing is left behind even if the
    process is killed), else a named temporary file (``.tmp``) with its name, which the caller removes."""
    if hasattr(os, "O_TMPFILE") and os.path.isdir("/proc/self/fd"):
        try:
            return os.open(folder, os.O_TMPFILE | os.O_WRONLY, 0o600), None
        except OSError as exc:
            if exc.errno in _FULL:
                raise
    import tempfile  # here: a run that writes no file (scan --json) does without it and secrets' random

    fd, name = tempfile.mkstemp(prefix=".linkedin-ai-exposure.", suffix=".tmp", dir=folder)
    return fd, Path(name)


def write_atomic(path: Path, write: Callable[[BinaryIO], object], force: bool, reads: Sequence[Path]) -> None:
    """Call ``write`` on a file beside ``path`` and rename it into place only when it succeeds; ``reads``
    are the inputs, which are never written."""
    target = check_target(path, force, reads)
    folder = target.parent
    old = target.stat() if target.exists() else None
    try:
        fd, named = _beside(folder)
    except OSError as exc:
        raise _failed(path, exc, f"{folder}: cannot create a file there") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fchmod(fd, stat.S_IMODE(old.st_mode) if old else 0o666 & ~_umask())
            if old and (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
                with contextlib.suppress(PermissionError):  # the replaced file's owner, where this user may
                    os.fchown(fd, old.st_uid, old.st_gid)
            os.fsync(fd)
            if target.exists() and not force:  # appeared while we were writing
                raise OutputError.said("err.exists", path=path)
            if named is None:  # the finished file gets a name for the moment of the rename
                import secrets

                named = folder / f".{target.name}.{secrets.token_hex(6)}.tmp"
                _link(fd, named)
        os.replace(named, target)
        named = None
    except OSError as exc:
        raise _failed(path, exc, f"{path}: cannot be written") from None
    finally:
        if named is not None:
            named.unlink(missing_ok=True)


def _link(fd: int, name: Path) -> None:
    """Give the unnamed file ``fd`` the name ``name`` (linkat with AT_SYMLINK_FOLLOW, which Python uses only
    with a directory descriptor)."""
    folder = os.open(name.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(f"/proc/self/fd/{fd}", name.name, dst_dir_fd=folder, follow_symlinks=True)
    finally:
        os.close(folder)


def _failed(path: Path, exc: OSError, what: str) -> OutputError:
    if exc.errno in _FULL:
        return OutputError.said("err.disk_full", path=path)
    return OutputError(f"{what} ({exc.strerror or exc}); nothing was written")


def write_document(path: Path, document: bytes | str, force: bool, reads: Sequence[Path]) -> None:
    """``write_atomic`` for a document held in memory (text is written as UTF-8)."""
    data = document.encode("utf-8") if isinstance(document, str) else document
    write_atomic(path, lambda handle: handle.write(data), force, reads)
