"""The limits that keep a hostile archive (a zip bomb, a lying header) from filling memory or disk, and the
stream guard that enforces them while a member is read."""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from typing import IO, BinaryIO, cast

from analyzer.errors import ArchiveError, UsageError

KiB = 1024
MiB = 1024 * KiB
GiB = 1024 * MiB


@dataclass(frozen=True)
class Limits:
    """Guards against zip bombs and hostile archives; defaults fit the largest real exports."""

    max_members: int = 50_000
    max_member_bytes: int = 4 * GiB
    max_total_bytes: int = 16 * GiB
    max_ratio: int = 1_000
    ratio_applies_above: int = 16 * MiB


DEFAULT_LIMITS = Limits()


def limits_from(max_members: int, max_member_mib: int, max_total_mib: int, max_ratio: int) -> Limits:
    """The limits the options ask for (sizes in MiB); a limit below 1 is a usage error."""
    for option, value in (("--max-members", max_members), ("--max-member-size", max_member_mib),
                          ("--max-total-size", max_total_mib), ("--max-ratio", max_ratio)):  # fmt: skip
        if value < 1:
            raise UsageError(f"{option} {value}: a limit must be at least 1")
    return Limits(max_members, max_member_mib * MiB, max_total_mib * MiB, max_ratio)


class MemberTooLarge(ArchiveError):
    """A member inflated beyond a limit while it was being read."""


class Guarded(io.RawIOBase):
    """Counts bytes as they are read and stops at a limit, whatever the ZIP header claimed."""

    def __init__(self, raw: IO[bytes] | io.RawIOBase, limit: int, label: str):
        self._raw = raw
        self._limit = limit
        self._label = label
        self._seen = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]  # RawIOBase takes any buffer
        try:
            data = self._raw.read(len(buffer)) or b""
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
            raise ArchiveError(f"{self._label}: is damaged inside the ZIP ({exc}); read up to the damage") from None
        except OSError as exc:
            raise ArchiveError(f"{self._label}: cannot be read ({exc.strerror or exc})") from None
        self._seen += len(data)
        if self._seen > self._limit:
            raise MemberTooLarge(
                f"{self._label} inflates beyond {human(self._limit)}; it was not read further "
                "(raise the limit with --max-member-size if this is a real export)"
            )
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()


def human(n: int) -> str:
    for unit, size in (("GiB", GiB), ("MiB", MiB), ("KiB", KiB)):
        if n >= size:
            return f"{n / size:.1f} {unit}".replace(".0 ", " ")
    return f"{n} bytes"


def guarded(raw: IO[bytes] | io.RawIOBase, rel: str, limits: Limits) -> BinaryIO:
    """A buffered stream of ``raw`` that stops at the member size limit."""
    return cast(BinaryIO, io.BufferedReader(Guarded(raw, limits.max_member_bytes, rel), buffer_size=256 * KiB))
