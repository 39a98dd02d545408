"""A Said is its English text, keeps its key and values, and is said in German from them."""

from __future__ import annotations

import json
import pickle

from analyzer.errors import ArchiveError
from analyzer.limits import human
from analyzer.said import Said, at, localized


def test_a_said_is_its_english_text_and_says_itself_in_german():
    said = Said("problem.short_records", path="Comments.csv", count=1234)
    assert said == "Comments.csv: 1,234 records had fewer columns than the header (missing cells left empty)"
    assert localized(said, "de") == (
        "Comments.csv: 1.234 Einträge hatten weniger Spalten als die Kopfzeile (fehlende Zellen bleiben leer)"
    )
    assert localized(said, "en") == said and localized("plain text", "de") == "plain text"
    assert json.dumps([said]) == json.dumps([str(said)])  # the JSON carries the English text


def test_one_takes_the_singular_and_values_are_said_in_the_language_too():
    one = Said("problem.bad_dates", name="Comments.csv", count=1)
    assert one == "Comments.csv: 1 date could not be read (not guessed; left out of the timeline)"
    nested = at("Rich_Media.csv", Said("problem.binary"))
    assert localized(nested, "de") == "Rich_Media.csv: ist keine Textdatei (Binärdaten); nicht gelesen"
    size = Said("problem.too_large", name="a.csv", size=human(3 * 1024 * 1024 // 2), limit=human(1024))
    assert size == "a.csv: is 1.5 MiB, more than the limit of 1 KiB; not read"
    assert localized(size, "de") == "a.csv: ist 1,5 MiB groß, mehr als die Grenze von 1 KiB; nicht gelesen"


def test_a_said_survives_pickling_with_its_key():
    """The two-process scan sends problems from one process to the other."""
    said = pickle.loads(pickle.dumps(at("x.csv", Said("note.empty_rows", count=2))))
    assert isinstance(said, Said) and said.key == "at" and localized(said, "de") == "x.csv: 2 leere Zeilen übersprungen"


def test_an_error_said_carries_its_key_to_the_problem_line():
    error = ArchiveError.said("problem.damaged", name="Shares.csv", reason="Error -3")
    assert str(error) == "Shares.csv: is damaged inside the ZIP (Error -3); read up to the damage"
    assert (error.key, dict(error.values)) == ("problem.damaged", {"name": "Shares.csv", "reason": "Error -3"})
