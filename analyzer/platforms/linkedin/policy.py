"""LinkedIn's AI-training policy: regions and start dates, controllers, actions (shared/reference/linkedin_ai_policy.md)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from analyzer.mapping import Mapping
from analyzer.model import Action, Controller, Guide, Source, Text
from analyzer.platforms.linkedin import places

#: 18 Sep 2024: the Global Privacy Policy adds AI training; the toggle is on by default outside EU/EEA/CH/UK.
START_GLOBAL = date(2024, 9, 18)
#: 3 Nov 2025: training on EU/EEA/CH/UK (and Canada, Hong Kong) member data on the basis of legitimate interest.
START_EUROPE = date(2025, 11, 3)

REGION_START = dict.fromkeys(("eu", "eea", "ch", "uk", "ca", "hk"), START_EUROPE) | {
    "us": START_GLOBAL,
    "other": START_GLOBAL,
}
REGION_LABEL = {
    "eu": Text("European Union", "Europäische Union"),
    "eea": Text(
        "European Economic Area (Iceland, Liechtenstein, Norway)",
        "Europäischer Wirtschaftsraum (Island, Liechtenstein, Norwegen)",
    ),
    "ch": Text("Switzerland", "Schweiz"),
    "uk": Text("United Kingdom", "Vereinigtes Königreich"),
    "ca": Text("Canada", "Kanada"),
    "hk": Text("Hong Kong", "Hongkong"),
    "us": Text("United States", "Vereinigte Staaten"),
    "other": Text("another region", "eine andere Region"),
}
#: The data controller, as LinkedIn's European Regional Privacy Notice ("Data Controller") and its Privacy Policy
#: name it: LinkedIn Ireland for the Designated Countries (EU, EEA, Switzerland), LinkedIn Corporation for the UK and
#: everywhere else. The letter adds its "Attn: Data Protection Officer" line after the name.
CONTROLLER_IRELAND = ("LinkedIn Ireland Unlimited Company", "Wilton Plaza", "Wilton Place", "Dublin 2", "Ireland")
#: The ZIP code is not in LinkedIn's notices: the letter says to check it before posting.
CONTROLLER_US = ("LinkedIn Corporation", "1000 W Maude Avenue", "Sunnyvale, CA 94085", "USA")
_LAW = {"eu": "gdpr", "eea": "gdpr", "ch": "ch", "uk": "uk", "ca": "ca", "hk": "hk", "us": "us", "other": "other"}
#: The mapping's sources the letter takes its links from (a test holds them to the shipped mapping).
LETTER_SOURCES = ("objection_form", "dpo_form", "setting", "erpn", "privacy_policy", "opc", "pcpd", "ads_us")
#: The local route outside the GDPR: the regulator that paused LinkedIn's training, or LinkedIn's US opt-out page.
_LOCAL_SOURCE = {"ca": "opc", "hk": "pcpd", "us": "ads_us"}
#: The supervisory authority for the private sector in each German state (Art. 77 GDPR, § 40 BDSG), named as it
#: names itself; False where the name follows an office holder who may have changed: the letter marks it.
DE_AUTHORITY = {
    "DE-BW": ("Landesbeauftragter für den Datenschutz und die Informationsfreiheit Baden-Württemberg", True),
    "DE-BY": ("Bayerisches Landesamt für Datenschutzaufsicht", True),
    "DE-BE": ("Berliner Beauftragte für Datenschutz und Informationsfreiheit", True),
    "DE-BB": ("Landesbeauftragte für den Datenschutz und für das Recht auf Akteneinsicht Brandenburg", True),
    "DE-HB": ("Landesbeauftragte für Datenschutz und Informationsfreiheit der Freien Hansestadt Bremen", False),
    "DE-HH": ("Hamburgischer Beauftragter für Datenschutz und Informationsfreiheit", True),
    "DE-HE": ("Hessischer Beauftragter für Datenschutz und Informationsfreiheit", False),
    "DE-MV": ("Landesbeauftragter für Datenschutz und Informationsfreiheit Mecklenburg-Vorpommern", False),
    "DE-NI": ("Landesbeauftragter für den Datenschutz Niedersachsen", True),
    "DE-NW": ("Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen", True),
    "DE-RP": ("Landesbeauftragter für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz", True),
    "DE-SL": ("Unabhängiges Datenschutzzentrum Saarland", True),
    "DE-SN": ("Sächsische Datenschutz- und Transparenzbeauftragte", False),
    "DE-ST": ("Landesbeauftragte für den Datenschutz Sachsen-Anhalt", False),
    "DE-SH": ("Unabhängiges Landeszentrum für Datenschutz Schleswig-Holstein", True),
    "DE-TH": ("Thüringer Landesbeauftragter für den Datenschutz und die Informationsfreiheit", False),
}


def _url(sources: dict[str, str], key: str) -> str:
    """The mapping's URL for ``key``; a visible gap when the mapping lacks it (a test holds the shipped one)."""
    return sources.get(key) or f"[CHECK: the mapping has no source {key!r}]"


def controller(region: str | None, sources: Iterable[Source] = (), state: str = "") -> Controller:
    """Who the letter goes to and under which law: LinkedIn Ireland and the GDPR for EU/EEA members (the Swiss
    FADP beside it for Swiss ones), LinkedIn Corporation and the UK GDPR for UK members, LinkedIn Corporation and
    no GDPR claim elsewhere. An unknown region gets the EU letter, which asks the member to check it. The links come
    from the mapping's ``sources``; ``state`` (ISO 3166-2) names a German member's supervisory authority."""
    urls = {s.key: s.url for s in sources}
    law = _LAW.get(region or "eu", "other")
    europe = law in ("gdpr", "ch")
    authority, checked = DE_AUTHORITY.get(state, ("", True)) if europe else ("", True)
    return Controller(
        address=CONTROLLER_IRELAND if europe else CONTROLLER_US,
        law=law,
        known=region is not None,
        policy_url=_url(urls, "erpn" if law in ("gdpr", "ch", "uk") else "privacy_policy"),
        objection_url=_url(urls, "objection_form"),
        dpo_url=_url(urls, "dpo_form"),
        setting_url=_url(urls, "setting"),
        local_url=_url(urls, _LOCAL_SOURCE[law]) if law in _LOCAL_SOURCE else "",
        address_checked=europe,
        authority=authority,
        authority_checked=checked,
    )


def start(region: str | None) -> date | None:
    """The day LinkedIn began training on the data of members in ``region`` (None when it is unknown)."""
    return REGION_START[region] if region else None


def region_of_country(value: str) -> str | None:
    """The policy region of a country's name (English or German, official or short) or ISO code, or None."""
    country = places.country_of(value)
    return places.region_of(country) if country else None


def region_for_flag(value: str) -> str | None:
    """What ``--region`` names: a region (eu, eea, ch, uk, ca, hk, us, other) or a country's name or ISO code
    (``germany``, ``IN``, ``United States``), case-insensitive; None when it is neither."""
    key = value.strip().lower()
    return key if key in REGION_START else region_of_country(value)


ACTIONS = (
    Action(
        "opt_out",
        Text("Switch off AI training", "KI-Training abschalten"),
        Text(
            "Me → Settings & Privacy → Data privacy → How LinkedIn uses your data → Data for Generative AI "
            "Improvement → switch off “Use my data for training content creation AI models”. This stops use "
            "from now on; training that already happened is not undone.",
            "Ich → Einstellungen & Datenschutz → Datenschutz → So verwendet LinkedIn Ihre Daten → Daten zur "
            "Verbesserung generativer KI → Schalter ausschalten. Das stoppt die künftige Nutzung; ein bereits "
            "erfolgtes Training wird nicht rückgängig gemacht.",
        ),
        "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement",
        "setting",
    ),
    Action(
        "object",
        Text("Object to other processing (GDPR Art. 21)", "Widerspruch gegen weitere Verarbeitung (Art. 21 DSGVO)"),
        Text(
            "The switch does not cover other AI models (e.g. safety, personalisation). Use LinkedIn's Data "
            "Processing Objection form; `linkedin-ai-exposure letter` writes the text for you.",
            "Der Schalter erfasst keine anderen KI-Modelle (z. B. Sicherheit, Personalisierung). Nutzen Sie "
            "LinkedIns Formular „Widerspruch gegen die Datenverarbeitung“; `linkedin-ai-exposure letter` "
            "schreibt den Text für Sie.",
        ),
        "https://www.linkedin.com/help/linkedin/ask/TS-DPRO",
        "objection_form",
    ),
    Action(
        "ads",
        Text("Stop sharing ads data with Microsoft", "Weitergabe von Werbedaten an Microsoft stoppen"),
        Text(
            "Settings & Privacy → Advertising data → Share data with affiliates and partners → off "
            "(a separate 2025 change, outside the EU/EEA/CH).",
            "Einstellungen & Datenschutz → Anzeigendaten → Daten mit verbundenen Unternehmen und Partnern "
            "teilen → aus (eine eigene Änderung von 2025, außerhalb von EU/EWR/Schweiz).",
        ),
        "https://www.linkedin.com/mypreferences/d/categories/ads",
        "privacy_policy",
    ),
    Action(
        "export",
        Text("Get a fresh export", "Einen neuen Export anfordern"),
        Text(
            "Settings & Privacy → Data privacy → Get a copy of your data → Request archive. The large archive "
            "arrives within about 24 hours and can be downloaded for 72 hours.",
            "Einstellungen & Datenschutz → Datenschutz → Kopie Ihrer Daten anfordern → Archiv anfordern. Das "
            "große Archiv kommt innerhalb von etwa 24 Stunden und kann 72 Stunden lang heruntergeladen werden.",
        ),
        "https://www.linkedin.com/help/linkedin/answer/a1339364",
        "download",
    ),
)

#: The sources the guide lists, in this order (keys of the mapping's [sources]).
_GUIDE_SOURCES = (
    "setting",
    "gai_control",
    "gai_faq",
    "objection_form",
    "erpn",
    "privacy_policy",
    "download",
    "gdpr_art21",
)


def guide(mapping: Mapping) -> Guide:
    """The opt-out guide's facts, with the mapping's sources it cites."""
    known = {s.key: s for s in mapping.sources}
    return Guide(
        actions=ACTIONS,
        dates=(("europe", START_EUROPE), ("global_", START_GLOBAL)),
        sources=tuple(known[key] for key in _GUIDE_SOURCES if key in known),
        mapping_version=mapping.version,
        mapping_reviewed=mapping.reviewed,
        platform=mapping.platform,
    )
