"""Article HTML files (2018 and 2025 layouts) → one-record tables: title, dates, link and body text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from analyzer.archive import Member
from analyzer.errors import ArchiveError
from analyzer.limits import MiB
from analyzer.read.encoding import sniff_encoding
from analyzer.read.table import ARTICLE_LIMIT, SNIFF_BYTES, Table, empty_batches, read_problem
from analyzer.said import Said, at

ARTICLE_HEADER = ["Title", "Created On", "Published On", "Url", "Body"]
_CREATED = re.compile(r"Created on\s+(.+)", re.IGNORECASE)
_PUBLISHED = re.compile(r"Published on\s+(.+)", re.IGNORECASE)


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: list[str] = []
        self.url = ""
        self.created = ""
        self.published = ""
        self.body: list[str] = []
        self._in_h1 = False
        self._p_class = ""
        self._p_text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag in ("script", "style", "head", "title"):
            self._skip += 1
        elif tag == "h1":
            self._in_h1 = True
        elif tag == "a" and self._in_h1 and not self.url:
            self.url = attr.get("href") or ""
        elif tag == "p" and (attr.get("class") or "") in ("created", "published"):
            self._p_class = attr.get("class") or ""
            self._p_text = []
        elif tag in ("p", "br", "li", "div", "h2", "h3"):
            self.body.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "title"):
            self._skip = max(0, self._skip - 1)
        elif tag == "h1":
            self._in_h1 = False
        elif tag == "p" and self._p_class:
            text = " ".join("".join(self._p_text).split())
            pattern = _CREATED if self._p_class == "created" else _PUBLISHED
            match = pattern.search(text)
            value = match.group(1).strip() if match else ""
            if value.strip("- ") == "":
                value = ""
            if self._p_class == "created":
                self.created = value
            else:
                self.published = value
            self._p_class = ""

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in_h1:
            self.title.append(data)
        elif self._p_class:
            self._p_text.append(data)
        else:
            self.body.append(data)


def read_article(member: Member) -> Table:
    """One LinkedIn article (2018 and 2025 layouts) as a one-record Table."""
    # The parser removes the tags before it decodes entities, so "&lt;b&gt;" in an article stays the text "<b>".
    table = Table(list(ARTICLE_HEADER), empty_batches(), encoding="utf-8", markup=False)
    try:
        with member.open() as raw:
            data = raw.read(ARTICLE_LIMIT + 1)
    except (ArchiveError, OSError, EOFError, ValueError) as exc:
        table.problems.append(read_problem(member.path, exc))
        return table
    if len(data) > ARTICLE_LIMIT:
        table.problems.append(Said("problem.article_too_large", path=member.path, limit=ARTICLE_LIMIT // MiB))
        return table
    encoding, problem = sniff_encoding(data[:SNIFF_BYTES])
    if encoding == "binary":
        table.problems.append(at(member.path, problem or ""))
        return table
    if problem:
        table.problems.append(at(member.path, problem))
    parser = _ArticleParser()
    try:
        parser.feed(data.decode(encoding, errors="replace"))
        parser.close()
    except (AssertionError, ValueError) as exc:  # html.parser raises these on hopeless markup
        table.problems.append(Said("problem.html_unparsable", path=member.path, reason=exc))
        return table
    title = " ".join("".join(parser.title).split())
    body = " ".join(" ".join(parser.body).split())
    table.batches = iter([[[title, parser.created, parser.published, parser.url, body]]])
    return table
