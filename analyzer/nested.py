"""A ZIP inside the ZIP (a download saved into a ZIP by hand), opened within the archive's limits and
without inflating it again at every seek."""

from __future__ import annotations

import io
import os
import struct
import zipfile
from pathlib import Path
from typing import BinaryIO

from analyzer.errors import ArchiveError
from analyzer.limits import Budget, Limits, MiB, compared, guarded, human

#: A compressed ZIP inside the ZIP is read into memory up to this size: zipfile would inflate it again from
#: its start at every backward seek (a stored one is read in place, at no cost).
NESTED_IN_MEMORY = 256 * MiB


def inner_zip(
    p: Path, zf: zipfile.ZipFile, inner: zipfile.ZipInfo, nested: str, handle: BinaryIO, limits: Limits, budget: Budget
) -> BinaryIO:
    """The ZIP inside the ZIP as a seekable file within the limits: a window onto the outer file when it is
    stored, else its bytes, inflated once."""
    if inner.file_size > limits.max_member_bytes:
        shown, limit = compared(inner.file_size, limits.max_member_bytes)
        raise ArchiveError.said("err.nested_too_large", path=p, nested=nested, size=shown, limit=limit)
    if inner.compress_type == zipfile.ZIP_STORED and not inner.flag_bits & 0x1:
        handle.seek(inner.header_offset)
        head = handle.read(30)
        if len(head) == 30 and head[:4] == b"PK\x03\x04":
            name_len, extra_len = struct.unpack("<HH", head[26:30])
            window = _Window(handle.fileno(), inner.header_offset + 30 + name_len + extra_len, inner.file_size)
            return io.BufferedReader(window)
    if inner.file_size > NESTED_IN_MEMORY:
        raise ArchiveError.said("err.nested_compressed", path=p, nested=nested, size=human(inner.file_size))
    with guarded(zf.open(inner), nested, limits, budget, inner.compress_size) as stream:
        return io.BytesIO(stream.read())


class _Window(io.RawIOBase):
    """``size`` bytes of an open file from ``start``, read in place (a stored ZIP inside the ZIP)."""

    def __init__(self, fd: int, start: int, size: int):
        self._fd, self._start, self._size, self._pos = fd, start, size, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]  # RawIOBase takes any buffer
        want = max(0, min(len(buffer), self._size - self._pos))
        data = os.pread(self._fd, want, self._start + self._pos) if want else b""
        buffer[: len(data)] = data
        self._pos += len(data)
        return len(data)
