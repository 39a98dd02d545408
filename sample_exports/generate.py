"""Write the synthetic sample exports: byte-identical every run, shaped exactly like real LinkedIn archives.

One invented member, Lena Hoffmann, a product manager in Berlin. Every quirk of the format reference
(shared/reference/linkedin_export_format.md) of each era is reproduced. No real person's data.

    python sample_exports/generate.py                 # the committed samples + truth.json
    python sample_exports/generate.py --scale 200 --out /tmp/big   # a large archive for benchmarks
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
MEMBER_FIRST, MEMBER_LAST = "Lena", "Hoffmann"
MEMBER = f"{MEMBER_FIRST} {MEMBER_LAST}"

FIRST = ["Jonas", "Mia", "Lukas", "Hannah", "Felix", "Emma", "Paul", "Sofia", "Noah", "Lea", "Elias", "Clara",
         "Aylin", "Mehmet", "Chiara", "Luca", "Priya", "Arjun", "Sarah", "James", "Olivia", "Tomasz", "Zofia",
         "Matteo", "Inès", "Björn", "Astrid", "Nikolai", "Ana", "João"]  # fmt: skip
LAST = ["Becker", "Schulz", "Wagner", "Yılmaz", "Rossi", "Kowalski", "Novak", "Dubois", "Jensen", "Silva",
        "O'Brien", "Müller", "Fischer", "Weber", "Meyer", "Sharma", "Nguyen", "García", "Lindqvist", "Keller"]  # fmt: skip
COMPANIES = ["Nordlicht GmbH", "Spreewerk AG", "Kiezcloud", "Beispiel Software SE", "Havelmedia",
             "Example Analytics Ltd", "Brückenbau Digital", "Tempelhof Labs", "Fernweh Reisen GmbH", "Datenhafen"]  # fmt: skip
TITLES = ["Product Manager", "Senior Product Manager", "UX Designer", "Software Engineer", "Data Analyst",
          "Head of Product", "Engineering Manager", "Recruiter", "Founder & CEO", "Produktmanagerin"]  # fmt: skip
POST_LINES = [
    "Heute war ein großartiger Tag beim Product Camp Berlin!",
    "Three things I learned from shipping our new onboarding flow:",
    "1. Talk to users before you write a single ticket.",
    "2. Measure activation, not sign-ups.",
    "3. Celebrate the small wins with the team.",
    "Wir suchen Verstärkung im Produktteam, meldet euch gern!",
    "Discovery is a team sport, not a phase.",
    "Danke an alle, die beim Workshop dabei waren.",
    "What is your favourite prioritisation framework, and why?",
    "Datenschutz ist kein Hindernis, sondern ein Qualitätsmerkmal.",
    "Our roadmap is a set of bets, not promises.",
    "Remote, hybrid oder Büro? Ich bin gespannt auf eure Meinungen.",
]
COMMENT_TEXTS = [
    "Great point, thanks for sharing!", "Sehr spannend, danke fürs Teilen!", "Congrats, well deserved!",
    "Absolutely agree with this.", "Das sehe ich genauso.", "Looking forward to the next one.",
    "Glückwunsch zum neuen Job!", "Interesting, but I would add that context matters a lot, too.",
    'As my mentor used to say, "ship it, then fix it".', "Could not agree more, especially on discovery.",
]
MESSAGE_TEXTS = [
    "Hallo, danke für die Vernetzung!", "Hi Lena, do you have time for a quick call next week?",
    "Klar, Dienstag um 10 Uhr passt mir gut.", "Thanks, that works for me.",
    "Ich habe dir die Unterlagen per Mail geschickt.", "Let me know if you have any questions.",
    "Schönes Wochenende!", "<p>Hi %FIRSTNAME%, we have an exciting opportunity for you.</p>",
]
SEARCHES = ["product manager berlin", "datenschutz ki", "okr workshop", "Jonas Becker", "roadmap template",
            "ux research methods", "product camp 2025"]  # fmt: skip
SKILLS = ["Product Management", "Agile Methodologies", "User Experience (UX)", "Scrum", "Roadmapping",
          "Stakeholder Management", "SQL", "Data Analysis", "Datenschutz", "A/B Testing"]  # fmt: skip


@dataclass
class Export:
    """The files of one archive, in LinkedIn's order, with the records each dataset holds."""

    files: dict[str, bytes] = field(default_factory=dict)
    truth: dict[str, int] = field(default_factory=dict)

    def add(self, path: str, data: bytes, dataset: str | None = None, records: int = 0) -> None:
        self.files[path] = data
        if dataset:
            self.truth[dataset] = self.truth.get(dataset, 0) + records


def csv_text(header: list[str], rows: list[list[str]], *, quote_all: bool = False, newline: str = "\n",
             final_newline: bool = True) -> str:  # fmt: skip
    """CSV as LinkedIn writes it: minimal quoting (or all quoted in 2026 messages)."""
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL, lineterminator=newline)
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
    text = buf.getvalue()
    return text if final_newline else text[: -len(newline)]


def utf16_tsv(header: list[str], rows: list[list[str]]) -> bytes:
    """LinkedIn's legacy family: UTF-16LE with BOM, tab-separated, every field quoted, LF."""
    lines = ["\t".join(f'"{c}"' for c in header)]
    lines += ["\t".join('"' + c.replace('"', '""') + '"' for c in row) for row in rows]
    return "\ufeff".encode("utf-16-le") + ("\n".join(lines) + "\n").encode("utf-16-le")


def comments_csv(rows: list[tuple[str, str, str]], *, newline: str, backslash: bool) -> str:
    """Comments.csv: Message quoted only when it holds a comma or a quote; a message with only line
    breaks is written unquoted across several lines; 2026 escapes quotes as \\"."""
    out = [f"Date,Link,Message{newline}"]
    for date, link, message in rows:
        if "," in message or '"' in message:
            body = message.replace('"', '\\"' if backslash else '""')
            message = f'"{body}"'
        out.append(f"{date},{link},{message.replace(chr(10), newline)}{newline}")
    return "".join(out)


def wrapped_commentary(lines: list[str]) -> str:
    """Shares.csv multi-line commentary as the format reference shows it: after CSV unquoting the cell's
    first line ends with a quote, the last line starts with one, and each line between has both (a blank
    line is two quotes); the CSV writer then doubles every quote."""
    if len(lines) == 1:
        return lines[0]
    return '"\n"'.join(lines)


def shares_csv(header: list[str], rows: list[list[str]], *, newline: str, empty_quoted: bool) -> str:
    out = [",".join(header) + newline]
    for row in rows:
        cells = []
        for cell in row:
            if cell == "" and empty_quoted:
                cells.append('""')
            elif any(c in cell for c in ',"\n'):
                cells.append('"' + cell.replace('"', '""') + '"')
            else:
                cells.append(cell)
        out.append(",".join(cells) + newline)
    return "".join(out)


class Gen:
    """Deterministic content for one member."""

    def __init__(self, seed: int, end: datetime):
        self.r = random.Random(seed)
        self.end = end

    def when(self, start_year: int = 2016) -> datetime:
        start = datetime(start_year, 1, 1)
        span = int((self.end - start).total_seconds())
        return start + timedelta(seconds=self.r.randrange(span))

    def person(self) -> tuple[str, str]:
        return self.r.choice(FIRST), self.r.choice(LAST)

    def slug(self, first: str, last: str) -> str:
        ascii_ = (first + "-" + last).lower().encode("ascii", "ignore").decode().replace("'", "")
        return f"{ascii_}-{self.r.randrange(10**6, 10**7):x}"

    def post(self) -> list[str]:
        return self.r.sample(POST_LINES, self.r.choice([1, 1, 2, 3, 4]))

    def urn(self) -> str:
        return str(self.r.randrange(6_900_000_000_000_000_000, 7_400_000_000_000_000_000))


def iso(d: datetime) -> str:
    return d.strftime("%Y-%m-%d %H:%M:%S")


def us_short(d: datetime, pad: bool = False) -> str:
    hour = d.hour % 12 or 12
    if pad:
        return f"{d:%m/%d/%y}, {hour:02d}:{d:%M} {'AM' if d.hour < 12 else 'PM'}"
    return f"{d.month}/{d.day}/{d:%y}, {hour}:{d:%M} {'AM' if d.hour < 12 else 'PM'}"


def java_date(d: datetime) -> str:
    return d.strftime("%a %b %d %H:%M:%S UTC %Y")


def dmy(d: datetime) -> str:
    return f"{d.day:02d} {d:%b %Y}"


CONNECTIONS_NOTES = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. '
    "You will only see email addresses for connections who have allowed their connections to see or download their "
    "email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n\n'
)


def article_html(title: str, created: datetime, published: datetime | None, body: list[str], slug: str,
                 legacy: bool) -> str:  # fmt: skip
    if published is None:
        h1 = f"<h1>{title}</h1>"
        pub = "Not published yet" if legacy else "Published on ---"
    else:
        h1 = f'<h1><a href="https://www.linkedin.com/pulse/{slug}">{title}</a></h1>'
        pub = f"Published on {published:%Y-%m-%d %H:%M}"
    head = '<head><meta charset="UTF-8"><title>' + title + "</title></head>" if legacy else "<head></head>"
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    return (f"<html>{head}<body>{h1}<p class=\"created\">Created on {created:%Y-%m-%d %H:%M}</p>"
            f"<p class=\"published\">{pub}</p><div>{paragraphs}</div></body></html>\n")  # fmt: skip


def profile_rows(era: str) -> tuple[list[str], list[list[str]]]:
    summary = ("Produktmanagerin in Berlin. I build privacy-friendly products, run discovery workshops and "
               "mentor new PMs. Schreibt mir gern, wenn ihr Fragen zu Produktentdeckung habt.")  # fmt: skip
    if era == "2018":
        header = ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Contact Instructions", "Headline",
                  "Summary", "Industry", "Country", "Zip Code", "Geo Location", "Twitter Handles", "Websites",
                  "Instant Messengers"]  # fmt: skip
        row = [MEMBER_FIRST, MEMBER_LAST, "", "", "Feb 17, 1988", "Am besten per LinkedIn-Nachricht.",
               "Product Manager bei Spreewerk AG", summary, "Computer Software", "de", "10115",
               "Berlin Area, Germany", "", "PORTFOLIO:https://lena-hoffmann.example.com", "SKYPE:lena.example"]  # fmt: skip
    else:
        header = ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary", "Industry",
                  "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers"]  # fmt: skip
        row = [MEMBER_FIRST, MEMBER_LAST, "", "", "Feb 17", "Senior Product Manager | Privacy by Design | Berlin",
               summary, "Software Development", "10115", "Berlin, Berlin, Germany", "",
               "[PERSONAL:https://lena-hoffmann.example.com]", ""]  # fmt: skip
    return header, [row]


def build_modern(scale: int = 1, seed: int = 2026, end: datetime = datetime(2026, 11, 27, 18, 0, 0)) -> Export:
    """A Complete archive as LinkedIn wrote it in November 2026: members at the ZIP root."""
    g = Gen(seed, end)
    r = g.r
    ex = Export()

    header, rows = profile_rows("2026")
    ex.add("Profile.csv", csv_text(header, rows).encode(), "Profile.csv", 1)
    ex.add("Profile Summary.csv", b"Profile Summary\n\n", "Profile Summary.csv", 0)
    positions = [["Spreewerk AG", "Senior Product Manager", "Verantwortlich für Onboarding und Datenschutz-Features.",
                  "Berlin, Germany", "Mar 2022", ""],
                 ["Kiezcloud", "Product Manager", "Built the mobile app from 0 to 200k users, with a small team.",
                  "Berlin", "Jun 2018", "Feb 2022"],
                 ["Nordlicht GmbH", "Junior Produktmanagerin", "", "Hamburg", "2016", "May 2018"]]  # fmt: skip
    ex.add("Positions.csv", csv_text(["Company Name", "Title", "Description", "Location", "Started On", "Finished On"],
                                     positions).encode(), "Positions.csv", 3)  # fmt: skip
    edu = [["Humboldt-Universität zu Berlin", "2010", "2015", "", "Master of Science - MS, Wirtschaftsinformatik",
            "Fachschaft, Hochschulsport"]]  # fmt: skip
    ex.add("Education.csv", csv_text(["School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"],
                                     edu).encode(), "Education.csv", 1)  # fmt: skip
    ex.add("Skills.csv", csv_text(["Name"], [[s] for s in SKILLS]).encode(), "Skills.csv", len(SKILLS))
    certs = [["Certified Scrum Product Owner", "https://www.example.org/cert/123", "Scrum Alliance", "Jan 2019", "", "000123"],
             ["CIPP/E", "", "IAPP", "Sep 2023", "", ""]]  # fmt: skip
    ex.add("Certifications.csv", csv_text(["Name", "Url", "Authority", "Started On", "Finished On", "License Number"],
                                          certs).encode(), "Certifications.csv", 2)  # fmt: skip
    ex.add("Languages.csv", csv_text(["Name", "Proficiency"], [["Deutsch", "Native or bilingual proficiency"],
                                                              ["English", "Full professional proficiency"],
                                                              ["Français", "Elementary proficiency"]]).encode(),
           "Languages.csv", 3)  # fmt: skip
    ex.add("Honors.csv", csv_text(["Title", "Description", "Issued On"], [["Product Award Berlin", "Für das beste Onboarding 2023", "Nov 2023"]]).encode(), "Honors.csv", 1)  # fmt: skip
    ex.add("Projects.csv", csv_text(["Title", "Description", "Url", "Started On", "Finished On"],
                                    [["Privacy Dashboard", "Ein Dashboard, das Nutzer:innen zeigt, welche Daten wir speichern.", "", "Apr 2024", "Oct 2024"]]).encode(),
           "Projects.csv", 1)  # fmt: skip
    ex.add("Courses.csv", csv_text(["Name", "Number"], [["Datenschutzrecht für Produktteams", "DS-101"]]).encode(), "Courses.csv", 1)
    ex.add("Organizations.csv", csv_text(["Name", "Description", "Position", "Started On", "Finished On"],
                                         [["Women in Product Berlin", "Meetups und Mentoring", "Organizer", "Jan 2020", ""]]).encode(),
           "Organizations.csv", 1)  # fmt: skip
    ex.add("Publications.csv", csv_text(["Name", "Published On", "Description", "Publisher", "Url"],
                                        [["Privacy by Design in der Praxis", "Apr 3, 2023", "Ein Leitfaden für Produktteams.", "t3n", "https://example.com/privacy-by-design"]]).encode(),
           "Publications.csv", 1)  # fmt: skip
    ex.add("Causes You Care About.csv", csv_text(["Supported Cause"], [["Education"], ["Human Rights"]]).encode(), "Causes You Care About.csv", 2)
    ex.add("Member Hashtags.csv", csv_text(["Member Posts About Hashtags"], [["#productmanagement"], ["#datenschutz"]]).encode(), "Member Hashtags.csv", 2)

    rec_header = ["First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"]
    recs = []
    for _ in range(3):
        f, l = g.person()
        recs.append([f, l, r.choice(COMPANIES), r.choice(TITLES),
                     f"{MEMBER_FIRST} ist eine außergewöhnliche Produktmanagerin. She listens, decides and delivers.",
                     us_short(g.when(2019), pad=True), "VISIBLE"])  # fmt: skip
    ex.add("Recommendations_Received.csv", csv_text(rec_header, recs).encode(), "Recommendations_Received.csv", 3)
    given = [[*g.person(), r.choice(COMPANIES), r.choice(TITLES), "Jonas is the most thoughtful engineer I have worked with.",
              us_short(g.when(2020), pad=True), "VISIBLE"]]  # fmt: skip
    ex.add("Recommendations_Given.csv", csv_text(rec_header, given).encode(), "Recommendations_Given.csv", 1)
    endorse = []
    for _ in range(25 * scale):
        f, l = g.person()
        endorse.append([g.when(2017).strftime("%Y/%m/%d %H:%M:%S UTC"), r.choice(SKILLS), f, l,
                        f"www.linkedin.com/in/{g.slug(f, l)}", "ACCEPTED"])  # fmt: skip
    ex.add("Endorsement_Received_Info.csv", csv_text(["Endorsement Date", "Skill Name", "Endorser First Name", "Endorser Last Name",
                                                      "Endorser Public Url", "Endorsement Status"], endorse).encode(),
           "Endorsement_Received_Info.csv", len(endorse))  # fmt: skip
    egiven = [[g.when(2018).strftime("%Y/%m/%d %H:%M:%S UTC"), r.choice(SKILLS), f, l, f"www.linkedin.com/in/{g.slug(f, l)}", "ACCEPTED"]
              for f, l in (g.person() for _ in range(8))]  # fmt: skip
    ex.add("Endorsement_Given_Info.csv", csv_text(["Endorsement Date", "Skill Name", "Endorsee First Name", "Endorsee Last Name",
                                                   "Endorsee Public Url", "Endorsement Status"], egiven).encode(),
           "Endorsement_Given_Info.csv", len(egiven))  # fmt: skip

    resume = ("LENA HOFFMANN\tSenior Product Manager\nBerlin · lena.hoffmann@example.de · +49 30 12345678\n\n"
              "ERFAHRUNG\n" + "\n".join(f"- {line}" for line in POST_LINES) + "\n\n" + "Projekte: " + "Discovery, " * 400)  # fmt: skip
    ex.add("Private_identity_asset.csv", csv_text(["Private Identity Asset Name", "Private Identity Asset Raw Text"],
                                                  [["/AAYABAQSJ2Xexample.pdf", resume]]).encode(), "Private_identity_asset.csv", 1)  # fmt: skip

    ex.add("Email Addresses.csv", csv_text(["Email Address", "Confirmed", "Primary", "Updated On"],
                                           [["lena.hoffmann@example.de", "Yes", "Yes", "1/19/26, 12:21 PM"],
                                            ["lena.h@example.com", "Yes", "No", "3/2/19, 9:05 AM"]], final_newline=False).encode(),
           "Email Addresses.csv", 2)  # fmt: skip
    ex.add("PhoneNumbers.csv", b"Extension,Number,Type\n, +49 30 12345678,Mobile\n,,\n", "PhoneNumbers.csv", 1)
    ex.add("Whatsapp Phone Numbers.csv", csv_text(["Number", "Extension", "Is_WhatsApp_Number"], [["+49 151 23456789", "", "false"]]).encode(),
           "Whatsapp Phone Numbers.csv", 1)  # fmt: skip
    ex.add("Registration.csv", csv_text(["Registered At", "Registration Ip", "Subscription Types"], [["3/1/13, 5:23 AM", "", "Basic"]]).encode(),
           "Registration.csv", 1)  # fmt: skip
    logins = [[java_date(g.when(2024)), f"2001:db8::{r.randrange(1, 9999):x}", "Mozilla/5.0 (X11; Linux x86_64)", "Login"] for _ in range(40 * scale)]
    ex.add("Logins.csv", csv_text(["Login Date", "IP Address", "User Agent", "Login Type"], logins).encode(), "Logins.csv", len(logins))
    challenges = [[java_date(g.when(2023)), "192.0.2.10", "Mozilla/5.0", "DE", "EMAIL_PIN_CHALLENGE"] for _ in range(3)]
    ex.add("Security Challenges.csv", csv_text(["Challenge Date", "IP Address", "User Agent", "Country", "Challenge Type"], challenges).encode(),
           "Security Challenges.csv", 3)  # fmt: skip
    receipts = [[MEMBER_FIRST, MEMBER_LAST, "DE", "10115", g.when(2024).strftime("%m/%d/%y %I:%M %p UTC"), "VISA",
                 f"INV-{i:05d}", "Premium Career", "5.59", "29.41", "35.00", "EUR"] for i in range(4)]  # fmt: skip
    ex.add("Receipts_v2.csv", csv_text(["First Name", "Last Name", "Billing Country", "Postal Code", "Transaction Made At", "Payment Method Type",
                                        "Invoice Number", "Description", "Tax Amount", "Sub Total", "Total Amount", "Currency Code"], receipts).encode(),
           "Receipts_v2.csv", 4)  # fmt: skip
    ex.add("Inferences_about_you.csv", csv_text(["Category", "Type of inference", "Description", "Inference"],
                                                [["Demographic", "Gender", "Inferred gender", "FEMALE"],
                                                 ["Job seeker", "Open to work", "Likely to be open to new roles", "0.31"]],
                                                final_newline=False).encode(), "Inferences_about_you.csv", 2)  # fmt: skip
    ad_header = ["Member Age", "Buyer Groups", "Company Names", "Company Names", "Company Follower of", "Company Names", "Company Category",
                 "Company Size", "Degrees", "degreeClass", "Recent Device OS", "Member Schools", "Company Growth Rate", "Fields of Study",
                 "Company Connections", "Function By Size", "Job Functions", "Member Gender", "Graduation Year", "Member Groups",
                 "Company Industries", "Member Interests", "Interface Locales", "interfaceLocale", "Member Traits",
                 "High Value Audience Segments", "Profile Locations", "Company Revenue", "Job Seniorities", "Member Skills",
                 "Standard Audience Segments", "Job Titles", "Job Titles", "Job Titles", "Years of Experience"]  # fmt: skip
    ad_row = ["35-54", "", "Spreewerk AG; Kiezcloud", "Nordlicht GmbH", "Havelmedia; Datenhafen", "Spreewerk AG", "Private", "201-500",
              "Master's Degree", "", "Linux", "Humboldt-Universität zu Berlin", "", "Information Systems", "", "Product Management",
              "Product Management", "Female", "2015", "", "Software Development", "Privacy; Product Management", "de_DE", "de_DE",
              "Frequent Traveler", "", "Berlin, Germany", "", "Senior", "Product Management; SQL", "Tech decision makers",
              "Product Manager", "Senior Product Manager", "Head of Product", "7-10"]  # fmt: skip
    ex.add("Ad_Targeting.csv", (csv_text(ad_header, [ad_row]) + "\n").encode(), "Ad_Targeting.csv", 1)
    ads = [[g.when(2025).strftime("%Y/%m/%d %H:%M:%S UTC"), str(r.randrange(10**8, 10**9))] for _ in range(6)]
    ex.add("Ads Clicked.csv", csv_text(["Ad clicked Date", "Ad Title/Id"], ads).encode(), "Ads Clicked.csv", 6)
    lan = [["Impression", g.when(2025).strftime("%Y/%m/%d"), str(r.randrange(10**8, 10**9)), "news.example.com"] for _ in range(12)]
    ex.add("LAN Ads Engagement.csv", csv_text(["Action", "Date", "Ad Title/Id", "Page/App"], lan).encode(), "LAN Ads Engagement.csv", 12)

    # Connections.csv: Notes preamble, URL column, rows with only a date, names with commas, no final newline.
    conns = []
    for i in range(300 * scale):
        f, l = g.person()
        when = g.when(2014)
        if i % 37 == 5:
            conns.append(["", "", "", "", "", "", dmy(when)])
            continue
        company = r.choice(COMPANIES)
        title = r.choice(TITLES) if i % 11 else "Product Manager, Growth"
        email = f"{f.lower()}.{l.lower()}@example.org".encode("ascii", "ignore").decode() if i % 9 == 0 else ""
        conns.append([f if i % 53 else f"{f} 🚀", l, f"https://www.linkedin.com/in/{g.slug(f, l)}", email, company, title, dmy(when)])
    ex.add("Connections.csv", (CONNECTIONS_NOTES + csv_text(["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                                                             "Connected On"], conns, final_newline=False)).encode(),
           "Connections.csv", len(conns))  # fmt: skip

    # messages.csv 2026: every field quoted, ATTACHMENTS column, real newlines in CONTENT.
    msg_header = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS", "DATE",
                  "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS"]  # fmt: skip
    msgs = []
    me_url = "https://www.linkedin.com/in/lena-hoffmann-example"
    for i in range(400 * scale):
        f, l = g.person()
        other_url = f"https://www.linkedin.com/in/{g.slug(f, l)}"
        outgoing = i % 3 == 0
        text = r.choice(MESSAGE_TEXTS)
        if i % 7 == 0:
            text = text + "\n\nViele Grüße\nLena" if outgoing else text + "\nBest,\n" + f
        when = g.when(2019).strftime("%Y-%m-%d %H:%M:%S UTC")
        sender, sender_url, to, to_url = (MEMBER, me_url, f"{f} {l}", other_url) if outgoing else (f"{f} {l}", other_url, MEMBER, me_url)
        if i % 97 == 0:
            sender, sender_url = "LinkedIn Member", ""
        attachment = "https://www.linkedin.com/dms/example/attachment.pdf" if i % 50 == 0 else ""
        msgs.append([f"2-{g.urn()}", "Sponsored Conversation" if i % 61 == 0 else "", sender, sender_url, to, to_url, when, "",
                     text, r.choice(["INBOX", "INBOX", "ARCHIVE", ""]), attachment])  # fmt: skip
    ex.add("messages.csv", csv_text(msg_header, msgs, quote_all=True).encode(), "messages.csv", len(msgs))
    ten = msg_header[:10]
    ex.add("coach_messages.csv", csv_text(ten, [], final_newline=False).encode(), "coach_messages.csv", 0)
    ex.add("learning_coach_messages.csv", csv_text(ten, []).encode(), "learning_coach_messages.csv", 0)
    ex.add("learning_role_play_messages.csv", csv_text(ten, [], final_newline=False).encode(), "learning_role_play_messages.csv", 0)
    guide = []
    for i in range(6):
        when = g.when(2025).strftime("%Y-%m-%d %H:%M:%S UTC")
        if i % 2 == 0:
            guide.append([f"2-{g.urn()}", "", MEMBER, me_url, "LinkedIn AI", "", when, "",
                          "Wie formuliere ich meine Info-Sektion für Produktrollen, ohne zu übertreiben?", "INBOX"])  # fmt: skip
        else:
            guide.append([f"2-{g.urn()}", "", "LinkedIn AI", "", MEMBER, me_url, when, "",
                          "Beginnen Sie mit Ihrem Fokus, nennen Sie zwei Ergebnisse mit Zahlen und schließen Sie mit Ihrem Ziel.", "INBOX"])  # fmt: skip
    ex.add("guide_messages.csv", csv_text(ten, guide).encode(), "guide_messages.csv", len(guide))
    ex.add("LearningCoachMessages.csv", b"No conversations found", "LearningCoachMessages.csv", 0)

    inv = []
    for i in range(60 * scale):
        f, l = g.person()
        outgoing = i % 2 == 0
        note = "Hallo, wir haben uns beim Product Camp kennengelernt. Lass uns vernetzen!" if i % 4 == 0 else ""
        frm, to = (MEMBER, f"{f} {l}") if outgoing else (f"{f} {l}", MEMBER)
        inv.append([frm, to, us_short(g.when(2022)), note, "OUTGOING" if outgoing else "INCOMING",
                    f"https://www.linkedin.com/in/{g.slug(f, l)}", f"https://www.linkedin.com/in/{g.slug(f, l)}"])  # fmt: skip
    ex.add("Invitations.csv", csv_text(["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"], inv).encode(),
           "Invitations.csv", len(inv))  # fmt: skip
    ex.add("Notes.csv", csv_text(["Connection First Name", "Connection Last Name", "Connection Profile URL", "Note", "Created On", "Edited On"], []).encode(),
           "Notes.csv", 0)  # fmt: skip
    imported = [[f, "", l, "", "", "", "", "", f"{f.lower()}@example.net".encode("ascii", "ignore").decode(), "", iso(g.when(2020)), "", "DE", "", "false", "Berlin"]
                for f, l in (g.person() for _ in range(15))]  # fmt: skip
    ex.add("ImportedContacts.csv", csv_text(["FirstName", "MiddleName", "LastName", "MaidenName", "NickName", "NamePrefix", "NameSuffix", "Title",
                                             "Emails", "PhoneNumbers", "CreatedAt", "UpdatedAt", "CountryCode", "RegionCode", "ThirdPartyVerified",
                                             "Location"], imported).encode(), "ImportedContacts.csv", len(imported))  # fmt: skip

    # Shares.csv: 2024+ header, multi-line commentary as line-wrapped quotes, empty fields written "".
    shares = []
    for i in range(60 * scale):
        when = g.when(2018)
        lines = g.post()
        if i == 3:
            lines = ["Wir sammeln Spenden für die Tafel Berlin:", "", "IBAN DE89 3704 0044 0532 0130 00", "Danke!"]
        if i == 7:
            lines = ["Fragen zum Workshop? Schreibt mir an lena.hoffmann@example.de oder ruft an: +49 30 12345678"]
        shares.append([iso(when), f"https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A{g.urn()}", wrapped_commentary(lines),
                       "https://example.com/article" if i % 5 == 0 else "", "", r.choice(["MEMBER_NETWORK", "PUBLIC", "PUBLIC"])])  # fmt: skip
    ex.add("Shares.csv", shares_csv(["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"], shares,
                                    newline="\n", empty_quoted=True).encode(), "Shares.csv", len(shares))  # fmt: skip

    # Comments.csv (2026): \" escapes; messages of only line breaks unquoted; plus a numbered part.
    def comment_rows(n: int) -> list[tuple[str, str, str]]:
        out = []
        for i in range(n):
            text = r.choice(COMMENT_TEXTS)
            if i % 9 == 4:
                text = "Danke!\nBis bald\n\nLena"
            if i == 2:
                text = "Meldet euch gern unter lena.hoffmann@example.de"
            out.append((iso(g.when(2018)), f"https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A{g.urn()}", text))
        return out

    main_comments = comment_rows(150 * scale)
    ex.add("Comments.csv", comments_csv(main_comments, newline="\n", backslash=True).encode(), "Comments.csv", len(main_comments))
    part = comment_rows(20 * scale)
    ex.add("Comments_17529409.csv", comments_csv(part, newline="\n", backslash=True).encode(), "Comments.csv", len(part))

    reactions = [[iso(g.when(2017)), r.choice(["LIKE", "LIKE", "PRAISE", "EMPATHY", "APPRECIATION", "INTEREST"]),
                  f"https://www.linkedin.com/feed/update/urn:li:activity:{g.urn()}"] for _ in range(400 * scale)]  # fmt: skip
    ex.add("Reactions.csv", csv_text(["Date", "Type", "Link"], reactions).encode(), "Reactions.csv", len(reactions))
    votes = [[iso(g.when(2021)), f"https://www.linkedin.com/feed/update/urn:li:activity:{g.urn()}", r.choice(["Remote", "Hybrid", "Büro"])] for _ in range(5)]
    ex.add("Votes.csv", csv_text(["Date", "Link", "OptionText"], votes).encode(), "Votes.csv", 5)
    saved = [[f"https://www.linkedin.com/feed/update/urn:li:activity:{g.urn()}", iso(g.when(2022))] for _ in range(12)]
    ex.add("Saved_Items.csv", csv_text(["savedItem", "CreatedTime"], saved).encode(), "Saved_Items.csv", 12)
    follows = [[us_short(g.when(2019)), r.choice(["Active", "Active", "Unfollow"]), " ".join(g.person())] for _ in range(20)]
    ex.add("Member_Follows.csv", csv_text(["Date", "Status", "FullName"], follows).encode(), "Member_Follows.csv", 20)
    cfollows = [[c, java_date(g.when(2016))] for c in COMPANIES]
    ex.add("Company Follows.csv", csv_text(["Organization", "Followed On"], cfollows, final_newline=False).encode(), "Company Follows.csv", len(cfollows))
    searches = [[g.when(2023).strftime("%Y/%m/%d %H:%M:%S UTC"), r.choice(SEARCHES)] for _ in range(50 * scale)]
    ex.add("SearchQueries.csv", csv_text(["Time", "Search Query"], searches).encode(), "SearchQueries.csv", len(searches))
    ev = g.when(2022)
    events = [[f"Product Camp Berlin {ev.year}", f"{ev:%b} {ev.day}, {ev.year} 12:00 PM - {ev:%b} {ev.day}, {ev.year} 12:20 PM", "APPROVED", ""]]
    ex.add("Events.csv", csv_text(["Event Name", "Event Time", "Status", "External Url"], events).encode(), "Events.csv", 1)
    learning = ('Content Title,Content Description,Content Type,Content Last Watched Date (if viewed),Content Completed At (if completed),'
                'Content Saved,Notes taken on videos (if taken),\n'
                '"Product Discovery","<p>Learn how to run discovery.</p>\r\n<p>With exercises.</p>",Course,2024-03-25 08:46 UTC,2024-03-27 19:02 UTC,false,"Interviews zuerst, dann Hypothesen.",\n'
                'CONTENT METADATA NO LONGER EXISTS - urn:li:lyndaLearningPath:123,,Learning Path,N/A,N/A,true,,\n'
                '"GDPR Essentials","Basics of data protection",Video,2025-01-09 10:00 UTC,N/A,false,,\n')  # fmt: skip
    ex.add("Learning.csv", learning.encode(), "Learning.csv", 3)
    media = [[f"You uploaded a video on {d:%B} {d.day}, {d.year} at {d.hour % 12 or 12}:{d:%M} {'AM' if d.hour < 12 else 'PM'} (GMT)",
              " -" if i % 2 else "Mein Talk beim Product Camp", f"https://www.linkedin.com/dms/example/{i}"]
             for i, d in enumerate(g.when(2023) for _ in range(4))]  # fmt: skip
    ex.add("Rich_Media.csv", csv_text(["Date/Time", "Media Description", "Media Link"], media).encode(), "Rich_Media.csv", 4)

    # Articles/Articles/ (2025+ layout): two published, one draft.
    arts = [("Warum Datenschutz ein Produktfeature ist", True), ("Discovery in five questions", True), ("Entwurf: KI im Produktalltag", False)]
    for i, (title, published) in enumerate(arts):
        created = g.when(2021)
        body = [r.choice(POST_LINES) for _ in range(6)]
        slug = f"{title.lower().replace(' ', '-').replace(':', '')}-{g.slug('a', 'b')[-5:]}"
        html = article_html(title, created, created + timedelta(hours=1) if published else None, body, slug, legacy=False)
        name = f"Articles/Articles/{slug}.html" if published else f"Articles/Articles/{created:%Y-%m-%d %H_%M_%S}.0-{title.split(':')[0]}.html"
        ex.add(name, html.encode(), "Articles", 1)

    apps = [[us_short(g.when(2021)), "lena.hoffmann@example.de", "+49 30 12345678", c, "Senior Product Manager",
             f"http://www.linkedin.com/jobs/view/{r.randrange(10**9, 4 * 10**9)}", "Lena_Hoffmann_CV.pdf",
             "Wie viele Jahre Erfahrung haben Sie im Produktmanagement?:7 | Do you need a visa?:No"] for c in COMPANIES[:4]]  # fmt: skip
    ex.add("Jobs/Job Applications.csv", csv_text(["Application Date", "Contact Email", "Contact Phone Number", "Company Name", "Job Title",
                                                  "Job Url", "Resume Name", "Question And Answers"], apps).encode(),
           "Job Applications.csv", len(apps))  # fmt: skip
    saved_jobs = [[us_short(g.when(2020)), f"http://www.linkedin.com/jobs/view/{r.randrange(10**9, 4 * 10**9)}", r.choice(TITLES), r.choice(COMPANIES)] for _ in range(7)]
    ex.add("Jobs/Saved Jobs.csv", csv_text(["Saved Date", "Job Url", "Job Title", "Company Name"], saved_jobs).encode(), "Saved Jobs.csv", 7)
    prefs_header = ["Locations", "Industries", "Company Employee Count", "Preferred Job Types", "Job Titles", "Open To Recruiters",
                    "Dream Companies", "Profile Shared With Job Poster", "Job Title For Searching Fast Growing Companies",
                    "Introduction Statement", "Phone Number", "Job Seeker Activity Level", "Preferred Start Time Range",
                    "Commute Preference Starting Address", "Commute Preference Starting Time", "Mode Of Transportation",
                    "Maximum Commute Duration", "Open Candidate Visibility", "Job Seeking Urgency Level"]  # fmt: skip
    prefs = [["[Berlin, Germany] | [Remote]", "Software Development", "51-200 | 201-500", "FULL_TIME", "Senior Product Manager | Head of Product",
              "Yes", "", "No", "", "Erfahrene PM mit Fokus auf Datenschutz.", "", "PASSIVE", "", "", "", "", "", "RECRUITERS", "USER_DID_NOT_SPECIFY"]]  # fmt: skip
    ex.add("Jobs/Job Seeker Preferences.csv", csv_text(prefs_header, prefs).encode(), "Job Seeker Preferences.csv", 1)
    answers = [["Wie viele Jahre Erfahrung haben Sie im Produktmanagement?", "7"], ["Are you legally authorized to work in the EU?", "Yes"]]
    ex.add("Jobs/Job Applicant Saved Answers.csv", csv_text(["Question", "Answer"], answers).encode(), "Job Applicant Saved Answers.csv", 2)
    alerts = [["{keywords=product manager, locationFallback=Berlin}", "{facets={f_WT=[2]}}", str(r.randrange(10**9, 10**10))]]
    ex.add("SavedJobAlerts.csv", csv_text(["ALERT_PARAMETERS", "QUERY_CONTEXT", "SAVED_SEARCH_ID"], alerts).encode(), "SavedJobAlerts.csv", 1)
    screening = [["Wie viele Jahre Erfahrung haben Sie mit SQL?", "4"], ["Sprechen Sie fließend Deutsch?", "Ja"],
                 ["What is your notice period?", "3 months"], ["Willing to relocate?", "No"], ["Earliest start date?", "April 2027"]]  # fmt: skip
    ex.add("Job Applicant Saved Screening Question Responses.csv", csv_text(["Question", "Answer"], screening[:2]).encode(),
           "Job Applicant Saved Screening Question Responses.csv", 2)  # fmt: skip
    ex.add("Job Applicant Saved Screening Question Responses_1.csv", csv_text(["Question", "Answer"], screening[2:4]).encode(),
           "Job Applicant Saved Screening Question Responses.csv", 2)  # fmt: skip
    ex.add("Job Applicant Saved Screening Question Responses_2.csv", csv_text(["Question", "Answer"], screening[4:]).encode(),
           "Job Applicant Saved Screening Question Responses.csv", 1)  # fmt: skip
    ex.add("Verifications/Verifications.csv", csv_text(["First name", "Middle name", "Last name", "Verification type", "Organization name",
                                                        "Email address", "Country", "State", "City", "Year of birth", "Issuing authority",
                                                        "Document type", "Verification service provider", "Verified date", "Expiry date"],
                                                       [[MEMBER_FIRST, "N/A", MEMBER_LAST, "WORKPLACE", "Spreewerk AG", "lena.hoffmann@spreewerk.example",
                                                         "N/A", "N/A", "N/A", "0", "N/A", "N/A", "N/A", "2024-10-07", "N/A"]]).encode(),
           "Verifications.csv", 1)  # fmt: skip
    return ex


def build_legacy(scale: int = 1, seed: int = 2018) -> Export:
    """A Complete archive as LinkedIn wrote it in November 2018, inside a wrapping folder."""
    end = datetime(2018, 11, 3, 12, 0, 0)
    g = Gen(seed, end)
    r = g.r
    ex = Export()
    header, rows = profile_rows("2018")
    ex.add("Profile.csv", csv_text(header, rows).encode(), "Profile.csv", 1)
    ex.add("Positions.csv", csv_text(["Company Name", "Title", "Description", "Location", "Started On", "Finished On"],
                                     [["Kiezcloud", "Product Manager", "Mobile app, 0 to 200k users.", "Berlin", "Jun 2018", ""],
                                      ["Nordlicht GmbH", "Junior Produktmanagerin", "", "Hamburg", "2016", "May 2018"]]).encode(), "Positions.csv", 2)  # fmt: skip
    ex.add("Education.csv", csv_text(["School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"],
                                     [["Humboldt-Universität zu Berlin", "2010", "2015", "", "Master of Science - MS", ""]]).encode(), "Education.csv", 1)  # fmt: skip
    ex.add("Skills.csv", csv_text(["Name"], [[s] for s in SKILLS[:6]]).encode(), "Skills.csv", 6)
    ex.add("Languages.csv", csv_text(["Name", "Proficiency"], [["Deutsch", ""], ["English", ""]]).encode(), "Languages.csv", 2)
    ex.add("Honors.csv", csv_text(["Title", "Description", "Issuer", "Issue Date"], [["Deans List", "", "HU Berlin", "Jul 2014"]]).encode(), "Honors.csv", 1)
    ex.add("Projects.csv", csv_text(["Title", "Description", "Url", "Start Date", "End Date"], [["Campus App", "Eine App für Mensa-Pläne.", "", "Jan 2014", "Jun 2014"]]).encode(),
           "Projects.csv", 1)  # fmt: skip
    ex.add("Causes You Care About.csv", csv_text(["Supported Cause"], [["Education"]]).encode(), "Causes You Care About.csv", 1)
    ex.add("Email Addresses.csv", csv_text(["Email Address", "Confirmed", "Primary", "Updated On"], [["lena.h@example.com", "Yes", "Yes", "3/2/13, 9:05 AM"]],
                                           final_newline=False).encode(), "Email Addresses.csv", 1)  # fmt: skip
    ex.add("Phone Numbers.csv", b"Extension,Number,Type\n, +49 151 23456789,Mobile\n", "PhoneNumbers.csv", 1)
    ex.add("Registration.csv", csv_text(["Registration Date", "Registration IP Address", "Invited by (First Name)", "Invited by (Last Name)",
                                         "Subscription Types"], [["3/1/13, 5:23 AM", "192.0.2.44", "Jonas", "Becker", "Basic"]]).encode(),
           "Registration.csv", 1)  # fmt: skip
    conns = []
    for i in range(120 * scale):
        f, l = g.person()
        conns.append([f, l, "", r.choice(COMPANIES), r.choice(TITLES), us_short(g.when(2013))])
    ex.add("Connections.csv", csv_text(["First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"], conns,
                                       final_newline=False).encode(), "Connections.csv", len(conns))  # fmt: skip
    msgs = []
    for i in range(150 * scale):
        f, l = g.person()
        outgoing = i % 2 == 0
        text = r.choice(MESSAGE_TEXTS).replace("'", "&rsquo;")
        msgs.append([MEMBER if outgoing else f"{f} {l}", f"{f} {l}" if outgoing else MEMBER, us_short(g.when(2014)), "",
                     text, "OUTGOING" if outgoing else "INCOMING", "SENT" if outgoing else r.choice(["INBOX", "ARCHIVED"])])  # fmt: skip
    ex.add("Messages.csv", csv_text(["From", "To", "Date", "Subject", "Content", "Direction", "Folder"], msgs).encode(), "messages.csv", len(msgs))
    inv = [[MEMBER, " ".join(g.person()), us_short(g.when(2016)), "Lass uns vernetzen!", "OUTGOING"] for _ in range(10)]
    ex.add("Invitations.csv", csv_text(["From", "To", "Sent At", "Message", "Direction"], inv).encode(), "Invitations.csv", 10)
    imported = [[f, l, "", "", f"{f.lower()}@example.net".encode("ascii", "ignore").decode(), "", "Mon Jan 05 10:00:00 UTC 2015",
                 "", "", "", f"{f} {l}", "", "", "", ""] for f, l in (g.person() for _ in range(8))]  # fmt: skip
    ex.add("Imported Contacts.csv", csv_text(["First Name", "Last Name", "Companies", "Title", "Email Address", "Phone Numbers", "Created At",
                                              "Instant Message Handles", "Addresses", "Sites", "Full Name", "Birthday", "Location",
                                              "Bookmarked At", "Profiles"], imported).encode(), "Imported Contacts.csv", len(imported))  # fmt: skip
    ex.add("Account Status History.csv", utf16_tsv(["Time", "Event"], [["2013/03/01 05:23:42 UTC", "Account Created"]]),
           "Account Status History.csv", 1)  # fmt: skip
    ex.add("Ad Targeting.csv", utf16_tsv(["Age Group", "Country", "Company Sizes", "Companies", "Followed Companies", "Functions", "Gender",
                                          "Industries", "Followed Industries", "Partner Opt Out Advertising", "Seniorities", "State",
                                          "Postal Code", "Schools", "Graduation Year", "Groups", "Interface Language", "Degree Classes",
                                          "Skills"],
                                         [["25-34", "de", "51-200", "Kiezcloud", "Spreewerk AG", "Product Management", "Female", "Internet",
                                           "", "false", "Entry", "Berlin", "10115", "Humboldt-Universität zu Berlin", "2015", "", "de_DE",
                                           "Master", "Scrum; SQL"]]), "Ad Targeting.csv", 1)  # fmt: skip
    logins = [[g.when(2017).strftime("%Y/%m/%d %H:%M:%S UTC"), "192.0.2.7", "Mozilla/5.0", "Login"] for _ in range(20 * scale)]
    ex.add("Logins.csv", utf16_tsv(["Login Date", "IP Address", "User Agent", "Login Type"], logins), "Logins.csv", len(logins))
    searches = [[g.when(2017).strftime("%Y/%m/%d %H:%M:%S UTC"), r.choice(SEARCHES)] for _ in range(15)]
    ex.add("Search Queries.csv", utf16_tsv(["Time", "Search Query"], searches), "SearchQueries.csv", 15)
    ex.add("Security Challenges.csv", utf16_tsv(["Challenge Date", "IP Address", "User Agent", "Country", "Challenge Type"],
                                                [["2017/06/08 08:15:44 UTC", "192.0.2.7", "Mozilla/5.0", "DE", "EMAIL_PIN_CHALLENGE"]]),
           "Security Challenges.csv", 1)  # fmt: skip
    shares = []
    for i in range(25 * scale):
        lines = g.post()
        shares.append([g.when(2015).strftime("%Y/%m/%d %H:%M:%S UTC"), "", "", f"https://www.linkedin.com/updates?topic={g.urn()}",
                       "\n".join(lines), "", "", "", "MEMBER_NETWORK"])  # fmt: skip
    ex.add("Shares.csv", utf16_tsv(["Date", "Share Title", "Share Description", "Share Link", "Share Commentary", "Shared URL", "Media URL",
                                    "Type", "Visibility"], shares), "Shares.csv", len(shares))  # fmt: skip
    ex.add("Videos.csv", csv_text(["Description", "Link"], [["Videos can be downloaded at", "https://www.linkedin.com/psettings/member-data/videos"]]).encode(),
           "Rich Media.csv", 1)  # fmt: skip
    ex.add("SavedJobAlerts.csv", csv_text(["Saved Search Date", "Jobs Search Url"], [["7/5/17, 5:30 AM", "https://www.linkedin.com/jobs/search?keywords=product"]]).encode(),
           "SavedJobAlerts.csv", 1)  # fmt: skip
    ex.add("Jobs/Saved Jobs.csv", csv_text(["Saved Date", "Job Url", "Job Title", "Company Name"],
                                           [["7/5/18, 5:30 AM", "http://www.linkedin.com/jobs/view/123456789", "Product Manager", "Kiezcloud"]]).encode(),
           "Saved Jobs.csv", 1)  # fmt: skip
    prefs_header = ["Locations", "Industries", "Company Employee Count", "Preferred Job Types", "Job Titles", "Open To Recruiters",
                    "Dream Companies", "Profile Shared With Job Poster", "Job Title For Searching Fast Growing Companies",
                    "Introduction Statement", "Phone Number", "Job Seeker Activity Level", "Preferred Start Time Range",
                    "Commute Preference Starting Address", "Commute Preference Starting Time", "Mode Of Transportation",
                    "Maximum Commute Duration"]  # fmt: skip
    ex.add("Jobs/Job Seeker Preferences.csv", csv_text(prefs_header, [["[Berlin], [Hamburg Area, Germany]", "", "", "", "Product Manager", "Yes",
                                                                      "", "", "", "", "", "", "", "", "", "", ""]]).encode(),
           "Job Seeker Preferences.csv", 1)  # fmt: skip
    for title, published in (("Was ich im ersten Jahr als PM gelernt habe", True), ("Notizen zu OKRs", False)):
        created = g.when(2017)
        html = article_html(title, created, created + timedelta(days=1) if published else None,
                            [r.choice(POST_LINES) for _ in range(4)], g.slug("pm", "jahr"), legacy=True)  # fmt: skip
        ex.add(f"Articles/{created:%Y-%m-%d %H:%M:%S}.html", html.encode(), "Articles", 1)
    return ex


def build_2022(scale: int = 1, seed: int = 2022) -> Export:
    """A Complete archive from September 2022: CRLF activity files, legacy UTF-16 files beside new ones."""
    end = datetime(2022, 9, 11, 12, 0, 0)
    g = Gen(seed, end)
    r = g.r
    ex = Export()
    header, rows = profile_rows("2022")
    ex.add("Profile.csv", csv_text(header, rows).encode(), "Profile.csv", 1)
    conns = [[f, l, "", r.choice(COMPANIES), r.choice(TITLES), dmy(g.when(2014))] for f, l in (g.person() for _ in range(80 * scale))]
    conns.insert(4, ["", "", "", "", "", dmy(g.when(2020))])
    ex.add("Connections.csv", (CONNECTIONS_NOTES + csv_text(["First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"],
                                                            conns, final_newline=False)).encode(), "Connections.csv", len(conns))  # fmt: skip
    msgs = []
    for i in range(120 * scale):
        f, l = g.person()
        outgoing = i % 2 == 1
        msgs.append([f"2-{g.urn()}", "", MEMBER if outgoing else f"{f} {l}", "", f"{f} {l}" if outgoing else MEMBER,
                     g.when(2019).strftime("%Y-%m-%d %H:%M:%S UTC"), "", r.choice(MESSAGE_TEXTS), "INBOX"])  # fmt: skip
    ex.add("messages.csv", csv_text(["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "DATE", "SUBJECT",
                                     "CONTENT", "FOLDER"], msgs).encode(), "messages.csv", len(msgs))  # fmt: skip
    comments = []
    for i in range(40 * scale):
        text = r.choice(COMMENT_TEXTS)
        if i % 6 == 1:
            text = "Wow\n\nDanke"
        comments.append((g.when(2018).strftime("%Y-%m-%d %H:%M:%S"), f"https://www.linkedin.com/feed/update/urn:li:activity:{g.urn()}", text))
    ex.add("Comments.csv", comments_csv(comments, newline="\r\n", backslash=False).encode(), "Comments.csv", len(comments))
    shares = []
    for i in range(20 * scale):
        lines = g.post()
        shares.append([g.when(2018).strftime("%Y-%m-%d %H:%M:%S"), f"https://www.linkedin.com/feed/update/urn:li:share:{g.urn()}",
                       wrapped_commentary(lines), "", "", "MEMBER_NETWORK"])  # fmt: skip
    ex.add("Shares.csv", shares_csv(["Date", "ShareLink", "ShareCommentary", "SharedURL", "MediaURL", "Visibility"], shares,
                                    newline="\r\n", empty_quoted=False).encode(), "Shares.csv", len(shares))  # fmt: skip
    reactions = [[g.when(2018).strftime("%Y-%m-%d %H:%M:%S"), "LIKE", f"https://www.linkedin.com/feed/update/urn:li:activity:{g.urn()}"]
                 for _ in range(60 * scale)]  # fmt: skip
    ex.add("Reactions.csv", csv_text(["Date", "Type", "Link"], reactions, newline="\r\n").encode(), "Reactions.csv", len(reactions))
    endorse = [["2020/06/09 00:53:47 UTC", r.choice(SKILLS), f, l, "ACCEPTED"] for f, l in (g.person() for _ in range(10))]
    ex.add("Endorsement_Received_Info.csv", csv_text(["Endorsement Date", "Skill Name", "Endorser First Name", "Endorser Last Name",
                                                      "Endorsement Status"], endorse).encode(), "Endorsement_Received_Info.csv", 10)  # fmt: skip
    # The legacy file holds every row of the new one again, plus rows whose status is Redacted (format reference §5).
    legacy = [[*e, ""] for e in endorse] + [["2019/11/02 10:00:00 UTC", "Product Management", "Jonas", "Weber", "Redacted", ""],
                                            ["2019/12/14 09:30:00 UTC", "Roadmapping", "Mira", "Schulz", "Redacted", ""]]
    ex.add("Endorsement Received Info.csv", utf16_tsv(["Endorsement Date", "Skill Name", "Endorser First Name", "Endorser Last Name",
                                                       "Endorsement Status", "Display Status"], legacy),
           "Endorsement Received Info.csv", len(legacy))  # fmt: skip
    ex.add("Account Status History.csv", utf16_tsv(["Time", "Event"], [["2013/03/01 05:23:42 UTC", "Account Created"]]), "Account Status History.csv", 1)
    learning = ('Content Title,Content Description,Content Type,Content Last Watched Date (if viewed),Content Completed At (if completed),'
                'Content Saved,Notes taken on videos (if taken),\n"Agile Foundations","Scrum, Kanban\r\nand more",Course,2021-03-25 08:46 UTC,N/A,false,,\n')  # fmt: skip
    ex.add("Learning.csv", learning.encode(), "Learning.csv", 1)
    screening = [["Wie viele Jahre Erfahrung haben Sie mit SQL?", "4"], ["Sprechen Sie fließend Deutsch?", "Ja"]]
    ex.add("Job Applicant Saved Screening Question Responses.csv", csv_text(["Question", "Answer"], screening[:1]).encode(),
           "Job Applicant Saved Screening Question Responses.csv", 1)  # fmt: skip
    ex.add("Job Applicant Saved Screening Question Responses_1.csv", csv_text(["Question", "Answer"], screening[1:]).encode(),
           "Job Applicant Saved Screening Question Responses.csv", 1)  # fmt: skip
    ex.add("Rich Media.csv", csv_text(["Type", "Link"], [["Video content can be downloaded at", "https://www.linkedin.com/psettings/member-data/videos"],
                                                         ["Documents can be downloaded at", "https://www.linkedin.com/psettings/rich-media"]]).encode(),
           "Rich Media.csv", 2)  # fmt: skip
    ex.add("Jobs/Job Applications.csv", csv_text(["Application Date", "Contact Email", "Contact Phone Number", "Company Name", "Job Title",
                                                  "Job Url", "Resume Name", "Question And Answers"],
                                                 [["12/18/19, 6:36 PM", "lena.h@example.com", "", "Kiezcloud", "Product Manager",
                                                   "http://www.linkedin.com/jobs/view/1234567890", "", ""]]).encode(), "Job Applications.csv", 1)  # fmt: skip
    return ex


def build_basic(seed: int = 2025) -> Export:
    """A Basic archive from October 2025 (the first, fast batch): a handful of files."""
    g = Gen(seed, datetime(2025, 10, 5, 12, 0, 0))
    r = g.r
    ex = Export()
    header, rows = profile_rows("2025")
    ex.add("Profile.csv", csv_text(header, rows).encode(), "Profile.csv", 1)
    conns = [[f, l, f"https://www.linkedin.com/in/{g.slug(f, l)}", "", r.choice(COMPANIES), r.choice(TITLES), dmy(g.when(2016))]
             for f, l in (g.person() for _ in range(40))]  # fmt: skip
    ex.add("Connections.csv", (CONNECTIONS_NOTES + csv_text(["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                                                             "Connected On"], conns, final_newline=False)).encode(), "Connections.csv", 40)  # fmt: skip
    ex.add("Email Addresses.csv", csv_text(["Email Address", "Confirmed", "Primary", "Updated On"], [["lena.hoffmann@example.de", "Yes", "Yes", "1/19/25, 12:21 PM"]],
                                           final_newline=False).encode(), "Email Addresses.csv", 1)  # fmt: skip
    ex.add("Skills.csv", csv_text(["Name"], [[s] for s in SKILLS[:4]]).encode(), "Skills.csv", 4)
    msgs = []
    for i in range(30):
        f, l = g.person()
        outgoing = i % 2 == 0
        msgs.append([f"2-{g.urn()}", "", MEMBER if outgoing else f"{f} {l}", "", f"{f} {l}" if outgoing else MEMBER, "",
                     g.when(2024).strftime("%Y-%m-%d %H:%M:%S UTC"), "", r.choice(MESSAGE_TEXTS), "INBOX", "No", "No"])  # fmt: skip
    ex.add("messages.csv", csv_text(["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS",
                                     "DATE", "SUBJECT", "CONTENT", "FOLDER", "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"], msgs).encode(),
           "messages.csv", 30)  # fmt: skip
    created = g.when(2024)
    ex.add("Articles/Articles/warum-datenschutz-zaehlt-x1y2z.html",
           article_html("Warum Datenschutz zählt", created, created + timedelta(hours=2), POST_LINES[:5], "warum-datenschutz-zaehlt-x1y2z", legacy=False).encode(),
           "Articles", 1)  # fmt: skip
    return ex


SAMPLES = {
    "Complete_LinkedInDataExport_11-28-2026.zip": (build_modern, "", (2026, 11, 28, 9, 30, 0)),
    "Complete_LinkedInDataExport_09-12-2022.zip": (build_2022, "Complete_LinkedInDataExport_09-12-2022 (1)/", (2022, 9, 12, 8, 0, 0)),
    "Complete_LinkedInDataExport_11-04-2018.zip": (build_legacy, "Complete_LinkedInDataExport_11-04-2018/", (2018, 11, 4, 10, 0, 0)),
    "Basic_LinkedInDataExport_10-06-2025.zip": (lambda scale=1: build_basic(), "", (2025, 10, 6, 7, 45, 0)),
}


#: The later export of a member (``later``): the opt-out date its expected differences are split by.
LATER_OPT_OUT = datetime(2026, 3, 1)
LATER_SHARES = [  # (date, lines): posts written between the two exports
    (datetime(2025, 12, 10, 9, 0, 0), ["Ein Jahr im neuen Team: danke für alles!"]),
    (datetime(2026, 1, 20, 17, 30, 0), ["Our discovery checklist, version 2:", "", "1. Who is it for?", "2. What changes for them?"]),
    (datetime(2026, 4, 2, 8, 15, 0), ["Datenschutz-Folgenabschätzung im Produktteam: so gehen wir vor."]),
    (datetime(2026, 7, 15, 12, 0, 0), ["Summer reading list for product people."]),
    (datetime(2026, 10, 30, 19, 45, 0), ["Wir stellen ein: Senior UX Researcher (m/w/d) in Berlin."]),
]


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def later(old: Export, end: datetime = datetime(2026, 11, 27, 18, 0, 0), seed: int = 1) -> tuple[Export, dict[str, dict[str, int]]]:
    """The same member's export a year on, and its exact differences from ``old`` per dataset: posts and
    messages added and removed, connections added, SearchQueries.csv renamed to Search Queries.csv (both
    names LinkedIn used) and a column added to messages.csv (IS MESSAGE DRAFT)."""
    g = Gen(seed, end)
    new = Export(dict(old.files), dict(old.truth))
    diff: dict[str, dict[str, int]] = {}

    def note(dataset: str, only_old: int, only_new: int, words: int = 0, after: int = 0) -> None:
        diff[dataset] = {"only_old": only_old, "only_new": only_new, "words_only_new": words, "after_opt_out": after}
        new.truth[dataset] += only_new - only_old

    header, *shares = _csv_rows(old.files["Shares.csv"].decode())
    dropped = [shares.pop(9), shares.pop(4)]
    for when, lines in LATER_SHARES:
        shares.append([iso(when), f"https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A{g.urn()}", wrapped_commentary(lines), "", "", "PUBLIC"])  # fmt: skip
    new.files["Shares.csv"] = shares_csv(header, shares, newline="\n", empty_quoted=True).encode()
    words = sum(len(" ".join(lines).split()) for _, lines in LATER_SHARES)
    note("Shares.csv", len(dropped), len(LATER_SHARES), words, sum(w >= LATER_OPT_OUT for w, _ in LATER_SHARES))

    header, *msgs = _csv_rows(old.files["messages.csv"].decode())
    me, me_url = MEMBER, "https://www.linkedin.com/in/lena-hoffmann-example"
    for i in (300, 120, 7):
        msgs.pop(i)
    added, own = [], 0
    for i in range(10):
        f, l = g.person()
        when = datetime(2025, 12, 1) + timedelta(days=33 * i, hours=i)
        text = MESSAGE_TEXTS[i % 7]
        outgoing = i % 3 == 0
        own += len(text.split()) if outgoing else 0
        sender, to = (me, f"{f} {l}") if outgoing else (f"{f} {l}", me)
        added.append((when, [f"2-{g.urn()}", "", sender, me_url if outgoing else "", to, "", iso(when) + " UTC", "", text, "INBOX", ""]))
    msgs += [row for _, row in added]
    rows = [[*row, "No"] for row in msgs]
    new.files["messages.csv"] = csv_text([*header, "IS MESSAGE DRAFT"], rows, quote_all=True).encode()
    note("messages.csv", 3, len(added), own, sum(when >= LATER_OPT_OUT for when, _ in added))

    text = old.files["Connections.csv"].decode()
    notes_end = text.index("\n\n") + 2
    header, *conns = _csv_rows(text[notes_end:])
    conns.pop(20)
    days = [datetime(2026, 2, 14), datetime(2026, 5, 3), datetime(2026, 9, 9)]
    for when in days:
        f, l = g.person()
        conns.append([f, l, f"https://www.linkedin.com/in/{g.slug(f, l)}", "", "Spreewerk AG", "Product Manager", dmy(when)])
    new.files["Connections.csv"] = (text[:notes_end] + csv_text(header, conns, final_newline=False)).encode()
    note("Connections.csv", 1, len(days), 0, sum(d >= LATER_OPT_OUT for d in days))

    files = list(new.files.items())  # the renamed file keeps its place in the archive
    new.files = {("Search Queries.csv" if name == "SearchQueries.csv" else name): data for name, data in files}
    return new, dict(sorted(diff.items()))


#: Pairs of exports for ``compare``, in sample_exports/compare/: the same member a year apart.
LATER_PAIR = ("Complete_LinkedInDataExport_11-28-2025.zip", "Complete_LinkedInDataExport_11-28-2026.zip")


def write_later(out: Path) -> None:
    """The member's export of November 2025, the one of a year later, and their expected differences."""
    out.mkdir(parents=True, exist_ok=True)
    old = build_modern(end=datetime(2025, 11, 27, 18, 0, 0))
    new, diff = later(old)
    write_zip(out / LATER_PAIR[0], old, "", (2025, 11, 28, 9, 30, 0))
    write_zip(out / LATER_PAIR[1], new, "", (2026, 11, 28, 9, 30, 0))
    truth = {"old": LATER_PAIR[0], "new": LATER_PAIR[1], "opted_out_on": LATER_OPT_OUT.date().isoformat(), "datasets": diff}
    (out / "truth.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_zip(path: Path, export: Export, prefix: str, stamp: tuple[int, int, int, int, int, int]) -> None:
    """A ZIP with fixed timestamps and permissions, so that every run writes the same bytes."""
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w") as zf:
        for name, data in export.files.items():
            info = zipfile.ZipInfo(prefix + name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    tmp.replace(path)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write to (default: sample_exports/)")
    parser.add_argument("--scale", type=int, default=1, help="multiply the large collections (messages, comments, …)")
    parser.add_argument("--only", default=None, help="write only this sample (file name)")
    parser.add_argument("--later", action="store_true", help="only the pair of a member's exports a year apart (compare/)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.scale == 1 and not args.only:
        write_later(args.out / "compare")
    if args.later:
        return
    truth: dict[str, dict[str, int]] = {}
    for name, (build, prefix, stamp) in SAMPLES.items():
        if args.only and name != args.only:
            continue
        export = build(scale=args.scale)
        write_zip(args.out / name, export, prefix, stamp)
        truth[name] = dict(sorted(export.truth.items()))
    if args.scale == 1 and not args.only:
        (args.out / "truth.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        (args.out / f"truth-x{args.scale}.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
