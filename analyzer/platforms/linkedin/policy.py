"""LinkedIn's AI-training policy: regions and start dates, controllers, actions (shared/reference/linkedin_ai_policy.md)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from analyzer.frozen import frozen
from analyzer.model import Controller, Period, Source, Text
from analyzer.platforms.linkedin import places

#: 18 Sep 2024: the Global Privacy Policy discloses AI training; reports say it began before.
DISCLOSED = date(2024, 9, 18)
#: 3 Nov 2025: training on EU/EEA/CH member data (legitimate interest), resumed in the UK, Canada, Hong Kong.
RESUMED = date(2025, 11, 3)


@frozen
class Region:
    """A policy region: its name, when LinkedIn trained on its members' data, and the legal basis it names."""

    label: Text
    periods: tuple[Period, ...]
    basis: str = ""  # "gdpr", "uk_gdpr"; "" where LinkedIn names none (and the GDPR's does not apply)


_SINCE_2025 = Period(RESUMED, None, False, ("erpn", "terms_update_2025"))
_EUROPE = (_SINCE_2025,)
_RESUMED = Period(RESUMED, None, False, ("terms_update_2025",))


def _paused(until: date, source: str) -> Period:
    """In scope from the 2024 disclosure until a regulator announced the pause."""
    return Period(DISCLOSED, until, True, ("privacy_policy", source))


_GLOBAL = (Period(DISCLOSED, None, True, ("privacy_policy",)),)

#: Every region the verdict knows, from shared/reference/linkedin_ai_policy.md ("Timeline by region", v2).
REGIONS = {
    "eu": Region(Text("European Union", "Europäische Union"), _EUROPE, "gdpr"),
    "eea": Region(
        Text(
            "European Economic Area (Iceland, Liechtenstein, Norway)",
            "Europäischer Wirtschaftsraum (Island, Liechtenstein, Norwegen)",
        ),
        _EUROPE,
        "gdpr",
    ),
    "ch": Region(Text("Switzerland", "Schweiz"), _EUROPE, "gdpr"),
    "uk": Region(
        Text("United Kingdom", "Vereinigtes Königreich"),
        (_paused(date(2024, 9, 20), "ico"), Period(RESUMED, None, False, ("erpn", "terms_update_2025"))),
        "uk_gdpr",
    ),
    "ca": Region(Text("Canada", "Kanada"), (_paused(date(2024, 12, 10), "opc"), _RESUMED)),
    "hk": Region(Text("Hong Kong", "Hongkong"), (_paused(date(2024, 10, 11), "pcpd"), _RESUMED)),
    "us": Region(Text("United States", "Vereinigte Staaten"), _GLOBAL),
    "other": Region(Text("another region", "eine andere Region"), _GLOBAL),
}
#: Where the GDPR (or the UK's copy of it) gives the member the right to object.
GDPR_REGIONS = frozenset(("eu", "eea", "ch", "uk"))
REGION_LABEL = {key: region.label for key, region in REGIONS.items()}
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
    return REGIONS[region].periods[0].start if region else None


def exposure(region: str | None, opted_out_on: date | None) -> tuple[str, date | None]:
    """How an opt-out relates to the region's training periods, and the day from which the member's records
    were no longer open to training (see ``Verdict.opt_out_timing`` and ``Verdict.exposed_until``)."""
    if opted_out_on is None:
        return "", None
    if region is None:  # the periods are unknown: what was there before the opt-out may have been used
        return "running", opted_out_on
    periods = REGIONS[region].periods
    opened = [p for p in periods if p.start < opted_out_on]
    if not opened:
        # Before the first period: never used, unless training predates the day it was disclosed.
        return ("before_disclosure", opted_out_on) if periods[0].no_later_than else ("never", None)
    last = opened[-1]
    if last.end is not None and last.end < opted_out_on:
        return "in_pause", last.end
    return "running", opted_out_on


def region_of_country(value: str) -> str | None:
    """The policy region of a country's name (English or German, official or short) or ISO code, or None."""
    country = places.country_of(value)
    return places.region_of(country) if country else None


def region_for_flag(value: str) -> str | None:
    """What ``--region`` names: a region (eu, eea, ch, uk, ca, hk, us, other) or a country's name or ISO code
    (``germany``, ``IN``, ``United States``), case-insensitive; None when it is neither."""
    key = value.strip().lower()
    return key if key in REGIONS else region_of_country(value)
