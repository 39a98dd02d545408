"""The terminal report: golden files per sample and language, 80 columns, safe against hostile text, agrees
with JSON; and, on reports made by the factory, the states no sample reaches."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from rich.console import Console

from analyzer.i18n import t
from analyzer.mapping import load_mapping
from analyzer.pipeline import ScanOptions, scan
from analyzer.render.jsonout import report_to_dict
from analyzer.render.sentences import say
from analyzer.render.terminal import render as render_report
from tests.conftest import PROFILE, SAMPLES, TODAY, check_golden, sample_scan
from tests.factories import make_dataset

MAPPING = load_mapping()


def render(
    report, lang: str, width: int = 80, details: bool = False, archive: str | None = None, summary: bool = False
) -> str:
    buf = io.StringIO()
    console = Console(
        file=buf, width=width, no_color=True, color_system=None, force_terminal=False, legacy_windows=False
    )
    console.print(render_report(report, lang, details, archive or report.source.name, summary=summary), crop=False)
    return buf.getvalue()


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_golden(sample, lang, update_golden):
    text = render(sample_scan(sample, today=TODAY), lang)
    check_golden(f"{sample.stem}.{lang}.txt", text, update_golden)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_fits_80_columns(sample):
    for details in (False, True):
        text = render(sample_scan(sample), "de", details=details)
        too_wide = [line for line in text.splitlines() if len(line) > 80]
        assert too_wide == []


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_terminal_and_json_agree(sample):
    report = sample_scan(sample)
    data = report_to_dict(report)
    text = render(report, "en", width=200)
    total = data["headline"]["data_points"]
    used = data["totals"]["used"]
    head = data["headline"]
    assert f"{head['used_records']:,} of your {head['records']:,} records are in data LinkedIn likely uses" in text
    assert f"They hold {used['words']:,} of the {head['own_words']:,} words you wrote yourself" in text
    assert (
        f"Counted as data points (every filled cell, other people's names, dates and links included): {used['data_points']:,} of {total:,} "
        in text
    )
    for d in data["datasets"]:
        pattern = rf"^\s+{re.escape(d['name'])}(?: \(\+\d+\))?\s+(?:likely )?\S+\s+([\d,]+)\s+([\d,]+)\s+([\d,]+)"
        match = re.search(pattern, text, re.MULTILINE)
        assert match, d["name"]
        assert [int(g.replace(",", "")) for g in match.groups()] == [d["records"], len(d["columns"]), d["data_points"]]
    for c in data["categories"]:
        label = c["label"]["en"] + (": " + ", ".join(c["datasets"]) if c["overridden"] else "")
        pattern = rf"^\s+{re.escape(label)}\s+(?:likely )?\S+\s+([\d,]+)\s+([\d,]+)\s+([\d,]+)"
        match = re.search(pattern, text, re.MULTILINE)
        assert match, c["key"]
        assert [int(g.replace(",", "")) for g in match.groups()] == [c["records"], c["data_points"], c["words"]]


def test_archive_content_cannot_inject_markup_or_escapes(make_export):
    nasty = "[bold red]pwned[/bold red] \x1b[2J\x1b]8;;https://evil.example\x1b\\link \u202egnp.exe"
    comments = f'Date,Link,Message\n2026-01-01 10:00:00,https://x,"{nasty}"\n'
    path = make_export({"Profile.csv": PROFILE, "Comments.csv": comments, "evil\x1b[31m\u202e.csv": "a\n1\n"})
    report = scan(path, MAPPING)
    buf = io.StringIO()
    console = Console(file=buf, width=100, force_terminal=True, color_system="truecolor")
    console.print(render_report(report, "en"), crop=False)
    out = buf.getvalue()
    assert "\x1b[2J" not in out and "\u202e" not in out and "\x1b]8;;https://evil" not in out
    assert "evil\\x1b[31m\\u202e.csv" in out


def test_opt_out_and_region_lines(make_export):
    from datetime import date

    path = make_export(
        {
            "Profile.csv": PROFILE,
            "Comments.csv": "Date,Link,Message\n2025-12-01 10:00:00,https://x,hi\n2024-01-01 10:00:00,https://y,ho\n",
        }
    )
    text = render(scan(path, MAPPING, ScanOptions(opted_out_on=date(2025, 12, 15))), "en", width=400)
    assert "You switched AI training off on 15 Dec 2025. Dated records in likely used data: 2 created before" in text
    assert "0 since (no longer used for training)" in text
    assert "Region: European Union" in text
    text = render(scan(path, MAPPING, ScanOptions(opted_out_on=date(2025, 10, 1))), "de", width=200)
    assert "vor dem Start in Ihrer Region (3. Nov. 2025)" in text


@pytest.mark.parametrize("lang", ["en", "de"])
def test_golden_with_every_option(lang, update_golden):
    """--details, --opted-out-on, --show-values and --include-content, on the richest sample."""
    from datetime import date

    sample = next(s for s in SAMPLES if "11-28-2026" in s.name)
    options = ScanOptions(opted_out_on=date(2025, 12, 1), show_values=True, include_content=True, today=TODAY)
    report = scan(sample, MAPPING, options)
    check_golden(f"options.{sample.stem}.{lang}.txt", render(report, lang, width=120, details=True), update_golden)


# --- states no sample reaches: reports made by the factory ------------------------------------------


def test_no_region_says_the_region_is_unknown(make_report):
    report = make_report(member={"region": None, "region_how": ""})
    text = render(report, "en", width=200)
    assert "Region: unknown (Profile.csv names no country). Use --region to get the start date for your region." in text
    assert "uses data of members in this region for AI training since" not in text
    assert "█ records" in text and "since 3 Nov 2025" not in text  # the timeline has no start to split at
    de = render(report, "de", width=200)
    assert (
        "Region: unbekannt (Profile.csv nennt kein Land). Mit --region erhalten Sie das Startdatum für Ihre Region."
        in de
    )


def test_a_region_set_with_the_flag_and_its_start(make_report):
    text = render(make_report(member={"region": "us", "region_how": "--region"}), "en", width=200)
    assert "Region: United States (set with --region)." in text
    assert (
        "LinkedIn uses data of members in this region for AI training since no later than 18 Sep 2024 (the day it "
        "said so; reports say it began before), unless they switch it off." in text
    )
    assert "legitimate interest" not in text  # LinkedIn names no legal basis there
    de = render(make_report(member={"region": "us", "region_how": "--region"}), "de", width=200)
    assert "Region: Vereinigte Staaten (mit --region festgelegt)." in de


def test_a_minor_is_told_linkedin_says_it_does_not_use_their_data(make_report):
    minor = make_report(member={"birth_date": date(2010, 2, 17)})
    assert minor.verdict.under_18 is True
    sentence = (
        "Your birth date in Profile.csv makes you under 18: LinkedIn states it does not use data of members under 18."
    )
    assert sentence in render(minor, "en", width=200)
    assert ("Laut Geburtsdatum in Profile.csv sind Sie unter 18: LinkedIn erklärt, Daten von Mitgliedern unter 18 nicht zu nutzen."
            in render(minor, "de", width=200))  # fmt: skip
    assert "under 18" not in render(make_report(), "en", width=200)
    assert "under 18" not in render(make_report(member={"birth_date": None}), "en", width=200)


@pytest.mark.parametrize("datasets", [(), None], ids=["nothing-read", "nothing-used"])
def test_no_used_records_says_none_were_found(make_report, datasets):
    messages = (make_dataset("messages.csv", [date(2025, 1, 2), date(2026, 5, 6)]),)
    report = make_report(datasets=messages if datasets is None else datasets)
    text = render(report, "en", width=200)
    assert "No records in data LinkedIn says it uses were found." in text
    assert "Most exposed" not in text and "words you wrote yourself" not in text
    assert "No dated records in likely used data." in text
    assert "Keine datierten Einträge in wahrscheinlich genutzten Daten." in render(report, "de", width=200)
    points = (
        "0 of 0 (0.0%) likely used, 0 likely excluded"
        if datasets == ()
        else "0 of 26 (0.0%) likely used, 26 likely excluded"
    )
    assert (
        f"Counted as data points (every filled cell, other people's names, dates and links included): {points}, 0 unclear."
        in text
    )


@pytest.mark.parametrize(
    "region, opted_out_on, line",
    [("eu", date(2025, 10, 1), "You switched AI training off on 1 Oct 2025, before it started for your region (3 Nov 2025): "
                               "your data was probably never used for content-generating training."),
     ("eu", date(2025, 11, 3), "You switched AI training off on 3 Nov 2025, before it started for your region (3 Nov 2025): "
                               "your data was probably never used for content-generating training.")],
    ids=["eu", "eu-on-the-day"],
)  # fmt: skip
def test_opted_out_before_the_policy_start(make_report, region, opted_out_on, line):
    report = make_report(member={"region": region}, verdict={"opted_out_on": opted_out_on})
    text = render(report, "en", width=300)
    assert line in text
    assert "no longer used for training" not in text


@pytest.mark.parametrize("region", ["us", "uk", "ca", "hk", "other"])
def test_an_opt_out_before_the_2024_disclosure_is_not_called_safe(make_report, region):
    """Outside the EU/EEA/CH training began no later than 18 Sep 2024: an earlier opt-out may not have been early."""
    report = make_report(member={"region": region}, verdict={"opted_out_on": date(2024, 9, 1)})
    text = render(report, "en", width=400)
    assert report.verdict.opt_out_timing == "before_disclosure"
    assert "probably never used" not in text
    assert ("You switched AI training off on 1 Sep 2024, before LinkedIn said on 18 Sep 2024 that it trains on "
            "members' data; reports say training began before that day, so whether your data was used is unclear. "
            "Dated records in likely used data: 1 created before you switched off, 6 since (not used for "
            "training).") in text  # fmt: skip


def test_a_uk_opt_out_during_the_pause_counts_what_existed_in_the_2024_window(make_report):
    """UK: in scope 18-20 Sep 2024, paused, resumed 3 Nov 2025; an opt-out in the pause leaves the 2024 window."""
    report = make_report(member={"region": "uk"}, verdict={"opted_out_on": date(2025, 3, 1)})
    v = report.verdict
    assert (v.opt_out_timing, v.exposed_until) == ("in_pause", date(2024, 9, 20))
    assert (v.used_before_opt_out, v.used_after_opt_out) == (1, 6)  # the post of 1 Mar 2024 existed in the window
    text = render(report, "en", width=400)
    assert ("You switched AI training off on 1 Mar 2025, while training on your region's data was paused (since "
            "20 Sep 2024). Dated records in likely used data: 1 created before the pause (they may have been used "
            "then), 6 since (not used for training, then or now).") in text  # fmt: skip
    assert (
        "LinkedIn uses data of members in this region for AI training since 3 Nov 2025, unless they switch it off."
        in text
    )
    assert "It did so once before: from no later than 18 Sep 2024 until the pause on 20 Sep 2024" in text
    assert "legitimate interest (Art. 6(1)(f) UK GDPR)" in text
    de = render(report, "de", width=400)
    assert "seit dem 20. Sept. 2024" in de and "berechtigtes Interesse (Art. 6 Abs. 1 lit. f UK-DSGVO)" in de


def test_an_opt_out_with_an_unknown_region_splits_at_the_opt_out(make_report):
    report = make_report(member={"region": None}, verdict={"opted_out_on": date(2025, 12, 1)})
    assert (report.verdict.opt_out_timing, report.verdict.exposed_until) == ("running", date(2025, 12, 1))
    assert (report.verdict.used_before_opt_out, report.verdict.used_after_opt_out) == (4, 3)


def test_the_opt_out_step_says_it_was_done(make_report):
    report = make_report(verdict={"opted_out_on": date(2025, 12, 1)})
    text = render(report, "en", width=300)
    assert "Switch off AI training – already switched off on 1 Dec 2025, you say; check that it still is" in text
    assert "already switched off" not in render(make_report(), "en", width=300)


def test_opted_out_after_the_policy_start_counts_before_and_after(make_report):
    report = make_report(verdict={"opted_out_on": date(2025, 12, 1)})
    assert (report.verdict.used_before_opt_out, report.verdict.used_after_opt_out) == (4, 3)
    text = render(report, "en", width=300)
    assert ("You switched AI training off on 1 Dec 2025. Dated records in likely used data: 4 created before (they "
            "may already have been used; switching off does not undo past training), 3 since (no longer used for "
            "training).") in text  # fmt: skip


def test_an_export_without_a_date_in_its_name(make_report):
    text = render(make_report(source={"name": "export.zip"}), "en", width=200)
    assert "export.zip" in text and "export of" not in text


@pytest.mark.parametrize(
    "member, en, de",
    [({"region_issue": "no_profile"},
      "Region: unknown (the export has no Profile.csv, which names where you live). Use --region with your region or country (e.g. --region germany) to get the start date for your region.",
      "Region: unbekannt (der Export enthält keine Profile.csv, die Ihren Wohnort nennt)."),
     ({"region_issue": "no_location"},
      "Region: unknown (Profile.csv names no location). Use --region with your region or country",
      "Region: unbekannt (Profile.csv nennt keinen Ort)."),
     ({"region_issue": "unrecognised", "region_how": 'Profile.csv "Geo Location": Remote'},
      'Region: unknown (Profile.csv "Geo Location": Remote names no country or place this tool knows).',
      'Region: unbekannt (Profile.csv "Geo Location": Remote nennt kein Land und keinen Ort, den dieses Programm kennt).')],
    ids=["no_profile", "no_location", "unrecognised"],
)  # fmt: skip
def test_why_the_region_is_unknown_three_ways(make_report, member, en, de):
    report = make_report(member={"region": None, "region_how": "", **member})
    text = render(report, "en", width=300)
    assert en in text and "names no country)" not in text
    assert de in render(report, "de", width=300)


def test_an_other_region_and_the_assumption_on_its_own_line(make_report):
    member = {"region": "us", "region_how": 'Profile.csv "Geo Location": Atlanta, Georgia',
              "region_assumption": ("Georgia", "us_state", "Atlanta", "country", "other")}  # fmt: skip
    lines = [line.strip("│ ") for line in render(make_report(member=member), "en", width=300).splitlines()]
    at = lines.index('Region: United States (Profile.csv "Geo Location": Atlanta, Georgia).')
    assert lines[at + 1] == (
        "“Georgia” in Profile.csv was read as the US state, since “Atlanta” lies there; "
        "if you mean the country, use --region other."
    )
    de = render(make_report(member=member), "de", width=300)
    assert "„Georgia“ in Profile.csv wurde als der US-Bundesstaat gelesen, da „Atlanta“ dort liegt; ist das Land gemeint, verwenden Sie --region other." in de  # fmt: skip
    default = {"region": "other", "region_how": 'Profile.csv "Geo Location": Georgia',
               "region_assumption": ("Georgia", "country", "", "us_state", "us")}  # fmt: skip
    text = render(make_report(member=default), "en", width=300)
    assert "Region: another region (Profile.csv" in text
    assert "since nothing else in the location says otherwise; if you mean the US state, use --region us." in text
    assert "read as" not in render(make_report(), "en", width=300)


def test_a_cut_off_download_and_a_basic_export_are_said_first(make_export):
    import zipfile

    sample = next(s for s in SAMPLES if "11-28-2026" in s.name)
    data = sample.read_bytes()
    with zipfile.ZipFile(sample) as zf:
        cut = zf.infolist()[-1].header_offset  # the last file and the central directory never arrived
    path = make_export({})
    path.write_bytes(data[:cut])
    report = scan(path, MAPPING)
    assert report.source.cut_off and report_to_dict(report)["source"]["cut_off"] is True
    text = render(report, "en", width=300)
    first = text.index("This ZIP file is incomplete (the download broke off): the figures cover only the files")
    assert first < text.index("records are in data LinkedIn likely uses")
    assert "Diese ZIP-Datei ist unvollständig" in render(report, "de", width=300)
    basic = render(scan(next(s for s in SAMPLES if "Basic" in s.name), MAPPING), "en", width=300)
    assert (
        "This is a Basic export, LinkedIn's fast first batch: posts, comments and most other content come in" in basic
    )
    assert "This is a Basic export" not in render(sample_scan(sample), "en", width=300)


def test_the_file_a_download_broke_off_in_keeps_its_row(make_export):
    """Comments.csv never arrived whole (nor its numbered part, which comes later): its row stays, marked."""
    import zipfile

    sample = next(s for s in SAMPLES if "11-28-2026" in s.name)
    with zipfile.ZipFile(sample) as zf:
        infos = zf.infolist()
    order = [i.filename for i in infos]
    cut_at = next(i for i in infos if i.filename == "Comments.csv")
    path = make_export({})
    path.write_bytes(sample.read_bytes()[: cut_at.header_offset + 200])  # broken off inside Comments.csv
    report = scan(path, MAPPING)
    comments = next(d for d in report.datasets if d.name == "Comments.csv")
    assert (comments.records, comments.members, comments.more_parts, comments.warnings) == (0, ("Comments.csv",), 0, 1)
    assert comments.problems == (
        "Comments.csv: did not arrive whole (the download broke off); nothing of it could be read",
    )
    assert not any("Comments.csv: was cut off" in p for p in report.problems)  # said once, on its row
    assert order.index("Comments.csv") < order.index("Comments_17529409.csv")
    text = render(report, "en", width=120)
    assert re.search(r"^\s+Comments\.csv\s+likely used\s+0\s+0\s+0\s+1\s*$", text, re.MULTILINE), text


@pytest.mark.parametrize("today, line", [
    (date(2026, 12, 20), None),
    (date(2027, 2, 27), None),  # 2 months: still recent
    (date(2027, 3, 1), "This export is from 28 Nov 2026 (3 months ago): a fresh export shows what LinkedIn holds about you today."),
    (date(2029, 1, 5), "This export is from 28 Nov 2026 (2 years ago): a fresh export shows what LinkedIn holds about you today."),
])  # fmt: skip
def test_an_old_export_says_its_age(today, line):
    sample = next(s for s in SAMPLES if "11-28-2026" in s.name)
    report = sample_scan(sample, today=today)
    text = render(report, "en", width=400)
    if line is None:
        assert "This export is from" not in text
    else:
        assert line in text
        assert "Dieser Export ist vom 28. Nov. 2026" in render(report, "de", width=400)


def test_details_add_columns_and_summary_keeps_the_essentials(make_report):
    report = make_report()
    plain, detailed = render(report, "en", width=160), render(report, "en", width=160, details=True)
    header = next(line for line in plain.splitlines() if " Cols " in line)
    detailed_header = next(line for line in detailed.splitlines() if " Cols " in line)
    assert set(header.split()) <= set(detailed_header.split())  # --details adds, never replaces
    assert {"Words", "First", "Last"} <= set(detailed_header.split()) - set(header.split())
    summary = render(report, "en", width=160, summary=True)
    assert "What you can do" in summary and "By category" in summary
    assert "By file" not in summary and "per year" not in summary


@pytest.mark.parametrize("width", [60, 80, 100, 120])
@pytest.mark.parametrize("lang", ["en", "de"])
def test_no_title_name_or_status_is_cut_inside_a_word(make_report, lang, width):
    """The panel's title whole at every width (inside the panel where the border has no room), every status
    word whole, and a file name either whole or shortened with "…", never split over two lines."""
    report = make_report()
    text = render(report, lang, width=width)
    title = say(report, lang)("title")
    assert title in text or all(word in text for word in title.split())
    words = {w for s in ("used", "excluded", "unclear") for w in t(lang, f"status.{s}").split()}
    for line in text.splitlines():
        for piece in line.split():
            assert not any(piece != w and w.startswith(piece.rstrip("…")) and piece.endswith("…") for w in words)
    for d in report.datasets:
        head = d.name[: len(d.name) // 2]
        split = [line for line in text.splitlines() if line.rstrip().endswith(head) and d.name not in line]
        assert split == [], (d.name, split)


@pytest.mark.parametrize("width", [60, 80])
def test_web_addresses_are_never_split(make_report, width):
    """Every step's address stands whole on a line of its own, however narrow the terminal (it may run past
    the edge; the terminal wraps it, and copying or clicking gives the whole address)."""
    report = make_report(member={"region": "us"})
    lines = render(report, "en", width=width).splitlines()
    for action in report.actions:
        assert any(line.strip() == action.url for line in lines), action.url


@pytest.mark.parametrize("width", [60, 80, 100])
def test_a_share_keeps_its_sign_on_its_line(width):
    """German writes „66,9 %" with a no-break space, which rich would break at like any space: the headline keeps
    the figure and its sign together (English writes 66.9%)."""
    for sample in SAMPLES:
        lines = render(sample_scan(sample), "de", width=width).splitlines()
        assert not [line for line in lines if line.strip("│ ").startswith("%")], sample.name
        assert any("\u00a0%" in line for line in lines)
