"""Make text from an archive safe to show: no terminal escapes, no bidi tricks, nothing a renderer interprets."""

from __future__ import annotations

import re

# C0 and C1 controls (ESC included), zero-width and bidirectional-override characters, BOM.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def clean(text: str) -> str:
    """Text with line breaks and tabs kept and every other control or bidi character shown escaped."""
    return _UNSAFE.sub(_escape, text)


def clean_line(text: str) -> str:
    """A name or path on one line: line breaks and tabs are shown escaped too."""
    return _UNSAFE_LINE.sub(_escape, text)
