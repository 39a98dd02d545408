"""Datasets' figures → the Report: totals by status, what is most exposed, and the roll-up's figures add up
in every state the report factory (``tests/factories.py``, which calls ``build_report``) can make."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.mapping import load_mapping
from analyzer.model import STATUS_RANK
from analyzer.pipeline import scan
from tests.conftest import COMMENTS, PROFILE
from tests.factories import make_dataset, make_report

MAPPING = load_mapping()


def test_totals_by_status(make_export):
    path = make_export({"Profile.csv": PROFILE, "Comments.csv": COMMENTS,
                        "Email Addresses.csv": "Email Address,Confirmed,Primary,Updated On\na@example.de,Yes,Yes,\"1/19/26, 12:21 PM\"",
                        "Logins.csv": "Login Date,IP Address,User Agent,Login Type\nMon Mar 28 14:17:11 UTC 2022,::1,x,Login\n",
                        "extra.csv": "a,b\n1,\n"})  # fmt: skip
    report = scan(path, MAPPING)
    totals = {t.status: (t.datasets, t.records, t.data_points) for t in report.totals}
    assert totals == {"used": (2, 5, 20), "unclear": (1, 1, 4), "excluded": (1, 1, 4), "unmapped": (1, 1, 1)}
    assert report.data_points == 29  # 8 profile + 12 comments + 4 + 4 + 1
    assert [d.name for d in report.most_exposed] == ["Comments.csv", "Profile.csv"]


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {"member": {"region": None, "region_how": ""}},
        {"member": {"region": "us", "region_how": "--region"}},
        {"member": {"region": "uk", "birth_date": date(2010, 2, 17)}},
        {"member": {"birth_date": None}},
        {"verdict": {"opted_out_on": date(2025, 12, 1)}},
        {"unmapped": ("Groups_Future.csv", "nested.zip"), "unmapped_records": 2, "unmapped_data_points": 4},
        {"datasets": ()},
        {"datasets": (make_dataset("messages.csv", [date(2026, 1, 2)]),)},
        {"datasets": (make_dataset("Votes.csv", [date(2025, 1, 1)]), make_dataset("Rich Media.csv", undated=1))},
        {"problems": ("the ZIP file is incomplete",), "source": {"name": "export.zip"}},
    ],
    ids=["default", "no-region", "us", "uk-minor", "no-birth-date", "opted-out", "unmapped", "nothing", "nothing-used",
         "status-override", "problems-no-date"],
)  # fmt: skip
def test_the_roll_up_agrees_with_itself(overrides):
    """In every state: totals, shares, categories, the timeline and the verdict add up to the datasets."""
    report = make_report(**overrides)
    datasets, used = report.datasets, [d for d in report.datasets if d.status == "used"]
    points = sum(d.data_points for d in datasets) + report.unmapped_data_points
    assert report.data_points == points == sum(t.data_points for t in report.totals)
    assert sum(t.share for t in report.totals) == (pytest.approx(1.0) if points else 0.0)
    assert report.used_share == report.total("used").share
    assert sorted(n for c in report.categories for n in c.datasets) == sorted(d.name for d in datasets)
    assert all(c.records == sum(d.records for d in datasets if d.name in c.datasets) for c in report.categories)
    assert [c.status for c in report.categories] == sorted((c.status for c in report.categories), key=STATUS_RANK.get)
    assert list(report.most_exposed) == sorted((d for d in used if d.records), key=lambda d: (-d.records, d.name))
    assert sum(y.records for y in report.used_per_year) == sum(y.records for d in used for y in d.per_year)
    v = report.verdict
    assert v.used_before_start + v.used_after_start + v.used_undated == (
        sum(d.records for d in used) if v.policy_start else v.used_undated
    )
    assert report.problem_count == len(report.problems) + sum(len(d.problems) for d in datasets)
    assert report.controller.known == (report.member.region is not None)


def test_the_factory_defaults_are_consistent():
    report = make_report()
    assert (
        report.data_points == sum(t.data_points for t in report.totals) == sum(d.data_points for d in report.datasets)
    )
    assert report.records == sum(d.records for d in report.datasets)
    assert sum(t.share for t in report.totals) == pytest.approx(1.0)
    assert report.used_share == report.total("used").share > 0
    assert {t.status for t in report.totals if t.datasets} == {"used", "excluded", "unclear"}
    assert [d.name for d in report.most_exposed] == ["Shares.csv", "Comments.csv", "Profile.csv"]
    assert report.verdict.region == report.member.region == "eu" and report.verdict.under_18 is False
    assert (report.verdict.used_before_start, report.verdict.used_after_start, report.verdict.used_undated) == (3, 4, 1)
    assert report.controller.known and report.controller.gdpr


def test_the_factory_overrides_any_field_and_nested_ones():
    report = make_report(verdict={"under_18": True}, member={"name": ""}, controller={"known": False}, content_cut=7)
    assert report.verdict.under_18 is True and report.verdict.region == "eu"
    assert report.member.name == "" and report.member.email == "lena.hoffmann@example.de"
    assert report.controller.known is False and report.content_cut == 7
    with pytest.raises(TypeError, match="no field region"):
        make_report(region="us")
