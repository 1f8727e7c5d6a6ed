"""``dash_signature``: “QUOTE.” ― NAME (readers' comments, epigraphs); ``signed_below``: a pull quote, a
short paragraph signed by a dash and a name on the line below."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Claim, Quote, Sentence
from ..sources import read_mention
from .spans import _make_claim, _skip_space, _strip_marks, _trim

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


# a paragraph that is only a dash and a name: "— Maria Lopez, resident"
_SIGNATURE_LINE = re.compile(r"\s*(?P<dash>[―—–-]{1,2})\s*(?P<name>[A-Z][^\n―—–“”\"]{1,80}?)[\s.]*")

# a pull quote is a few lines at most
_MAX_PULL_QUOTE = 400


def _signed_below(text: str, sentences: list[Sentence], n: int, claims: list[Claim]) -> Iterator[Claim]:
    """A short paragraph, quoted or not, that the next paragraph signs with a dash and a name (a pull quote
    or an epigraph):  “We lost everything in an hour.”  ¶  — Maria Lopez, resident.

    ``sentences[n]`` ends its paragraph; ``claims`` are those found so far (a paragraph that has one is
    read already)."""
    last, below = sentences[n], sentences[n + 1] if n + 1 < len(sentences) else None
    if below is None or below.paragraph != last.paragraph + 1 or (
            n + 2 < len(sentences) and sentences[n + 2].paragraph == below.paragraph):
        return  # the next paragraph must be one line of its own
    signature = _SIGNATURE_LINE.fullmatch(text, below.start, below.end)
    if signature is None:
        return
    first = n
    while first > 0 and sentences[first - 1].paragraph == last.paragraph:
        first -= 1
    start, end = _trim(text, sentences[first].start, last.end)
    if end - start > _MAX_PULL_QUOTE or (claims and claims[-1].sentence >= sentences[first].index):
        return
    if text[start] not in "“\"" and n + 2 >= len(sentences):
        return  # "— Jane Doe" under the last paragraph signs the article, not a pull quote
    mention = read_mention(text, signature.start("name"), signature.end("name"))
    if mention is None or mention.kind == "pronoun":
        return
    claim = _make_claim(text, start, end, "direct", signature.span("dash"), mention, sentences[first], "signed_below",
                        0.7)
    if claim is not None:
        yield claim
