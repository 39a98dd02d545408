"""Comments.csv through pyarrow: the records LinkedIn splits over lines are joined in Arrow exactly as the
dialect reader joins them, or the file goes back to it (``read/arrow_join.py``). The fixtures of
platforms/linkedin/test_repairs.py go through both readers too (the ``read_file`` fixture)."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.read import arrow as columnar
from analyzer.read.arrow_join import JoinedBytes
from analyzer.read.table import Irregular
from tests.read.test_arrow import EXAMPLES, Spy, both_of, dataset

#: A line of an unquoted message: LinkedIn quotes a message holding a comma or a quote.
_LINE = st.text(alphabet=st.sampled_from([*"ab äé€<>@+09.-\t", "😀", "\u3000"]), max_size=12)
#: A quoted message: commas, quotes, line breaks of every kind.
_QUOTED = st.lists(st.sampled_from([*'ab ,"é\n\r', "\r\n", "lena@example.org"]), min_size=1, max_size=12).map("".join)
_DATE = st.sampled_from(["2024-12-16 18:24:37", "2026-01-07 10:00:00", "2019-03-01", ""])


@st.composite
def comment(draw: st.DrawFn, escapes: bool, newline: str) -> str:
    """One record as LinkedIn writes it."""
    link = f"https://www.linkedin.com/feed/update/urn:li:activity:{draw(st.integers(1, 10**6))}"
    kind = draw(st.sampled_from(["plain", "lines", "quoted"]))
    if kind == "plain":
        message = draw(_LINE)
    elif kind == "lines":  # unquoted over several lines, blank ones among them
        message = newline.join(draw(st.lists(_LINE, min_size=2, max_size=4)))
    else:
        text = draw(_QUOTED)
        message = '"' + (text.replace('"', '\\"') if escapes else text.replace('"', '""')) + '"'
    return f"{draw(_DATE)},{link},{message}"


@st.composite
def comments_file(draw: st.DrawFn, extras: bool = False) -> bytes:
    """A Comments.csv: 2026's backslash escapes or the older doubled quotes; with ``extras``, lines LinkedIn
    does not write too (of empty cells, stray, blank), anywhere."""
    escapes, newline = draw(st.booleans()), draw(st.sampled_from(["\n", "\r\n"]))
    lines = draw(st.lists(comment(escapes, newline), min_size=1, max_size=25))
    if extras:
        for _ in range(draw(st.integers(1, 3))):
            extra = draw(st.sampled_from([",,", '"","",""', ",", "", "stray", "a\\b", "x,y", " ,, ", '"q",,']))
            lines.insert(draw(st.integers(0, len(lines))), extra)
    end = draw(st.sampled_from(["", newline, newline * 2]))
    return ("Date,Link,Message" + newline + newline.join(lines) + end).encode()


_SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]}


@pytest.fixture
def small_blocks(monkeypatch):
    monkeypatch.setattr(columnar, "BLOCK_BYTES", 512)  # records continue across batches


@pytest.mark.slow
@settings(max_examples=EXAMPLES, **_SETTINGS)
@given(comments_file())
def test_comments_as_linkedin_writes_them_are_joined_alike_by_pyarrow(monkeypatch, small_blocks, data):
    spy = Spy(monkeypatch)
    rows, fast = both_of({"Comments.csv": data})
    assert rows == fast
    # pyarrow joined them itself, unless a line is nothing but empty cells, quoted or not (read as a blank line would be:
    # such a file goes back to the dialect reader, even where the line is inside a quoted message)
    empty_cells = any(re.fullmatch(rb'(?:"")?(?:,(?:"")?)+', line) for line in re.split(rb"\r\n|\r|\n", data))
    assert spy.irregular == ([] if not empty_cells else ["a line of empty cells in a file whose records are joined"])
    assert dataset(fast, "Comments.csv")["records"] == data.count(b"urn:li:activity:")


@pytest.mark.slow
@settings(max_examples=EXAMPLES // 2, **_SETTINGS)
@given(
    comments_file(extras=True),
    st.lists(st.tuples(st.floats(0, 1), st.sampled_from([b'"', b",", b"\n", b"\\"])), max_size=2),
)
def test_comments_with_lines_linkedin_does_not_write_read_alike(small_blocks, data, damage):
    for where, what in damage:
        start = data.index(b"\n") + 1
        at = start + int(where * (len(data) - start))
        data = data[:at] + what + data[at:]
    rows, fast = both_of({"Comments.csv": data})
    assert rows == fast


@pytest.mark.parametrize(
    "chunks",
    [
        [b"2026-01-01,x,a\n,,\n"],
        [b"2026-01-01,x,a\n,", b",\n"],
        [b"2026-01-01,x,a\n", b'"",,'],
        [b'"","",""\n'],
        [b"2026-01-01,x,a\r,,\r"],
        [b"2026-01-01,x,a\r\n", b",,\r\n"],
    ],
    ids=["in-one-read", "across-reads", "at-the-end", "at-the-start", "after-a-carriage-return", "after-crlf"],
)
def test_a_line_of_empty_cells_is_found_wherever_the_reads_cut_it(chunks):
    check = JoinedBytes(escapes=False).check
    with pytest.raises(Irregular):
        for chunk in [*chunks, b""]:
            check(chunk)


@pytest.mark.parametrize(
    "chunks", [[b'a,"b \\', b'" c"\n'], [b"a,b,c \\\\d\n"], [b"a,b,c\\"]], ids=["quote", "other", "end"]
)
def test_only_a_backslash_before_a_quote_stays_with_pyarrow(chunks):
    check = JoinedBytes(escapes=True).check
    try:
        for chunk in [*chunks, b""]:
            check(chunk)
    except Irregular:
        handed_back = True
    else:
        handed_back = False
    assert handed_back == (chunks[0] != b'a,"b \\')


def test_a_block_of_nothing_but_continued_lines_waits_for_the_next_record(monkeypatch, small_blocks):
    """A message of many unquoted lines fills whole 512-byte blocks with short rows: pyarrow gives empty batches."""
    record = "2024-12-16 18:24:37,https://www.linkedin.com/feed/update/urn:li:activity:{},{}"
    lines = "\n".join(f"line {i} of a long message that LinkedIn did not quote" for i in range(40))
    data = "\n".join(["Date,Link,Message", record.format(1, lines), "", record.format(2, "next")]).encode()
    spy = Spy(monkeypatch)
    rows, fast = both_of({"Comments.csv": data})
    assert rows == fast
    assert spy.irregular == []
    assert dataset(fast, "Comments.csv")["records"] == 2


def _hands_back(check, chunks: list[bytes]) -> bool:
    try:
        for chunk in [*chunks, b""]:
            check(chunk)
    except Irregular:
        return True
    return False


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.lists(st.binary(max_size=12).map(lambda b: b.translate(bytes(range(256)).replace(b"\0", b"\\"))), max_size=8),
    st.lists(st.sampled_from([b"\\", b'\\"', b'"', b",", b"\n", b"\r", b"a"]), max_size=16),
)
def test_the_checks_hand_back_exactly_what_the_rules_say_however_the_reads_cut_the_bytes(noise, pieces):
    """The checks search each read for where a rule could break and carry what a read's end cuts; the rules,
    on the whole of the bytes: a line of nothing but empty cells, a backslash before anything but a quote."""
    noise += [b""] * (len(pieces) - len(noise))
    data = b"".join(p + n for p, n in zip(pieces, noise[: len(pieces)], strict=True))
    lines = re.split(rb"\r\n|\r|\n", data)
    empty_cells = any(re.fullmatch(rb'(?:"")?(?:,(?:"")?)+', line) for line in lines)
    stray_backslash = data.count(b"\\") != data.count(b'\\"')
    cut = sorted({len(data) * k // 5 for k in range(1, 5)})
    chunks = [
        data[a:b] for a, b in zip([0, *cut], [*cut, len(data)], strict=True) if b > a
    ]  # a read of nothing is the end
    assert _hands_back(JoinedBytes(escapes=False).check, chunks) == empty_cells
    assert _hands_back(JoinedBytes(escapes=True).check, chunks) == (empty_cells or stray_backslash)


def test_a_date_cell_that_starts_with_a_comma_is_unreadable_in_either_reader():
    """Found by the test above: a quote left open swallows the next lines into one date cell (``,,⏎2024-…``).
    The fast reader's first batch held only that cell, whose US date key (the part before the comma) is empty:
    it counted as an empty cell, not as a date that could not be read, until the key became the whole value."""
    link = b"https://www.linkedin.com/feed/update/urn:li:activity:1,\n"
    data = b'Date,Link,Message\n",,\n' + (b"2024-12-16 18:24:37," + link) * 2 + b'"q",,\n2024-12-16 18:24:37,' + link
    rows, fast = both_of({"Comments.csv": data})
    assert rows == fast
    assert dataset(rows, "Comments.csv")["bad_dates"] == 1
