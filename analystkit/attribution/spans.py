"""Where content and subjects start and end around a cue, and how a claim is made from them.

The helpers every claim shape shares: trimming spans, quotation marks, the adjuncts that may follow a cue
("said in a statement on Monday"), where reported content stops, and the auxiliaries and adverbs between a
subject and its cue ("has repeatedly denied").
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..model import Claim, Mention, Quote, Sentence
from .cues import _cue_of, _cues

_QUOTE_MARKS = "\"“”«»"

_MIDDLE = (
    r"(?:also|recently|previously|later|earlier|then|repeatedly|publicly|privately|separately|further|again|"
    r"once|already|often|frequently|initially|first|has|have|had|had also|has also|have also|would|will|"
    r"however|meanwhile|instead|nonetheless|nevertheless|likewise|therefore|thus|"
    r"reportedly|quickly|immediately|simply|only|just|flatly|loudly|firmly|clearly|bluntly|"
    r"on [A-Z][a-z]+day|last week|this week|yesterday|today|just|(?:earlier |later )?(?:this|last|that|next) "
    r"(?:week|month|year|spring|summer|fall|autumn|winter)|"
    r"is|are|was|were|did|does|do|not|never|still|even|long|now|too|could|can|may|might|should|must|been|"
    # "have for years been saying that", "has for months argued": how long, between auxiliary and verb
    r"for (?:years|months|weeks|days|decades|some time|a long time|a while)|"
    r"[a-z]+ly|[a-z]+n['’]t|(?:seems?|seemed|appears?|appeared|continues?|continued|went on|goes on|began|"
    r"begins?|tried|tries|tends?|tended)\s+to)"
)

_ADJUNCT_PREPOSITIONS = r"(?:in|on|at|during|via|through|to|after|before|from|with|by|while|when|of)\b"

# inside a sentence, a full stop is an abbreviation's ("Mr. Trump", "U.S."): an adjunct runs past it
_ADJUNCT = (
    rf"(?:\s*,?\s*{_ADJUNCT_PREPOSITIONS}(?:[^,.;:\"“”]|\.(?=\S|\s+[A-Z])){{0,80}}?"
    r"|\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|last week|"
    r"this week|earlier|later)\b[^,.;:\"“”]{0,40}?)"
)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past spaces, commas and the sentence's final punctuation."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
        end -= 1
    return start, end


def _strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """The inside of a quotation: drop the marks and the trailing comma or stop before the closing mark."""
    if start < end and text[start] in _QUOTE_MARKS:
        start += 1
    if end > start and text[end - 1] in _QUOTE_MARKS:
        end -= 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",."):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _content_kind(text: str, start: int, end: int, quotes: list[Quote], introduced_by_that: bool) -> str:
    inside = [q for q in quotes if start <= q.start and q.end <= end + 1]
    if not inside:
        return "indirect"
    whole = len(inside) == 1 and inside[0].start <= start and inside[0].end >= end
    return "direct" if whole and not introduced_by_that else "mixed"


# what someone or something was called: "the plan a stopgap", "him a liar", "Donald Trump a bully"
_NAMED_AS = re.compile(
    r"(?:(?:him|her|them|it|us|me)|(?:the|this|that|these|those|his|her|their|its|our|my|your)(?:\s+[\w’'-]+){1,2}"
    r"|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})\s+(?:a|an)\s+[a-z]")


def _make_claim(text: str, start: int, end: int, kind: str, cue: tuple[int, int], mention: Mention,
                sentence: Sentence, rule: str, confidence: float) -> Claim | None:
    if kind == "direct":
        start, end = _strip_marks(text, start, end)
    if end - start < 2:
        return None
    cue_start, cue_end = cue
    if (kind == "indirect" and rule not in ("no_comment", "according_to") and _cue_of(text[cue_start:cue_end]).quoted
            and not _NAMED_AS.match(text, start, end)):
        # "a group called Moms for Safety": "called" reports a quotation, or what someone was called ("called
        # the plan a stopgap"), not a name
        return None
    cue_type = "speech" if kind == "no_comment" or rule == "according_to" else _cue_of(text[cue_start:cue_end]).type
    return Claim(start, end, text[start:end], kind, text[cue_start:cue_end], cue_start, cue_end,
                 mention, sentence.index, rule, confidence, cue_type)


def _inside_quote(quotes: list[Quote], i: int) -> bool:
    """Whether offset ``i`` lies inside one of ``quotes`` (between its marks)."""
    for q in quotes:  # a sentence holds few quotes: a plain loop is quicker than any() over a generator
        if q.start < i < q.end:
            return True
    return False


def _quote_at(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The quote that makes up ``[start, end)`` (allowing a comma or stop just outside it)."""
    for q in quotes:
        if abs(q.start - start) <= 1 and q.end >= end - 2 and q.end <= end + 1:
            return q
    return None


@lru_cache(maxsize=2)
def _lowered(text: str) -> str | None:
    """The article in lower case, with the same offsets (None in the rare case that lowering changes its
    length). Scanning it with a case-sensitive pattern is several times quicker than using ``re.I``."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


def _next_break(text: str, start: int, end: int) -> int:
    for i in range(start, end):
        if text[i] in ",;:":
            return i
    return end


def _char_before(text: str, i: int) -> str:
    """The last character before offset ``i`` that is not a space ("" at the start)."""
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return text[i - 1] if i > 0 else ""


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _attribution_tail(text: str, sentence_start: int, cue_end: int, sentence_end: int) -> int | None:
    """If only adjuncts and final punctuation follow the cue, where the sentence content ends; else None.

    ``"..., a senior Israeli official said."`` and ``"..., he said in a statement on Monday."`` qualify, and
    so does ``"..., he said, wiping his face."``: a participle clause after a comma is the speaker's act (or
    a report of its own, "adding that ..."), not the content of this cue.
    """
    participles = _participles(text, sentence_start, sentence_end)
    i = bisect.bisect_left(participles, cue_end)
    participle = participles[i] if i < len(participles) else None
    if participle is not None and participle - cue_end > _ADJUNCT_REACH:
        return None  # at least as far to the next clause: more than adjuncts follows the cue
    if participle is not None and not _NOT_IN_ADJUNCT.search(text, cue_end, participle):
        sentence_end = participle
    if _SENTENCE_CLOSE.match(text, cue_end, sentence_end):
        return cue_end
    if not _ADJUNCT_OPENING.match(text, cue_end, sentence_end):
        return None  # what follows opens no adjunct (most often it is the content: "said that ...")
    # The full pattern backtracks through every way of cutting a long tail into adjuncts (milliseconds
    # for one sentence), so first rule out tails that cannot be adjuncts: an adjunct holds no stop, colon,
    # semicolon or quotation mark, and a comma between adjuncts must be followed by a preposition.
    close = sentence_end
    while close > cue_end and _SENTENCE_CLOSE.match(text, close - 1, sentence_end):
        close -= 1
    if close - cue_end > _ADJUNCT_REACH:
        return None  # no run of adjuncts is this long; reading one would cost its length for every cue
    if _NOT_IN_ADJUNCT.search(text, cue_end, close) or _COMMA_THEN_NO_PREPOSITION.search(text, cue_end, close):
        return None
    return cue_end if _ADJUNCTS_THEN_CLOSE.match(text[cue_end:sentence_end]) else None


@lru_cache(maxsize=16)
def _participles(text: str, start: int, end: int) -> list[int]:
    """Every offset in ``text[start:end]`` where a comma opens a participle clause (", wiping his face"),
    found once per sentence rather than searched for after each cue."""
    found = []
    comma = text.find(",", start, end)
    while comma >= 0:
        if _COMMA_PARTICIPLE.match(text, comma, end):
            found.extend(_space_run_before(text, start, comma))
            found.append(comma)
        comma = text.find(",", comma + 1, end)
    return found


def _space_run_before(text: str, start: int, i: int) -> range:
    """The offsets of the whitespace just before ``i`` (not before ``start``): where a pattern that opens with
    ``\\s*`` matches as well as at ``i``."""
    j = i
    while j > start and text[j - 1].isspace():
        j -= 1
    return range(j, i)


_ADJUNCT_REACH = 300  # the longest run of adjuncts after a cue: "said in a statement on Monday at ..."

_SENTENCE_CLOSE = re.compile(r"\s*[.!?]?[\"”’']?\s*$")

_COMMA_PARTICIPLE = re.compile(r"\s*,\s*(?:also\s+|[a-z]+ly\s+)?([a-z]{2,}ing)\b")

_ADJUNCT_OPENING = re.compile(_ADJUNCT)

# an adjunct holds no stop, colon, semicolon or quotation mark, and no "that" or subject pronoun opening a
# clause: "said on Tuesday that he had examined ..." and "said on Tuesday he had ..." report content
_NOT_IN_ADJUNCT = re.compile(r"[.;:\"“”]|\b(?:that|he|she|they|we|I)\b")

_COMMA_THEN_NO_PREPOSITION = re.compile(rf",\s*(?!\s|{_ADJUNCT_PREPOSITIONS})")

_ADJUNCTS_THEN_CLOSE = re.compile(rf"(?:{_ADJUNCT})*\s*[.!?]?[\"”’']?\s*$")


def _comma_outside_quotes(text: str, start: int, end: int, quotes: list[Quote]) -> int | None:
    """The first comma in ``text[start:end]`` that no quotation holds."""
    i = text.find(",", start, end)
    while i >= 0:
        if not _inside_quote(quotes, i):
            return i
        i = text.find(",", i + 1, end)
    return None


_COORDINATED = re.compile(r",?\s(?:and|but)(?:\s+also)?\s*$")

_WORD = re.compile(r"\S+")

_INTRODUCER = re.compile(
    rf"(?P<adjunct>{_ADJUNCT})?(?:\s*,?\s*(?P<that>that)\b|\s*(?P<colon>:)|\s*,?\s*(?=[\"“])"
    r"|\s+(?=(?:whether|if|why|how|what|who|where)\b))\s*")  # "asked whether ...": a wh-clause is marked too


def _content_start(text: str, cue_end: int, end: int) -> tuple[int, bool, bool]:
    """Where reported content begins after a cue: (offset, introduced by "that", marked).

    "said in a statement that X", "wrote on Truth Social: “X”" and "said, “X”" are *marked*:
    a that-clause, a colon or a quotation follows the cue, perhaps after an adjunct. Otherwise the
    content is whatever follows the cue ("said the plan works").
    """
    m = _INTRODUCER.match(text, cue_end, end)
    if m:
        return m.end(), bool(m["that"]), True
    return cue_end, False, False


def _strip_middle(text: str, start: int, cue_start: int, progressive: bool = False) -> int | None:
    """Where the subject ends before a cue, past auxiliaries and adverbs ("has repeatedly denied");
    None for a passive ("is expected to", "was told"), whose subject is not the one speaking."""
    contraction = _CONTRACTION.search(text, max(start, cue_start - 16), cue_start)  # "He’s claiming"
    if contraction:
        cue_start = contraction.start()
    middle = _ends_with_middle(text, start, cue_start)
    if not middle:
        return cue_start
    if _PASSIVE.search(middle.group()) and not progressive:
        return None
    return middle.start()


_CONTRACTION = re.compile(r"['’](?:s|re|ve|d|ll)\s*$")

_MIDDLE_RUN = re.compile(rf"(?:\s+{_MIDDLE})+\s*$")

# what the last word of such a run may be: a one-word auxiliary or adverb, or the end of a longer one
# ("has also", "on Monday", "last week", "seems to")
_MIDDLE_LAST_WORD = re.compile(
    rf"{_MIDDLE}|also|weeks?|months?|years?|days|decades|time|while|spring|summer|fall|autumn|winter|to|[A-Z][a-z]+day")


def _ends_with_middle(text: str, start: int, end: int) -> re.Match | None:
    """The run of auxiliaries and adverbs that ends ``text[start:end]``, if any.

    A search for a pattern anchored at the end tries every position; a long sentence opening makes that
    slow, so look in the last 120 characters first and widen only when the run may reach further back
    (no auxiliary or adverb is 40 characters long, so a run that starts later than that does not).
    """
    last_end = end  # the last word: quicker to read directly than with a pattern anchored at the end
    while last_end > start and text[last_end - 1].isspace():
        last_end -= 1
    last_start = last_end
    while last_start > start and not text[last_start - 1].isspace():
        last_start -= 1
    if last_start <= start or not _MIDDLE_LAST_WORD.fullmatch(text, last_start, last_end):
        return None  # the word before the cue is no auxiliary or adverb (the usual case: "Smith said")
    window = max(start, end - 120)
    middle = _MIDDLE_RUN.search(text, window, end)
    if window > start and middle is not None and middle.start() - window < 40:
        middle = _MIDDLE_RUN.search(text, start, end)
    return middle


_NOT_CONTENT = re.compile(r"\s+(?:of|when|enough)\b")

_AFTERTHOUGHT = re.compile(r",\s+(?:although|though|even though|even as|whereas|while|but)\s|;\s")

# "... said it was opposed to the test and warned the North to refrain": a second report of the same speaker
# starts at "and warned", or at "but did not say" (after a space, and perhaps a comma: :func:`_content_stops`)
_AND_THEN_CUE = re.compile(r"(?:and|but)\s+(?:also\s+|then\s+)?(?:(?:(?:did|does|would)\s+not|(?:didn|doesn|wouldn)[’']t)\s+"
                           r"|(?=(?:[a-z]+ed|said|told|wrote)\b))([a-z]+)\b")

_COMMA_OR_SEMICOLON = re.compile(r"[,;]")


def _content_end(text: str, sentence: Sentence, start: int, quotes: list[Quote]) -> int:
    """Where content that begins at ``start`` stops: before a concessive clause the writer adds
    ("..., although he again refused") or a second report of the same speaker ("... and warned")."""
    afterthoughts, second_reports = _content_stops(text, sentence.start, sentence.end)
    end = sentence.end
    for at in afterthoughts[bisect.bisect_left(afterthoughts, start):]:
        if not _inside_quote(quotes, at):
            end = at
            break
    for at, word_end, word in second_reports[bisect.bisect_left(second_reports, (start,)):]:
        if word_end > end:
            break
        if word in _cues() and not _inside_quote(quotes, at):
            return at
    participles = _participles(text, sentence.start, sentence.end)
    for at in participles[bisect.bisect_left(participles, start + 1):]:
        if at >= end:
            break
        # "..., telling Stephanopoulos that ...": a participle that reports is the speaker's next report, whose
        # content is its own; a weak one reports only what a "that", colon or quote marks ("adding that ...", not
        # "adding the words ... to the name")
        participle = _COMMA_PARTICIPLE.match(text, at, sentence.end)
        cue = _cues().get(participle[1]) if text[at] == "," else None
        if (cue is not None and (not cue.weak or _content_start(text, participle.end(), sentence.end)[2])
                and not _inside_quote(quotes, at)):
            return at
    return end


@lru_cache(maxsize=16)
def _content_stops(text: str, start: int, end: int) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Every offset in ``text[start:end]`` where an afterthought or a second report could stop content.

    Found once per sentence, not once per cue: a sentence of N cues ("The official said that the official
    said that ...") would otherwise be scanned N times.
    """
    # Each pattern opens with a character or word that str.find and a literal search reach quickly; trying
    # the pattern at every offset instead cost as much as the rest of the sentence's reading.
    afterthoughts = [m.start() for m in _COMMA_OR_SEMICOLON.finditer(text, start, end)
                     if _AFTERTHOUGHT.match(text, m.start(), end)]
    second_reports = []
    found = _AND_THEN_CUE.search(text, start, end)
    while found is not None:
        at = found.start()
        spaces = _space_run_before(text, start, at)
        if spaces:  # "and" after a space (not "brand"), perhaps after a comma: ",? and"
            cue = (found.end(1), found.group(1))
            if spaces.start > start and text[spaces.start - 1] == ",":
                second_reports.append((spaces.start - 1, *cue))
            second_reports.extend((i, *cue) for i in spaces)
        found = _AND_THEN_CUE.search(text, at + 1, end)
    return afterthoughts, second_reports


_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)(?:\s+(?:also|not|never|still|just|[a-z]+ly))*\s*$")
