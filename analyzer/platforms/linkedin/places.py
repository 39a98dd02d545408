"""Where a LinkedIn location lies: a country, state, metro area or city → ISO 3166-1 alpha-2 → policy region.

The names come from ``places_data.py``, which ``places_gen.py`` writes from pycountry and a short hand-kept
table (pycountry is not imported at run time: it costs about 100 ms of start-up).

How a location is read (``locate``): its comma-separated parts from the end; the first part that names a
country decides; else the first that names a state, province, UK nation, German state, metro area or city.
A part that can be read two ways with different regions (``Georgia``: the country or the US state; ``CA``:
Canada or California) is decided by the rest of the string (``Atlanta, Georgia``: Atlanta lies in the US),
else by a default (a full name is the country; a two-letter code after a place is a US state), and the
reading is returned as an assumption the report shows.

Regions (``region_of``), decided here for every territory:

* EU member states → ``eu``, and the EU's outermost regions that ISO lists as territories of their own:
  Åland (AX), French Guiana (GF), Guadeloupe (GP), Martinique (MQ), Réunion (RE), Mayotte (YT), Saint Martin
  (MF). Not the overseas countries and territories outside the EU (Greenland, the Faroe Islands, New
  Caledonia, French Polynesia, Saint Barthélemy, Saint Pierre and Miquelon, Wallis and Futuna, Aruba,
  Curaçao, Sint Maarten, Bonaire, the French Southern Territories): ``other``.
* Iceland, Liechtenstein, Norway → ``eea``; Svalbard and Jan Mayen (SJ, Norwegian, outside the EEA
  Agreement but with no LinkedIn location of its own) → ``eea`` too; Bouvet Island (uninhabited) → ``other``.
* Switzerland → ``ch``; the United Kingdom → ``uk``; Canada → ``ca``; Hong Kong → ``hk``.
* The United States → ``us``, and its territories (Puerto Rico, Guam, the US Virgin Islands, American Samoa,
  the Northern Mariana Islands, the Minor Outlying Islands): US jurisdiction, the same controller and date.
* Every other country or territory → ``other``: also the Crown Dependencies (Jersey, Guernsey, the Isle of
  Man) and the British Overseas Territories (Gibraltar, Bermuda …), which are not part of the UK, and Macao,
  which is not Hong Kong.
"""

from __future__ import annotations

import unicodedata

from analyzer.frozen import frozen
from analyzer.platforms.linkedin.places_data import CITIES, COUNTRIES, STATES

_EU = frozenset(("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
                 "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "AX", "GF", "GP", "MQ", "RE", "YT", "MF"))  # fmt: skip
_EEA = frozenset(("IS", "LI", "NO", "SJ"))
_ONE = {"CH": "ch", "GB": "uk", "CA": "ca", "HK": "hk"} | dict.fromkeys(
    ("US", "PR", "GU", "VI", "AS", "MP", "UM"), "us"
)
#: What a state reading is called in the assumption the report shows (a catalogue key's last part).
_STATE_KIND = {"US": "us_state", "CA": "ca_province", "GB": "uk_nation", "DE": "de_state"}
_PUNCT = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", ".": "", "–": "-", "—": "-", "‐": "-", "‑": "-"})
_PREFIXES = ("greater ", "grossraum ", "metropolregion ", "region ", "the ")
_SUFFIXES = (" metropolitan area", " metropolitan region", " metro area", " metroplex", " bay area", " area",
             " region", " und umgebung", " sar", " county", " metropolitan", " metro")  # fmt: skip
_PIECES = str.maketrans({"-": ",", "/": ",", "&": ","})


def fold(text: str) -> str:
    """A name as the tables hold it: case-folded, without accents, dots or odd dashes, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_PUNCT))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def region_of(alpha2: str) -> str:
    """The policy region of an ISO 3166-1 alpha-2 code (see the module's docstring for each territory)."""
    code = alpha2.upper()
    return "eu" if code in _EU else "eea" if code in _EEA else _ONE.get(code, "other")


def country_of(value: str) -> str:
    """The alpha-2 code of a country's name (English or German, official or short) or ISO code; "" if none."""
    key = fold(value)
    return COUNTRIES.get(key) or COUNTRIES.get(key.removeprefix("the "), "")


@frozen
class Place:
    """What a location names: its country (alpha-2, "" when nothing is recognised) and, when one of its parts
    could be read two ways, the assumption made: (part as written, read as, because of which part ("" for
    the default), the other reading, the --region value for it)."""

    country: str
    assumption: tuple[str, ...] = ()

    @property
    def region(self) -> str | None:
        return region_of(self.country) if self.country else None


def core(key: str) -> str:
    """A folded name without the metro-area words around it: ``greater munich metropolitan area`` → ``munich``."""
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if key.startswith(prefix) and len(key) > len(prefix):
                key, changed = key[len(prefix) :], True
        for suffix in _SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                key, changed = key[: -len(suffix)], True
    return key


def _readings(part: str) -> list[tuple[str, str]]:
    """(kind, alpha-2) for every way a part can be read: "country", "state" or "city"; the first form of the
    part that names anything counts (as written, without its metro-area words, its pieces, its words)."""
    key = fold(part)
    stem = core(key)
    forms = [key, stem, *(p.strip() for p in stem.translate(_PIECES).split(","))]
    for form in dict.fromkeys(f for f in forms if f):
        found = [(kind, table[form]) for kind, table in _TABLES if form in table]
        if found:
            return found
    for word in stem.split():
        if len(word) > 3 and word in CITIES:
            return [("city", CITIES[word])]
    return []


_TABLES = (("country", COUNTRIES), ("state", STATES), ("city", CITIES))


def _kind(kind: str, alpha2: str) -> str:
    return "country" if kind == "country" else _STATE_KIND.get(alpha2, "city") if kind == "state" else "city"


def _decide(i: int, parts: list[str], readings: list[list[tuple[str, str]]], mine: list[tuple[str, str]]) -> Place:
    """Part ``i`` decides; when its readings lie in different regions, the other parts or a default pick one."""
    if len({region_of(a) for _, a in mine}) < 2:
        return Place(mine[0][1])
    chosen, because = None, ""
    for j in range(len(parts) - 1, -1, -1):
        others = {a for _, a in readings[j]} if j != i else set()
        chosen = next((r for r in mine if r[1] in others), None)
        if chosen:
            because = parts[j]
            break
    if chosen is None:
        code = len(fold(parts[i])) == 2 and len(parts) > 1
        chosen = next((r for r in mine if (r[0] == "state") == code), mine[0])
    other = next(r for r in mine if region_of(r[1]) != region_of(chosen[1]))
    assumption = (parts[i], _kind(*chosen), because, _kind(*other), region_of(other[1]))
    return Place(chosen[1], assumption)


def locate(value: str) -> Place:
    """Where a LinkedIn ``Geo Location`` (or address) lies, e.g. ``Berlin, Berlin, Germany``, ``Greater Seattle
    Area``, ``Kairo, Ägypten``; ``Place("")`` when no part names a place the tables know."""
    parts = [p.strip() for p in value.split(",") if p.strip()]
    readings = [_readings(p) for p in parts]
    order = range(len(parts) - 1, -1, -1)
    for wanted in ("country", None):
        for i in order:
            if readings[i] and (wanted is None or any(k == wanted for k, _ in readings[i])):
                return _decide(i, parts, readings, readings[i])
    return Place("")
