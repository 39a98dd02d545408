"""Match the records of one dataset in two exports by their digests (``identity.Records``).

A digest in both exports is a record in both, as many times as it is in the one that has it fewer times;
the rest of its records are only in one of them. The words and dates of such a rest are its digest's
records' on average (they are records the identity cannot tell apart, so nothing better is known).

With pyarrow, the digests found once on each side are matched by set membership in Arrow's C++ (some
bytes per record) and only those found more than once cross into Python; without pyarrow, every digest
is grouped in a dict (the same figures, far more memory).
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

from analyzer.frozen import frozen
from analyzer.identity import Records
from analyzer.read import arrow


@frozen
class Matched:
    """One dataset's records and own words only in the old export, only in the new one, and in both."""

    only_old: int = 0
    only_new: int = 0
    both: int = 0
    words_only_old: int = 0
    words_only_new: int = 0
    words_both: int = 0
    after_opt_out: int = 0  # of the records only in the new export
    before_opt_out: int = 0
    words_after_opt_out: int = 0
    words_before_opt_out: int = 0
    undated: int = 0
    after_start: int = 0


# Per distinct digest: records, words, and of the records dated: on/after the opt-out (and their words),
# before it (and their words), undated, on/after the policy start.
_SUMS = ("n", "w", "a", "aw", "b", "bw", "u", "s")


#: Datasets with fewer records (both sides) are matched in Python, with the same figures (tested).
ARROW_FROM = 20_000


def match(old: Records, new: Records, opted_out_on: date | None, start: date | None) -> Matched:
    """How the records of ``old`` and ``new`` (one dataset) match; the dates split the new-only ones."""
    if not len(old) and not len(new):
        return Matched()
    loaded = arrow.arrow() if len(old) + len(new) >= ARROW_FROM else None  # small ones: Arrow's calls cost more
    if loaded is not None:  # nothing of the old side is split by day: only its count and words are summed
        return _match_arrow(loaded, old.full(days=False), new.full(), opted_out_on, start)
    old, new = old.full(), new.full()
    return _figures(_join_python(_group_python(old, opted_out_on, start), _group_python(new, opted_out_on, start)))


Totals = dict[str, int | Fraction]  # the figures, unrounded


def _figures(rows: list[tuple[list[int], list[int]]]) -> Matched:
    """The figures of per-digest groups (old sums, new sums)."""
    return _rounded(_totals(rows))


def _totals(rows: list[tuple[list[int], list[int]]], total: Totals | None = None) -> Totals:
    """Sum per-digest groups (old sums, new sums) into the running ``total``, sharing a rest out by average:
    exactly (in fractions where a share is not whole), so that the figures do not depend on the order of the
    groups, nor on how they are summed in parts."""
    total = total if total is not None else dict.fromkeys(_TOTALS, 0)
    for o, n in rows:
        on, nn = o[0], n[0]
        both = min(on, nn)
        total["both"] += both
        total["only_old"] += on - both
        total["only_new"] += nn - both
        if on:
            total["wo"] += o[1] if both == 0 else _share(o[1], on - both, on)
        if nn:
            rest = nn - both
            if rest == 0:
                total["wb"] += n[1]
                continue
            whole = rest == nn
            total["wn"] += n[1] if whole else _share(n[1], rest, nn)
            total["wb"] += 0 if whole else _share(n[1], both, nn)
            for name, i in (("a", 2), ("aw", 3), ("b", 4), ("bw", 5), ("u", 6), ("s", 7)):
                total[name] += n[i] if whole else _share(n[i], rest, nn)
    return total


def _rounded(total: Totals) -> Matched:
    r = {k: round(v) for k, v in total.items()}
    return Matched(*(r[k] for k in _TOTALS))


_TOTALS = ("only_old", "only_new", "both", "wo", "wn", "wb", "a", "b", "aw", "bw", "u", "s")  # Matched's order


def _share(value: int, part: int, whole: int) -> int | Fraction:
    """``value * part / whole``, exactly: an int where it is one."""
    product = value * part
    return product // whole if product % whole == 0 else Fraction(product, whole)


def _per_record(days: int, words: int, opt_out: int | None, start: int | None) -> list[int]:
    dated = days > 0
    after = opt_out is not None and dated and days >= opt_out
    before = opt_out is not None and dated and days < opt_out
    return [
        1,
        words,
        int(after),
        words * after,
        int(before),
        words * before,
        int(not dated),
        int(start is not None and dated and days >= start),
    ]


def _group_python(records: Records, opted_out_on: date | None, start: date | None) -> dict[int, list[int]]:
    opt_out = opted_out_on.toordinal() if opted_out_on else None
    first = start.toordinal() if start else None
    groups: dict[int, list[int]] = {}
    for digest, days, words in zip(records.digests, records.days, records.words, strict=True):
        values = _per_record(days, words, opt_out, first)
        found = groups.get(digest)
        if found is None:
            groups[digest] = values
        else:
            for i, v in enumerate(values):
                found[i] += v
    return groups


def _join_python(old: dict[int, list[int]], new: dict[int, list[int]]) -> list[tuple[list[int], list[int]]]:
    empty = [0] * len(_SUMS)
    rows = [(old.get(d, empty), values) for d, values in new.items()]
    rows += [(values, empty) for d, values in old.items() if d not in new]
    return rows


def _per_record_arrow(loaded: Any, days: Any, words: Any, dates: tuple[int | None, int | None]) -> list[Any]:
    """``_per_record`` on Arrow columns: each of the ``_SUMS`` of every record, an int64 array each."""
    pa, _, pc = loaded
    # Scalars made once: a Python int in a compute call is converted on every call, trying to import numpy
    # each time where it is not installed (``read.arrow._zero``): 0.6 s of matching a million records.
    zero, none = pa.scalar(0, pa.int32()), pa.scalar(0, pa.int64())
    opt_out, start = (pa.scalar(d, pa.int32()) if d is not None else None for d in dates)
    dated = pc.greater(days, zero)
    never = pc.and_(dated, pa.scalar(False, pa.bool_()))
    after = pc.and_(dated, pc.greater_equal(days, opt_out)) if opt_out is not None else never
    before = pc.and_(dated, pc.less(days, opt_out)) if opt_out is not None else never
    since = pc.and_(dated, pc.greater_equal(days, start)) if start is not None else never
    words64 = pc.cast(words, pa.int64())

    def count(flags: Any) -> Any:
        return pc.cast(flags, pa.int64())

    return [
        count(pc.is_valid(days)),
        words64,
        count(after),
        pc.if_else(after, words64, none),
        count(before),
        pc.if_else(before, words64, none),
        count(pc.invert(dated)),
        count(since),
    ]


def _counted(loaded: Any, words: Any) -> list[Any]:
    """The first two ``_SUMS`` of every record (a 1, its words): all ``_totals`` takes of the old side's."""
    pa, _, pc = loaded
    return [pc.cast(pc.is_valid(words), pa.int64()), pc.cast(words, pa.int64())]


def _sums(loaded: Any, values: list[Any], mask: Any) -> list[int]:
    """The ``_SUMS`` of the records ``mask`` selects (``values``: ``_per_record_arrow``'s), in Arrow's C++."""
    pc = loaded[2]
    return [int(pc.sum(pc.filter(v, mask)).as_py() or 0) for v in values]


#: Sides of more records are matched in parts of about this many, by their digests' lowest bits (a digest is in
#: one part on both sides): the hash sets and sorts are a part's. A million messages a side, 1 % changed: the
#: process matching them peaked 23 MB lower on the heavy pair (235 → 212 MB).
PART = 1 << 16


def _match_arrow(loaded: Any, old: Records, new: Records, opted_out_on: date | None, start: date | None) -> Matched:
    """Digests found once on each side are matched by set membership (hash sets in C++, 8 bytes a record);
    the few found more than once on either side are grouped in Python."""
    pa, _, pc = loaded

    def column(values: Any, kind: Any) -> Any:
        return pa.Array.from_buffers(kind, len(values), [None, pa.py_buffer(values)])

    sides = [
        (column(old.digests, pa.int64()), column(old.words, pa.int32())),
        (column(new.digests, pa.int64()), column(new.days, pa.int32()), column(new.words, pa.int32())),
    ]
    parts = 1
    while parts * PART < max(len(old), len(new)):
        parts *= 2
    if parts == 1:
        return _figures(_rows_arrow(loaded, sides[0], sides[1], opted_out_on, start))
    # a digest's part: its lowest bits, taken from its lowest 16 (an unsafe cast truncates) with no 8-byte copy
    low = pa.scalar(parts - 1, pa.int16())
    of = [pc.bit_wise_and(pc.cast(side[0], pa.int16(), safe=False), low) for side in sides]
    total = None  # summed a part at a time: a part's groups are dropped before the next (Connections: 180,000)
    for part in range(parts):
        value = pa.scalar(part, pa.int16())
        old_part, new_part = (
            [pc.filter(a, pc.equal(o, value)) for a in side] for side, o in zip(sides, of, strict=True)
        )
        total = _totals(_rows_arrow(loaded, old_part, new_part, opted_out_on, start), total)
    assert total is not None
    return _rounded(total)


def _rows_arrow(
    loaded: Any,
    old: list[Any] | tuple[Any, ...],
    new: list[Any] | tuple[Any, ...],
    opted_out_on: date | None,
    start: date | None,
) -> list[tuple[list[int], list[int]]]:
    """``_match_arrow``'s sums of one part: (old, new) per group of records, for ``_totals`` (of the old side's
    sums only the first two: ``_counted``)."""
    pa, _, pc = loaded
    (od, o_words), (nd, n_days, n_words) = old, new

    def repeated(digests: Any) -> Any:
        """The digests found more than once: neighbours once sorted (no hash table of every digest)."""
        ordered = pc.take(digests, pc.sort_indices(digests))
        if len(ordered) < 2:
            return ordered.slice(0, 0)
        return pc.filter(ordered.slice(1), pc.equal(ordered.slice(1), ordered.slice(0, len(ordered) - 1)))

    twice = pa.concat_arrays([repeated(od), repeated(nd)])
    o_twice, n_twice = (pc.is_in(od, value_set=twice), pc.is_in(nd, value_set=twice)) if len(twice) else (None, None)

    def once(mask: Any, repeats: Any) -> Any:
        """``mask`` without the records whose digest is repeated (there are usually none)."""
        return mask if repeats is None else pc.and_(mask, pc.invert(repeats))

    n_in_old = pc.is_in(nd, value_set=od)
    o_in_new = pc.is_in(od, value_set=nd)
    dates = (opted_out_on.toordinal() if opted_out_on else None, start.toordinal() if start else None)
    o_values, n_values = _counted(loaded, o_words), _per_record_arrow(loaded, n_days, n_words, dates)
    empty = [0] * len(_SUMS)
    n_both = _sums(loaded, n_values, once(n_in_old, n_twice))
    rows = [
        (empty, _sums(loaded, n_values, once(pc.invert(n_in_old), n_twice))),
        (_sums(loaded, o_values, once(pc.invert(o_in_new), o_twice)), empty),
        ([n_both[0], *empty[1:]], [n_both[0], n_both[1], *empty[2:]]),  # in both: the new side's words
    ]
    if len(twice):
        rows += _join_python(_grouped(loaded, od, o_values, o_twice), _grouped(loaded, nd, n_values, n_twice))
    return rows


def _grouped(loaded: Any, digests: Any, values: list[Any], mask: Any) -> dict[int, list[int]]:
    """``_group_python`` in Arrow's C++ of the records ``mask`` selects (``values``: ``_per_record_arrow``'s):
    each ``_SUMS`` per digest, as the running sums' differences at the ends of each digest's run once sorted
    (no hash table, no Acero)."""
    pa, _, pc = loaded
    chosen = pc.filter(digests, mask)
    order = pc.sort_indices(chosen)
    sorted_digests = pc.take(chosen, order)
    size = len(sorted_digests)
    if not size:
        return {}
    last = pc.not_equal(sorted_digests.slice(1), sorted_digests.slice(0, size - 1))  # a run ends before a change
    ends = pa.concat_arrays([pc.indices_nonzero(last), pa.array([size - 1], pa.uint64())])

    def per_run(per_record: Any) -> list[int]:
        running = pc.take(pc.cumulative_sum(pc.take(pc.filter(per_record, mask), order)), ends).to_pylist()
        return [b - a for a, b in zip([0, *running[:-1]], running, strict=True)]

    columns = [per_run(v) for v in values]
    return dict(zip(pc.take(sorted_digests, ends).to_pylist(), map(list, zip(*columns, strict=True)), strict=True))
