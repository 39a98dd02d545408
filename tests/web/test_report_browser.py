"""The HTML report in a real browser (Chromium, driven over its DevTools protocol) with the network off: nothing
loaded, no script, no console error, nothing sticking out sideways at phone and desktop widths, and A4 pages
when printed. Here rather than in ``make test``: starting Chromium is most of its time, and CI requires it."""

from __future__ import annotations

import re

import pytest

from analyzer.render import render
from tests.conftest import SAMPLES, sample_scan
from tests.render.browser import CHROMIUM, DESKTOP, PHONE, Browser
from tests.render.test_html import hostile_page
from tests.web.bundle import need

pytestmark = pytest.mark.slow


def test_in_a_real_browser_offline(tmp_path, make_export):
    """One browser for both languages and the hostile page: its start is most of the time this takes."""
    need("Chromium", CHROMIUM is not None)
    report = sample_scan(SAMPLES[-1])
    hostile = tmp_path / "hostile.html"
    hostile.write_text(hostile_page(make_export), encoding="utf-8")
    browser = Browser()
    try:
        loaded = browser.open(hostile, *DESKTOP)
        assert loaded.requests == [hostile.resolve().as_uri()] and loaded.console == []  # no script ran, nothing loaded
        assert browser.evaluate("document.querySelectorAll('script, img, [onerror]').length") == 0
        for lang in ("en", "de"):
            page = tmp_path / f"report.{lang}.html"
            page.write_text(render("html", report, lang), encoding="utf-8")
            for width, height in (PHONE, DESKTOP):
                loaded = browser.open(page, width, height)
                assert loaded.requests == [page.resolve().as_uri()]  # the page itself, nothing else
                assert loaded.console == []  # no error, no CSP violation
                assert browser.evaluate("document.documentElement.lang") == lang
                # Nothing sticks out sideways: wide tables scroll inside their own box.
                assert browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
                shot = browser.screenshot(width)
                assert shot.startswith(b"\x89PNG") and len(shot) > 50_000
            pdf = browser.pdf()
            boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
            assert pdf.startswith(b"%PDF") and 5 <= len(boxes) <= 20
            assert all(round(float(w) * 25.4 / 72) == 210 and round(float(h) * 25.4 / 72) == 297 for w, h in boxes)
    finally:
        browser.close()
