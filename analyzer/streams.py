"""The process's edges, the same for every command: text for stdout, which never fails on its encoding or a
full disk, and SIGTERM and SIGHUP turned into the same clean stop as Ctrl-C."""

from __future__ import annotations

import codecs
import contextlib
import errno
import functools
import io
import os
import signal
import sys
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn, cast

from analyzer.errors import OutputError

if TYPE_CHECKING:
    from rich.console import Console

#: What a typographic character becomes on a terminal whose encoding lacks it (ASCII, Latin-1, cp1252, EUC-JP).
_FALLBACK = {
    "–": "-", "—": "-", "‑": "-", "−": "-", "„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'",
    "«": '"', "»": '"', "…": "...", "·": ".", "•": "*", "×": "x", "→": "->", "←": "<-", "≈": "~", "≤": "<=",
    "≥": ">=", "€": "EUR", "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
}  # fmt: skip
OUT_OF_MEMORY = "err.memory"  # the catalogue's key
_HANDLER = "linkedin-ai-exposure.fallback"


def _fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    plain = (
        _FALLBACK.get(c) or unicodedata.normalize("NFKD", c).encode("ascii", "ignore").decode() or "?" for c in text
    )
    return "".join(plain), error.end


codecs.register_error(_HANDLER, _fallback)


def prepare() -> None:
    """Let stdout and stderr write any text: a character their encoding lacks becomes its nearest plain
    form ("–" → "-", "ü" → "ue") or "?", instead of a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and not stream.encoding.lower().replace("-", "").startswith("utf"):
            stream.reconfigure(errors=_HANDLER)


def emit(text: str | bytes) -> None:
    """Write the report to stdout and flush it; a closed stdout or a full disk is an OutputError, and what
    could not be written is dropped so that the exit does not fail again (bytes: written as they are)."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("stdout is closed; the report could not be written (redirect it to a file instead)")
    try:
        if isinstance(text, bytes):
            stream.flush()
            stream.buffer.write(text)
            stream.buffer.flush()
        else:
            stream.write(text)
            stream.flush()
    except OSError as exc:
        _drop(stream)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise OutputError("stdout: the disk is full; the report is incomplete") from None
        raise OutputError(f"stdout: cannot be written ({exc.strerror or exc}); the report is incomplete") from None


def _drop(stream: object) -> None:
    """Point stdout at /dev/null so that the bytes still buffered are not written (and fail) at exit."""
    try:
        fileno = stream.fileno()  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fileno)
    os.close(null)


class LazyConsole:
    """A rich ``Console`` on stdout or stderr, made when first used: a run that prints nothing through it
    (``scan --json`` into a pipe) never imports rich's console, a tenth of the typical scan's start-up."""

    def __init__(self, stderr: bool = False, **options: Any) -> None:
        self.stderr, self._options = stderr, options

    @functools.cached_property
    def console(self) -> Console:
        from rich.console import Console

        return Console(stderr=self.stderr, **self._options)

    @property
    def is_terminal(self) -> bool:
        """The console's own answer; without making it where the stream is plainly no terminal (rich takes a
        stream that is not a TTY for one only where TTY_COMPATIBLE=1 or a non-empty FORCE_COLOR asks it to)."""
        if (
            "console" not in self.__dict__
            and os.environ.get("TTY_COMPATIBLE") != "1"
            and not os.environ.get("FORCE_COLOR")
        ):
            stream = sys.stderr if self.stderr else sys.stdout
            try:
                if stream is None or not stream.isatty():
                    return False
            except (AttributeError, ValueError):  # no isatty, or a closed stream: rich says no too
                return False
        return self.console.is_terminal

    def say(self, text: str, style: str = "", soft_wrap: bool = False) -> None:
        """Print one message as it is (no markup), in ``style``: a red error, a green "written", …"""
        from rich.text import Text

        self.console.print(Text(text, style=style), soft_wrap=soft_wrap)


def show(screen: LazyConsole, document: object) -> None:
    """Print a rich renderable to stdout through ``emit``: rendered as ``screen``'s console would, into memory."""
    from rich.console import Console

    class Rendered(io.StringIO):
        encoding = getattr(sys.stdout, "encoding", None) or "utf-8"  # rich draws ASCII boxes for ASCII

    console, page = screen.console, Rendered()
    twin = Console(
        file=page, width=console.width, color_system=cast(Any, console.color_system), force_terminal=console.is_terminal,
        no_color=console.no_color, soft_wrap=console.soft_wrap, highlight=False, markup=False, emoji=False,
    )  # fmt: skip
    twin.print(document, crop=False)  # a web address on its own line is never cut (render/terminal.url_line)
    text = page.getvalue()
    if not console.is_terminal:  # to a file or a pipe: no padding at the ends of table lines
        text = "\n".join(line.rstrip(" ") for line in text.split("\n"))
    emit(text)


class Stopped(KeyboardInterrupt):
    """SIGTERM (``kill``) or SIGHUP (the terminal was closed): the run stops as on Ctrl-C."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, frame: FrameType | None) -> None:
    raise Stopped(signum)


@contextmanager
def stops_cleanly() -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP raise ``Stopped`` (a KeyboardInterrupt), so every clean-up
    that Ctrl-C runs runs for them too; the previous handlers are restored afterwards."""
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGHUP):
            previous[signum] = signal.signal(signum, _stop)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def interrupted(err: LazyConsole, lang: str = "en") -> None:
    """Say on stderr that the run stopped cleanly; after SIGHUP the terminal may be gone (EIO): then nothing."""
    from analyzer.i18n import t

    with contextlib.suppress(OSError):
        err.say(t(lang, "err.interrupted"), style="red")


def exit_code(interrupt: KeyboardInterrupt) -> int:
    """128 + the signal's number, as a shell reports it: 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP."""
    return 128 + (interrupt.signum if isinstance(interrupt, Stopped) else signal.SIGINT)


def leave(code: object) -> NoReturn:
    """End the process with ``code`` as ``sys.exit(code)`` would, without Python's clean-up after it.

    That clean-up tears down every module and collects every object one last time: a sixth of a typical
    ``scan --json``, for nothing, since the command has finished: every file it wrote is closed (written
    atomically, ``output.py``) and its forked processes have been waited for (``parallel.py``; they die
    with this one anyway). What Python does at exit that matters is done here: stdout and stderr are
    flushed (a stdout that cannot be flushed turns a 0 into 120, as Python's own exit does), and a code
    that is not a number is written to stderr, exit status 1."""
    if code is None or isinstance(code, int):
        status = code or 0
    else:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(f"{code}\n")
        status = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            if stream is sys.stdout and status == 0:
                status = 120
    os._exit(status)
