"""Open an export (ZIP or extracted folder) read-only and list its members; never extract to disk."""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, BinaryIO

from analyzer import folder, zipnames
from analyzer.errors import ArchiveError
from analyzer.frozen import frozen
from analyzer.inflate import MemberReader, data_start
from analyzer.limits import DEFAULT_LIMITS, Budget, Limits, compared, guarded, human
from analyzer.nested import inner_zip
from analyzer.said import Said

if TYPE_CHECKING:
    from analyzer import salvage

# Entries that operating systems add when a person re-zips a folder by hand.
_JUNK = re.compile(r"(^|/)(__MACOSX/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)", re.IGNORECASE)


#: (name, declared size, compressed size, opener for a relative name): one file of a ZIP or folder.
_Entry = tuple[str, int, int, Callable[[str], Callable[[], BinaryIO]]]


@frozen
class Member:
    """One file of the export; ``path`` is relative to the export root and '/'-separated."""

    path: str
    size: int
    _opener: Callable[[], BinaryIO] = field(repr=False, compare=False)
    max_columns: int = DEFAULT_LIMITS.max_columns  # the archive's limit on a header's width

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    def open(self) -> BinaryIO:
        """A fresh binary stream of the member's bytes, guarded by the archive's limits."""
        return self._opener()


@frozen
class SourceInfo:
    """What the input is: where it lies, what LinkedIn called it, and how it was read."""

    path: str
    name: str
    is_zip: bool
    size: int
    root: str  # the wrapping folder that was stripped, "" when members sit at the root
    nested_zip: str = ""
    cut_off: bool = False  # the ZIP's end is missing (a download that broke off): only whole files were read


@dataclass
class Archive:
    """An opened export. Use as a context manager; members stream from the ZIP on demand."""

    source: SourceInfo
    members: list[Member]
    problems: list[str]
    ignored: list[str]
    _closers: list[Callable[[], None]] = field(default_factory=list, repr=False)
    cut_file: str = ""  # the file a cut-off download broke off in (relative), "" for none
    # The ZIP as it was opened: its descriptor, and a path to open that same file again (a second process
    # reads the file this one hashes, even if the path has been given another file since).
    fd: int | None = None
    reopen: str = ""

    def close(self) -> None:
        for close in reversed(self._closers):
            close()
        self._closers.clear()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def normalise_member_name(raw: str) -> str:
    """A '/'-separated relative name; never used as a filesystem path, only shown and matched."""
    name = raw.replace("\\", "/")
    while name.startswith("/"):
        name = name[1:]
    name = re.sub(r"^[A-Za-z]:/", "", name)
    parts = [p for p in name.split("/") if p not in ("", ".")]
    return "/".join(parts)


def _strip_wrapper(paths: list[str], own_folders: frozenset[str]) -> str:
    """The wrapping folders all members share (``Complete_…_09-12-2022 (1)``, ``Users/lena/Downloads/…``),
    or "" when there are none; a folder of the platform's ``own_folders`` is never a wrapper."""
    if not paths:
        return ""
    split = [p.split("/") for p in paths]
    shortest = min(len(parts) for parts in split)
    depth = 0
    while depth < shortest - 1 and len({parts[depth] for parts in split}) == 1:
        if split[0][depth].lower() in own_folders:
            break
        depth += 1
    return "/".join(split[0][:depth])


def open_archive(
    path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS, own_folders: frozenset[str] = frozenset()
) -> Archive:
    """Open a ``.zip`` (any download name) or an extracted folder; raise ArchiveError if neither.

    ``own_folders``: folder names the platform itself writes, which are never a wrapper to strip."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise ArchiveError.said("err.no_such_file", path=p) from None
    except PermissionError:
        raise ArchiveError.said("err.permission", path=p) from None
    except OSError as exc:
        raise ArchiveError(f"{p}: cannot be read ({exc.strerror or exc}).") from None
    if stat.S_ISDIR(st.st_mode):
        return _open_folder(p, limits, own_folders)
    if not stat.S_ISREG(st.st_mode):
        raise ArchiveError(f"{p}: is not a regular file or folder.")
    if st.st_size == 0:
        raise ArchiveError(
            f"{p}: the file is empty (0 bytes); the download probably failed. Download the export again."
        )
    return _open_zip(p, st.st_size, limits, own_folders)


def _open_zip(p: Path, size: int, limits: Limits, own_folders: frozenset[str]) -> Archive:
    try:
        handle = open(p, "rb")  # noqa: SIM115 - the Archive closes it (its _closers)
    except PermissionError:
        raise ArchiveError(f"{p}: permission denied. You need read access to the export.") from None
    except OSError as exc:
        raise ArchiveError(f"{p}: cannot be read ({exc.strerror or exc}).") from None
    head = handle.read(4)
    handle.seek(0)
    try:
        zf, misnamed = zipnames.open_zip(handle)
    except zipfile.BadZipFile as exc:
        salvaged = _salvage(p, handle, size, limits, own_folders)  # a cut-off ZIP, or self-extracting one
        if salvaged is not None:
            return salvaged
        handle.close()
        if head == b"PK\x07\x08" or "span multiple disks" in str(exc) or p.with_suffix(".z01").exists():
            raise ArchiveError(
                f"{p}: is one part of a split (multi-part) ZIP (.z01, .z02, … .zip); join the parts into one file "
                f"first, e.g. zip -s 0 {p.with_suffix('.zip').name} --out whole.zip, and point the tool at whole.zip."
            ) from None
        if head == b"PK\x03\x04":
            raise ArchiveError(
                f"{p}: the ZIP file is incomplete or damaged ({exc}); the download probably broke off and no file "
                "in it could be recovered. Download the export again from LinkedIn (the link is valid for 72 hours)."
            ) from None
        raise ArchiveError.said("err.not_zip", path=p) from None
    except (OSError, ValueError, NotImplementedError, RuntimeError) as exc:
        handle.close()
        raise ArchiveError(f"{p}: the ZIP file cannot be opened ({exc}).") from None

    closers: list[Callable[[], None]] = [handle.close, zf.close]
    problems = [f"{normalise_member_name(n)}: its name is not UTF-8 although the ZIP says so; read as cp437"
                for n in misnamed]  # fmt: skip
    nested = ""
    budget = Budget(limits, size)
    try:
        infos = [i for i in zf.infolist() if not _is_folder(i)]
        inner = _single_inner_zip(infos)
        if inner is not None:
            nested = normalise_member_name(inner.filename)
            try:
                zf = zipfile.ZipFile(inner_zip(p, zf, inner, nested, handle, limits, budget))
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
                raise ArchiveError(f"{p}: holds a ZIP ({nested}) that cannot be opened ({exc}).") from None
            closers.append(zf.close)
            infos = [i for i in zf.infolist() if not _is_folder(i)]
            if _single_inner_zip(infos) is not None:
                raise ArchiveError(
                    f"{p}: holds ZIP files nested more than one level deep; extract the export once and point the tool at it."
                )
        members, ignored, root = _zip_members(zf, infos, limits, budget, problems, own_folders)
    except BaseException:
        for close in reversed(closers):
            close()
        raise
    source = SourceInfo(folder.text(str(p)), folder.text(p.name), True, size, root, nested)
    return Archive(source, members, problems, ignored, closers, fd=handle.fileno(), reopen=_same_file(p, handle))


def _same_file(p: Path, handle: BinaryIO) -> str:
    """A path that opens the very file ``handle`` reads (Linux: /proc/self/fd/N, which a fork inherits)."""
    proc = f"/proc/self/fd/{handle.fileno()}"
    return proc if os.path.exists(proc) else str(p)


def _is_folder(info: zipfile.ZipInfo) -> bool:
    """ZipInfo.is_dir() without its IndexError on an entry whose name is empty (a hostile ZIP has them)."""
    return info.filename.endswith("/")


def _single_inner_zip(infos: list[zipfile.ZipInfo]) -> zipfile.ZipInfo | None:
    """A ZIP whose only real content is another ZIP (a download saved into a ZIP by hand)."""
    real = [i for i in infos if not _JUNK.search(normalise_member_name(i.filename))]
    if len(real) == 1 and real[0].filename.lower().endswith(".zip"):
        return real[0]
    return None


def _zip_members(
    zf: zipfile.ZipFile,
    infos: list[zipfile.ZipInfo],
    limits: Limits,
    budget: Budget,
    problems: list[str],
    own_folders: frozenset[str],
) -> tuple[list[Member], list[str], str]:
    if len(infos) > limits.max_members:
        raise ArchiveError(
            f"the ZIP holds {len(infos):,} files, more than the limit of {limits.max_members:,}; "
            "this is not what a LinkedIn export looks like (raise it with --max-members if it really is)."
        )
    entries: list[_Entry] = [
        (normalise_member_name(i.filename), i.file_size, i.compress_size, partial(_zip_opener, zf, i, limits, budget))
        for i in infos
    ]
    return _members(entries, limits, problems, own_folders)


def _members(
    entries: list[_Entry],
    limits: Limits,
    problems: list[str],
    own_folders: frozenset[str],
) -> tuple[list[Member], list[str], str]:
    """Members from (name, declared size, compressed size, opener for a relative name) entries of a ZIP:
    operating-system files set aside, the wrapping folder stripped, duplicates and zip bombs reported."""
    keep = [e for e in entries if e[0] and not _JUNK.search(e[0])]
    ignored = [e[0] for e in entries if e[0] and _JUNK.search(e[0])]
    root = _strip_wrapper([name for name, *_ in keep], own_folders)
    total = 0
    members: list[Member] = []
    seen: set[str] = set()
    for name, declared, compressed, make_opener in keep:
        rel = name[len(root) + 1 :] if root else name
        if rel in seen:
            problems.append(Said("problem.duplicate", name=rel))
            continue
        seen.add(rel)
        if declared > limits.max_member_bytes:
            shown, limit = compared(declared, limits.max_member_bytes)
            problems.append(Said("problem.declared_too_large", name=rel, size=shown, limit=limit))
            continue
        if declared > limits.ratio_applies_above and compressed > 0 and declared / compressed > limits.max_ratio:
            ratio = round(declared / compressed)
            problems.append(Said("problem.ratio", name=rel, ratio=ratio, limit=limits.max_ratio))
            continue
        total += declared
        if total > limits.max_total_bytes:
            problems.append(Said("problem.zip_total", name=rel, limit=human(limits.max_total_bytes)))
            break
        members.append(Member(rel, declared, make_opener(rel), limits.max_columns))
    return members, ignored, root


def _zip_opener(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits, budget: Budget, rel: str
) -> Callable[[], BinaryIO]:
    def opener() -> BinaryIO:
        if info.flag_bits & 0x1:
            raise ArchiveError(f"{rel}: is encrypted (password-protected) and cannot be read")
        try:
            raw: IO[bytes] | io.RawIOBase = zf.open(info)  # checks the local header, the method, encryption
        except NotImplementedError as exc:
            raise ArchiveError(f"{rel}: uses a compression method this tool cannot read ({exc})") from None
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError) as exc:
            raise ArchiveError(f"{rel}: cannot be read from the ZIP ({exc})") from None
        fast = _own_reader(zf, info)
        if fast is not None:  # the same bytes, inflated by ISA-L where installed (inflate.py)
            raw.close()
            raw = fast
        # Both readers stop at the declared size and check the CRC; the guard also covers a lying header.
        return guarded(raw, rel, limits, budget, info.compress_size if info.compress_type else 0)

    return opener


def _own_reader(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> MemberReader | None:
    """The project's own reader of a stored or deflated member of a ZIP that is a file (not one inside a ZIP)."""
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or not hasattr(os, "pread"):
        return None  # (no os.pread: Windows, where zipfile reads as before)
    fileno = getattr(zf.fp, "fileno", None)  # none for names read through zipnames' wrapper
    try:
        fd = fileno() if fileno is not None else -1
        start = data_start(fd, info) if fd >= 0 else None
    except (OSError, ValueError):  # io.UnsupportedOperation: an in-memory or inner ZIP
        return None
    return MemberReader(fd, start, info) if start is not None else None


def _salvage(p: Path, handle: BinaryIO, size: int, limits: Limits, own_folders: frozenset[str]) -> Archive | None:
    """The members of a cut-off ZIP that arrived whole (``salvage.py`` walks its local headers), or None."""
    from analyzer import salvage  # here: only a ZIP that zipfile cannot open needs it

    budget = Budget(limits, size)
    entries, problems, cut = salvage.whole_entries(handle, size, limits, budget, normalise_member_name)
    if not entries:
        return None
    members, ignored, root = _members(
        [(e.name, e.size, e.compressed, partial(_salvaged_opener, handle, e, limits, budget)) for e in entries],
        limits,
        problems,
        own_folders,
    )
    problems.insert(
        0,
        f"the ZIP file is incomplete (the download probably broke off): {len(members)} files could be recovered and "
        "are analysed; download the export again for a complete report",
    )
    source = SourceInfo(folder.text(str(p)), folder.text(p.name), True, size, root, cut_off=True)
    cut_rel = cut[len(root) + 1 :] if root and cut.startswith(root + "/") else cut
    return Archive(
        source, members, problems, ignored, [handle.close], cut_file=cut_rel, fd=handle.fileno(),
        reopen=_same_file(p, handle),
    )  # fmt: skip


def _salvaged_opener(
    handle: BinaryIO, entry: salvage.Entry, limits: Limits, budget: Budget, rel: str
) -> Callable[[], BinaryIO]:
    from analyzer.salvage import SalvagedReader

    def opener() -> BinaryIO:
        compressed = entry.compressed if entry.method == zipfile.ZIP_DEFLATED else 0
        return guarded(SalvagedReader(handle, entry, rel), rel, limits, budget, compressed)

    return opener


def _open_folder(p: Path, limits: Limits, own_folders: frozenset[str]) -> Archive:
    found, problems, ignored = folder.listing(p, limits, _JUNK)
    root = _strip_wrapper([rel for rel, _, _ in found], own_folders)
    members: list[Member] = []
    budget = Budget(limits, None)
    total = 0
    for rel, full, size in found:
        name = rel[len(root) + 1 :] if root else rel
        if size > limits.max_member_bytes:
            shown, limit = compared(size, limits.max_member_bytes)
            problems.append(Said("problem.too_large", name=name, size=shown, limit=limit))
            continue
        total += size
        if total > limits.max_total_bytes:
            problems.append(Said("problem.folder_total", name=name, limit=human(limits.max_total_bytes)))
            break
        members.append(Member(name, size, folder.opener(full, name, limits, budget), limits.max_columns))
    source = SourceInfo(folder.text(str(p)), folder.text(p.name), False, sum(s for _, _, s in found), root)
    return Archive(source, members, problems, ignored, reopen=str(p))
