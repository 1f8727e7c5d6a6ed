"""Sentences -> claims: who said what, found by rules over reporting cues and quotes.

Each pattern family is one function that looks at one sentence and yields
:class:`~analystkit.model.Claim` records; a claim names the rule that found it.
The families follow the attribution structure of PARC (Pareti, 2016: source,
cue, content) as used in news:

* ``no_comment``   "The IDF did not respond to requests for comment."
* ``according_to`` "..., according to X." / "According to X, ..."
* ``trailing``     "CONTENT, X said." / "“QUOTE,” he said." / "“Q1,” he said, “Q2.”"
* ``inverted``     "CONTENT, said X."
* ``leading``      "X said (that) CONTENT." / "X told Reuters CONTENT" / "X said: “QUOTE”"
* ``quote_then_cue`` "“QUOTE.” X said." (the attribution in a sentence of its own)

Rules degrade per sentence: a sentence no family can read yields nothing, and
the rest of the article is still read.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from . import lexicons
from .model import Claim, Mention, Quote, Sentence
from .segment import sentence_at
from .sources import read_mention, read_named_source

_QUOTE_MARKS = "\"“”«»"
_MIDDLE = (
    r"(?:also|recently|previously|later|earlier|then|repeatedly|publicly|privately|separately|further|again|"
    r"once|already|often|frequently|initially|first|has|have|had|had also|has also|have also|would|will|"
    r"reportedly|quickly|immediately|simply|only|just|flatly|loudly|firmly|clearly|bluntly|"
    r"on [A-Z][a-z]+day|last week|this week|yesterday|today|just|(?:earlier |later )?(?:this|last|that|next) "
    r"(?:week|month|year|spring|summer|fall|autumn|winter)|"
    r"is|are|was|were|did|does|do|not|never|still|even|long|now|too|could|can|may|might|should|must|been|"
    # "have for years been saying that", "has for months argued": how long, between auxiliary and verb
    r"for (?:years|months|weeks|days|decades|some time|a long time|a while)|"
    r"[a-z]+ly|[a-z]+n['’]t|(?:seems?|seemed|appears?|appeared|continues?|continued|went on|goes on|began|"
    r"begins?|tried|tries|tends?|tended)\s+to)"
)
_ADJUNCT_PREPOSITIONS = r"(?:in|on|at|during|via|through|to|after|before|from|with|by|while|when|of)\b"
_ADJUNCT = (
    rf"(?:\s*,?\s*{_ADJUNCT_PREPOSITIONS}[^,.;:\"“”]{{0,80}}?"
    r"|\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|last week|"
    r"this week|earlier|later)\b[^,.;:\"“”]{0,40}?)"
)
_TOLD_OBJECT = re.compile(
    r"\s+(?:(?:the\s+|a\s+)?[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,3}|reporters|journalists|lawmakers|"
    r"him|her|them|us|me|the\s+(?:newspaper|paper|outlet|network|station|agency|committee|court|audience|crowd|"
    r"broadcaster)|a\s+(?:news\s+conference|press\s+conference|briefing|reporter|crowd|rally))"
)


@dataclass(frozen=True)
class Cue:
    """One written form of a reporting cue, as ``cues.tsv`` describes it."""

    lemma: str
    type: str  # speech / thought / intention / evidence / stance
    weak: bool  # reports only before a that-clause, colon, quote or wh-word, or at the sentence end
    infinitive: bool  # may report a to-clause ("vowed to fight on")
    quoted: bool = False  # reports only content that holds a quotation ("called him a “liar”")
    inverts: bool = False  # may come before its subject ("..., said the minister")


@lexicons.cached
def _cues() -> dict[str, Cue]:
    """Every written form of a reporting cue ("called for", "says") -> what it is."""
    cues = {}
    for row in lexicons.rows("cues.tsv"):
        lemma, written, cue_type = row[0], row[1], (row[2] if len(row) > 2 else "speech")
        flags = row[3].split() if len(row) > 3 else []
        if cue_type == "weak":  # the older two-kind format: "speech" or "weak"
            cue_type, flags = "speech", [*flags, "weak"]
        for form in written.split():
            cues[form.replace("_", " ")] = Cue(lemma, cue_type, "weak" in flags, "infinitive" in flags,
                                               "quoted" in flags, "inverts" in flags)
    return cues


@lexicons.cached
def _cue_pattern() -> re.Pattern:
    return re.compile(r"(?<![\w-])" + lexicons.word_pattern(list(_cues())) + r"(?![\w-])")


@lexicons.cached(maxsize=4096)
def _cue_of(written: str) -> Cue:
    cues, phrase = _cues(), " ".join(written.split())
    return (cues.get(phrase) or cues.get(phrase.split()[0]) or cues.get(phrase.lower())
            or cues.get(phrase.split()[0].lower()) or Cue(written, "speech", False, False))


@lexicons.cached
def _no_comment_pattern() -> re.Pattern:
    # each phrase starts a word; the boundary lets the scan skip the middle of words at once
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in lexicons.entries("no_comment.txt")) + ")", re.I)


@lexicons.cached
def _lowercase_no_comment_pattern() -> re.Pattern | None:
    """The same pattern without ``re.I``, for lowered text (three times quicker); only when the phrases are
    written in lower case, as they should be (an upper-case escape such as ``\\S`` must not be lowered)."""
    source = _no_comment_pattern().pattern
    return re.compile(source) if source == source.lower() else None


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
        families = (_headline_label, _headline) if sentence.paragraph in headlines else (
            _no_comment, _according_to, _impersonal, _speaker_label, _dash_signature, _colon_quote, _cue_families)
        if n == 0 and sentence.paragraph not in headlines and _stands_alone(text, sentences):
            families = (_headline_label, *families)  # a headline in sentence case: "Lynch: No outside influence"
        for family in families:
            if family in hinted and sentence.index not in hinted[family]:
                continue  # the sentence lacks a word the family needs
            for claim in family(text, sentence, sentence_quotes.get(sentence.index, ())):
                clashes = found.overlapping(claim)
                if not clashes:
                    found.add(claim)
                elif len(clashes) == 1 and (earlier := _cut_before(text, found[clashes[0]], claim, sentence_quotes.get(
                        sentence.index, ()))) is not None:
                    found[clashes[0]] = earlier
                    found.add(claim)
        found = found.claims
        if not found and previous is not None:
            found.extend(_quote_then_cue(text, previous, sentence, sentence_quotes.get(previous.index, ()), claims))
        if not found and n + 1 < len(sentences):
            found.extend(_colon_then_paragraph(text, sentence, sentences, n + 1,
                                               sentence_quotes.get(sentence.index, ())))
        claims.extend(found)
        previous = sentence
    claims.extend(_quotes_after_their_speaker(text, sentences, sentence_quotes, claims))
    return _continue_quotes(text, sorted(claims, key=lambda c: c.start), sentences, quotes)


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
    return {
        _no_comment: no_comment,
        _according_to: _sentences_holding(text, sentences, ("ccording to",)),
        _impersonal: _sentences_holding(text, sentences, ("it is ", "it was ", "It is ", "It was ", "it has been ",
                                                          "It has been ", "it had been ", "It had been ")),
        _speaker_label: _sentences_holding(text, sentences, (":",)),
        _dash_signature: _sentences_holding(text, sentences, tuple("―—–")),
        _colon_quote: _sentences_holding(text, sentences, (":",)),
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


_BETWEEN_REPORTS = re.compile(r"\s*(?:,|;|—|–)\s*(?:and|but|while|whereas)?\s*$")


def _cut_before(text: str, earlier: Claim, later: Claim, quotes: list[Quote]) -> Claim | None:
    """The earlier claim ended before a second report in its content, or None if ``later`` is no such report.

    "Nearly a third say they don't know, and one in five say it's not an improvement": the second
    subject and cue open a report of their own, set off by a comma and a conjunction, so the first
    claim stops before it. A report nested in the content without that break ("Officials said voters
    say they want change") is left inside it.
    """
    if later.mention is None or not (earlier.cue_end <= earlier.start < later.mention.start < earlier.end):
        return None
    if later.cue_end > later.start:
        return None  # only a report whose content follows its cue
    # the separator ends where the second subject begins: look only at the stretch before it (a search
    # from the claim's start would cost the claim's length for every report nested in it)
    separator = _BETWEEN_REPORTS.search(text, max(earlier.start, later.mention.start - 40), later.mention.start)
    if separator is None or any(q.start < separator.start() < q.end for q in quotes):
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


# ---------------------------------------------------------------- helpers


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past spaces, commas and the sentence's final punctuation."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
        end -= 1
    return start, end


def _strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """The inside of a quotation: drop the marks and the trailing comma or stop before the closing mark."""
    if start < end and text[start] in _QUOTE_MARKS:
        start += 1
    if end > start and text[end - 1] in _QUOTE_MARKS:
        end -= 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",."):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _content_kind(text: str, start: int, end: int, quotes: list[Quote], introduced_by_that: bool) -> str:
    inside = [q for q in quotes if start <= q.start and q.end <= end + 1]
    if not inside:
        return "indirect"
    whole = len(inside) == 1 and inside[0].start <= start and inside[0].end >= end
    return "direct" if whole and not introduced_by_that else "mixed"


def _make_claim(text: str, start: int, end: int, kind: str, cue: tuple[int, int], mention: Mention,
                sentence: Sentence, rule: str, confidence: float) -> Claim | None:
    if kind == "direct":
        start, end = _strip_marks(text, start, end)
    if end - start < 2:
        return None
    cue_start, cue_end = cue
    if kind == "indirect" and rule not in ("no_comment", "according_to") and _cue_of(text[cue_start:cue_end]).quoted:
        return None  # "a group called Moms for Safety": "called" reports only a quotation
    cue_type = "speech" if kind == "no_comment" or rule == "according_to" else _cue_of(text[cue_start:cue_end]).type
    return Claim(start, end, text[start:end], kind, text[cue_start:cue_end], cue_start, cue_end,
                 mention, sentence.index, rule, confidence, cue_type)


def _quote_at(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The quote that makes up ``[start, end)`` (allowing a comma or stop just outside it)."""
    for q in quotes:
        if abs(q.start - start) <= 1 and q.end >= end - 2 and q.end <= end + 1:
            return q
    return None


# ---------------------------------------------------------------- families


def _no_comment(text: str, sentence: Sentence, quotes: list[Quote]) -> Iterator[Claim]:
    lowered = _lowered(text)
    lowercase_pattern = _lowercase_no_comment_pattern()
    if lowered is not None and lowercase_pattern is not None:
        phrases = lowercase_pattern.finditer(lowered, sentence.start, sentence.end)
    else:
        phrases = _no_comment_pattern().finditer(text, sentence.start, sentence.end)
    for m in phrases:
        mention = read_mention(text, sentence.start, m.start())
        if mention is None and (coordinated := _COORDINATED.search(text, max(sentence.start, m.start() - 40),
                                                                     m.start())):
            # '"We take it seriously," she said, but refused to give details': the subject of the first verb
            mention = _main_subject(text, sentence, quotes, coordinated.start())
        if mention is None:
            continue
        claim = _make_claim(text, m.start(), m.end(), "no_comment", (m.start(), m.end()), mention,
                            sentence, "no_comment", 0.9)
        if claim:
            yield claim
        return


# every non-response phrase holds one of these words, or "not" ending a word; most sentences hold none
_NO_COMMENT_WORDS = ("n't", "declined", "refused", "had no")
_NO_COMMENT_WORDS_ANY_CASE = re.compile("|".join([r"not\b", *map(re.escape, _NO_COMMENT_WORDS)]), re.I)


@lru_cache(maxsize=2)
def _lowered(text: str) -> str | None:
    """The article in lower case, with the same offsets (None in the rare case that lowering changes its
    length). Scanning it with a case-sensitive pattern is several times quicker than using ``re.I``."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")


def _according_to(text: str, sentence: Sentence, quotes: list[Quote]) -> Iterator[Claim]:
    m = _ACCORDING.search(text, sentence.start, sentence.end)
    if not m:
        return
    source_end = _next_break(text, m.end(), sentence.end)
    mention = read_named_source(text, m.end(), source_end)
    if mention is None:
        return
    if m.start() == _skip_space(text, sentence.start):  # "According to X, CONTENT."
        start, end = _trim(text, source_end, sentence.end)
    elif _trim(text, source_end, sentence.end)[1] - source_end > 12 and text[source_end:source_end + 1] == ",":
        # "The implication, according to the aide, is that ...": the content runs around the attribution
        start, end = _trim(text, sentence.start, sentence.end)
    else:  # "CONTENT, according to X."
        start, end = _trim(text, sentence.start, m.start())
    kind = _content_kind(text, start, end, quotes, introduced_by_that=False)
    if kind == "direct":
        kind = "mixed"
    claim = _make_claim(text, start, end, kind, (m.start(), m.end() - 1), mention, sentence, "according_to", 0.8)
    if claim:
        yield claim


# "It was announced that ...", "..., it was reported on Monday.": a report whose source the writer leaves out
_IMPERSONAL_VERBS = (r"(?:announced|reported|said|confirmed|revealed|claimed|alleged|believed|thought|understood|"
                     r"feared|rumou?red|estimated|argued|suggested|noted|disclosed|learned|known)")
_IT_IS = r"[Ii]t\s+(?:is|was|has\s+been|had\s+been)\s+(?:(?:also|now|widely|generally|later|previously|already|often)\s+)*"
_IMPERSONAL_LEADING = re.compile(
    rf"\b{_IT_IS}(?P<cue>{_IMPERSONAL_VERBS})\b(?:[^,.;:\"“”]{{0,40}}?)\s*,?\s*that\s+")
_IMPERSONAL_TRAILING = re.compile(rf",\s*{_IT_IS}(?P<cue>{_IMPERSONAL_VERBS})\b")


def _impersonal(text: str, sentence: Sentence, quotes: list[Quote]) -> Iterator[Claim]:
    """It was announced that CONTENT.  /  CONTENT, it was reported.  A claim with no source: the writer
    reports that something was said without saying who said it."""
    m = _IMPERSONAL_LEADING.search(text, sentence.start, sentence.end)
    if m and not any(q.start < m.start() < q.end for q in quotes):
        start, end = _trim(text, m.end(), _content_end(text, sentence, m.end(), quotes))
        rule = "impersonal"
    else:
        m = _IMPERSONAL_TRAILING.search(text, sentence.start, sentence.end)
        if not m or any(q.start < m.start() < q.end for q in quotes) or _attribution_tail(
                text, sentence.start, m.end(), sentence.end) is None:
            return
        start, end = _trim(text, sentence.start, m.start())
        rule = "impersonal"
    kind = _content_kind(text, start, end, quotes, introduced_by_that=False)
    kind = "mixed" if kind == "direct" else kind
    claim = _make_claim(text, start, end, kind, (m.start("cue"), m.end("cue")), None, sentence, rule, 0.7)
    if claim:
        yield claim


_LABEL = re.compile(r"[\"“]?(?P<speaker>[A-Z][A-Za-z.’' -]{1,60}?)\s*:\s+(?=\S)")


def _speaker_label(text: str, sentence: Sentence, quotes: list[Quote]) -> Iterator[Claim]:
    """SPEAKER: WORDS.  A transcript's speaker label ("PENCE: We will ...") or a name before a colon and a
    quotation ("Loretta Lynch: ‘Be the voice people hear.’"). The label must open the sentence."""
    m = _LABEL.match(text, sentence.start, sentence.end)
    if not m:
        return
    speaker = m["speaker"]
    after = m.end()
    transcript = speaker.isupper() and len(speaker.replace(" ", "")) >= 2
    if not transcript and (text[after] not in "“\"‘'" or len(speaker.split()) > 5
                           or _cue_pattern().search(speaker)):
        return  # "X told GB News: “...”" is a leading attribution, read by the cue families
    mention = read_mention(text, m.start("speaker"), m.end("speaker"))
    if mention is None or mention.kind not in ("person", "organization", *(("anonymous",) if transcript else ())):
        return  # a transcript labels speakers by role too ("HOST:", "MODERATOR:")
    start, end = _trim(text, after, sentence.end)
    if not transcript:
        if text[start] in "‘'" and text[end - 1] in "’'":
            start, end = _trim(text, start + 1, end - 1)
        start, end = _strip_marks(text, start, end)
    claim = _make_claim(text, start, end, "direct", (m.end("speaker"), m.end("speaker") + 1), mention, sentence,
                        "speaker_label", 0.7)
    if claim:
        yield claim


# how a colon-led report characterises what follows: "is more blunt:", "put it simply:", "had a message:"
_COLON_PREDICATE = re.compile(
    r"(?:\s+(?:is|was|are|were|has been|had been|sounded|seemed|remains|remained)\s+(?:(?:more|less|even|far|much|"
    r"just as|equally|very|quite|rather|a bit|a little|most|characteristically|typically)\s+)*"
    r"(?:blunt|blunter|direct|succinct|candid|emphatic|clear|clearer|frank|plain|terse|philosophical|optimistic|"
    r"pessimistic|skeptical|sceptical|hopeful|defiant|confident|adamant|unequivocal|unapologetic|matter-of-fact|"
    r"resigned|upbeat|cautious|circumspect|diplomatic|succinct|brief|straightforward|forthright|categorical)"
    r"(?:\s+(?:about it|on that|on the point|still|than that))?"
    r"|\s+(?:put|puts|putting)\s+it\s+(?:this way|simply|bluntly|plainly|another way|more bluntly|succinctly|best)"
    r"|\s+(?:had|has|have)\s+(?:a|one|this|the same)\s+(?:simple\s+|short\s+|blunt\s+|clear\s+)?"
    r"(?:message|answer|reply|response|warning|advice|verdict|explanation)(?:\s+for\s+[\w .’'-]{1,40}?)?)"
    r"\s*:\s*(?=[“\"])")


def _colon_quote(text: str, sentence: Sentence, quotes: list[Quote]) -> Iterator[Claim]:
    """X, a nurse in Halifax, is more blunt: “QUOTE.”  /  X put it simply: “QUOTE.”  A sentence that says
    how its subject speaks, then a colon and the quotation."""
    quote = next((q for q in quotes if q.start > sentence.start and text[q.start - 1:q.start].isspace()
                  and text.rfind(":", sentence.start, q.start) >= 0), None)
    if quote is None:
        return
    colon = text.rindex(":", sentence.start, quote.start)
    predicate = None
    for predicate in _COLON_PREDICATE.finditer(text, sentence.start, quote.start + 1):  # + 1: the lookahead sees the mark
        pass
    if predicate is None or predicate.end() != quote.start:
        return
    subject = read_mention(text, sentence.start, predicate.start())
    if subject is None:
        return
    start, end = _strip_marks(text, quote.start, quote.end)
    claim = _make_claim(text, start, end, "direct", (predicate.start() + 1, colon + 1), subject, sentence,
                        "colon_quote", 0.75)
    if claim:
        yield claim


_SIGNATURE = re.compile(
    r"(?P<close>[”\"])\s*(?P<dash>[―—–])\s*(?P<name>[A-Z][^\n―—–”\"“]{1,60}?)[.\s]*(?=[“\"”]|$)")


def _dash_signature(text: str, sentence: Sentence, quotes: list[Quote]) -> Iterator[Claim]:
    """“QUOTE.” ― NAME.  A quotation signed with a dash, as in readers' comments and epigraphs;
    several may follow one another in a paragraph."""
    begin = _skip_space(text, sentence.start)
    for m in _SIGNATURE.finditer(text, sentence.start, sentence.end):
        if text[begin] in "“\"”":
            mention = read_mention(text, m.start("name"), m.end("name"))
            start, end = _strip_marks(text, begin, m.end("close"))
            if mention is not None:
                claim = _make_claim(text, start, end, "direct", (m.start("dash"), m.end("dash")), mention,
                                    sentence, "dash_signature", 0.8)
                if claim:
                    yield claim
        begin = _skip_space(text, m.end())


def _next_break(text: str, start: int, end: int) -> int:
    for i in range(start, end):
        if text[i] in ",;:":
            return i
    return end


def _char_before(text: str, i: int) -> str:
    """The last character before offset ``i`` that is not a space ("" at the start)."""
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return text[i - 1] if i > 0 else ""


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


_TO_VERB = re.compile(r"\s+(?:not\s+)?to\s+[a-z]")


@lexicons.cached
def _title_case_cue_pattern() -> re.Pattern:
    return re.compile(r"(?<![\w-])" + lexicons.word_pattern(list(_cues())) + r"(?![\w-])", re.I)


# "Rubio: ...", "EXCLUSIVE – Roger Stone: ...", "Clinton to Planned Parenthood: ..." opening a headline
_HEADLINE_LABEL = re.compile(
    r"(?:[A-Z]{3,}\s*[-–—]\s*)?(?P<speaker>[A-Z][\w.’'&-]*(?:\s+[A-Za-z][\w.’'&-]*){0,5}?)"
    r"(?:\s+to\s+[A-Z][^:]{0,40})?\s*:\s+(?=\S)")
# words a title-case headline capitalises that no speaker's name holds ("Stealth Over Health: ...")
_NOT_IN_SPEAKER = frozenset(
    "over in on at for with from by to into about after before the a an and or but is are was were be will "
    "would can could says said".split())


@lexicons.cached
def _headline_kickers() -> frozenset[str]:
    return frozenset(lexicons.entries("headline_labels.txt"))


def _headline_label(text: str, sentence: Sentence, quotes: list[Quote]) -> Iterator[Claim]:
    """NAME: WORDS.  A headline that names a speaker, then what they said: "Rubio: I Still Believe ..."."""
    m = _HEADLINE_LABEL.match(text, sentence.start, sentence.end)
    if not m or any(w.lower() in _NOT_IN_SPEAKER for w in m["speaker"].split()[1:]):
        return
    if m["speaker"].lower() in _headline_kickers():
        return  # "Breaking News: ...", "Analysis: ...": a kind of story, not a speaker
    mention = read_mention(text, m.start("speaker"), m.end("speaker"))
    if mention is None or mention.kind not in ("person", "organization", "document"):
        return
    if mention.kind == "document" and mention.text.split()[0].lower() in ("a", "an", "the"):
        return  # "Poll: ...", "Report: ..." name a document that speaks; "A Curious Plan: ..." is a title
    start, end = _trim(text, m.end(), sentence.end)
    if end - start < 3:
        return
    if _quote_at(quotes, start, end) is not None:
        start, end = _strip_marks(text, start, end)
    kind = _content_kind(text, start, end, quotes, introduced_by_that=False)
    colon = text.index(":", m.end("speaker"), m.end())
    claim = _make_claim(text, start, end, kind, (colon, colon + 1), mention, sentence, "headline_label", 0.6)
    if claim:
        yield claim


def _headline(text: str, sentence: Sentence, quotes: list[Quote]) -> Iterator[Claim]:
    """A headline's attribution, its cue in title case: "Clinton Hid Health Problems, Former Doctor Says"."""
    for claim in _cue_families(text, sentence, quotes, _title_case_cue_pattern()):
        if not _VERB_ONLY.fullmatch(claim.cue.split()[0].lower()):
            continue  # "A Curious Plan", "Senate Report": title-case nouns, not cues
        yield replace(claim, rule="headline_" + claim.rule, confidence=round(claim.confidence - 0.1, 2))


def _cue_families(text: str, sentence: Sentence, quotes: list[Quote], pattern: re.Pattern | None = None
                  ) -> Iterator[Claim]:
    """Claims anchored on a reporting verb: trailing, inverted and leading attributions.

    An attribution that closes the sentence ("..., three officials told Reuters.") is read first: it is
    the outer one, and a cue inside its content ("The administration proposed ...") is not.
    """
    inside_quote = lambda i: any(q.start < i < q.end for q in quotes)  # noqa: E731
    cues = []
    for cue in (pattern or _cue_pattern()).finditer(text, sentence.start, sentence.end):
        if inside_quote(cue.start()) or not _is_verb(text, cue):
            continue
        cue_end = _extend_cue(text, cue, sentence.end)
        cues.append((cue.start(), cue_end, _attribution_tail(text, sentence.start, cue_end, sentence.end)))
    taken = set()
    for rules in ((_as_clause, _trailing, _inverted, _parenthetical), (_leading,)):
        for cue_start, cue_end, rest_end in cues:
            if rest_end is not None and _cue_of(text[cue_start:cue_end]).infinitive and _TO_VERB.match(text, cue_end):
                rest_end = None  # "wants to preserve its policy": the to-clause is content, not an adjunct
            if cue_start in taken:
                continue
            for rule in rules:
                claim = rule(text, sentence, quotes, cue_start, cue_end, rest_end)
                if claim is not None:
                    taken.add(cue_start)
                    yield claim
                    break


# words after which a cue form is a noun ("the report", "a claim", "its plans", "2016 polls")
_NOUN_BEFORE = frozenset(
    "the a an this that these those its his her their our my your new latest of in at for from by with per many "
    "several some all both other no every each greatest biggest worst such".split())
_CONTRACTED = frozenset("he she it who that there what".split())  # "He’s claiming": has/is, then a verb


def _after_determiner(text: str, i: int) -> bool:
    """Whether the word before offset ``i`` (within 20 characters) makes a cue form there a noun: a
    determiner or preposition, a number, or a possessive ("the Pentagon’s report"; not "He’s claiming")."""
    lo = max(0, i - 20)
    j = i
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j == i:
        return False
    if j - 2 >= lo and text[j - 1] in "sS" and text[j - 2] in "'’":
        return _word_ending(text, lo, j - 2).lower() not in _CONTRACTED
    word = _word_ending(text, lo, j)
    if word.isdecimal() and text.endswith(" in ", lo, j - len(word)):
        return False  # "4 in 10 say": a share of people, then its verb
    return bool(word) and (word.lower() in _NOUN_BEFORE or word.isdecimal())


def _word_ending(text: str, lo: int, j: int) -> str:
    """The run of word characters that ends at ``j`` (not before ``lo``)."""
    k = j
    while k > lo and (text[k - 1].isalnum() or text[k - 1] == "_"):
        k -= 1
    return text[k:j]


def _is_verb(text: str, cue: re.Match) -> bool:
    """Whether a cue form is used as a verb here: not "the report", "a claim", not "continued to attack"."""
    if _after_determiner(text, cue.start()):
        return False
    if _TO_BEFORE.search(text, max(0, cue.start() - 4), cue.start()):
        return False  # "needs to tell more jokes": the verb of an infinitive, not a report
    if _PARTICLE_AFTER.match(text, cue.end(), cue.end() + 6):
        return False  # "showed up", "called off": a phrasal verb
    if _cue_of(cue.group()).infinitive:
        return True
    return not _TO_CLAUSE_AFTER.match(text, cue.end(), cue.end() + 40)


_TO_BEFORE = re.compile(r"\bto\s+$")
_PARTICLE_AFTER = re.compile(r"\s+(?:up|off|down|away)\b")
# "continued to attack": a to-infinitive after the cue form; not "said to reporters", "said to applause."
_TO_CLAUSE_AFTER = re.compile(
    r"\s+to\s+(?!the\b|a\b|an\b|[A-Z]|reporters|journalists|him|her|them|us|me|applause|cheers|laughter|boos|"
    r"jeers|supporters|voters|members|students|lawmakers|delegates|donors|[a-z]+[,.;!?]|[a-z]+\s+(?:from|at|in|on)\b)")


_THAT = re.compile(r"\s+that\b")
_ADDRESSEE_THAT = re.compile(r"(\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?[\w.’'-]+(?:\s+[\w.’'-]+){0,3}?)\s+that\b")


def _extend_cue(text: str, cue: re.Match, limit: int) -> int:
    """Take "told Reuters" as one cue: a told/asked cue includes its addressee."""
    if cue.group() in ("told", "tells", "tell", "telling", "warned", "warns", "assured", "reminded", "informed"):
        addressee = _ADDRESSEE_THAT.match(text, cue.end(), limit)  # "told police officials that ..."
        if addressee:
            return addressee.end(1)
    if cue.group() in ("told", "tells", "tell", "telling"):
        obj = _TOLD_OBJECT.match(text, cue.end(), limit)
        if obj and not _THAT.match(text, cue.end(), obj.end()):
            end = obj.end()
            if text[end - 1] == "." and text[end - 2].islower():
                end -= 1  # "told Reuters." - the stop ends the sentence, not the name
            return end
    return cue.end()


def _attribution_tail(text: str, sentence_start: int, cue_end: int, sentence_end: int) -> int | None:
    """If only adjuncts and final punctuation follow the cue, where the sentence content ends; else None.

    ``"..., a senior Israeli official said."`` and ``"..., he said in a statement on Monday."`` qualify, and
    so does ``"..., he said, wiping his face."``: a participle clause after a comma is the speaker's act (or
    a report of its own, "adding that ..."), not the content of this cue.
    """
    participles = _participles(text, sentence_start, sentence_end)
    i = bisect.bisect_left(participles, cue_end)
    participle = participles[i] if i < len(participles) else None
    if participle is not None and participle - cue_end > _ADJUNCT_REACH:
        return None  # at least as far to the next clause: more than adjuncts follows the cue
    if participle is not None and not _NOT_IN_ADJUNCT.search(text, cue_end, participle):
        sentence_end = participle
    if _SENTENCE_CLOSE.match(text, cue_end, sentence_end):
        return cue_end
    if not _ADJUNCT_OPENING.match(text, cue_end, sentence_end):
        return None  # what follows opens no adjunct (most often it is the content: "said that ...")
    # The full pattern backtracks through every way of cutting a long tail into adjuncts (milliseconds
    # for one sentence), so first rule out tails that cannot be adjuncts: an adjunct holds no stop, colon,
    # semicolon or quotation mark, and a comma between adjuncts must be followed by a preposition.
    close = sentence_end
    while close > cue_end and _SENTENCE_CLOSE.match(text, close - 1, sentence_end):
        close -= 1
    if close - cue_end > _ADJUNCT_REACH:
        return None  # no run of adjuncts is this long; reading one would cost its length for every cue
    if _NOT_IN_ADJUNCT.search(text, cue_end, close) or _COMMA_THEN_NO_PREPOSITION.search(text, cue_end, close):
        return None
    return cue_end if _ADJUNCTS_THEN_CLOSE.match(text[cue_end:sentence_end]) else None


@lru_cache(maxsize=16)
def _participles(text: str, start: int, end: int) -> list[int]:
    """Every offset in ``text[start:end]`` where a comma opens a participle clause (", wiping his face"),
    found once per sentence rather than searched for after each cue."""
    return [m.start() for m in _COMMA_PARTICIPLE_AT.finditer(text, start, end)]


_ADJUNCT_REACH = 300  # the longest run of adjuncts after a cue: "said in a statement on Monday at ..."
_SENTENCE_CLOSE = re.compile(r"\s*[.!?]?[\"”’']?\s*$")
_COMMA_PARTICIPLE = re.compile(r"\s*,\s*(?:also\s+|[a-z]+ly\s+)?[a-z]{2,}ing\b")
_COMMA_PARTICIPLE_AT = re.compile(rf"(?=({_COMMA_PARTICIPLE.pattern}))")
_ADJUNCT_OPENING = re.compile(_ADJUNCT)
# an adjunct holds no stop, colon, semicolon or quotation mark, and no "that" or subject pronoun opening a
# clause: "said on Tuesday that he had examined ..." and "said on Tuesday he had ..." report content
_NOT_IN_ADJUNCT = re.compile(r"[.;:\"“”]|\b(?:that|he|she|they|we|I)\b")
_COMMA_THEN_NO_PREPOSITION = re.compile(rf",\s*(?!\s|{_ADJUNCT_PREPOSITIONS})")
_ADJUNCTS_THEN_CLOSE = re.compile(rf"(?:{_ADJUNCT})*\s*[.!?]?[\"”’']?\s*$")


def _trailing(text: str, sentence: Sentence, quotes: list[Quote], cue_start: int, cue_end: int,
              rest_end: int | None) -> Claim | None:
    """CONTENT, X said.  /  “QUOTE,” X said.  /  “Q1,” X said, “Q2.”"""
    continuation = next((q for q in quotes if q.start >= cue_end and (
        _COMMA_BETWEEN.fullmatch(text, cue_end, q.start)
        # “Q1,” Tester said, referring to the excuse, “Q2.”: an aside between the pieces
        or (_ASIDE_BETWEEN.fullmatch(text, cue_end, q.start) and _trim(text, q.end, sentence.end)[0]
            >= _trim(text, q.end, sentence.end)[1]))), None)
    if rest_end is None and continuation is None and not any(q.end <= cue_start for q in quotes):
        return None  # more than adjuncts follows the cue, and no quote precedes it
    # The subject runs back from the cue to a comma or a closing quote mark, or past an appositive's
    # commas ("“...,” Mike Schmidt, a policy adviser at the campaign, said").
    readings, i = [], cue_start
    for _ in range(3):
        # back to just after the nearest comma or closing mark before i - 1
        i = max(text.rfind(",", sentence.start, i - 1), text.rfind("”", sentence.start, i - 1),
                text.rfind('"', sentence.start, i - 1)) + 1
        if i <= sentence.start:
            break
        mention = read_mention(text, i, _strip_middle(text, i, cue_start) or cue_start)  # "my father often said"
        if mention is not None:
            readings.append((mention, i))
        if text[i - 1] != ",":
            break
    if not readings:
        return None
    # a name before the appositive wins ("Mike Schmidt, a policy adviser"); else the nearest reading
    subject, i = next((r for r in reversed(readings) if r[0].kind == "person"), readings[0])
    content_end = i if text[i - 1] in "”\"" else i - 1
    start, end = _trim(text, sentence.start, content_end)
    if _quote_at(quotes, start, content_end + 1) is not None:
        # “Q1,” he said, “Q2.” joins into one claim, from the first quote to the last
        rule = "trailing_split" if continuation is not None else "trailing"
        end = continuation.end if continuation is not None else end
        return _make_claim(text, start, end, "direct", (cue_start, cue_end), subject, sentence, rule, 0.85)
    if rest_end is None or _cue_of(text[cue_start:cue_end]).type in ("intention", "stance"):
        return None  # "..., it declined.": a refusal or a stance closing a sentence reports nothing before it
    kind = _content_kind(text, start, end, quotes, introduced_by_that=False)
    kind = "mixed" if kind == "direct" else kind
    return _make_claim(text, start, end, kind, (cue_start, cue_end), subject, sentence, "trailing", 0.85)


_COMMA_BETWEEN = re.compile(r"\s*,?\s*")
_ASIDE_BETWEEN = re.compile(r"[^\"“”.;]{0,120},\s*")


def _parenthetical(text: str, sentence: Sentence, quotes: list[Quote], cue_start: int, cue_end: int,
                   rest_end: int | None) -> Claim | None:
    """CONTENT, X said, CONTENT.  The attribution sits inside the content, set off by commas:
    "The museum, he said, will open in May." The claim is the whole sentence, as a split quote's is."""
    after = _ADJUNCT_THEN_COMMA.match(text[cue_end:sentence.end])
    if not after or cue_end + after.end() >= sentence.end - 3 or text[cue_end + after.end()] in "\"“":
        return None  # 'X said, “...”' is a leading attribution of a quotation
    comma = text.rfind(",", sentence.start, cue_start)
    if comma <= sentence.start or any(q.start < comma < q.end for q in quotes):
        return None
    subject_end = _strip_middle(text, comma + 1, cue_start)
    if subject_end is None:
        return None
    subject = read_mention(text, comma + 1, subject_end)
    if subject is None:
        return None
    start, end = _trim(text, sentence.start, sentence.end)
    kind = _content_kind(text, start, end, quotes, introduced_by_that=False)
    kind = "mixed" if kind == "direct" else kind
    return _make_claim(text, start, end, kind, (cue_start, cue_end), subject, sentence, "parenthetical", 0.8)


_SPACE_THEN_PREPOSITION = re.compile(rf"\s+{_ADJUNCT_PREPOSITIONS}")
_ADJUNCT_THEN_COMMA = re.compile(rf"(?:{_ADJUNCT})?\s*,\s*")


# "as" opening an attribution clause; not "such as", "as well as", "as soon as" and the like
_AS = re.compile(r"(?<![\w’'])(?<!such )(?<!well )(?<!soon )(?<!long )(?<!far )(?<!just )[Aa]s\s+")


def _as_clause(text: str, sentence: Sentence, quotes: list[Quote], cue_start: int, cue_end: int,
               rest_end: int | None) -> Claim | None:
    """As X noted, CONTENT.  /  CONTENT, as X reported.  /  CONTENT, as X put it, CONTENT."""
    as_word = None
    for as_word in _AS.finditer(text, max(sentence.start, cue_start - 120), cue_start):
        pass
    if as_word is None or any(q.start < as_word.start() < q.end for q in quotes):
        return None
    subject_end = _strip_middle(text, as_word.end(), cue_start)
    subject = read_mention(text, as_word.end(), subject_end) if subject_end is not None else None
    if subject is None or subject.start != as_word.end():
        return None
    opening = _skip_space(text, sentence.start) == as_word.start()
    after = _ADJUNCT_THEN_COMMA.match(text[cue_end:sentence.end])
    if opening:  # "As the Post reported, the plan failed."
        if after is None:
            return None
        start, end = _trim(text, cue_end + after.end(), sentence.end)
    elif _char_before(text, as_word.start()) in ",(—–":  # "The plan failed, as the Post reported."
        start, end = _trim(text, sentence.start, as_word.start())
        if after is not None and _trim(text, cue_end + after.end(), sentence.end)[1] > cue_end + after.end():
            end = _trim(text, sentence.start, sentence.end)[1]  # the content goes on after the attribution
        elif rest_end is None:
            return None
    else:
        return None
    kind = _content_kind(text, start, end, quotes, introduced_by_that=False)
    return _make_claim(text, start, end, kind, (cue_start, cue_end), subject, sentence, "as_clause", 0.8)


def _inverted(text: str, sentence: Sentence, quotes: list[Quote], cue_start: int, cue_end: int,
              rest_end: int | None) -> Claim | None:
    """CONTENT, said X.  /  “QUOTE,” said X."""
    before = text[sentence.start:cue_start].rstrip()
    if not before or before[-1] not in ",”\"" or _cue_of(text[cue_start:cue_end]).type != "speech":
        # only a verb of saying comes before its subject; "..., endorsed Sanders’ approach" is no inversion
        return None
    subject_end = _trim(text, cue_end, sentence.end)[1]
    subject = read_mention(text, cue_end, subject_end)
    comma = text.find(",", cue_end, subject_end)
    if subject is None and comma > 0:  # "..., said O'Neill, on a call with reporters."
        subject = read_mention(text, cue_end, comma)
    cue = text[cue_start:cue_end]
    if subject is None and _cue_of(cue).inverts and not cue.endswith("ing"):
        # "“...,” said the minister during her visit to Kyiv": the longest phrase before an adjunct
        for cut in reversed([m.start() for m in _SPACE_THEN_PREPOSITION.finditer(text, cue_end, subject_end)]):
            subject = read_mention(text, cue_end, cut)
            if subject is not None:
                break
    if subject is None or subject.kind == "pronoun":
        return None
    start, end = _trim(text, sentence.start, cue_start)
    if before[-1] in "”\"":
        end = sentence.start + len(before)
    kind = _content_kind(text, start, end, quotes, introduced_by_that=False)
    continuation = next((q for q in quotes if q.start >= subject.end and (
        _COMMA_BETWEEN.fullmatch(text, subject.end, q.start) or _ASIDE_BETWEEN.fullmatch(text, subject.end, q.start))),
        None)
    if kind == "direct" and continuation is not None:
        # “Q1,” said the senator, “Q2.” joins into one claim, from the first quote to the last
        return _make_claim(text, start, continuation.end, kind, (cue_start, cue_end), subject, sentence,
                           "inverted_split", 0.8)
    return _make_claim(text, start, end, kind, (cue_start, cue_end), subject, sentence, "inverted", 0.8)


def _leading(text: str, sentence: Sentence, quotes: list[Quote], cue_start: int, cue_end: int,
             rest_end: int | None) -> Claim | None:
    """X said (that) CONTENT.  /  X told Reuters CONTENT.  /  X said: “QUOTE.”"""
    # "is telling reporters that": the cue's own word, not its addressee, says whether it is a participle
    participle = text[cue_start:cue_end].split(None, 1)[0].endswith("ing")
    subject_end = _strip_middle(text, sentence.start, cue_start, participle)
    if subject_end is None:
        return None
    if participle and _PARTICIPLE_CLAUSE.search(text, sentence.start, cue_start):
        return _participle(text, sentence, quotes, cue_start, cue_end)
    # What follows the cue is read before the subject: it rules out most non-reports more cheaply.
    content_from, introduced, marked = _content_start(text, cue_end, sentence.end)
    cue = _cue_of(text[cue_start:cue_end])
    if cue.infinitive and _TO_VERB.match(text, cue_end, cue_end + 20):
        # "plans to visit", "decided not to run": the to-clause is the content, even when a wh-word follows
        # inside it ("refused to give details about how ...")
        content_from, introduced, marked = cue_end, False, True
    elif cue.infinitive and not marked and _OBJECT_THEN_TO_VERB.match(text, cue_end, sentence.end):
        marked = True  # "asked Norton to republish the book", "urged the party to unite": whom, then what
    if cue.weak and not marked and _FINITE_CLAUSE.match(text, cue_end, sentence.end):
        marked = True  # "suggested Mr. Trump had shown ...": a clause without "that" is content too
    elif cue.weak and not marked and _OBJECT_AS.match(text, cue_end, sentence.end):
        marked = True  # "described the protests as peaceful", "sees immigrants as a burden": what X is taken for
    if cue.weak and not marked and cue.type != "evidence":
        return None  # "added a feature", "noted the change": not reporting (but see documents below)
    if _BY.match(text, cue_end, cue_end + 4):
        return None  # "declared by the president": a passive participle
    if not marked and _NOT_CONTENT.match(text, cue_end):
        return None  # "said of the plan", "said when she resigned": what follows is an adjunct, not content
    if not marked and text.startswith(",", _skip_space(text, cue_end)):
        return None  # "X said, looking out over the crowd": a comma after the cue opens an adjunct, not content
    if not marked and cue.lemma == "deny" and (_REFUSED_THING.match(text, cue_end, sentence.end)
                                               or _DENIED_SOMEONE_SOMETHING.match(text, cue_end, sentence.end)):
        # "denied the group access to the area", "denied him a second goal": a refusal or a stop, not a
        # denial of something said
        return None
    subject, rule, confidence = None, "leading", 0.85
    perceived = _PERCEIVED.search(text, max(sentence.start, subject_end - 80), subject_end)
    if perceived:
        # "we heard the crowd chant, “Not one more!”": who was heard speaking, not who heard them
        subject = read_mention(text, perceived.start("speaker"), perceived.end("speaker"))
        rule = "leading_perceived"
    if subject is None:
        rule = "leading"
        for clause_start in _clause_starts(text, sentence, quotes, subject_end):
            subject = read_mention(text, clause_start, subject_end)
            if subject is not None:
                break
    if subject is None:
        coordinated = _COORDINATED.search(text, max(sentence.start, subject_end - 40), subject_end)
        if coordinated:
            # "The nominee outlined his plan and vowed to ...": the subject of the first verb
            subject = _main_subject(text, sentence, quotes, coordinated.start())
    relative_end = None
    if subject is not None and _SUBORDINATOR_BEFORE.search(text, max(sentence.start, subject.start - 12), subject.start):
        # "When Mr. Hurt asked Norton to republish the book, it declined": the clause ends at its comma
        relative_end = _comma_outside_quotes(text, cue_end, sentence.end, quotes)
    if subject is None:
        subject = _relative_subject(text, sentence, subject_end)
        rule, confidence = "leading_relative", 0.75
        if subject is not None and _char_before(text, subject.start) == ",":
            # "The agency, which said the review was complete, closed the case": the clause ends at its comma
            relative_end = _comma_outside_quotes(text, cue_end, sentence.end, quotes)
    if subject is None and _VERB_ONLY.fullmatch(text[cue_start:cue_end].split()[0]):
        subject = _nearest_subject(text, sentence.start, subject_end)
        rule, confidence = "leading_nearest", 0.7
    if subject is None:
        return None
    if (cue.weak or cue.type == "evidence") and not marked and subject.kind != "document":
        # an evidence cue reports unmarked content of a document only: "a 2014 study found 31 cases", not
        # "Officials showed reporters the damage" (a showing, not a finding)
        return None
    if (subject.start > sentence.start and _char_before(text, subject.start) == "("
            and ")" in text[cue_end:sentence.end]):
        relative_end = text.index(")", cue_end, sentence.end)  # "(her campaign later disclosed that ...)"
    start, end = _trim(text, content_from, relative_end or _content_end(text, sentence, content_from, quotes))
    if end - start < 3:
        return None
    kind = _content_kind(text, start, end, quotes, introduced)
    # a quoted stretch followed by more text ("X said “A” and B") is mixed, not direct
    if kind == "direct" and _quote_at(quotes, start, end) is None:
        kind = "mixed"
    if (cue.type == "speech" and _WH_WORD.match(text, start, end)
            and _NEGATED.search(text, subject.end, cue_start)):
        # "U.S. officials have not said why ...": what was not said is a non-response, not a claim
        kind, rule = "no_comment", rule + "+negated"
    return _make_claim(text, start, end, kind, (cue_start, cue_end), subject, sentence, rule, confidence)


# a verb of perceiving, then whom: "heard the crowd chant", "watched protesters shout", "listened to her say"
_PERCEIVED = re.compile(r"\b(?:heard|hear|hears|hearing|saw|see|sees|seeing|watched|watch|watches|listened to|"
                        r"listen to|listens to)\s+(?P<speaker>[\w’'.-]+(?:\s+[\w’'.-]+){0,5}?)\s*$")


_SUBORDINATOR_BEFORE = re.compile(r"\b(?:[Ww]hen|[Aa]fter|[Bb]efore|[Bb]ecause|[Ss]ince|[Ii]f|[Uu]nless|[Oo]nce|"
                                  r"[Uu]ntil|[Ww]hile|[Aa]lthough|[Tt]hough|[Ww]hereas|, which|, who|, whom)\s+$")


def _comma_outside_quotes(text: str, start: int, end: int, quotes: list[Quote]) -> int | None:
    """The first comma in ``text[start:end]`` that no quotation holds."""
    i = text.find(",", start, end)
    while i >= 0:
        if not any(q.start < i < q.end for q in quotes):
            return i
        i = text.find(",", i + 1, end)
    return None


_BY = re.compile(r"\s+by\b")
_OBJECT_AS = re.compile(r"(?:\s+(?!as\b)[\w.’'-]+){1,5}?\s+as\s+(?!well\b|soon\b|long\b|part\b|much\b|many\b)")
# a clause's opening: a subject pronoun and its verb, or a short noun phrase and an auxiliary
_FINITE_CLAUSE = re.compile(
    r"\s+(?:(?:he|she|they|we|I)\s+(?!to\b)[a-z]+|(?:it|there|the|a|an|his|her|their|its|our|this|[A-Z][\w.’'-]*)"
    r"(?:\s+(?!that\b|which\b|who\b)[\w.’'-]+){0,4}?\s+(?:is|are|was|were|would|will|has|have|had|can|could|should|"
    r"may|might|must|does|did)\b)")
_OBJECT_THEN_TO_VERB = re.compile(r"(?:\s+(?!to\b)[\w.’'-]+){1,4}?\s+to\s+(?!the\b|a\b|an\b)[a-z]+\b")
# "deny someone something": what is refused, after at most four words naming who
_REFUSED_THING = re.compile(
    r"(?:\s+[\w.’'-]+){1,4}?\s+(?:access|entry|admission|permission|bail|visas?|the right|the chance|"
    r"a chance|the opportunity|an opportunity|service|treatment|care|benefits|funding)\b")
_DENIED_SOMEONE_SOMETHING = re.compile(r"\s+(?:him|her|them|us|me|it)\s+(?:a|an|the|any|his|her|their|its|another)\b")
_COORDINATED = re.compile(r",?\s(?:and|but)(?:\s+also)?\s*$")
_WH_WORD = re.compile(r"\s*(?:whether|if|why|how|what|who|where)\b")
_SPACE_THEN_LOWER = re.compile(r"\s+(?=([a-z]+))")
_WORD = re.compile(r"\S+")
_NEGATED = re.compile(r"\b(?:not|never)\b|n['’]t\b")
_INTRODUCER = re.compile(
    rf"(?P<adjunct>{_ADJUNCT})?(?:\s*,?\s*(?P<that>that)\b|\s*(?P<colon>:)|\s*,?\s*(?=[\"“])"
    r"|\s+(?=(?:whether|if|why|how|what|who|where)\b))\s*")  # "asked whether ...": a wh-clause is marked too


def _content_start(text: str, cue_end: int, end: int) -> tuple[int, bool, bool]:
    """Where reported content begins after a cue: (offset, introduced by "that", marked).

    "said in a statement that X", "wrote on Truth Social: “X”" and "said, “X”" are *marked*:
    a that-clause, a colon or a quotation follows the cue, perhaps after an adjunct. Otherwise the
    content is whatever follows the cue ("said the plan works").
    """
    m = _INTRODUCER.match(text, cue_end, end)
    if m:
        return m.end(), bool(m["that"]), True
    return cue_end, False, False


def _strip_middle(text: str, start: int, cue_start: int, progressive: bool = False) -> int | None:
    """Where the subject ends before a cue, past auxiliaries and adverbs ("has repeatedly denied");
    None for a passive ("is expected to", "was told"), whose subject is not the one speaking."""
    contraction = _CONTRACTION.search(text, max(start, cue_start - 16), cue_start)  # "He’s claiming"
    if contraction:
        cue_start = contraction.start()
    middle = _ends_with_middle(text, start, cue_start)
    if not middle:
        return cue_start
    if _PASSIVE.search(middle.group()) and not progressive:
        return None
    return middle.start()


_CONTRACTION = re.compile(r"['’](?:s|re|ve|d|ll)\s*$")
_MIDDLE_RUN = re.compile(rf"(?:\s+{_MIDDLE})+\s*$")
# what the last word of such a run may be: a one-word auxiliary or adverb, or the end of a longer one
# ("has also", "on Monday", "last week", "seems to")
_MIDDLE_LAST_WORD = re.compile(
    rf"{_MIDDLE}|also|weeks?|months?|years?|days|decades|time|while|spring|summer|fall|autumn|winter|to|[A-Z][a-z]+day")


def _ends_with_middle(text: str, start: int, end: int) -> re.Match | None:
    """The run of auxiliaries and adverbs that ends ``text[start:end]``, if any.

    A search for a pattern anchored at the end tries every position; a long sentence opening makes that
    slow, so look in the last 120 characters first and widen only when the run may reach further back
    (no auxiliary or adverb is 40 characters long, so a run that starts later than that does not).
    """
    last_end = end  # the last word: quicker to read directly than with a pattern anchored at the end
    while last_end > start and text[last_end - 1].isspace():
        last_end -= 1
    last_start = last_end
    while last_start > start and not text[last_start - 1].isspace():
        last_start -= 1
    if last_start <= start or not _MIDDLE_LAST_WORD.fullmatch(text, last_start, last_end):
        return None  # the word before the cue is no auxiliary or adverb (the usual case: "Smith said")
    window = max(start, end - 120)
    middle = _MIDDLE_RUN.search(text, window, end)
    if window > start and middle is not None and middle.start() - window < 40:
        middle = _MIDDLE_RUN.search(text, start, end)
    return middle


_PARTICIPLE_CLAUSE = re.compile(r",\s*(?:\w+ly\s+|also\s+)?$")


_NOT_CONTENT = re.compile(r"\s+(?:of|when|enough)\b")
_AFTERTHOUGHT = re.compile(r",\s+(?:although|though|even though|even as|whereas|while|but)\s|;\s")
# "... said it was opposed to the test and warned the North to refrain": a second report of the same
# speaker starts at "and warned"
_AND_THEN_CUE = re.compile(r",?\s+and\s+(?:also\s+|then\s+)?(?=([a-z]+ed|said|told|wrote)\b)")
# the same, found at every offset (a lookahead matches without consuming)
_AFTERTHOUGHT_AT = re.compile(rf"(?=({_AFTERTHOUGHT.pattern}))")
_AND_THEN_CUE_AT = re.compile(rf"(?=({_AND_THEN_CUE.pattern}))")


def _content_end(text: str, sentence: Sentence, start: int, quotes: list[Quote]) -> int:
    """Where content that begins at ``start`` stops: before a concessive clause the writer adds
    ("..., although he again refused") or a second report of the same speaker ("... and warned")."""
    afterthoughts, second_reports = _content_stops(text, sentence.start, sentence.end)
    end = sentence.end
    for at in afterthoughts[bisect.bisect_left(afterthoughts, start):]:
        if not any(q.start < at < q.end for q in quotes):
            end = at
            break
    for at, word_end, word in second_reports[bisect.bisect_left(second_reports, (start,)):]:
        if word_end > end:
            break
        if word in _cues() and not any(q.start < at < q.end for q in quotes):
            return at
    return end


@lru_cache(maxsize=16)
def _content_stops(text: str, start: int, end: int) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Every offset in ``text[start:end]`` where an afterthought or a second report could stop content.

    Found once per sentence, not once per cue: a sentence of N cues ("The official said that the official
    said that ...") would otherwise be scanned N times.
    """
    afterthoughts = [m.start() for m in _AFTERTHOUGHT_AT.finditer(text, start, end)]
    second_reports = [(m.start(), m.end(2), m.group(2)) for m in _AND_THEN_CUE_AT.finditer(text, start, end)]
    return afterthoughts, second_reports


def _participle(text: str, sentence: Sentence, quotes: list[Quote], cue_start: int, cue_end: int) -> Claim | None:
    """X did something, saying (that) CONTENT: the speaker is the subject of the main clause, or of the
    attribution the participle follows ("The talks will resume, Spicer said, adding that ...")."""
    subject = _subject_of_cue_before(text, sentence, cue_start) or _main_subject(text, sentence, quotes, cue_start)
    if subject is None:
        return None
    content_from, introduced, marked = _content_start(text, cue_end, sentence.end)
    if _cue_of(text[cue_start:cue_end]).weak and not marked:
        return None
    start, end = _trim(text, content_from, _content_end(text, sentence, content_from, quotes))
    if end - start < 3:
        return None
    kind = _content_kind(text, start, end, quotes, introduced)
    if kind == "direct" and _quote_at(quotes, start, end) is None:
        kind = "mixed"
    return _make_claim(text, start, end, kind, (cue_start, cue_end), subject, sentence, "participle", 0.75)


def _subject_of_cue_before(text: str, sentence: Sentence, participle_start: int) -> Mention | None:
    """The subject of a trailing attribution right before a participle: "Spicer" in "..., Spicer said on
    Monday, adding that ..." (None if no cue and comma come right before the participle)."""
    cue = None
    for cue in _cue_pattern().finditer(text, sentence.start, participle_start):
        pass
    if cue is None or not _ADJUNCT_THEN_COMMA.fullmatch(text, cue.end(), participle_start):
        return None
    # the subject runs back from the cue to the nearest comma or closing quote mark
    start = max(text.rfind(",", sentence.start, cue.start()), text.rfind("”", sentence.start, cue.start()),
                text.rfind('"', sentence.start, cue.start())) + 1
    if start <= sentence.start:
        return None  # "Spicer said, adding ...": the main subject is the same one
    subject_end = _strip_middle(text, start, cue.start())
    return read_mention(text, start, subject_end) if subject_end is not None else None


def _main_subject(text: str, sentence: Sentence, quotes: list[Quote], limit: int) -> Mention | None:
    """The first noun phrase opening a clause of the sentence that reads as a source and is followed by a
    lowercase word that may be its verb: "Rival Hillary Clinton" in "Rival Hillary Clinton had mocked it"."""
    for clause_start in _clause_starts(text, sentence, quotes, limit):
        first_reading = None
        for m in _SPACE_THEN_LOWER.finditer(text[clause_start:limit]):
            if m.start() > 160:
                break
            after = m.group(1)
            if after in _NOT_A_VERB:
                continue  # "Former Secretary | of State ...": the noun phrase goes on
            mention = read_mention(text, clause_start, clause_start + m.start())
            if mention is None:
                continue
            # the first phrase followed by what looks like a verb ("The Republican nominee | outlined"), and not
            # by a word that the noun phrase takes in ("Central European | leaders"); else the first phrase
            if (after in _AUXILIARIES or after.endswith(("ed", "s"))) and (
                    read_mention(text, mention.start, clause_start + m.end() + len(after)) is None):
                return mention
            first_reading = first_reading or mention
        if first_reading is not None:
            return first_reading
    return None


_AUXILIARIES = frozenset("is are was were has have had will would can could did does do may might must should "
                         "also had took made gave went came said told".split())


_NOT_A_VERB = frozenset("of for at in on from with by to the a an and or who which that whose".split())


_RELATIVE_PRONOUN = re.compile(r"(?P<comma>,\s*)?\b(?P<pronoun>who|which)\s*$")


def _relative_subject(text: str, sentence: Sentence, subject_end: int) -> Mention | None:
    """"..., the senator, who said that ...": the relative pronoun, standing for the noun phrase before it.

    The mention is the pronoun as written, with the name and kind of its antecedent (and ``refers_*``
    pointing at it), as a resolved pronoun's is.
    """
    # The pattern ends at subject_end: search only the stretch that can hold it (searching from the sentence
    # start made every cue of a long sentence cost its whole length)
    m = _RELATIVE_PRONOUN.search(text, max(sentence.start, subject_end - 200), subject_end)
    if not m:
        return None
    antecedent = _nearest_subject(text, sentence.start, m.start(), after_preposition=True)
    if antecedent is None or antecedent.kind == "pronoun":
        return None
    if (m["pronoun"] == "who") != (antecedent.kind in ("person", "anonymous")):
        return None  # "who" stands for people, "which" for institutions and documents
    start, end = m.start("pronoun"), m.end("pronoun")
    return replace(antecedent, start=start, end=end, text=text[start:end], refers_start=antecedent.start,
                   refers_end=antecedent.end)


def _nearest_subject(text: str, start: int, end: int, after_preposition: bool = False) -> Mention | None:
    """The longest noun phrase of at most six words ending right before the cue, when no clause opening
    gives one: "In a 2016 meeting with the editorial board Trump said ..." -> "Trump"."""
    words = list(_WORD.finditer(text, _last_words_start(text, start, end, 6), end))
    for n, w in enumerate(words):
        if n and (words[n - 1].group()[:1].isupper() or words[n - 1].group().lower() in _SUBJECT_OPENERS
                  or words[n - 1].group().endswith(",")):
            continue  # the phrase would start inside a name or after its determiner
        first = w.group()
        if not (first[:1].isupper() or first.lower() in _SUBJECT_OPENERS):
            continue
        if n and words[n - 1].group().lower() in _NOT_A_VERB and not after_preposition:
            continue  # "on Tuesday by a group ...": inside a prepositional phrase
        if any(x.group().endswith(",") for x in words[n:-1]):
            continue
        mention = read_mention(text, w.start(), end)
        if mention is not None:
            return mention
    return None


def _last_words_start(text: str, start: int, end: int, count: int) -> int:
    """Where the last ``count`` words (runs of non-space) of ``text[start:end]`` begin."""
    i = end
    for _ in range(count):
        while i > start and text[i - 1].isspace():
            i -= 1
        if i == start:
            break
        while i > start and not text[i - 1].isspace():
            i -= 1
    return i


# cue forms that cannot be nouns ("said", "warned", "says"), unlike "report", "show", "claims", "plans"
_VERB_ONLY = re.compile(r"[a-z]+ed|said|says|told|tells|wrote|writes|thought|knew|felt|sought|insists|argues|"
                        r"warns|adds|notes|explains|admits|concedes|believes|thinks|knows|tweets|denies|vows|"
                        r"pledges|urges|insisted|saying|telling|arguing|warning|adding|noting|claiming")
_SUBJECT_OPENERS = frozenset("the a an this that these those his her its their our my your some many several".split())


_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)(?:\s+(?:also|not|never|still|just|[a-z]+ly))*\s*$")
_CLAUSE_OPENER = re.compile(
    r"(?:(?:,|\b(?:and|but|though|although|because|as|while|whereas|since|if|which|so|yet|when|after|before|"
    r"where|that|whom|until|unless|once)\b)\s+|\(\s*)")  # matched against the lowered text
_CLAUSE_OPENER_ANY_CASE = re.compile(_CLAUSE_OPENER.pattern, re.I)


_SUBJECT_REACH = 400  # characters before a cue in which its subject may begin


def _clause_starts(text: str, sentence: Sentence, quotes: list[Quote], subject_end: int) -> Iterator[int]:
    """Where the subject of a leading attribution may begin: the sentence start, after an opening phrase
    ("In a statement, the ministry said"), or after a conjunction ("..., though she noted")."""
    yield sentence.start
    # A subject is a noun phrase of at most 160 characters (read_mention reads no longer one), perhaps with
    # an aside after it: openers further back than that cannot start one, and looking at them all made a
    # long run-on sentence cost the square of its length.
    lo = max(sentence.start, subject_end - _SUBJECT_REACH)
    lowered = _lowered(text)
    openers = (_CLAUSE_OPENER.finditer(lowered, lo, subject_end) if lowered is not None
               else _CLAUSE_OPENER_ANY_CASE.finditer(text, lo, subject_end))
    starts = [m.end() for m in openers]
    # after a closing quote: "“...,” Mr. Ackman said at the time, adding that ..."
    starts += [q.end for q in quotes if q.closed and lo < q.end < subject_end]
    for start in sorted(starts):
        if not any(q.start < start < q.end for q in quotes):
            yield start


def _colon_then_paragraph(text: str, sentence: Sentence, sentences: list[Sentence], next_sentence: int,
                          quotes: list[Quote]) -> Iterator[Claim]:
    """X added:  ¶ WORDS.  A cue and a colon close the paragraph; the next paragraph (from
    ``sentences[next_sentence]`` on) is what was said."""
    if (not text[sentence.start:sentence.end].rstrip().endswith(":")
            or sentences[next_sentence].paragraph != sentence.paragraph + 1):
        return
    colon = text.rindex(":", sentence.start, sentence.end)
    cue = None
    for cue in _cue_pattern().finditer(text, sentence.start, colon):
        pass
    if cue is None or _attribution_tail(text, sentence.start, cue.end(), colon) is None:
        return
    subject_end = _strip_middle(text, sentence.start, cue.start())
    subject = None
    for clause_start in _clause_starts(text, sentence, quotes, subject_end or cue.start()):
        subject = read_mention(text, clause_start, subject_end or cue.start())
        if subject is not None:
            break
    if subject is None:
        return
    last = next_sentence
    while last + 1 < len(sentences) and sentences[last + 1].paragraph == sentence.paragraph + 1:
        last += 1
    start, end = _trim(text, sentences[next_sentence].start, sentences[last].end)
    kind = "direct" if text[start] in "“\"" else "indirect"
    if kind == "direct":
        start, end = _strip_marks(text, start, end)
    claim = _make_claim(text, start, end, kind, (cue.start(), cue.end()), subject, sentence, "colon_paragraph", 0.7)
    if claim:
        yield claim


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
