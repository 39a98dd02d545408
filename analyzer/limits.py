"""The limits that keep a hostile archive (a zip bomb, a lying header) from filling memory or disk, and the
stream guard that enforces them while a member is read."""

from __future__ import annotations

import io
import lzma
import mmap
import struct
import zipfile
import zlib
from typing import IO, BinaryIO, cast

from analyzer.errors import ArchiveError, UsageError
from analyzer.frozen import frozen
from analyzer.said import Said

KiB = 1024
MiB = 1024 * KiB
GiB = 1024 * MiB


@frozen
class Limits:
    """Guards against zip bombs and hostile archives; defaults fit the largest real exports."""

    max_members: int = 50_000
    max_member_bytes: int = 4 * GiB
    max_total_bytes: int = 16 * GiB
    max_ratio: int = 1_000
    ratio_applies_above: int = 16 * MiB
    max_columns: int = 16_384  # a header wider than this is refused (a 2 MB file of commas needs gigabytes)


DEFAULT_LIMITS = Limits()


def limits_from(
    max_members: int, max_member_mib: int, max_total_mib: int, max_ratio: int, max_columns: int = 16_384
) -> Limits:
    """The limits the options ask for (sizes in MiB); a limit below 1 is a usage error."""
    for option, value in (("--max-members", max_members), ("--max-member-size", max_member_mib),
                          ("--max-total-size", max_total_mib), ("--max-ratio", max_ratio),
                          ("--max-columns", max_columns)):  # fmt: skip
        if value < 1:
            raise UsageError.said("err.limit", option=option, value=value)
    return Limits(max_members, max_member_mib * MiB, max_total_mib * MiB, max_ratio, max_columns=max_columns)


class MemberTooLarge(ArchiveError):
    """A member inflated beyond a limit while it was being read."""


class Budget:
    """What a whole archive may inflate, counted in the bytes actually read (each member once, at its
    furthest read), whatever its headers declare: --max-total-size, and --max-ratio times the archive's own
    size (once that is above ``ratio_applies_above``), so that many small bombs add up to one."""

    def __init__(self, limits: Limits, archive_bytes: int | None):
        by_ratio = max(limits.ratio_applies_above, limits.max_ratio * archive_bytes) if archive_bytes else None
        self.limit = min(limits.max_total_bytes, by_ratio or limits.max_total_bytes)
        self._by_ratio = by_ratio is not None and self.limit < limits.max_total_bytes
        self._ratio = limits.max_ratio
        self._furthest: dict[str, int] = {}
        # The total lives in memory a forked second process shares: both processes of a scan draw on one
        # budget. (Two reads at the same instant can lose one increment: the limit holds within a read.)
        self._shared = mmap.mmap(-1, 8)

    @property
    def total(self) -> int:
        return int(struct.unpack_from("q", self._shared)[0])

    @total.setter
    def total(self, value: int) -> None:
        struct.pack_into("q", self._shared, 0, value)

    def left(self) -> int:
        return max(0, self.limit - self.total)

    def read(self, label: str, seen: int) -> None:
        """``label`` has now given ``seen`` bytes; raise MemberTooLarge once the archive is over its budget."""
        furthest = self._furthest.get(label, 0)
        if seen > furthest:
            self.total += seen - furthest
            self._furthest[label] = seen
        if self.total > self.limit:
            raise self.stop(label)

    def stop(self, label: str) -> MemberTooLarge:
        """The error that stops reading ``label`` once the archive is over its budget."""
        if self._by_ratio:
            return MemberTooLarge.said("problem.inflates_ratio", name=label, ratio=self._ratio)
        return MemberTooLarge.said("problem.inflates_total", name=label, limit=human(self.limit))


class Guarded(io.RawIOBase):
    """Counts bytes as they are read and stops at a limit, whatever the ZIP header claimed: the member's
    ``limit``, its ratio to ``compressed`` bytes, and the archive's ``budget``."""

    def __init__(
        self, raw: IO[bytes] | io.RawIOBase, limit: int, label: str, budget: Budget, compressed: int, limits: Limits
    ):
        self._raw = raw
        self._limit = limit
        self._label = label
        self._seen = 0
        self._budget = budget
        self._most = max(limits.ratio_applies_above, limits.max_ratio * compressed) if compressed else None
        self._ratio = limits.max_ratio

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]  # RawIOBase takes any buffer
        try:
            data = self._raw.read(len(buffer)) or b""
        except (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, NotImplementedError, RuntimeError) as exc:
            raise ArchiveError.said("problem.damaged", name=self._label, reason=exc) from None
        except OSError as exc:
            raise ArchiveError.said("problem.cannot_read", name=self._label, reason=exc.strerror or exc) from None
        self._seen += len(data)
        if self._seen > self._limit:
            raise MemberTooLarge.said("problem.member_limit", name=self._label, limit=human(self._limit))
        if self._most is not None and self._seen > self._most:
            raise MemberTooLarge.said("problem.member_ratio", name=self._label, ratio=self._ratio)
        self._budget.read(self._label, self._seen)
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()


def human(n: int) -> Said:
    """A size as a message shows it: 1.5 MiB, 12 bytes (1,5 MiB, 12 Bytes in German)."""
    for unit, size in (("GiB", GiB), ("MiB", MiB), ("KiB", KiB)):
        if n >= size:
            return Said("size", amount=round(n / size, 1), unit=unit)
    return Said("size.bytes", count=n)


def compared(value: int, limit: int) -> tuple[Said, Said]:
    """``value`` and ``limit`` for a message saying one is more than the other: in bytes where rounding
    would show them equal ("4 GiB is more than the limit of 4 GiB")."""
    shown = human(value), human(limit)
    return shown if shown[0] != shown[1] else (Said("size.bytes", count=value), Said("size.bytes", count=limit))


def guarded(raw: IO[bytes] | io.RawIOBase, rel: str, limits: Limits, budget: Budget, compressed: int = 0) -> BinaryIO:
    """A buffered stream of ``raw`` that stops at the member size limit, at ``--max-ratio`` times its
    ``compressed`` size (0: not compressed) and when the archive's ``budget`` is spent."""
    stream = Guarded(raw, limits.max_member_bytes, rel, budget, compressed, limits)
    return cast(BinaryIO, io.BufferedReader(stream, buffer_size=256 * KiB))
