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


@pytest.mark.parametrize("command", ["scan", "guide", "letter", "compare", "batch", "app", "mapping show"])
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
    for command in (
        ["scan"],
        ["guide"],
        ["letter"],
        ["compare"],
        ["batch"],
        ["app"],
        ["mapping", "check"],
        ["mapping", "show"],
        ["mapping", "path"],
    ):
        assert runner.invoke(app, [*command, "--help"]).exit_code == 0, command


def test_readme_starts_with_purpose_then_install_then_the_two_commands():
    intro, install, commands = README.split("\n## ")[:3]
    assert "offline" in intro.lower() or "without any network" in intro
    assert install.startswith("Install\n") and "pipx install" in install and "uninstall" in install
    assert commands.index("make demo") < commands.index("make test")


def test_exit_code_table_matches_the_code():
    table = README[README.index("### Exit codes") :].split("\n\n")[1]
    codes = {int(c) for c in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)}
    assert codes == {0, 1, 2, 130}


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README, re.DOTALL)


def test_the_python_examples_run_and_print_what_they_say(monkeypatch, capsys):
    """Each ``print(…)  # expected`` line of the README's Python examples prints what its comment says."""
    blocks = python_blocks()
    assert len(blocks) >= 2
    monkeypatch.chdir(ROOT / "sample_exports")
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
        printed = capsys.readouterr().out.splitlines()
        expected = [
            line.split("  # ", 1)[1] for line in block.splitlines() if line.startswith("print(") and "  # " in line
        ]
        if expected:
            assert printed[-len(expected) :] == expected


def pandas_gets_wrong(sample) -> set[str]:
    """The files of ``sample`` that pandas.read_csv (dtype=str) reads differently from ``frame()``, or not at all."""
    import warnings
    import zipfile

    import pandas as pd

    from analyzer.export import open_export

    wrong = set()
    with open_export(sample) as export, zipfile.ZipFile(sample) as zf, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        root = export._archive.source.root
        for entry in export.datasets:
            for path in entry.files:
                if not path.endswith(".csv"):
                    continue
                try:
                    theirs = pd.read_csv(zf.open(f"{root}/{path}" if root else path), dtype=str, keep_default_na=False)
                except Exception:
                    wrong.add(path)
                    continue
                if len(entry.files) > 1:
                    continue  # a numbered part alone is not the dataset
                mine = export.frame(entry.name)
                same = (
                    list(theirs.columns) == list(mine.columns)
                    and theirs.values.tolist() == mine.astype(object).values.tolist()
                )
                if not same:
                    wrong.add(path)
    return wrong


@pytest.mark.slow
def test_the_pandas_table_names_exactly_the_files_pandas_gets_wrong():
    from tests.conftest import SAMPLES

    section = README[README.index("## Use it from Python") : README.index("### Many exports")]
    rows = dict(re.findall(r"^\| (Basic 2025|Complete \d{4}) \| (.*) \|$", section, re.MULTILINE))
    for sample in SAMPLES:
        kind = "Basic" if sample.name.startswith("Basic") else "Complete"
        label = f"{kind} {sample.stem[-4:]}"
        listed = set(re.findall(r"`([^`]+\.csv)`", rows[label]))
        assert listed == pandas_gets_wrong(sample), label
