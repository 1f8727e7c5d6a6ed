"""``parenthetical_quote``: (“QUOTE,” X said) and (“QUOTE,” said X), a quotation set in parentheses with its
attribution, in the middle of a sentence about something else ("Residents were unimpressed (“It is a joke,”
one resident said) and ...")."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Claim, Quote, Sentence
from ..sources import read_mention
from .cues import _cue_pattern, _is_verb
from .spans import _make_claim, _strip_marks

# "(", a quotation, its attribution and ")": nothing else inside the parentheses
_IN_PARENTHESES = re.compile(
    r"\(\s*(?P<quote>[“\"][^“”\"()]{2,400}[”\"])\s*,?\s*(?P<attribution>[^()“”\"]{2,120}?)[\s.]*\)")

# after the cue, at most a short adjunct ("she said on Friday"), not a clause of its own
_MAX_AFTER_CUE = 40


def _parenthetical_quote(text: str, sentence: Sentence, quotes: list[Quote]) -> Iterator[Claim]:
    """(“QUOTE,” X said).  /  (“QUOTE,” said X).  The claim is the quotation alone."""
    for m in _IN_PARENTHESES.finditer(text, sentence.start, sentence.end):
        a_start, a_end = m.span("attribution")
        cue = next(_cue_pattern().finditer(text, a_start, a_end), None)
        if cue is None or not _is_verb(text, cue):
            continue
        if text[a_start:cue.start()].strip():  # "one resident said", "she said on Friday"
            if a_end - cue.end() > _MAX_AFTER_CUE:
                continue
            subject = read_mention(text, a_start, cue.start())
        else:  # "said Ana Ruiz of the tenants’ union"
            subject = read_mention(text, cue.end(), a_end)
        if subject is None:
            continue
        start, end = _strip_marks(text, *m.span("quote"))
        claim = _make_claim(text, start, end, "direct", (cue.start(), cue.end()), subject, sentence,
                            "parenthetical_quote", 0.8)
        if claim is not None:
            yield claim
