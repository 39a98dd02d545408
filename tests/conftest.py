"""Shared fixtures: no network anywhere, an export factory, the committed samples and their truth."""

from __future__ import annotations

import io
import json
import socket
import zipfile
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = ROOT / "sample_exports"
SAMPLES = sorted(SAMPLES_DIR.glob("*.zip"))
TRUTH = json.loads((SAMPLES_DIR / "truth.json").read_text(encoding="utf-8"))
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


class NetworkUsed(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a network connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise NetworkUsed(f"the tool tried to open a network connection: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture
def make_export(tmp_path: Path) -> Callable[..., Path]:
    """Write ``{member name: bytes}`` as a ZIP (default) or a folder and return its path."""
    counter = iter(range(1_000_000))

    def make(files: dict[str, bytes | str], name: str | None = None, folder: bool = False) -> Path:
        name = name or f"Complete_LinkedInDataExport_11-28-2026-{next(counter)}.zip"
        target = tmp_path / name
        if folder:
            for member, data in files.items():
                path = target / member
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data.encode() if isinstance(data, str) else data)
            return target
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
            for member, data in files.items():
                zf.writestr(member, data.encode() if isinstance(data, str) else data)
        return target

    return make


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in files.items():
            zf.writestr(member, data)
    return buf.getvalue()


PROFILE = (
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,"
    "Twitter Handles,Websites,Instant Messengers\n"
    "Lena,Hoffmann,,,Feb 17,Product Manager,Ich baue Produkte.,Software,10115,\"Berlin, Berlin, Germany\",,,\n"
)


def check_golden(name: str, text: str, update: bool) -> None:
    """Compare ``text`` with ``tests/golden/NAME``; a missing golden file fails (``--update-golden`` writes it)."""
    golden = GOLDEN / name
    if update:
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"{golden} is missing; run `make golden` and review it before committing"
    assert text == golden.read_text(encoding="utf-8")
