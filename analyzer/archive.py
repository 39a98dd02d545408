"""Open a LinkedIn export (ZIP or extracted folder) read-only and list its members; never extract."""

from __future__ import annotations

import io
import os
import re
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import BinaryIO, Callable

from analyzer.errors import ArchiveError

KiB = 1024
MiB = 1024 * KiB
GiB = 1024 * MiB

# Folders LinkedIn itself writes; a single top-level folder with another name is a wrapper to strip.
_LINKEDIN_FOLDERS = {"jobs", "articles", "verifications"}
# Entries that operating systems add when a person re-zips a folder by hand.
_JUNK = re.compile(r"(^|/)(__MACOSX/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)", re.IGNORECASE)
_EXPORT_NAME = re.compile(
    r"(?:(?P<kind>Basic|Complete)_)?LinkedInDataExport_(?P<m>\d{1,2})-(?P<d>\d{1,2})-(?P<y>\d{4})",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Limits:
    """Guards against zip bombs and hostile archives; defaults fit the largest real exports."""

    max_members: int = 50_000
    max_member_bytes: int = 4 * GiB
    max_total_bytes: int = 16 * GiB
    max_ratio: int = 1_000
    ratio_applies_above: int = 16 * MiB


DEFAULT_LIMITS = Limits()


class MemberTooLarge(ArchiveError):
    """A member inflated beyond a limit while it was being read."""


@dataclass(frozen=True)
class Member:
    """One file of the export; ``path`` is relative to the export root and '/'-separated."""

    path: str
    size: int
    compressed_size: int
    _opener: Callable[[], BinaryIO] = field(repr=False, compare=False)

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    def open(self) -> BinaryIO:
        """A fresh binary stream of the member's bytes, guarded by the archive's limits."""
        return self._opener()


@dataclass(frozen=True)
class SourceInfo:
    """What the input is: where it lies, what LinkedIn called it, and how it was read."""

    path: str
    name: str
    is_zip: bool
    size: int
    kind: str | None  # "complete", "basic", "legacy" or None when the name says nothing
    export_date: date | None
    root: str  # the wrapping folder that was stripped, "" when members sit at the root
    nested_zip: str = ""


@dataclass
class Archive:
    """An opened export. Use as a context manager; members stream from the ZIP on demand."""

    source: SourceInfo
    members: list[Member]
    problems: list[str]
    ignored: list[str]
    _closers: list[Callable[[], None]] = field(default_factory=list, repr=False)

    def close(self) -> None:
        for close in reversed(self._closers):
            close()
        self._closers.clear()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Guarded(io.RawIOBase):
    """Counts bytes as they are read and stops at a limit, whatever the ZIP header claimed."""

    def __init__(self, raw: BinaryIO, limit: int, label: str):
        self._raw = raw
        self._limit = limit
        self._label = label
        self._seen = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        try:
            data = self._raw.read(len(buffer))
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
            raise ArchiveError(f"{self._label}: is damaged inside the ZIP ({exc}); read up to the damage") from None
        except OSError as exc:
            raise ArchiveError(f"{self._label}: cannot be read ({exc.strerror or exc})") from None
        self._seen += len(data)
        if self._seen > self._limit:
            raise MemberTooLarge(
                f"{self._label} inflates beyond {_human(self._limit)}; it was not read further "
                "(raise the limit with --max-member-size if this is a real export)"
            )
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()


def _human(n: int) -> str:
    for unit, size in (("GiB", GiB), ("MiB", MiB), ("KiB", KiB)):
        if n >= size:
            return f"{n / size:.1f} {unit}".replace(".0 ", " ")
    return f"{n} bytes"


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


def _kind_and_date(*names: str) -> tuple[str | None, date | None]:
    """Kind and date from the first of the file, inner ZIP or wrapping-folder names that carries them."""
    for name in names:
        kind, when = parse_export_name(name)
        if kind is not None:
            return kind, when
    return None, None


def normalise_member_name(raw: str) -> str:
    """A '/'-separated relative name; never used as a filesystem path, only shown and matched."""
    name = raw.replace("\\", "/")
    while name.startswith("/"):
        name = name[1:]
    name = re.sub(r"^[A-Za-z]:/", "", name)
    parts = [p for p in name.split("/") if p not in ("", ".")]
    return "/".join(parts)


def _strip_wrapper(paths: list[str]) -> str:
    """The single wrapping folder all members share (``Complete_…_09-12-2022 (1)``), or ""."""
    firsts = {p.split("/", 1)[0] for p in paths}
    if len(firsts) != 1 or any("/" not in p for p in paths):
        return ""
    (first,) = firsts
    return "" if first.lower() in _LINKEDIN_FOLDERS else first


def open_archive(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> Archive:
    """Open a ``.zip`` (any download name) or an extracted folder; raise ArchiveError if neither."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise ArchiveError(f"{p}: no such file or folder. Check the path to your LinkedIn export.") from None
    except PermissionError:
        raise ArchiveError(f"{p}: permission denied. You need read access to the export.") from None
    except OSError as exc:
        raise ArchiveError(f"{p}: cannot be read ({exc.strerror or exc}).") from None
    if stat.S_ISDIR(st.st_mode):
        return _open_folder(p, limits)
    if not stat.S_ISREG(st.st_mode):
        raise ArchiveError(f"{p}: is not a regular file or folder.")
    if st.st_size == 0:
        raise ArchiveError(f"{p}: the file is empty (0 bytes); the download probably failed. Download the export again.")
    return _open_zip(p, st.st_size, limits)


def _open_zip(p: Path, size: int, limits: Limits) -> Archive:
    try:
        handle = open(p, "rb")
    except PermissionError:
        raise ArchiveError(f"{p}: permission denied. You need read access to the export.") from None
    except OSError as exc:
        raise ArchiveError(f"{p}: cannot be read ({exc.strerror or exc}).") from None
    head = handle.read(4)
    handle.seek(0)
    try:
        zf = zipfile.ZipFile(handle)
    except zipfile.BadZipFile as exc:
        if head == b"PK\x03\x04":
            salvaged = _salvage(p, handle, size, limits)
            if salvaged is not None:
                return salvaged
        handle.close()
        if head == b"PK\x03\x04":
            raise ArchiveError(
                f"{p}: the ZIP file is incomplete or damaged ({exc}); the download probably broke off and no file "
                "in it could be recovered. Download the export again from LinkedIn (the link is valid for 72 hours)."
            ) from None
        raise ArchiveError(
            f"{p}: is not a ZIP file. Point the tool at the .zip LinkedIn sent you, or at the folder you extracted it to."
        ) from None
    except (OSError, ValueError, NotImplementedError, RuntimeError) as exc:
        handle.close()
        raise ArchiveError(f"{p}: the ZIP file cannot be opened ({exc}).") from None

    closers: list[Callable[[], None]] = [handle.close, zf.close]
    problems: list[str] = []
    nested = ""
    try:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        inner = _single_inner_zip(infos)
        if inner is not None:
            nested = normalise_member_name(inner.filename)
            try:
                zf = zipfile.ZipFile(zf.open(inner))
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
                raise ArchiveError(f"{p}: holds a ZIP ({nested}) that cannot be opened ({exc}).") from None
            closers.append(zf.close)
            infos = [i for i in zf.infolist() if not i.is_dir()]
            if _single_inner_zip(infos) is not None:
                raise ArchiveError(
                    f"{p}: holds ZIP files nested more than one level deep; extract the export once and point the tool at it."
                )
        members, ignored, root = _zip_members(zf, infos, limits, problems)
    except BaseException:
        for close in reversed(closers):
            close()
        raise
    kind, when = _kind_and_date(p.name, nested, root)
    source = SourceInfo(str(p), p.name, True, size, kind, when, root, nested)
    return Archive(source, members, problems, ignored, closers)


def _single_inner_zip(infos: list[zipfile.ZipInfo]) -> zipfile.ZipInfo | None:
    """A ZIP whose only real content is another ZIP (a download saved into a ZIP by hand)."""
    real = [i for i in infos if not _JUNK.search(normalise_member_name(i.filename))]
    if len(real) == 1 and real[0].filename.lower().endswith(".zip"):
        return real[0]
    return None


def _zip_members(
    zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], limits: Limits, problems: list[str]
) -> tuple[list[Member], list[str], str]:
    if len(infos) > limits.max_members:
        raise ArchiveError(
            f"the ZIP holds {len(infos):,} files, more than the limit of {limits.max_members:,}; "
            "this is not what a LinkedIn export looks like (raise it with --max-members if it really is)."
        )
    entries = [
        (normalise_member_name(i.filename), i.file_size, i.compress_size, partial(_zip_opener, zf, i, limits=limits))
        for i in infos
    ]
    return _members(entries, limits, problems)


def _members(
    entries: list[tuple[str, int, int, Callable[[str], Callable[[], BinaryIO]]]], limits: Limits, problems: list[str]
) -> tuple[list[Member], list[str], str]:
    """Members from (name, declared size, compressed size, opener for a relative name) entries of a ZIP:
    operating-system files set aside, the wrapping folder stripped, duplicates and zip bombs reported."""
    keep = [e for e in entries if e[0] and not _JUNK.search(e[0])]
    ignored = [e[0] for e in entries if e[0] and _JUNK.search(e[0])]
    root = _strip_wrapper([name for name, *_ in keep])
    total = 0
    members: list[Member] = []
    seen: set[str] = set()
    for name, declared, compressed, make_opener in keep:
        rel = name[len(root) + 1 :] if root else name
        if rel in seen:
            problems.append(f"{rel}: the ZIP holds this name more than once; only the first copy was read")
            continue
        seen.add(rel)
        if declared > limits.max_member_bytes:
            problems.append(
                f"{rel}: declares {_human(declared)} uncompressed, more than the limit of "
                f"{_human(limits.max_member_bytes)}; not read (raise it with --max-member-size)"
            )
            continue
        if declared > limits.ratio_applies_above and compressed > 0 and declared / compressed > limits.max_ratio:
            problems.append(
                f"{rel}: compresses {declared / compressed:,.0f}:1, beyond the limit of "
                f"{limits.max_ratio:,}:1 (a zip bomb?); not read"
            )
            continue
        total += declared
        if total > limits.max_total_bytes:
            problems.append(
                f"{rel}: the archive inflates beyond {_human(limits.max_total_bytes)} in total; "
                "this and the remaining files were not read (raise it with --max-total-size)"
            )
            break
        members.append(Member(rel, declared, compressed, make_opener(rel)))
    return members, ignored, root


def _zip_opener(zf: zipfile.ZipFile, info: zipfile.ZipInfo, rel: str, limits: Limits) -> Callable[[], BinaryIO]:
    def opener() -> BinaryIO:
        if info.flag_bits & 0x1:
            raise ArchiveError(f"{rel}: is encrypted (password-protected) and cannot be read")
        try:
            raw = zf.open(info)
        except NotImplementedError as exc:
            raise ArchiveError(f"{rel}: uses a compression method this tool cannot read ({exc})") from None
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError) as exc:
            raise ArchiveError(f"{rel}: cannot be read from the ZIP ({exc})") from None
        # zipfile stops at the declared size and checks the CRC; the guard also covers a lying header.
        return io.BufferedReader(_Guarded(raw, limits.max_member_bytes, rel), buffer_size=256 * KiB)  # type: ignore[arg-type]

    return opener


# --- salvaging a ZIP whose end (the central directory) is missing ------------------------------------

_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
_CHUNK = 256 * KiB


@dataclass(frozen=True)
class _Entry:
    name: str
    method: int
    data_start: int
    compressed: int
    size: int
    crc: int


def _salvage(p: Path, handle: BinaryIO, size: int, limits: Limits) -> Archive | None:
    """Walk the local file headers of a cut-off ZIP and keep every member that arrived whole."""
    entries: list[_Entry] = []
    problems: list[str] = []
    pos = 0
    while pos + _LOCAL_HEADER.size <= size and len(entries) < limits.max_members:
        handle.seek(pos)
        head = handle.read(_LOCAL_HEADER.size)
        if len(head) < _LOCAL_HEADER.size or head[:4] != b"PK\x03\x04":
            break
        _, _, flags, method, _, _, crc, csize, usize, name_len, extra_len = _LOCAL_HEADER.unpack(head)
        raw_name = handle.read(name_len)
        name = normalise_member_name(raw_name.decode("utf-8" if flags & 0x800 else "cp437", "replace"))
        start = pos + _LOCAL_HEADER.size + name_len + extra_len
        if flags & 0x1:
            problems.append(f"{name}: is encrypted (password-protected) and cannot be read")
            if flags & 0x8:
                break
            pos = start + csize
            continue
        if flags & 0x8:  # sizes follow the data (Java's ZipOutputStream does this): inflate to find the end
            if method != zipfile.ZIP_DEFLATED:
                problems.append(f"{name}: cannot be recovered from the incomplete ZIP")
                break
            found = _inflate_extent(handle, start, limits.max_member_bytes)
            if found is None:
                problems.append(f"{name}: was cut off when the download broke off; not read")
                break
            csize, usize, crc = found
            handle.seek(start + csize)
            descriptor = handle.read(16)
            pos = start + csize + (16 if descriptor[:4] == b"PK\x07\x08" else 12)
        else:
            pos = start + csize
        if start + csize > size:
            problems.append(f"{name}: was cut off when the download broke off; not read")
            break
        if method not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            problems.append(f"{name}: uses a compression method this tool cannot read (method {method})")
            continue
        if name and not name.endswith("/"):
            entries.append(_Entry(name, method, start, csize, usize, crc))
    if not entries:
        return None
    members, ignored, root = _members(
        [(e.name, e.size, e.compressed, partial(_salvaged_opener, handle, e, limits=limits)) for e in entries],
        limits,
        problems,
    )
    problems.insert(
        0,
        f"the ZIP file is incomplete (the download probably broke off): {len(members)} files could be recovered and "
        "are analysed; download the export again for a complete report",
    )
    kind, when = _kind_and_date(p.name, root)
    source = SourceInfo(str(p), p.name, True, size, kind, when, root)
    return Archive(source, members, problems, ignored, [handle.close])


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


class _SalvagedReader(io.RawIOBase):
    """Streams one recovered member and checks its CRC at the end."""

    def __init__(self, handle: BinaryIO, entry: _Entry, label: str):
        self._handle = handle
        self._entry = entry
        self._label = label
        self._left = entry.compressed
        self._offset = entry.data_start
        self._inflater = zlib.decompressobj(-15) if entry.method == zipfile.ZIP_DEFLATED else None
        self._crc = 0
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
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
            self._pending = data
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def _salvaged_opener(handle: BinaryIO, entry: _Entry, rel: str, limits: Limits) -> Callable[[], BinaryIO]:
    def opener() -> BinaryIO:
        raw = _SalvagedReader(handle, entry, rel)
        return io.BufferedReader(_Guarded(raw, limits.max_member_bytes, rel), buffer_size=256 * KiB)  # type: ignore[arg-type]

    return opener


def _open_folder(p: Path, limits: Limits) -> Archive:
    problems: list[str] = []
    found: list[tuple[str, Path, int]] = []
    ignored: list[str] = []

    def walk(folder: Path, prefix: str) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except PermissionError:
            problems.append(f"{prefix or '.'}: permission denied; this folder was not read")
            return
        except OSError as exc:
            problems.append(f"{prefix or '.'}: cannot be listed ({exc.strerror or exc})")
            return
        for entry in entries:
            rel = f"{prefix}{entry.name}"
            if entry.is_symlink():
                problems.append(f"{rel}: is a symbolic link; not followed")
                continue
            if entry.is_dir(follow_symlinks=False):
                walk(Path(entry.path), rel + "/")
                continue
            if _JUNK.search(rel):
                ignored.append(rel)
                continue
            if len(found) >= limits.max_members:
                raise ArchiveError(
                    f"{p}: holds more than {limits.max_members:,} files; this is not what a LinkedIn export looks like."
                )
            try:
                size = entry.stat(follow_symlinks=False).st_size
            except OSError:
                size = 0
            found.append((rel, Path(entry.path), size))

    walk(p, "")
    root = _strip_wrapper([rel for rel, _, _ in found])
    members: list[Member] = []
    for rel, full, size in found:
        name = rel[len(root) + 1 :] if root else rel
        if size > limits.max_member_bytes:
            problems.append(f"{name}: is {_human(size)}, more than the limit of {_human(limits.max_member_bytes)}; not read")
            continue
        members.append(Member(name, size, size, _file_opener(full, name)))
    kind, when = _kind_and_date(p.name, root)
    source = SourceInfo(str(p), p.name, False, sum(s for _, _, s in found), kind, when, root)
    return Archive(source, members, problems, ignored)


def _file_opener(full: Path, rel: str) -> Callable[[], BinaryIO]:
    def opener() -> BinaryIO:
        try:
            return open(full, "rb", buffering=256 * KiB)
        except PermissionError:
            raise ArchiveError(f"{rel}: permission denied; not read") from None
        except OSError as exc:
            raise ArchiveError(f"{rel}: cannot be read ({exc.strerror or exc})") from None

    return opener
