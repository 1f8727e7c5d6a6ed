"""Quotations that go on past their sentence or stand apart from their attribution: a quote carried into
the next sentences and paragraphs, ``quote_then_cue`` (“QUOTE.” X said.) and ``quote_after_speaker``
(PERSON did something. “QUOTE.”)."""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import replace

from ..model import Claim, Quote, Sentence
from ..sources import read_mention
from .cues import _cue_pattern, _extend_cue
from .spans import (
    _attribution_tail,
    _make_claim,
    _skip_space,
    _strip_marks,
    _strip_middle,
    _trim,
)
from .subjects import _main_subject

_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|we|We|we['’](?:re|ve|d|ll)|We['’](?:re|ve|d|ll)|my|My|me|"
                           r"our|Our|us)\b")


def _quotes_after_their_speaker(text: str, sentences: list[Sentence], sentence_quotes: dict[int, list[Quote]],
                                claims: list[Claim]) -> Iterator[Claim]:
    """PERSON did something.  “QUOTE.”  A sentence that is only a quotation, with no attribution before or
    after it, right after a sentence (in its paragraph, or closing the one before) that opens with a named
    person and reports no claim of its own: the quotation is that person's.

    Read after every sentence has had its own rules, so that an attribution in the next sentence
    ("“QUOTE.” X said.") wins; the cue is empty, at the end of the person's name.
    """
    claimed = {c.sentence for c in claims}
    spans = sorted((c.start, c.end) for c in claims)
    claim_starts = [s for s, _ in spans]
    for previous, sentence in zip(sentences, sentences[1:]):
        quotes = sentence_quotes.get(sentence.index, ())
        if (sentence.index in claimed or previous.index in claimed or len(quotes) != 1
                or sentence.paragraph - previous.paragraph not in (0, 1)):
            continue
        quote = quotes[0]
        if _skip_space(text, sentence.start) != quote.start or _trim(text, quote.end, sentence.end)[1] > quote.end:
            continue  # more than the quotation in the sentence
        i = bisect.bisect_left(claim_starts, quote.end) - 1
        if i >= 0 and spans[i][1] > quote.start:
            continue  # inside a claim already (a quotation carried on from an earlier paragraph)
        if text[previous.start:previous.end].rstrip().endswith(":") or not _FIRST_PERSON.search(text, quote.start,
                                                                                                  quote.end):
            continue  # "X quotes Y:" introduces someone else; words in the first person are someone's own
        subject = _main_subject(text, previous, sentence_quotes.get(previous.index, ()), previous.end)
        if subject is None or subject.kind != "person" or subject.start != _skip_space(text, previous.start):
            continue
        start, end = _strip_marks(text, quote.start, quote.end)
        if end - start >= 2:
            yield Claim(start, end, text[start:end], "direct", "", subject.end, subject.end, subject, sentence.index,
                        "quote_after_speaker", 0.5, "speech")


def _continue_quotes(text: str, claims: list[Claim], sentences: list[Sentence], quotes: list[Quote]) -> list[Claim]:
    """Join a direct quote (or a paraphrase that ends in one) with the quoted sentences that carry it on, up to
    the next attribution.

    ``“We will win,” she said. “And we will govern.”`` is one claim; so is a quote left open at the end
    of its paragraph and taken up by the next paragraph's opening mark (news style for long quotes).
    The claim's span then runs over the attribution between the pieces, as a split quote's does.
    """
    if not claims:
        return claims
    quote_at = {q.start: q for q in quotes}
    quote_starts = [q.start for q in quotes]
    claimed = {c.sentence for c in claims}
    by_index = {s.index: n for n, s in enumerate(sentences)}
    out = []
    for claim in claims:
        n = by_index.get(claim.sentence)
        # the quote the claim ends in: quotes do not overlap, so only the last one opening before its end can
        i = bisect.bisect_left(quote_starts, claim.end) - 1
        last = quotes[i] if i >= 0 and claim.end <= quotes[i].end else None
        if claim.kind not in ("direct", "mixed") or n is None or last is None:
            out.append(claim)
            continue
        end, paragraph = claim.end, sentences[n].paragraph
        for following in sentences[n + 1 : n + 8]:
            q = quote_at.get(following.start)
            if following.index in claimed or q is None:
                break
            if following.paragraph != paragraph and (last.closed or following.paragraph != paragraph + 1):
                break  # a new paragraph carries the quote on only if the last piece was left open
            rest_start, rest_end = _trim(text, q.end, following.end)
            if rest_end > rest_start:
                break  # the sentence goes on after the quote: it has an attribution of its own or none
            end, last, paragraph = _strip_marks(text, q.start, q.end)[1], q, following.paragraph
        if end > claim.end:
            claim = replace(claim, end=end, text=text[claim.start:end], rule=claim.rule + "+continued")
        out.append(claim)
    return out


# what may follow "X said" that only attributes a quote: a comma (", looking out over the crowd") or an adjunct
_AFTER_ATTRIBUTION = re.compile(r"\s*(?:,|[.!?]|$|\s(?:on|in|at|after|before|during|while|when|as|to|with|from|of)\b)")


def _quote_then_cue(text: str, previous: Sentence, sentence: Sentence, previous_quotes: list[Quote],
                    claims: list[Claim]) -> Iterator[Claim]:
    """“QUOTE.” X said.  The quote is a sentence of its own and the next sentence only attributes it."""
    if not previous_quotes or previous.paragraph != sentence.paragraph:
        return
    quote = previous_quotes[0]
    if _skip_space(text, previous.start) != quote.start or _trim(text, quote.end, previous.end)[1] > quote.end:
        return
    if any(c.start < quote.end and quote.start < c.end for c in claims):
        return
    cue = _cue_pattern().search(text, sentence.start, sentence.end)
    if not cue:
        return
    cue_end = _extend_cue(text, cue, sentence.end)
    if _attribution_tail(text, sentence.start, cue_end, sentence.end) is None and not _AFTER_ATTRIBUTION.match(text, cue_end):
        return
    subject_end = _strip_middle(text, sentence.start, cue.start())
    if subject_end is None:
        return
    subject = read_mention(text, sentence.start, subject_end)
    if subject is None:
        return
    claim = _make_claim(text, quote.start, quote.end, "direct", (cue.start(), cue_end), subject, sentence,
                        "quote_then_cue", 0.75)
    if claim:
        yield claim
