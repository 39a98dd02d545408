"""Start-up: what the typical scan imports, the plain coercion of command-line values that spares pydantic, and the
console made only when something is printed."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.text import Text
from typer.testing import CliRunner

from analyzer.cli import app, plain
from analyzer.streams import LazyConsole
from tests.conftest import ROOT, SAMPLES_DIR

TYPICAL = SAMPLES_DIR / "Complete_LinkedInDataExport_11-28-2026.zip"
HEAVY_LIBRARIES = ("pyarrow", "pandas", "numpy", "openpyxl", "jinja2", "pydantic", "isal")
#: Ours, for other commands and outputs only: the typical ``scan --json`` loads none of them.
NOT_FOR_A_JSON_SCAN = (
    "analyzer.render.terminal",
    "analyzer.render.workbook",
    "analyzer.render.html",
    "analyzer.render.guide",
    "analyzer.render.mapping_view",
    "analyzer.render.compare_terminal",
    "analyzer.compare",
    "analyzer.batch",
    "analyzer.webapp",
    "analyzer.export",
    "analyzer.salvage",  # a download that broke off
)

# The command line run as the installed command runs it, reporting the modules it imported.
# The command ends with os._exit (``streams.leave``): the modules are reported just before.
RUN_CLI = """
import os, runpy, sys
leave = os._exit
os._exit = lambda status: (sys.stderr.write("\\nMODULES " + " ".join(sorted(sys.modules)) + "\\n"), leave(status))
sys.argv = ["linkedin-ai-exposure", *sys.argv[1:]]
runpy.run_module("analyzer", run_name="__main__", alter_sys=True)
"""


def test_the_typical_scan_imports_none_of_the_heavy_libraries():
    """A fresh process, as a member runs it: the 2026 sample's report as JSON without pyarrow, pandas, numpy,
    openpyxl, jinja2, isal, (where typer would build pydantic adapters) pydantic, and without rich: nothing is
    printed through a console, and no module only another command or output needs is loaded."""
    overrides = ("FORCE_COLOR", "TTY_COMPATIBLE")  # would make rich take stderr for a terminal
    env = {**{k: v for k, v in os.environ.items() if k not in overrides}, "LANG": "en_US.UTF-8"}
    done = subprocess.run(
        [sys.executable, "-c", RUN_CLI, "scan", str(TYPICAL), "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["totals"]["used"]["records"] > 0
    modules = set(done.stderr.rsplit("MODULES ", 1)[1].split())
    imported = {name.split(".")[0] for name in modules}
    assert {"analyzer.cli.scan", "analyzer.pipeline", "analyzer.render.jsonout", "typer"} <= modules  # really a scan
    assert plain.ACTIVE or "pydantic" not in imported  # an older typer does without it anyway
    assert imported.isdisjoint(HEAVY_LIBRARIES), imported & set(HEAVY_LIBRARIES)
    assert "rich" not in imported
    assert not modules & set(NOT_FOR_A_JSON_SCAN), modules & set(NOT_FOR_A_JSON_SCAN)


def _parameters() -> list[tuple[str, object]]:
    """(command path, parameter) for every parameter of every command, the help options included."""
    found = []
    group = typer.main.get_command(app)
    root = group.make_context("linkedin-ai-exposure", ["mapping"], resilient_parsing=True)

    def walk(command, ctx, path):
        found.extend((f"{path} {p.name}", p) for p in command.get_params(ctx))
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, sub.make_context(name, [], parent=ctx, resilient_parsing=True), f"{path} {name}")

    walk(group, root, "")
    return found


PARAMETERS = _parameters()


_TYPERS: dict[int, object] = {}


def _typer_coerces(param, value):
    """What typer's own coercion (through pydantic) makes of ``value``, or the message of its error."""
    from typer import _coercion

    if id(param) not in _TYPERS:
        _TYPERS[id(param)] = _coercion.build_runtime_param(param.type_descriptor)
    try:
        return _TYPERS[id(param)]._coerce_value(value, param=param, ctx=None)
    except Exception as exc:  # typer's BadParameter (or pydantic's error) for a value it refuses
        return ("refused", type(exc).__name__, str(exc))


def _check(value: object) -> int:
    """``plain`` gives what typer gives, for ``value`` at every parameter; returns how many it decided."""
    decided = 0
    for where, param in PARAMETERS:
        descriptor = param.type_descriptor
        got = plain.plain(descriptor.annotation, descriptor.parameter_info, value)
        if got is not None:
            decided += 1
            expected = _typer_coerces(param, value)
            assert (got, type(got)) == (expected, type(expected)), (where, value)
    return decided


needs_typer_coercion = pytest.mark.skipif(not plain.ACTIVE, reason="this typer converts values without pydantic")


@needs_typer_coercion
def test_every_plain_parameter_kind_of_every_command_is_taken_without_pydantic():
    kinds = {(p.type_descriptor.annotation, type(p).__name__) for _, p in PARAMETERS}
    assert {(str, "TyperOption"), (int, "TyperOption"), (Path, "TyperArgument"), (Path, "TyperOption")} <= kinds
    for value in ("12", "0", "0012", "archive.zip", "Complete_LinkedInDataExport_11-28-2026.zip", "de", 64):
        assert _check(value) > 0, value


@needs_typer_coercion
def test_plain_values_at_paths_that_exist_are_what_typer_makes_of_them(tmp_path):
    readable = tmp_path / "export.zip"
    readable.write_bytes(b"PK")
    assert _check(str(readable)) > 0
    assert _check(str(tmp_path)) > 0
    if os.geteuid() != 0:  # root may read anything: typer's "is not readable" cannot happen
        closed = tmp_path / "closed.zip"
        closed.write_bytes(b"PK")
        closed.chmod(0)
        assert plain.plain(Path, PARAMETERS[0][1].type_descriptor.parameter_info, str(closed)) in (None, closed)
        _check(str(closed))


@needs_typer_coercion
@settings(max_examples=30, deadline=None)
@given(st.one_of(st.text(max_size=12), st.from_regex(r"[+-]?[0-9 _.]{0,20}", fullmatch=True), st.integers()))
def test_whatever_the_value_plain_agrees_with_typer_or_leaves_it_to_typer(value):
    _check(value)


@needs_typer_coercion
def test_a_value_plain_cannot_take_still_gets_typers_message():
    result = CliRunner().invoke(app, ["scan", str(TYPICAL), "--max-ratio", "ten"])
    assert result.exit_code == 2
    assert "valid integer" in result.output


class _Stream(io.StringIO):
    def __init__(self, tty: bool):
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize("tty", [False, True], ids=["pipe", "tty"])
@pytest.mark.parametrize("force_color", [None, "", "1"])
@pytest.mark.parametrize("tty_compatible", [None, "0", "1"])
def test_the_lazy_console_says_what_rich_says_about_the_terminal(monkeypatch, tty, force_color, tty_compatible):
    """``is_terminal`` as rich's console answers it, whatever the stream and the variables that override it; a
    pipe with no override is answered without making the console."""
    from rich.console import Console

    for name, value in (("FORCE_COLOR", force_color), ("TTY_COMPATIBLE", tty_compatible)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    for stderr in (False, True):
        monkeypatch.setattr(sys, "stderr" if stderr else "stdout", _Stream(tty))
        lazy = LazyConsole(stderr=stderr)
        assert lazy.is_terminal == Console(stderr=stderr).is_terminal
        if not tty and not force_color and tty_compatible != "1":
            assert "console" not in vars(lazy)  # answered without rich's console


def test_the_lazy_console_prints_as_rich_does(monkeypatch):
    from rich.console import Console

    monkeypatch.setattr(sys, "stderr", _Stream(False))
    LazyConsole(stderr=True, no_color=True, markup=False).say("[bold] written", style="green")
    said = sys.stderr.getvalue()
    monkeypatch.setattr(sys, "stderr", _Stream(False))
    Console(stderr=True, no_color=True, markup=False).print(Text("[bold] written", style="green"))
    assert said == sys.stderr.getvalue() == "[bold] written\n"


def test_the_commands_annotations_are_objects_not_strings():
    """typer reads each command's annotations on every run; written as strings (``from __future__ import
    annotations``) each would be compiled again then, which cost a third of the typical scan's command building."""
    from analyzer.cli.common import mapping_app

    callbacks = [c.callback for typer_app in (app, mapping_app) for c in typer_app.registered_commands]
    assert len(callbacks) >= 9
    for callback in callbacks:
        assert callback is not None
        strings = [name for name, a in callback.__annotations__.items() if isinstance(a, str)]
        assert not strings, (callback.__qualname__, strings)
