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
    assert any("1 dates could not be read" in p for p in comments.problems)
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
