"""Which text encoding a member is in; undecodable bytes replaced and counted, never fatal."""

from __future__ import annotations

import codecs

from analyzer.said import Said

# Undecodable bytes are replaced with U+FFFD and counted; tables are read one at a time.
replaced = [0]


def _count_and_replace(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    replaced[0] += exc.end - exc.start
    return "\ufffd", exc.end


codecs.register_error("analyzer-replace", _count_and_replace)


def sniff_encoding(head: bytes) -> tuple[str, str | None]:
    """The codec for a file starting with ``head``, and a problem to report when it is not UTF-8.

    Returns ``("binary", problem)`` for data that is not text at all.
    """
    if head.startswith(b"PK\x03\x04"):
        return (
            "binary",
            "is an Excel workbook (or another ZIP file), not LinkedIn's CSV: was it saved again by a spreadsheet program? Not read",
        )
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return (
            "binary",
            Said("problem.xls"),
        )
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00 starts both
        return "utf-32", None
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", None  # LinkedIn's legacy family: UTF-16 with BOM, tab-separated
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", None
    sample = head[:512]
    if len(sample) >= 8:  # UTF-32 without a BOM: three of every four bytes are 0
        zero = "".join("0" if sample[i::4].count(0) >= 0.9 * len(sample[i::4]) else "x" for i in range(4))
        codec = {"x000": "utf-32-le", "000x": "utf-32-be"}.get(zero)
        if codec:
            return codec, Said("problem.utf32_no_bom", codec=codec.upper())
    if len(sample) >= 4:
        odd, even = sample[1::2], sample[0::2]
        if odd.count(0) >= 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
            return "utf-16-le", Said("problem.utf16_no_bom", codec="UTF-16LE")
        if even.count(0) >= 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
            return "utf-16-be", Said("problem.utf16_no_bom", codec="UTF-16BE")
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13))
    if sample and controls > 0.1 * len(sample):
        return "binary", Said("problem.binary")
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=False)
        return "utf-8", None
    except UnicodeDecodeError:
        pass
    try:
        head.decode("cp1252")
        return "cp1252", Said("problem.cp1252")
    except UnicodeDecodeError:
        return "latin-1", Said("problem.latin1")
