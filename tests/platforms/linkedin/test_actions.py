"""What a member can do, per region (reference v2, "Opt-out and objection routes"), and the check that every
step and period cites a source the mapping defines."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from analyzer.mapping import load_mapping
from analyzer.platforms.linkedin import actions, policy

MAPPING = load_mapping()


def keys(region):
    return [a.key for a in actions.actions(region)]


@pytest.mark.parametrize(
    "region, expected",
    [("eu", ["opt_out", "object", "export"]), ("eea", ["opt_out", "object", "export"]),
     ("ch", ["opt_out", "object", "export"]), ("uk", ["opt_out", "object", "export"]),
     ("us", ["opt_out", "object", "ads", "export"]), ("ca", ["opt_out", "object", "ads", "export"]),
     ("hk", ["opt_out", "object", "ads", "export"]), ("other", ["opt_out", "object", "ads", "export"]),
     (None, ["opt_out", "object", "ads", "export"])],
)  # fmt: skip
def test_the_microsoft_ads_step_only_outside_europe_and_the_uk(region, expected):
    assert keys(region) == expected


def test_ads_step_cites_the_february_2026_page():
    ads = next(a for a in actions.actions("us") if a.key == "ads")
    assert ads.source == "ads_us" and ads.url.endswith("share-data-with-trusted-partners")
    assert "23 Feb 2026" in ads.steps.en and "23. Februar 2026" in ads.steps.de


def test_uk_members_learn_the_same_switch_stops_sharing_with_microsoft():
    uk = actions.actions("uk")[0]
    assert "Microsoft for Microsoft's own AI training" in uk.steps.en
    assert "Microsoft" not in actions.actions("eu")[0].steps.en


@pytest.mark.parametrize("region", ["eu", "uk"])
def test_the_objection_is_a_gdpr_step_only_where_the_gdpr_applies(region):
    step = actions.actions(region)[1]
    assert (step.source, "Art. 21" in step.title.en) == ("objection_form", True)
    assert ("UK GDPR" in step.title.en) == (region == "uk")
    assert "Kontaktformular des Datenschutzbeauftragten" in step.steps.de  # the full letter's channel


@pytest.mark.parametrize("region", ["us", "ca", "hk", "other"])
def test_outside_the_gdpr_no_gdpr_objection_is_offered(region):
    step = actions.actions(region)[1]
    assert step.source == "dpo_form" and "GDPR" not in step.title.en + step.steps.en


def test_with_an_unknown_region_every_step_says_where_it_applies():
    by_key = {a.key: a for a in actions.actions(None)}
    assert by_key["object"].applies.en == "Only in the EU, the EEA, Switzerland and the UK."
    assert by_key["ads"].applies.de == "Nur außerhalb der EU, des EWR, der Schweiz und des Vereinigten Königreichs."
    assert by_key["opt_out"].applies is None and "members in the UK" in by_key["opt_out"].steps.en


def test_the_german_path_uses_the_sie_menu_and_the_toggles_german_label():
    de = actions.actions("eu")[0].steps.de
    assert de.startswith("„Sie“ → Einstellungen & Datenschutz → Datenschutz")
    assert "„Ihre Daten zum Schulen von KI-Modellen verwenden, um Inhalte zu erstellen“" in de
    assert "App" in de  # no source gives the app's path: the step says it may differ


def test_the_opt_out_step_knows_it_was_done():
    step = actions.actions("eu", date(2025, 10, 1))[0]
    assert step.done_on == date(2025, 10, 1) and actions.actions("eu")[0].done_on is None


def test_the_terminal_hint_is_kept_apart_from_the_steps():
    for region in (None, *policy.REGIONS):
        for step in actions.actions(region):
            assert "linkedin-ai-exposure" not in step.steps.en + step.steps.de


def test_the_shipped_mapping_has_every_source_the_policy_cites():
    assert actions.check(MAPPING) == []


def test_a_mapping_without_a_cited_source_fails_the_check():
    lacking = dataclasses.replace(MAPPING, sources=tuple(s for s in MAPPING.sources if s.key not in ("ico", "ads_us")))
    assert actions.check(lacking) == [
        "action 'ads' cites the source 'ads_us', which the mapping does not define",
        "region 'uk' cites the source 'ico', which the mapping does not define",
        "the objection letter cites the source 'ads_us', which the mapping does not define",
    ]


def test_a_dataset_labelled_for_an_unknown_region_fails_the_check():
    postings = next(d for d in MAPPING.datasets if d.name == "Online Job Postings.csv")
    wrong = dataclasses.replace(postings, regional=(("mars", postings.regional[0][1]),))
    mapping = dataclasses.replace(MAPPING, datasets=(*[d for d in MAPPING.datasets if d is not postings], wrong))
    assert actions.check(mapping) == [
        "datasets 'Online Job Postings.csv': regions: unknown region 'mars' (known: eu, eea, ch, uk, ca, hk, us, other)"
    ]


@pytest.mark.parametrize("region", ["uk", "us", None])
def test_the_guide_cites_what_its_steps_and_periods_rest_on(region):
    guide = actions.guide(MAPPING, region)
    cited = {s.key for s in guide.sources}
    assert {a.source for a in guide.actions} <= cited
    assert {k for _, _, periods in guide.periods for p in periods for k in p.sources} <= cited
    assert ("ico" in cited) == (region in ("uk", None))
    assert ("gdpr" in cited) == (region != "us")
