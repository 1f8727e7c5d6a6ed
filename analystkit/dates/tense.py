"""Whether a sentence tells of the future (or of a plan told in the past), which decides the direction of
"Monday" or "March"."""
from __future__ import annotations

import re

from ..model import Sentence
from .words import (
    _CLAUSE_BREAK,
    _DEADLINE,
    _DEADLINE_LAST_WORDS,
    _FUTURE,
    _FUTURE_CLUES,
    _LIMITS,
    _PAST_OF_FUTURE,
    _PAST_PERFECT,
    _SCHEDULE,
    _SCHEDULE_LAST_WORDS,
    _any_in,
    _word_end,
)


def _is_future(text: str, folded: str, sentence: Sentence | None, start: int, end: int) -> bool:
    """Whether the words just before an expression speak of the future ("will meet on Monday").

    A narrow window on purpose: news tells most days in the past, and a "will" further off
    usually belongs to another clause. ``folded`` is the case-folded text."""
    lo = max(sentence.start if sentence else 0, start - 50)
    hi = min(sentence.end if sentence else len(text), end + 10)
    markers = _FUTURE.finditer(folded, lo, hi) if _any_in(_FUTURE_CLUES, folded[lo:hi]) else ()
    for marker in markers:
        if _PAST_OF_FUTURE.search(folded, max(0, marker.start() - 14), marker.start()):
            continue  # "had been scheduled to expire Friday" looks back at a plan
        if marker.end() <= start and _CLAUSE_BREAK.search(text, marker.end(), start):
            continue  # "would appeal the decision, announced Wednesday": another clause
        limit = text[marker.start():marker.end()].lower() in _LIMITS
        if limit and _told_in_past_perfect(folded, sentence, start, end):
            continue
        return True
    near = max(lo, start - 30)
    lower = text[near:start].lower()
    last_word_end = _word_end(lower, len(lower))
    if lower.endswith(_SCHEDULE_LAST_WORDS, 0, last_word_end) and _SCHEDULE.search(text, near, start):
        return True
    deadline = lower.endswith(_DEADLINE_LAST_WORDS, 0, last_word_end) and _DEADLINE.search(folded, near, start)
    return bool(deadline) and not (text[deadline.start():deadline.end()].split()[0].lower() in _LIMITS
                                   and _told_in_past_perfect(folded, sentence, start, end))


def _told_in_past_perfect(folded: str, sentence: Sentence | None, start: int, end: int) -> bool:
    lo = max(sentence.start if sentence else 0, start - 60)
    return bool(_PAST_PERFECT.search(folded, lo, min(sentence.end if sentence else len(folded), end + 60)))


# A unit word capitalised inside an expression, in running text, is part of a name: the programme "60 Minutes",
# ABC's "This Week".
_TITLE_UNIT = re.compile(r"(?<=\s)(?:Days?|Weeks?|Months?|Hours?|Minutes?|Nights?|Mornings?|Evenings?)\b")

_LOWER_WORD = re.compile(r"(?<![\w'])[a-z]{3,}\b")


def _in_running_text(text: str, sentence: Sentence | None, start: int) -> bool:
    """Whether the words around ``start`` are written in sentence case (not a headline in title case)."""
    lo, hi = max(sentence.start if sentence else 0, start - 60), min(sentence.end if sentence else len(text), start + 60)
    return len(_LOWER_WORD.findall(text, lo, hi)) >= 2
