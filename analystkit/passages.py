"""Claims -> quoted passages: one record per stretch of quoted words, as an analyst counts quotes.

A claim is what a source said, and one claim may hold several quotations: ``“We will win,” she said.
“And we will govern.”`` is one claim (the second sentence carries the first on) but two passages, and
only the first sits in the sentence that names the speaker. A paraphrase with quoted words in it
(``She called the plan “a stopgap”``) has one passage, the quoted words. Counting passages, pulling
quotations for a story or measuring how much each person is quoted needs them apart.

Each direct or mixed claim gets at least one passage: the inside of every pair of quotation marks in
its span (marks, and a comma or stop just inside the closing mark, left out), or, for a direct claim
written without marks (``MAYOR RUIZ: Good evening.``), the claim itself.
"""
from __future__ import annotations

import bisect

from .model import Claim, Quote, Sentence, record
from .segment import QUOTE_MARKS, sentence_at


@record
class Passage:
    """A quoted stretch of one claim: ``text[start:end]`` without the marks."""

    claim: int  # position of its claim in the article's claims
    start: int
    end: int
    sentence: int | None  # the sentence it starts in
    paragraph: int | None
    attributed_here: bool  # whether its own sentence holds the claim's cue ("she said")


def find_passages(text: str, claims: list[Claim], quotes: list[Quote], sentences: list[Sentence]) -> list[Passage]:
    """The quoted passages of the direct and mixed claims, in text order."""
    quote_starts = [q.start for q in quotes]
    sentence_starts = [s.start for s in sentences]
    passages = []
    for n, claim in enumerate(claims):
        if claim.kind not in ("direct", "mixed"):
            continue
        # quotes never overlap, so the ones inside the claim are consecutive: from the last that opens
        # before the claim starts (it may run into it) to the last that opens before it ends
        first = max(0, bisect.bisect_right(quote_starts, claim.start) - 1)
        last = bisect.bisect_left(quote_starts, claim.end)
        spans = [span for q in quotes[first:last] if (span := _inside(text, q, claim)) is not None]
        if not spans:  # a direct claim written without marks: the claim is the passage
            spans = [(claim.start, claim.end)]
        for start, end in spans:
            sentence = sentence_at(sentences, sentence_starts, start)
            passages.append(Passage(
                n, start, end, sentence.index if sentence else None, sentence.paragraph if sentence else None,
                sentence is not None and sentence.start <= claim.cue_start < sentence.end))
    return sorted(passages, key=lambda p: (p.start, p.claim))


def _inside(text: str, quote: Quote, claim: Claim) -> tuple[int, int] | None:
    """The words of ``quote`` within ``claim``, without marks, spaces or a final comma or stop."""
    start, end = max(quote.start, claim.start), min(quote.end, claim.end)
    if start < end and start == quote.start and text[start] in QUOTE_MARKS:
        start += 1
    if end > start and quote.closed and end == quote.end and text[end - 1] in QUOTE_MARKS:
        end -= 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",."):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return (start, end) if end > start else None
