"""The mapping: the shipped file is complete and valid; every broken mapping is caught and located.

Each broken mapping is a small file in ``tests/data/mappings/``, named after its failure mode, whose
``# problem:`` lines are the exact problems it must produce, in order. Most extend the shipped mapping
(``extends = "builtin"``) and break one thing of it; those about the file's top level are complete
mappings (``tests/data/minimal_mapping.toml`` with one thing broken).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from analyzer.errors import MappingError
from analyzer.mapping import ROLES, fields, known_paths, load_mapping, preparsed, preparsed_data
from analyzer.mapping import validate as mapping_module
from analyzer.mapping.load import SHIPPED_FILES, digest, shipped
from analyzer.pipeline import scan
from analyzer.render.jsonout import report_to_dict
from tests.conftest import ROOT, SAMPLES_DIR

FORMAT_REFERENCE = ROOT.parent / "shared" / "reference" / "linkedin_export_format.md"
DATA = Path(__file__).resolve().parent / "data"
BROKEN = sorted((DATA / "mappings").glob("*.toml"))


def test_shipped_mapping_is_valid_and_complete():
    m = load_mapping()
    assert (m.version, m.reviewed.isoformat()) == ("2026.12.01", "2026-12-01")
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


def expected_problems(path: Path) -> list[str]:
    """The ``# problem:`` lines of a broken mapping's file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.removeprefix("# problem: ") for line in lines if line.startswith("# problem: ")]


def load_broken(path: Path) -> MappingError:
    with pytest.raises(MappingError) as info:
        load_mapping(path)
    return info.value


def test_every_failure_mode_has_its_file():
    assert {p.stem for p in BROKEN} >= {
        "unknown_key", "unknown_category", "unknown_source", "missing_german_label", "missing_german_reason",
        "pattern_matches_nothing", "overlapping_patterns", "unknown_status", "source_without_url",
        "unknown_confidence", "column_without_role", "unknown_role", "override_without_reason", "two_problems",
        "override_unknown_status", "invalid_toml", "extends_unknown", "unknown_top_level_key", "missing_version",
        "no_datasets", "reviewed_not_a_date", "duplicate_dataset_name", "authored_when_not_a_list",
        "category_is_a_list", "name_is_a_list", "pattern_backtracks", "control_character",
    }  # fmt: skip
    assert all(expected_problems(p) for p in BROKEN)


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_mapping_is_located(path):
    error = load_broken(path)
    assert str(error).startswith(f"{path}: not ")
    assert error.problems == expected_problems(path)


def test_a_minimal_complete_mapping_is_valid():
    m = load_mapping(DATA / "minimal_mapping.toml")
    assert [d.name for d in m.datasets] == ["Votes.csv"] and [c.key for c in m.categories] == ["member_content"]
    assert m.match("Votes.csv").status == "used"


def test_every_problem_is_collected_not_just_the_first():
    assert len(load_broken(DATA / "mappings" / "two_problems.toml").problems) == 2


def test_invalid_toml():
    error = load_broken(DATA / "mappings" / "invalid_toml.toml")
    assert "not valid TOML" in str(error) and "line 1" in str(error)


def test_missing_mapping_file(tmp_path):
    with pytest.raises(MappingError, match="mapping file not found"):
        load_mapping(tmp_path / "nope.toml")


OVERRIDE = """
extends = "builtin"

[[datasets]]
name = "Connections.csv"
status = "used"
confidence = "low"
reason = { en = "Our DPO reads the policy strictly.", de = "Unsere DSB liest die Richtlinie streng." }
sources = ["erpn"]

[categories.activity]
status = "used"
"""


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


def test_override_that_breaks_the_mapping_is_reported():
    error = load_broken(DATA / "mappings" / "override_unknown_status.toml")
    assert any("status 'maybe'" in p for p in error.problems)


def test_field_reference_documents_every_key_and_value():
    readme = (ROOT / "mappings" / "README.md").read_text(encoding="utf-8")
    keys = (
        mapping_module._TOP_KEYS
        | mapping_module._SOURCE_KEYS
        | mapping_module._CATEGORY_KEYS
        | mapping_module._DATASET_KEYS
        | fields._SPLIT_KEYS
        | fields._REGION_KEYS
        | set(mapping_module.KNOWN_THROUGH)
    )
    values = (
        set(mapping_module.ROLES)
        | set(mapping_module.STATUSES)
        | set(mapping_module.CONFIDENCES)
        | set(mapping_module.FORMATS)
    )
    missing = sorted(k for k in keys | values if f"`{k}`" not in readme)
    assert missing == []


#: Every label the policy reference v2 marks "(v2)": (status, confidence, a source key it must cite).
V2_LABELS = {
    "Volunteering.csv": ("used", "high", "gai_faq"),
    "Patents.csv": ("used", "high", "gai_faq"),
    "InstantReposts.csv": ("unclear", "low", "gai_faq"),
    "Services Marketplace/Providers.csv": ("unclear", "low", "erpn"),
    "coach_messages.csv": ("used", "medium", "gai_faq"),
    "learning_coach_messages.csv": ("used", "medium", "gai_faq"),
    "learning_role_play_messages.csv": ("used", "medium", "gai_faq"),
    "LearningCoachMessages.csv": ("used", "medium", "gai_faq"),
    "Verifications.csv": ("excluded", "medium", "erpn"),
    "Honors.csv": ("used", "low", "erpn"),
    "Projects.csv": ("used", "low", "gai_faq"),
    "Languages.csv": ("used", "low", "gai_faq"),
    "Courses.csv": ("used", "low", "gai_faq"),
    "Organizations.csv": ("used", "low", "gai_faq"),
    "Causes You Care About.csv": ("used", "low", "gai_faq"),
    "Member Hashtags.csv": ("unclear", "low", "gai_faq"),
    "Rich_Media.csv": ("used", "medium", "gai_faq"),
    "Rich Media.csv": ("used", "medium", "gai_faq"),
    "SearchQueries.csv": ("unclear", "medium", "gai_faq"),
    "Endorsement_Given_Info.csv": ("used", "medium", "erpn"),
    "Recommendations_Given.csv": ("used", "medium", "erpn"),
    "Shares.csv": ("used", "high", "erpn"),
    "Shares.csv (connections only)": ("used", "medium", "erpn"),
    "Articles": ("used", "high", "erpn"),
    "Articles (drafts)": ("unclear", "low", "erpn"),
    "Online Job Postings.csv": ("unclear", "low", "gai_faq"),
    "Invitations.csv": ("unclear", "low", "erpn"),
    "messages.csv": ("excluded", "high", "erpn"),
    "Logins.csv": ("excluded", "medium", "gai_faq"),
    "Receipts.csv": ("excluded", "medium", "gai_faq"),
}


@pytest.mark.parametrize("name", sorted(V2_LABELS))
def test_every_v2_label_of_the_policy_reference(name):
    dataset = next(d for d in load_mapping().datasets if d.name == name)
    status, confidence, source = V2_LABELS[name]
    assert (dataset.status, dataset.confidence) == (status, confidence)
    assert source in dataset.sources


@pytest.mark.parametrize(
    "name, words",
    [("Rich_Media.csv", "all formats"), ("Rich Media.csv", "all formats"), ("SearchQueries.csv", "leaning used"),
     ("Endorsement_Given_Info.csv", "recipient's"), ("Recommendations_Given.csv", "recipient's"),
     ("messages.csv", "safety AI"), ("Logins.csv", "not listed"), ("Receipts.csv", "salary"),
     ("Invitations.csv", "leaning excluded"), ("Verifications.csv", "never for AI training"),
     ("coach_messages.csv", "employer"), ("Reactions.csv", "not the “contributions”")],
)  # fmt: skip
def test_v2_reasons_say_what_the_reference_says(name, words):
    dataset = next(d for d in load_mapping().datasets if d.name == name)
    assert words in dataset.reason.en


def test_feedback_is_named_in_the_general_improvement_row_outside_the_switch():
    feedback = next(c for c in load_mapping().categories if c.key == "feedback")
    assert "erpn" in feedback.sources and "does not cover" in feedback.reason.en


def test_uk_job_postings_are_used_by_microsoft():
    postings = next(d for d in load_mapping().datasets if d.name == "Online Job Postings.csv")
    uk = postings.for_region("uk")
    assert (uk.status, uk.confidence, uk.sources) == ("used", "medium", ("erpn",))
    assert postings.for_region("eu") is postings and postings.for_region(None) is postings


def test_help_pages_nobody_could_open_are_known_through_quotes():
    by_key = {s.key: s for s in load_mapping().sources}
    for key in ("gai_faq", "gai_control", "terms_update_2025"):
        assert (by_key[key].known, by_key[key].seen) == ("quotes", None)
    assert by_key["gdpr"].url.startswith("https://eur-lex.europa.eu/")
    assert not any("gdpr-info.eu" in s.url for s in by_key.values())
    for key in ("opc", "pcpd", "dpo_form", "ads_us", "hbdi", "dpc_news"):
        assert by_key[key].seen is not None


def test_the_shipped_mapping_is_read_where_the_package_is_a_zip(tmp_path):
    """The shipped files are read as resources, not as paths: the package works from a zip too (a single-file
    download, a browser's virtual file system)."""
    bundle = tmp_path / "analyzer.zip"
    package = ROOT / "analyzer"
    with zipfile.ZipFile(bundle, "w") as zf:
        for path in package.rglob("*.py"):
            zf.write(path, path.relative_to(ROOT).as_posix())
        for name in ("linkedin.toml", "known_layouts.toml"):
            zf.write(ROOT / "mappings" / name, f"analyzer/data/{name}")
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from analyzer.mapping import load_mapping, known_paths; "
        "import analyzer; print(analyzer.__file__.startswith(sys.argv[1]), len(load_mapping().datasets) > 70, "
        "len(known_paths()) > 70)"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run([sys.executable, "-c", code, str(bundle)], capture_output=True, text=True, cwd=tmp_path,
                            env=env)  # fmt: skip
    assert result.stdout.split() == ["True", "True", "True"], result.stderr


def test_the_preparsed_mapping_is_what_the_shipped_files_give():
    """``preparsed_data.py`` is made from the committed TOML (else: ``python -m analyzer.mapping.preparsed --write``),
    and the mapping read from it equals the one parsed and checked from the TOML now."""
    assert preparsed.main(["--check"]) == 0, "run: python -m analyzer.mapping.preparsed --write"
    texts = tuple(shipped(name) for name in SHIPPED_FILES)
    assert digest(texts) == preparsed_data.DIGEST
    assert load_mapping() == load_mapping(thorough=True)


def test_a_changed_shipped_mapping_is_parsed_and_checked_again(monkeypatch, request):
    """An installation whose TOML was edited is read from its TOML, with every check, never from stale data."""
    from analyzer.mapping import load

    # The shipped mapping is built once per process (it cannot change while the package is loaded): this test
    # changes it, so it starts from an empty cache and leaves one behind.
    load._shipped_mapping.cache_clear()
    request.addfinalizer(load._shipped_mapping.cache_clear)
    texts = {name: shipped(name) for name in SHIPPED_FILES}
    edited = texts["linkedin.toml"].replace('version = "2026.12.01"', 'version = "2026.12.01-local"', 1)
    assert edited != texts["linkedin.toml"]
    monkeypatch.setattr(load, "shipped", lambda name: edited if name == "linkedin.toml" else texts[name])
    assert load_mapping().version == "2026.12.01-local"
    broken = edited.replace('patterns = ["Patents.csv"]', 'patterns = ["Nothing-ever-seen.csv"]', 1)
    assert broken != edited
    monkeypatch.setattr(load, "shipped", lambda name: broken if name == "linkedin.toml" else texts[name])
    load._shipped_mapping.cache_clear()
    with pytest.raises(MappingError, match="not a valid mapping"):
        load_mapping()


def test_the_preparsed_data_is_made_only_from_a_valid_mapping():
    texts = tuple(shipped(name) for name in SHIPPED_FILES)
    with pytest.raises(MappingError):
        preparsed.source((texts[0].replace('platform = "LinkedIn"', 'platform = ""', 1), texts[1]))
