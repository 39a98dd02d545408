"""Writing a document: the target is checked before any work, and a failed write leaves nothing behind."""

from __future__ import annotations

import errno

import pytest

from analyzer import output
from tests.conftest import SAMPLES_DIR
from tests.helpers import cli, write

MODERN = SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip"


@pytest.mark.parametrize(
    "target, message",
    [
        (lambda d: d / "missing" / "out.xlsx", "folder does not exist"),
        (lambda d: d, "is a folder"),
        (lambda d: write(d, "out.xlsx", b"keep"), "already exists; add --force"),
    ],
    ids=["folder-missing", "target-is-folder", "exists-without-force"],
)
def test_output_target_problems(tmp_path, target, message):
    result = cli("scan", MODERN, "--xlsx", target(tmp_path))
    assert result.exit_code == 1 and message in result.stderr
    assert result.stdout == ""  # checked before any work, so no half report either


def test_read_only_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(output, "_writable", lambda folder: False)
    result = cli("scan", MODERN, "--xlsx", tmp_path / "out.xlsx")
    assert result.exit_code == 1 and "folder is not writable" in result.stderr


@pytest.mark.parametrize("failure, code, message", [
    (OSError(errno.ENOSPC, "No space left on device"), 1, "the disk is full; nothing was written"),
    (KeyboardInterrupt(), 130, "Interrupted"),
])  # fmt: skip
def test_write_failures_leave_nothing_behind(tmp_path, monkeypatch, failure, code, message):
    (tmp_path / "exposure.xlsx").write_bytes(b"old")

    def broken(fd):  # the workbook is written, then the disk fills up (or Ctrl-C) before it is safely stored
        raise failure

    monkeypatch.setattr("analyzer.output.os.fsync", broken)
    result = cli("scan", MODERN, "--xlsx", tmp_path / "exposure.xlsx", "--force")
    assert result.exit_code == code and message in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exposure.xlsx"]
    assert (tmp_path / "exposure.xlsx").read_bytes() == b"old"
