"""A dataset the mapping splits in two (Shares.csv and its connections-only posts, articles and their drafts):
each member file read once, by whichever reader would read it unsplit, and each batch parted by the split
column between the two tallies (``Columns.split``), so that neither part costs a read of its own."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing

from analyzer.archive import Member
from analyzer.mapping import Dataset
from analyzer.read import Repairs, Table, read_member
from analyzer.tally import Context, DatasetResult, DatasetTally


def tally_split(
    dataset: Dataset,
    taken: Dataset,
    members: list[Member],
    context: Context,
    repairs: Repairs,
    fast: Callable[[Member], bool],
) -> tuple[DatasetResult, DatasetResult]:
    """The figures of the records ``dataset.split`` leaves to ``dataset`` and of those it gives ``taken``.

    A file without the split column leaves every record to ``dataset``. Both get the problems and notes of
    every file (they are the same records' files)."""
    split = dataset.split
    if split is None:
        raise ValueError(f"{dataset.name} is not split")
    rest = DatasetTally(dataset.for_region(context.region), context)
    took = DatasetTally(taken.for_region(context.region), context)
    for member in members:

        def consume(table: Table, member: Member = member) -> tuple[DatasetTally, DatasetTally]:
            parts = rest.part(), took.part()
            rest_feed, took_feed = (part.feeding(member, table.header) for part in parts)
            lowered = [h.strip().lower() for h in table.header]
            column = lowered.index(split.column) if split.column in lowered else None
            # closing: a fast table stopped early (an error, Ctrl-C) lets pyarrow's reading thread finish first
            with closing(table.columns) as batches:
                for batch in batches:
                    if rest_feed is None or took_feed is None:
                        continue  # the records do not count (see DatasetTally.feeding); the file is read to its end
                    if column is None:
                        rest_feed.add(batch)
                        continue
                    mine, others = batch.split(column, split.takes)
                    took_feed.add(mine)
                    rest_feed.add(others)
            for feed in (rest_feed, took_feed):
                if feed is not None:
                    feed.end()
            return parts

        (rest_part, took_part), table = read_member(member, dataset.format, repairs, fast(member), consume)
        rest.take(rest_part, member, table)
        took.take(took_part, member, table)
    return rest.result(members), took.result(members)
