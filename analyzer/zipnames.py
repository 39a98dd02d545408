"""Open a ZIP whose central directory flags a name as UTF-8 that is not (zipfile would refuse the whole
archive for that one name): that name alone is read as cp437 and reported."""

from __future__ import annotations

import struct
import zipfile
from typing import BinaryIO, cast


def open_zip(handle: BinaryIO) -> tuple[zipfile.ZipFile, list[str]]:
    """``zipfile.ZipFile(handle)``; when a name flagged as UTF-8 is not (zipfile would refuse the whole ZIP),
    that name alone loses the flag and reads as cp437: the ZIP, and the names read so."""
    try:
        return zipfile.ZipFile(handle), []
    except UnicodeDecodeError:
        handle.seek(0)
    unflagging = _Unflagging(handle)
    zf = zipfile.ZipFile(cast(BinaryIO, unflagging))
    unflagging.active = False  # from here on it passes the members' bytes through untouched
    return zf, [raw.decode("cp437") for raw in unflagging.names]


class _Unflagging:
    """A file whose central directory, as zipfile reads it, has the UTF-8 flag off where a name is not UTF-8."""

    def __init__(self, handle: BinaryIO):
        self._handle = handle
        self.active = True
        self.names: list[bytes] = []

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._handle.seek(offset, whence)

    def tell(self) -> int:
        return self._handle.tell()

    def seekable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        data = self._handle.read(n)
        if not self.active or b"PK\x01\x02" not in data:
            return data
        patched = bytearray(data)
        at = patched.find(b"PK\x01\x02")
        while 0 <= at <= len(patched) - 46:
            (flags,) = struct.unpack_from("<H", patched, at + 8)
            name = bytes(patched[at + 46 : at + 46 + struct.unpack_from("<H", patched, at + 28)[0]])
            if flags & 0x800 and not _is_utf8(name):
                struct.pack_into("<H", patched, at + 8, flags & ~0x800)
                self.names.append(name)
            at = patched.find(b"PK\x01\x02", at + 46)
        return bytes(patched)


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
