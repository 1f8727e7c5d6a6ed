"""``dash_signature``: “QUOTE.” ― NAME (readers' comments, epigraphs)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Claim, Quote, Sentence
from ..sources import read_mention
from .spans import _make_claim, _skip_space, _strip_marks

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
