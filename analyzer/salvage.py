"""Recover the members of a ZIP whose end (the central directory) is missing: a download that broke off."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from typing import BinaryIO

from analyzer.errors import ArchiveError
from analyzer.frozen import frozen
from analyzer.limits import Budget, Limits
from analyzer.said import Said

_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
_CHUNK = 256 * 1024
_SEARCH = 16 * 1024 * 1024  # how far into the file a self-extracting archive's first header is looked for


@frozen
class Entry:
    """A member found by its local header: where its data starts, and its sizes and CRC-32 as the header gives them."""

    name: str
    method: int
    data_start: int
    compressed: int
    size: int
    crc: int


def whole_entries(
    handle: BinaryIO, size: int, limits: Limits, budget: Budget, normalise: Callable[[str], str]
) -> tuple[list[Entry], list[str], str]:
    """Walk the local file headers of a cut-off ZIP (from the first one: a self-extracting archive has a
    program before it): every member that arrived whole (names made relative by ``normalise``; folders left
    out), the problems met on the way, and the name of the file the download broke off in ("" when none was).
    Members whose sizes follow their data are inflated to find their end, within ``budget``."""
    entries: list[Entry] = []
    problems: list[str] = []
    cut = ""
    pos = _first_header(handle, size)
    while pos + _LOCAL_HEADER.size <= size and len(entries) < limits.max_members:
        handle.seek(pos)
        head = handle.read(_LOCAL_HEADER.size)
        if len(head) < _LOCAL_HEADER.size or head[:4] != b"PK\x03\x04":
            break
        _, _, flags, method, _, _, crc, csize, usize, name_len, extra_len = _LOCAL_HEADER.unpack(head)
        raw_name = handle.read(name_len)
        name = normalise(raw_name.decode("utf-8" if flags & 0x800 else "cp437", "replace"))
        csize, usize = _zip64_sizes(handle.read(extra_len), csize, usize)
        start = pos + _LOCAL_HEADER.size + name_len + extra_len
        if flags & 0x1:
            problems.append(Said("problem.encrypted", name=name))
            if flags & 0x8:
                break
            pos = start + csize
            continue
        if flags & 0x8:  # sizes follow the data (Java's ZipOutputStream does this): inflate to find the end
            if method != zipfile.ZIP_DEFLATED:
                problems.append(Said("problem.unrecoverable", name=name))
                break
            found = _inflate_extent(handle, start, min(limits.max_member_bytes, budget.left()))
            if found is None:
                problems.append(Said("problem.cut_or_limits", name=name))
                cut = name
                break
            csize, usize, crc = found
            budget.read("\0scan " + name, usize)
            handle.seek(start + csize)
            descriptor = handle.read(24)
            pos = start + csize + (16 if descriptor[:4] == b"PK\x07\x08" else 12)
        else:
            pos = start + csize
        if start + csize > size:
            problems.append(Said("problem.cut", name=name))
            cut = name
            break
        if method not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            problems.append(Said("problem.method", name=name, method=str(method)))
            continue
        if name and not raw_name.endswith((b"/", b"\\")):  # folder entries (zip -r, Explorer, Finder) are no files
            entries.append(Entry(name, method, start, csize, usize, crc))
    return entries, problems, cut


def _first_header(handle: BinaryIO, size: int) -> int:
    """Where the first local header is: 0, or after the program of a self-extracting archive."""
    handle.seek(0)
    head = handle.read(min(size, _SEARCH))
    found = head.find(b"PK\x03\x04")
    return found if found >= 0 else size


def _zip64_sizes(extra: bytes, csize: int, usize: int) -> tuple[int, int]:
    """The real sizes of a ZIP64 local header (0xFFFFFFFF in the header, the sizes in the extra field)."""
    if 0xFFFFFFFF not in (csize, usize):
        return csize, usize
    at = 0
    while at + 4 <= len(extra):
        tag, length = struct.unpack_from("<HH", extra, at)
        if tag == 0x0001 and length >= 16:
            usize, csize = struct.unpack_from("<QQ", extra, at + 4)
            break
        at += 4 + length
    return csize, usize


def _inflate_extent(handle: BinaryIO, start: int, limit: int) -> tuple[int, int, int] | None:
    """Compressed length, size and CRC of a deflate stream at ``start``; None when it never ends."""
    handle.seek(start)
    inflater = zlib.decompressobj(-15)
    consumed = produced = crc = 0
    while not inflater.eof:
        chunk = handle.read(_CHUNK)
        if not chunk:
            return None
        data = inflater.decompress(chunk, _CHUNK)
        while True:
            produced += len(data)
            crc = zlib.crc32(data, crc)
            if produced > limit:
                return None
            if not inflater.unconsumed_tail or inflater.eof:
                break
            data = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
        consumed += len(chunk) - len(inflater.unused_data) - len(inflater.unconsumed_tail)
    return consumed, produced, crc


class SalvagedReader(io.RawIOBase):
    """Streams one recovered member and checks its CRC at the end."""

    def __init__(self, handle: BinaryIO, entry: Entry, label: str):
        self._handle = handle
        self._entry = entry
        self._label = label
        self._left = entry.compressed
        self._offset = entry.data_start
        self._inflater = zlib.decompressobj(-15) if entry.method == zipfile.ZIP_DEFLATED else None
        self._crc = 0
        self._produced = 0
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]  # RawIOBase takes any buffer
        while not self._pending:
            if self._left <= 0 and (self._inflater is None or not self._inflater.unconsumed_tail):
                if self._crc != self._entry.crc:
                    raise ArchiveError(f"{self._label}: is damaged in the ZIP (checksum mismatch)")
                return 0
            if self._inflater is not None and self._inflater.unconsumed_tail:
                data = self._inflater.decompress(self._inflater.unconsumed_tail, _CHUNK)
            else:
                self._handle.seek(self._offset)
                chunk = self._handle.read(min(_CHUNK, self._left))
                if not chunk:
                    raise ArchiveError(f"{self._label}: was cut off in the ZIP")
                self._offset += len(chunk)
                self._left -= len(chunk)
                try:
                    data = self._inflater.decompress(chunk, _CHUNK) if self._inflater else chunk
                except zlib.error as exc:
                    raise ArchiveError(f"{self._label}: is damaged in the ZIP ({exc})") from None
            self._crc = zlib.crc32(data, self._crc)
            self._produced += len(data)
            if self._produced > self._entry.size:  # the header's size is the most a member may give
                raise ArchiveError(f"{self._label}: inflates beyond the size its header declares; not read further")
            self._pending = data
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n
