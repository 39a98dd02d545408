"""LinkedIn's AI-training policy: regions and start dates, controllers, actions (shared/reference/linkedin_ai_policy.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from analyzer.model import Controller, Period, Text
from analyzer.platforms.linkedin import places

#: 18 Sep 2024: the Global Privacy Policy discloses AI training; reports say it began before.
DISCLOSED = date(2024, 9, 18)
#: 3 Nov 2025: training on EU/EEA/CH member data (legitimate interest), resumed in the UK, Canada, Hong Kong.
RESUMED = date(2025, 11, 3)


@dataclass(frozen=True)
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
#: The data controller, exactly as LinkedIn's European Regional Privacy Notice ("Data Controller") names it:
#: LinkedIn Ireland for the Designated Countries (EU, EEA, Switzerland), LinkedIn Corporation for the UK
#: and, per the Privacy Policy, everywhere else.
CONTROLLER_IRELAND = ("LinkedIn Ireland Unlimited Company", "Wilton Place", "Dublin 2", "Ireland")
CONTROLLER_US = ("LinkedIn Corporation", "1000 W Maude Avenue", "Sunnyvale, CA")
_PRIVACY_NOTICE_EU = "https://www.linkedin.com/legal/privacy/eu"
_PRIVACY_POLICY = "https://www.linkedin.com/legal/privacy-policy"


def controller(region: str | None) -> Controller:
    """LinkedIn Ireland for EU/EEA/CH members (and when the region is unknown), else LinkedIn Corporation; the
    GDPR's rights for EU/EEA/CH and the UK (the UK GDPR), and for an unknown region, which the letter asks to check."""
    gdpr = region in (None, "eu", "eea", "ch", "uk")
    address = CONTROLLER_US if region in ("uk", "ca", "hk", "us", "other") else CONTROLLER_IRELAND
    return Controller(
        address, gdpr, region == "uk", region is not None, _PRIVACY_NOTICE_EU if gdpr else _PRIVACY_POLICY
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
