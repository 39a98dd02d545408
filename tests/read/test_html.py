"""LinkedIn's article HTML files: title, dates, link and text, for a published article and a draft."""

from __future__ import annotations

ARTICLE_2018 = (
    '<html><head><meta charset="UTF-8"><title>T</title></head><body>'
    '<h1><a href="https://www.linkedin.com/pulse/was-ich-gelernt-habe-lena">Was ich gelernt habe</a></h1>'
    '<p class="created">Created on 2017-03-01 10:15</p><p class="published">Published on 2017-03-02 08:00</p>'
    "<div><p>Erstens: zuhören.</p><p>Second, ship &amp; learn.</p></div></body></html>"
)


ARTICLE_DRAFT_2025 = (
    '<html><head></head><body><h1>Entwurf: KI</h1><p class="created">Created on 2024-09-01 19:35</p>'
    '<p class="published">Published on ---</p><div><p>Noch nicht fertig.</p></div></body></html>'
)


def test_article_2018_published(read_file):
    _, rows = read_file("Articles/2017-03-01 10:15:00.html", ARTICLE_2018)
    assert rows == [["Was ich gelernt habe", "2017-03-01 10:15", "2017-03-02 08:00",
                     "https://www.linkedin.com/pulse/was-ich-gelernt-habe-lena", "Erstens: zuhören. Second, ship & learn."]]  # fmt: skip
    assert len(rows[0][4].split()) == 6


def test_article_2025_draft_has_no_published_date(read_file):
    _, rows = read_file("Articles/Articles/2024-09-01 19_35_00.0-Entwurf.html", ARTICLE_DRAFT_2025)
    assert rows[0][0] == "Entwurf: KI" and rows[0][2] == "" and rows[0][3] == ""
    assert rows[0][4] == "Noch nicht fertig."


def test_an_escaped_tag_in_an_article_is_text_and_its_words_count(make_export):
    """``&lt;div&gt;`` is the text "<div>": tags are removed before entities are decoded, never after."""
    from analyzer.mapping import load_mapping
    from analyzer.pipeline import scan

    html = ARTICLE_2018.replace("Second, ship &amp; learn.", "Wrap it in &lt;div&gt; and &lt;span&gt; elements.")
    path = make_export({"Articles/Articles/escaped.html": html, "Profile.csv": "First Name,Last Name\nLena,H\n"})
    report = scan(path, load_mapping())
    articles = next(d for d in report.datasets if d.name == "Articles")
    title, body = "Was ich gelernt habe", "Erstens: zuhören. Wrap it in <div> and <span> elements."
    assert articles.words == len(title.split()) + len(body.split()) == 13  # 11 when the tags were removed again
