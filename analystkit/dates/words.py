"""The words expressions are made of (numbers, months, weekdays, units, modifiers) and the words around
them that tell the tense (plans, deadlines, timetables), as patterns and lists."""
from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from .. import lexicons

_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a couple of": 2, "a couple": 2,
    "a dozen": 12, "dozen": 12, "a hundred": 100, "hundred": 100, "a half": 0.5, "half a": 0.5, "half an": 0.5,
}
for _i, _tens in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]):
    _NUMBER_WORDS[_tens] = 20 + 10 * _i
    for _j, _one in enumerate(_ONES):
        _NUMBER_WORDS[f"{_tens}-{_one}"] = _NUMBER_WORDS[f"{_tens} {_one}"] = 21 + 10 * _i + _j


# Vague quantities as (fewest, most).
_VAGUE_NUMBERS = {"a few": (2, 4), "few": (2, 4), "several": (3, 7), "a number of": (2, 6), "some": (2, 6),
                  "many": (5, 20)}

_NUM = r"(?:\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:\s+1/2)?|" + lexicons.word_pattern([*_NUMBER_WORDS, *_VAGUE_NUMBERS], space=re.escape(" ")) + ")"

_TEENS_TENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
               "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

# "nineteen ninety-six", "nineteen hundred", "two thousand and one": years as they are said on air
_SPELLED_YEAR = (r"(?P<spelled>(?:nineteen|twenty)[\s-](?:hundred(?:\s+and\s+(?P<sy_h>[a-z]+(?:[\s-][a-z]+)?))?|"
                 r"(?P<sy_tens>" + "|".join(_TEENS_TENS) + r")(?:[\s-](?P<sy_one>" + "|".join(_ONES) + r"))?)|"
                 r"two\s+thousand(?:\s+and)?(?:[\s-](?P<sy_two>" + "|".join(_ONES) + r"))?)(?![\w-])")

# Month names as prefix trees: the engine tries each position once, not once per name, and a longer name still
# wins over its prefix ("Sept." over "Sept").
_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"]

_MONTH = "(?:" + lexicons.word_pattern([*_MONTH_NAMES, "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sept.",
                                        "Sep.", "Oct.", "Nov.", "Dec.", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov",
                                        "Dec"]) + ")"

_MONTH_FULL = "(?:" + lexicons.word_pattern([*_MONTH_NAMES, "Sept.", "Oct.", "Nov.", "Dec.", "Jan.", "Feb.",
                                             "Aug."]) + ")"


def _either_case(*words: str) -> str:
    """A prefix tree of ``words`` in lower case and with a capital first letter ("last", "Last"), a longer word
    before its prefix ("this past" before "this"). Faster than ``[Ll]ast|[Nn]ext|...``: the engine skips an
    alternative on its first character only when that is a plain character, not a set."""
    return "(?:" + lexicons.word_pattern([*words, *(w[0].upper() + w[1:] for w in words)], space=" ") + ")"


def _begins_with_one_of(*words: str) -> str:
    """A lookahead for the first letters of ``words``, to open a pattern whose matches can only begin with one
    of them: at any other position (most) the pattern then fails on one test of a set, before its optional
    modifiers and names are tried letter by letter (month and weekday families: ~25-50% faster)."""
    return "(?=[" + re.escape("".join(sorted({w[0] for w in words}))) + "])"


# Modifiers before a month or a weekday name, in running text or at the start of a sentence.
_PART_OF_MONTH = _either_case("early", "late", "mid")

_MONTH_MODIFIER_WORDS = ("early", "late", "mid", "last", "next", "this past", "this coming", "this")

_MONTH_MODIFIER = _either_case(*_MONTH_MODIFIER_WORDS)

_WEEKDAY_MODIFIER_WORDS = ("last", "next", "this past", "this coming", "this", "past", "coming", "the previous",
                           "the following")

_WEEKDAY_MODIFIER = _either_case(*_WEEKDAY_MODIFIER_WORDS)

_HOLIDAY_MODIFIER = _either_case("last", "next", "this coming", "this")

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_CAPITALISED_WEEKDAYS = [w.capitalize() for w in _WEEKDAYS]

_UNIT = r"(?P<unit>day|week|fortnight|month|year|decade|centur(?:y|ie)|quarter|hour|minute)s?"

_UNIT_CODE = {"day": "D", "week": "W", "fortnight": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE",
              "quarter": "Q", "hour": "H", "minute": "M", "second": "S"}

_PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}

_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "last": 4, "final": 4}

_SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "fall": ("FA", 9), "autumn": ("FA", 9), "winter": ("WI", 12)}

# Words after a number that make it a count, not a year ("1500 troops"), and words before one that make it a code
# (both read in the case-folded text).
_COUNT_NOUN = re.compile(
    r"\s*(?:%|percent|per|people|persons|men|women|children|troops|soldiers|workers|employees|jobs|votes|points|"
    r"feet|foot|meters|metres|miles|kilometers|kilometres|km|tons|tonnes|pounds|barrels|acres|units|shares|cars|"
    r"homes|houses|cases|deaths|students|schoolchildren|pupils|patients|residents|voters|refugees|members|seats|"
    r"calories|words|pages|rooms|hours|minutes|times|yards|"
    r"dollars|euros|yen|marks|francs|rupees)\b")

_CODE_WORDS = ("route", "flight", "boeing", "airbus", "no", "number", "room", "suite", "model", "highway", "interstate",
               "channel", "page", "apartment", "box", "code", "chapter", "section", "article", "rule", "resolution",
               "item", "version", "at", "exit", "gate", "bus", "line", "track", "seat", "rank")

_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|during|through|from|of|before|after|to|and|or|between|early|late|mid|last|next|"
    r"this|that|each|every|for|on|past|throughout|around|about|into)[\s-]+$", re.I)

_CLAUSE_BREAK = re.compile(r"[,;:]")

# The patterns below without re.I are written in lower case and read the case-folded text (see _case_folded).
# A plan told in the past: "had been scheduled", "was due", "were expected to".
_PAST_OF_FUTURE = re.compile(r"\b(?:had\s+been|had|was|were)\s+\Z")

# A deadline right before an expression points it forward too ("repay the loan by February").
_DEADLINE = re.compile(r"\b(?:by|through|till|before|payable|effective|starting|beginning|due)\s+"
                       r"(?:(?:early|late|mid|the end of|the middle of)[\s-]+)?\Z")

_DEADLINE_LAST_WORDS = ("by", "through", "till", "before", "payable", "effective", "starting", "beginning", "due",
                        "early", "late", "mid", "of")

# A past perfect near a limit ("until", "by") sees the limit from after it: "Until Thursday, they had not
# named him", "had filed reports by Wednesday".
_PAST_PERFECT = re.compile(r"\bhad\b(?!\s+been\s+(?:scheduled|expected|due|set|planned|slated)\b)")

_LIMITS = ("until", "till", "by", "before", "through")

# A timetable told in the present, right before the expression: "the leaders meet separately Monday",
# "the trial opens on June 3". News tells what happened in the past tense, so the present here is a plan
# (after "to" the verb is an infinitive, whose tense the words before it tell: "had been due to expire Friday").
# Verbs that are also nouns count only with their -s ("a rocky start Monday" is not a plan).
_SCHEDULE = re.compile(r"(?<!\bto )\b(?:meets?|begins?|starts|opens|resumes?|arrives?|leaves|returns|visits|travels|"
                       r"heads|convenes?|reconvenes?|takes office|expires?|is due|are due)"
                       r"(?:\s+(?:again|here|there|separately|formally|officially))?(?:\s+on)?\s+\Z")

_SCHEDULE_LAST_WORDS = ("meet", "meets", "begin", "begins", "starts", "opens", "resume", "resumes", "arrive", "arrives",
                        "leaves", "returns", "visits", "travels", "heads", "convene", "convenes", "reconvene",
                        "reconvenes", "office", "expire", "expires", "due", "again", "here", "there", "separately",
                        "formally", "officially", "on")

# Before a year earlier than 1900 (otherwise as often a count: "a survey of 1709 children").
_EARLY_YEAR_BEFORE = re.compile(r"\b(?:in|since|until|till|by|during|from|before|after|between|around|circa|early|late|"
                                r"mid|and|to)[\s-]+\Z", re.I)

# Words that, just before an expression, point it forward in time ("is scheduled to close Monday").
_FUTURE_WORDS = [
    "will", "won't", "wo", "shall", "'ll", "going to", "set to", "scheduled", "is due", "are due", "due to", "upcoming",
    "expect to", "expects to", "expected to", "plan to", "plans to", "planned to", "planning to", "intend to",
    "intends to", "would", "might", "as early as", "as soon as", "until", "is to", "are to", "postponed", "next"]

_FUTURE = re.compile(r"\b(?:" + lexicons.word_pattern(_FUTURE_WORDS, space=re.escape(" ")) + r")\b")

# Text that every future word holds ("wo" in "would", "plan" in "planned to"): a stretch of text without any of
# it has no future word, a test several times cheaper than the pattern, which tries every position (a test
# checks that every future word holds one).
_FUTURE_CLUES = ("will", "wo", "shall", "'ll", "going to", "set to", "scheduled", "due", "upcoming", "expect", "plan",
                 "intend", "might", "as early as", "as soon as", "until", "is to", "are to", "postponed", "next")

# Words that can widen an expression to the left (TimeML counts them in the span); read in the case-folded text.
_LEFT = {
    "duration": re.compile(
        r"(?:\b(?:nearly|almost|around|roughly|approximately|some|more than|less than|fewer than|"
        r"up to|at least|at most|no more than|not more than|just over|just under|another|an additional|a full|"
        r"the full|the first|the last|the final|the next|the same|the|each of the)\s+)+\Z"),
    # before "a week", "an hour": the same, without articles
    "duration_over": re.compile(
        r"(?:\b(?:nearly|almost|around|roughly|approximately|some|more than|less than|fewer than|"
        r"up to|at least|at most|no more than|not more than|another|the full|"
        r"the first|the last|the final|the next|the same|each of the)\s+)+\Z"),
    "duration_the": re.compile(r"(?:\b(?:nearly|almost|around|roughly|approximately|at least|more than|"
                               r"less than|each of)\s+)+\Z"),
    "point": re.compile(
        r"(?:\b(?:nearly|almost|around|roughly|approximately|some|more than|less than|"
        r"early|late|earlier|later|mid|the end of|the beginning of|the start of|the middle of|the turn of|"
        r"the first half of|the second half of|the latter half of|the last half of|a good part of|"
        r"the close of)[\s-]+)+\Z"),
    "day": re.compile(r"(?:\b(?:early|late|earlier|later|mid|nearly|around|just before|just after|"
                      r"the (?:end|morning|evening|night) of)[\s-]+)+\Z"),
    "vague": re.compile(r"(?:\b(?:more|most)\s+)\Z"),
    "decade": re.compile(r"(?:\bthe\s+)?(?:(?:early|mid|late)[\s-]+)?\Z"),
}

# The last word of each modifier above: a pattern runs only when the text before an expression ends with one.
_LEFT_LAST_WORDS = {
    "duration": ("nearly", "almost", "around", "roughly", "approximately", "some", "than", "to", "least", "most",
                 "over", "under", "another", "additional", "full", "first", "last", "final", "next", "same", "the"),
    "duration_over": ("nearly", "almost", "around", "roughly", "approximately", "some", "than", "to", "least", "most",
                      "another", "full", "first", "last", "final", "next", "same", "the"),
    "duration_the": ("nearly", "almost", "around", "roughly", "approximately", "least", "than", "of"),
    "point": ("nearly", "almost", "around", "roughly", "approximately", "some", "than", "early", "late", "earlier",
              "later", "mid", "of"),
    "day": ("early", "late", "earlier", "later", "mid", "nearly", "around", "before", "after", "of"),
    "vague": ("more", "most"),
    "decade": ("the", "early", "mid", "late"),
}


def _ends_with(lower: str, start: int, words: tuple[str, ...]) -> bool:
    """Whether the lower-cased text before ``start``, past spaces and hyphens ("mid-1990s"), ends with one of
    ``words``: a quick test before a pattern that must end at ``start`` (such a search tries every position)."""
    return lower.endswith(words, 0, _word_end(lower, start))


def _word_end(lower: str, start: int) -> int:
    """Where the text before ``start`` ends once the spaces and hyphens right before ``start`` are left out."""
    j = start
    while j > 0 and (lower[j - 1] in " -" or lower[j - 1].isspace()):
        j -= 1
    return j


class _Resolved(NamedTuple):
    """What a resolver makes of a match (a named tuple: resolvers build one per candidate, and a tuple is
    built several times faster than a frozen dataclass)."""

    value: str | None
    start: date | None
    end: date | None
    granularity: str | None
    certainty: str
    timex: str | None = "DATE"
    kind: str | None = None  # overrides the family's kind
    stop: int | None = None  # ends the expression before the end of the match


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _any_in(words: tuple[str, ...], stretch: str) -> bool:
    for word in words:
        if word in stretch:
            return True
    return False


# Characters that a case-insensitive pattern takes for an ASCII letter though their lower case is not that
# letter (the Kelvin sign, the long s, the dotless i), and the one whose lower case is two characters long
# (the dotted capital I): the case-folded text spells them as that letter.
_CASE_FOLD_ODDITIES = {"\u212a": "k", "\u017f": "s", "\u0131": "i", "\u0130": "i"}


def _case_folded(text: str, lower: str) -> str:
    """``text`` as case-sensitive patterns written in lower case should read it: they then match where the same
    patterns with ``re.I`` match ``text``, at the same offsets, about twice as fast (``re.I`` makes the engine
    fold the case of every character it compares). That is ``lower`` (``text.lower()``), the same object,
    unless ``text`` holds one of the few characters whose case folds oddly."""
    if text.isascii() or not any(c in text for c in _CASE_FOLD_ODDITIES):
        return lower
    return text.translate(str.maketrans(_CASE_FOLD_ODDITIES)).lower()


_A_YEAR_BEFORE = re.compile(r"year[\s-](?:ago|earlier)", re.I)
