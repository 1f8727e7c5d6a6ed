"""``no_comment``: "The IDF did not respond to requests for comment.", "She declined to comment." """
from __future__ import annotations

import re
from collections.abc import Iterator

from .. import lexicons
from ..model import Claim, Quote, Sentence
from ..sources import read_mention
from .spans import _COORDINATED, _lowered, _make_claim
from .subjects import _main_subject


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
