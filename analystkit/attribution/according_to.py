"""``according_to``: "..., according to X." / "According to X, ..." """
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Claim, Quote, Sentence
from ..sources import read_named_source
from .spans import _content_kind, _make_claim, _next_break, _skip_space, _trim

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
