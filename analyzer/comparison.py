"""The Comparison of two exports and its frozen parts: the contract the ``compare`` renderers read.

Every figure they show is a field here, computed once by ``compare.py``, so the terminal, the workbook and
the JSON can never disagree. Imports nothing of ours but the Report's parts.
"""

from __future__ import annotations

from datetime import date

from analyzer.frozen import frozen
from analyzer.model import MappingInfo, SourceFigures, Text

#: The JSON contract of ``compare --json`` (its own; ``scan --json`` has the Report's).
COMPARE_SCHEMA_VERSION = 1


@frozen
class Side:
    """One of the two exports, as the comparison speaks of it."""

    source: SourceFigures
    region: str | None
    region_label: Text | None
    policy_start: date | None
    records: int
    words: int  # the words the member wrote, in every dataset
    problems: int


@frozen
class DatasetChange:
    """One dataset in both exports: its records only in the old one, only in the new one, and in both."""

    name: str
    category: str
    category_label: Text
    status: str
    unit: Text | None
    old_records: int
    new_records: int
    only_old: int
    only_new: int
    both: int
    words_only_old: int  # the member's own words in those records
    words_only_new: int
    words_both: int
    #: Of the records only in the new export: dated on or after the opt-out, before it, undated
    #: (all 0 without --opted-out-on), and dated on or after the policy start for the member's region.
    new_after_opt_out: int
    new_before_opt_out: int
    words_after_opt_out: int
    words_before_opt_out: int
    new_undated: int
    new_after_start: int
    files_added: tuple[str, ...]
    files_removed: tuple[str, ...]
    columns_added: tuple[str, ...]
    columns_removed: tuple[str, ...]
    matched_by: tuple[str, ...]  # the identifying columns; () when every column both exports have was used
    #: Only in the Complete export while the other is a Basic one, which lacks most content: absent, not deleted.
    not_in_basic: bool = False
    name_de: str = ""  # the name for a German reader, where the name is ours (a split's)

    def name_in(self, lang: str) -> str:
        return self.name_de if lang == "de" and self.name_de else self.name

    @property
    def changed(self) -> bool:
        return bool(
            self.only_old
            or self.only_new
            or self.files_added
            or self.files_removed
            or self.columns_added
            or self.columns_removed
        )


@frozen
class CategoryChange:
    """One category's records and own words only in the old export, only in the new one, and in both."""

    key: str
    label: Text
    status: str
    datasets: tuple[str, ...]
    only_old: int
    only_new: int
    both: int
    words_only_old: int
    words_only_new: int
    new_after_opt_out: int
    new_before_opt_out: int


@frozen
class Comparison:
    """Two exports compared: every figure compare's renderers show."""

    schema_version: int
    tool_version: str
    generated_at: str
    mapping: MappingInfo  # both exports are read with this one mapping, so a dataset's label is the same in both
    old: Side
    new: Side
    same: bool  # the two files are the same export (the same SHA-256)
    swapped: bool  # the exports were given newest first; old and new are as dated
    opted_out_on: date | None
    region_changed: bool
    datasets: tuple[DatasetChange, ...]  # mapping order
    categories: tuple[CategoryChange, ...]  # used → unclear → excluded
    used_only_new: int  # records only in the new export, in likely used data
    used_words_only_new: int
    used_units: tuple[Text, ...]  # what those records are ("post|posts", …), most first
    used_after_opt_out: int
    used_before_opt_out: int
    used_words_after_opt_out: int
    no_longer: int  # records only in the old export (not counting what a Basic export lacks)
    not_in_basic: int  # records only in the old Complete export, of datasets a Basic export lacks
    unmapped_added: tuple[str, ...]
    unmapped_removed: tuple[str, ...]
