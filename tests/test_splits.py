"""A dataset the mapping splits (Shares.csv and its connections-only posts) is read once, by either reader, each
batch parted between its two rows: the figures of each row are those of a file holding only its records, and
compare keeps each row's identities apart. Articles and their drafts: test_tally.py."""

from __future__ import annotations

import csv
import io
from collections import Counter

import pytest

from analyzer import splits
from analyzer.compare import compare
from analyzer.mapping import load_mapping
from analyzer.pipeline import ScanOptions
from analyzer.read import arrow as columnar
from tests.conftest import PROFILE
from tests.read.test_arrow import SHARES, Spy, both_of, dataset

MAPPING = load_mapping()
NETWORK = "Shares.csv (connections only)"
#: As LinkedIn writes Visibility, and a few ways a re-saved file might (the split strips and lower-cases).
VISIBILITY = ["PUBLIC", "MEMBER_NETWORK", "CONNECTIONS", " connections ", "Member_Network", "", "LOGGED_IN"]
TEXTS = ["Beitrag {i} mit <b>vier</b> Wörtern", '"Zeile {i}"\n"und noch eine"', "", "Schreiben Sie an lena@example.org",
         "  ", "eins, zwei; {i}"]  # fmt: skip


def share(i: int) -> list[str]:
    return [f"20{18 + i % 9}-{1 + i % 12:02d}-{1 + i % 28:02d} 10:00:00", f"https://www.linkedin.com/feed/update/urn:li:share:{i}",
            TEXTS[i % len(TEXTS)].format(i=i), "https://example.org" if i % 4 else "", "", VISIBILITY[i % len(VISIBILITY)]]  # fmt: skip


def shares_csv(records: list[list[str]], header: list[str] = SHARES) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *records])
    return out.getvalue().encode()


def taken(record: list[str]) -> bool:
    return record[-1].strip().lower() in {"member_network", "connections"}


@pytest.fixture
def small_batches(monkeypatch):
    """Many batches per file with either reader, so that records of both rows meet in one batch many times."""
    monkeypatch.setattr(columnar, "BLOCK_BYTES", 4096)
    monkeypatch.setattr("analyzer.read.dialect.BATCH", 64)


def test_each_row_has_the_figures_of_a_file_holding_only_its_records(small_batches):
    records = [share(i) for i in range(700)]
    mixed = both_of({"Shares.csv": shares_csv(records)})
    public = both_of({"Shares.csv": shares_csv([r for r in records if not taken(r)])})
    network = both_of({"Shares.csv": shares_csv([r for r in records if taken(r)])})
    for reader in (0, 1):  # the dialect reader, then pyarrow
        assert dataset(mixed[reader], "Shares.csv") == dataset(public[reader], "Shares.csv")
        alone = dataset(network[reader], NETWORK)
        assert dataset(mixed[reader], NETWORK) == alone
        assert alone["records"] == 400  # 4 of every 7 records
    assert mixed[0] == mixed[1]


def test_a_split_file_is_read_once_and_by_pyarrow(monkeypatch, small_batches):
    reads: Counter[str] = Counter()
    read_member = splits.read_member

    def counted(member, *args):  # type: ignore[no-untyped-def]
        reads[member.path] += 1
        return read_member(member, *args)

    monkeypatch.setattr(splits, "read_member", counted)
    spy = Spy(monkeypatch)
    rows, fast = both_of({"Shares.csv": shares_csv([share(i) for i in range(700)])})
    assert reads == {"Shares.csv": 2}  # one read by each of the two scans
    assert spy.batches > 10 and spy.irregular == []
    assert rows == fast


def test_a_split_file_pyarrow_hands_back_late_is_counted_once(monkeypatch, small_batches):
    records = [share(i) for i in range(700)]
    records[650] = records[650][:3]  # a ragged record after many batches
    spy = Spy(monkeypatch)
    rows, fast = both_of({"Shares.csv": shares_csv(records)})
    assert spy.batches > 10 and len(spy.irregular) == 1
    assert rows == fast
    assert dataset(fast, "Shares.csv")["records"] + dataset(fast, NETWORK)["records"] == 700


def test_a_file_without_the_split_column_keeps_every_record_in_its_row(small_batches):
    data = shares_csv([share(i)[:-1] for i in range(300)], SHARES[:-1])
    for report in both_of({"Shares.csv": data}):
        assert dataset(report, "Shares.csv")["records"] == 300
        assert NETWORK not in {d["name"] for d in report["datasets"]}


def test_compare_keeps_each_rows_identities_apart_with_either_reader(make_export, small_batches):
    old = [share(i) for i in range(400)]
    new = old[:350] + [share(i) for i in range(1000, 1100)]  # 50 records gone, 100 new
    paths = [make_export({"Profile.csv": PROFILE, "Shares.csv": shares_csv(r)},
                         name=f"Complete_LinkedInDataExport_0{n}-01-2026.zip") for n, r in ((1, old), (2, new))]  # fmt: skip
    found = []
    for fast_from in (None, 0):
        result = compare(*paths, MAPPING, ScanOptions(fast_from=fast_from, fast_total=0))
        found.append({d.name: (d.only_old, d.both, d.only_new) for d in result.datasets if "Shares" in d.name})
    gone, added = old[350:], new[350:]
    expected = {
        "Shares.csv": (sum(not taken(r) for r in gone), sum(not taken(r) for r in old[:350]),
                       sum(not taken(r) for r in added)),
        NETWORK: (sum(map(taken, gone)), sum(map(taken, old[:350])), sum(map(taken, added))),
    }  # fmt: skip
    assert found == [expected, expected]
