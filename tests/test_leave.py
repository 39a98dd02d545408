"""The command ends with ``streams.leave``: at once, without Python's clean-up, and otherwise as ``sys.exit`` ends
a process: the same exit status, everything written to stdout and stderr flushed."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import SAMPLES

#: A few lines that end the way the case says, through ``sys.exit`` or through ``leave``.
SCRIPT = """
import sys
from analyzer.streams import leave
sys.stdout.write("out " * {words})
sys.stderr.write("err")
{end}({code})
"""
CODES = ["0", "3", "None", "'a message for stderr'"]


def _ended(end: str, code: str, stdout: int | None = subprocess.PIPE, words: int = 50_000) -> tuple[int, bytes, bytes]:
    script = SCRIPT.format(end=end, code=code, words=words)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # stdout buffered, as usual
    run = subprocess.run([sys.executable, "-c", script], stdout=stdout, env=env,
                         stderr=subprocess.PIPE, check=False)  # fmt: skip
    return run.returncode, run.stdout, run.stderr


@pytest.mark.parametrize("code", CODES)
def test_leave_ends_as_sys_exit_does(code):
    assert _ended("leave", code) == _ended("sys.exit", code)


def test_a_stdout_that_cannot_be_flushed_turns_0_into_120_as_python_does():
    read, write = os.pipe()
    os.close(read)  # nobody reads: the last flush fails (EPIPE; SIGPIPE is ignored in Python)
    try:
        # Fewer bytes than stdout's buffer holds: only the flush at the end writes them, and fails.
        left, by_exit = (_ended(end, "0", stdout=write, words=100)[0] for end in ("leave", "sys.exit"))
    finally:
        os.close(write)
    assert left == by_exit == 120


def test_the_command_s_report_and_status_are_whole(tmp_path):
    """Through ``python -m analyzer`` (as the installed command runs): the report complete on a pipe, a bad
    option's status 2 and an unreadable export's 1, each with its message."""
    env = {**os.environ, "COLUMNS": "100", "LANG": "en_US.UTF-8"}
    command = [sys.executable, "-m", "analyzer", "scan"]
    report = subprocess.run([*command, str(SAMPLES[-1]), "--json"], capture_output=True, env=env, check=False)
    assert report.returncode == 0 and report.stdout.endswith(b"}\n") and b'"schema_version"' in report.stdout
    usage = subprocess.run([*command, "--no-such-option"], capture_output=True, env=env, check=False)
    assert usage.returncode == 2 and b"--no-such-option" in usage.stderr
    missing = subprocess.run([*command, str(tmp_path / "none.zip")], capture_output=True, env=env, check=False)
    assert missing.returncode == 1 and b"none.zip" in missing.stderr
