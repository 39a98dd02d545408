"""Find e-mail addresses, phone numbers and IBANs inside text the member wrote."""

from __future__ import annotations

import re
from collections.abc import Iterator

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b")
# International (+49 30 1234567, 0049 …) or national with a leading 0 (030 1234567, 0151-23456789).
_PHONE = re.compile(r"(?<![\w+/.-])(?:(?:\+|00)[1-9]\d{0,2}|0)(?:[ ./-]{0,2}\d){6,13}(?![\w/.-]?\d)")
_AT = re.compile("@")
# A line worth a closer look holds a run of at least seven digits, separators allowed in between.
_DIGIT_RUN = re.compile(r"\d(?:[ ./()-]{0,3}\d){6}")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b")
#: The cells find_contacts can find anything in (an @, or a _DIGIT_RUN), as an RE2 pattern for pyarrow:
#: RE2's \d is ASCII only, Python's any decimal digit (Unicode Nd), hence \p{Nd}.
CANDIDATE_RE2 = r"@|\p{Nd}(?:[ ./()-]{0,3}\p{Nd}){6}"


def iban_valid(candidate: str) -> bool:
    """ISO 13616 check digits (mod 97), so that random capitals and digits are not counted."""
    s = candidate.replace(" ", "")
    if not 15 <= len(s) <= 34:
        return False
    rearranged = s[4:] + s[:4]
    digits = "".join(str(int(c, 36)) for c in rearranged)
    return int(digits) % 97 == 1


def find_contacts(text: str) -> Iterator[tuple[str, str]]:
    """Yield ("email" | "phone" | "iban", value) for every contact detail in ``text``.

    ``text`` may be many cells joined by line breaks: no pattern crosses a line, and each pattern only
    runs over the lines a cheap scan (in C) found candidates in.
    """
    if "@" in text:
        for line in _lines_around(text, _AT):
            for m in _EMAIL.finditer(line):
                yield "email", m.group(0)
    for line in _lines_around(text, _DIGIT_RUN):
        yield from _numbers(line)


def _lines_around(text: str, pattern: re.Pattern[str]) -> Iterator[str]:
    """Each line of ``text`` that holds a match of ``pattern``, once (linear: no pattern spans a line)."""
    end = -1
    for m in pattern.finditer(text):
        if m.start() <= end:
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        if end < 0:
            end = len(text)
        yield text[start:end]


def _numbers(line: str) -> Iterator[tuple[str, str]]:
    ibans = []
    for m in _IBAN.finditer(line):
        if iban_valid(m.group(0)):
            ibans.append(m.span())
            yield "iban", m.group(0)
    # Brackets around an area code, "(0)30" or "(415)", become spaces so that one pattern fits all.
    flat = line.replace("(", " ").replace(")", " ")
    for m in _PHONE.finditer(flat):
        if any(a <= m.start() < b for a, b in ibans):
            continue
        digits = sum(c.isdigit() for c in m.group(0))
        if 8 <= digits <= 15:
            yield "phone", line[m.start() : m.end()].strip()
