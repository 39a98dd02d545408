"""Building blocks that are not fixtures: ZIP files made byte by byte, and the command line run in English."""

from __future__ import annotations

import hashlib
import io
import signal
import struct
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from analyzer.cli import app

runner = CliRunner()
ENV = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_US.UTF-8"}
SKILLS = "Name\nSQL\nScrum\n"


def sigint_default() -> None:
    """For ``Popen(preexec_fn=...)``: the child gets Ctrl-C as from a terminal. A run started in the background
    (bash's ``&``, as some CI runners do) passes SIGINT on ignored, and Python keeps it ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def cli(*args: object):
    """Run the command line in English; no run may end in a traceback."""
    result = runner.invoke(app, [str(a) for a in args], env=ENV)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def zip_of(entries: list[tuple[str, bytes, int]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data, method in entries:
            zf.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), data, compress_type=method)
    return buf.getvalue()


def patch_headers(data: bytes, name: str, *, flags: int | None = None, method: int | None = None,
                  local_offset: int | None = None) -> bytes:  # fmt: skip
    """Change a member's flag bits or compression method in both its local and central header."""
    raw = bytearray(data)
    encoded = name.encode()
    pos = raw.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack_from("<H", raw, pos + 28)[0]
        if raw[pos + 46 : pos + 46 + name_len] == encoded:
            local = struct.unpack_from("<I", raw, pos + 42)[0]
            if flags is not None:
                struct.pack_into("<H", raw, pos + 8, flags)
                struct.pack_into("<H", raw, local + 6, flags)
            if method is not None:
                struct.pack_into("<H", raw, pos + 10, method)
                struct.pack_into("<H", raw, local + 8, method)
            if local_offset is not None:
                struct.pack_into("<I", raw, pos + 42, local_offset)
        pos = raw.find(b"PK\x01\x02", pos + 4)
    return bytes(raw)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / name
    path.write_bytes(data)
    return path


def digest(path: Path) -> str:
    """The SHA-256 of a file, or of every file (and its name) in a folder."""
    if path.is_file():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    return hashlib.sha256(
        b"".join(p.read_bytes() + str(p).encode() for p in sorted(path.rglob("*")) if p.is_file())
    ).hexdigest()
