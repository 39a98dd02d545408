"""One catalogue of English and German text, number and date formats. A test checks every key has both
languages with the same placeholders, and that every key built at run time exists.

Keys are grouped by where they appear: none (the terminal report and shared sentences), ``sheet.`` and
``wb.`` (the workbook), ``mapping.`` (``mapping show``); the documents' own (``html.``, in ``doc_wording.py``); the
platform adds its own (LinkedIn's guide: ``platforms/linkedin/wording.py``; its letter:
``platforms/linkedin/letter_text.py``). ``{platform}``
is the platform's name, filled by ``Say``. Bilingual *data* (mapping labels, policy actions, region
names) stays with its data as ``model.Text``.
"""

from __future__ import annotations

import os
from datetime import date

from analyzer import compare_wording, doc_wording, error_text, mapping_text, problem_text, web_wording
from analyzer.frozen import frozen
from analyzer.platforms.linkedin import letter_text, wording

LANGS = ("en", "de")

STRINGS: dict[str, tuple[str, str]] = {
    "status.used": ("likely used", "wahrscheinlich genutzt"),
    "status.excluded": ("likely excluded", "wahrscheinlich ausgeschlossen"),
    "status.unclear": ("unclear", "unklar"),
    "status.unmapped": ("not in mapping", "nicht zugeordnet"),
    "confidence.high": ("high", "hoch"),
    "confidence.medium": ("medium", "mittel"),
    "confidence.low": ("low", "niedrig"),
    "kind.complete": ("Complete export", "Vollständiger Export"),
    "kind.basic": ("Basic export (first, fast batch)", "Basis-Export (erste, schnelle Lieferung)"),
    "kind.legacy": ("Export (old naming)", "Export (alte Benennung)"),
    "kind.none": ("{platform} export", "{platform}-Export"),
    "title": (
        "What of your {platform} data may train {platform}'s AI",
        "Welche Ihrer Daten {platform} für KI-Training nutzen könnte",
    ),
    "source": ("{kind} of {date} · {name}", "{kind} vom {date} · {name}"),
    "source.nodate": ("{kind} · {name}", "{kind} · {name}"),
    "headline": (
        "{used} of your {total} records are in data {platform} likely uses for AI training.",
        "{used} Ihrer {total} Einträge liegen in Daten, die {platform} wahrscheinlich für KI-Training nutzt.",
    ),
    "headline.old": (
        "This export is from {date} ({age}): a fresh export shows what {platform} holds about you today.",
        "Dieser Export ist vom {date} ({age}): Ein neuer Export zeigt, was {platform} heute über Sie gespeichert hat.",
    ),
    "headline.old.before": (
        "This export is from {date} ({age}), before {platform} began training on your region's data on {start}: a fresh export shows what it holds about you today.",
        "Dieser Export ist vom {date} ({age}) und damit älter als der Trainingsbeginn für Ihre Region am {start}: Ein neuer Export zeigt, was {platform} heute über Sie gespeichert hat.",
    ),
    "age.years": ("{n} years ago", "vor {n} Jahren"),
    "age.months": ("{n} months ago", "vor {n} Monaten"),
    "age.recent": ("a few weeks ago", "vor wenigen Wochen"),
    "headline.items": ("Most exposed: {items}.", "Am stärksten betroffen: {items}."),
    "headline.words": (
        "They hold {words} of the {total} words you wrote yourself ({share}).",
        "Darin stehen {words} der {total} Wörter, die Sie selbst geschrieben haben ({share}).",
    ),
    "headline.points": (
        "Counted as data points (every filled cell, other people's names, dates and links included): {used} of {total} ({share}) likely used, {excluded} likely excluded, {unclear} unclear.",
        "Als Datenpunkte gezählt (jede gefüllte Zelle, auch Namen, Datumsangaben und Links anderer): {used} von {total} ({share}) wahrscheinlich genutzt, {excluded} wahrscheinlich ausgeschlossen, {unclear} unklar.",
    ),
    "headline.unmapped": (
        " {unmapped} are in files the mapping does not know.",
        " {unmapped} liegen in Dateien, die die Zuordnung nicht kennt.",
    ),
    "headline.none": (
        "No records in data {platform} says it uses were found.",
        "Es wurden keine Einträge in Daten gefunden, die {platform} nach eigener Aussage nutzt.",
    ),
    "verdict.region": ("Region: {region} ({how}).", "Region: {region} ({how})."),
    "source.known.quotes": ("known through quotes", "durch Zitate bekannt"),
    "action.done": (
        "already switched off on {date}, you say; check that it still is",
        "laut Ihrer Angabe am {date} abgeschaltet; prüfen Sie, ob es so geblieben ist",
    ),
    "verdict.region.flag": ("set with --region", "mit --region festgelegt"),
    "verdict.start": (
        "{platform} uses data of members in this region for AI training since {start}, unless they switch it off.",
        "{platform} nutzt Daten von Mitgliedern dieser Region seit dem {start} für KI-Training, sofern sie es nicht abschalten.",
    ),
    "verdict.start.nlt": (
        "{platform} uses data of members in this region for AI training since no later than {start} (the day it said so; reports say it began before), unless they switch it off.",
        "{platform} nutzt Daten von Mitgliedern dieser Region spätestens seit dem {start} für KI-Training (an dem Tag machte es das bekannt; Berichten zufolge begann es früher), sofern sie es nicht abschalten.",
    ),
    "verdict.earlier": (
        "It did so once before: from no later than {start} until the pause on {end}, which a regulator announced.",
        "Das geschah schon einmal: spätestens ab dem {start} bis zur Unterbrechung am {end}, die eine Aufsichtsbehörde bekannt gab.",
    ),
    "verdict.basis.gdpr": (
        "The legal basis {platform} names is its legitimate interest (Art. 6(1)(f) GDPR); you have the right to object (Art. 21 GDPR).",
        "Als Rechtsgrundlage nennt {platform} sein berechtigtes Interesse (Art. 6 Abs. 1 lit. f DSGVO); Sie haben ein Widerspruchsrecht (Art. 21 DSGVO).",
    ),
    "verdict.basis.uk_gdpr": (
        "The legal basis {platform} names is its legitimate interest (Art. 6(1)(f) UK GDPR); you have the right to object (Art. 21 UK GDPR).",
        "Als Rechtsgrundlage nennt {platform} sein berechtigtes Interesse (Art. 6 Abs. 1 lit. f UK-DSGVO); Sie haben ein Widerspruchsrecht (Art. 21 UK-DSGVO).",
    ),
    "verdict.history": (
        "Dated records in likely used data: {before} created before {start}, {after} since. Whether older data is trained on is an open question: the Irish DPC says {platform} narrowed the period, but no cut-off has been published.",
        "Datierte Einträge in wahrscheinlich genutzten Daten: {before} vor dem {start} entstanden, {after} danach. Ob auch mit älteren Daten trainiert wird, ist offen: Laut irischer Datenschutzbehörde hat {platform} den Zeitraum eingeschränkt, einen Stichtag aber nicht veröffentlicht.",
    ),
    "verdict.undated": (
        "{undated} more without a date (e.g. profile fields).",
        "{undated} weitere ohne Datum (z. B. Profilfelder).",
    ),
    "verdict.optout": (
        "You switched AI training off on {date}. Dated records in likely used data: {before} created before (they may already have been used; switching off does not undo past training), {after} since (no longer used for training).",
        "Sie haben das KI-Training am {date} abgeschaltet. Datierte Einträge in wahrscheinlich genutzten Daten: {before} davor entstanden (können bereits genutzt worden sein; Abschalten macht erfolgtes Training nicht rückgängig), {after} danach (werden nicht mehr für Training genutzt).",
    ),
    "verdict.optout.before_disclosure": (
        "You switched AI training off on {date}, before {platform} said on {start} that it trains on members' data; reports say training began before that day, so whether your data was used is unclear. Dated records in likely used data: {before} created before you switched off, {after} since (not used for training).",
        "Sie haben das KI-Training am {date} abgeschaltet, bevor {platform} am {start} bekannt gab, mit Mitgliederdaten zu trainieren; Berichten zufolge begann das Training früher, ob Ihre Daten genutzt wurden, ist daher unklar. Datierte Einträge in wahrscheinlich genutzten Daten: {before} vor dem Abschalten entstanden, {after} danach (nicht für Training genutzt).",
    ),
    "verdict.optout.in_pause": (
        "You switched AI training off on {date}, while training on your region's data was paused (since {until}). Dated records in likely used data: {before} created before the pause (they may have been used then), {after} since (not used for training, then or now).",
        "Sie haben das KI-Training am {date} abgeschaltet, während das Training mit Daten Ihrer Region unterbrochen war (seit dem {until}). Datierte Einträge in wahrscheinlich genutzten Daten: {before} vor der Unterbrechung entstanden (können damals genutzt worden sein), {after} danach (weder damals noch heute für Training genutzt).",
    ),
    "verdict.optout.early": (
        "You switched AI training off on {date}, before it started for your region ({start}): your data was probably never used for content-generating training.",
        "Sie haben das KI-Training am {date} abgeschaltet, vor dem Start in Ihrer Region ({start}): Ihre Daten wurden vermutlich nie für inhaltsgenerierendes Training genutzt.",
    ),
    "verdict.optout.hint": (
        "If you have switched AI training off, add --opted-out-on DATE to see what was created before and after.",
        "Wenn Sie das KI-Training abgeschaltet haben, zeigt --opted-out-on DATUM, was davor und danach entstand.",
    ),
    "categories.title": ("By category", "Nach Kategorie"),
    "datasets.title": ("By file", "Nach Datei"),
    "datasets.mark.warn": (
        "!: problems or a changed format, listed under “Unmapped files and problems”",
        "!: Probleme oder ein geändertes Format, aufgeführt unter „Nicht zugeordnete Dateien und Probleme“",
    ),
    "datasets.mark.parts": (
        "(+1): more numbered parts of the same file, read with it",
        "(+1): weitere nummerierte Teile derselben Datei, mitgelesen",
    ),
    "col.status": ("Status", "Status"),
    "col.category": ("Category", "Kategorie"),
    "col.file": ("File", "Datei"),
    "col.records": ("Records", "Einträge"),
    "col.columns": ("Cols", "Spalten"),
    "details.narrow": (
        "--details adds words and first and last dates in a terminal of {width} columns or more; the workbook and the HTML report always have them.",
        "--details ergänzt Wörter sowie erstes und letztes Datum ab einer Terminalbreite von {width} Spalten; Arbeitsmappe und HTML-Bericht enthalten sie immer.",
    ),
    "col.points": ("Data points", "Datenpunkte"),
    "col.words": ("Words", "Wörter"),
    "col.first": ("First", "Erster"),
    "col.last": ("Last", "Letzter"),
    "col.problems": ("Problems", "Probleme"),
    "col.confidence": ("Confidence", "Verlässlichkeit"),
    "col.reason": ("Reason", "Begründung"),
    "col.sources": ("Sources", "Quellen"),
    "col.kind": ("Kind", "Art"),
    "col.count": ("Count", "Anzahl"),
    "col.dataset": ("Dataset", "Datei"),
    "col.year": ("Year", "Jahr"),
    "total": ("Total", "Summe"),
    "timeline.title": ("Likely used records per year", "Wahrscheinlich genutzte Einträge pro Jahr"),
    "timeline.legend": ("█ before {start}   ▓ since {start}", "█ vor dem {start}   ▓ seit dem {start}"),
    "timeline.legend.nostart": ("█ records", "█ Einträge"),
    "timeline.empty": (
        "No dated records in likely used data.",
        "Keine datierten Einträge in wahrscheinlich genutzten Daten.",
    ),
    "unclear.title": ("Why some data is unclear", "Warum manche Daten unklar sind"),
    "contacts.title": ("Contact details inside likely used text", "Kontaktdaten in wahrscheinlich genutzten Texten"),
    "contacts.note": (
        "Your own or other people's: these sit inside text {platform} says it may train on. Values are not shown; add --show-values to list them.",
        "Eigene oder fremde: Sie stehen in Texten, die {platform} nach eigener Aussage für KI-Training nutzen kann. Werte werden nicht angezeigt; --show-values listet sie auf.",
    ),
    "contacts.note.shown": (
        "Values shown because --show-values was given.",
        "Werte angezeigt, weil --show-values angegeben wurde.",
    ),
    "contact.email": ("e-mail addresses", "E-Mail-Adressen"),
    "contact.phone": ("phone numbers", "Telefonnummern"),
    "contact.iban": ("IBANs", "IBANs"),
    "issues.title": ("Unmapped files and problems", "Nicht zugeordnete Dateien und Probleme"),
    "issues.none": (
        "Every file was recognised and read without problems.",
        "Jede Datei wurde erkannt und ohne Probleme gelesen.",
    ),
    "issues.unmapped": (
        "{count} files are not in the mapping (records: {records}): they are counted as “not in mapping”.",
        "{count} Dateien sind nicht in der Zuordnung (Einträge: {records}): sie zählen als „nicht zugeordnet“.",
    ),
    "issues.drift": (
        "{name}: format changed (new columns: {new}; missing: {missing})",
        "{name}: Format geändert (neue Spalten: {new}; fehlend: {missing})",
    ),
    "issues.counted_once": (
        "{name}: {count} of its {total} records are also in {other}, and are counted once, there",
        "{name}: {count} von {total} Einträgen stehen auch in {other} und werden nur dort gezählt",
    ),
    "issues.unmapped.one": (
        "1 file is not in the mapping (records: {records}): it is counted as “not in mapping”.",
        "1 Datei ist nicht in der Zuordnung (Einträge: {records}): sie zählt als „nicht zugeordnet“.",
    ),
    "issues.ignored.one": (
        "1 operating-system file ignored (e.g. __MACOSX)",
        "1 Betriebssystem-Datei ignoriert (z. B. __MACOSX)",
    ),
    "issues.ignored": (
        "{count} operating-system files ignored (e.g. __MACOSX)",
        "{count} Betriebssystem-Dateien ignoriert (z. B. __MACOSX)",
    ),
    "points.defined": (
        "Data points: every filled cell, other people's names, dates and links included.",
        "Datenpunkte: jede gefüllte Zelle, auch Namen, Datumsangaben und Links anderer.",
    ),
    "column.unnamed": ("(unnamed column)", "(Spalte ohne Namen)"),
    "none": ("none", "keine"),
    "actions.title": ("What you can do", "Was Sie tun können"),
    "actions.guide": ("Step by step:", "Schritt für Schritt:"),
    "actions.letter": ("An objection letter filled from this export:", "Ein Widerspruch, aus Ihrem Export ausgefüllt:"),
    "disclaimer": (
        "Labels follow {platform}'s own statements (mapping {version}, reviewed {reviewed}); “likely” because {platform} does not say which records it actually trained on. Produced offline on your machine.",
        "Die Einstufungen folgen {platform}s eigenen Aussagen (Zuordnung {version}, geprüft am {reviewed}); „wahrscheinlich“, weil {platform} nicht sagt, mit welchen Einträgen tatsächlich trainiert wurde. Offline auf Ihrem Rechner erstellt.",
    ),
    "written": ("Wrote {path}", "{path} geschrieben"),
    "warn.problems": ("{count} problems while reading; see the report.", "{count} Probleme beim Lesen; siehe Bericht."),
    "warn.problems.one": ("1 problem while reading; see the report.", "1 Problem beim Lesen; siehe Bericht."),
    "progress": ("Reading", "Wird gelesen"),
    "sheet.summary": ("Summary", "Übersicht"),
    "sheet.datasets": ("Datasets", "Dateien"),
    "sheet.columns": ("Columns", "Spalten"),
    "sheet.timeline": ("Timeline", "Zeitverlauf"),
    "sheet.issues": ("Unmapped & problems", "Unbekannt & Probleme"),
    "sheet.sources": ("Sources", "Quellen"),
    "sheet.about": ("About", "Info"),
    "sheet.content": ("Content", "Inhalte"),
    "wb.status": ("Status", "Status"),
    "wb.data_points": ("Data points", "Datenpunkte"),
    "wb.records": ("Records", "Einträge"),
    "wb.words": ("Words you wrote", "Selbst geschriebene Wörter"),
    "wb.datasets": ("Files", "Dateien"),
    "wb.share": ("Share of data points", "Anteil der Datenpunkte"),
    "wb.category": ("Category", "Kategorie"),
    "wb.dataset": ("Dataset", "Datei"),
    "wb.files": ("Files in the archive", "Dateien im Archiv"),
    "wb.confidence": ("Confidence", "Verlässlichkeit"),
    "wb.columns": ("Columns", "Spalten"),
    "wb.first": ("First date", "Erstes Datum"),
    "wb.last": ("Last date", "Letztes Datum"),
    "wb.reason": ("Reason", "Begründung"),
    "wb.sources": ("Sources", "Quellen"),
    "wb.column": ("Column", "Spalte"),
    "wb.role": ("Role", "Rolle"),
    "wb.filled": ("Filled", "Gefüllt"),
    "wb.note": ("note", "Hinweis"),
    "wb.placeholders": ("Placeholders (not counted)", "Platzhalter (nicht gezählt)"),
    "wb.fill_ratio": ("Fill ratio", "Füllgrad"),
    "wb.year": ("Year", "Jahr"),
    "wb.kind": ("Kind", "Art"),
    "wb.item": ("File or dataset", "Datei oder Datensatz"),
    "wb.detail": ("Detail", "Einzelheit"),
    "wb.key": ("Key", "Schlüssel"),
    "wb.title": ("Title", "Titel"),
    "wb.publisher": ("Publisher", "Herausgeber"),
    "wb.url": ("URL", "URL"),
    "wb.seen": ("Seen", "Gesehen am"),
    "wb.field": ("Field", "Feld"),
    "wb.value": ("Value", "Wert"),
    "wb.date": ("Date", "Datum"),
    "wb.text": ("Text", "Text"),
    "wb.link": ("Link", "Link"),
    "wb.unmapped": ("not in mapping", "nicht zugeordnet"),
    "wb.problem": ("problem", "Problem"),
    "wb.drift": ("format changed", "Format geändert"),
    "wb.actions": ("What you can do", "Was Sie tun können"),
    "wb.key_numbers": ("Key numbers", "Kennzahlen"),
    "wb.chart_points": ("Data points by status", "Datenpunkte nach Status"),
    "wb.chart_categories": ("Records by category", "Einträge nach Kategorie"),
    "wb.chart_timeline": ("Records per year, by category", "Einträge pro Jahr nach Kategorie"),
    "wb.content.cut": (
        "{n} more records were left out (limit {limit}).",
        "{n} weitere Einträge wurden weggelassen (Grenze {limit}).",
    ),
    "wb.heading": ("{platform} AI-training exposure", "{platform}-KI-Training: Betroffenheit"),
    "wb.none": ("(none)", "(keine)"),
    "wb.yes": ("yes", "ja"),
    "wb.no": ("no", "nein"),
    "batch.done": ("{count} exports", "{count} Exporte"),
    "batch.done.failed": (
        "{count} exports, {failed} could not be read (see the error column)",
        "{count} Exporte, {failed} davon nicht lesbar (siehe Spalte „error“)",
    ),
    "mapping.builtin": ("built in", "mitgeliefert"),
    "mapping.confidence": ("confidence {confidence}", "Verlässlichkeit {confidence}"),
    "mapping.ok": (
        "OK: {origin} · mapping {version}, reviewed {reviewed} · {categories} categories, {datasets} datasets, {sources} sources",
        "OK: {origin} · Zuordnung {version}, geprüft am {reviewed} · {categories} Kategorien, {datasets} Dateien, {sources} Quellen",
    ),
    "mapping.head": (
        "{platform} · mapping {version} · reviewed {reviewed} · {origin}",
        "{platform} · Zuordnung {version} · geprüft am {reviewed} · {origin}",
    ),
}

#: Every key, the platform's included.
CATALOGUE: dict[str, tuple[str, str]] = (
    STRINGS | doc_wording.STRINGS | compare_wording.STRINGS | error_text.STRINGS | problem_text.STRINGS
    | mapping_text.STRINGS | wording.STRINGS | letter_text.STRINGS | web_wording.STRINGS
)  # fmt: skip


def default_lang(environ: dict[str, str] | None = None) -> str:
    """German when the locale says so (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else English."""
    env = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "de" if value.lower().startswith("de") else "en"
    return "en"


def t(lang: str, key: str, **values: object) -> str:
    """The catalogue's text for ``key`` in ``lang``, its ``{placeholders}`` filled (unused values are ignored)."""
    en, de = CATALOGUE[key]
    text = de if lang == "de" else en
    return text.format(**values) if values else text


@frozen
class Say:
    """``t`` bound to one language and platform: ``say("title")``. Renderers make one per document."""

    lang: str
    platform: str

    def __call__(self, key: str, **values: object) -> str:
        return t(self.lang, key, platform=self.platform, **values)


def tn(lang: str, key: str, count: int, **values: object) -> str:
    """``t`` for a sentence about ``count`` things: ``KEY.one`` when there is one (and the catalogue has it),
    with ``{count}`` filled in the language's digits."""
    chosen = f"{key}.one" if count == 1 and f"{key}.one" in CATALOGUE else key
    return t(lang, chosen, count=num(count, lang), **values)


def num(value: int, lang: str) -> str:
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "de" else text


def pct(part: int, whole: int, lang: str) -> str:
    """A share as each language writes it: "66.9%" in English, „66,9 %" in German (a no-break space, so that a
    browser or a spreadsheet never puts the sign on a line of its own)."""
    share = 100 * part / whole if whole else 0.0
    return f"{share:.1f}\u00a0%".replace(".", ",") if lang == "de" else f"{share:.1f}%"


_MONTHS_DE = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."]


def day(value: date | None, lang: str) -> str:
    if value is None:
        return "–"
    if lang == "de":
        return f"{value.day}. {_MONTHS_DE[value.month - 1]} {value.year}"
    return f"{value.day} {value:%b} {value.year}"


_MONTHS_DE_LONG = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]


def long_day(value: date, lang: str) -> str:
    """A date as a letter writes it: 29 November 2026 / 29. November 2026."""
    if lang == "de":
        return f"{value.day}. {_MONTHS_DE_LONG[value.month - 1]} {value.year}"
    return f"{value.day} {value:%B} {value.year}"


def plural(unit: str, count: int) -> str:
    """``post|posts`` → the form for ``count``."""
    one, _, many = unit.partition("|")
    return one if count == 1 or not many else many
