"""The project's own member reader gives what zipfile gives, with zlib and with ISA-L, and fails where it fails."""

from __future__ import annotations

import io
import zipfile
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer import inflate
from analyzer.archive import open_archive
from analyzer.limits import Guarded
from tests.conftest import SAMPLES

isal_zlib = pytest.importorskip("isal.isal_zlib")  # the optional extra (in the test extras)
ENGINES = pytest.mark.parametrize("engine", [zlib, isal_zlib], ids=["zlib", "isal"])
DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError)


def _zip(members: list[tuple[str, bytes, int]], level: int | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data, method in members:
            zf.writestr(name, data, compress_type=method, compresslevel=level)
    return buffer.getvalue()


def _read_all(path: str, engine, size: int = 1 << 20) -> dict[str, bytes]:
    """Every member as the own reader gives it, read ``size`` bytes at a time."""
    got = {}
    with open(path, "rb") as handle, zipfile.ZipFile(handle) as zf:
        for info in zf.infolist():
            start = inflate.data_start(handle.fileno(), info)
            assert start is not None
            reader = io.BufferedReader(inflate.MemberReader(handle.fileno(), start, info, engine), 4096)
            got[info.filename] = b"".join(iter(lambda r=reader: r.read(size), b""))
    return got


def _zipfile_reads(path: str) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


@ENGINES
def test_every_member_of_every_sample_is_what_zipfile_reads(engine):
    for sample in SAMPLES:
        assert _read_all(str(sample), engine, size=65_537) == _zipfile_reads(str(sample)), sample.name


@settings(max_examples=25, deadline=None)
@given(
    data=st.one_of(st.binary(max_size=3000), st.text(alphabet='ab,\n"', max_size=20_000).map(str.encode)),
    method=st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]),
    level=st.sampled_from([1, 6, 9]),
    size=st.integers(1, 5000),
)
def test_any_member_reads_alike_with_both_engines_in_any_read_size(tmp_path_factory, data, method, level, size):
    path = tmp_path_factory.mktemp("z") / "a.zip"
    path.write_bytes(_zip([("a.csv", data, method), ("b.csv", data[::-1], method)], level))
    expected = _zipfile_reads(str(path))
    assert _read_all(str(path), zlib, size) == expected == _read_all(str(path), isal_zlib, size)


def _damaged(tmp_path, how: str) -> tuple[str, zipfile.ZipInfo]:
    data = ("Name,Notes\n" + "".join(f"person {i},note {i * 7919}\n" for i in range(3000))).encode()
    raw = bytearray(_zip([("Skills.csv", data, zipfile.ZIP_DEFLATED)]))
    with zipfile.ZipFile(io.BytesIO(bytes(raw))) as zf:
        info = zf.infolist()[0]
    start = info.header_offset + 30 + len(info.filename)
    if how == "flipped":
        raw[start + info.compress_size // 2] ^= 0x55
    path = tmp_path / f"{how}.zip"
    path.write_bytes(bytes(raw))
    with zipfile.ZipFile(path) as zf:
        info = zf.infolist()[0]
    if how == "short":  # the directory claims fewer compressed bytes than the stream needs
        info.compress_size //= 2
    if how == "longer":  # the directory claims more than the stream gives
        info.file_size += 10
    if how == "crc":
        info.CRC ^= 1
    return str(path), info


@ENGINES
@pytest.mark.parametrize("how", ["flipped", "short", "crc"])
def test_damage_is_an_error_zipfile_would_raise_too(tmp_path, engine, how):
    path, info = _damaged(tmp_path, how)
    with open(path, "rb") as handle, zipfile.ZipFile(handle) as zf:
        with pytest.raises(DAMAGE):
            zf.open(info).read()
        reader = inflate.MemberReader(handle.fileno(), inflate.data_start(handle.fileno(), info), info, engine)
        with pytest.raises(DAMAGE):
            io.BufferedReader(reader).read()


@ENGINES
def test_a_member_shorter_than_declared_ends_where_zipfile_ends_it(tmp_path, engine):
    path, info = _damaged(tmp_path, "longer")
    with open(path, "rb") as handle, zipfile.ZipFile(handle) as zf:
        expected = zf.open(info).read()
        reader = inflate.MemberReader(handle.fileno(), inflate.data_start(handle.fileno(), info), info, engine)
        assert io.BufferedReader(reader).read() == expected
        assert len(expected) == info.file_size - 10


def test_a_member_larger_than_declared_stops_at_the_declared_size(tmp_path):
    path, info = _damaged(tmp_path, "crc")
    info.CRC ^= 1  # the true CRC again
    data = _zipfile_reads(path)["Skills.csv"]
    info.file_size = 100
    info.CRC = zlib.crc32(data[:100])
    with open(path, "rb") as handle:
        reader = inflate.MemberReader(handle.fileno(), inflate.data_start(handle.fileno(), info), info, isal_zlib)
        assert io.BufferedReader(reader).read() == data[:100]


def test_the_archive_reads_members_with_its_own_reader_and_an_inner_zip_with_zipfile(tmp_path):
    inner = _zip([("Profile.csv", b"First Name\nAda\n", zipfile.ZIP_DEFLATED)])
    outer = tmp_path / "Complete_LinkedInDataExport_11-28-2026.zip"
    outer.write_bytes(_zip([("Profile.csv", b"First Name\nAda\n", zipfile.ZIP_DEFLATED)]))
    nested = tmp_path / "nested.zip"
    nested.write_bytes(_zip([("Complete_LinkedInDataExport_11-28-2026.zip", inner, zipfile.ZIP_STORED)]))
    for path, own in ((outer, True), (nested, False)):
        with open_archive(path) as archive:
            stream = archive.members[0].open()
            guard = stream.raw
            assert isinstance(guard, Guarded)
            assert isinstance(guard._raw, inflate.MemberReader) is own, path.name
            assert stream.read() == b"First Name\nAda\n"


def test_isal_inflates_the_large_members_where_it_is_installed():
    assert inflate.engine_for(inflate.FAST_FROM) is isal_zlib
    assert inflate.engine_for(inflate.FAST_FROM - 1) is zlib  # a typical export's files: no import for them
