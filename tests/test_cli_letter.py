"""The ``letter`` command: the grounds (``--reason``, ``--list-reasons``, ``--situation``), ``--opted-out-on``, the
gaps it names on stderr (exit 0), and its usage errors (exit 2)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from analyzer.cli import app
from analyzer.i18n import CATALOGUE
from analyzer.render.letter import REASONS
from tests.conftest import SAMPLES_DIR

runner = CliRunner()
MODERN = str(SAMPLES_DIR / "Complete_LinkedInDataExport_11-28-2026.zip")
ENV = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_GB.UTF-8"}


def run(*args: str):
    return runner.invoke(app, ["letter", *args], env=ENV)


def flat(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


@pytest.mark.parametrize("lang, title", [("en", "Grounds for --reason KEY"), ("de", "Gründe für --reason SCHLÜSSEL")])
def test_list_reasons_needs_no_export(lang, title):
    result = run("--list-reasons", "--lang", lang)
    assert result.exit_code == 0 and result.stdout.startswith(title)
    assert [line.split()[0] for line in result.stdout.splitlines()[1:]] == list(REASONS)
    assert {k for k in CATALOGUE if k.startswith("letter.reason.")} == {f"letter.reason.{r}" for r in REASONS}


def test_without_grounds_the_letter_is_written_and_stderr_names_the_gaps():
    result = run(MODERN)
    assert result.exit_code == 0, result.output
    assert "[GROUNDS MISSING: Art. 21(1) GDPR requires grounds" in result.stdout
    assert result.stderr.startswith("The letter has 1 gap to fill in or delete before you send it:")
    assert "\n  [GROUNDS MISSING: Art. 21(1) GDPR" in result.stderr


def test_with_grounds_and_an_opt_out_date():
    result = run(MODERN, "--reason", "clients", "--reason", "old_posts", "--situation", "I am a judge.",
                 "--opted-out-on", "2025-10-20")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (
        "My particular situation:\n  • My profile and posts" in result.stdout and "  • I am a judge.\n" in result.stdout
    )
    assert "I switched the setting off on 20 October 2025." in result.stdout
    assert "GROUNDS" not in result.stderr


def test_the_letter_to_a_file_names_the_gaps_too(tmp_path):
    target = tmp_path / "widerspruch.md"
    result = run(MODERN, "--out", str(target), "--lang", "de", "--format", "md", "--region", "ca")
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "## 1. Widerruf der Einwilligung" in text and "DSGVO" not in text
    assert (
        "geschrieben" in result.stderr
        and "[PRÜFEN: Rechtsgrundlage von diesem Programm nicht überprüft]" in result.stderr
    )


@pytest.mark.parametrize(
    "args, message",
    [([], "give the export"), ([MODERN, "--reason", "bored"], "'bored' is not one of"),
     ([MODERN, "--opted-out-on", "20/10/2025"], "give the date as YYYY-MM-DD or D.M.YYYY"),
     ([MODERN, "--format", "pdf"], "'pdf' is not one of")],
)  # fmt: skip
def test_usage_errors(args, message):
    result = run(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert message in flat(result.stderr)
