"""Writes ``places_data.py`` from pycountry and the hand-kept tables below: ``python -m
analyzer.platforms.linkedin.places_gen --write`` (``--check`` exits 1 when the committed file differs).

Why generated: pycountry has every ISO 3166-1 country with its official and common names, alpha-2 and alpha-3
codes, German translations (gettext domain ``iso3166-1``) and the subdivisions, but importing it costs about
100 ms, which the tool's start-up cannot afford. So pycountry is a test-time dependency only; the test suite
checks that the committed data is what this module makes of the installed pycountry.

By hand (pycountry lacks them): the names LinkedIn and people write (``_ALIASES``), the English names of the
German states, and the big cities and metro areas LinkedIn writes without a country (``_CITIES``).
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path
from typing import Any

from analyzer.platforms.linkedin.places import fold

TARGET = Path(__file__).with_name("places_data.py")

#: Country names pycountry does not have (English and German), and a few it has under another form.
_ALIASES = """
RU: russia, russland | KR: south korea, korea, republic of korea, südkorea | KP: north korea, nordkorea
TR: turkey, turkiye, türkei | NL: the netherlands, holland, niederlande | GB: great britain, britain, uk,
großbritannien, vereinigtes königreich | US: usa, america, amerika, united states of america |
AE: uae, emirates, vae | SA: ksa | XK: kosovo, kosova | MO: macau, macao sar | CI: ivory coast, elfenbeinküste
CZ: czech republic, tschechei | HK: hong kong sar, hong kong sar china, hongkong | CN: mainland china, prc
VA: vatican, vatican city, vatikan, vatikanstadt, holy see | FM: micronesia | CV: cape verde, kapverden
SZ: swaziland | MK: macedonia, mazedonien | MM: burma, birma | BN: brunei | CD: dr congo, drc, congo-kinshasa,
democratic republic of the congo | CG: congo-brazzaville, congo republic | TL: east timor, osttimor
PS: palestine, palestinian territories, palestinian territory, palästina | BY: weißrussland | MD: moldawien
KN: st kitts and nevis | LC: st lucia | VC: st vincent and the grenadines | VI: us virgin islands
VG: british virgin islands | BQ: bonaire, caribbean netherlands | AX: aland | CH: suisse, svizzera, svizra
LA: laos | SY: syria | IR: iran | VN: vietnam | BO: bolivia | TZ: tanzania | VE: venezuela | TW: taiwan
"""
#: German states in English (pycountry names them in German only), and the short forms LinkedIn writes.
_DE_STATES = """
BY: bavaria | NW: north rhine-westphalia, north rhine westphalia, nrw | NI: lower saxony | SN: saxony
ST: saxony-anhalt, saxony anhalt | TH: thuringia | HE: hesse | RP: rhineland-palatinate
MV: mecklenburg-western pomerania, mecklenburg-west pomerania | BW: baden-wurttemberg, baden-württemberg
"""
#: Big cities and metro areas as LinkedIn writes them (the metro words "Greater … Area" are stripped on reading).
_CITIES = """
US: new york city, new york, nyc, los angeles, chicago, houston, phoenix, philadelphia, san antonio, san diego,
dallas, dallas-fort worth, fort worth, san jose, austin, jacksonville, columbus, charlotte, indianapolis,
san francisco, seattle, denver, washington dc, washington dc-baltimore, boston, nashville, detroit, portland,
las vegas, memphis, louisville, baltimore, milwaukee, albuquerque, tucson, sacramento, kansas city, atlanta,
miami, miami-fort lauderdale, raleigh, raleigh-durham, omaha, minneapolis, minneapolis-st paul, st louis,
tampa, pittsburgh, cincinnati, cleveland, orlando, salt lake city, new orleans, honolulu, buffalo, richmond,
silicon valley, boise, des moines, hartford, providence, greenville, knoxville, anchorage, princeton
DE: berlin, hamburg, munchen, munich, koln, cologne, cologne bonn, frankfurt, frankfurt am main,
frankfurt rhine-main, rhein-main, rhine-main, stuttgart, dusseldorf, leipzig, dortmund, essen, dresden,
hannover, hanover, nurnberg, nuremberg, duisburg, bochum, wuppertal, bielefeld, bonn, munster, karlsruhe,
mannheim, rhine-neckar, augsburg, wiesbaden, mainz, aachen, kiel, freiburg, freiburg im breisgau, heidelberg,
potsdam, rostock, regensburg, wolfsburg, braunschweig, ingolstadt, ulm, erlangen, darmstadt, ruhr, ruhrgebiet
GB: london, manchester, birmingham, edinburgh, glasgow, cardiff, belfast, leeds, bristol, liverpool,
sheffield, newcastle, newcastle upon tyne, nottingham, leicester, cambridge, oxford, reading, brighton,
aberdeen, swansea, southampton
CA: toronto, montreal, vancouver, calgary, edmonton, ottawa, winnipeg, halifax, victoria, waterloo, kitchener
FR: paris, lyon, marseille, toulouse, nice, nantes, lille, bordeaux, strasbourg | IT: rome, roma, rom, milan,
milano, mailand, naples, turin, florence, bologna | ES: madrid, barcelona, valencia, seville, sevilla, malaga
NL: amsterdam, rotterdam, the hague, den haag, utrecht, eindhoven | BE: brussels, brussel, bruxelles, brussel,
antwerp, antwerpen, ghent | AT: vienna, wien, graz, linz, salzburg, innsbruck | CH: zurich, geneva, genf,
geneve, basel, bern, lausanne, lucerne, luzern | PL: warsaw, warschau, krakow, wroclaw | CZ: prague, prag
HU: budapest | PT: lisbon, lissabon, lisboa, porto | IE: dublin, cork | DK: copenhagen, kopenhagen
SE: stockholm, gothenburg | NO: oslo, bergen | FI: helsinki | IS: reykjavik | GR: athens, athen | RO: bucharest
BG: sofia | LU: luxembourg | IN: mumbai, bombay, delhi, new delhi, bengaluru, bangalore, hyderabad, chennai,
kolkata, pune, ahmedabad, gurugram, gurgaon, noida | CN: beijing, shanghai, shenzhen, guangzhou | HK: kowloon
JP: tokyo, osaka, kyoto, yokohama | KR: seoul, busan | SG: singapore | AU: sydney, melbourne, brisbane, perth,
adelaide, canberra | NZ: auckland, wellington | BR: sao paulo, rio de janeiro, brasilia | MX: mexico city
AR: buenos aires | CL: santiago | CO: bogota, medellin | PE: lima | EG: cairo, kairo, alexandria | NG: lagos,
abuja | KE: nairobi | ZA: johannesburg, cape town, kapstadt | MA: casablanca | TR: istanbul, ankara
AE: dubai, abu dhabi | SA: riyadh, jeddah | QA: doha | IL: tel aviv, jerusalem | PK: karachi, lahore, islamabad
BD: dhaka | ID: jakarta | MY: kuala lumpur | TH: bangkok | VN: ho chi minh city, hanoi | PH: manila
TW: taipei | RU: moscow, moskau, saint petersburg | UA: kyiv, kiev | GE: tbilisi | AM: yerevan | AZ: baku
"""


def _table(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for group in re.split(r"\s*\|\s*|\n(?=[A-Z]{2}:)", text.strip()):
        code, _, names = group.partition(":")
        for name in names.split(","):
            if name.strip():
                out[fold(name)] = code.strip()
    return out


def _forms(name: str) -> list[str]:
    """A pycountry name and the forms a location can hold: without "[…]" or "(…)", the inner part, "X, Y" as
    "Y X"."""
    forms = [name]
    inner = re.findall(r"[(\[]([^)\]]*)[)\]]", name)
    outer = re.sub(r"\s*[(\[][^)\]]*[)\]]", "", name).strip()
    forms += [outer, *(i for i in inner if not re.search(r"[A-Z]{2}-", i))]
    if ", " in outer:
        first, _, rest = outer.partition(", ")
        forms.append(f"{rest} {first}")
    return [fold(f) for f in forms if f.strip()]


def _add(table: dict[str, str], key: str, code: str, what: str) -> None:
    if table.setdefault(key, code) != code:
        raise ValueError(f"{what} {key!r}: {table[key]} or {code}? Decide it in places_gen's aliases")


def tables(pycountry: Any) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """COUNTRIES, STATES, CITIES: folded name → alpha-2."""
    import gettext

    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"]).gettext
    countries = _table(_ALIASES)
    for c in pycountry.countries:
        names = [getattr(c, f, "") for f in ("name", "official_name", "common_name")]
        for name in [n for n in names if n] + [german(n) for n in names if n]:
            for form in _forms(name):
                _add(countries, form, c.alpha_2, "country")
        _add(countries, c.alpha_2.lower(), c.alpha_2, "code")
        _add(countries, c.alpha_3.lower(), c.alpha_2, "code")
    states = dict.fromkeys(_table(_DE_STATES), "DE")
    for country in ("US", "CA", "GB", "DE"):
        for s in pycountry.subdivisions.get(country_code=country):
            if country == "GB" and s.type not in ("Country", "Province"):
                continue
            for form in _forms(s.name):
                _add(states, form, country, "state")
            code = s.code.split("-")[1].lower()
            if country == "US" or (country == "CA" and code not in countries):
                _add(states, code, country, "state code")
    states["dc"] = "US"
    return countries, states, _table(_CITIES)


def _dict(name: str, table: dict[str, str], width: int = 200) -> list[str]:
    lines, line = [f"{name}: dict[str, str] = {{"], ""
    for key in sorted(table):
        entry = f"{key!r}: {table[key]!r}, "
        if len(line) + len(entry) > width:
            lines.append(line.rstrip())
            line = ""
        line += entry
    return [*lines, line.rstrip(), "}  # fmt: skip"]


def build() -> str:
    """The text of ``places_data.py`` from the installed pycountry."""
    pycountry = importlib.import_module("pycountry")
    countries, states, cities = tables(pycountry)
    head = [
        f'"""Generated by places_gen.py from pycountry {pycountry_version()} and its hand-kept tables: do not edit.',
        "",
        "Folded names (``places.fold``) → ISO 3166-1 alpha-2: countries (names, codes, German names), states",
        '(US states and codes, Canadian provinces, UK nations, German states) and cities and metro areas."""',
        "",
    ]
    body = _dict("COUNTRIES", countries) + _dict("STATES", states) + _dict("CITIES", cities)
    return "\n".join(head + body) + "\n"


def pycountry_version() -> str:
    from importlib.metadata import version

    return version("pycountry")


def main(argv: list[str]) -> int:
    text = build()
    if "--write" in argv:
        TARGET.write_text(text, encoding="utf-8")
        return 0
    return 0 if TARGET.read_text(encoding="utf-8") == text else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
