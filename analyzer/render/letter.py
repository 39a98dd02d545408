"""The objection letter, filled from the member's own export: a pure text builder over the Report.

The wording is the platform's (``letter.*`` in the catalogue, ``platforms/linkedin/letter_text.py``); who the
letter goes to, under which law and where to send it is the Report's ``controller``. The sections are numbered
as they come, so a letter without the GDPR's restriction still counts 1, 2, 3. Whatever the member must still
fill in or check stays in the text as a gap in square brackets (``gaps`` finds them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from enum import StrEnum

from analyzer.i18n import Say, long_day, num, plural, t, tn
from analyzer.model import Report
from analyzer.said import localized


class Format(StrEnum):
    """What ``--format`` takes: plain text, or Markdown with the sections as headings."""

    txt = "txt"
    md = "md"


class Reason(StrEnum):
    """The default grounds for Art. 21(1) that ``--reason`` takes; the sentence of each is ``letter.reason.KEY``."""

    old_posts = "old_posts"
    clients = "clients"
    sensitive = "sensitive"
    misattribution = "misattribution"
    no_correction = "no_correction"


REASONS = tuple(r.value for r in Reason)
#: A gap: a bracketed text opening with a word in capitals and a separator ("[CHECK: …]", "[YOUR NAME – …]").
_GAP = re.compile(r"\[[A-ZÄÖÜ][A-ZÄÖÜ-]+(?: [A-ZÄÖÜ-]+)*[ :–][^\]]*\]")
#: Laws whose local route the letter cites from the reference notes without having verified it.
_UNVERIFIED = ("ca", "hk", "us")
_COMPLAINT = ("gdpr", "ch", "uk", "ca", "hk")


def reasons_help(lang: str) -> str:
    """What ``letter --list-reasons`` prints: each ground's key and its sentence in ``lang``."""
    width = max(map(len, REASONS))
    return (
        "\n".join(
            [t(lang, "letter.reasons.title"), *(f"  {k:<{width}}  {t(lang, f'letter.reason.{k}')}" for k in REASONS)]
        )
        + "\n"
    )


def gaps(text: str) -> list[str]:
    """The gaps left in a letter, in the order they appear, each once."""
    return list(dict.fromkeys(_GAP.findall(text)))


def gaps_note(lang: str, found: Sequence[str]) -> str:
    """What the ``letter`` command says on stderr about the gaps left: how many, then each on its own line."""
    return "\n  ".join([tn(lang, "letter.gaps", len(found)), *found])


def one_month_after(day: date) -> date:
    """The last day of a one-month period from ``day``: the same date in the next month, or that month's last day,
    moved past a Saturday or Sunday to the Monday (Regulation 1182/71 Art. 3(2)(c) and 3(4); public holidays,
    which differ by country, are not known here)."""
    import calendar  # here: the command line imports this module for its options, and a scan needs no calendar

    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return working_day(date(year, month, min(day.day, calendar.monthrange(year, month)[1])))


def working_day(day: date) -> date:
    """``day``, or the Monday after it when it is a Saturday or Sunday: a deadline ends on a working day."""
    return day + timedelta(days=7 - day.weekday()) if day.weekday() >= 5 else day


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
        what = plural(d.unit.get(lang), d.records) if d.unit else f"× {d.name_in(lang)}"
        years = ""
        if d.first_date and d.last_date:
            years = (
                f" ({d.first_date.year})"
                if d.first_date.year == d.last_date.year
                else f" ({d.first_date.year}–{d.last_date.year})"
            )
        items.append(f"{num(d.records, lang)} {what}{years}")
    return items


def render(
    report: Report,
    lang: str,
    today: date,
    fmt: str = "txt",
    reasons: Sequence[str] = (),
    situation: str | None = None,
    name: str | None = None,
    email: str | None = None,
) -> str:
    """The letter as plain text or Markdown, from the Report alone. ``reasons`` (keys of ``REASONS``) and
    ``situation`` (the member's own words) are the grounds Art. 21(1) asks for: a marked gap when neither is given
    under the GDPR. ``name`` and ``email`` replace what the export holds; what neither gives stays a visible gap."""
    s = _Letter(Say(lang, report.mapping.platform))
    member, to = report.member, report.controller
    law, gdpr, md = to.law, to.gdpr, fmt == "md"
    g = s["law.uk"] if to.uk else s["law.gdpr"]
    due = one_month_after(today)
    opted_out_on = report.verdict.opted_out_on
    bullet = "- " if md else "  • "
    name = name or member.name or s["name"]
    email = email or member.email or s["email"]
    who = ", ".join([name, email] + ([member.profile_url] if member.profile_url else []))

    def bullets(items: Sequence[str]) -> list[str]:
        return [bullet + item for item in items]

    situation = (situation or "").strip()
    grounds = [s[f"reason.{key}"] for key in reasons] + ([situation] if situation else [])
    if gdpr:
        stated = [s["grounds"], *bullets(grounds)] if grounds else [s("grounds.missing", gdpr=g)]
    else:
        stated = [s["grounds.other"], *bullets(grounds)] if grounds else []
    toggle = [s["toggle.gdpr" if gdpr else "toggle.other"]]
    if opted_out_on:
        toggle.append(s("toggle.off", date=long_day(opted_out_on, lang)))
    notice = s["notice.gdpr" if gdpr else "notice.other"]
    export_date = report.source.export_date
    found = (
        s("found", date=long_day(export_date, lang), notice=notice) if export_date else s("found.nodate", notice=notice)
    )
    objection = [
        " ".join(
            [s(f"objection.{'gdpr' if gdpr else law}", gdpr=g)]
            + ([s["objection.ch"]] if law == "ch" else [])
            + [s["carve_out"]]
        ),
        *(["", *stated] if stated else []),
        "",
        " ".join([*toggle, s["toggle.further"]]),
        "",
        found,
        *bullets(_found_items(report, lang) or [s["none"]]),
    ]
    sections: list[tuple[str, list[str]]] = [("withdrawal" if law == "ca" else "objection", objection)]
    if gdpr:
        erasure = s("erasure.gdpr", gdpr=g) + (" " + s["erasure.ch"] if law == "ch" else "")
        case = "" if to.uk else s["access.case"]
        access = [
            s("access.gdpr", gdpr=g),
            *bullets(
                [
                    s["access.purposes"],
                    s["access.period"],
                    s("access.recipients", case=case),
                    s["access.storage"],
                    s["access.copy"],
                ]
            ),
        ]
        if law == "ch":
            access += ["", s("access.ch", due=long_day(working_day(today + timedelta(days=30)), lang))]
        sections += [("erasure", [erasure]), ("restriction", [s("restriction", gdpr=g)]), ("access", access)]
        deadline = s(
            "deadline", article=s["deadline.uk" if to.uk else "deadline.gdpr"], due=long_day(due, lang), gdpr=g
        )
    else:
        access_other = s["access.other"] + (" " + s["access.hk"] if law == "hk" else "")
        sections += [("erasure", [s["erasure.other"]]), ("access", [access_other])]
        deadline = s("deadline.other", due=long_day(due, lang))
    complaint = []
    if law in _COMPLAINT:
        authority = ""
        if to.authority:
            authority = s("authority" if to.authority_checked else "authority.check", name=to.authority)
        complaint = [s(f"complaint.{law}", authority=authority), ""]

    heading = (lambda text: f"## {text}") if md else (lambda text: text)
    address = [to.address[0], s["attn"], *to.address[1:], *([] if to.known else [s["region_unknown"]])]
    subject = (
        s("subject.gdpr", gdpr=g) if law in ("gdpr", "uk") else s[f"subject.{law if law in ('ch', 'ca') else 'other'}"]
    )
    lines = [
        f"{s['from']} {name}",
        f"      {email}" if not md else email,
        f"      {member.profile_url or s['url']}" if not md else member.profile_url or s["url"],
        "",
        s["to"],
        *address,
        "",
        s("date", date=long_day(today, lang)),
        "",
        f"{s['re']} **{subject}**" if md else f"{s['re']} {subject}",
        "",
        s["greeting"],
        "",
        s(f"intro.{'gdpr' if gdpr else 'other'}", who=who, gdpr=g) + (" " + s["intro.uk"] if to.uk else ""),
        "",
    ]
    for number, (key, body) in enumerate(sections, 1):
        lines += [heading(f"{number}. {s[f'h.{key}']}"), *body, ""]
    lines += [deadline, "", *complaint, s["closing"], name, "", "---" if md else "-" * 72]
    lines += [s["notes"], *bullets(_notes(report, lang, s, due))]
    if md:
        lines = [line + "  " if line and not line.startswith(("- ", "---", "## ")) else line for line in lines]
    return "\n".join(lines).rstrip() + "\n"


def _notes(report: Report, lang: str, s: _Letter, due: date) -> list[str]:
    """What the member should know before sending: the channel, the setting, the deadline, what to check."""
    to = report.controller
    notes = [
        s("send.gdpr", form=to.objection_url, dpo=to.dpo_url) if to.gdpr else s("send.other", dpo=to.dpo_url),
        s("setting.off" if report.verdict.opted_out_on else "setting.on", url=to.setting_url),
        s("due", due=long_day(due, lang)),
    ]
    if not to.address_checked:
        notes.append(s["zip"])
    if to.authority:
        notes.append(s("authority.how", how=localized(report.member.region_how, lang)))
    if to.law in _UNVERIFIED:
        notes.append(s["unverified"])
    if to.local_url:
        notes.append(s(f"local.{to.law}", url=to.local_url))
    notes += [s("controller_source", url=to.policy_url), s["generated"]]
    return notes + ([s["cut_off"]] if report.source.cut_off else [])
