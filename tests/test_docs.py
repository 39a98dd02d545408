"""Docs cannot go stale: every command and option the README shows exists, and the exit codes match."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from analyzer.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


def usage_block() -> str:
    section = README[README.index("## Command line") :]
    return section[section.index("```") + 3 : section.index("```", section.index("```") + 3)]


@pytest.mark.parametrize("command", ["scan", "guide", "letter", "mapping show"])
def test_every_documented_option_exists(command):
    lines = [
        line for line in usage_block().splitlines() if line.startswith(f"linkedin-ai-exposure {command.split()[0]}")
    ]
    if command == "mapping show":
        lines = [line.split("show", 1)[1].split("|")[0] for line in lines]
    help_text = runner.invoke(app, [*command.split(), "--help"], env={"COLUMNS": "200", "TERM": "dumb"}).stdout
    assert "Usage" in help_text
    documented = set(re.findall(r"--[a-z-]+", "\n".join(lines)))
    if command == "scan":  # the scan options are listed one per line below the command
        block = usage_block()
        scan_part = block[block.index("linkedin-ai-exposure scan") : block.index("linkedin-ai-exposure guide")]
        documented |= set(re.findall(r"^\s+(--[a-z-]+)", scan_part, re.MULTILINE))
    missing = sorted(o for o in documented if o not in help_text)
    assert missing == []


def test_every_documented_command_exists():
    for command in (["scan"], ["guide"], ["letter"], ["mapping", "check"], ["mapping", "show"], ["mapping", "path"]):
        assert runner.invoke(app, [*command, "--help"]).exit_code == 0, command


def test_readme_starts_with_purpose_then_the_two_commands():
    head = README[: README.index("## ")]
    assert head.index("make demo") < head.index("make test")
    assert "offline" in head.lower() or "without any network" in head


def test_exit_code_table_matches_the_code():
    table = README[README.index("### Exit codes") :].split("\n\n")[1]
    codes = {int(c) for c in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)}
    assert codes == {0, 1, 2, 130}
