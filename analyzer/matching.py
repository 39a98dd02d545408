"""Match the records of one dataset in two exports by their digests (``identity.Records``).

A digest in both exports is a record in both, as many times as it is in the one that has it fewer times;
the rest of its records are only in one of them. The words and dates of such a rest are its digest's
records' on average (they are records the identity cannot tell apart, so nothing better is known).

With pyarrow the digests are grouped and joined in Arrow's C++ (a few bytes per distinct record);
without it, in a dict (the same figures, more memory).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from analyzer.identity import Records
from analyzer.read import arrow


@dataclass(frozen=True)
class Matched:
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


def match(old: Records, new: Records, opted_out_on: date | None, start: date | None) -> Matched:
    """How the records of ``old`` and ``new`` (one dataset) match; the dates split the new-only ones."""
    if not len(old) and not len(new):
        return Matched()
    loaded = arrow.arrow()
    if loaded is None:
        rows = _join_python(_group_python(old, opted_out_on, start), _group_python(new, opted_out_on, start))
    else:
        rows = _join_arrow(loaded, old, new, opted_out_on, start)
    return _figures(rows)


def _figures(rows: list[tuple[list[int], list[int]]]) -> Matched:
    """Sum per-digest groups (old sums, new sums) into the figures, sharing a rest out by average."""
    total = dict.fromkeys(("only_old", "only_new", "both", "wo", "wn", "wb", "a", "b", "aw", "bw", "u", "s"), 0.0)
    for o, n in rows:
        on, nn = o[0], n[0]
        both = min(on, nn)
        total["both"] += both
        total["only_old"] += on - both
        total["only_new"] += nn - both
        if on:
            total["wo"] += o[1] * (on - both) / on
        if nn:
            rest = (nn - both) / nn
            total["wn"] += n[1] * rest
            total["wb"] += n[1] * both / nn
            for name, i in (("a", 2), ("aw", 3), ("b", 4), ("bw", 5), ("u", 6), ("s", 7)):
                total[name] += n[i] * rest
    r = {k: round(v) for k, v in total.items()}
    return Matched(
        r["only_old"],
        r["only_new"],
        r["both"],
        r["wo"],
        r["wn"],
        r["wb"],
        r["a"],
        r["b"],
        r["aw"],
        r["bw"],
        r["u"],
        r["s"],
    )


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


def _arrow_table(loaded: Any, records: Records, opted_out_on: date | None, start: date | None) -> Any:
    """The records as an Arrow table grouped by digest, with the sums of ``_SUMS``."""
    pa, _, pc = loaded
    size = len(records)

    def column(values: Any, kind: Any) -> Any:
        return pa.Array.from_buffers(kind, size, [None, pa.py_buffer(values)])

    days = column(records.days, pa.int32())
    words = pc.cast(column(records.words, pa.int32()), pa.int64())
    dated = pc.greater(days, 0)
    zero = pa.scalar(0, pa.int64())
    never = pc.and_(dated, pa.scalar(False))
    if opted_out_on is not None:
        after = pc.and_(dated, pc.greater_equal(days, opted_out_on.toordinal()))
        before = pc.and_(dated, pc.less(days, opted_out_on.toordinal()))
    else:
        after = before = never
    since = pc.and_(dated, pc.greater_equal(days, start.toordinal())) if start else never

    def count(mask: Any) -> Any:
        return pc.cast(mask, pa.int64())

    table = pa.table(
        {
            "d": column(records.digests, pa.uint64()),
            "n": count(pc.is_valid(days)),
            "w": words,
            "a": count(after),
            "aw": pc.if_else(after, words, zero),
            "b": count(before),
            "bw": pc.if_else(before, words, zero),
            "u": count(pc.invert(dated)),
            "s": count(since),
        }
    )
    return table.group_by("d").aggregate([(name, "sum") for name in _SUMS])  # columns d, n_sum, w_sum, …


def _join_arrow(
    loaded: Any, old: Records, new: Records, opted_out_on: date | None, start: date | None
) -> list[tuple[list[int], list[int]]]:
    """Only the digests whose counts differ cross into Python; those in both equally are summed in C++."""
    _, _, pc = loaded
    old_t = _arrow_table(loaded, old, opted_out_on, start)
    old_t = old_t.rename_columns(["d" if c == "d" else f"o_{c}" for c in old_t.column_names])
    new_t = _arrow_table(loaded, new, opted_out_on, start)
    joined = new_t.join(old_t, keys="d", join_type="full outer")
    sums = [f"{name}_sum" for name in _SUMS]
    columns = {c: pc.fill_null(joined.column(c), 0) for c in [*sums, *(f"o_{s}" for s in sums)]}
    equal = pc.equal(columns["n_sum"], columns["o_n_sum"])
    rows: list[tuple[list[int], list[int]]] = []
    if pc.any(equal).as_py():  # every record of these digests is in both: new words are the "both" words
        n_both = pc.sum(pc.filter(columns["n_sum"], equal)).as_py() or 0
        w_both = pc.sum(pc.filter(columns["w_sum"], equal)).as_py() or 0
        rows.append(([n_both, 0, 0, 0, 0, 0, 0, 0], [n_both, w_both, 0, 0, 0, 0, 0, 0]))
    differ = pc.invert(equal)
    old_rows = zip(*(pc.filter(columns[f"o_{s}"], differ).to_pylist() for s in sums), strict=True)
    new_rows = zip(*(pc.filter(columns[s], differ).to_pylist() for s in sums), strict=True)
    rows += [(list(o), list(n)) for o, n in zip(old_rows, new_rows, strict=True)]
    return rows
