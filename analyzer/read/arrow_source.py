"""The bytes of a member that pyarrow reads: after the lines the dialect reader took (preamble and header),
checked on the way for what would make the two readers disagree, and read at most a few blocks ahead."""

from __future__ import annotations

import codecs
import re
import threading
from collections.abc import Callable
from typing import BinaryIO

from analyzer.limits import MiB
from analyzer.read.table import Irregular

#: Blocks pyarrow's reading thread may hold before the analysis has taken their records. Without a
#: bound it reads up to 32 blocks ahead whenever the analysis is the slower side, which is most of the time.
AHEAD = 8
#: Lines before the header (Connections.csv's ``Notes:``) are skipped by hand, within this many bytes.
_PREAMBLE_BYTES = 1 * MiB
_LINE_END = re.compile(rb"\r\n|\r|\n")


class Remaining:
    """The bytes of a member after its first ``lines`` physical lines, as the dialect reader counts lines
    (``\\r\\n``, ``\\r`` or ``\\n``), for pyarrow to read. A NUL byte raises Irregular: Python's csv
    module rejects the line, pyarrow would not.

    pyarrow calls ``read`` from a thread of its own; it may run at most AHEAD blocks ahead of ``taken``.
    """

    def __init__(self, raw: BinaryIO, lines: int, line_limit: int, check: Callable[[bytes], None] | None = None):
        self._raw = raw
        self._line_limit = line_limit
        self._line = 0  # bytes since the last line break
        self._check = check  # more that hands the file back (arrow_join.JoinedBytes)
        self._ahead = threading.Semaphore(AHEAD)
        self._lock = threading.Lock()  # pyarrow's thread may still be reading when the analysis stops early
        self.closed = False
        try:
            self._rest = self._skip(lines)
        except BaseException:
            raw.close()
            raise

    def _skip(self, lines: int) -> bytes:
        buffer, start = b"", 0
        while lines:
            end = _LINE_END.search(buffer, start)
            if end is None or (end.group() == b"\r" and end.end() == len(buffer)):  # \r might be half of \r\n
                more = self._raw.read(64 * 1024)
                if more:
                    buffer += more
                    if len(buffer) > _PREAMBLE_BYTES:
                        raise Irregular("the header is not near the start")
                    continue
                if end is None:
                    return b""
            start, lines = end.end(), lines - 1
        return buffer[start:]

    def at_end(self) -> bool:
        """True for nothing after the header; call before the first read."""
        while len(self._rest) < len(codecs.BOM_UTF8) and (more := self._raw.read(64 * 1024)):
            self._rest += more
        if self._rest.startswith(codecs.BOM_UTF8):  # pyarrow would drop it, the dialect reader keeps it
            raise Irregular("a byte-order mark after the header")
        return not self._rest

    def taken(self) -> None:
        """The analysis has taken one batch: one more block may be read."""
        self._ahead.release()

    def read(self, size: int = -1) -> bytes:
        # The timeout only guards against a pyarrow that needs more blocks for one batch than we let it have.
        self._ahead.acquire(timeout=1)
        with self._lock:
            if self.closed:
                return b""
            cut = len(self._rest) if size < 0 else size
            data, self._rest = self._rest[:cut], self._rest[cut:]
            if size < 0 or len(data) < size:
                data += self._raw.read(-1 if size < 0 else size - len(data))
            if len(data) > 1 and data.endswith(b"\r"):
                # pyarrow drops the \n of a \r\n that a block boundary splits inside a quoted cell ("a\r\nb" → "a\rb"):
                # the \r starts the next block instead.
                data, self._rest = data[:-1], b"\r" + self._rest
        if b"\0" in data:
            raise Irregular("a NUL byte")
        self._check_lines(data)
        if self._check is not None:
            self._check(data)
        return data

    def _check_lines(self, data: bytes) -> None:
        """The dialect reader cuts lines longer than its limit: leave such a file to it. The limit counts
        characters; counting bytes (at least as many) can only hand back a file too many, never too few.
        Blocks are smaller than the limit, so such a line always spans blocks."""
        first = min((i for i in (data.find(b"\n"), data.find(b"\r")) if i >= 0), default=-1)
        if first < 0:
            self._line += len(data)
        else:
            self._line += first
            if self._line <= self._line_limit:
                self._line = len(data) - 1 - max(data.rfind(b"\n"), data.rfind(b"\r"))
        if self._line > self._line_limit:
            raise Irregular("a line longer than the dialect reader's limit")

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        """Stop: a read waiting for its turn returns at once, with nothing."""
        with self._lock:
            if not self.closed:
                self.closed = True
                self._raw.close()
        self._ahead.release(AHEAD)
