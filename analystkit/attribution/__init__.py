"""Sentences -> claims: who said what, found by rules over reporting cues and quotes.

Each claim shape is a family: a function that looks at one sentence and yields
:class:`~analystkit.model.Claim` records, each naming the rule that found it. The families follow the
attribution structure of PARC (Pareti, 2016: source, cue, content) as used in news. They run in this
order on every sentence, and at most one claims any stretch of text (:data:`FAMILIES`):

* ``no_comment``      "The IDF did not respond to requests for comment."      (no_comment.py)
* ``according_to``    "..., according to X." / "According to X, ..."          (according_to.py)
* ``impersonal``      "It was announced that CONTENT."                        (impersonal.py)
* ``speaker_label``   "PENCE: We will ..."                                     (colon.py)
* ``dash_signature``  "“QUOTE.” ― NAME"                                        (signature.py)
* ``colon_quote``     "X is more blunt: “QUOTE.”"                              (colon.py)
* ``parenthetical_quote`` "... (“QUOTE,” one resident said) ..."                (parentheses.py)
* reporting verbs     trailing "CONTENT, X said.", inverted "CONTENT, said X.",  (verbs.py, trailing.py,
                      leading "X said (that) CONTENT", participle "..., saying"  leading.py)

A headline is read by ``headline_label`` and ``headline`` (headline.py) instead. Then, across sentences:
``quote_then_cue`` ("“QUOTE.” X said."), ``colon_paragraph`` ("X added:" then a paragraph),
``signed_below`` (a pull quote, then "— NAME" on a line of its own; signature.py), a quotation
alone after its speaker's sentence (``quote_after_speaker``), and quotes carried on into the following
sentences (continuation.py). Cues are in cues.py; the spans, adjuncts and subjects they share in spans.py
and subjects.py.

Rules degrade per sentence: a sentence no family can read yields nothing, and the rest of the article is
still read.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..model import Claim, Quote, Sentence
from ..segment import sentence_at
from .according_to import _according_to
from .colon import _colon_quote, _colon_then_paragraph, _speaker_label
from .continuation import _continue_quotes, _quote_then_cue, _quotes_after_their_speaker
from .headline import _headline, _headline_label
from .impersonal import _impersonal
from .no_comment import _NO_COMMENT_WORDS, _NO_COMMENT_WORDS_ANY_CASE, _no_comment
from .parentheses import _parenthetical_quote
from .signature import _dash_signature, _signed_below
from .spans import _COORDINATED, _content_kind, _inside_quote, _lowered, _trim
from .verbs import _cue_families

# The claim shapes read in every sentence, in order: a stretch of text claimed by one is not claimed again.
FAMILIES = (_no_comment, _according_to, _impersonal, _speaker_label, _dash_signature, _colon_quote, _parenthetical_quote,
            _cue_families)
# ... and in a headline (title case: "Mayor Says Bridge Will Reopen")
HEADLINE_FAMILIES = (_headline_label, _headline)


def find_claims(text: str, sentences: list[Sentence], quotes: list[Quote],
                headlines: frozenset[int] = frozenset()) -> list[Claim]:
    """All claims of an article, in text order; at most one family claims any stretch of text.

    Sentences of the paragraphs in ``headlines`` are read in title case ("Mayor Says Bridge Will Reopen").
    """
    claims: list[Claim] = []
    sentence_quotes = _quotes_by_sentence(sentences, quotes)
    hinted = _hinted_sentences(text, sentences)
    previous: Sentence | None = None
    for n, sentence in enumerate(sentences):
        found = _Disjoint()
        cues_read: set[int] = set()
        families = HEADLINE_FAMILIES if sentence.paragraph in headlines else FAMILIES
        if n == 0 and sentence.paragraph not in headlines and _stands_alone(text, sentences):
            families = (_headline_label, *families)  # a headline in sentence case: "Lynch: No outside influence"
        for family in families:
            if family in hinted and sentence.index not in hinted[family]:
                continue  # the sentence lacks a word the family needs
            for claim in family(text, sentence, sentence_quotes.get(sentence.index, ())):
                if claim.cue_end > claim.cue_start and claim.cue_start in cues_read:
                    continue  # a cue another family has read ("(“...,” she said) and ..."): not read again
                clashes = found.overlapping(claim)
                if not clashes:
                    found.add(claim)
                elif len(clashes) == 1 and (earlier := _cut_before(text, found[clashes[0]], claim, sentence_quotes.get(
                        sentence.index, ()))) is not None:
                    found[clashes[0]] = earlier
                    found.add(claim)
                else:
                    continue
                cues_read.add(claim.cue_start)
        found = found.claims
        if not found and previous is not None:
            found.extend(_quote_then_cue(text, previous, sentence, sentence_quotes.get(previous.index, ()), claims))
        if not found and n + 1 < len(sentences):
            found.extend(_colon_then_paragraph(text, sentence, sentences, n + 1,
                                               sentence_quotes.get(sentence.index, ())))
        if not found and n + 1 < len(sentences) and sentences[n + 1].paragraph != sentence.paragraph:
            found.extend(_signed_below(text, sentences, n, claims))
        claims.extend(found)
        previous = sentence
    claims.extend(_quotes_after_their_speaker(text, sentences, sentence_quotes, claims))
    return _continue_quotes(text, sorted(claims, key=lambda c: c.start), sentences, quotes)


def _stands_alone(text: str, sentences: list[Sentence]) -> bool:
    """Whether the first sentence is a short paragraph of its own, as a headline is (a stop may close it when
    a title is pasted as a sentence)."""
    first = sentences[0]
    if len(sentences) > 1 and sentences[1].paragraph == first.paragraph:
        return False
    return first.end - first.start < 160


def _hinted_sentences(text: str, sentences: list[Sentence]) -> dict:
    """Family -> the sentences that hold a word it needs ("according to", a colon, a dash, "declined").

    The words are found once in the whole article with ``str.find`` (fast) instead of being looked for in
    every sentence; a family is then tried only on the sentences that hold one.
    """
    lowered = _lowered(text)
    if lowered is not None:
        no_comment = _sentences_holding(lowered, sentences, _NO_COMMENT_WORDS)
        no_comment |= _sentences_holding(lowered, sentences, ("not",), word_end=True)  # not "another"
    else:  # lowering changed the length (rare letters): look sentence by sentence
        no_comment = {s.index for s in sentences if _NO_COMMENT_WORDS_ANY_CASE.search(text, s.start, s.end)}
    colons = _sentences_holding(text, sentences, (":",))
    return {
        _no_comment: no_comment,
        _according_to: _sentences_holding(text, sentences, ("ccording to",)),
        _impersonal: _sentences_holding(text, sentences, ("it is ", "it was ", "It is ", "It was ", "it has been ",
                                                          "It has been ", "it had been ", "It had been ")),
        _speaker_label: colons,
        _dash_signature: _sentences_holding(text, sentences, tuple("―—–")),
        _colon_quote: colons,
        _parenthetical_quote: _sentences_holding(text, sentences, ("(",)),
    }


def _sentences_holding(text: str, sentences: list[Sentence], needles: tuple[str, ...], word_end: bool = False
                       ) -> set[int]:
    """Indices of the sentences (in text order) in which one of ``needles`` occurs; with ``word_end``, only
    where a word ends with it."""
    starts = [s.start for s in sentences]
    found: set[int] = set()
    for needle in needles:
        i = text.find(needle)
        while i >= 0:
            after = i + len(needle)
            sentence = sentence_at(sentences, starts, i)
            if sentence is not None and after <= sentence.end and not (
                    word_end and after < sentence.end and (text[after].isalnum() or text[after] == "_")):
                found.add(sentence.index)
                i = text.find(needle, sentence.end)  # the sentence is found: go on after it
            else:
                i = text.find(needle, i + 1)
    return found


_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|whom|whose)\b")

_BETWEEN_REPORTS = re.compile(r"\s*(?:,|;|—|–)\s*(?:and|but|while|whereas)?\s*$")


def _cut_before(text: str, earlier: Claim, later: Claim, quotes: list[Quote]) -> Claim | None:
    """The earlier claim ended before a second report in its content, or None if ``later`` is no such report.

    "Nearly a third say they don't know, and one in five say it's not an improvement": the second
    subject and cue open a report of their own, set off by a comma and a conjunction, so the first
    claim stops before it. A report nested in the content without that break ("Officials said voters
    say they want change") is left inside it.
    """
    if later.mention is None or later.cue_end > later.start:
        return None  # only a report whose content follows its cue
    if earlier.cue_end <= earlier.start < later.mention.start < earlier.end:
        # the separator ends where the second subject begins: look only at the stretch before it (a search
        # from the claim's start would cost the claim's length for every report nested in it)
        separator = _BETWEEN_REPORTS.search(text, max(earlier.start, later.mention.start - 40), later.mention.start)
    elif later.mention.start == earlier.mention.start and earlier.start < later.cue_start < earlier.end:
        # "Clinton says she respects him but argues that he ...": the same subject, a second cue coordinated
        separator = _COORDINATED.search(text, max(earlier.start, later.cue_start - 20), later.cue_start)
        if separator is not None and _RELATIVE_CLAUSE.search(text, earlier.start, separator.start()):
            return None  # "the plan, which critics called reckless and argued ...": the relative clause's own cues
    else:
        return None
    if separator is None or _inside_quote(quotes, separator.start()):
        return None
    start, end = _trim(text, earlier.start, separator.start())
    if end - start < 3:
        return None
    kind = earlier.kind if earlier.kind == "no_comment" else _content_kind(text, start, end, quotes, False)
    return replace(earlier, start=start, end=end, text=text[start:end], kind=kind)


def _quotes_by_sentence(sentences: list[Sentence], quotes: list[Quote]) -> dict[int, list[Quote]]:
    """Sentence index -> the quotes that open in it, in text order (only sentences that have one)."""
    starts = [s.start for s in sentences]
    by_sentence: dict[int, list[Quote]] = {}
    for q in quotes:
        sentence = sentence_at(sentences, starts, q.start)
        if sentence is not None:
            by_sentence.setdefault(sentence.index, []).append(q)
    return by_sentence


class _Disjoint:
    """A sentence's claims so far, which never overlap, in text order: a new claim finds the ones it would
    overlap by bisection, not by comparing it with each (a sentence may hold thousands of cues)."""

    def __init__(self) -> None:
        self.claims: list[Claim] = []

    def overlapping(self, claim: Claim) -> range:
        """Positions of the claims that overlap ``claim`` (they are consecutive: starts and ends both ascend)."""
        first = bisect.bisect_right(self.claims, claim.start, key=lambda c: c.end)
        return range(first, bisect.bisect_left(self.claims, claim.end, key=lambda c: c.start))

    def add(self, claim: Claim) -> None:
        bisect.insort(self.claims, claim, key=lambda c: c.start)

    def __getitem__(self, i: int) -> Claim:
        return self.claims[i]

    def __setitem__(self, i: int, claim: Claim) -> None:
        self.claims[i] = claim  # a claim cut short keeps its place
