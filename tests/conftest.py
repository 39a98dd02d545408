"""Shared fixtures: no network anywhere, an export factory, a report factory, one file read by either
reader, the committed samples and their truth.

The tests mirror the package: ``tests/read/`` for ``analyzer/read/``, ``tests/render/`` for
``analyzer/render/``, ``tests/platforms/linkedin/`` for ``analyzer/platforms/linkedin/``, the rest at the top.
Building blocks that are not fixtures live in ``tests/factories.py`` (Reports) and ``tests/helpers.py``
(ZIP files, the command line).
"""

from __future__ import annotations

import functools
import io
import json
import socket
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from analyzer.archive import open_archive
from analyzer.mapping import load_mapping
from analyzer.model import Report
from analyzer.pipeline import ScanOptions, scan
from analyzer.platforms.linkedin.repairs import REPAIRS
from analyzer.read import Irregular, open_table
from analyzer.read.dialect import read_csv
from analyzer.read.html import read_article
from tests import factories

ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = ROOT / "sample_exports"
SAMPLES = sorted(SAMPLES_DIR.glob("*.zip"))
TRUTH = json.loads((SAMPLES_DIR / "truth.json").read_text(encoding="utf-8"))
GOLDEN = Path(__file__).resolve().parent / "golden"
#: The day golden files are made on: an export's age ("from 12 Sep 2022, 4 years ago") is counted to it.
TODAY = date(2026, 12, 1)


@functools.cache
def _sample_scan(path: Path, options: tuple[tuple[str, object], ...]) -> Report:
    return scan(path, load_mapping(), ScanOptions(**dict(options)))


def sample_scan(path: Path, **options: object) -> Report:
    """A committed sample's report with the shipped mapping, scanned once per test process for every test that
    reads it (a Report is frozen; the samples never change while the tests run). Tests of the scan itself call
    ``scan`` directly."""
    if path.parent != SAMPLES_DIR:
        raise ValueError(f"{path}: only the committed samples are scanned once for all tests")
    return _sample_scan(path, tuple(sorted(options.items())))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The files holding a test marked ``slow`` first, so that the two workers of ``make test`` (which take whole
    files) start on the long ones and finish together, instead of one waiting for the other's last long file."""
    slow = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow)


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
def make_report() -> Callable[..., Report]:
    """``make_report(**overrides)``: a Report built directly, consistent by default (``tests/factories.py``)."""
    return factories.make_report


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
    'Lena,Hoffmann,,,Feb 17,Product Manager,Ich baue Produkte.,Software,10115,"Berlin, Berlin, Germany",,,\n'
)


#: Four comments around the EU start (3 Nov 2025): one holds an e-mail address, one a date that cannot be read.
COMMENTS = (
    "Date,Link,Message\n"
    "2025-10-01 10:00:00,https://x/1,Hallo Welt\n"  # 2 words, before 3 Nov 2025
    "2025-11-05 10:00:00,https://x/2,Drei kleine Worte\n"  # 3 words, after
    '2026-02-01 10:00:00,https://x/3,"Mail an a.b@example.de, danke"\n'  # 4 words, after, 1 e-mail
    "not a date,https://x/4,eins\n"  # 1 word, unparseable date
)


def check_golden(name: str, text: str, update: bool) -> None:
    """Compare ``text`` with ``tests/golden/NAME``; a missing golden file fails (``--update-golden`` writes it)."""
    golden = GOLDEN / name
    if update:
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"{golden} is missing; run `make golden` and review it before committing"
    assert text == golden.read_text(encoding="utf-8")


@pytest.fixture(params=["dialect", "arrow"])
def read_file(request: pytest.FixtureRequest, make_export: Callable[..., Path]) -> Callable[[str, bytes | str], tuple]:
    """Read one file as the scan does: every fixture runs through the dialect reader and through the fast
    (pyarrow) reader, which must give the same records or hand the file back to the dialect reader."""

    def read(name: str, data: bytes | str):
        path = make_export({name: data})
        with open_archive(path) as archive:
            (member,) = archive.members
            if name.endswith(".html"):
                table = read_article(member)
                return table, list(table.rows)
            return records(member, fast=request.param == "arrow")

    return read


def records(member, fast: bool):
    """The table and every record of ``member``; the fast reader falls back as read.read_member does."""
    table = open_table(member, "csv", REPAIRS, fast=fast)
    if not table.fast:
        return table, list(table.rows)
    try:
        return table, [row for batch in table.columns for row in batch.rows()]
    except Irregular:
        table = read_csv(member, REPAIRS)
        return table, list(table.rows)
