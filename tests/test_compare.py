"""compare(): two exports of one member, matched record by record; the generator's later export holds the
exact differences it wrote (sample_exports/compare/truth.json)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer import matching
from analyzer.compare import compare
from analyzer.identity import Key, Layout, resolve
from analyzer.mapping import load_mapping
from analyzer.pipeline import ScanOptions, scan_records
from tests.conftest import PROFILE, SAMPLES_DIR

MAPPING = load_mapping()
PAIR_DIR = SAMPLES_DIR / "compare"
PAIR_TRUTH = json.loads((PAIR_DIR / "truth.json").read_text(encoding="utf-8"))
OLD, NEW = PAIR_DIR / PAIR_TRUTH["old"], PAIR_DIR / PAIR_TRUTH["new"]
OPTED_OUT = date.fromisoformat(PAIR_TRUTH["opted_out_on"])


@pytest.fixture(scope="module")
def pair():
    return compare(OLD, NEW, MAPPING, ScanOptions(opted_out_on=OPTED_OUT))


def by_name(result):
    return {d.name: d for d in result.datasets}


def test_the_later_export_holds_exactly_what_the_generator_changed(pair):
    changes = by_name(pair)
    for name, expected in PAIR_TRUTH["datasets"].items():
        d = changes[name]
        got = {
            "only_old": d.only_old,
            "only_new": d.only_new,
            "words_only_new": d.words_only_new,
            "after_opt_out": d.new_after_opt_out,
        }
        assert got == expected, name
        assert d.both == d.old_records - d.only_old == d.new_records - d.only_new
        assert d.new_after_opt_out + d.new_before_opt_out + d.new_undated == d.only_new
    unchanged = [d for d in pair.datasets if d.name not in PAIR_TRUTH["datasets"]]
    assert unchanged and all(d.only_old == d.only_new == 0 and d.both == d.new_records for d in unchanged)


def test_the_renamed_file_and_the_added_column_are_format_changes_not_new_records(pair):
    changes = by_name(pair)
    searches = changes["SearchQueries.csv"]
    assert (searches.files_added, searches.files_removed) == (("Search Queries.csv",), ("SearchQueries.csv",))
    assert (searches.only_old, searches.only_new, searches.both) == (0, 0, 50)
    assert changes["messages.csv"].columns_added == ("IS MESSAGE DRAFT",)
    assert changes["messages.csv"].matched_by == ("conversation id", "date", "from")
    assert [d.name for d in pair.datasets if d.columns_added or d.columns_removed] == ["messages.csv"]


def test_the_headline_figures_add_up(pair):
    used = [d for d in pair.datasets if d.status == "used"]
    assert pair.used_only_new == sum(d.only_new for d in used) == PAIR_TRUTH["datasets"]["Shares.csv"]["only_new"]
    assert pair.used_words_only_new == PAIR_TRUTH["datasets"]["Shares.csv"]["words_only_new"]
    assert pair.no_longer == sum(v["only_old"] for v in PAIR_TRUTH["datasets"].values())
    assert pair.used_after_opt_out + pair.used_before_opt_out == pair.used_only_new
    assert [u.en for u in pair.used_units] == ["post|posts"]
    assert (pair.same, pair.swapped, pair.region_changed, pair.not_in_basic) == (False, False, False, 0)
    assert sum(c.only_new for c in pair.categories) == sum(d.only_new for d in pair.datasets)


def test_old_newer_than_new_is_compared_the_right_way_round(pair):
    swapped = compare(NEW, OLD, MAPPING, ScanOptions(opted_out_on=OPTED_OUT))
    assert swapped.swapped
    assert swapped.old.source.name == OLD.name
    assert replace(swapped, swapped=False, generated_at=pair.generated_at) == pair


def test_the_same_export_twice_is_said_and_nothing_is_matched():
    result = compare(OLD, OLD, MAPPING)
    assert result.same
    assert result.datasets == ()
    assert result.old.source.sha256 == result.new.source.sha256


def test_matching_without_pyarrow_gives_the_same_figures(pair, monkeypatch):
    monkeypatch.setattr(matching.arrow, "arrow", lambda: None)
    slow = compare(OLD, NEW, MAPPING, ScanOptions(opted_out_on=OPTED_OUT, fast_from=None))
    assert replace(slow, generated_at=pair.generated_at) == pair


def utf16_tsv(rows: list[list[str]]) -> bytes:
    text = "\n".join("\t".join('"' + c.replace('"', '""') + '"' for c in row) for row in rows) + "\n"
    return "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")


SHARES_2018 = [
    ["Date", "Share Title", "Share Description", "Share Link", "Share Commentary", "Shared URL", "Media URL", "Type",
     "Visibility"],
    ["2018/01/02 10:00:00 UTC", "", "", "https://www.linkedin.com/updates?topic=1", "Hallo\nWelt", "", "", "",
     "MEMBER_NETWORK"],
    ["2018/03/04 11:30:00 UTC", "", "", "https://www.linkedin.com/updates?topic=2", "Zweiter Beitrag", "", "", "",
     "MEMBER_NETWORK"],
]  # fmt: skip
#: The same two posts as a 2026 export writes them (renamed columns, ISO dates, CRLF), and one more.
SHARES_2026 = (
    "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\r\n"
    '2018-01-02 10:00:00,https://www.linkedin.com/updates?topic=1,"Hallo\r\nWelt",,,MEMBER_NETWORK\r\n'
    "2018-03-04 11:30:00,https://www.linkedin.com/updates?topic=2,Zweiter Beitrag,,,MEMBER_NETWORK\r\n"
    "2026-05-01 08:00:00,https://www.linkedin.com/feed/update/urn:li:share:3,Ganz neu hier,,,PUBLIC\r\n"
)


def test_an_unchanged_record_matches_across_eras(make_export):
    old = make_export({"Profile.csv": PROFILE, "Shares.csv": utf16_tsv(SHARES_2018)},
                      name="Complete_LinkedInDataExport_11-04-2018.zip")  # fmt: skip
    new = make_export(
        {"Profile.csv": PROFILE, "Shares.csv": SHARES_2026}, name="Complete_LinkedInDataExport_11-28-2026.zip"
    )
    changes = by_name(compare(old, new, MAPPING))
    shares, network = changes["Shares.csv"], changes["Shares.csv (connections only)"]  # split by Visibility
    assert (shares.only_old, shares.both, shares.only_new, shares.words_only_new) == (0, 0, 1, 3)
    assert (network.only_old, network.both, network.only_new) == (0, 2, 0)
    assert shares.matched_by == network.matched_by == ("date", "sharelink")
    assert "Share Title" in shares.columns_removed and "ShareLink" in shares.columns_added


def test_without_a_declared_identity_records_match_by_the_columns_both_exports_have(make_export):
    old = make_export(
        {"Profile.csv": PROFILE, "Skills.csv": "Name\nSQL\nScrum\n"}, name="Complete_LinkedInDataExport_01-01-2025.zip"
    )
    new = make_export({"Profile.csv": PROFILE, "Skills.csv": "Name\r\n sql \r\nRoadmapping\r\n"},
                      name="Complete_LinkedInDataExport_01-01-2026.zip")  # fmt: skip
    skills = by_name(compare(old, new, MAPPING))["Skills.csv"]
    assert (skills.only_old, skills.both, skills.only_new, skills.matched_by) == (1, 1, 1, ())


def test_a_basic_export_lacks_most_content_rather_than_having_deleted_it():
    complete = SAMPLES_DIR / "Complete_LinkedInDataExport_09-12-2022.zip"
    basic = SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip"
    result = compare(complete, basic, MAPPING)
    changes = by_name(result)
    assert changes["Shares.csv"].not_in_basic and changes["Comments.csv"].not_in_basic
    assert not changes["messages.csv"].not_in_basic  # both have it: its records did change
    lacking = [d for d in result.datasets if d.not_in_basic]
    assert result.not_in_basic == sum(d.only_old + d.only_new for d in lacking) > 0
    assert result.no_longer == sum(d.only_old for d in result.datasets if not d.not_in_basic)


def test_identity_is_the_mapping_s_when_both_exports_have_its_columns():
    shares = next(d for d in MAPPING.datasets if d.name == "Shares.csv")
    assert resolve(shares, ["Date", "Share Link", "Share Commentary"], ["Date", "ShareLink"]).declared
    fallback = resolve(shares, ["Date", "Share Commentary"], ["Date", "ShareLink", "ShareCommentary"])
    assert fallback == Key((("date",),), False)
    assert fallback.where(shares, ["ShareLink", "Date"]) == [(1, "date")]
    assert Key((("date",), ("sharelink",)), True).where(shares, ["ShareLink", "Date"]) == [(1, "date"), (0, "exact")]


def test_both_readers_give_every_record_the_same_identity():
    """A file read by pyarrow in one export and by the dialect reader in the other still matches."""
    keys = {d.name: resolve(d, [], []) for d in MAPPING.datasets}
    _, slow = scan_records(NEW, MAPPING, ScanOptions(keys=keys, fast_from=None))
    _, fast = scan_records(NEW, MAPPING, ScanOptions(keys=keys, fast_from=0, fast_total=0))
    assert slow.keys() == fast.keys()
    assert {n: (r.digests, r.days, r.words) for n, r in slow.items()} == {
        n: (r.digests, r.days, r.words) for n, r in fast.items()
    }
    assert sum(map(len, slow.values())) > 1_000 and any(sum(r.words) for r in slow.values())


def test_read_by_pyarrow_the_pair_compares_the_same(pair):
    fast = compare(OLD, NEW, MAPPING, ScanOptions(opted_out_on=OPTED_OUT, fast_from=0, fast_total=0))
    assert replace(fast, generated_at=pair.generated_at) == pair


def test_a_change_of_region_is_said(make_export):
    london = PROFILE.replace('"Berlin, Berlin, Germany"', '"London, England, United Kingdom"')
    old = make_export(
        {"Profile.csv": PROFILE, "Skills.csv": "Name\nSQL\n"}, name="Complete_LinkedInDataExport_01-01-2025.zip"
    )
    new = make_export(
        {"Profile.csv": london, "Skills.csv": "Name\nSQL\n"}, name="Complete_LinkedInDataExport_01-01-2026.zip"
    )
    result = compare(old, new, MAPPING)
    assert (result.region_changed, result.old.region, result.new.region) == (True, "eu", "uk")
    from analyzer.render.compare_sentences import headline

    said = headline(result, "en")[-1]
    assert said.startswith("Your region changed: ") and "where LinkedIn's AI training began on" in said


SHARES = next(d for d in MAPPING.datasets if d.name == "Shares.csv")
#: Date, text and sender of a post: the date and the text identify it, the sender tells the member's own words.
WHERE = Key((("date",), ("sharecommentary",)), True).where(SHARES, ["Date", "ShareCommentary", "From"])
LAYOUT = Layout(WHERE, 0, [1], (2, "lena hoffmann"), {})


def identities(rows: list[list[str]], monkeypatch: pytest.MonkeyPatch, few: int = 4) -> list[tuple[list[int], ...]]:
    """Digests, days and own words of ``rows`` three ways (each the same when the days parsed are shared with an
    earlier batch): a cell at a time in Python (as without pyarrow),
    the dialect reader's batch in Arrow, and pyarrow's batch; ``few``: Arrow's columns are normalised a distinct
    value at a time with at most one distinct value in ``few`` cells (0: always, 10**9: never)."""
    import pyarrow as pa

    from analyzer import identity
    from analyzer.identity import Records
    from analyzer.read.arrow import ArrowColumns
    from analyzer.read.table import RowColumns

    got = []
    for batch, pyarrow_there in (
        (RowColumns(rows), False),
        (RowColumns(rows), True),
        (ArrowColumns(pa.record_batch([pa.array(c, pa.string()) for c in zip(*rows, strict=True)], names=["a", "b", "c"])), True),
    ):  # fmt: skip
        with monkeypatch.context() as patch:
            patch.setattr(identity, "ARROW_FROM", 0)  # Arrow however small the batch, where pyarrow is there
            patch.setattr(identity, "_FEW", few)
            if not pyarrow_there:
                patch.setattr(identity.arrow, "arrow", lambda: None)
            records, parsed = Records(), {}  # the days parsed, as a dataset's batches share them
            records.add(batch, LAYOUT, parsed)
            records.add(batch, LAYOUT, parsed)  # the same batch again: its days found among those parsed
        half = len(records) // 2
        for kept in (records.digests, records.days, records.words):
            assert kept[:half] == kept[half:]
        got.append((list(records.digests[:half]), list(records.days[:half]), list(records.words[:half])))
    return got


@pytest.mark.parametrize("few", [0, 4, 10**9], ids=["by-distinct-value", "as-found", "cell-by-cell"])
def test_arrow_and_python_normalise_white_space_and_dates_alike(monkeypatch, few):
    rows = [
        ["2020/06/09 00:53:47 UTC", "  Hallo\u00a0\u3000Welt \r\n zwei  ", "Lena Hoffmann"],
        ["2020-06-09 00:53:47", "hallo welt zwei", "lena hoffmann"],
        ["", "<p>Ein  Text</p>", "Jonas"],
        ["9 Jun 2020", "x\x1cy", "Lena Hoffmann"],
    ]
    python, dialect_in_arrow, arrow = identities(rows, monkeypatch, few)
    assert python == dialect_in_arrow == arrow
    digests, days, words = python
    assert digests[0] == digests[1] != digests[3]  # the same date and text, written two ways
    assert days == [date(2020, 6, 9).toordinal()] * 2 + [0, date(2020, 6, 9).toordinal()]
    assert words == [3, 3, 0, 2]  # the third is not the member's; \x1c is white space to str.split


@pytest.mark.parametrize("few", [0, 10**9], ids=["by-distinct-value", "cell-by-cell"])
def test_a_date_with_a_line_break_after_it_is_identified_alike(monkeypatch, few):
    """An ISO-like date is told by its start, whatever follows (Python's re.match): in RE2, ``.*`` stops at a line
    break, which once made Arrow normalise such a cell as text."""
    rows = [["2020-06-09 10:00:00\nUTC", "Hallo", "Lena Hoffmann"], ["9 Jun 2020", "Welt", "Lena Hoffmann"]] * 2
    python, dialect_in_arrow, arrow = identities(rows, monkeypatch, few)
    assert python == dialect_in_arrow == arrow


@pytest.mark.parametrize(
    "cells",
    [
        ["2021-02-28 10:00:00", "2021-02-30", "", "2020-02-29"],  # a day no calendar has: parsed in Python, as 0
        ["0000-01-01", "0001-01-01", "9999-12-31 23:59:59"],  # year 0: Arrow's date32 has it, Python's date not
        ["2020/06/09", "2020-06/09", "2020-06-09"],  # slashes, and a mix that parse_date refuses
        ["2020-06-09", "", "2020-06-10"],
    ],
)
def test_iso_days_in_arrow_are_python_s(monkeypatch, cells):
    """ISO-like days are turned into ordinals in Arrow's C++ where it can (valid YYYY-MM-DD); every other batch
    is parsed in Python: either way each record has ``parse_date``'s day, with a days cache shared by batches."""
    from analyzer.dates import parse_date

    rows = [[c, "Hallo", "Lena Hoffmann"] for c in cells] * 2
    expected = [when.toordinal() if isinstance(when := parse_date(c[:10]) if c else None, date) else 0 for c in cells]
    python, dialect_in_arrow, arrow = identities(rows, monkeypatch, few=10**9)
    assert python[1] == dialect_in_arrow[1] == arrow[1] == expected * 2


def test_a_cell_pyarrow_cannot_take_is_identified_in_python_alike(monkeypatch):
    """A lone surrogate (bytes no encoding could read, kept by ``surrogateescape``) cannot become an Arrow
    string: that batch is done cell by cell in Python, with the digest the record has everywhere else."""
    rows = [["2020-06-09 00:53:47", "caf\udcc3 ok", "Lena Hoffmann"], ["2020-06-10", "zwei", "Jonas"]]
    from analyzer import identity
    from analyzer.identity import Records
    from analyzer.read.table import RowColumns

    got = []
    for pyarrow_there in (False, True):
        with monkeypatch.context() as patch:
            patch.setattr(identity, "ARROW_FROM", 0)
            if not pyarrow_there:
                patch.setattr(identity.arrow, "arrow", lambda: None)
            records = Records()
            assert records.add(RowColumns(rows), LAYOUT, {}) == 2
        got.append((list(records.digests), list(records.days), list(records.words)))
    assert got[0] == got[1] and got[0][2] == [2, 0]
    alone = identities([rows[1]], monkeypatch)  # the other record in a batch pyarrow can take, three ways
    assert all(digests == [got[1][0][1]] for digests, _, _ in alone)


_CELL = st.text(st.sampled_from(list("aZß ÄéÖ\t\n\r\u00a0\u2003\u3000\x1c<>/-:0123456789UTC")), max_size=12)
_DATE = st.one_of(
    _CELL,
    st.builds(lambda d, sep, rest: d.isoformat().replace("-", sep) + rest, st.dates(), st.sampled_from("-/"),
              st.sampled_from(["", " 10:00:00", " 10:00:00 UTC", "T10:00:00Z"])),
    st.builds(lambda d: d.strftime("%a %b %d 20:29:05 UTC %Y"), st.dates()),  # Java's Date.toString
    st.builds(lambda d, rest: f"{d.month}/{d.day}/{d.year % 100:02d}{rest}", st.dates(), st.sampled_from(["", ", 7:58 PM"])),
    st.builds(lambda d: d.strftime("%d %b %Y"), st.dates()),
)  # fmt: skip


_SENDER = st.sampled_from(["Lena Hoffmann", " lena hoffmann ", "Jonas", ""])


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_DATE, _CELL, _SENDER), min_size=1, max_size=6), st.sampled_from([0, 4, 10**9]))
def test_every_path_gives_a_record_the_same_identity(monkeypatch, records, few):
    """Whatever the text (white space of every kind, case, tags, dates written every way): the same digest, day
    and own words in Python, in Arrow from the dialect reader, and in Arrow from pyarrow's reader; in Arrow
    whether a column's distinct values are normalised or every cell."""
    python, dialect_in_arrow, arrow = identities([list(r) for r in records], monkeypatch, few)
    assert python == dialect_in_arrow == arrow


def test_small_batches_and_datasets_are_done_without_pyarrow(monkeypatch):
    """Below ARROW_FROM records a batch is digested, and a dataset matched, in Python: Arrow's cost per call
    would outweigh its speed (and a typical comparison need not import pyarrow at all)."""
    from analyzer import identity
    from analyzer.identity import Records
    from analyzer.read.table import RowColumns

    def refuse() -> None:
        raise AssertionError("pyarrow asked for")

    monkeypatch.setattr(identity.arrow, "arrow", refuse)
    rows = [["2020-06-09", "Hallo Welt", "Lena Hoffmann"]] * (identity.ARROW_FROM - 1)
    records = Records()
    assert records.add(RowColumns(rows), LAYOUT, {}) == 2 * len(rows)
    assert matching.match(records, records, None, None).both == len(rows)
    with pytest.raises(AssertionError, match="pyarrow asked for"):
        Records().add(RowColumns([*rows, rows[0]]), LAYOUT, {})


@pytest.mark.parametrize("old, new", [(OLD, NEW), (SAMPLES_DIR / "Complete_LinkedInDataExport_11-04-2018.zip",
                                                    SAMPLES_DIR / "Complete_LinkedInDataExport_09-12-2022.zip")])  # fmt: skip
def test_the_records_and_words_of_each_side_add_up_to_what_scan_counts(old, new):
    from analyzer.pipeline import scan

    result = compare(old, new, MAPPING)
    before = {d.name: d for d in scan(old, MAPPING).datasets}
    after = {d.name: d for d in scan(new, MAPPING).datasets}
    for d in result.datasets:
        assert d.both + d.only_new == (after[d.name].records if d.name in after else 0), d.name
        assert d.both + d.only_old == (before[d.name].records if d.name in before else 0), d.name
        assert d.words_both + d.words_only_new == (after[d.name].words if d.name in after else 0), d.name


@pytest.mark.parametrize("part", [1 << 18, 2], ids=["whole", "in-parts"])
@pytest.mark.parametrize("repeats", [False, True])
def test_matching_in_arrow_and_in_python_agree_with_and_without_repeated_digests(monkeypatch, repeats, part):
    from array import array

    from analyzer.identity import Records

    old_digests = [1, 1, 2, 3, 3, 3, -7] if repeats else [1, 2, 3, -7]  # a hash may be negative
    new_digests = [1, 2, 2, 3, 4, 5] if repeats else [1, 2, 4, 5]
    day = date(2026, 3, 1).toordinal()
    old = Records(array("q", old_digests), array("i"), array("i", range(len(old_digests))))
    new = Records(
        array("q", new_digests),
        array("i", [day - 9, day, 0, day + 3, day - 1, day + 30][: len(new_digests)]),
        array("i", [5, 0, 3, 2, 8, 1][: len(new_digests)]),
    )
    monkeypatch.setattr(matching, "ARROW_FROM", 0)  # Arrow however few the records
    monkeypatch.setattr(matching, "PART", part)  # in parts (by the digests' lowest bits) of at most 2 a side
    in_arrow = matching.match(old, new, date(2026, 3, 1), date(2025, 11, 3))
    monkeypatch.setattr(matching.arrow, "arrow", lambda: None)
    assert matching.match(old, new, date(2026, 3, 1), date(2025, 11, 3)) == in_arrow
    assert (in_arrow.only_old, in_arrow.only_new, in_arrow.both) == ((4, 3, 3) if repeats else (2, 2, 2))


def test_every_way_of_matching_gives_exactly_the_same_figures(monkeypatch):
    """Random records, many digests repeated unevenly (shares of a rest that are no whole numbers): in Python and
    in Arrow, whole and in parts, the same figures, whatever order the groups come in (with float sums, 2 in 300
    such pairs came out 1 apart)."""
    import random
    from array import array

    from analyzer.identity import Records

    rng = random.Random(5)
    for _ in range(60):
        pool = [rng.randint(-(2**63), 2**63 - 1) for _ in range(rng.randint(1, 30))]

        def records(size: int, pool: list[int] = pool) -> Records:
            days = [rng.choice([0, 738000, 739000, 740000]) for _ in range(size)]
            return Records(
                array("q", rng.choices(pool, k=size)), array("i", days), array("i", rng.choices(range(9), k=size))
            )

        old, new = records(rng.randint(0, 50)), records(rng.randint(0, 50))
        dates = rng.choice([None, date(2024, 1, 1)]), rng.choice([None, date(2023, 1, 1)])
        monkeypatch.setattr(matching, "PART", rng.choice([2, 3, 1 << 16]))
        monkeypatch.setattr(matching, "ARROW_FROM", 1 << 40)
        in_python = matching.match(old, new, *dates)
        monkeypatch.setattr(matching, "ARROW_FROM", 0)
        assert matching.match(old, new, *dates) == in_python


def test_arrow_is_handed_arrow_values_only(monkeypatch, pair):
    """A Python value in a compute call is converted on every call, and pyarrow then tries to import dateutil
    (and numpy) each time: where they are not installed, a failed import is not cached (0.1-0.2 ms a try, 2,000 of
    them in comparing the heavy pair). Identifying and matching in Arrow hands it Arrow scalars and typed arrays."""
    import builtins

    from analyzer import identity, matching

    tried: list[str] = []
    real = builtins.__import__

    def importing(name, *args, **kwargs):
        if name.split(".")[0] in ("dateutil", "numpy"):
            tried.append(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(identity, "ARROW_FROM", 0)
    monkeypatch.setattr(matching, "ARROW_FROM", 0)
    compare(OLD, NEW, MAPPING, ScanOptions(opted_out_on=OPTED_OUT, workers=1))  # pyarrow imported, and warm
    monkeypatch.setattr(builtins, "__import__", importing)
    again = compare(OLD, NEW, MAPPING, ScanOptions(opted_out_on=OPTED_OUT, workers=1))
    monkeypatch.undo()
    assert tried == []
    assert replace(again, generated_at=pair.generated_at) == pair
