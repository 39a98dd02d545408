"""The mapping: the shipped file is complete and valid; every broken mapping is caught and located."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analyzer import mapping as mapping_module
from analyzer.scan import scan
from analyzer.errors import MappingError
from analyzer.render.jsonout import report_to_dict
from analyzer.mapping import ROLES, builtin_path, known_paths, load_mapping
from tests.conftest import ROOT, SAMPLES_DIR

SHIPPED = builtin_path().read_text(encoding="utf-8")
FORMAT_REFERENCE = ROOT.parent / "shared" / "reference" / "linkedin_export_format.md"


def test_shipped_mapping_is_valid_and_complete():
    m = load_mapping()
    assert m.policy_effective.isoformat() == "2025-11-03"
    assert len(m.categories) >= 17
    for c in m.categories:
        assert c.label.en and c.label.de and c.reason.en and c.reason.de and c.sources
        if c.status == "unclear":
            assert c.confidence in ("low", "medium")
    for d in m.datasets:
        assert d.sources and d.reason.en and d.reason.de and d.description.de
        for layout in d.layouts:
            assert all(d.role(col) in ROLES for col in layout), d.name


def test_every_known_file_is_mapped_and_exactly_once():
    m = load_mapping()
    for path in known_paths():
        owners = [d.name for d in m.datasets if d.matches(path)]
        assert len(owners) == 1, (path, owners)


def test_exact_basenames_never_suffixes():
    m = load_mapping()
    assert m.match("learning_role_play_messages.csv").name == "learning_role_play_messages.csv"
    assert m.match("guide_messages.csv").name == "guide_messages.csv"
    assert m.match("messages.csv").name == "messages.csv"
    assert m.match("old_messages.csv") is None
    assert m.match("Comments_17529409.csv").name == "Comments.csv"
    assert m.match("Comments_backup.csv") is None
    assert m.match("Articles/Articles/x.html").name == "Articles"
    assert m.match("Articles/2018-05-14 09:12:45.html").name == "Articles"
    assert m.match("Jobs/Job Applications.csv").name == "Job Applications.csv"


@pytest.mark.skipif(not FORMAT_REFERENCE.exists(), reason="shared/ reference not beside the repository")
def test_every_file_in_the_format_reference_is_mapped():
    text = FORMAT_REFERENCE.read_text(encoding="utf-8")
    section = text[text.index("## 2. Files") : text.index("## 3. Variants")]
    names = set(re.findall(r"^\| `([^`]+\.csv)`", section, re.MULTILINE))
    names |= set(re.findall(r"/ `([^`]+\.csv)`", section))
    m = load_mapping()
    missing = [n for n in sorted(names) if m.match(n) is None and m.match(f"Jobs/{n}") is None]
    assert names and missing == []


def broken(tmp_path: Path, old: str, new: str, count: int = 1) -> MappingError:
    assert old in SHIPPED, old
    path = tmp_path / "broken.toml"
    path.write_text(SHIPPED.replace(old, new, count), encoding="utf-8")
    with pytest.raises(MappingError) as info:
        load_mapping(path)
    return info.value


CASES = [
    ("typo-key", 'name = "Shares.csv"\n', 'name = "Shares.csv"\ncatgory = "x"\n',
     """broken.toml: datasets[22] 'Shares.csv': unknown key 'catgory'"""),
    ("unknown-category", 'name = "Shares.csv"\nunit = { en = "post|posts", de = "Beitrag|Beiträge" }\npatterns = ["Shares.csv", "Shares_<n>.csv"]\ncategory = "member_content"',
     'name = "Shares.csv"\nunit = { en = "post|posts", de = "Beitrag|Beiträge" }\npatterns = ["Shares.csv", "Shares_<n>.csv"]\ncategory = "contnet"',
     """broken.toml: datasets[22] 'Shares.csv': unknown category 'contnet'"""),
    ("unknown-source", 'sources = ["gai_faq", "setting"]', 'sources = ["gai_faq", "settings"]',
     "broken.toml: categories.private_messages: unknown source key 'settings'"),
    ("missing-german", 'label = { en = "Groups", de = "Gruppen" }', 'label = { en = "Groups" }',
     "broken.toml: categories.groups: label: missing German text (label.de)"),
    ("pattern-matches-nothing", 'patterns = ["Votes.csv"]', 'patterns = ["Votes.csv", "Polls.csv"]',
     "broken.toml: datasets[25] 'Votes.csv': pattern 'Polls.csv' matches no file in any known export layout"),
    ("overlap", 'patterns = ["Reactions.csv"]', 'patterns = ["Reactions.csv", "Votes.csv"]',
     "broken.toml: datasets 'Votes.csv' and 'Reactions.csv' overlap: both match 'Votes.csv'"),
    ("bad-status", 'status = "excluded"\nconfidence = "medium"\nsources = ["gai_faq"]\nlabel = { en = "Payments"',
     'status = "excluded-ish"\nconfidence = "medium"\nsources = ["gai_faq"]\nlabel = { en = "Payments"',
     "broken.toml: categories.payment: status 'excluded-ish' is not one of used, excluded, unclear"),
    ("source-without-url", 'url = "https://www.linkedin.com/help/linkedin/answer/a1339364"', 'url = ""',
     "broken.toml: sources.download: source without URL (url must start with https://)"),
    ("bad-confidence", 'status = "used"\nconfidence = "high"\nsources = ["gai_faq", "erpn"]\nlabel = { en = "Profile"',
     'status = "used"\nconfidence = "certain"\nsources = ["gai_faq", "erpn"]\nlabel = { en = "Profile"',
     "broken.toml: categories.profile: confidence 'certain' is not one of high, medium, low"),
    ("column-without-role", 'columns = { "Date" = "date", "Type" = "other", "Link" = "url" }', 'columns = { "Date" = "date", "Link" = "url" }',
     "broken.toml: datasets[55] 'Reactions.csv': column 'Type' of a known layout has no role in 'columns'"),
    ("unknown-role", '"OptionText" = "other"', '"OptionText" = "opinion"',
     "broken.toml: datasets[25] 'Votes.csv': column 'OptionText': role 'opinion' is not one of"),
    ("override-without-reason", 'patterns = ["Votes.csv"]\ncategory = "member_content"',
     'patterns = ["Votes.csv"]\ncategory = "member_content"\nstatus = "unclear"',
     "broken.toml: datasets[25] 'Votes.csv': reason (needed when status overrides the category) must be a table"),
]  # fmt: skip


@pytest.mark.parametrize("old, new, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_broken_mapping_is_located(tmp_path, old, new, expected):
    error = broken(tmp_path, old, new)
    assert any(p.startswith(expected) for p in error.problems), error.problems


def test_every_problem_is_collected_not_just_the_first(tmp_path):
    path = tmp_path / "broken.toml"
    text = SHIPPED.replace('sources = ["gai_faq", "setting"]', 'sources = ["nope"]').replace('patterns = ["Votes.csv"]', 'patterns = ["Polls.csv"]')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MappingError) as info:
        load_mapping(path)
    assert len(info.value.problems) == 2


def test_invalid_toml(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("version = \n", encoding="utf-8")
    with pytest.raises(MappingError) as info:
        load_mapping(path)
    assert "not valid TOML" in str(info.value) and "line 1" in str(info.value)


def test_missing_mapping_file(tmp_path):
    with pytest.raises(MappingError, match="mapping file not found"):
        load_mapping(tmp_path / "nope.toml")


OVERRIDE = '''
extends = "builtin"

[[datasets]]
name = "Connections.csv"
status = "used"
confidence = "low"
reason = { en = "Our DPO reads the policy strictly.", de = "Unsere DSB liest die Richtlinie streng." }
sources = ["erpn"]

[categories.activity]
status = "used"
'''


def test_override_flips_connections_to_used(tmp_path):
    path = tmp_path / "strict.toml"
    path.write_text(OVERRIDE, encoding="utf-8")
    m = load_mapping(path)
    assert m.match("Connections.csv").status == "used"
    assert m.match("Invitations.csv").status == "unclear"
    assert m.match("Reactions.csv").status == "used"
    sample = SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip"
    before = report_to_dict(scan(sample, load_mapping()))
    after = report_to_dict(scan(sample, m))
    status = {d["name"]: d["status"] for d in after["datasets"]}
    assert status["Connections.csv"] == "used"
    assert {d["name"]: d["status"] for d in before["datasets"]}["Connections.csv"] == "unclear"
    assert after["totals"]["used"]["records"] == before["totals"]["used"]["records"] + 40
    assert after["mapping"]["origin"].endswith("strict.toml")


def test_override_that_breaks_the_mapping_is_reported(tmp_path):
    path = tmp_path / "strict.toml"
    path.write_text('extends = "builtin"\n[[datasets]]\nname = "Connections.csv"\nstatus = "maybe"\n', encoding="utf-8")
    with pytest.raises(MappingError) as info:
        load_mapping(path)
    assert any("status 'maybe'" in p for p in info.value.problems)


def test_drift_signals_for_new_column_and_renamed_file(make_export):
    shares = "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility,Reach\n2026-01-01 10:00:00,https://x,Hallo,,,PUBLIC,120\n"
    path = make_export({"Profile.csv": "First Name,Last Name\nLena,Hoffmann\n", "Shares.csv": shares,
                        "Reactions_v3.csv": "Date,Type,Link\n2026-01-01 10:00:00,LIKE,https://x\n"})  # fmt: skip
    report = scan(path, load_mapping())
    by_name = {d.name: d for d in report.datasets}
    assert by_name["Shares.csv"].drift.new_columns == ("Reach",)
    assert by_name["Shares.csv"].drift.missing_columns == ()
    assert by_name["Profile.csv"].drift.missing_columns[:2] == ("Maiden Name", "Address")
    assert report.unmapped == ("Reactions_v3.csv",)


def test_field_reference_documents_every_key_and_value():
    readme = (ROOT / "mappings" / "README.md").read_text(encoding="utf-8")
    keys = (mapping_module._TOP_KEYS | mapping_module._SOURCE_KEYS | mapping_module._CATEGORY_KEYS | mapping_module._DATASET_KEYS)
    values = set(mapping_module.ROLES) | set(mapping_module.STATUSES) | set(mapping_module.CONFIDENCES) | set(mapping_module.FORMATS)
    missing = sorted(k for k in keys | values if f"`{k}`" not in readme)
    assert missing == []
