"""Attributions before their content: ``leading`` ("X said (that) CONTENT", "X told Reuters CONTENT",
"X said: “QUOTE”") and ``participle`` ("X did something, saying (that) CONTENT")."""
from __future__ import annotations

import re

from ..model import Claim, Quote, Sentence
from ..sources import read_mention
from .cues import _TO_VERB, _cue_of
from .spans import (
    _COORDINATED,
    _NOT_CONTENT,
    _char_before,
    _comma_outside_quotes,
    _content_end,
    _content_kind,
    _content_start,
    _make_claim,
    _quote_at,
    _skip_space,
    _strip_middle,
    _trim,
)
from .subjects import (
    _PARTICIPLE_CLAUSE,
    _VERB_ONLY,
    _clause_starts,
    _main_subject,
    _nearest_subject,
    _relative_subject,
    _subject_of_cue_before,
)


def _leading(text: str, sentence: Sentence, quotes: list[Quote], cue_start: int, cue_end: int,
             rest_end: int | None) -> Claim | None:
    """X said (that) CONTENT.  /  X told Reuters CONTENT.  /  X said: “QUOTE.”"""
    # "is telling reporters that": the cue's own word, not its addressee, says whether it is a participle
    participle = text[cue_start:cue_end].split(None, 1)[0].endswith("ing")
    subject_end = _strip_middle(text, sentence.start, cue_start, participle)
    if subject_end is None:
        return None
    if participle and _PARTICIPLE_CLAUSE.search(text, sentence.start, cue_start):
        return _participle(text, sentence, quotes, cue_start, cue_end)
    # What follows the cue is read before the subject: it rules out most non-reports more cheaply.
    content_from, introduced, marked = _content_start(text, cue_end, sentence.end)
    cue = _cue_of(text[cue_start:cue_end])
    if cue.infinitive and _TO_VERB.match(text, cue_end, cue_end + 20):
        # "plans to visit", "decided not to run": the to-clause is the content, even when a wh-word follows
        # inside it ("refused to give details about how ...")
        content_from, introduced, marked = cue_end, False, True
    elif cue.infinitive and not marked and _OBJECT_THEN_TO_VERB.match(text, cue_end, sentence.end):
        marked = True  # "asked Norton to republish the book", "urged the party to unite": whom, then what
    if cue.weak and not marked and _FINITE_CLAUSE.match(text, cue_end, sentence.end):
        marked = True  # "suggested Mr. Trump had shown ...": a clause without "that" is content too
    elif cue.weak and not marked and _OBJECT_AS.match(text, cue_end, sentence.end):
        marked = True  # "described the protests as peaceful", "sees immigrants as a burden": what X is taken for
    if cue.weak and not marked and cue.type != "evidence":
        return None  # "added a feature", "noted the change": not reporting (but see documents below)
    if _BY.match(text, cue_end, cue_end + 4):
        return None  # "declared by the president": a passive participle
    if not marked and _NOT_CONTENT.match(text, cue_end):
        return None  # "said of the plan", "said when she resigned": what follows is an adjunct, not content
    if not marked and text.startswith(",", _skip_space(text, cue_end)):
        return None  # "X said, looking out over the crowd": a comma after the cue opens an adjunct, not content
    if not marked and cue.lemma == "deny" and (_REFUSED_THING.match(text, cue_end, sentence.end)
                                               or _DENIED_SOMEONE_SOMETHING.match(text, cue_end, sentence.end)):
        # "denied the group access to the area", "denied him a second goal": a refusal or a stop, not a
        # denial of something said
        return None
    subject, rule, confidence = None, "leading", 0.85
    perceived = _PERCEIVED.search(text, max(sentence.start, subject_end - 80), subject_end)
    if perceived:
        # "we heard the crowd chant, “Not one more!”": who was heard speaking, not who heard them
        subject = read_mention(text, perceived.start("speaker"), perceived.end("speaker"))
        rule = "leading_perceived"
    if subject is None:
        rule = "leading"
        for clause_start in _clause_starts(text, sentence, quotes, subject_end):
            subject = read_mention(text, clause_start, subject_end)
            if subject is not None:
                break
    if subject is None:
        coordinated = _COORDINATED.search(text, max(sentence.start, subject_end - 40), subject_end)
        if coordinated:
            # "The nominee outlined his plan and vowed to ...": the subject of the first verb
            subject = _main_subject(text, sentence, quotes, coordinated.start())
    relative_end = None
    if subject is not None and _SUBORDINATOR_BEFORE.search(text, max(sentence.start, subject.start - 12), subject.start):
        # "When Mr. Hurt asked Norton to republish the book, it declined": the clause ends at its comma
        relative_end = _comma_outside_quotes(text, cue_end, sentence.end, quotes)
    if subject is None:
        subject = _relative_subject(text, sentence, subject_end)
        rule, confidence = "leading_relative", 0.75
        if subject is not None and _char_before(text, subject.start) == ",":
            # "The agency, which said the review was complete, closed the case": the clause ends at its comma
            relative_end = _comma_outside_quotes(text, cue_end, sentence.end, quotes)
    if subject is None and _VERB_ONLY.fullmatch(text[cue_start:cue_end].split()[0]):
        subject = _nearest_subject(text, sentence.start, subject_end)
        rule, confidence = "leading_nearest", 0.7
    if subject is None:
        return None
    if (cue.weak or cue.type == "evidence") and not marked and subject.kind != "document":
        # an evidence cue reports unmarked content of a document only: "a 2014 study found 31 cases", not
        # "Officials showed reporters the damage" (a showing, not a finding)
        return None
    if (subject.start > sentence.start and _char_before(text, subject.start) == "("
            and ")" in text[cue_end:sentence.end]):
        relative_end = text.index(")", cue_end, sentence.end)  # "(her campaign later disclosed that ...)"
    start, end = _trim(text, content_from, relative_end or _content_end(text, sentence, content_from, quotes))
    if end - start < 3:
        return None
    kind = _content_kind(text, start, end, quotes, introduced)
    # a quoted stretch followed by more text ("X said “A” and B") is mixed, not direct
    if kind == "direct" and _quote_at(quotes, start, end) is None:
        kind = "mixed"
    if (cue.type == "speech" and _WH_WORD.match(text, start, end)
            and _NEGATED.search(text, subject.end, cue_start)):
        # "U.S. officials have not said why ...": what was not said is a non-response, not a claim
        kind, rule = "no_comment", rule + "+negated"
    return _make_claim(text, start, end, kind, (cue_start, cue_end), subject, sentence, rule, confidence)


# a verb of perceiving, then whom: "heard the crowd chant", "watched protesters shout", "listened to her say"
_PERCEIVED = re.compile(r"\b(?:heard|hear|hears|hearing|saw|see|sees|seeing|watched|watch|watches|listened to|"
                        r"listen to|listens to)\s+(?P<speaker>[\w’'.-]+(?:\s+[\w’'.-]+){0,5}?)\s*$")

_SUBORDINATOR_BEFORE = re.compile(r"\b(?:[Ww]hen|[Aa]fter|[Bb]efore|[Bb]ecause|[Ss]ince|[Ii]f|[Uu]nless|[Oo]nce|"
                                  r"[Uu]ntil|[Ww]hile|[Aa]lthough|[Tt]hough|[Ww]hereas|, which|, who|, whom)\s+$")

_BY = re.compile(r"\s+by\b")

_OBJECT_AS = re.compile(r"(?:\s+(?!as\b)[\w.’'-]+){1,5}?\s+as\s+(?!well\b|soon\b|long\b|part\b|much\b|many\b)")

# a clause's opening: a subject pronoun and its verb, or a short noun phrase and an auxiliary
_FINITE_CLAUSE = re.compile(
    r"\s+(?:(?:he|she|they|we|I|you)(?:['’](?:ll|d|s|re|ve|m))?\s+(?!to\b)[a-z]+|(?:it|there)['’]s\b|"
    r"(?:it|there|the|a|an|his|her|their|its|our|this|[A-Z][\w.’'-]*)"
    r"(?:\s+(?!that\b|which\b|who\b)[\w.’'-]+){0,4}?\s+(?:is|are|was|were|would|will|has|have|had|can|could|should|"
    r"may|might|must|does|did|be|(?:won|can|don|doesn|didn|isn|aren|wasn|weren|hasn|haven|hadn|wouldn|couldn|"
    r"shouldn)['’]t)\b)")

_OBJECT_THEN_TO_VERB = re.compile(r"(?:\s+(?!to\b)[\w.’'-]+){1,4}?\s+to\s+(?!the\b|a\b|an\b)[a-z]+\b")

# "deny someone something": what is refused, after at most four words naming who
_REFUSED_THING = re.compile(
    r"(?:\s+[\w.’'-]+){1,4}?\s+(?:access|entry|admission|permission|bail|visas?|the right|the chance|"
    r"a chance|the opportunity|an opportunity|service|treatment|care|benefits|funding)\b")

_DENIED_SOMEONE_SOMETHING = re.compile(r"\s+(?:him|her|them|us|me|it)\s+(?:a|an|the|any|his|her|their|its|another)\b")

_WH_WORD = re.compile(r"\s*(?:whether|if|why|how|what|who|where)\b")

_NEGATED = re.compile(r"\b(?:not|never)\b|n['’]t\b")


def _participle(text: str, sentence: Sentence, quotes: list[Quote], cue_start: int, cue_end: int) -> Claim | None:
    """X did something, saying (that) CONTENT: the speaker is the subject of the main clause, or of the
    attribution the participle follows ("The talks will resume, Spicer said, adding that ...")."""
    subject = _subject_of_cue_before(text, sentence, cue_start) or _main_subject(text, sentence, quotes, cue_start)
    if subject is None:
        return None
    content_from, introduced, marked = _content_start(text, cue_end, sentence.end)
    if _cue_of(text[cue_start:cue_end]).weak and not marked:
        return None
    start, end = _trim(text, content_from, _content_end(text, sentence, content_from, quotes))
    if end - start < 3:
        return None
    kind = _content_kind(text, start, end, quotes, introduced)
    if kind == "direct" and _quote_at(quotes, start, end) is None:
        kind = "mixed"
    return _make_claim(text, start, end, kind, (cue_start, cue_end), subject, sentence, "participle", 0.75)
