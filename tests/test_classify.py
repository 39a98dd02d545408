"""Archive members to datasets: numbered parts are one dataset, read in part order."""

from __future__ import annotations

from analyzer.mapping import load_mapping
from analyzer.pipeline import scan

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
