"""The opt-out guide: LinkedIn's own wording for each step, what it does and does not do, with sources."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from analyzer import policy
from analyzer.i18n import day
from analyzer.mapping import Mapping
from analyzer.report import action_steps, hanging_grid

_G = {
    "en": {
        "title": "How to stop LinkedIn from training AI on your data",
        "steps": "Steps",
        "effects": "What switching off does, and what it does not do",
        "sources": "Sources",
        "effect": [
            "It stops LinkedIn from using your data to train content-generating AI from the moment you switch it off.",
            "It does not undo training that already happened: models trained before keep what they learned.",
            "It does not cover other AI models LinkedIn runs (safety, spam, personalisation, ads). For those, object "
            "with the Data Processing Objection form (GDPR Art. 21); `linkedin-ai-exposure letter EXPORT.zip` writes "
            "the text from your own export.",
            "In the EU, EEA, Switzerland, the UK, Canada and Hong Kong the training started on {europe}; in the US "
            "and most other regions on {global_}.",
            "LinkedIn says it does not use the data of members it believes are under 18.",
            "Private messages, login data, payment data and concrete job applications are said to be excluded "
            "either way.",
        ],
        "footer": "Mapping {version}, reviewed {reviewed}. Check the current wording on LinkedIn's pages; it changes.",
    },
    "de": {
        "title": "So verhindern Sie, dass LinkedIn KI mit Ihren Daten trainiert",
        "steps": "Schritte",
        "effects": "Was das Abschalten bewirkt und was nicht",
        "sources": "Quellen",
        "effect": [
            "Es verhindert ab dem Moment des Abschaltens, dass LinkedIn Ihre Daten zum Training inhaltsgenerierender "
            "KI verwendet.",
            "Es macht bereits erfolgtes Training nicht rückgängig: Vorher trainierte Modelle behalten, was sie gelernt haben.",
            "Es erfasst keine anderen KI-Modelle von LinkedIn (Sicherheit, Spam, Personalisierung, Werbung). Dafür "
            "widersprechen Sie mit dem Formular „Widerspruch gegen die Datenverarbeitung“ (Art. 21 DSGVO); "
            "`linkedin-ai-exposure letter EXPORT.zip` schreibt den Text aus Ihrem eigenen Export.",
            "In EU, EWR, Schweiz, Vereinigtem Königreich, Kanada und Hongkong begann das Training am {europe}, in "
            "den USA und den meisten anderen Regionen am {global_}.",
            "LinkedIn erklärt, Daten von Mitgliedern, die es für minderjährig hält, nicht zu nutzen.",
            "Private Nachrichten, Anmelde- und Zahlungsdaten sowie konkrete Bewerbungen sind laut LinkedIn ohnehin "
            "ausgeschlossen.",
        ],
        "footer": "Zuordnung {version}, geprüft am {reviewed}. Prüfen Sie den aktuellen Wortlaut auf LinkedIns Seiten; er ändert sich.",
    },
}


def render_guide(mapping: Mapping, lang: str) -> Group:
    """The guide as rich renderables (the CLI prints them)."""
    g = _G[lang]
    steps = action_steps(lang, gap=True)
    effects = hanging_grid()
    for line in g["effect"]:
        effects.add_row("•", Text(line.format(europe=day(policy.START_EUROPE, lang), global_=day(policy.START_GLOBAL, lang))))
    keys = ["setting", "gai_control", "gai_faq", "objection_form", "erpn", "privacy_policy", "download", "gdpr_art21"]
    sources = hanging_grid()
    known = {s.key: s for s in mapping.sources}
    for key in keys:
        if key in known:
            sources.add_row("•", Text.assemble(known[key].title + " – ", (known[key].url, "cyan")))
    return Group(
        Text(g["title"], style="bold underline"),
        Text(""),
        Text(g["steps"], style="bold"),
        steps,
        Text(g["effects"], style="bold"),
        effects,
        Text(""),
        Text(g["sources"], style="bold"),
        sources,
        Text(""),
        Text(g["footer"].format(version=mapping.version, reviewed=day(mapping.reviewed, lang)), style="dim"),
    )
