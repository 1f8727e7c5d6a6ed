"""The family anchored on reporting verbs: each cue of a sentence read as a trailing, inverted,
parenthetical or as-clause attribution first, then as a leading one."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Claim, Quote, Sentence
from .cues import _TO_VERB, _cue_of, _cue_pattern, _extend_cue, _is_verb
from .leading import _leading
from .spans import _attribution_tail, _inside_quote
from .trailing import _as_clause, _inverted, _parenthetical, _trailing


def _cue_families(text: str, sentence: Sentence, quotes: list[Quote], pattern: re.Pattern | None = None
                  ) -> Iterator[Claim]:
    """Claims anchored on a reporting verb: trailing, inverted and leading attributions.

    An attribution that closes the sentence ("..., three officials told Reuters.") is read first: it is
    the outer one, and a cue inside its content ("The administration proposed ...") is not.
    """
    cues = []
    for cue in (pattern or _cue_pattern()).finditer(text, sentence.start, sentence.end):
        if _inside_quote(quotes, cue.start()) or not _is_verb(text, cue):
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
