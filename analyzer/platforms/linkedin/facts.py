"""Member facts in a LinkedIn export: which file and columns hold the name, e-mail, profile URL, region, birth date.

The scan reads them while it counts (``tally.py`` feeds each dataset's batches to the collectors named
here), so the letter never opens the archive a second time.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from analyzer.dates import parse_date
from analyzer.model import Member
from analyzer.platforms.linkedin import de_states, places
from analyzer.said import Said

#: Tallied before every other dataset: its first record names the member, whose own records the others
#: tell apart by that name, and where they live, which sets the policy start the dates are split by.
PROFILE = "Profile.csv"
_NAME = ("first name", "last name")
_BIRTH_DATE = "birth date"
#: Where the region is read from, in this order; "country" (2018) holds a country, the others a location.
_REGION_COLUMNS = ("geo location", "country", "address")
_EMAILS = "Email Addresses.csv"
#: Own sent messages carry the member's profile URL; the first of these files that has one is taken.
_MESSAGE_FILES = ("messages.csv", "guide_messages.csv")
#: Noted on a file whose own records are told apart by the member's name, when Profile.csv lacks it.
UNNAMED_NOTE = Said("note.unnamed.profile", file="Profile.csv")


def member(profile: dict[str, str], region_flag: str | None, has_profile: bool | None = None) -> Member:
    """Name, birth date, region and German state from Profile.csv's first record (lower-cased column → value).
    ``has_profile`` tells a missing Profile.csv from one without a record; when not given, an empty record means
    it is missing."""
    first = profile.get(_NAME[0], "").strip()
    last = profile.get(_NAME[1], "").strip()
    born = parse_date(profile.get(_BIRTH_DATE, ""))
    found = Member(name=" ".join(p for p in (first, last) if p), birth_date=born if isinstance(born, date) else None)
    has = bool(profile) if has_profile is None else has_profile
    if not has and not region_flag:
        return replace(found, region_issue="no_profile")
    inferred = _infer_region(profile) if has else {}
    if region_flag:  # the German state still comes from the profile, when it lies in the region the flag names
        state = inferred.get("state", "") if inferred.get("region") == region_flag else ""
        return replace(found, region=region_flag, region_how="--region", state=state)
    return replace(found, **inferred)


def _infer_region(profile: dict[str, str]) -> dict[str, Any]:
    """The Member fields of the region: from the first column that names a known place, else why there is none."""
    unknown: dict[str, Any] = {"region_issue": "no_location"}
    for column in _REGION_COLUMNS:
        value = profile.get(column, "").strip()
        if not value:
            continue
        how = Said("region.how", file="Profile.csv", column=column.title(), value=value)
        place = places.Place(places.country_of(value)) if column == "country" else places.locate(value)
        if place.region:
            state = de_states.state_of(value) if place.country == "DE" and column != "country" else ""
            return {"region": place.region, "region_how": how, "region_assumption": place.assumption, "state": state}
        if unknown["region_issue"] == "no_location":
            unknown = {"region_issue": "unrecognised", "region_how": how}
    return unknown


def collectors(dataset: str, path: str, member_name: str) -> list[Any]:
    """The fact collectors for one member file of ``dataset`` (see ``tally.FactCollector``)."""
    if dataset == _EMAILS:
        return [_Email()]
    if path in _MESSAGE_FILES and member_name:
        return [_ProfileUrl(member_name, _MESSAGE_FILES.index(path))]
    return []


def merge(found: list[tuple[str, int, str]]) -> dict[str, str]:
    """(fact, rank, value) from every collector → one value per fact, the lowest rank winning."""
    best: dict[str, tuple[int, str]] = {}
    for fact, rank, value in found:
        if fact not in best or rank < best[fact][0]:
            best[fact] = (rank, value)
    return {fact: value for fact, (_, value) in best.items()}


class _Email:
    """The primary, confirmed address of Email Addresses.csv (primary counts double; ties by address)."""

    def __init__(self) -> None:
        self._ranked: list[tuple[int, str]] = []

    def feed(self, header: list[str], batch: Any) -> bool:
        lowered = [h.lower() for h in header]
        for row in batch.rows():
            record = {h: v.strip() for h, v in zip(lowered, row, strict=True)}
            address = record.get("email address", "")
            if "@" not in address:
                continue
            score = (record.get("primary", "").lower() == "yes") * 2 + (record.get("confirmed", "").lower() == "yes")
            self._ranked.append((-score, address))
        return False

    def found(self) -> list[tuple[str, int, str]]:
        return [("email", 0, min(self._ranked)[1])] if self._ranked else []


class _ProfileUrl:
    """The Sender Profile URL of the member's first own message that has one."""

    def __init__(self, name: str, rank: int) -> None:
        self._name = name.lower()
        self._rank = rank
        self._url = ""

    def feed(self, header: list[str], batch: Any) -> bool:
        lowered = [h.lower() for h in header]
        if "from" not in lowered or "sender profile url" not in lowered:
            return True
        own = batch.mine(lowered.index("from"), self._name)
        for link in batch.cells(lowered.index("sender profile url"), own):
            if link.startswith("https://"):
                self._url = link.strip()
                return True
        return False

    def found(self) -> list[tuple[str, int, str]]:
        return [("profile_url", self._rank, self._url)] if self._url else []
