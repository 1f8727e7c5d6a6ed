"""Headlines: "Lynch: No outside influence" and title-case cues ("Mayor Says Bridge Will Reopen")."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from .. import lexicons
from ..model import Claim, Quote, Sentence
from ..sources import read_mention
from .cues import _title_case_cue_pattern
from .spans import _content_kind, _make_claim, _quote_at, _strip_marks, _trim
from .subjects import _VERB_ONLY
from .verbs import _cue_families

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
