"""Archive members to datasets: numbered parts are one dataset, read in part order."""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.mapping import load_mapping
from analyzer.mapping.model import compile_pattern, example_path
from analyzer.pipeline import scan
from tests.conftest import SAMPLES_DIR

MAPPING = load_mapping()


def test_numbered_parts_are_one_dataset_in_order(make_export):
    path = make_export({
        "Job Applicant Saved Screening Question Responses_2.csv": "Question,Answer\nC,3\n",
        "Job Applicant Saved Screening Question Responses.csv": "Question,Answer\nA,1\n",
        "Job Applicant Saved Screening Question Responses_1.csv": "Question,Answer\nB,2\n",
    })  # fmt: skip
    (d,) = scan(path, MAPPING).datasets
    assert d.records == 3
    assert d.members == ("Job Applicant Saved Screening Question Responses.csv",
                         "Job Applicant Saved Screening Question Responses_1.csv",
                         "Job Applicant Saved Screening Question Responses_2.csv")  # fmt: skip


ARTICLE = (
    '<html><body><h1><a href="https://www.linkedin.com/pulse/x">Was ich gelernt habe</a></h1>'
    '<p class="created">Created on 2017-12-09 04:54</p><p class="published">Published on 2017-12-09 08:00</p>'
    "<p>Erstens: zuhören.</p></body></html>"
)


def test_a_re_packed_export_reads_the_same_files_and_says_so(make_export):
    """Someone extracted the export and zipped it again with every file at the top level."""
    path = make_export({
        "Profile.csv": "First Name,Last Name\nLena,Hoffmann\n",
        "2017-12-09 04:54:08.html": ARTICLE,
        "Saved Jobs.csv": "Saved Date,Job Url,Job Title,Company Name\n2024-01-05,https://x/1,PM,Spreewerk\n",
    })  # fmt: skip
    report = scan(path, MAPPING)
    assert report.unmapped == ()
    by_name = {d.name: d for d in report.datasets}
    assert by_name["Articles"].records == 1 and by_name["Articles"].words == 6
    assert by_name["Saved Jobs.csv"].members == ("Saved Jobs.csv",)
    (note,) = report.notes
    assert note.startswith("the export was re-packed: 2017-12-09 04:54:08.html, Saved Jobs.csv sit at the top level")
    assert report.problem_count == 0  # a note, not a problem


def test_an_export_as_linkedin_writes_it_has_no_repacking_note():
    from tests.conftest import SAMPLES

    assert [scan(s, MAPPING).notes for s in SAMPLES] == [()] * len(SAMPLES)


def test_files_seen_since_the_first_mapping_are_mapped(make_export):
    path = make_export({
        "Volunteering.csv": "Company Name,Role,Cause,Started On,Finished On,Description\n"
                            "Tafel Berlin,Fahrerin,Poverty Alleviation,Mar 2019,,Ich fahre samstags Lebensmittel aus.\n",
        "Patents.csv": "Title,Patent Number\nVerfahren zur Datensparsamkeit,DE102024000001\n",
        "InstantReposts.csv": "Date,Link\n2025-02-01 10:00:00,https://x/r1\n",
        "InstantReposts_1.csv": "Date,Link\n2025-03-01 10:00:00,https://x/r2\n",
        "Services Marketplace/Providers.csv": "Creation Time,Marketplace Type,ProFinder Service Category\n2023-05-02,SERVICES,Consulting\n",
    })  # fmt: skip
    report = scan(path, MAPPING)
    assert report.unmapped == ()
    got = {d.name: (d.status, d.records, d.drift) for d in report.datasets}
    assert got == {
        "Volunteering.csv": ("used", 1, None),
        "Patents.csv": ("used", 1, None),  # no layout known yet, so no "format changed"
        "InstantReposts.csv": ("unclear", 2, None),
        "Services Marketplace/Providers.csv": ("unclear", 1, None),
    }
    volunteering = next(d for d in report.datasets if d.name == "Volunteering.csv")
    assert volunteering.words == 5 and volunteering.category == "profile"
    assert "1 volunteering role" in [f"{d.records} {d.unit.en.split('|')[0]}" for d in report.most_exposed if d.unit]


def _regex_matches(dataset, path):
    """What a dataset matched before whole-path patterns were compared as strings: every pattern compiled."""
    regex = "|".join(f"(?:{compile_pattern(p)})" for p in dataset.patterns)
    return bool(dataset.patterns) and re.fullmatch(regex, path) is not None


def _member_paths() -> list[str]:
    paths: set[str] = set()
    for archive in SAMPLES_DIR.glob("*.zip"):
        with zipfile.ZipFile(archive) as zf:
            paths.update(zf.namelist())
    return sorted(paths)


SAMPLE_PATHS = _member_paths()
PATTERN_PATHS = sorted(
    {p for d in MAPPING.datasets for p in d.patterns} | {example_path(p) for d in MAPPING.datasets for p in d.patterns}
)


# The shipped order, the reverse, and a wildcard dataset ("*.csv") first that matches files later datasets name.
MAPPINGS = (
    MAPPING,
    replace(MAPPING, datasets=MAPPING.datasets[::-1]),
    replace(MAPPING, datasets=(replace(MAPPING.datasets[-1], name="Any CSV", patterns=("*.csv",)), *MAPPING.datasets)),
)


@settings(max_examples=40, deadline=None)
@given(
    st.one_of(
        st.sampled_from(SAMPLE_PATHS + PATTERN_PATHS),
        st.tuples(
            st.sampled_from(SAMPLE_PATHS + PATTERN_PATHS), st.sampled_from(["", "x", "/", "_1", ".CSV", " "])
        ).map("".join),
        st.text(alphabet="Sharesc_0123456789./*<n>", max_size=16),
    )
)
def test_a_member_path_goes_to_the_dataset_it_went_to_with_every_pattern_compiled(path):
    for mapping in MAPPINGS:
        expected = next((d for d in mapping.datasets if _regex_matches(d, path)), None)
        assert mapping.match(path) is expected


def test_every_member_of_the_samples_and_every_pattern_goes_where_the_compiled_patterns_send_it():
    for mapping in MAPPINGS:
        for path in SAMPLE_PATHS + PATTERN_PATHS:
            assert mapping.match(path) is next((d for d in mapping.datasets if _regex_matches(d, path)), None), path
    assert MAPPINGS[2].match("Shares.csv") is MAPPINGS[2].datasets[0]  # the wildcard first takes what it matches
