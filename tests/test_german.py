"""German all the way through: every German document of every sample, and of an export that has problems and
notes, holds no English of ours; and no rendered report splits a word, a file name or an address at any width.

The English phrases looked for are the catalogue's own (every English text, cut at its placeholders and
punctuation, less what the German texts share with it) plus English words that German never uses. What
may stay English is taken out first: the export's file and column names, the sources' own titles, web
addresses and command lines.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser

import pytest
from rich.console import Console
from typer.testing import CliRunner

from analyzer.cli import app
from analyzer.errors import MappingError
from analyzer.i18n import CATALOGUE
from analyzer.mapping import load_mapping
from analyzer.pipeline import ScanOptions, scan
from analyzer.platforms import checked
from analyzer.platforms.linkedin import actions
from analyzer.render import OUTPUTS
from analyzer.render.guide import render_guide
from analyzer.render.mapping_view import render_mapping
from analyzer.render.terminal import DETAILS_WIDTH
from analyzer.render.terminal import render as render_report
from analyzer.render.workbook import build_workbook
from tests.conftest import COMMENTS, PROFILE, ROOT, SAMPLES, TODAY, sample_scan

MAPPING = load_mapping()

#: Words of English that no German sentence of ours holds (as a whole word).
ENGLISH_WORDS = {"the", "and", "of", "is", "are", "not", "with", "were", "could", "which", "this", "from",
                 "has", "have", "your", "you", "been", "cannot", "only", "read", "file", "records", "likely",
                 "drafts"}  # fmt: skip

_PLACEHOLDER = re.compile(r"\{[^}]*\}")
_CUT = re.compile(r"[;:()“”„\"'.,!?·→–—/\[\]<>]+|\s-\s")


def english_phrases() -> set[str]:
    """Three words or more of an English catalogue text that no German text holds."""
    german = " ".join(de.lower() for _, de in CATALOGUE.values())
    phrases = set()
    for en, de in CATALOGUE.values():
        if en == de:
            continue
        for piece in _CUT.split(_PLACEHOLDER.sub("|", en)):
            for part in piece.split("|"):
                words = part.split()
                if len(words) >= 3 and " ".join(words).lower() not in german:
                    phrases.add(" ".join(words).lower())
    return phrases


PHRASES = english_phrases()


def hostile(tmp_path):
    """An export like a real one with every kind of problem and note a member meets, as a ZIP in ``tmp_path``."""
    files = {
        "Profile.csv": PROFILE,
        "Comments.csv": COMMENTS,
        "Skills.csv": "Name\nSQL\nScrum\n",
        "Connections.csv": "Notes:\nWhen exporting your connection data...\n\nFirst Name,Last Name,Company\nA,B,C\nD,E\n",
        "Invitations.csv": "From,To,Sent At,Message,Direction\nA,B,not a date,hi,OUTGOING\n".encode("cp1252")
        + "Ä,B,2024-01-01,ü,OUTGOING\n".encode("cp1252"),
        "Rich_Media.csv": b"\x00\x01\x02\x03binary\x00\x00\x00\x00\x05\x06\x07" * 20,
        "Votes.csv": ",,,\n1,2,3,4\n",
        "Registration.csv": "",
        "messages.csv": "CONVERSATION ID,FROM,TO,DATE,CONTENT\n1,A,B,2025-01-01 10:00:00 UTC,hi,extra\n",
        "Something_New.csv": "A,B\n1,2\n",
    }
    path = tmp_path / "Complete_LinkedInDataExport_11-28-2026.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


@pytest.fixture(scope="module")
def damaged(tmp_path_factory):
    """The damaged export's report, scanned once for the tests that read it."""
    return scan(hostile(tmp_path_factory.mktemp("damaged")), MAPPING, ScanOptions(today=TODAY))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._skip += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


@functools.cache
def terminal(report, lang: str, width: int, details: bool = False) -> str:
    """The report as the terminal shows it at ``width`` (once per report, language, width and option)."""
    buf = io.StringIO()
    console = Console(file=buf, width=width, no_color=True, color_system=None, force_terminal=False)
    console.print(render_report(report, lang, details, report.source.name), crop=False)
    return buf.getvalue()


def documents(report, lang: str) -> dict[str, str]:
    """Every document of ``report`` in ``lang`` as text: terminal, HTML, workbook cells, letter."""
    parser = _Text()
    parser.feed(OUTPUTS["html"].render(report, lang))
    cells = [c.value for ws in build_workbook(report, lang) for row in ws.iter_rows() for c in row
             if isinstance(c.value, str)]  # fmt: skip
    return {
        "terminal": terminal(report, lang, 100, details=True),
        "html": " ".join(parser.parts),
        "workbook": "\n".join(cells),
        "letter": OUTPUTS["letter"].render(report, lang, today=date(2026, 12, 1)),
    }


def allowed_english(report) -> list[str]:
    """What a German document shows as it is: the export's names, the sources' titles, addresses."""
    # A dataset's name is the export's file name, but a split's is ours: it must be German (name_de).
    names = [*(m for d in report.datasets for m in d.members), *(d.name for d in report.datasets if not d.name_de)]
    names += report.unmapped
    names += [c.name for d in report.datasets for c in d.columns]
    names += [s.title for s in MAPPING.sources] + [s.publisher for s in MAPPING.sources]
    words = [name.split() for name in names]  # a long name may wrap at its spaces: its runs of words too
    names += [" ".join(w[i:j]) for w in words for i in range(len(w)) for j in range(i + 2, len(w) + 1)]
    return sorted(set(filter(None, names)), key=len, reverse=True)


def english_in(text: str, keep: list[str]) -> list[str]:
    """The English phrases and words of ours in ``text``, once the names it may show are taken out."""
    for name in keep:
        text = text.replace(name, " ")
    text = re.sub(r"https?://\S+|linkedin-ai-exposure[^\n]*|--[a-z-]+", " ", text)
    flat = " ".join(_CUT.sub(" ", text).split()).lower()
    found = [p for p in PHRASES if f" {p} " in f" {flat} "]
    found += sorted(set(re.findall(r"[a-z]+", flat)) & ENGLISH_WORDS)
    return found


def sample_report(sample):
    return sample_scan(sample, today=TODAY)  # scanned once per process, for the terminal tests too


def test_the_phrases_come_from_the_catalogue():
    assert len(PHRASES) > 300
    assert "could not be read" in PHRASES and "was cut off when the download broke off" in PHRASES


def test_the_check_finds_english():
    """It cannot pass by finding nothing: an English problem line in a German text is caught."""
    assert english_in("Comments.csv: 3 records had fewer columns than the header", []) != []
    assert english_in("Probleme: Comments.csv: 3 Einträge hatten weniger Spalten als die Kopfzeile", []) == []


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_every_german_document_of_a_sample_is_german(sample):
    report = sample_report(sample)
    keep = allowed_english(report)
    found = {kind: english_in(text, keep) for kind, text in documents(report, "de").items()}
    assert found == {kind: [] for kind in found}


def test_a_split_is_named_in_german():
    """A split's name is ours ("Articles (drafts)"), not the export's: every German document says its German
    name, and the English one nowhere."""
    report = sample_report(SAMPLES[-1])
    splits = [d for d in report.datasets if d.name_de]
    assert {d.name for d in splits} >= {"Articles (drafts)", "Shares.csv (connections only)"}
    for kind, text in documents(report, "de").items():
        flat = " ".join(text.split())
        for d in splits:
            assert d.name not in flat, (kind, d.name)
            assert d.name_de in flat or kind == "letter", (kind, d.name_de)


def test_the_problems_and_notes_of_a_damaged_export_are_german(damaged):
    report = damaged
    problems = [*report.problems, *(p for d in report.datasets for p in d.problems)]
    assert len(problems) >= 5  # the export really has problems to say
    keep = allowed_english(report)
    for kind, text in documents(report, "de").items():
        assert english_in(text, keep) == [], kind
    assert all(english_in(p, keep) for p in problems)  # each problem is English in English …
    german = terminal(report, "de", 100)
    assert not any(str(p) in german for p in problems)  # … and said otherwise in German


def test_the_guide_and_mapping_show_are_german():
    for lang_text in (render_guide(actions.guide(MAPPING, None), "de"), render_mapping(MAPPING, "de")):
        buf = io.StringIO()
        Console(file=buf, width=100, no_color=True, color_system=None).print(lang_text, crop=False)
        assert english_in(buf.getvalue(), allowed_english(sample_report(SAMPLES[-1]))) == []


# --- A mapping file's problems ----------------------------------------------------------------------------

BROKEN = sorted((ROOT / "tests" / "data" / "mappings").glob("*.toml"))
#: What a German problem line shows as the file has it: quoted keys and values, TOML snippets, the parser's own
#: words (after "invalid_toml.toml: "), and the lists of keys, regions, roles and statuses it allows.
_CODE = re.compile(
    r"'[^']*'|\"[^\"]*\"|\[[^\]]*\]|\{[^}]*\}|\([a-z_, ]+\)|invalid_toml\.toml: .*|[a-z]+(?:[._][a-z_]+)+"
)


def mapping_lines(path, lang: str) -> list[str]:
    with pytest.raises(MappingError) as info:
        load_mapping(path)
    return info.value.lines(lang)


def test_the_problems_of_a_broken_mapping_are_german():
    """Every broken mapping of tests/data/mappings: its headline and every problem in German, the file's keys
    and values as written; and each is English in English."""
    for path in BROKEN:
        english, german = mapping_lines(path, "en"), mapping_lines(path, "de")
        assert len(english) == len(german) >= 2, path.name
        assert english_in(english[0].replace(str(path), " "), []) != []  # the check finds the English it looks for
        for en, de in zip(english, german, strict=True):
            code = [str(path), path.name]  # the location's file names, then its code
            plain = _CODE.sub(" ", de.replace(str(path), " ").replace(path.name, " "))
            assert english_in(plain, code) == [], (path.name, de)
            assert en != de or en.endswith(("Invalid value (at line 1, column 11)",)), (path.name, en)


def test_what_the_policy_cites_and_the_mapping_lacks_is_said_in_german():
    lacking = replace(MAPPING, sources=tuple(s for s in MAPPING.sources if s.key != "erpn"))
    with pytest.raises(MappingError) as info:
        checked(lacking)
    english, german = info.value.lines("en"), info.value.lines("de")
    assert len(german) > 1 and "cites the source 'erpn'" in english[1]
    assert [english_in(_CODE.sub(" ", line), []) for line in german] == [[]] * len(german)


def test_mapping_check_and_a_bad_mapping_speak_german(tmp_path):
    """``mapping check --lang de`` and a command given ``--mapping bad.toml --lang de`` say the problems in German."""
    bad = tmp_path / "bad.toml"
    bad.write_text('extends = "builtin"\n[categories.profile]\nstatus = "maybe"\n', encoding="utf-8")
    runner = CliRunner()
    for args in (
        ["mapping", "check", str(bad), "--lang", "de"],
        ["scan", str(SAMPLES[0]), "--mapping", str(bad), "--lang", "de"],
    ):
        result = runner.invoke(app, args, env={"LANG": "en_US.UTF-8", "LC_ALL": "", "LANGUAGE": ""})
        assert result.exit_code == 1, args
        assert (
            "bad.toml (erweitert die mitgelieferte Zuordnung): categories.profile: status 'maybe' ist keiner"
            in result.stderr
        )
        assert "keine gültige Zuordnung (1 Problem)" in result.stderr and "not " not in result.stderr


# --- No word split at any width --------------------------------------------------------------------------

_BORDERS = re.compile(r"[│┃║|─━═┌┐└┘├┤┬┴┼╭╮╯╰╷╵╴╶]+")


def tokens(text: str) -> list[str]:
    return _BORDERS.sub(" ", text).split()


@functools.cache
def whole_words(wide: str) -> frozenset[str]:
    whole = set(tokens(wide))
    whole |= {part for word in list(whole) for part in re.findall(r"[^-]+-|[^-]+$", word)}  # "content-" "generating"
    return frozenset(whole)


def split_words(narrow: str, wide: str) -> list[str]:
    """The pieces of ``narrow`` that are no whole word of ``wide``: a word broken over two lines (a break after
    a word's hyphen is fine, and so is a piece shortened with "…" that starts a word)."""
    whole = whole_words(wide)
    return [
        piece
        for piece in tokens(narrow)
        if piece not in whole and not (piece.endswith("…") and any(w.startswith(piece[:-1]) for w in whole))
    ]


@pytest.mark.parametrize("width", [60, 80, 100, 120])
@pytest.mark.parametrize("lang", ["en", "de"])
def test_no_word_name_or_address_is_split(lang, width, damaged):
    """Every sample and the damaged export, plain and with --details (from the width it needs); and no
    table wider than the terminal."""
    reports = [sample_report(s) for s in SAMPLES] + [damaged]
    for report in reports:
        rich = report is damaged or report.source.name == SAMPLES[-1].name  # --details on the two richest
        for details in (False, True) if width >= DETAILS_WIDTH and rich else (False,):
            narrow = terminal(report, lang, width, details)
            assert split_words(narrow, terminal(report, lang, 1000, details)) == [], (report.source.name, details)
            # Only an address or a command stands past the edge (the terminal wraps it); tables fit.
            over = [line for line in narrow.splitlines() if len(line.rstrip()) > width]
            assert all(line.strip().startswith(("https://", "linkedin-ai-exposure")) for line in over), over


@pytest.mark.parametrize("width", [60, 80, 100])
def test_the_guide_and_mapping_show_split_no_word(width):
    for lang in ("en", "de"):
        for view in (render_guide(actions.guide(MAPPING, None), lang), render_mapping(MAPPING, lang)):
            texts = []
            for w in (width, 1000):
                buf = io.StringIO()
                Console(file=buf, width=w, no_color=True, color_system=None).print(view, crop=False)
                texts.append(buf.getvalue())
            assert split_words(*texts) == [], (lang, width)
