"""A dataset's records handed ahead in pieces while its file is read, and gathered again: how ``compare`` keeps
the scanning processes from piling up a large file's records (``pairing.py``'s holder).

A part tally (one member file, one read of it: ``tally.py``) hands its records over once it holds ``PIECE``
(``collecting``) and notes its part's id in the records it keeps (``Records.sent``). A part that is thrown
away (a file the fast reader gives back midway is read again, from its start, by the dialect reader) is never
merged, so its id is in no dataset's records: at the dataset's end, the pieces of the parts it lists are
joined with the rest it hands over, and the others are dropped (``Gathered``). The figures do not depend on
the order of the records (``matching.py``).
"""

from __future__ import annotations

import itertools
import os
from array import array
from collections.abc import Callable
from typing import Any

from analyzer.identity import Layout, Records

#: A part's records are handed ahead once it holds this many (800 kB).
PIECE = 50_000
#: Where they go: (dataset, the part's id, its records so far).
Ahead = Callable[[str, int, Records], None]
_PART_IDS = itertools.count()


def collecting(records: Records, layout: Layout, name: str, ahead: Ahead | None) -> Callable[[Any], int]:
    """What adds a batch's records to a part's ``records`` (``Records.add``: it returns their own words), with
    ``ahead`` handing them over a ``PIECE`` at a time."""
    days: dict[str, int] = {}
    if ahead is None:
        return lambda batch: records.add(batch, layout, days)
    part = os.getpid() << 32 | next(_PART_IDS)  # unique in the scan's two processes

    def add(batch: Any) -> int:
        words = records.add(batch, layout, days)
        if len(records) >= PIECE:
            ahead(name, part, records.take())
            if not records.sent:
                records.sent.append(part)
        return words

    return add


class Gathered:
    """The pieces of the datasets being read, per dataset and part, until each dataset's end (``whole``).
    ``days`` False: a dataset's records are kept without their days (4 bytes a record fewer while it is read)."""

    def __init__(self) -> None:
        self._pieces: dict[Any, dict[int, Records]] = {}

    def add(self, dataset: Any, part: int, records: Records, days: bool) -> None:
        if not days:
            records.days = array("i")
        parts = self._pieces.setdefault(dataset, {})
        if part in parts:
            parts[part].extend(records)
        else:
            parts[part] = records

    def whole(self, dataset: Any, rest: Records, days: bool) -> Records:
        """The dataset's records: the pieces of the parts ``rest`` lists as sent, then ``rest`` (its records
        not handed ahead, as ``compact`` left them). The pieces of any other part are dropped."""
        pieces = self._pieces.pop(dataset, {})
        kept = [pieces[part] for part in dict.fromkeys(rest.sent) if part in pieces]
        for piece in kept:
            piece.check_key(rest)
        if not kept:
            return rest
        joined = kept[0]  # extended in place: the largest copy is never made twice
        for records in [*kept[1:], rest.full(days)]:
            joined.extend(records)
        if not days:
            joined.days = array("i")
        return joined
