"""Which German federal state a LinkedIn location lies in (ISO 3166-2), for the supervisory authority the letter names.

Hand-kept: each state's German and English names, then after "|" the cities and metro areas LinkedIn writes
for it (those ``places_gen`` knows for Germany, and the state capitals). A place whose name two states share
(Halle, Frankfurt without "am Main" or "(Oder)" is read as Frankfurt am Main) or a metro area that spans
states (Rhine-Main, Rhine-Neckar) names a state only where the location also names it.
"""

from __future__ import annotations

from analyzer.platforms.linkedin import places

_TABLE = """
DE-BW: baden-württemberg | stuttgart, karlsruhe, mannheim, freiburg, freiburg im breisgau, heidelberg, ulm
DE-BY: bayern, bavaria, freistaat bayern | münchen, munich, nürnberg, nuremberg, augsburg, regensburg, ingolstadt,
       erlangen, würzburg
DE-BE: berlin | berlin
DE-BB: brandenburg | potsdam, cottbus, frankfurt (oder), frankfurt oder
DE-HB: bremen, freie hansestadt bremen | bremen, bremerhaven
DE-HH: hamburg, freie und hansestadt hamburg | hamburg
DE-HE: hessen, hesse | frankfurt, frankfurt am main, wiesbaden, darmstadt, kassel
DE-MV: mecklenburg-vorpommern, mecklenburg-western pomerania, mecklenburg-west pomerania | rostock, schwerin
DE-NI: niedersachsen, lower saxony | hannover, hanover, braunschweig, wolfsburg, osnabrück, göttingen
DE-NW: nordrhein-westfalen, north rhine-westphalia, north rhine westphalia, nrw | köln, cologne, cologne bonn,
       düsseldorf, dortmund, essen, duisburg, bochum, wuppertal, bielefeld, bonn, münster, aachen, ruhr, ruhrgebiet
DE-RP: rheinland-pfalz, rhineland-palatinate | mainz, ludwigshafen, ludwigshafen am rhein, koblenz, trier,
       kaiserslautern
DE-SL: saarland | saarbrücken
DE-SN: sachsen, saxony, freistaat sachsen | dresden, leipzig, chemnitz
DE-ST: sachsen-anhalt, saxony-anhalt, saxony anhalt | magdeburg
DE-SH: schleswig-holstein | kiel, lübeck, flensburg
DE-TH: thüringen, thuringia, freistaat thüringen | erfurt, jena
"""


def _tables() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    cities: dict[str, str] = {}
    for entry in _TABLE.replace("\n       ", " ").strip().splitlines():
        code, _, rest = entry.partition(": ")
        state_names, _, city_names = rest.partition(" | ")
        for table, listed in ((names, state_names), (cities, city_names)):
            table.update((places.fold(n), code) for n in listed.split(",") if n.strip())
    return names, cities


_NAMES, _CITIES = _tables()
#: Every state's code, in the table's order.
STATES = tuple(dict.fromkeys(_NAMES.values()))


def state_of(location: str) -> str:
    """The ISO 3166-2 code of the German state a location names (``München, Bayern, Deutschland``,
    ``Greater Munich Metropolitan Area``), "" when it names none: a state's name decides, else a city's."""
    parts = [places.fold(p) for p in location.split(",") if p.strip()]
    forms = [form for part in reversed(parts) for form in dict.fromkeys((part, places.core(part)))]
    for table in (_NAMES, _CITIES):
        found = next((table[form] for form in forms if form in table), "")
        if found:
            return found
    return ""
