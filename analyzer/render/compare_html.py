"""Comparison → one self-contained HTML file, made like the scan's report (``html.py``): the same Jinja2
environment (autoescape on, every value cleaned), the same style sheet and Content-Security-Policy, no
script, nothing loaded from anywhere. Computes nothing: every figure is a field of the Comparison."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from markupsafe import Markup

from analyzer.comparison import Comparison, DatasetChange
from analyzer.i18n import Say, day, num, t
from analyzer.model import STATUS_RANK
from analyzer.render.compare_sentences import changed, format_lines, headline, side_line
from analyzer.render.html import environment, style_sheet


def _by_status(files: list[DatasetChange]) -> list[tuple[str, list[DatasetChange]]]:
    """The changed files under a heading per status (used → unclear → excluded), in the mapping's order within one."""
    groups: dict[str, list[DatasetChange]] = {}
    for d in sorted(files, key=lambda d: STATUS_RANK[d.status]):
        groups.setdefault(d.status, []).append(d)
    return list(groups.items())


def render(c: Comparison, lang: str) -> str:
    """The comparison as an HTML page, in ``lang``."""
    css, css_hash = style_sheet()
    made = datetime.fromisoformat(c.generated_at).date()
    notes = [t(lang, "cmp.how", version=c.mapping.version)]
    if c.old.problems or c.new.problems:
        notes.append(t(lang, "cmp.problems", old=num(c.old.problems, lang), new=num(c.new.problems, lang)))
    context = {
        "lang": lang,
        "css": Markup(css),
        "csp": f"default-src 'none'; style-src {css_hash}; img-src 'none'; base-uri 'none'; form-action 'none'",
        "c": c,
        "sides": [
            (t(lang, "cmp.old", source=side_line(c.old, lang)), t(lang, "cmp.html.old"), c.old),
            (t(lang, "cmp.new", source=side_line(c.new, lang)), t(lang, "cmp.html.new"), c.new),
        ],
        "made": t(lang, "html.made", date=day(made, lang), version=c.tool_version),
        "headline": headline(c, lang),
        "opt_out": c.opted_out_on is not None,
        "files": _by_status(changed(c)),
        "drift": format_lines(c, lang),
        "notes": notes,
        "disclaimer": Say(lang, c.mapping.platform)(
            "disclaimer", version=c.mapping.version, reviewed=day(c.mapping.reviewed, lang)
        ),
    }
    helpers: dict[str, Any] = {
        "t": lambda key, **values: t(lang, key, **values),
        "num": lambda n: num(n, lang),
        "day": lambda d: day(d, lang),
        "status": lambda st: t(lang, f"status.{st}"),
    }
    return environment().get_template("compare.html.j2").render(**context, **helpers)
