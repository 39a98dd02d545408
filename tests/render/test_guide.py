"""The opt-out guide: golden files in both languages, with the two links it exists for."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from analyzer.mapping import load_mapping
from analyzer.platforms.linkedin import actions
from analyzer.render.guide import render_guide
from tests.conftest import check_golden

MAPPING = load_mapping()


@pytest.mark.parametrize("lang", ["en", "de"])
def test_guide_golden(lang, update_golden):
    buf = io.StringIO()
    Console(file=buf, width=80, no_color=True, color_system=None).print(
        render_guide(actions.guide(MAPPING), lang), crop=False
    )
    text = buf.getvalue()
    assert "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement" in text
    assert "https://www.linkedin.com/help/linkedin/ask/TS-DPRO" in text
    check_golden(f"guide.{lang}.txt", text, update_golden)
