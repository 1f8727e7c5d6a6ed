"""Property: for any text, parsing never crashes and every reported span is exactly the text it claims."""
import re
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import analystkit
from analystkit.clean import CONTROLS

FRAGMENTS = [
    "said", "says", "told Axios", "added that", "according to", "did not respond to requests for comment",
    "declined to comment", "A U.S. official", "three Israeli officials", "He", "she", "they", "The IDF",
    "Jake Sullivan", "Pentagon spokesperson Lt. Col. Phillip Ventura", "White House national security adviser",
    "the report", "“", "”", '"', "‘", "’", "'", ",", ".", ":", ";", "—", "-", "(", ")", "?", "!",
    "\n", "\n\n", "\r\n", "·", "\n·\n", "• ", "# ", "Why it matters:", "Behind the scenes:", "No comments:",
    "Post a Comment", "May 17, 2023", "May", "March", "2023-05-17", "5/17/2023", "two weeks ago",
    "a few weeks ago", "last year", "on Monday", "recently", "so far", "February 30, 2023", "in 1998",
    "the 1990s", "for three years", "Boeing 737", "10-4", "2,019", "U.S.", "Gen.", "Mr.", "co-", "operation",
    "the proposal", "is", "will", "that", "and", "of", "to", "in", "\u00a0", "\ufeff", "\t", "  ",
    " * ", "Near Mosul", "denied", "access to", "the Vice President", "Vice President Dana Ruiz", "during",
    "Ambassador to the United States", "It", "They", "New Democrat MP", "Shadow Home Secretary",
]
# Unicode that text scraped from anywhere carries: combining marks, right-to-left scripts and marks,
# zero-width characters, line and paragraph separators, every kind of quotation mark, control characters
# (cleaning removes those), emoji sequences, and numbers that look like dates or are not dates.
UNICODE = [
    "e\u0301", "Zoe\u0308", "\u0646\u0627\u062a\u0648", "\u05e9\u05dc\u05d5\u05dd", "\u200f", "\u202e", "\u202c",
    "\u200b", "\u200c", "\u200d", "\u2060", "\u2028", "\u2029", "\u0085", "„", "‚", "«", "»", "‹", "›", "「", "」",
    "″", "′", "＂", "‟", "❝", "❞", "\x00", "\x1b[0m", "\x0c", "\x07", "\x7f", "\r", "\ufffd", "\U0001f642",
    "\U0001f469\u200d\U0001f469\u200d\U0001f467", "Ⅻ", "٣", "五月", "İstanbul", "ß", "ﬁ", "12/31/99", "2024-13-45",
    "Q3", "24:00", "1/1", "'99", "1900s", "21:30 UTC", "mid-2014", "FY2023", "3.14", "10,000", "1st", "the 60s",
]

news_like = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(UNICODE), st.text(min_size=1, max_size=8)),
    min_size=1, max_size=60,
).map(lambda parts: " ".join(parts) if len(parts) % 2 else "".join(parts))

# copy set all in capitals is read through a view in ordinary case: its spans must still be the text
any_text = st.one_of(news_like, news_like.map(str.upper), st.text(max_size=300))


def _no_space(s: str) -> str:
    """The characters a span must share with the raw text it maps to: cleaning changes whitespace and
    removes control characters, nothing else."""
    return "".join(CONTROLS.sub("", s).split())


def _check_spans(parsed, raw: str):
    text = parsed.text
    to_raw = {}
    for row in parsed.claims.itertuples():
        assert text[row.start:row.end] == row.text
        assert text[row.cue_start:row.cue_end] == row.cue
        if pd.notna(row.source_text):
            assert text[row.source_start:row.source_end] == row.source_text
        to_raw[(row.raw_start, row.raw_end)] = row.text
    for row in parsed.dates.itertuples():
        assert text[row.start:row.end] == row.text
        to_raw[(row.raw_start, row.raw_end)] = row.text
    quoted = set(parsed.claims.claim_id[parsed.claims.kind.isin(["direct", "mixed"])])
    assert set(parsed.quotes.claim_id) == quoted  # every quoted claim has a passage, and only those
    for row in parsed.quotes.itertuples():
        assert text[row.start:row.end] == row.text and row.text.strip()
        to_raw[(row.raw_start, row.raw_end)] = row.text
    for row in parsed.mentions.itertuples():
        assert text[row.start:row.end] == row.text
        to_raw[(row.raw_start, row.raw_end)] = row.text
    for row in parsed.events.itertuples():
        if pd.notna(row.start):
            assert text[row.start:row.end] == row.description
    for row in parsed.sources.itertuples():
        assert text[row.first_start:row.first_end] == row.first_text
    raw_body = raw[1:] if raw.startswith("\ufeff") else raw
    for (start, end), span in to_raw.items():
        assert _no_space(raw_body[start:end]) == _no_space(span)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text, st.sampled_from([None, "2023-05-17", "1999-12-31"]))
def test_every_span_indexes_the_text_and_nothing_raises(raw, published):
    try:
        parsed = analystkit.parse(raw, published=published)
    except ValueError as exc:  # only for input with no text at all
        assert "empty" in str(exc) or "no article text" in str(exc)
        return
    _check_spans(parsed, raw)


def _exists(name: str) -> bool:
    try:
        return Path(name).exists()
    except OSError:  # longer than the file system allows for a name
        return False


@settings(max_examples=50, deadline=None)
@given(st.lists(any_text, min_size=1, max_size=5))
def test_batches_account_for_every_input(texts):
    # a string naming an existing file or folder (".", "tests") is read as a path, by design
    assume(not any(len(t) < 1024 and "\n" not in t and "\x00" not in t and _exists(t) for t in texts))
    tables = analystkit.parse_many(texts)
    assert len(tables.articles) + len(tables.errors) == len(texts)


SHAPES = Path(__file__).resolve().parent / "shapes"


def test_real_world_shapes_parse_with_exact_spans():
    # made-up text in the shapes scrapers bring back: a transcript, a list page, a table pasted as text,
    # all-caps wire copy (tests/shapes)
    tables = analystkit.parse_many([SHAPES])
    assert tables.errors.empty
    assert sorted(Path(i).name for i in tables.articles.input) == sorted(p.name for p in SHAPES.glob("*.txt"))
    for article_id in tables.articles.article_id:
        one = tables.subset(article_id)
        raw = Path(one.articles.path.iloc[0]).read_text(encoding="utf-8")
        _check_spans(analystkit.pipeline.ParsedArticle(**dict(one.items())), raw)

    def speakers(name):
        article = tables.articles[tables.articles.input.str.endswith(name)].article_id.iloc[0]
        claims = tables.claims[tables.claims.article_id == article]
        return set(claims.merge(tables.sources, on=["source_id", "article_id"]).name)

    assert speakers("transcript.txt") == {"MAYOR DANA RUIZ", "COUNCILMEMBER OKAFOR"}
    assert speakers("pasted-table.txt") == {"the chief financial officer"}


# What the sentence readers look for at every offset, written as the plain lookahead patterns they replace:
# the quicker finders in attribution/spans.py must give exactly these offsets, in any stretch of any text.
_AT_EVERY_OFFSET = {
    "participles": re.compile(r"(?=(\s*,\s*(?:also\s+|[a-z]+ly\s+)?[a-z]{2,}ing\b))"),
    "afterthoughts": re.compile(r"(?=(,\s+(?:although|though|even though|even as|whereas|while|but)\s|;\s))"),
    "second_reports": re.compile(r"(?=(,?\s+(?:and|but)\s+(?:also\s+|then\s+)?(?:(?:(?:did|does|would)\s+not|"
                                 r"(?:didn|doesn|wouldn)[’']t)\s+|(?=(?:[a-z]+ed|said|told|wrote)\b))([a-z]+)\b))"),
}
_CLAUSE_PIECES = st.lists(st.sampled_from([" ", "  ", "\n", ",", ";", "and", "also", "then", "said", "warned", "walking",
                                           "quickly", "while", "but", "brand", "x", "did", "not", "didn’t", "say"]),
                          max_size=16).map("".join)


@given(_CLAUSE_PIECES, st.data())
def test_clause_stops_are_found_at_every_offset_the_patterns_match(text, data):
    from analystkit.attribution.spans import _content_stops, _participles

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    at = {name: pattern.finditer(text, start, end) for name, pattern in _AT_EVERY_OFFSET.items()}
    assert _participles.__wrapped__(text, start, end) == [m.start() for m in at["participles"]]
    afterthoughts, second_reports = _content_stops.__wrapped__(text, start, end)
    assert afterthoughts == [m.start() for m in at["afterthoughts"]]
    assert second_reports == [(m.start(), m.end(2), m.group(2)) for m in at["second_reports"]]
