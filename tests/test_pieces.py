"""A dataset's records handed ahead in pieces and gathered again (``pieces.py``)."""

from __future__ import annotations

from array import array

import pytest

from analyzer import pieces
from analyzer.identity import Records


def _records(*digests: int, mark: int = 7) -> Records:
    return Records(array("q", digests), array("i", [d * 10 for d in digests]), array("i", [1] * len(digests)), mark)


def test_a_dataset_s_records_are_the_pieces_of_the_parts_it_merged_then_its_rest():
    gathered = pieces.Gathered()
    gathered.add("posts", 1, _records(1, 2), days=True)
    gathered.add("posts", 2, _records(3), days=True)  # a part thrown away: a file read again from its start
    gathered.add("posts", 1, _records(4), days=True)
    gathered.add("comments", 3, _records(9), days=True)  # another dataset's, read at the same time
    rest = _records(5, 6)
    rest.sent = [1]
    whole = gathered.whole("posts", rest, days=True)
    assert list(whole.digests) == [1, 2, 4, 5, 6]
    assert list(whole.days) == [10, 20, 40, 50, 60] and list(whole.words) == [1] * 5
    assert list(gathered.whole("comments", Records(mark=7), days=True).digests) == []  # part 3 never merged


def test_without_days_the_pieces_keep_none_and_a_compacted_rest_is_filled_out():
    gathered = pieces.Gathered()
    gathered.add("messages", 1, _records(1, 2), days=False)
    rest = Records(array("q", [3]), array("i"), array("i"), 7)  # compacted: no days, no words (all 0)
    rest.sent = [1]
    whole = gathered.whole("messages", rest, days=False)
    assert list(whole.digests) == [1, 2, 3] and len(whole.days) == 0 and list(whole.words) == [1, 1, 0]


def test_nothing_handed_ahead_is_the_rest_itself():
    rest = _records(1)
    assert pieces.Gathered().whole("posts", rest, days=True) is rest


def test_pieces_hashed_with_another_key_are_an_error_not_a_wrong_match():
    gathered = pieces.Gathered()
    gathered.add("posts", 1, _records(1, mark=1), days=True)
    rest = _records(2, mark=2)
    rest.sent = [1]
    with pytest.raises(RuntimeError, match="different keys"):
        gathered.whole("posts", rest, days=True)


def test_a_part_hands_its_records_over_a_piece_at_a_time_and_notes_its_id_once(monkeypatch):
    monkeypatch.setattr(pieces, "PIECE", 2)
    handed: list[tuple[str, int, list[int]]] = []
    records = Records()
    batches = iter([[1], [2], [3], [4], [5]])

    def add(batch, layout, days):  # Records.add's part: one digest a batch
        records.digests.extend(next(batches))
        records.days.append(0)
        records.words.append(0)
        return 0

    monkeypatch.setattr(records, "add", add)
    collect = pieces.collecting(
        records, None, "posts", lambda name, part, got: handed.append((name, part, list(got.digests)))
    )  # type: ignore[arg-type]
    for _ in range(5):
        collect(None)
    assert [(name, digests) for name, _, digests in handed] == [("posts", [1, 2]), ("posts", [3, 4])]
    assert list(records.digests) == [5] and records.sent == [handed[0][1]] and handed[0][1] == handed[1][1]
