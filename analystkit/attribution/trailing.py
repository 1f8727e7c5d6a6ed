"""Attributions after their content: ``trailing`` ("CONTENT, X said."), ``inverted`` ("CONTENT, said X."),
``parenthetical`` ("CONTENT, X said, CONTENT") and ``as_clause`` ("As X said, CONTENT")."""
from __future__ import annotations

import re

from ..model import Claim, Quote, Sentence
from ..sources import read_mention
from .cues import _cue_of
from .spans import (
    _ADJUNCT_PREPOSITIONS,
    _char_before,
    _content_kind,
    _inside_quote,
    _make_claim,
    _quote_at,
    _skip_space,
    _strip_middle,
    _trim,
)
from .subjects import _ADJUNCT_THEN_COMMA


def _trailing(text: str, sentence: Sentence, quotes: list[Quote], cue_start: int, cue_end: int,
              rest_end: int | None) -> Claim | None:
    """CONTENT, X said.  /  “QUOTE,” X said.  /  “Q1,” X said, “Q2.”"""
    continuation = next((q for q in quotes if q.start >= cue_end and (
        _COMMA_BETWEEN.fullmatch(text, cue_end, q.start)
        # “Q1,” Tester said, referring to the excuse, “Q2.”: an aside between the pieces
        or (_ASIDE_BETWEEN.fullmatch(text, cue_end, q.start) and _trim(text, q.end, sentence.end)[0]
            >= _trim(text, q.end, sentence.end)[1]))), None)
    if rest_end is None and continuation is None and not any(q.end <= cue_start for q in quotes):
        return None  # more than adjuncts follows the cue, and no quote precedes it
    # The subject runs back from the cue to a comma or a closing quote mark, or past an appositive's
    # commas ("“...,” Mike Schmidt, a policy adviser at the campaign, said").
    readings, i = [], cue_start
    for _ in range(3):
        # back to just after the nearest comma or closing mark before i - 1
        i = max(text.rfind(",", sentence.start, i - 1), text.rfind("”", sentence.start, i - 1),
                text.rfind('"', sentence.start, i - 1)) + 1
        if i <= sentence.start:
            break
        mention = read_mention(text, i, _strip_middle(text, i, cue_start) or cue_start)  # "my father often said"
        if mention is not None:
            readings.append((mention, i))
        if text[i - 1] != ",":
            break
    if not readings:
        return None
    # a name before the appositive wins ("Mike Schmidt, a policy adviser"); else the nearest reading
    subject, i = next((r for r in reversed(readings) if r[0].kind == "person"), readings[0])
    content_end = i if text[i - 1] in "”\"" else i - 1
    start, end = _trim(text, sentence.start, content_end)
    if _quote_at(quotes, start, content_end + 1) is not None:
        # “Q1,” he said, “Q2.” joins into one claim, from the first quote to the last
        rule = "trailing_split" if continuation is not None else "trailing"
        end = continuation.end if continuation is not None else end
        return _make_claim(text, start, end, "direct", (cue_start, cue_end), subject, sentence, rule, 0.85)
    if rest_end is None or _cue_of(text[cue_start:cue_end]).type in ("intention", "stance"):
        return None  # "..., it declined.": a refusal or a stance closing a sentence reports nothing before it
    kind = _content_kind(text, start, end, quotes, introduced_by_that=False)
    kind = "mixed" if kind == "direct" else kind
    return _make_claim(text, start, end, kind, (cue_start, cue_end), subject, sentence, "trailing", 0.85)


_COMMA_BETWEEN = re.compile(r"\s*,?\s*")

_PARTICIPLE_AFTER = re.compile(r"\s*(?:adding|noting|saying|explaining|insisting|arguing|warning|stressing|"
                               r"pointing out|acknowledging|citing|referring)\b")

_ASIDE_BETWEEN = re.compile(r"[^\"“”.;]{0,120},\s*")


def _parenthetical(text: str, sentence: Sentence, quotes: list[Quote], cue_start: int, cue_end: int,
                   rest_end: int | None) -> Claim | None:
    """CONTENT, X said, CONTENT.  The attribution sits inside the content, set off by commas:
    "The museum, he said, will open in May." The claim is the whole sentence, as a split quote's is."""
    after = _ADJUNCT_THEN_COMMA.match(text[cue_end:sentence.end])
    if not after or cue_end + after.end() >= sentence.end - 3 or text[cue_end + after.end()] in "\"“":
        return None  # 'X said, “...”' is a leading attribution of a quotation
    comma = text.rfind(",", sentence.start, cue_start)
    if comma <= sentence.start or _inside_quote(quotes, comma):
        return None
    subject_end = _strip_middle(text, comma + 1, cue_start)
    if subject_end is None:
        return None
    subject = read_mention(text, comma + 1, subject_end)
    if subject is None:
        return None
    start, end = _trim(text, sentence.start, sentence.end)
    kind = _content_kind(text, start, end, quotes, introduced_by_that=False)
    kind = "mixed" if kind == "direct" else kind
    return _make_claim(text, start, end, kind, (cue_start, cue_end), subject, sentence, "parenthetical", 0.8)


_SPACE_THEN_PREPOSITION = re.compile(rf"\s+{_ADJUNCT_PREPOSITIONS}")

# "as" opening an attribution clause; not "such as", "as well as", "as soon as" and the like. The letter comes
# first and the words before it are looked behind from there: a pattern opening with a letter is tried only
# where that letter is, one opening with a look behind at every offset (three times slower).
_AS = re.compile(r"[Aa](?<![\w’'][Aa])(?<!such [Aa])(?<!well [Aa])(?<!soon [Aa])(?<!long [Aa])(?<!far [Aa])"
                 r"(?<!just [Aa])s\s+")


def _as_clause(text: str, sentence: Sentence, quotes: list[Quote], cue_start: int, cue_end: int,
               rest_end: int | None) -> Claim | None:
    """As X noted, CONTENT.  /  CONTENT, as X reported.  /  CONTENT, as X put it, CONTENT."""
    as_word = None
    for as_word in _AS.finditer(text, max(sentence.start, cue_start - 120), cue_start):
        pass
    if as_word is None or _inside_quote(quotes, as_word.start()):
        return None
    subject_end = _strip_middle(text, as_word.end(), cue_start)
    subject = read_mention(text, as_word.end(), subject_end) if subject_end is not None else None
    if subject is None or subject.start != as_word.end():
        return None
    opening = _skip_space(text, sentence.start) == as_word.start()
    after = _ADJUNCT_THEN_COMMA.match(text[cue_end:sentence.end])
    if opening:  # "As the Post reported, the plan failed."
        if after is None:
            return None
        start, end = _trim(text, cue_end + after.end(), sentence.end)
    elif _char_before(text, as_word.start()) in ",(—–":  # "The plan failed, as the Post reported."
        start, end = _trim(text, sentence.start, as_word.start())
        if after is not None and _trim(text, cue_end + after.end(), sentence.end)[1] > cue_end + after.end():
            end = _trim(text, sentence.start, sentence.end)[1]  # the content goes on after the attribution
        elif rest_end is None:
            return None
    else:
        return None
    kind = _content_kind(text, start, end, quotes, introduced_by_that=False)
    return _make_claim(text, start, end, kind, (cue_start, cue_end), subject, sentence, "as_clause", 0.8)


def _inverted(text: str, sentence: Sentence, quotes: list[Quote], cue_start: int, cue_end: int,
              rest_end: int | None) -> Claim | None:
    """CONTENT, said X.  /  “QUOTE,” said X."""
    before = text[sentence.start:cue_start].rstrip()
    if not before or before[-1] not in ",”\"" or _cue_of(text[cue_start:cue_end]).type != "speech":
        # only a verb of saying comes before its subject; "..., endorsed Sanders’ approach" is no inversion
        return None
    subject_end = _trim(text, cue_end, sentence.end)[1]
    comma = text.find(",", cue_end, subject_end)
    if comma > 0 and _PARTICIPLE_AFTER.match(text, comma + 1, subject_end):
        # "..., says the engineer, noting that ...": the participle reports more, it is no part of the name
        subject_end = comma
    subject = read_mention(text, cue_end, subject_end)
    if subject is None and comma > 0:  # "..., said O'Neill, on a call with reporters."
        subject = read_mention(text, cue_end, comma)
    cue = text[cue_start:cue_end]
    if subject is None and _cue_of(cue).inverts and not cue.endswith("ing"):
        # "“...,” said the minister during her visit to Kyiv": the longest phrase before an adjunct
        for cut in reversed([m.start() for m in _SPACE_THEN_PREPOSITION.finditer(text, cue_end, subject_end)]):
            subject = read_mention(text, cue_end, cut)
            if subject is not None:
                break
    if subject is None or subject.kind == "pronoun":
        return None
    start, end = _trim(text, sentence.start, cue_start)
    if before[-1] in "”\"":
        end = sentence.start + len(before)
    kind = _content_kind(text, start, end, quotes, introduced_by_that=False)
    continuation = next((q for q in quotes if q.start >= subject.end and (
        _COMMA_BETWEEN.fullmatch(text, subject.end, q.start) or _ASIDE_BETWEEN.fullmatch(text, subject.end, q.start))),
        None)
    if kind == "direct" and continuation is not None:
        # “Q1,” said the senator, “Q2.” joins into one claim, from the first quote to the last
        return _make_claim(text, start, continuation.end, kind, (cue_start, cue_end), subject, sentence,
                           "inverted_split", 0.8)
    return _make_claim(text, start, end, kind, (cue_start, cue_end), subject, sentence, "inverted", 0.8)
