"""A GDPR objection letter filled from the member's own export: a pure text builder over the Report.

The wording is the platform's (``letter.*`` in the catalogue, ``platforms/linkedin/wording.py``); who the
letter goes to and under which law is the Report's ``controller``.
"""

from __future__ import annotations

import re
from datetime import date

from analyzer.i18n import Say, long_day, num, plural
from analyzer.model import Report


class _Letter:
    """``s["key"]`` is the letter's text for key; ``s("key", **values)`` fills it."""

    def __init__(self, say: Say):
        self._say = say

    def __getitem__(self, key: str) -> str:
        return self._say(f"letter.{key}")

    def __call__(self, key: str, **values: object) -> str:
        return self._say(f"letter.{key}", **values)


def _found_items(report: Report, lang: str) -> list[str]:
    items = []
    for d in report.most_exposed:
        what = plural(d.unit.get(lang), d.records) if d.unit else f"× {d.name}"
        years = ""
        if d.first_date and d.last_date:
            years = (
                f" ({d.first_date.year})"
                if d.first_date.year == d.last_date.year
                else f" ({d.first_date.year}–{d.last_date.year})"
            )
        items.append(f"{num(d.records, lang)} {what}{years}")
    return items


_UK_GDPR = re.compile(r"\b(?:GDPR|DSGVO)\b")


def render(report: Report, lang: str, today: date, fmt: str = "txt") -> str:
    """The objection letter as plain text or Markdown, from the Report alone; unknown fields stay visible
    placeholders."""
    s = _Letter(Say(lang, report.mapping.platform))
    member, to = report.member, report.controller
    gdpr = to.gdpr
    name = member.name or s["name"]
    email = member.email or s["email"]
    url = member.profile_url or s["url"]
    who = ", ".join([name, email] + ([member.profile_url] if member.profile_url else []))
    controller = list(to.address)
    if not to.known:
        controller.append(s["region_unknown"])
    found_date = report.source.export_date
    found = s("found", date=long_day(found_date, lang)) if found_date else s["found.nodate"]
    items = _found_items(report, lang) or [s["none"]]
    bullet = "- " if fmt == "md" else "  • "
    heading = (lambda text: f"**{text}**") if fmt == "md" else (lambda text: text)
    subject = s["subject"] if gdpr else s["subject.other"]
    form_url = next(a.url for a in report.actions if a.key == "object")
    setting_url = next(a.url for a in report.actions if a.key == "opt_out")
    lines = [
        f"{s['from']} {name}",
        f"      {email}" if fmt == "txt" else f"{email}",
        f"      {url}" if fmt == "txt" else f"{url}",
        "",
        s["to"],
        *controller,
        "",
        s("date", date=long_day(today, lang)),
        "",
        f"{s['re']} {heading(subject)}",
        "",
        s["greeting"],
        "",
        s("intro" if gdpr else "intro.other", who=who),
        "",
        heading(s["h1"]),
        s("objection", situation=s["situation"]) if gdpr else s["objection.other"],
        "",
        found,
        *[bullet + item for item in items],
        "",
    ]
    if gdpr:
        lines += [heading(s["h2"]), s["restriction"], ""]
    lines += [
        heading(s["h3"]),
        s["information" if gdpr else "information.other"],
        "",
        s["deadline" if gdpr else "deadline.other"],
        "",
        s["closing"],
        name,
        "",
        "---" if fmt == "md" else "-" * 72,
        s("form", url=form_url),
        s("setting", url=setting_url),
        s("controller_source", url=to.policy_url),
        s["generated"],
        *([s["cut_off"]] if report.source.cut_off else []),
    ]
    if to.uk:  # the same articles, in the UK's own copy of the regulation
        lines = [_UK_GDPR.sub(lambda m: "UK GDPR" if m.group() == "GDPR" else "UK-DSGVO", line) for line in lines]
    if fmt == "md":
        lines = [line + "  " if line and not line.startswith(("- ", "---", "**")) else line for line in lines]
    return "\n".join(lines).rstrip() + "\n"
