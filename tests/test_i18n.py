"""The string catalogue: every key in English and German with the same placeholders, no key defined twice,
every key the code asks for exists (the literal ones and the ones built at run time), and the formats."""

from __future__ import annotations

import ast
import re
import string
from datetime import date
from pathlib import Path

import pytest

from analyzer import compare_wording, doc_wording, error_text, i18n, mapping_text, problem_text, web_wording
from analyzer.i18n import CATALOGUE, LANGS, Say, day, default_lang, long_day, num, pct, plural, t
from analyzer.mapping.model import ROLES
from analyzer.mapping.validate import KNOWN_THROUGH
from analyzer.model import CONFIDENCES, CONTACT_KINDS, REPORT_STATUSES
from analyzer.platforms.linkedin import letter_text, wording
from analyzer.platforms.linkedin.policy import REGIONS
from analyzer.render.guide import EFFECTS, OBJECTION
from analyzer.render.letter import REASONS

PACKAGE = Path(__file__).resolve().parent.parent / "analyzer"


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_key_has_both_languages_with_the_same_placeholders(key):
    en, de = CATALOGUE[key]
    assert en.strip() and de.strip()
    assert placeholders(en) == placeholders(de)


@pytest.mark.parametrize(
    "module",
    [
        PACKAGE / "i18n.py",
        PACKAGE / "doc_wording.py",
        PACKAGE / "error_text.py",
        PACKAGE / "problem_text.py",
        PACKAGE / "mapping_text.py",
        PACKAGE / "compare_wording.py",
        PACKAGE / "web_wording.py",
        *(PACKAGE / "platforms" / "linkedin" / f for f in ("wording.py", "letter_text.py")),
    ],
)
def test_no_key_is_defined_twice(module):
    """A dict literal keeps the last of two equal keys silently; the source must not have any."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    (table,) = [
        n.value for n in ast.walk(tree) if isinstance(n, ast.AnnAssign) and getattr(n.target, "id", "") == "STRINGS"
    ]
    keys = [k.value for k in table.keys]  # type: ignore[union-attr]
    assert len(keys) == len(set(keys))


def test_the_platform_adds_keys_and_overrides_none():
    assert set(wording.STRINGS).isdisjoint(i18n.STRINGS) and set(letter_text.STRINGS).isdisjoint(i18n.STRINGS)
    assert set(letter_text.STRINGS).isdisjoint(wording.STRINGS)
    assert set(doc_wording.STRINGS).isdisjoint(i18n.STRINGS) and set(doc_wording.STRINGS).isdisjoint(wording.STRINGS)
    assert set(compare_wording.STRINGS).isdisjoint(set(i18n.STRINGS) | set(wording.STRINGS))
    parts = (i18n.STRINGS, doc_wording.STRINGS, compare_wording.STRINGS, error_text.STRINGS, problem_text.STRINGS,
             mapping_text.STRINGS, wording.STRINGS, letter_text.STRINGS, web_wording.STRINGS)  # fmt: skip
    assert sum(map(len, parts)) == len(CATALOGUE)  # no key in two of them
    assert set(CATALOGUE) == set().union(*parts)
    assert {k for k in CATALOGUE if k.startswith("letter.")} == set(letter_text.STRINGS)


def test_every_key_built_at_run_time_exists():
    built = (
        [f"status.{s}" for s in REPORT_STATUSES]
        + [f"confidence.{c}" for c in CONFIDENCES]
        + [f"contact.{k}" for k in CONTACT_KINDS]
        + [f"kind.{k}" for k in ("complete", "basic", "legacy", "none")]
        + [
            f"sheet.{s}"
            for s in ("summary", "datasets", "columns", "timeline", "issues", "sources", "about", "content")
        ]
        + [f"guide.effect.{i}" for i in range(1, EFFECTS + 1)]
        + [f"guide.effect.{OBJECTION}.elsewhere"]
        + [f"verdict.optout.{timing}" for timing in ("before_disclosure", "in_pause")]
        + [f"verdict.basis.{r.basis}" for r in REGIONS.values() if r.basis]
        + [f"source.known.{known}" for known in KNOWN_THROUGH]
        + [f"letter.reason.{r}" for r in REASONS]
        + [f"letter.objection.{law}" for law in ("gdpr", "ca", "hk", "us", "other")]
        + [f"letter.subject.{law}" for law in ("gdpr", "ch", "ca", "other")]
        + [f"letter.complaint.{law}" for law in ("gdpr", "ch", "uk", "ca", "hk")]
        + [f"letter.local.{law}" for law in ("ca", "hk", "us")]
        + [f"letter.{k}.{v}" for k in ("intro", "notice", "toggle") for v in ("gdpr", "other")]
        + [f"letter.h.{h}" for h in ("objection", "withdrawal", "erasure", "restriction", "access")]
        + [f"wb.role.{r}" for r in (*ROLES, "unknown")]
    )
    assert [key for key in built if key not in CATALOGUE] == []


# Calls that take a literal catalogue key: t(lang, "k"), s("k"), say(…)("k"), _l("k", lang), sheet_title("k", …),
# Said("k", …), AnalyzerError.said("k", …), and the letter's s["k"] / s("k") (prefixed with "letter.").
_CALLS = {"t": 1, "tn": 1, "s": 0, "_l": 0, "sheet_title": 0, "Said": 0, "said": 0}
_PREFIX = {"_l": "wb.", "sheet_title": "sheet.", "letter": "letter."}


def literal_keys() -> list[tuple[str, str]]:
    found = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        letter = path.name == "letter.py"
        for node in ast.walk(tree):
            key = None
            if isinstance(node, ast.Call):
                name = node.func.id if isinstance(node.func, ast.Name) else ""
                if getattr(node.func, "attr", "") == "said":  # ArchiveError.said("k", …)
                    name = "said"
                if (
                    isinstance(node.func, ast.Call) and getattr(node.func.func, "id", "") == "say"
                ):  # say(report, lang)("k")
                    name, position = "s", 0
                else:
                    position = _CALLS.get(name, -1)
                if position >= 0 and len(node.args) > position and isinstance(node.args[position], ast.Constant):
                    key = node.args[position].value
                    prefix = _PREFIX["letter"] if letter and name == "s" else _PREFIX.get(name, "")
                    key = prefix + key
            elif (
                letter
                and isinstance(node, ast.Subscript)
                and getattr(node.value, "id", "") == "s"
                and isinstance(node.slice, ast.Constant)
            ):
                key = "letter." + node.slice.value
            if isinstance(key, str):
                found.append((str(path.relative_to(PACKAGE)), key))
    return found


def test_every_literal_key_the_code_asks_for_exists():
    keys = literal_keys()
    assert len(keys) > 100  # the scan above really found the calls
    assert [(where, key) for where, key in keys if key not in CATALOGUE] == []


def test_say_fills_the_platform():
    assert Say("en", "LinkedIn")("title") == "What of your LinkedIn data may train LinkedIn's AI"
    assert Say("de", "LinkedIn")("title") == "Welche Ihrer Daten LinkedIn für KI-Training nutzen könnte"
    assert t("de", "status.used") == "wahrscheinlich genutzt"
    assert "{platform}" in t("en", "title")  # without Say the placeholder stays visible, never guessed


def test_formats():
    assert (num(1234567, "en"), num(1234567, "de")) == ("1,234,567", "1.234.567")
    assert (pct(1, 3, "en"), pct(1, 3, "de"), pct(1, 0, "en")) == ("33.3%", "33,3\u00a0%", "0.0%")
    assert (day(date(2025, 11, 3), "en"), day(date(2025, 11, 3), "de"), day(None, "en")) == (
        "3 Nov 2025",
        "3. Nov. 2025",
        "–",
    )
    assert (long_day(date(2026, 3, 1), "en"), long_day(date(2026, 3, 1), "de")) == ("1 March 2026", "1. März 2026")
    assert (plural("post|posts", 1), plural("post|posts", 2), plural("IBAN", 5)) == ("post", "posts", "IBAN")
    assert LANGS == ("en", "de")


@pytest.mark.parametrize("environ, lang", [
    ({"LANG": "de_DE.UTF-8"}, "de"), ({"LANGUAGE": "de:en", "LANG": "en_US.UTF-8"}, "de"),
    ({"LC_ALL": "en_GB.UTF-8", "LANG": "de_DE.UTF-8"}, "en"), ({}, "en"), ({"LANG": "C"}, "en"),
])  # fmt: skip
def test_default_language_from_the_locale(environ, lang):
    assert default_lang(environ) == lang


def test_no_stray_platform_name_in_the_general_catalogue():
    """The general catalogue names the platform through {platform}; only the platform's own wording says LinkedIn."""
    stray = [k for k, texts in i18n.STRINGS.items() if any(re.search(r"\bLinkedIn\b", x) for x in texts)]
    assert stray == []
