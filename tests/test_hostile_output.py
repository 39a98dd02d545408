"""Hostile output targets and interrupted runs (issue 19, items 1-4 and 7): the output is never the input,
only a regular file is replaced, its permissions are kept, no temporary byte is written outside the
target's folder, and SIGTERM, SIGHUP and SIGKILL leave nothing behind. One fixture per failure, each
paired with its exit code and message."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

from analyzer import output
from analyzer.errors import OutputError
from tests.conftest import ROOT, SAMPLES_DIR
from tests.helpers import cli, digest

MODERN = SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip"
EXPORT = "Basic_LinkedInDataExport_10-06-2025.zip"


def _zip_input(d: Path) -> Path:
    return Path(shutil.copy(MODERN, d / EXPORT))


def _folder_input(d: Path) -> Path:
    with zipfile.ZipFile(MODERN) as zf:
        zf.extractall(d / "export")
    return d / "export"


# --- 1. the output can never be the input ----------------------------------------------------------


@pytest.mark.parametrize(
    "command, make_input, make_target, message",
    [
        ("scan", _zip_input, lambda i: i, "is the export being read"),
        ("letter", _zip_input, lambda i: i, "is the export being read"),
        ("scan", _zip_input, lambda i: Path(os.link(i, i.with_name("hard.zip")) or i.with_name("hard.zip")),
         "is the export being read"),
        ("letter", _zip_input, lambda i: Path(os.symlink(i, i.with_name("soft.zip")) or i.with_name("soft.zip")),
         "is the export being read"),
        ("scan", _folder_input, lambda i: i / "Profile.csv", "lies inside the export folder"),
        ("scan", _folder_input, lambda i: i / "report.xlsx", "lies inside the export folder"),
        ("letter", _folder_input, lambda i: i / "sub" / ".." / "letter.txt", "lies inside the export folder"),
    ],
    ids=["scan-xlsx-is-zip", "letter-out-is-zip", "hard-link-to-zip", "symlink-to-zip", "file-of-folder-input",
         "new-file-in-folder-input", "dotdot-into-folder-input"],
)  # fmt: skip
def test_output_is_never_the_input_whatever_force_says(tmp_path, command, make_input, make_target, message):
    source = make_input(tmp_path)
    target = make_target(source)
    before = digest(source)
    option = "--xlsx" if command == "scan" else "--out"
    result = cli(command, source, option, target, "--force")
    assert result.exit_code == 1
    assert message in result.stderr and "--force" not in result.stderr  # no advice to force it
    assert digest(source) == before
    assert result.stdout == ""  # refused before any work


def test_batch_output_is_never_one_of_its_exports(tmp_path):
    source = _folder_input(tmp_path)
    result = cli("batch", source, "--out", source / "results.csv", "--force")
    assert result.exit_code == 1 and "lies inside the export folder" in result.stderr
    assert not (source / "results.csv").exists()


# --- 2. only a regular file is ever replaced --------------------------------------------------------


def _fifo(d: Path) -> Path:
    os.mkfifo(d / "pipe.xlsx")
    return d / "pipe.xlsx"


def _socket(d: Path) -> Path:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(d / "sock.xlsx"))
    server.close()
    return d / "sock.xlsx"


@pytest.mark.parametrize("make", [_fifo, _socket], ids=["fifo", "socket"])
def test_a_target_that_is_not_a_regular_file_is_refused(tmp_path, make):
    target = make(tmp_path)
    result = cli("scan", MODERN, "--xlsx", target, "--force")
    assert result.exit_code == 1 and "is not a regular file" in result.stderr
    assert not stat.S_ISREG(target.lstat().st_mode)


def test_dev_null_is_never_replaced():
    with pytest.raises(OutputError, match="is not a regular file"):
        output.check_target(Path("/dev/null"), True, [])


def test_dev_stdout_to_a_pipe_is_never_replaced(tmp_path):
    command = [sys.executable, "-m", "analyzer", "scan", str(MODERN), "--xlsx", "/dev/stdout", "--force"]
    result = subprocess.run(
        command, capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    assert result.returncode == 1 and "is not a regular file" in result.stderr
    assert Path("/dev/null").is_char_device()


def test_a_symlink_target_replaces_the_file_it_points_to(tmp_path):
    real = tmp_path / "real.xlsx"
    real.write_bytes(b"old")
    (tmp_path / "link.xlsx").symlink_to(real)
    assert cli("scan", MODERN, "--xlsx", tmp_path / "link.xlsx", "--force").exit_code == 0
    assert (tmp_path / "link.xlsx").is_symlink() and zipfile.is_zipfile(real)


# --- 3. permissions -------------------------------------------------------------------------------


def test_force_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "exposure.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o600)
    assert cli("scan", MODERN, "--xlsx", target, "--force").exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and zipfile.is_zipfile(target)


def test_a_new_file_gets_the_users_umask(tmp_path):
    old = os.umask(0o027)
    try:
        assert cli("letter", MODERN, "--out", tmp_path / "letter.txt").exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "letter.txt").stat().st_mode) == 0o640


# --- 4. no temporary byte outside the target's folder; interrupted runs leave nothing -----------------


def test_no_temporary_file_outside_the_targets_folder(tmp_path, monkeypatch):
    """openpyxl writes each sheet to $TMPDIR by default; with $TMPDIR gone, any such file would fail."""
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "no-such-tmpdir"))
    out = tmp_path / "out" / "exposure.xlsx"
    out.parent.mkdir()
    result = cli("scan", MODERN, "--xlsx", out, "--include-content")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.parent.iterdir()) == ["exposure.xlsx"]
    assert not (tmp_path / "no-such-tmpdir").exists()


@pytest.mark.parametrize(
    "signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)], ids=["INT", "TERM", "HUP"]
)
def test_a_signal_while_writing_is_a_clean_stop(tmp_path, monkeypatch, signum, code):
    (tmp_path / "exposure.xlsx").write_bytes(b"old")
    # Ctrl-C as from a terminal: a run started in the background (bash's `&`) has SIGINT ignored, and Python keeps it.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        _signal_while_writing(tmp_path, monkeypatch, signum, code)
    finally:
        signal.signal(signal.SIGINT, previous)


def _signal_while_writing(tmp_path, monkeypatch, signum, code):

    def killed(fd):  # the workbook is written, then the signal arrives before it is safely stored
        os.kill(os.getpid(), signum)

    monkeypatch.setattr("analyzer.output.os.fsync", killed)
    result = cli("scan", MODERN, "--xlsx", tmp_path / "exposure.xlsx", "--force", "--include-content")
    assert result.exit_code == code and "Interrupted; no output file was left behind." in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exposure.xlsx"]
    assert (tmp_path / "exposure.xlsx").read_bytes() == b"old"
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the handler does not outlive the command


def _python(script: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script)],
        cwd=cwd, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip


def test_sigkill_while_writing_leaves_nothing(tmp_path):
    script = f"""
        import os, signal
        from pathlib import Path
        from analyzer.output import write_atomic
        def write(handle):
            handle.write(b"personal data" * 1000)
            handle.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        write_atomic(Path({str(tmp_path / "letter.txt")!r}), write, False, [])
    """
    process = _python(script, tmp_path)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert list(tmp_path.iterdir()) == []


# --- 7. the worker dies with its parent -----------------------------------------------------------------


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["TERM", "KILL"])
def test_the_worker_dies_with_its_parent(tmp_path, signum):
    """A two-process scan whose worker would block for ever: when the main process ends, so does the worker."""
    script = f"""
        import os, sys, time
        from analyzer import cli, parallel, pipeline
        parallel.wanted = lambda tasks, total, workers: True
        def remote(self, names, tasks, context):
            print(os.getpid(), flush=True)
            time.sleep(600)
        pipeline._Scan._remote = remote
        sys.argv = ["linkedin-ai-exposure", "scan", {str(MODERN)!r}]
        cli.app()
    """
    process = _python(script, tmp_path)
    assert process.stdout is not None
    worker = int(process.stdout.readline())
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=30)
    if signum == signal.SIGTERM:
        assert process.returncode == 143 and "Interrupted" in stderr
    for _ in range(100):
        if not _alive(worker):
            break
        time.sleep(0.05)
    else:
        os.kill(worker, signal.SIGKILL)
        pytest.fail("the worker outlived the main process")


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left for init to collect
