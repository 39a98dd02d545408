"""Make text from an archive safe to show: no terminal escapes, no bidi tricks, nothing a renderer interprets."""

from __future__ import annotations

import re

# C0 and C1 controls (ESC included), zero-width and bidirectional-override characters, BOM.
# Lone surrogates too: a file name that is not UTF-8 holds them, and no terminal can be sent one.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]"
)
#: What ``clean_line`` escapes, but for tabs and line breaks: a mapping file may hold none of it.
UNSAFE_IN_LINE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_UNSAFE_LINE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]"
)


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    if match.group() in _NAMED:
        return _NAMED[match.group()]
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def clean(text: str) -> str:
    """Text with line breaks and tabs kept and every other control or bidi character shown escaped."""
    return _UNSAFE.sub(_escape, text)


def clean_line(text: str) -> str:
    """A name or path on one line: line breaks and tabs are shown escaped too."""
    return _UNSAFE_LINE.sub(_escape, text)


# What json.dumps(ensure_ascii=False) leaves as it is but a terminal would act on (it escapes C0 itself).
_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufffe\uffff\ud800-\udfff]"
)


def json_safe(document: str) -> str:
    """A JSON document with each such character written as a ``\\u`` escape: the same data, nothing for a
    terminal to act on, and always encodable as UTF-8 (a lone surrogate from a file name included)."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", document)
