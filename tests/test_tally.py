"""A dataset's figures with a hand-counted expectation on a small fixture: records, data points, words,
years, the split at the policy start and the opt-out, the member's own words, format changes."""

from __future__ import annotations

from datetime import date

from analyzer.mapping import load_mapping
from analyzer.pipeline import ScanOptions, scan
from tests.conftest import COMMENTS, PROFILE

MAPPING = load_mapping()


def test_records_points_words_years_and_splits(make_export):
    path = make_export({"Profile.csv": PROFILE, "Comments.csv": COMMENTS})
    report = scan(path, MAPPING, ScanOptions(opted_out_on=date(2026, 1, 1)))
    comments = next(d for d in report.datasets if d.name == "Comments.csv")
    assert comments.records == 4
    assert comments.data_points == 12
    assert comments.words == 10
    assert [(y.year, y.records, y.before_start, y.after_start) for y in comments.per_year] == [
        (2025, 2, 1, 1),
        (2026, 1, 0, 1),
    ]
    assert (comments.first_date, comments.last_date) == (date(2025, 10, 1), date(2026, 2, 1))
    assert (comments.undated, comments.bad_dates) == (1, 1)
    assert any("1 date could not be read" in p for p in comments.problems)
    assert (comments.before_opt_out, comments.after_opt_out) == (2, 1)
    assert [(c.name, c.role, c.non_empty) for c in comments.columns] == [
        ("Date", "date", 4),
        ("Link", "url", 4),
        ("Message", "authored_text", 4),
    ]
    v = report.verdict
    assert (v.region, v.policy_start) == ("eu", date(2025, 11, 3))
    assert v.region_how == 'Profile.csv "Geo Location": Berlin, Berlin, Germany'
    assert (v.used_before_start, v.used_after_start) == (1, 2)
    assert v.used_undated == 1 + 1  # the comment without a date, the profile record
    assert (v.used_before_opt_out, v.used_after_opt_out) == (2, 1)
    assert [(h.dataset, h.kind, h.count, h.values) for h in report.contacts] == [("Comments.csv", "email", 1, ())]


def test_messages_count_only_the_members_own_words(make_export):
    messages = (
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
        "1,,Lena Hoffmann,,Anna,2024-01-01 10:00:00 UTC,,eins zwei drei,INBOX\n"
        "1,,Anna,,Lena Hoffmann,2024-01-02 10:00:00 UTC,,vier fünf,INBOX\n"
        "2,,Lena Hoffmann,,Jonas,2024-01-03 10:00:00 UTC,,<p>sechs</p>,INBOX\n"
    )
    report = scan(make_export({"Profile.csv": PROFILE, "messages.csv": messages}), MAPPING)
    msgs = next(d for d in report.datasets if d.name == "messages.csv")
    assert (msgs.status, msgs.records, msgs.words) == ("excluded", 3, 4)


def test_messages_2018_without_profile_name_use_direction(make_export):
    messages = ("From,To,Date,Subject,Content,Direction,Folder\nLena,Anna,\"10/16/18, 8:36 AM\",,hallo du,OUTGOING,SENT\n"
                "Anna,Lena,\"10/16/18, 9:36 AM\",,hallo zurück,INCOMING,INBOX\n")  # fmt: skip
    report = scan(make_export({"Messages.csv": messages}), MAPPING)
    msgs = report.datasets[0]
    assert msgs.words == 2  # only the OUTGOING message
    assert report.verdict.region is None and report.verdict.policy_start is None


def test_ai_chat_without_profile_name_counts_no_words_and_says_so(make_export):
    chat = ("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
            "1,,Lena Hoffmann,,LinkedIn AI,,2025-01-01 10:00:00 UTC,,Wie schreibe ich das?,INBOX\n")  # fmt: skip
    (d,) = scan(make_export({"guide_messages.csv": chat}), MAPPING).datasets
    assert d.words == 0 and any("could not be told apart" in n for n in d.notes)


def test_drift_signals_for_new_column_and_renamed_file(make_export):
    shares = "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility,Reach\n2026-01-01 10:00:00,https://x,Hallo,,,PUBLIC,120\n"
    path = make_export({"Profile.csv": "First Name,Last Name\nLena,Hoffmann\n", "Shares.csv": shares,
                        "Reactions_v3.csv": "Date,Type,Link\n2026-01-01 10:00:00,LIKE,https://x\n"})  # fmt: skip
    report = scan(path, load_mapping())
    by_name = {d.name: d for d in report.datasets}
    assert by_name["Shares.csv"].drift.new_columns == ("Reach",)
    assert by_name["Shares.csv"].drift.missing_columns == ()
    assert by_name["Profile.csv"].drift.missing_columns[:2] == ("Maiden Name", "Address")
    assert report.unmapped == ("Reactions_v3.csv",)


RICH_MEDIA_HEADER = "Date/Time,Media Description,Media Link\n"
RICH_MEDIA_ROWS = [
    '"You uploaded a video on November 12, 2024 at 2:56 AM (GMT)",Mein Talk beim Product Camp,https://x/1\n',
    '"You uploaded a video on November 13, 2024 at 2:56 AM (GMT)", -,https://x/2\n',  # LinkedIn's " -": no description
    '"You uploaded a video on November 14, 2024 at 2:56 AM (GMT)",-,https://x/3\n',
]


def test_placeholders_are_neither_data_points_nor_words(make_export):
    path = make_export({"Profile.csv": PROFILE, "Rich_Media.csv": RICH_MEDIA_HEADER + "".join(RICH_MEDIA_ROWS),
                        "Verifications.csv": "First name,Middle name,Last name,Verification type,Organization name,Email address,"
                        "Country,State,City,Year of birth,Issuing authority,Document type,Verification service provider,"
                        "Verified date,Expiry date\nLena,N/A,H,WORKPLACE,Spreewerk AG,l@x.example,N/A,n/a,N/A,0,N/A,N/A,N/A,2024-10-07,N/A\n"})  # fmt: skip
    report = scan(path, MAPPING)
    media = next(d for d in report.datasets if d.name == "Rich_Media.csv")
    assert media.words == 5  # "Mein Talk beim Product Camp"; the two "-" are not words
    assert [(c.name, c.non_empty, c.placeholders) for c in media.columns] == [
        ("Date/Time", 3, 0), ("Media Description", 1, 2), ("Media Link", 3, 0)]  # fmt: skip
    assert media.data_points == 7
    verifications = next(d for d in report.datasets if d.name == "Verifications.csv")
    assert verifications.data_points == 6 and sum(c.placeholders for c in verifications.columns) == 9
    assert next(c for c in verifications.columns if c.name == "Year of birth").placeholders == 1


def test_placeholders_counted_alike_by_both_readers(make_export):
    """Enough rows for pyarrow, once offered every plain file; the figures are the dialect reader's."""
    rows = RICH_MEDIA_ROWS * 20_000
    path = make_export({"Profile.csv": PROFILE, "Rich_Media.csv": RICH_MEDIA_HEADER + "".join(rows)})
    dialect = scan(path, MAPPING, ScanOptions(fast_from=None, workers=1))
    arrow = scan(path, MAPPING, ScanOptions(fast_from=0, fast_total=0, workers=1))
    for report in (dialect, arrow):
        media = next(d for d in report.datasets if d.name == "Rich_Media.csv")
        assert (media.records, media.data_points, media.words) == (60_000, 140_000, 100_000)
        assert [c.placeholders for c in media.columns] == [0, 40_000, 0]


def article(title: str, published: str) -> str:
    return (f'<html><body><h1><a href="https://www.linkedin.com/pulse/x">{title}</a></h1>'
            f'<p class="created">Created on 2024-09-01 19:35</p><p class="published">Published on {published}</p>'
            "<p>Zwei Sätze. Noch einer hier.</p></body></html>")  # fmt: skip


def test_unpublished_article_drafts_are_counted_apart_as_unclear(make_export):
    path = make_export({
        "Profile.csv": PROFILE,
        "Articles/Articles/a.html": article("Veröffentlicht", "2024-09-02 10:00"),
        "Articles/Articles/b.html": article("Entwurf eins", "---"),
        "Articles/Articles/c.html": article("Entwurf zwei", ""),
    })  # fmt: skip
    for workers in (1, 2):
        report = scan(path, MAPPING, ScanOptions(workers=workers))
        by_name = {d.name: d for d in report.datasets}
        published, drafts = by_name["Articles"], by_name["Articles (drafts)"]
        assert (published.status, published.records, published.words) == ("used", 1, 6)
        assert (drafts.status, drafts.confidence, drafts.records, drafts.words) == ("unclear", "low", 2, 14)
        assert drafts.members == published.members  # the same three files, read for their drafts
        assert [d.name for d in report.most_exposed] == ["Articles", "Profile.csv"]
        assert any(
            c.display_label("en") == "Posts, comments and articles: Articles (drafts)" for c in report.categories
        )


def test_without_drafts_there_is_no_drafts_row(make_export):
    path = make_export(
        {"Profile.csv": PROFILE, "Articles/Articles/a.html": article("Veröffentlicht", "2024-09-02 10:00")}
    )
    assert "Articles (drafts)" not in {d.name for d in scan(path, MAPPING).datasets}


def test_files_saved_again_by_a_program_say_so(make_export):
    """Not LinkedIn's output, but what members have: an Excel workbook renamed .csv, a spreadsheet's dates,
    pandas' unnamed index column."""
    import io
    import zipfile

    workbook = io.BytesIO()
    with zipfile.ZipFile(workbook, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    path = make_export({
        "Profile.csv": PROFILE,
        "Connections.csv": workbook.getvalue(),
        "Comments.csv": "Date,Link,Message\n17-Mar-24,https://x/1,hallo\n18-Mar-24,https://x/2,welt\n",
        "Skills.csv": ",Name\n0,Python\n1,SQL\n",
    })  # fmt: skip
    report = scan(path, MAPPING)
    problems = {d.name: d.problems for d in report.datasets}
    assert problems["Connections.csv"] == ("Connections.csv: is an Excel workbook (or another ZIP file), not LinkedIn's "
                                           "CSV: was it saved again by a spreadsheet program? Not read",)  # fmt: skip
    assert problems["Comments.csv"] == ("Comments.csv: 2 dates could not be read (not guessed; left out of the timeline); "
                                        "they look like a spreadsheet's dates (17-Mar-24): was the file re-saved?",)  # fmt: skip
    assert problems["Skills.csv"][0].startswith(
        "Skills.csv: its first column has no name, like the index column pandas writes"
    )
    skills = next(d for d in report.datasets if d.name == "Skills.csv")
    assert skills.drift is not None and skills.drift.new_columns == ("",)
    from analyzer.render import render

    text = render("terminal", report, "en", archive_arg="x.zip")
    from io import StringIO

    from rich.console import Console

    buffer = StringIO()
    Console(file=buffer, width=200, no_color=True).print(text)
    assert "Skills.csv: format changed (new columns: (unnamed column); missing: none)" in buffer.getvalue()


SHARES = (
    "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
    '2025-12-01 10:00:00,https://www.linkedin.com/feed/update/urn:li:share:1,"Public, for everyone",,,PUBLIC\n'
    '2025-12-02 10:00:00,https://www.linkedin.com/feed/update/urn:li:share:2,"""Only my""\n""""\n""network""",,,MEMBER_NETWORK\n'
    "2025-12-03 10:00:00,https://www.linkedin.com/feed/update/urn:li:share:3,Also public,,,PUBLIC\n"
    '2025-12-04 10:00:00,https://www.linkedin.com/feed/update/urn:li:share:4,"",,,MEMBER_NETWORK\n'
)


def test_connections_only_posts_are_counted_apart_with_medium_confidence(make_export):
    """Reference v2, "Visibility": public posts high, connections-only posts medium (ERPN-T has no "public")."""
    path = make_export({"Profile.csv": PROFILE, "Shares.csv": SHARES})
    for workers in (1, 2):
        by_name = {d.name: d for d in scan(path, MAPPING, ScanOptions(workers=workers)).datasets}
        public, network = by_name["Shares.csv"], by_name["Shares.csv (connections only)"]
        assert (public.status, public.confidence, public.records, public.words) == ("used", "high", 2, 5)
        assert (network.status, network.confidence, network.records, network.words) == ("used", "medium", 2, 3)
        assert network.members == public.members == ("Shares.csv",)
        assert "public content" in network.reason.en and network.unit is not None


def test_a_2018_share_without_visibility_values_stays_with_its_file(make_export):
    path = make_export({"Profile.csv": PROFILE, "Shares.csv": SHARES.replace("MEMBER_NETWORK", "")})
    names = {d.name for d in scan(path, MAPPING).datasets}
    assert "Shares.csv" in names and "Shares.csv (connections only)" not in names


JOB_POSTINGS = (
    "Company Name,Title,Employment Status,Company Description,Job Description,Location Description,Job Functions,"
    "Company Industries,Seniority Level,Required Skills,Education Levels,Onsite Apply,Contact Email,Company Apply Url,"
    "Base Salary,Additional Compensation,Job State,Create Date,List Date,Close Date,Expiration Date\n"
    "Beispiel GmbH,Engineer,FULL_TIME,We build things,You build things,London,Engineering,Software,Mid,Python,BSc,"
    "true,jobs@example.org,https://example.org/apply,,,CLOSED,2025-12-01,2025-12-01,2026-01-01,2026-01-31\n"
)


def test_job_postings_are_used_for_uk_members_only(make_export):
    """ERPN-UK: UK members' job postings are shared with Microsoft for its AI training; elsewhere unclear."""
    uk_profile = PROFILE.replace("Berlin, Berlin, Germany", "London, England, United Kingdom")
    for profile, status in ((PROFILE, "unclear"), (uk_profile, "used")):
        path = make_export({"Profile.csv": profile, "Online Job Postings.csv": JOB_POSTINGS})
        for workers in (1, 2):
            report = scan(path, MAPPING, ScanOptions(workers=workers))
            postings = next(d for d in report.datasets if d.name == "Online Job Postings.csv")
            assert postings.status == status, (profile, workers)
            if status == "used":
                assert "Microsoft" in postings.reason.en and postings.sources == ("erpn",)
                assert postings in report.most_exposed
