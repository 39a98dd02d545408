"""Every figure with a hand-counted expectation on a small fixture."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from analyzer.read import arrow as columnar
from analyzer.scan import ScanOptions, scan
from analyzer.contacts import find_contacts, iban_valid
from analyzer.dates import NO_YEAR, UNPARSEABLE, parse_date
from analyzer.errors import ArchiveError
from analyzer.mapping import load_mapping
from analyzer.platforms.linkedin.policy import region_from_location, region_of_country
from analyzer.render.jsonout import report_to_dict
from tests.conftest import PROFILE, SAMPLES

MAPPING = load_mapping()


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("1/8/18, 6:14 PM", date(2018, 1, 8)),
        ("09/19/24, 12:47 AM", date(2024, 9, 19)),
        ("11/26/24 01:32 PM UTC", date(2024, 11, 26)),
        ("2018/08/18 17:16:55 UTC", date(2018, 8, 18)),
        ("2024-12-16 18:24:37 UTC", date(2024, 12, 16)),
        ("2024-06-17 06:01:43", date(2024, 6, 17)),
        ("2021-03-25 08:46 UTC", date(2021, 3, 25)),
        ("Sat Dec 14 08:57:55 UTC 2024", date(2024, 12, 14)),
        ("16 Dec 2024", date(2024, 12, 16)),
        ("Feb 17, 1998", date(1998, 2, 17)),
        ("Mar 31", NO_YEAR),
        ("Jun 2018", date(2018, 6, 1)),
        ("2016", date(2016, 1, 1)),
        ("2025/10/09", date(2025, 10, 9)),
        ("2024-11-13", date(2024, 11, 13)),
        ("Sep 23, 2022 12:00 PM - Sep 23, 2022 12:20 PM", date(2022, 9, 23)),
        ("You uploaded a video on November 12, 2024 at 2:56 AM (GMT)", date(2024, 11, 12)),
        ("N/A", None),
        ("", None),
        ("---", None),
        ("next Tuesday", UNPARSEABLE),
        ("2024-13-45", UNPARSEABLE),
    ],
)
def test_every_date_format_in_the_reference(raw, expected):
    assert parse_date(raw) == expected


COMMENTS = (
    "Date,Link,Message\n"
    "2025-10-01 10:00:00,https://x/1,Hallo Welt\n"            # 2 words, before 3 Nov 2025
    "2025-11-05 10:00:00,https://x/2,Drei kleine Worte\n"    # 3 words, after
    "2026-02-01 10:00:00,https://x/3,\"Mail an a.b@example.de, danke\"\n"  # 4 words, after, 1 e-mail
    "not a date,https://x/4,eins\n"                          # 1 word, unparseable date
)


def test_records_points_words_years_and_splits(make_export):
    path = make_export({"Profile.csv": PROFILE, "Comments.csv": COMMENTS})
    report = scan(path, MAPPING, ScanOptions(opted_out_on=date(2026, 1, 1)))
    comments = next(d for d in report.datasets if d.name == "Comments.csv")
    assert comments.records == 4
    assert comments.data_points == 12
    assert comments.words == 10
    assert [(y.year, y.records, y.before_start, y.after_start) for y in comments.per_year] == [(2025, 2, 1, 1), (2026, 1, 0, 1)]
    assert (comments.first_date, comments.last_date) == (date(2025, 10, 1), date(2026, 2, 1))
    assert (comments.undated, comments.bad_dates) == (1, 1)
    assert any("1 dates could not be read" in p for p in comments.problems)
    assert (comments.before_opt_out, comments.after_opt_out) == (2, 1)
    assert [(c.name, c.role, c.non_empty) for c in comments.columns] == [("Date", "date", 4), ("Link", "url", 4), ("Message", "authored_text", 4)]
    v = report.verdict
    assert (v.region, v.policy_start) == ("eu", date(2025, 11, 3))
    assert v.region_how == 'Profile.csv "Geo Location": Berlin, Berlin, Germany'
    assert (v.used_before_start, v.used_after_start) == (1, 2)
    assert v.used_undated == 1 + 1  # the comment without a date, the profile record
    assert (v.used_before_opt_out, v.used_after_opt_out) == (2, 1)
    assert [(h.dataset, h.kind, h.count, h.values) for h in report.contacts] == [("Comments.csv", "email", 1, ())]


def test_totals_by_status(make_export):
    path = make_export({"Profile.csv": PROFILE, "Comments.csv": COMMENTS,
                        "Email Addresses.csv": "Email Address,Confirmed,Primary,Updated On\na@example.de,Yes,Yes,\"1/19/26, 12:21 PM\"",
                        "Logins.csv": "Login Date,IP Address,User Agent,Login Type\nMon Mar 28 14:17:11 UTC 2022,::1,x,Login\n",
                        "extra.csv": "a,b\n1,\n"})  # fmt: skip
    report = scan(path, MAPPING)
    totals = {t.status: (t.datasets, t.records, t.data_points) for t in report.totals}
    assert totals == {"used": (2, 5, 20), "unclear": (1, 1, 4), "excluded": (1, 1, 4), "unmapped": (1, 1, 1)}
    assert report.data_points == 29  # 8 profile + 12 comments + 4 + 4 + 1
    assert [d.name for d in report.most_exposed] == ["Comments.csv", "Profile.csv"]


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


@pytest.mark.parametrize(
    "value, region",
    [("Berlin, Berlin, Germany", "eu"), ("Greater Zurich Area, Switzerland", "ch"), ("London, England, United Kingdom", "uk"),
     ("Oslo, Norway", "eea"), ("Toronto, Ontario, Canada", "ca"), ("Hong Kong SAR", "hk"), ("San Francisco Bay Area", None),
     ("New York, New York, United States", "us"), ("Wien, Österreich", "eu"), ("", None)],
)  # fmt: skip
def test_region_from_geo_location(value, region):
    assert region_from_location(value) == region


def test_region_from_2018_country_code_and_override(make_export):
    profile = "First Name,Last Name,Country,Zip Code,Geo Location\nLena,Hoffmann,ch,8001,\n"
    path = make_export({"Profile.csv": profile})
    v = scan(path, MAPPING).verdict
    assert (v.region, v.region_how) == ("ch", 'Profile.csv "Country": ch')
    assert region_of_country("DE") == "eu"
    v2 = scan(path, MAPPING, ScanOptions(region="us")).verdict
    assert (v2.region, v2.region_how, v2.policy_start) == ("us", "--region", date(2024, 9, 18))


@pytest.mark.parametrize("birth, under", [("Feb 17, 2010", True), ("Feb 17, 1988", False), ("Feb 17", None), ("", None)])
def test_under_18_from_full_birth_date(make_export, birth, under):
    profile = f'First Name,Last Name,Birth Date,Geo Location\nLena,Hoffmann,"{birth}",Berlin\n'
    report = scan(make_export({"Profile.csv": profile}), MAPPING, ScanOptions(today=date(2026, 11, 28)))
    assert report.verdict.under_18 is under


@pytest.mark.parametrize(
    "text, found",
    [
        ("Schreib mir: anna.schmidt@example.de", [("email", "anna.schmidt@example.de")]),
        ("Ruf an: +49 30 1234567 oder 0151-23456789", [("phone", "+49 30 1234567"), ("phone", "0151-23456789")]),
        ("Call +1 (415) 555-0100", [("phone", "+1 (415) 555-0100")]),
        ("Spenden: DE89 3704 0044 0532 0130 00", [("iban", "DE89 3704 0044 0532 0130 00")]),
        ("Not an IBAN: DE00 1234 5678 9012 3456 78", []),
        ("On 2024-06-17 we had 1234567 views, version 3.11.7", []),
    ],
)
def test_contact_detection(text, found):
    assert list(find_contacts(text)) == found


def test_iban_check_digits():
    assert iban_valid("GB82 WEST 1234 5698 7654 32")
    assert not iban_valid("GB00 WEST 1234 5698 7654 32")


def test_show_values_keeps_the_values(make_export):
    path = make_export({"Comments.csv": COMMENTS})
    report = scan(path, MAPPING, ScanOptions(show_values=True))
    assert report.contacts[0].values == ("a.b@example.de",)


def test_numbered_parts_are_one_dataset_in_order(make_export):
    path = make_export({
        "Job Applicant Saved Screening Question Responses_2.csv": "Question,Answer\nC,3\n",
        "Job Applicant Saved Screening Question Responses.csv": "Question,Answer\nA,1\n",
        "Job Applicant Saved Screening Question Responses_1.csv": "Question,Answer\nB,2\n",
    })  # fmt: skip
    (d,) = scan(path, MAPPING).datasets
    assert d.records == 3
    assert d.members == ("Job Applicant Saved Screening Question Responses.csv",
                         "Job Applicant Saved Screening Question Responses_1.csv",
                         "Job Applicant Saved Screening Question Responses_2.csv")  # fmt: skip


def test_not_a_linkedin_export(make_export):
    with pytest.raises(ArchiveError, match="does not look like a LinkedIn data export"):
        scan(make_export({"holiday.jpg": b"\xff\xd8", "notes.txt": "hi"}), MAPPING)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_a_second_process_gives_the_same_report(sample):
    options = {"include_content": True, "show_values": True, "opted_out_on": date(2025, 1, 1)}
    one = report_to_dict(scan(sample, MAPPING, ScanOptions(workers=1, **options)))
    two = report_to_dict(scan(sample, MAPPING, ScanOptions(workers=2, **options)))
    one.pop("generated_at"), two.pop("generated_at")
    assert one == two
    assert one["content"]


@pytest.mark.parametrize("fast_from", [None, 0], ids=["dialect-reader", "pyarrow"])
def test_java_timestamps_are_counted_by_day_as_parsing_each_would(make_export, monkeypatch, fast_from):
    monkeypatch.setattr(columnar, "BLOCK_BYTES", 64 * 1024)  # several batches for pyarrow too
    logins = ["Sun Feb 09 20:29:05 UTC 2025", "Tue Nov 03 02:31:24 UTC 2026", "Mon Dec 31 23:59:59 CET 2018"] * 3000
    logins += ["", "Sat Xyz 14 08:57:55 UTC 2024", "Fri Feb 30 10:00:00 UTC 2024"]  # no month, no such day
    tail = ["Wed Jan 01 10:00:00 UTC 2020", "1/8/18, 6:14 PM"]  # a later batch leaves the Java shape
    values = logins + tail
    path = make_export({"Logins.csv": "Login Date,IP Address,User Agent,Login Type\n"
                        + "".join(f"{v},192.0.2.1,Mozilla/5.0,Login\n" for v in values)})  # fmt: skip
    (d,) = scan(path, MAPPING, ScanOptions(fast_from=fast_from, fast_total=0, workers=1)).datasets
    parsed = [parse_date(v) for v in values]
    years = Counter(p.year for p in parsed if isinstance(p, date))
    assert [(y.year, y.records) for y in d.per_year] == sorted(years.items())
    assert d.bad_dates == sum(p is UNPARSEABLE for p in parsed) == 2
    assert d.undated == 3 and (d.first_date, d.last_date) == (date(2018, 1, 8), date(2026, 11, 3))


def test_a_date_column_that_changes_format_mid_file(make_export):
    rows = ["2024-06-17 06:01:43,LIKE,https://x"] * 5000 + ["16 Dec 2025,LIKE,https://y"] * 7 + ["2023-01-01 10:00:00,LIKE,https://z"] * 3
    path = make_export({"Reactions.csv": "Date,Type,Link\n" + "\n".join(rows) + "\n"})
    (d,) = scan(path, MAPPING).datasets
    assert [(y.year, y.records) for y in d.per_year] == [(2023, 3), (2024, 5000), (2025, 7)]
    assert (d.first_date, d.last_date, d.bad_dates) == (date(2023, 1, 1), date(2025, 12, 16), 0)
