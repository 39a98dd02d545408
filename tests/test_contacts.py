"""Contact details in the member's own text: what is found, what is not, and what pyarrow is asked to look at."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer import contacts
from analyzer.contacts import find_contacts, iban_valid
from analyzer.mapping import load_mapping
from analyzer.pipeline import ScanOptions, scan
from analyzer.read import arrow as columnar
from tests.conftest import COMMENTS

MAPPING = load_mapping()
#: Examples per property; raise it for a deeper search, e.g. COLUMNAR_EXAMPLES=5000 make test.
EXAMPLES = int(os.environ.get("COLUMNAR_EXAMPLES", "120"))


@pytest.mark.parametrize(
    "text, found",
    [
        ("Schreib mir: anna.schmidt@example.de", [("email", "anna.schmidt@example.de")]),
        ("Ruf an: +49 30 1234567 oder 0151-23456789", [("phone", "+49 30 1234567"), ("phone", "0151-23456789")]),
        ("Call +1 (415) 555-0100", [("phone", "+1 (415) 555-0100")]),
        ("Spenden: DE89 3704 0044 0532 0130 00", [("iban", "DE89 3704 0044 0532 0130 00")]),
        ("Not an IBAN: DE00 1234 5678 9012 3456 78", []),
        ("On 2024-06-17 we had 1234567 views, version 3.11.7", []),
    ],
)
def test_contact_detection(text, found):
    assert list(find_contacts(text)) == found


def test_iban_check_digits():
    assert iban_valid("GB82 WEST 1234 5698 7654 32")
    assert not iban_valid("GB00 WEST 1234 5698 7654 32")


def test_show_values_keeps_the_values(make_export):
    path = make_export({"Comments.csv": COMMENTS})
    report = scan(path, MAPPING, ScanOptions(show_values=True))
    assert report.contacts[0].values == ("a.b@example.de",)


_CANDIDATE_TEXT = st.text(alphabet=st.sampled_from([*"0123456789 ./()-ab@\n", "٣", "५", "１", "²"]), max_size=30)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(_CANDIDATE_TEXT, min_size=1, max_size=20))
def test_the_re2_candidate_pattern_finds_the_cells_find_contacts_looks_at(cells):
    pa, _, pc = columnar.arrow()
    python = ["@" in cell or contacts._DIGIT_RUN.search(cell) is not None for cell in cells]
    assert pc.match_substring_regex(pa.array(cells), contacts.CANDIDATE_RE2).to_pylist() == python
