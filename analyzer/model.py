"""The Report and its frozen parts: the contract every renderer reads. Imports nothing of ours but ``frozen``.

Every figure any renderer shows is a field here, computed once by the scan (``rollup.py``), so the
terminal, the workbook, the JSON and the letter can never disagree.
"""

from __future__ import annotations

from datetime import date

from analyzer.frozen import frozen

#: The labels a dataset can carry, and "unmapped" for files the mapping does not know, in the order
#: totals are listed (JSON ``totals``, the workbook's key numbers).
STATUSES = ("used", "excluded", "unclear")
REPORT_STATUSES = (*STATUSES, "unmapped")
#: Reading order of categories and files: the most exposed first.
STATUS_RANK = {"used": 0, "unclear": 1, "excluded": 2, "unmapped": 3}
CONFIDENCES = ("high", "medium", "low")
CONTACT_KINDS = ("email", "phone", "iban")
#: How many of the most exposed datasets a headline names.
HEADLINE_ITEMS = 5


@frozen
class Text:
    """A sentence in English and German."""

    en: str
    de: str

    def get(self, lang: str) -> str:
        return self.de if lang == "de" else self.en


@frozen
class Source:
    """A primary source a label or an action cites."""

    key: str
    title: str
    publisher: str
    url: str
    seen: date | None  # the day it was read for the mapping
    known: str = ""  # "quotes": nobody could open the page; it is known through consistent quotes
    title_de: str = ""  # the title for a German reader, where the page's own is English or our note is

    def title_in(self, lang: str) -> str:
        """The title in ``lang``: the German one where the mapping gives it, else the page's own."""
        return self.title_de if lang == "de" and self.title_de else self.title


@frozen
class ColumnFigures:
    """One column of a dataset: its role and how many of its cells hold something."""

    name: str
    role: str  # one of mapping.ROLES, or "unknown"
    non_empty: int  # cells holding something: neither empty, white space nor a placeholder
    fill_ratio: float  # non_empty / the dataset's records (0.0 for none)
    placeholders: int = 0  # cells holding a placeholder the mapping declares (" -", "N/A", …)


@frozen
class Drift:
    """The header differs from every layout the mapping knows: the platform changed the file."""

    new_columns: tuple[str, ...]
    missing_columns: tuple[str, ...]


@frozen
class YearCount:
    """The records of one year, split at the policy start of the member's region."""

    year: int
    records: int
    before_start: int = 0  # records dated before the policy start for the member's region
    after_start: int = 0


@frozen
class ContactHit:
    """E-mail addresses, phone numbers or IBANs found in a dataset's likely used text."""

    dataset: str
    kind: str  # one of CONTACT_KINDS
    count: int
    values: tuple[str, ...] = ()


@frozen
class ContentRow:
    """One exposed record, for --include-content: when, what the member wrote, where."""

    dataset: str
    category: str
    date: str
    text: str
    link: str


@frozen
class DatasetFigures:
    """Everything the report says about one dataset: its label, why, and its figures."""

    name: str
    members: tuple[str, ...]
    more_parts: int  # numbered parts beyond the first (0 for a dataset of many article files)
    category: str
    category_label: Text
    status: str
    confidence: str
    reason: Text
    sources: tuple[str, ...]
    description: Text
    unit: Text | None  # "post|posts": what one record is, singular|plural
    records: int
    data_points: int
    words: int
    first_date: date | None
    last_date: date | None
    per_year: tuple[YearCount, ...]
    undated: int
    bad_dates: int
    columns: tuple[ColumnFigures, ...]
    drift: Drift | None
    problems: tuple[str, ...]
    notes: tuple[str, ...]
    before_opt_out: int = 0
    after_opt_out: int = 0
    counted_once: int = 0  # records left out because ``same_records_as`` holds them too
    same_records_as: str = ""
    name_de: str = ""  # the name for a German reader, where the name is ours (a split's), not the export's

    def name_in(self, lang: str) -> str:
        """The name a reader of ``lang`` is shown; ``name`` stays the identifier (JSON, same_records_as)."""
        return self.name_de if lang == "de" and self.name_de else self.name

    @property
    def warnings(self) -> int:
        """Problems plus a format change: the "!" column of the file table."""
        return len(self.problems) + (1 if self.drift else 0)


@frozen
class CategoryFigures:
    """A category's label and the figures of its datasets together."""

    key: str
    label: Text
    description: Text
    status: str
    confidence: str
    reason: Text
    sources: tuple[str, ...]
    datasets: tuple[str, ...]
    records: int
    data_points: int
    words: int
    first_date: date | None
    last_date: date | None
    per_year: tuple[YearCount, ...]
    overridden: bool = False  # these datasets override the category's status
    datasets_de: tuple[str, ...] = ()  # their names for a German reader (``DatasetFigures.name_in``)

    def display_label(self, lang: str) -> str:
        """The label, naming the files when they are split off their category by a status override."""
        label = self.label.get(lang)
        names = self.datasets_de if lang == "de" and self.datasets_de else self.datasets
        return f"{label}: {', '.join(names)}" if self.overridden else label


@frozen
class StatusTotals:
    """The figures of every dataset with one status (used, excluded, unclear, unmapped)."""

    status: str
    datasets: int
    records: int
    data_points: int
    words: int
    share: float  # of all data points (0.0 when there are none)


@frozen
class Member:
    """Who the member is and where, as far as the export says; "" or None where it does not."""

    name: str = ""
    email: str = ""
    profile_url: str = ""
    birth_date: date | None = None
    region: str | None = None
    region_how: str = ""  # how the region was found, for the reader ("--region", or the column and value)
    # Why the region is None: "no_profile" (no Profile.csv), "no_location" (it names no location) or
    # "unrecognised" (region_how then holds the column and value that name no place known); "" otherwise.
    region_issue: str = ""
    # When a part of the location could be read two ways: (part as written, read as, the part that decided
    # ("" for the default), the other reading, the --region value for it); readings as in places.py.
    region_assumption: tuple[str, ...] = ()
    # The German federal state of the location as ISO 3166-2 ("DE-BY"), for the supervisory authority the
    # letter names; "" when the member is not in Germany or the location names no state or city known.
    state: str = ""


@frozen
class Period:
    """A stretch of time in which the platform trained, or said it may train, on a region's member data."""

    start: date
    end: date | None  # the day training was paused; None while it runs
    no_later_than: bool  # the start is the day it was disclosed: reports say training began before
    sources: tuple[str, ...]  # keys of the mapping's sources


@frozen
class Verdict:
    """What the report concludes for the member: their region, its training periods, the opt-out's effect."""

    region: str | None
    region_how: str
    region_label: Text | None
    policy_start: date | None  # when training on the region's data first began (the first period's start)
    opted_out_on: date | None
    under_18: bool | None
    used_before_start: int
    used_after_start: int
    used_undated: int
    used_before_opt_out: int  # dated records created before ``exposed_until``: these may have been used
    used_after_opt_out: int
    periods: tuple[Period, ...] = ()  # the region's training periods, oldest first
    basis: str = ""  # the legal basis the platform names there: "gdpr", "uk_gdpr", or "" (none named)
    #: After the opt-out: the day from which the member's records were no longer open to training (the
    #: opt-out, or the start of the pause it fell in); None when they never were, or without an opt-out.
    exposed_until: date | None = None
    #: How the opt-out relates to the periods: "never" (before training began), "before_disclosure" (before
    #: the day it was disclosed, which reports say it predates), "in_pause", "running"; "" without an opt-out.
    opt_out_timing: str = ""


@frozen
class Action:
    """One thing the member can do, in both languages, with where to do it."""

    key: str
    title: Text
    steps: Text
    url: str
    source: str
    applies: Text | None = None  # where it applies, when the member's region is not known to be there
    hint: Text | None = None  # how this tool helps (a command): for the terminal, not for forwarded documents
    done_on: date | None = None  # the member says they did it on this day (the opt-out, from --opted-out-on)


#: The law a letter is written under, by the member's region (``policy.controller``): the GDPR (EU, EEA), the GDPR
#: with the Swiss FADP beside it, the UK GDPR, and the regions where no GDPR claim is made.
LAWS = ("gdpr", "ch", "uk", "ca", "hk", "us", "other")


@frozen
class Controller:
    """Who the objection goes to, under which law, and where to send it."""

    address: tuple[str, ...]  # the company's name first, then its postal address (the "Attn" line is the letter's)
    law: str  # one of LAWS
    known: bool  # False when the region is unknown and the letter asks the member to check
    policy_url: str  # the notice that names the controller
    objection_url: str  # LinkedIn's form for the objection alone
    dpo_url: str  # the contact form of LinkedIn's Data Protection Officer, for the whole letter
    setting_url: str  # the toggle "Data for Generative AI Improvement"
    local_url: str = ""  # the local route outside the GDPR (a regulator's or LinkedIn's page), "" for none
    address_checked: bool = True  # False when part of the address is not in LinkedIn's notice (a ZIP code)
    authority: str = ""  # the supervisory authority of the member's German state (Art. 77), "" when not known
    authority_checked: bool = True  # False when that authority's current name is to be checked

    @property
    def gdpr(self) -> bool:
        """The GDPR (or the UK GDPR) applies: Art. 21 objection, Art. 17, 18 and 15 requests."""
        return self.law in ("gdpr", "ch", "uk")

    @property
    def uk(self) -> bool:
        """The UK's own copy of the GDPR."""
        return self.law == "uk"


@frozen
class Guide:
    """What the opt-out guide says beyond its wording: the steps, when training ran where, its sources."""

    actions: tuple[Action, ...]
    region: str | None  # the member's region; None: the guide shows every region's steps, labelled
    gdpr: bool  # the member may be where the GDPR (or the UK GDPR) applies
    periods: tuple[tuple[str, Text, tuple[Period, ...]], ...]  # (region keys, their names, their periods)
    sources: tuple[Source, ...]
    mapping_version: str
    mapping_reviewed: date
    platform: str


@frozen
class SourceFigures:
    """The export the report was made from: what it is, its size, its date and its SHA-256."""

    path: str
    name: str
    kind: str | None
    export_date: date | None
    is_zip: bool
    size: int
    sha256: str | None
    root: str
    nested_zip: str
    cut_off: bool = False  # the download broke off: the figures cover the files that arrived whole
    age_months: int | None = None  # whole months from the export date to the day of the report


@frozen
class MappingInfo:
    """The mapping the report was made with."""

    platform: str
    version: str
    reviewed: date
    origin: str


@frozen
class Report:
    """The whole report: every figure any renderer shows, computed once by the scan."""

    schema_version: int
    tool_version: str
    generated_at: str
    source: SourceFigures
    mapping: MappingInfo
    datasets: tuple[DatasetFigures, ...]
    categories: tuple[CategoryFigures, ...]
    totals: tuple[StatusTotals, ...]
    unmapped: tuple[str, ...]
    unmapped_records: int
    unmapped_data_points: int
    problems: tuple[str, ...]
    ignored: tuple[str, ...]
    member: Member
    verdict: Verdict
    contacts: tuple[ContactHit, ...]
    sources: tuple[Source, ...]
    actions: tuple[Action, ...]
    controller: Controller
    data_points: int  # all of them, every status
    records: int
    words: int
    used_share: float  # of data points in likely used data
    own_words_share: float  # of the words the member wrote themselves, those in likely used data (the headline's share)
    most_exposed: tuple[DatasetFigures, ...]  # used datasets with records, most records first
    used_per_year: tuple[YearCount, ...]  # the timeline: likely used records per year
    problem_count: int  # problems of the archive and of every dataset
    notes: tuple[str, ...] = ()  # what the report should say about the archive that is no problem (re-packed …)
    values_shown: bool = False
    content: tuple[ContentRow, ...] = ()
    content_cut: int = 0  # exposed records left out of ``content`` beyond the limit

    def total(self, status: str) -> StatusTotals:
        return next(t for t in self.totals if t.status == status)
