"""Report → one self-contained HTML file: inline CSS and SVG, no script, nothing loaded from anywhere.

The page is a Jinja2 template (``templates/report.html.j2``) with autoescape on, and every string passes
``safe.clean`` on its way out, so that text from the archive can neither become markup nor reorder itself
with bidi controls. Links are made only from ``https://`` addresses (the platform's pages and the
sources); the Content-Security-Policy allows the one inline style sheet, by its hash, and nothing else.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import date, datetime
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from analyzer.frozen import frozen
from analyzer.i18n import day, num, pct, t, tn
from analyzer.model import CategoryFigures, Report, YearCount
from analyzer.render.sentences import (
    action_body,
    action_title,
    dataset_name,
    headline,
    own_reasons,
    say,
    source_line,
    verdict_lines,
)
from analyzer.safe import clean
from analyzer.said import localized

#: The status colours every document uses (the workbook's charts too): the status is always written out
#: beside them, so colour is never the only signal.
COLOUR = {"used": "#c00000", "unclear": "#8a6700", "excluded": "#3f6b27", "unmapped": "#767676"}


def _finalize(value: Any) -> Any:
    """Every ``{{ … }}`` output: controls and bidi overrides shown escaped; our own markup kept."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return clean(value)
    return value


@cache
def environment() -> Environment:
    """The documents' Jinja2 environment (autoescape on, every value cleaned), shared by ``compare_html``."""
    env = Environment(
        loader=PackageLoader("analyzer.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


def style_sheet() -> tuple[str, str]:
    """The style sheet and its CSP hash (``'sha256-…'``)."""
    env = environment()
    assert env.loader is not None
    css = env.loader.get_source(env, "report.css")[0]
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    return css, f"'sha256-{digest}'"


def link(url: str) -> str | None:
    """An address fit for ``href``: https only (a mapping could hold ``javascript:`` or a local path)."""
    return url if url.startswith("https://") else None


@frozen
class Bar:
    """One column of the timeline chart, in the SVG's units."""

    year: int
    records: int
    x: float
    width: float
    before_y: float
    before_h: float
    after_y: float
    after_h: float


@frozen
class Timeline:
    """The records-per-year chart: its bars and its size in pixels."""

    bars: tuple[Bar, ...]
    width: int
    height: int
    base: float  # the y of the axis
    top: float  # the y of the peak
    peak: int
    start_x: float | None  # the policy start, inside its year's slot


CHART_W, CHART_H, CHART_TOP, CHART_BOTTOM, CHART_LEFT = 640, 270, 44, 40, 44


def timeline(years: tuple[YearCount, ...], start: date | None) -> Timeline | None:
    """Geometry of the per-year columns: the records before the policy start at the bottom, since on top."""
    if not years:
        return None
    first = years[0].year
    known = {y.year: y for y in years}
    years = tuple(known.get(year, YearCount(year, 0)) for year in range(first, years[-1].year + 1))  # no gaps
    peak = max(y.records for y in years) or 1
    slot = (CHART_W - CHART_LEFT - 8) / len(years)
    base = CHART_H - CHART_BOTTOM
    scale = (base - CHART_TOP) / peak
    bars = []
    for i, y in enumerate(years):
        before, after = (y.before_start, y.after_start) if start else (y.records, 0)
        x = CHART_LEFT + i * slot + slot * 0.15
        before_h, after_h = before * scale, after * scale
        bars.append(
            Bar(y.year, y.records, x, slot * 0.7, base - before_h, before_h, base - before_h - after_h, after_h)
        )
    start_x = None
    if start is not None and years[0].year <= start.year <= years[-1].year:
        into = (start.timetuple().tm_yday - 1) / (366 if start.year % 4 == 0 else 365)
        start_x = CHART_LEFT + (start.year - first + into) * slot
    return Timeline(tuple(bars), CHART_W, CHART_H, base, CHART_TOP, peak, start_x)


def _share_parts(report: Report, lang: str) -> list[dict[str, Any]]:
    """The data-point shares by status, as widths of one stacked bar (in percent of its length)."""
    parts, x = [], 0.0
    for s in report.totals:
        width = 100 * s.share
        parts.append(
            {"status": s.status, "x": x, "width": width, "share": pct(s.data_points, report.data_points, lang)}
        )
        x += width
    return parts


def _category_bar(c: CategoryFigures, peak: int) -> float:
    return 100 * c.records / peak if peak else 0.0


def render(report: Report, lang: str) -> str:
    """The HTML report for ``report``, in ``lang``."""
    s = say(report, lang)
    css, css_hash = style_sheet()
    made = datetime.fromisoformat(report.generated_at).date()
    by_name = {d.name: d for d in report.datasets}
    peak = max((c.records for c in report.categories), default=0)
    v = report.verdict
    context = {
        "lang": lang,
        "css": Markup(css),
        "csp": f"default-src 'none'; style-src {css_hash}; img-src 'none'; base-uri 'none'; form-action 'none'",
        "title": s("title"),
        "source": source_line(report, lang),
        "made": s("html.made", date=day(made, lang), version=report.tool_version),
        "headline": headline(report, lang).split("\n"),
        "verdict": verdict_lines(report, lang, document=True),
        "report": report,
        "shares": _share_parts(report, lang),
        "share_text": s(
            "html.totals.chart",
            parts="; ".join(f"{t(lang, 'status.' + p['status'])} {p['share']}" for p in _share_parts(report, lang)),
        ),
        "categories": [(c, _category_bar(c, peak), [by_name[n] for n in c.datasets]) for c in report.categories],
        "timeline": timeline(report.used_per_year, v.policy_start),
        "unclear": [c for c in report.categories if c.status == "unclear"],
        "issues": _issues(report, lang),
        "disclaimer": s("disclaimer", version=report.mapping.version, reviewed=day(report.mapping.reviewed, lang)),
        "colour": COLOUR,
    }
    helpers = {
        "_": s,
        "t": lambda key, **values: t(lang, key, **values),
        "num": lambda n: num(n, lang),
        "pct": lambda part, whole: pct(part, whole, lang),
        "day": lambda d: day(d, lang),
        "status": lambda st: t(lang, f"status.{st}"),
        "link": link,
        "action_title": lambda a: action_title(a, lang),
        "action_body": lambda a: action_body(a, lang),
        "own_reasons": lambda c: own_reasons(report, c),
        "dataset_name": lambda name: dataset_name(report, name, lang),
    }
    return environment().get_template("report.html.j2").render(**context, **helpers)


def _issues(report: Report, lang: str) -> list[str]:
    """The problems and notes, as the terminal lists them."""
    items: list[str] = []
    if report.unmapped:
        items.append(tn(lang, "issues.unmapped", len(report.unmapped), records=num(report.unmapped_records, lang)))
    for d in report.datasets:
        if d.drift:
            new = ", ".join(c or t(lang, "column.unnamed") for c in d.drift.new_columns) or t(lang, "none")
            missing = ", ".join(c or t(lang, "column.unnamed") for c in d.drift.missing_columns) or t(lang, "none")
            items.append(t(lang, "issues.drift", name=d.name_in(lang), new=new, missing=missing))
        items.extend(localized(p, lang) for p in d.problems)
        if d.counted_once:
            items.append(t(lang, "issues.counted_once", name=d.name_in(lang), count=num(d.counted_once, lang),
                           total=num(d.records + d.counted_once, lang),
                           other=dataset_name(report, d.same_records_as, lang)))  # fmt: skip
    items.extend(localized(p, lang) for p in report.problems)
    items.extend(localized(n, lang) for n in report.notes)
    if report.ignored:
        items.append(tn(lang, "issues.ignored", len(report.ignored)))
    return items
