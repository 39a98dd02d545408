"""The opt-out guide and a GDPR objection letter filled from the member's own export (pure text builders)."""

from __future__ import annotations

import re

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from analyzer import policy
from analyzer.analysis import Report
from analyzer.archive import DEFAULT_LIMITS, Limits, open_archive
from analyzer.dialect import read_csv
from analyzer.i18n import long_day, num, plural
from analyzer.mapping import Mapping

_MESSAGE_FILES = ("messages.csv", "guide_messages.csv")


@dataclass(frozen=True)
class Identity:
    """Who the member is, as far as the export says; empty strings where it does not."""

    name: str = ""
    email: str = ""
    profile_url: str = ""


def read_identity(path: str | Path, mapping: Mapping, limits: Limits = DEFAULT_LIMITS) -> Identity:
    """Name (Profile.csv), primary confirmed e-mail (Email Addresses.csv) and profile URL (own sent messages)."""
    name = email = url = ""
    with open_archive(path, limits) as archive:
        members = {m.path: m for m in archive.members}
        by_dataset = {}
        for member in archive.members:
            dataset = mapping.match(member.path)
            if dataset is not None:
                by_dataset.setdefault(dataset.name, member)
        if "Profile.csv" in by_dataset:
            table = read_csv(by_dataset["Profile.csv"])
            row = next(iter(table.rows), None)
            if row:
                record = {h.lower(): v.strip() for h, v in zip(table.header, row)}
                name = " ".join(p for p in (record.get("first name", ""), record.get("last name", "")) if p)
            for _ in table.rows:
                pass
        if "Email Addresses.csv" in by_dataset:
            table = read_csv(by_dataset["Email Addresses.csv"])
            ranked: list[tuple[int, str]] = []
            for row in table.rows:
                record = {h.lower(): v.strip() for h, v in zip(table.header, row)}
                address = record.get("email address", "")
                if "@" not in address:
                    continue
                score = (record.get("primary", "").lower() == "yes") * 2 + (record.get("confirmed", "").lower() == "yes")
                ranked.append((-score, address))
            email = min(ranked)[1] if ranked else ""
        if name:
            for path_name in _MESSAGE_FILES:
                member = members.get(path_name)
                if member is None:
                    continue
                table = read_csv(member)
                lowered = [h.lower() for h in table.header]
                if "from" not in lowered or "sender profile url" not in lowered:
                    continue
                sender, link = lowered.index("from"), lowered.index("sender profile url")
                for row in table.rows:
                    if row[sender].strip().lower() == name.lower() and row[link].startswith("https://"):
                        url = row[link].strip()
                        break
                if url:
                    break
    return Identity(name, email, url)


# --- the letter ----------------------------------------------------------------------------------

_L = {
    "en": {
        "subject": "Objection under Art. 21 GDPR to the use of my personal data for training generative AI; "
                   "request for restriction (Art. 18 GDPR) and for information (Art. 15 GDPR)",
        "subject.other": "Objection to the use of my personal data for training generative AI; request for information",
        "name": "[YOUR NAME – not found in the export, please fill in]",
        "email": "[YOUR E-MAIL ADDRESS – not found in the export, please fill in]",
        "url": "[YOUR PROFILE URL – optional, not found in the export]",
        "situation": "[OPTIONAL: a sentence on your particular situation, e.g. your professional role, clients or "
                     "confidentiality duties that make this use of your data a problem for you]",
        "region_unknown": "[CHECK: LinkedIn Ireland is the controller for members in the EU, EEA and Switzerland; "
                          "for members elsewhere it is LinkedIn Corporation]",
        "greeting": "Dear Sir or Madam,",
        "intro": "I am a LinkedIn member ({who}). According to your privacy notice, LinkedIn processes members' "
                 "personal data to train content-generating AI models on the basis of its legitimate interests "
                 "(Art. 6(1)(f) GDPR).",
        "intro.other": "I am a LinkedIn member ({who}). According to your privacy policy, LinkedIn uses members' "
                       "personal data to develop and train artificial intelligence models.",
        "h1": "1. Objection",
        "objection": "On grounds relating to my particular situation, I object under Art. 21(1) GDPR to the processing "
                     "of my personal data for developing, training and improving generative AI models, by LinkedIn "
                     "and by its affiliates. {situation}",
        "objection.other": "I object to the use of my personal data for developing, training and improving "
                           "generative AI models, by LinkedIn and by its affiliates.",
        "found": "My data export of {date} shows that this concerns at least the following data of mine:",
        "found.nodate": "My data export shows that this concerns at least the following data of mine:",
        "none": "(The export contained no records of the kinds LinkedIn names as training data.)",
        "h2": "2. Restriction",
        "restriction": "Until it has been verified whether LinkedIn's legitimate grounds override mine, I ask you to "
                       "restrict the processing of my data for these purposes (Art. 18(1)(d) GDPR).",
        "h3": "3. Information",
        "information": "Under Art. 15 GDPR, please tell me whether my personal data have already been used to train "
                       "AI models, and if so: which data, since when, for which models or purposes, whether they "
                       "were disclosed to affiliates (such as Microsoft) for that purpose, and for how long they "
                       "will be kept.",
        "information.other": "Please tell me whether my personal data have already been used to train AI models, "
                             "and if so: which data, since when, and for which models or purposes.",
        "deadline": "Please confirm receipt of this objection and tell me what you have done about it within one "
                    "month (Art. 12(3) GDPR).",
        "deadline.other": "Please confirm receipt of this objection and tell me what you have done about it.",
        "closing": "Kind regards,",
        "form": "Send this text through LinkedIn's Data Processing Objection form: {url}",
        "setting": "Also switch off the setting “Data for Generative AI Improvement”: {url}",
        "controller_source": "Controller as named in LinkedIn's privacy notice: {url}",
        "date": "Date: {date}",
        "to": "To:",
        "from": "From:",
        "re": "Subject:",
        "generated": "Prepared offline with linkedin-ai-exposure from the member's own data export; review it before sending.",
    },
    "de": {
        "subject": "Widerspruch gemäß Art. 21 DSGVO gegen die Verwendung meiner personenbezogenen Daten zum Training "
                   "generativer KI; Antrag auf Einschränkung (Art. 18 DSGVO) und Auskunft (Art. 15 DSGVO)",
        "subject.other": "Widerspruch gegen die Verwendung meiner personenbezogenen Daten zum Training generativer KI; Bitte um Auskunft",
        "name": "[IHR NAME – nicht im Export gefunden, bitte ergänzen]",
        "email": "[IHRE E-MAIL-ADRESSE – nicht im Export gefunden, bitte ergänzen]",
        "url": "[IHRE PROFIL-URL – optional, nicht im Export gefunden]",
        "situation": "[OPTIONAL: ein Satz zu Ihrer besonderen Situation, z. B. Ihre berufliche Rolle, Mandanten "
                     "oder Verschwiegenheitspflichten, die diese Nutzung Ihrer Daten für Sie problematisch machen]",
        "region_unknown": "[PRÜFEN: Für Mitglieder in EU, EWR und Schweiz ist LinkedIn Ireland verantwortlich, "
                          "für Mitglieder anderswo die LinkedIn Corporation]",
        "greeting": "Sehr geehrte Damen und Herren,",
        "intro": "ich bin Mitglied bei LinkedIn ({who}). Laut Ihren Datenschutzhinweisen verarbeitet LinkedIn "
                 "personenbezogene Daten seiner Mitglieder auf Grundlage berechtigter Interessen (Art. 6 Abs. 1 "
                 "lit. f DSGVO), um inhaltsgenerierende KI-Modelle zu trainieren.",
        "intro.other": "ich bin Mitglied bei LinkedIn ({who}). Laut Ihrer Datenschutzrichtlinie verwendet LinkedIn "
                       "personenbezogene Daten seiner Mitglieder, um KI-Modelle zu entwickeln und zu trainieren.",
        "h1": "1. Widerspruch",
        "objection": "Aus Gründen, die sich aus meiner besonderen Situation ergeben, widerspreche ich gemäß Art. 21 "
                     "Abs. 1 DSGVO der Verarbeitung meiner personenbezogenen Daten zur Entwicklung, zum Training und "
                     "zur Verbesserung generativer KI-Modelle durch LinkedIn und mit LinkedIn verbundene Unternehmen. "
                     "{situation}",
        "objection.other": "Ich widerspreche der Verwendung meiner personenbezogenen Daten zur Entwicklung, zum "
                           "Training und zur Verbesserung generativer KI-Modelle durch LinkedIn und mit LinkedIn "
                           "verbundene Unternehmen.",
        "found": "Mein Datenexport vom {date} zeigt, dass davon mindestens folgende meiner Daten betroffen sind:",
        "found.nodate": "Mein Datenexport zeigt, dass davon mindestens folgende meiner Daten betroffen sind:",
        "none": "(Der Export enthielt keine Einträge der Arten, die LinkedIn als Trainingsdaten nennt.)",
        "h2": "2. Einschränkung der Verarbeitung",
        "restriction": "Bis geklärt ist, ob die berechtigten Gründe von LinkedIn gegenüber meinen überwiegen, "
                       "beantrage ich, die Verarbeitung meiner Daten zu diesen Zwecken einzuschränken (Art. 18 Abs. 1 "
                       "lit. d DSGVO).",
        "h3": "3. Auskunft",
        "information": "Gemäß Art. 15 DSGVO bitte ich um Auskunft, ob meine personenbezogenen Daten bereits zum "
                       "Training von KI-Modellen verwendet wurden, und falls ja: welche Daten, seit wann, für welche "
                       "Modelle oder Zwecke, ob sie dazu an verbundene Unternehmen (etwa Microsoft) weitergegeben "
                       "wurden und wie lange sie gespeichert bleiben.",
        "information.other": "Bitte teilen Sie mir mit, ob meine personenbezogenen Daten bereits zum Training von "
                             "KI-Modellen verwendet wurden, und falls ja: welche Daten, seit wann und für welche "
                             "Modelle oder Zwecke.",
        "deadline": "Bitte bestätigen Sie mir den Eingang dieses Widerspruchs und teilen Sie mir innerhalb eines "
                    "Monats mit, welche Maßnahmen Sie ergriffen haben (Art. 12 Abs. 3 DSGVO).",
        "deadline.other": "Bitte bestätigen Sie mir den Eingang dieses Widerspruchs und teilen Sie mir mit, welche Maßnahmen Sie ergriffen haben.",
        "closing": "Mit freundlichen Grüßen",
        "form": "Senden Sie diesen Text über LinkedIns Formular „Widerspruch gegen die Datenverarbeitung“: {url}",
        "setting": "Schalten Sie außerdem die Einstellung „Daten zur Verbesserung generativer KI“ aus: {url}",
        "controller_source": "Verantwortlicher laut LinkedIns Datenschutzhinweisen: {url}",
        "date": "Datum: {date}",
        "to": "An:",
        "from": "Von:",
        "re": "Betreff:",
        "generated": "Offline mit linkedin-ai-exposure aus dem eigenen Datenexport erstellt; bitte vor dem Absenden prüfen.",
    },
}  # fmt: skip


def _found_items(report: Report, lang: str) -> list[str]:
    items = []
    for d in report.top_used:
        what = plural(d.unit.get(lang), d.records) if d.unit else f"× {d.name}"
        years = ""
        if d.first_date and d.last_date:
            years = f" ({d.first_date.year})" if d.first_date.year == d.last_date.year else f" ({d.first_date.year}–{d.last_date.year})"
        items.append(f"{num(d.records, lang)} {what}{years}")
    return items


_UK_GDPR = re.compile(r"\b(?:GDPR|DSGVO)\b")


def build_letter(report: Report, identity: Identity, lang: str, today: date, fmt: str = "txt") -> str:
    """The objection letter as plain text or Markdown; unknown fields stay visible placeholders."""
    s = _L[lang]
    region = report.verdict.region
    gdpr = region in (None, "eu", "eea", "ch", "uk")
    name = identity.name or s["name"]
    email = identity.email or s["email"]
    url = identity.profile_url or s["url"]
    who = ", ".join([name, email] + ([identity.profile_url] if identity.profile_url else []))
    controller = list(policy.controller(region))
    if region is None:
        controller.append(s["region_unknown"])
    found_date = report.source.export_date
    found = s["found"].format(date=long_day(found_date, lang)) if found_date else s["found.nodate"]
    items = _found_items(report, lang) or [s["none"]]
    bullet = "- " if fmt == "md" else "  • "
    heading = (lambda text: f"**{text}**") if fmt == "md" else (lambda text: text)
    subject = s["subject"] if gdpr else s["subject.other"]
    form_url = next(a.url for a in policy.ACTIONS if a.key == "object")
    setting_url = next(a.url for a in policy.ACTIONS if a.key == "opt_out")
    lines = [
        f"{s['from']} {name}",
        f"      {email}" if fmt == "txt" else f"{email}",
        f"      {url}" if fmt == "txt" else f"{url}",
        "",
        s["to"],
        *controller,
        "",
        s["date"].format(date=long_day(today, lang)),
        "",
        f"{s['re']} {heading(subject)}",
        "",
        s["greeting"],
        "",
        s["intro" if gdpr else "intro.other"].format(who=who),
        "",
        heading(s["h1"]),
        s["objection"].format(situation=s["situation"]) if gdpr else s["objection.other"],
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
        s["form"].format(url=form_url),
        s["setting"].format(url=setting_url),
        s["controller_source"].format(url="https://www.linkedin.com/legal/privacy/eu" if gdpr else "https://www.linkedin.com/legal/privacy-policy"),
        s["generated"],
    ]
    if region == "uk":  # the same articles, in the UK's own copy of the regulation
        lines = [_UK_GDPR.sub(lambda m: "UK GDPR" if m.group() == "GDPR" else "UK-DSGVO", line) for line in lines]
    if fmt == "md":
        lines = [line + "  " if line and not line.startswith(("- ", "---", "**")) else line for line in lines]
    return "\n".join(lines).rstrip() + "\n"
