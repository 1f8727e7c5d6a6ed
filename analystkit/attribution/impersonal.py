"""``impersonal``: "It was announced that CONTENT." / "CONTENT, it was reported." (no source named)"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Claim, Quote, Sentence
from .spans import (
    _attribution_tail,
    _content_end,
    _content_kind,
    _inside_quote,
    _make_claim,
    _trim,
)

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
    if m and not _inside_quote(quotes, m.start()):
        start, end = _trim(text, m.end(), _content_end(text, sentence, m.end(), quotes))
        rule = "impersonal"
    else:
        m = _IMPERSONAL_TRAILING.search(text, sentence.start, sentence.end)
        if not m or _inside_quote(quotes, m.start()) or _attribution_tail(
                text, sentence.start, m.end(), sentence.end) is None:
            return
        start, end = _trim(text, sentence.start, m.start())
        rule = "impersonal"
    kind = _content_kind(text, start, end, quotes, introduced_by_that=False)
    kind = "mixed" if kind == "direct" else kind
    claim = _make_claim(text, start, end, kind, (m.start("cue"), m.end("cue")), None, sentence, rule, 0.7)
    if claim:
        yield claim
