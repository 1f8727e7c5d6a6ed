"""Dates x claims -> events: the dated happenings a timeline draws.

A date inside a claim's content dates what the claim reports ("The ministry
signed the deal a few weeks ago, officials told Reuters"); a date in the
attribution itself dates the saying ("The White House recently announced
..."); a date in a sentence with no claim dates that sentence's happening ("The
minister ... in a speech two weeks ago"). The article's publication is an event too.
"""
from __future__ import annotations

from .model import Article, Claim, Event, Sentence, TimeExpression

# Durations ("for three years") measure time rather than place something in it; sets ("every week") repeat.
_UNDATED_KINDS = ("duration", "set")


def build_events(
    article: Article,
    dates: list[TimeExpression],
    claims: list[Claim],
    sentences: list[Sentence],
) -> list[Event]:
    """One event per dated happening in the article, plus its publication."""
    text = article.text
    by_sentence = {s.index: s for s in sentences}
    dateline_paragraphs = {p.index for p in article.paragraphs if p.role in ("dateline", "headline")}
    events: list[Event] = []
    publication_date: TimeExpression | None = None
    claims_in: dict[int, list[Claim]] = {}  # sentence index -> its claims, in order (one pass, not one per date)
    for c in claims:
        claims_in.setdefault(c.sentence, []).append(c)
    for d in dates:
        sentence = by_sentence.get(d.sentence)
        if sentence is not None and sentence.paragraph in dateline_paragraphs:
            if publication_date is None and d.granularity == "day":
                publication_date = d
            continue
        if d.kind in _UNDATED_KINDS or d.value == "PRESENT_REF" or sentence is None:
            continue  # "so far", "now": the state of things when published, not a happening
        if d.kind == "vague" and d.start_date is None and d.end_date is None:
            continue  # "at the time": a moment told before, which the sentence does not date (nor anything else)
        claim = _claim_for(d, claims_in.get(sentence.index, ()))
        if claim is not None and claim.start <= d.start < claim.end:
            start, end = claim.start, claim.end  # the claim says what happened
        else:
            start, end = sentence.start, sentence.end
            while end > start and text[end - 1].isspace():
                end -= 1  # without the spaces after it
        start, end = _around(text, start, end, d)
        events.append(Event(d, claim, text[start:end], d.start_date, d.end_date, d.certainty, "reported",
                            start, end))
    published = article.published.date() if article.published is not None else None
    if published is not None or publication_date is not None:
        when = published or (publication_date.start_date if publication_date else None)
        events.insert(0, Event(publication_date, None, _publication_description(article), when, when,
                               "exact", "publication"))
    return events


# The longest description: in a run-on sentence (a transcript, a list pasted as one line) each date's event
# would otherwise repeat the whole sentence, and the events table grow with the square of its length.
_DESCRIPTION_REACH = 1000  # characters kept on either side of the date when a description is longer than twice this


def _around(text: str, start: int, end: int, d: TimeExpression) -> tuple[int, int]:
    """``[start, end)``, or when it runs longer than ``2 * _DESCRIPTION_REACH`` the words within that reach of
    the date ``d``."""
    if end - start <= 2 * _DESCRIPTION_REACH:
        return start, end
    lo, hi = max(start, d.start - _DESCRIPTION_REACH), min(end, d.end + _DESCRIPTION_REACH)
    while start < lo < d.start and not text[lo - 1].isspace():
        lo += 1  # to the start of a word
    while d.end < hi < end and not text[hi].isspace():
        hi -= 1  # to the end of a word
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def _claim_for(d: TimeExpression, same_sentence: list[Claim] | tuple[()]) -> Claim | None:
    """The claim whose content holds the date, else a claim made in the same sentence (``same_sentence``: the
    claims of the date's sentence, in order)."""
    for c in same_sentence:
        if c.start <= d.start < c.end:
            return c
    return same_sentence[0] if same_sentence else None


def _publication_description(article: Article) -> str:
    return f"Published: {article.title}" if article.title else "Article published"
