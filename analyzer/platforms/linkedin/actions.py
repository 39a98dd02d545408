"""What a LinkedIn member can do, per region, in LinkedIn's own wording; the opt-out guide built from it.

Every step cites a key of the mapping's sources; ``check`` proves each one exists, as it does for the
region periods in ``policy`` (shared/reference/linkedin_ai_policy.md, "Opt-out and objection routes").
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from analyzer.mapping import Mapping
from analyzer.model import Action, Guide, Period, Text
from analyzer.platforms.linkedin.policy import GDPR_REGIONS, LETTER_SOURCES, REGIONS
from analyzer.said import Said

_SETTING = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"
_APP = (
    " In the LinkedIn app the menus may be named or ordered differently; the address below opens the setting.",
    " In der LinkedIn-App können die Menüs anders heißen oder angeordnet sein; die Adresse unten öffnet die "
    "Einstellung direkt.",
)
_OPT_OUT_STEPS = (
    "Me → Settings & Privacy → Data privacy → How LinkedIn uses your data → Data for Generative AI Improvement → "
    "switch off “Use my data for training content creation AI models”. This stops use from now on, for old "
    "records too; training that already happened is not undone.",
    "„Sie“ → Einstellungen & Datenschutz → Datenschutz → So verwendet LinkedIn Ihre Daten → Daten zur "
    "Verbesserung generativer KI → Schalter „Ihre Daten zum Schulen von KI-Modellen verwenden, um Inhalte zu "
    "erstellen“ ausschalten. Damit endet die Nutzung ab sofort, auch für ältere Einträge; ein bereits erfolgtes "
    "Training wird nicht rückgängig gemacht.",
)
_UK_MICROSOFT = (
    " In the UK the same switch also stops LinkedIn sharing your posts, comments, articles, videos, job postings "
    "and more with Microsoft for Microsoft's own AI training.",
    " Im Vereinigten Königreich beendet derselbe Schalter auch die Weitergabe Ihrer Beiträge, Kommentare, "
    "Artikel, Videos, Stellenanzeigen und weiterer Daten an Microsoft für dessen eigenes KI-Training.",
)
_UK_MICROSOFT_ANYWHERE = (
    " For members in the UK the same switch also stops LinkedIn sharing their posts, comments, articles, videos, "
    "job postings and more with Microsoft for Microsoft's own AI training.",
    " Für Mitglieder im Vereinigten Königreich beendet derselbe Schalter auch die Weitergabe ihrer Beiträge, "
    "Kommentare, Artikel, Videos, Stellenanzeigen und weiterer Daten an Microsoft für dessen eigenes KI-Training.",
)
_OBJECT_STEPS = (
    "The switch covers only content-generating AI. Other AI models (for example safety, spam and "
    "personalisation) are outside it, and so is the feedback you give on AI features, which LinkedIn names for "
    "improving its services generally. Object to those with LinkedIn's Data Processing Objection form; send a "
    "full letter or an access request through the contact form of LinkedIn's Data Protection Officer.",
    "Der Schalter erfasst nur inhaltsgenerierende KI. Andere KI-Modelle (etwa für Sicherheit, Spam-Abwehr und "
    "Personalisierung) fallen nicht darunter, ebenso wenig Ihr Feedback zu KI-Funktionen, das LinkedIn für die "
    "allgemeine Verbesserung seiner Dienste nennt. Dieser Verarbeitung können Sie über LinkedIns Formular "
    "„Widerspruch gegen die Datenverarbeitung“ widersprechen; ein ausführliches Schreiben oder einen Auskunftsantrag senden Sie über das "
    "Kontaktformular des Datenschutzbeauftragten von LinkedIn.",
)
_LETTER_HINT = Text(
    "`linkedin-ai-exposure letter EXPORT.zip` writes the objection from your own export.",
    "`linkedin-ai-exposure letter EXPORT.zip` schreibt den Widerspruch aus Ihrem eigenen Export.",
)
_ADS = Action(
    "ads",
    Text("Stop sharing ads data with Microsoft", "Weitergabe von Werbedaten an Microsoft abschalten"),
    Text(
        "Since 23 Feb 2026 LinkedIn shares data for advertising with Microsoft and other trusted partners unless "
        "you switch it off on the page “Share data with trusted partners”; a browser's Global Privacy Control "
        "signal is honoured too. This is separate from AI training.",
        "Seit dem 23. Februar 2026 gibt LinkedIn Daten für Werbung an Microsoft und andere vertrauenswürdige "
        "Partner weiter, sofern Sie das nicht auf der Seite „Daten mit vertrauenswürdigen Partnern teilen“ "
        "abschalten; auch das Signal „Global Privacy Control“ eines Browsers wird beachtet. Das ist vom "
        "KI-Training getrennt.",
    ),
    "https://www.linkedin.com/mypreferences/s/settings/share-data-with-trusted-partners",
    "ads_us",
)
_ADS_WHERE = Text(
    "Only outside the EU, the EEA, Switzerland and the UK.",
    "Nur außerhalb der EU, des EWR, der Schweiz und des Vereinigten Königreichs.",
)
_GDPR_WHERE = Text(
    "Only in the EU, the EEA, Switzerland and the UK.",
    "Nur in der EU, im EWR, in der Schweiz und im Vereinigten Königreich.",
)
_EXPORT = Action(
    "export",
    Text("Get a fresh export", "Einen neuen Export anfordern"),
    Text(
        "Settings & Privacy → Data privacy → Get a copy of your data → Request archive. The large archive arrives "
        "within about 24 hours and can be downloaded for 72 hours.",
        "Einstellungen & Datenschutz → Datenschutz → Kopie Ihrer Daten anfordern → Archiv anfordern. Das "
        "vollständige Archiv steht nach etwa 24 Stunden bereit und kann 72 Stunden lang heruntergeladen werden.",
    ),
    "https://www.linkedin.com/help/linkedin/answer/a1339364",
    "download",
)


def _opt_out(region: str | None, opted_out_on: date | None) -> Action:
    en, de = _OPT_OUT_STEPS
    uk = _UK_MICROSOFT if region == "uk" else _UK_MICROSOFT_ANYWHERE if region is None else ("", "")
    title = Text("Switch off AI training", "KI-Training abschalten")
    steps = Text(en + uk[0] + _APP[0], de + uk[1] + _APP[1])
    return Action("opt_out", title, steps, _SETTING, "setting", done_on=opted_out_on)


def _object(region: str | None) -> Action:
    law, gesetz = ("UK GDPR", "UK-DSGVO") if region == "uk" else ("GDPR", "DSGVO")
    return Action(
        "object",
        Text(
            f"Object to other processing ({law} Art. 21)", f"Widerspruch gegen weitere Verarbeitung (Art. 21 {gesetz})"
        ),
        Text(*_OBJECT_STEPS),
        "https://www.linkedin.com/help/linkedin/ask/TS-DPRO",
        "objection_form",
        applies=_GDPR_WHERE if region is None else None,
        hint=_LETTER_HINT,
    )


def _object_elsewhere() -> Action:
    """Outside the GDPR: the toggle is the control LinkedIn offers; a letter goes to its DPO."""
    return Action(
        "object",
        Text("Write to LinkedIn's Data Protection Officer", "An den Datenschutzbeauftragten von LinkedIn schreiben"),
        Text(
            "The switch covers only content-generating AI. To ask LinkedIn to stop other uses of your data and "
            "to tell you what it used, write through the contact form of its Data Protection Officer; which "
            "rights your local law gives you, this tool has not checked.",
            "Der Schalter erfasst nur inhaltsgenerierende KI. Um LinkedIn aufzufordern, andere Nutzungen Ihrer "
            "Daten zu beenden und Ihnen mitzuteilen, was genutzt wurde, schreiben Sie über das Kontaktformular "
            "des Datenschutzbeauftragten; welche Rechte Ihnen Ihr örtliches Recht gibt, hat dieses Programm nicht "
            "geprüft.",
        ),
        "https://www.linkedin.com/help/linkedin/ask/TSO-DPO",
        "dpo_form",
        hint=_LETTER_HINT,
    )


def actions(region: str | None, opted_out_on: date | None = None) -> tuple[Action, ...]:
    """The steps for a member of ``region``; for an unknown region every step, each saying where it applies."""
    steps = [_opt_out(region, opted_out_on)]
    if region is None or region in GDPR_REGIONS:
        steps.append(_object(region))
    else:
        steps.append(_object_elsewhere())
    if region is None:
        steps.append(replace(_ADS, applies=_ADS_WHERE))
    elif region not in GDPR_REGIONS:
        steps.append(_ADS)
    steps.append(_EXPORT)
    return tuple(steps)


#: The sources the guide lists, in this order (keys of the mapping's [sources]).
_GUIDE_SOURCES = (
    "setting",
    "gai_control",
    "gai_faq",
    "objection_form",
    "dpo_form",
    "erpn",
    "privacy_policy",
    "terms_update_2025",
    "ads_us",
    "ico",
    "opc",
    "pcpd",
    "download",
    "gdpr",
)


def guide(mapping: Mapping, region: str | None = None) -> Guide:
    """The opt-out guide's facts for a member of ``region`` (every region, labelled, when it is None)."""
    known = {s.key: s for s in mapping.sources}
    shown = (region,) if region else tuple(REGIONS)
    steps = actions(region)
    cited = {a.source for a in steps} | {k for r in shown for p in REGIONS[r].periods for k in p.sources}
    cited |= {"gai_control", "gai_faq", "erpn", "privacy_policy"}
    if region is None or region in GDPR_REGIONS:
        cited.add("gdpr")
    return Guide(
        actions=steps,
        region=region,
        periods=_grouped(shown),
        sources=tuple(known[key] for key in _GUIDE_SOURCES if key in known and key in cited),
        gdpr=region is None or region in GDPR_REGIONS,
        mapping_version=mapping.version,
        mapping_reviewed=mapping.reviewed,
        platform=mapping.platform,
    )


_ALL_OTHERS = Text("all other regions", "alle anderen Regionen")


def _grouped(regions: tuple[str, ...]) -> tuple[tuple[str, Text, tuple[Period, ...]], ...]:
    """Regions with the same training periods, named together: (their keys, their names, the periods)."""
    groups: dict[tuple[Period, ...], list[str]] = {}
    for key in regions:
        groups.setdefault(REGIONS[key].periods, []).append(key)
    names = {k: _ALL_OTHERS if k == "other" and len(regions) > 1 else REGIONS[k].label for k in regions}
    return tuple(
        (
            ",".join(keys),
            Text(", ".join(names[k].en for k in keys), ", ".join(names[k].de for k in keys)),
            periods,
        )
        for periods, keys in groups.items()
    )


def check(mapping: Mapping) -> list[str]:
    """What the policy cites that the mapping lacks: every action's, region period's and the letter's source, and
    every region a dataset is labelled for."""
    known = {s.key for s in mapping.sources}
    problems: list[str] = []
    cited = {(Said("mapping.cites.action", item=repr(a.key)), a.source) for r in (None, *REGIONS) for a in actions(r)}
    cited |= {(Said("mapping.cites.region", item=repr(key)), src)
              for key, r in REGIONS.items() for p in r.periods for src in p.sources}  # fmt: skip
    cited |= {(Said("mapping.cites.letter"), src) for src in LETTER_SOURCES}
    for what, source in sorted(cited):
        if source not in known:
            problems.append(Said("mapping.cites", what=what, source=repr(source)))
    for dataset in mapping.datasets:
        for region, _ in dataset.regional:
            if region not in REGIONS:
                problems.append(Said("mapping.unknown_region", name=repr(dataset.name), region=repr(region),
                                     known=", ".join(REGIONS)))  # fmt: skip
    return problems
