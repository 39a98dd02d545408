"""Archive members → datasets (numbered parts in order) and the files the mapping does not know."""

from __future__ import annotations

import re

from analyzer.archive import Member
from analyzer.frozen import frozen
from analyzer.mapping import Dataset, Mapping

_PART = re.compile(r"_(\d+)(?=\.[^.]+$)")


@frozen
class Classified:
    """The archive's members: by dataset, and those the mapping does not know."""

    datasets: dict[Dataset, list[Member]]  # in the order the archive lists them; members in part order
    unmapped: list[Member]


def classify(members: list[Member], mapping: Mapping) -> Classified:
    """Each member to the dataset whose pattern matches its whole path, or to ``unmapped``."""
    datasets: dict[Dataset, list[Member]] = {}
    unmapped: list[Member] = []
    for member in members:
        dataset = mapping.match(member.path)
        if dataset is None:
            unmapped.append(member)
        else:
            datasets.setdefault(dataset, []).append(member)
    for parts in datasets.values():
        parts.sort(key=_part_order)
    return Classified(datasets, unmapped)


def _part_order(member: Member) -> tuple[int, str, str]:
    """``Comments.csv`` before ``Comments_1.csv`` before ``Comments_2.csv`` …; then by path. The number is
    compared by its length, then its digits: never int(), which refuses a part number of 5,000 digits."""
    if (match := _PART.search(member.name)) is None:
        return (-1, "", member.path)
    digits = match.group(1).lstrip("0")
    return (len(digits), digits, member.path)
