"""The HTML report: the same figures as the JSON, nothing loaded from anywhere, archive text inert, headings in
order. The page in a real browser with the network off is ``tests/web/test_report_browser.py`` (``make test-web``)."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from analyzer.i18n import CATALOGUE
from analyzer.mapping import load_mapping
from analyzer.model import Source, YearCount
from analyzer.pipeline import scan
from analyzer.render import render
from analyzer.render.html import timeline
from analyzer.render.jsonout import report_to_dict
from tests.conftest import PROFILE, SAMPLES, sample_scan
from tests.helpers import cli

MAPPING = load_mapping()
TEMPLATES = Path(__file__).resolve().parents[2] / "analyzer" / "render" / "templates"


class Page(HTMLParser):
    """The parts of a page the tests look at: tags with their attributes, text per row, headings, style."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.rows: dict[tuple[str, str], list[str]] = {}  # (data- attribute, value) → the row's cell texts
        self.headings: list[int] = []
        self.style = ""
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._in_style = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append((tag, found))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "tr":
            self._row = []
            for name in ("data-status", "data-dataset", "data-category", "data-year"):
                if found.get(name) is not None:
                    self.rows.setdefault((name, str(found[name])), self._row)
        if tag in ("td", "th") and self._row is not None:
            self._cell = []
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        if tag == "tr":
            self._row = None
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._in_style:
            self.style += data


def number(text: str) -> int:
    return int(text.replace(",", "").replace(".", ""))


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_html_shows_the_figures_of_the_json(sample, lang):
    report = sample_scan(sample)
    data = report_to_dict(report)
    text = render("html", report, lang)
    page = Page(text)
    assert page.tags[0] == ("html", {"lang": lang})
    for status, totals in data["totals"].items():
        row = page.rows["data-status", status]
        assert [number(v) for v in (row[1], row[2], row[3], row[5])] == [
            totals["datasets"], totals["records"], totals["data_points"], totals["words"]]  # fmt: skip
    total = page.rows["data-status", "total"]
    head = data["headline"]
    assert (number(total[2]), number(total[3]), number(total[5])) == (
        head["records"],
        head["data_points"],
        head["own_words"],
    )
    for c in data["categories"]:
        row = page.rows["data-category", f"{c['key']}:{c['status']}"]
        assert (number(row[2]), number(row[4]), number(row[5])) == (c["records"], c["data_points"], c["words"])
    for d in data["datasets"]:
        row = page.rows["data-dataset", d["name"]]
        assert [number(v) for v in row[2:6]] == [d["records"], len(d["columns"]), d["data_points"], d["words"]]
    for y in report.used_per_year:
        assert number(page.rows["data-year", str(y.year)][1]) == y.records
    assert data["source"]["sha256"] in text and data["mapping"]["version"] in text
    for u in data["unmapped"]:
        assert ("data-unmapped", u) in [(k, v) for _, a in page.tags for k, v in a.items()]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_nothing_is_loaded_from_anywhere(lang):
    report = sample_scan(SAMPLES[-1])
    page = Page(render("html", report, lang))
    allowed = {a.url for a in report.actions} | {s.url for s in report.sources}
    hrefs = [a["href"] for _, a in page.tags if "href" in a]
    assert hrefs and all(h == f"#{h[1:]}" or h in allowed for h in hrefs), hrefs
    assert {a.url for a in report.actions} <= set(hrefs) and {s.url for s in report.sources} <= set(hrefs)
    assert not [(t, a) for t, a in page.tags if "src" in a or t in ("script", "link", "img", "iframe", "object")]
    (csp,) = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    digest = base64.b64encode(hashlib.sha256(page.style.encode()).digest()).decode()
    assert csp.startswith("default-src 'none';") and f"style-src 'sha256-{digest}';" in csp


@pytest.mark.parametrize("lang", ["en", "de"])
def test_headings_in_order_tables_with_headers_charts_with_text(lang):
    page = Page(render("html", sample_scan(SAMPLES[-1]), lang))
    assert page.headings[0] == 1 and page.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(page.headings, page.headings[1:], strict=False)), page.headings
    tags = [t for t, _ in page.tags]
    assert tags.count("table") == tags.count("thead") and tags.count("th") > 50
    charts = [a for t, a in page.tags if t == "svg" and a.get("role") == "img"]
    assert len(charts) == 2 and all(a.get("aria-labelledby") for a in charts)


HOSTILE_NAMES = [
    "<script>alert(1)</script>.csv",
    '"><img src=x onerror=alert(2)>.csv',
    "javascript:alert(3).csv",
    "evil\u202ecod.exe\u202c.csv",
    "ctrl\x1b[31m.csv",
]


def hostile_page(make_export) -> str:
    files: dict[str, bytes | str] = {"Profile.csv": PROFILE, "Skills.csv": "Name\nSQL\n"}
    files |= dict.fromkeys(HOSTILE_NAMES, "a\n1\n")
    report = scan(make_export(files), MAPPING)
    evil = Source("evil", "<b>Evil</b>", "x", "javascript:alert(4)", date(2026, 1, 1))
    return render("html", replace(report, sources=(*report.sources, evil)), "en")


def test_hostile_archive_text_renders_inert(make_export):
    text = hostile_page(make_export)
    page = Page(text)
    assert {t for t, _ in page.tags} <= {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2",
        "h3", "p", "br", "nav", "ol", "ul", "li", "a", "main", "section", "div", "svg", "rect", "text",
        "line", "defs", "pattern", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "span", "abbr",
        "figure", "figcaption", "dl", "dt", "dd", "code"}  # fmt: skip
    assert not [a for _, a in page.tags if any(k.startswith("on") for k in a)]
    assert not [a["href"] for _, a in page.tags if "href" in a and not a["href"].startswith(("#", "https://"))]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.csv" in text and "&lt;b&gt;Evil&lt;/b&gt;" in text
    assert "\u202e" not in text and "evil\\u202ecod.exe\\u202c.csv" in text
    assert "\x1b" not in text and "ctrl\\x1b[31m.csv" in text


def test_every_key_the_template_asks_for_exists():
    template = (TEMPLATES / "report.html.j2").read_text(encoding="utf-8")
    keys = re.findall(r"""\b(?:_|t)\(['"]([a-z_.0-9]+)['"][,)]""", template)
    assert len(keys) > 30
    assert [k for k in keys if k not in CATALOGUE] == []


def test_timeline_has_every_year_and_marks_the_start_inside_its_year():
    years = (YearCount(2010, 1, 1, 0), YearCount(2025, 30, 25, 5), YearCount(2026, 36, 0, 36))
    chart = timeline(years, date(2025, 11, 3))
    assert chart is not None
    assert [b.year for b in chart.bars] == list(range(2010, 2027)) and chart.peak == 36
    slot = chart.bars[1].x - chart.bars[0].x
    in_2025 = chart.bars[15].x - slot * 0.15
    assert in_2025 + slot * 0.8 < chart.start_x < in_2025 + slot * 0.9  # 3 Nov: 84 % into the year
    assert chart.bars[-1].after_h == pytest.approx(chart.base - chart.top) and chart.bars[-1].before_h == 0
    assert timeline((), None) is None


def test_cli_writes_the_html_and_refuses_another_extension(tmp_path):
    target = tmp_path / "report.html"
    result = cli("scan", SAMPLES[0], "--html", target)
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") and "Wrote" in result.stderr
    wrong = cli("scan", SAMPLES[0], "--html", tmp_path / "report.pdf")
    assert wrong.exit_code == 2 and "--html" in wrong.stderr and "must end in .html" in wrong.stderr
    assert not (tmp_path / "report.pdf").exists()


@pytest.mark.parametrize("lang, words", [("en", "known through quotes"), ("de", "durch Zitate bekannt")])
def test_a_source_nobody_could_open_says_how_it_is_known(lang, words):
    page = render("html", sample_scan(SAMPLES[-1]), lang)
    faq = page[page.index("answer/a5538339") :]
    assert words in faq[: faq.index("</li>")]
