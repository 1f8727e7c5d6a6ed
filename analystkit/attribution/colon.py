"""Reports led by a colon: a transcript's ``SPEAKER: WORDS``, ``X is more blunt: “QUOTE”`` and
``X added:`` closing a paragraph whose next paragraph is what was said."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Claim, Quote, Sentence
from ..sources import read_mention
from .cues import _cue_pattern
from .spans import _attribution_tail, _make_claim, _strip_marks, _strip_middle, _trim
from .subjects import _clause_starts

_LABEL = re.compile(r"[\"“]?(?P<speaker>[A-Z][A-Za-z.’' -]{1,60}?)\s*:\s+(?=\S)")

# what comes before the name in a roundup of quotations: a lead-in and a dash ("Pollsters agree - "), or
# "(More) from" ("More from Jones: “...”", "From Pew Research: “...”")
_LEAD_IN = re.compile(r"(?:[^\n:“”\"]{1,120}?\s[-—–]\s+)?(?P<source>(?:(?:More|more)\s+)?(?:from|From)\s+)?(?=[A-Z])")


def _speaker_label(text: str, sentence: Sentence, quotes: list[Quote]) -> Iterator[Claim]:
    """SPEAKER: WORDS.  A transcript's speaker label ("PENCE: We will ...") or a name before a colon and a
    quotation ("Loretta Lynch: ‘Be the voice people hear.’"). The label opens the sentence, or follows the
    lead-in of a roundup of quotations ("Pollsters agree - Carl Bialik: “...”", "More from Jones: “...”")."""
    m = _LABEL.match(text, sentence.start, sentence.end)
    kinds = ("person", "organization")
    lead_in = _LEAD_IN.match(text, sentence.start, sentence.end)
    if lead_in is not None and lead_in.end() > sentence.start:
        after_lead_in = _LABEL.match(text, lead_in.end(), sentence.end)
        if after_lead_in is not None and text[after_lead_in.end()] in "“\"":
            m = after_lead_in  # the name after the lead-in, not the lead-in, is who speaks
            if lead_in["source"]:  # "From Pew Research: “...”" may quote a report by its name
                kinds = ("person", "organization", "document")
            elif len(m["speaker"].split()) < 2:
                return  # after a dash, a name in full ("- Carl Bialik:"), not a word that opens a list ("- First:")
    if not m:
        return
    speaker = m["speaker"]
    after = m.end()
    transcript = speaker.isupper() and len(speaker.replace(" ", "")) >= 2
    if not transcript and (text[after] not in "“\"‘'" or len(speaker.split()) > 5
                           or _cue_pattern().search(speaker)):
        return  # "X told GB News: “...”" is a leading attribution, read by the cue families
    mention = read_mention(text, m.start("speaker"), m.end("speaker"))
    if mention is None or mention.kind not in (*kinds, *(("anonymous",) if transcript else ())):
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
    predicate = None
    for predicate in _COLON_PREDICATE.finditer(text, sentence.start, quote.start + 1):  # + 1: the lookahead sees the mark
        pass
    if predicate is None or predicate.end() != quote.start:
        return
    colon = text.rindex(":", predicate.start(), quote.start)
    subject = read_mention(text, sentence.start, predicate.start())
    if subject is None:
        return
    start, end = _strip_marks(text, quote.start, quote.end)
    claim = _make_claim(text, start, end, "direct", (predicate.start() + 1, colon + 1), subject, sentence,
                        "colon_quote", 0.75)
    if claim:
        yield claim


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
