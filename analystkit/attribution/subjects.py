"""Who speaks: the subject of a cue, read back from it through clause openers, relative pronouns and
coordinated verbs."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..model import Mention, Quote, Sentence
from ..sources import read_mention
from .cues import _cue_pattern
from .spans import _ADJUNCT, _WORD, _inside_quote, _lowered, _strip_middle

_ADJUNCT_THEN_COMMA = re.compile(rf"(?:{_ADJUNCT})?\s*,\s*")

_SPACE_THEN_LOWER = re.compile(r"\s+(?=([a-z]+))")

_PARTICIPLE_CLAUSE = re.compile(r",\s*(?:\w+ly\s+|also\s+)?$")


def _subject_of_cue_before(text: str, sentence: Sentence, participle_start: int) -> Mention | None:
    """The subject of a trailing or inverted attribution right before a participle: "Spicer" in "..., Spicer
    said on Monday, adding that ..." or "..., said Spicer, adding that ..." (None if no cue and comma come
    right before the participle)."""
    cue = None
    for cue in _cue_pattern().finditer(text, sentence.start, participle_start):
        pass
    if cue is None:
        return None
    if not _ADJUNCT_THEN_COMMA.fullmatch(text, cue.end(), participle_start):
        # "..., said the minister, adding that ...": an inverted attribution, its subject after the cue
        comma = text.rfind(",", cue.end(), participle_start)
        if comma < 0 or text[comma + 1:participle_start].strip():
            return None
        return read_mention(text, cue.end(), comma)
    # the subject runs back from the cue to the nearest comma or closing quote mark
    start = max(text.rfind(",", sentence.start, cue.start()), text.rfind("”", sentence.start, cue.start()),
                text.rfind('"', sentence.start, cue.start())) + 1
    if start <= sentence.start:
        return None  # "Spicer said, adding ...": the main subject is the same one
    subject_end = _strip_middle(text, start, cue.start())
    return read_mention(text, start, subject_end) if subject_end is not None else None


def _main_subject(text: str, sentence: Sentence, quotes: list[Quote], limit: int) -> Mention | None:
    """The first noun phrase opening a clause of the sentence that reads as a source and is followed by a
    lowercase word that may be its verb: "Rival Hillary Clinton" in "Rival Hillary Clinton had mocked it"."""
    for clause_start in _clause_starts(text, sentence, quotes, limit):
        first_reading = None
        for m in _SPACE_THEN_LOWER.finditer(text[clause_start:limit]):
            if m.start() > 160:
                break
            after = m.group(1)
            if after in _NOT_A_VERB:
                continue  # "Former Secretary | of State ...": the noun phrase goes on
            mention = read_mention(text, clause_start, clause_start + m.start())
            if mention is None:
                continue
            # the first phrase followed by what looks like a verb ("The Republican nominee | outlined"), and not
            # by a word that the noun phrase takes in ("Central European | leaders"); else the first phrase
            if (after in _AUXILIARIES or after.endswith(("ed", "s"))) and (
                    read_mention(text, mention.start, clause_start + m.end() + len(after)) is None):
                return mention
            first_reading = first_reading or mention
        if first_reading is not None:
            return first_reading
    return None


_AUXILIARIES = frozenset("is are was were has have had will would can could did does do may might must should "
                         "also had took made gave went came said told".split())

_NOT_A_VERB = frozenset("of for at in on from with by to the a an and or who which that whose".split())

_RELATIVE_PRONOUN = re.compile(r"(?P<comma>,\s*)?\b(?P<pronoun>who|which)\s*$")


def _relative_subject(text: str, sentence: Sentence, subject_end: int) -> Mention | None:
    """"..., the senator, who said that ...": the relative pronoun, standing for the noun phrase before it.

    The mention is the pronoun as written, with the name and kind of its antecedent (and ``refers_*``
    pointing at it), as a resolved pronoun's is.
    """
    # The pattern ends at subject_end: search only the stretch that can hold it (searching from the sentence
    # start made every cue of a long sentence cost its whole length)
    m = _RELATIVE_PRONOUN.search(text, max(sentence.start, subject_end - 200), subject_end)
    if not m:
        return None
    antecedent = _nearest_subject(text, sentence.start, m.start(), after_preposition=True)
    if antecedent is None or antecedent.kind == "pronoun":
        return None
    if (m["pronoun"] == "who") != (antecedent.kind in ("person", "anonymous")):
        return None  # "who" stands for people, "which" for institutions and documents
    start, end = m.start("pronoun"), m.end("pronoun")
    return replace(antecedent, start=start, end=end, text=text[start:end], refers_start=antecedent.start,
                   refers_end=antecedent.end)


def _nearest_subject(text: str, start: int, end: int, after_preposition: bool = False) -> Mention | None:
    """The longest noun phrase of at most six words ending right before the cue, when no clause opening
    gives one: "In a 2016 meeting with the editorial board Trump said ..." -> "Trump"."""
    words = list(_WORD.finditer(text, _last_words_start(text, start, end, 6), end))
    for n, w in enumerate(words):
        if n and (words[n - 1].group()[:1].isupper() or words[n - 1].group().lower() in _SUBJECT_OPENERS
                  or words[n - 1].group().endswith(",")):
            continue  # the phrase would start inside a name or after its determiner
        first = w.group()
        if not (first[:1].isupper() or first.lower() in _SUBJECT_OPENERS):
            continue
        if n and words[n - 1].group().lower() in _NOT_A_VERB and not after_preposition:
            continue  # "on Tuesday by a group ...": inside a prepositional phrase
        if any(x.group().endswith(",") for x in words[n:-1]):
            continue
        mention = read_mention(text, w.start(), end)
        if mention is not None:
            return mention
    return None


def _last_words_start(text: str, start: int, end: int, count: int) -> int:
    """Where the last ``count`` words (runs of non-space) of ``text[start:end]`` begin."""
    i = end
    for _ in range(count):
        while i > start and text[i - 1].isspace():
            i -= 1
        if i == start:
            break
        while i > start and not text[i - 1].isspace():
            i -= 1
    return i


# cue forms that cannot be nouns ("said", "warned", "says"), unlike "report", "show", "claims", "plans"
_VERB_ONLY = re.compile(r"[a-z]+ed|said|says|told|tells|wrote|writes|thought|knew|felt|sought|insists|argues|"
                        r"warns|adds|notes|explains|admits|concedes|believes|thinks|knows|tweets|denies|vows|"
                        r"pledges|urges|insisted|saying|telling|arguing|warning|adding|noting|claiming")

_SUBJECT_OPENERS = frozenset("the a an this that these those his her its their our my your some many several".split())

_CLAUSE_OPENER = re.compile(
    r"(?:(?:,|\b(?:and|but|though|although|because|as|while|whereas|since|if|which|so|yet|when|after|before|"
    r"where|that|whom|until|unless|once)\b)\s+|\(\s*)")  # matched against the lowered text

_CLAUSE_OPENER_ANY_CASE = re.compile(_CLAUSE_OPENER.pattern, re.I)

# a wire dateline opening a sentence: a city in capitals ("WASHINGTON —", "NEW YORK, N.Y. (AP) -") or any city
# with its agency in brackets ("Washington (AFP) –"), then a dash
_DATELINE_OPENING = re.compile(
    r"(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][A-Za-z.]+)?\s*(?:\([^()\n]{1,30}\)\s*)?"
    r"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:,\s+[A-Z][\w.]+)?\s*\([^()\n]{1,30}\)\s*)[—–-]{1,2}\s+")

_SUBJECT_REACH = 400  # characters before a cue in which its subject may begin


def _clause_starts(text: str, sentence: Sentence, quotes: list[Quote], subject_end: int) -> Iterator[int]:
    """Where the subject of a leading attribution may begin: the sentence start, after an opening phrase
    ("In a statement, the ministry said"), or after a conjunction ("..., though she noted")."""
    yield sentence.start
    dateline = _DATELINE_OPENING.match(text, sentence.start, subject_end)
    if dateline:
        yield dateline.end()  # "WASHINGTON — Sen. Sanders defended ...": the subject follows the dateline
    # A subject is a noun phrase of at most 160 characters (read_mention reads no longer one), perhaps with
    # an aside after it: openers further back than that cannot start one, and looking at them all made a
    # long run-on sentence cost the square of its length.
    lo = max(sentence.start, subject_end - _SUBJECT_REACH)
    lowered = _lowered(text)
    openers = (_CLAUSE_OPENER.finditer(lowered, lo, subject_end) if lowered is not None
               else _CLAUSE_OPENER_ANY_CASE.finditer(text, lo, subject_end))
    starts = [m.end() for m in openers]
    # after a closing quote: "“...,” Mr. Ackman said at the time, adding that ..."
    starts += [q.end for q in quotes if q.closed and lo < q.end < subject_end]
    for start in sorted(starts):
        if not _inside_quote(quotes, start):
            yield start
