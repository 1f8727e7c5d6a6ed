"""Temporal expressions: find them in text and resolve them against the publication date.

Each family of expressions is one regular expression and one resolver. A resolver
turns a match into a TIMEX3-style ``value`` and type (DATE, TIME, DURATION, SET) and
a calendar interval ``[start_date, end_date]`` with a granularity and a certainty:

=================  ==========================  ==========================
expression         value                       interval (published 2023-05-17)
=================  ==========================  ==========================
May 17, 2023       2023-05-17                  2023-05-17 .. 2023-05-17
two weeks ago      2023-W18                    2023-05-01 .. 2023-05-07
a few weeks ago    2023-04-19/2023-05-03       2023-04-19 .. 2023-05-03
last year          2022                        2022-01-01 .. 2022-12-31
the third quarter  2022-Q3 (told in the past)  2022-07-01 .. 2022-09-30
on Monday          2023-05-15 (past tense)     2023-05-15 .. 2023-05-15
10 p.m. Monday     2023-05-15T22:00            2023-05-15 .. 2023-05-15
recently           PAST_REF                    2023-02-16 .. 2023-05-17 (vague)
for three years    P3Y                         none (a duration)
every week         P1W                         none (a set)
=================  ==========================  ==========================

Spans follow TimeML: they include modifiers ("early 1990", "nearly two years",
"the first nine months") and leave out prepositions ("in the past" is found as
"the past"). Relative expressions need a publication date; without one they are
reported with ``resolved=False`` and no interval. Impossible dates (February 30,
25:00) are not reported at all.

Speed: one pass of a keyword scanner over the lower-cased text finds the words
that can start or carry an expression (month and weekday names, numbers, time
units, vague words); each family's pattern then runs only in short windows
around its own keywords, as far on either side as its matches reach, never over
the whole text (``benchmarks/dates_speed.py`` times this stage alone).

The conventions follow Pustejovsky et al. (2003), the TimeML/TIMEX3 annotation
guidelines and the TempEval-3 task (UzZaman et al., 2013); the rules are in the
spirit of HeidelTime (Strötgen & Gertz, 2013): patterns per expression family,
normalised against the document creation time, with the sentence's tense
deciding the direction of "Monday" or "March".
"""
from __future__ import annotations

import bisect
import calendar
import itertools
import operator
import re
import string
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from . import lexicons
from .clean import MONTHS
from .model import Sentence, TimeExpression
from .segment import sentence_at

# ---------------------------------------------------------------- words

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


# ---------------------------------------------------------------- calendar helpers
# News tells the same few days, months and years again and again: the helpers that build a period are
# cached (they are pure, and what they return cannot change).


def _add_months(d: date, months: int) -> date:
    month0 = d.month - 1 + months
    year, month = d.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


@lru_cache(maxsize=4096)
def _month_interval(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=4096)
def _week_of(d: date) -> tuple[str, date, date]:
    year, week, _ = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return f"{year}-W{week:02d}", monday, monday + timedelta(days=6)


@lru_cache(maxsize=4096)
def _quarter(year: int, q: int, certainty: str = "exact") -> _Resolved:
    year, q = year + (q - 1) // 4, (q - 1) % 4 + 1
    start = date(year, 3 * q - 2, 1)
    return _Resolved(f"{year}-Q{q}", start, _add_months(start, 3) - timedelta(days=1), "quarter", certainty)


@lru_cache(maxsize=4096)
def _year_span(year: int, certainty: str = "exact") -> _Resolved:
    return _Resolved(str(year), date(year, 1, 1), date(year, 12, 31), "year", certainty)


def _number(word: str) -> float | tuple[int, int] | None:
    word = " ".join(word.lower().replace(",", "").split())
    if word.endswith(" 1/2"):
        base = _number(word[:-4])
        return base + 0.5 if isinstance(base, (int, float)) else None
    if word in _NUMBER_WORDS:  # before int() and float(), whose failures are slow
        return _NUMBER_WORDS[word]
    if word in _VAGUE_NUMBERS:
        return _VAGUE_NUMBERS[word]
    try:
        return int(word)
    except ValueError:
        pass
    try:
        return float(word)
    except ValueError:
        return None


def _month_number(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def _unit(word: str) -> str:
    word = word.lower()
    return "century" if word.startswith("centur") else word.rstrip("s") if word != "days" else "day"


def _pick_year(month: int, day: int | None, published: date, future: bool) -> int:
    """The year of a month (and day) written without one: the publication year, except that a month
    three or more months ahead told without a future word is last year's ("found in December", in a
    January article), and a month four or more months back told with one is next year's ("will
    join in April", in an October article)."""
    ahead = month - published.month
    if ahead >= 3 and not future:
        return published.year - 1
    if ahead <= -4 and future:
        return published.year + 1
    return published.year


def _duration_value(amount, unit: str) -> str:
    if isinstance(amount, tuple):
        n = "X"
    elif amount == int(amount):
        n = str(int(amount))
    else:
        n = None
    prefix = "PT" if unit in ("hour", "minute", "second") else "P"
    if unit == "decade":
        return "PXY" if n == "X" else f"P{round(amount * 10)}Y"
    if unit == "century":
        return f"P{n}CE" if n else f"P{int(amount * 100)}Y"
    if unit == "fortnight":
        return f"P{int(amount * 2) if not isinstance(amount, tuple) else 'X'}W"
    if n is None:  # "2 1/2 years" -> P2Y6M, "an hour and a half"
        whole, half = int(amount), {"year": "6M", "month": "15D", "week": "3D", "day": "12H", "hour": "30M",
                                    "minute": "30S", "quarter": "45D"}.get(unit, "")
        if unit in ("hour", "minute"):
            return f"PT{whole}{_UNIT_CODE[unit]}{half}" if whole else f"PT{half}"
        if unit == "day":
            return f"P{whole}DT{half}"
        return f"P{whole}{_UNIT_CODE[unit]}{half}" if whole else f"P{half}"
    return f"{prefix}{n}{_UNIT_CODE[unit]}"


# ---------------------------------------------------------------- resolvers
# Each takes (match, published or None, future) and returns a _Resolved, or None to drop the match.


@lru_cache(maxsize=4096)
def _day(d: date, certainty: str = "exact") -> _Resolved:
    return _Resolved(d.isoformat(), d, d, "day", certainty)


def _iso(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    return _day(date(int(m["y"]), int(m["m"]), int(m["d"])))


def _numeric(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    year = int(m["y"])
    year += 2000 if year < 100 else 0
    return _day(date(year, int(m["m"]), int(m["d"])))


def _month_day(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    month, day = _month_number(m["month"]), int(m["day"])
    if m["weekof"]:
        d = _month_day(_Without(m, "weekof"), published, future)
        if d is None or d.start is None:
            return d
        value, start, end = _week_of(d.start)
        return _Resolved(value, start, end, "week", "exact")
    if m["year"]:
        return _day(date(int(m["year"]), month, day))
    if published is None:
        date(2000, month, day)  # still reject February 30
        return _Resolved(f"XXXX-{month:02d}-{day:02d}", None, None, "day", "exact")
    return _day(date(_pick_year(month, day, published, future), month, day))


def _month_year(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    year, month = int(m["year"]), _month_number(m["month"])
    start, end = _month_interval(year, month)
    return _Resolved(f"{year}-{month:02d}", start, end, "month", "exact")


def _bare_month(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    month = _month_number(m["month"])
    modifier = (m["mod"] or "").lower()
    if not modifier and not m["rel"] and m["month"] in ("May", "March") and not _PREPOSITION_BEFORE.search(
            m.string, max(0, m.start() - 12), m.start()):
        return None  # "May" and "March" alone are verbs and nouns as often as months
    if published is None:
        return _Resolved(f"XXXX-{month:02d}", None, None, "month", "exact")
    rel = (m["rel"] or "").lower()
    if rel:
        year = published.year + {"this": 0, "last": -1, "next": 1}[rel]
    elif modifier in ("last", "this past"):
        year = published.year - (1 if month >= published.month else 0)  # the latest one before publication
    elif modifier in ("next", "this coming"):
        year = published.year + (1 if month <= published.month else 0)
    elif modifier == "this":
        year = published.year
    else:
        year = _pick_year(month, None, published, future)
    start, end = _month_interval(year, month)
    return _Resolved(f"{year}-{month:02d}", start, end, "month", "exact")


def _year(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    year = int(m["year"])
    text, start, end = m.string, m.start(), m.end()
    if not m["fiscal"]:
        if _count_noun_after(text, end) or _code_word_before(text, start):
            return None  # "1500 troops", "Route 2020", "at 1990" (a price or a level)
        if year < 1900 and not _EARLY_YEAR_BEFORE.search(text, max(0, start - 12), start):
            return None
    return _year_span(year)


def _count_noun_after(text: str, end: int) -> bool:
    """Whether a count noun follows the number ending at ``end`` ("1500 troops", "two thousand years")."""
    after = text[end:end + 20]
    return _COUNT_NOUN.match(_case_folded(after, after.lower())) is not None


def _code_word_before(text: str, start: int) -> bool:
    """Whether a code word and a space stand right before the number starting at ``start`` ("Route 2020").

    A test of the end of the 16 characters before it: a pattern that must end at ``start`` would be tried at
    each of them."""
    before = text[max(0, start - 16):start]
    word = before.rstrip()
    return len(word) < len(before) and _case_folded(word, word.lower()).endswith(_CODE_WORDS)


def _spelled_year_value(m: re.Match) -> int:
    text = m.group()[m.start("spelled") - m.start():].lower()
    if text.startswith("two"):
        return 2000 + (_NUMBER_WORDS[m["sy_two"].lower()] if m["sy_two"] else 0)
    century = 1900 if text.startswith("nineteen") else 2000
    if m["sy_tens"]:
        return century + int(_NUMBER_WORDS[m["sy_tens"].lower()]) + (
            int(_NUMBER_WORDS[m["sy_one"].lower()]) if m["sy_one"] else 0)
    if m["sy_h"]:
        return century + int(_NUMBER_WORDS[" ".join(m["sy_h"].lower().replace("-", " ").split())])
    return century


def _spelled_year(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    year = _spelled_year_value(m)
    if _count_noun_after(m.string, m.end()) or re.match(r"\s*(?:years?|days?|months?|weeks?)\b",
                                                        m.string[m.end():m.end() + 12], re.I):
        return None  # "two thousand years", "nineteen hundred people": numbers
    if m["month"]:
        month = _month_number(m["month"])
        start, end = _month_interval(year, month)
        return _Resolved(f"{year}-{month:02d}", start, end, "month", "exact")
    return _year_span(year)


def _century(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    n = int(m["n"])
    if not 1 <= n <= 21:
        return None
    first = (n - 1) * 100
    return _Resolved(f"{n - 1:02d}", date(max(1, first), 1, 1), date(first + 99, 12, 31), "century", "exact")


def _year_adjective(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"year-earlier profit", "the year-ago results", "by year-end"."""
    if published is None:
        return _Resolved(None, None, None, "year", "approximate")
    if m.group().lower().endswith("end"):
        since = re.search(r"\bsince\s+\Z", m.string[max(0, m.start() - 8):m.start()], re.I)
        end = date(published.year - (1 if since else 0), 12, 31)  # "since year-end": the last one
        return _Resolved(end.isoformat(), end, end, "day", "approximate")
    return _year_span(published.year - 1, "approximate")


def _the_season(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"over the summer", "the early spring": this year's, or the last one if it has not begun yet
    (the next one, told in the future)."""
    if published is None:
        return _Resolved(None, None, None, "season", "approximate")
    code, first = _SEASONS[m["season"].lower()]
    begun = date(published.year, first, 1) <= published
    step = 0 if begun != future else (1 if future else -1)
    return _shift(published, m["season"].lower(), step)


def _the_year(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"the year ended Sept. 30" (a twelve-month period); "a record for the year" (this year)."""
    if m["ended"] is not None:
        return _Resolved("P1Y", None, None, "year", "exact", "DURATION", "duration")
    if published is None:
        return _Resolved(None, None, None, "year", "approximate")
    return _year_span(published.year, "approximate")


def _decade(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    if m["decade"]:
        decade = int(m["decade"])
    else:
        two = int(m["short"])
        century = published.year // 100 * 100 if published else 1900
        decade = century + two if century + two <= (published.year if published else 2099) else century - 100 + two
    return _Resolved(str(decade // 10), date(decade, 1, 1), date(decade + 9, 12, 31), "decade", "exact")


def _named_decade(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
            "nineties": 9}[m["name"].lower()]
    decade = 1900 + 10 * tens
    return _Resolved(str(decade // 10), date(decade, 1, 1), date(decade + 9, 12, 31), "decade", "exact")


def _relative_day(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    word = " ".join(m.group().lower().split())
    offset = -2 if "before yesterday" in word else -1 if word in ("yesterday", "last night") else \
        2 if "after tomorrow" in word else 1 if word == "tomorrow" else 0
    part = next((code for p, code in _PART_OF_DAY.items() if word.endswith(p)), "NI" if word == "tonight" else None)
    if published is None:
        return _Resolved(None, None, None, "day", "exact", "TIME" if part else "DATE")
    d = published + timedelta(days=offset)
    if part:
        return _Resolved(f"{d.isoformat()}T{part}", d, d, "day", "exact", "TIME")
    return _day(d)


_POSSESSIVE = re.compile(r"['\u2019]s\b")


def _weekday(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    target = _WEEKDAYS.index(m["weekday"].lower())
    modifier = " ".join((m["mod"] or "").lower().split())
    part = _PART_OF_DAY.get((m["part"] or "").lower())
    if _POSSESSIVE.match(m.string, m.end()):
        future = False  # "Wednesday's ruling", "before Friday's purchases": a day whose event is told as done
    if m["plural"] or m["parts"]:  # "Tuesday nights": every Tuesday night
        return _Resolved(f"XXXX-WXX-{target + 1}" + (f"T{part}" if part else ""), None, None, "day", "exact", "SET",
                         "set")
    timex = "TIME" if part else "DATE"
    if published is None:
        return _Resolved(f"XXXX-WXX-{target + 1}" + (f"T{part}" if part else ""), None, None, "day", "exact", timex)
    if modifier in ("next", "coming", "this coming", "the following") or (
            future and modifier not in ("last", "past", "this past", "the previous")):
        delta = (target - published.weekday()) % 7
        if modifier and delta == 0:
            delta = 7
    else:
        delta = -((published.weekday() - target) % 7)
        if modifier in ("last", "past", "this past", "the previous") and delta == 0:
            delta = -7
    d = published + timedelta(days=delta)
    if part:
        return _Resolved(f"{d.isoformat()}T{part}", d, d, "day", "exact", "TIME")
    return _day(d)


_STEPS = {"last": -1, "past": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1, "following": 1, "this": 0,
          "current": 0, "this past": -1, "this coming": 1, "latest": -1, "same": 0}


def _relative_unit(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    modifier, unit = " ".join(m["mod"].lower().split()), _unit(m["unit"])
    if m["fiscal"] and unit != "year":
        return None
    step = _STEPS[modifier]
    if published is None:
        return _Resolved(None, None, None, unit, "exact")
    if modifier == "past" and m.group().lower().startswith("the past") and unit not in _SEASONS:
        # "the past year" is the twelve months up to publication, not the calendar year before
        days = {"week": 7, "month": 30, "year": 365, "weekend": 3, "decade": 3652, "quarter": 91,
                "century": 36524}.get(unit, 30)
        value = "P10Y" if unit == "decade" else f"P1{_UNIT_CODE.get(unit, 'D')}"  # as "a decade" is written
        return _Resolved(value, published - timedelta(days=days), published, unit,
                         "approximate", "DURATION", "duration")
    if unit == "quarter" and modifier == "latest":
        return _quarter(published.year, (published.month - 1) // 3, "approximate")
    if unit in _SEASONS and modifier in ("last", "past", "this past"):
        code, first = _SEASONS[unit]
        step = -1 if (published.month - first) % 12 < 3 or date(published.year, first, 1) > published else 0
    elif modifier == "latest":
        step = 0
    return _shift(published, unit, step)


def _the_weekend(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    if published is None:
        return _Resolved(None, None, None, "weekend", "exact")
    step = 0 if published.weekday() >= 4 or future else -1
    return _shift(published, "weekend", step)


def _shift(published: date, unit: str, step: int, certainty: str = "exact") -> _Resolved | None:
    if unit in ("week", "weekend"):
        value, start, end = _week_of(published + timedelta(weeks=step))
        if unit == "weekend":
            return _Resolved(value + "-WE", start + timedelta(days=5), end, "weekend", certainty)
        return _Resolved(value, start, end, "week", certainty)
    if unit == "day":
        return _day(published + timedelta(days=step), certainty)
    if unit == "month":
        d = _add_months(published, step)
        start, end = _month_interval(d.year, d.month)
        return _Resolved(f"{d.year}-{d.month:02d}", start, end, "month", certainty)
    if unit == "year":
        return _year_span(published.year + step, certainty)
    if unit == "quarter":
        return _quarter(published.year, (published.month - 1) // 3 + 1 + step, certainty)
    if unit == "decade":
        d = (published.year // 10 + step) * 10
        return _Resolved(str(d // 10), date(d, 1, 1), date(d + 9, 12, 31), "decade", certainty)
    if unit == "century":
        c = published.year // 100 + step
        return _Resolved(f"{c:02d}", date(c * 100, 1, 1), date(c * 100 + 99, 12, 31), "century", certainty)
    if unit in _SEASONS:
        code, first_month = _SEASONS[unit]
        y = published.year + step
        start = date(y, first_month, 1)
        return _Resolved(f"{y}-{code}", start, _add_months(start, 3) - timedelta(days=1), "season", certainty)
    return None


def _ago(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    amount, unit = _number(m["n"]), _unit(m["unit"])
    if amount is None or unit in ("hour", "minute", "second"):
        return None
    if published is None:
        return _Resolved(None, None, None, unit, "approximate")
    if isinstance(amount, tuple):  # "a few weeks ago": an honest range
        most, fewest = amount[1], amount[0]
        start, end = _back(published, unit, most), _back(published, unit, fewest)
        return _Resolved(f"{start.isoformat()}/{end.isoformat()}", start, end, unit, "approximate")
    return _back_period(published, unit, amount, "approximate")


def _back_period(published: date, unit: str, amount: float, certainty: str) -> _Resolved:
    """The calendar period ``amount`` units before publication, at the unit's granularity."""
    amount = int(amount) if amount == int(amount) else amount
    if unit == "day" and isinstance(amount, int):
        return _day(published - timedelta(days=amount), "exact")
    back = _back(published, unit, amount)
    if unit in ("week", "fortnight"):
        value, start, end = _week_of(back)
        return _Resolved(value, start, end, "week", certainty)
    if unit == "month":
        start, end = _month_interval(back.year, back.month)
        return _Resolved(f"{back.year}-{back.month:02d}", start, end, "month", certainty)
    if unit == "quarter":
        return _quarter(back.year, (back.month - 1) // 3 + 1, certainty)
    if unit in ("year", "century"):
        return _year_span(back.year, certainty)
    decade = back.year // 10 * 10
    return _Resolved(str(decade // 10), date(decade, 1, 1), date(decade + 9, 12, 31), "decade", certainty)


def _back(published: date, unit: str, amount: float) -> date:
    if unit == "day":
        return published - timedelta(days=amount)
    if unit == "week":
        return published - timedelta(weeks=amount)
    if unit == "fortnight":
        return published - timedelta(weeks=2 * amount)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit, 12)
    return _add_months(published, -round(months * amount))


def _shifted(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"a year earlier", "two days later": a point that far from the publication date (the best anchor we have)."""
    amount, unit = _number(m["n"]), _unit(m["unit"])
    if amount is None or isinstance(amount, tuple) or unit in ("hour", "minute", "second"):
        return None
    if published is None:
        return _Resolved(None, None, None, unit, "approximate")
    sign = -1 if m["dir"].lower() == "earlier" else 1
    if sign < 0:
        return _back_period(published, unit, amount, "approximate")
    ahead = {"day": timedelta(days=amount), "week": timedelta(weeks=amount)}.get(unit)
    d = published + ahead if ahead else _add_months(published, round({"month": 1, "quarter": 3, "year": 12,
                                                                       "decade": 120}.get(unit, 12) * amount))
    if unit == "day":
        return _day(d, "approximate")
    if unit in ("week", "fortnight"):
        value, start, end = _week_of(d)
        return _Resolved(value, start, end, "week", "approximate")
    if unit == "month":
        start, end = _month_interval(d.year, d.month)
        return _Resolved(f"{d.year}-{d.month:02d}", start, end, "month", "approximate")
    return _year_span(d.year, "approximate")


# "three-quarters of its food", "more than a quarter of the market": a share, not three months; but "a quarter
# of a century", "three quarters of this year", "several quarters of losses" are time.
_SHARE_OF = re.compile(r"\s+of\s+(?:the|its|his|her|their|our|all|this|that|these|those|an?)\s+"
                       r"(?!(?:\w+\s+)?(?:year|century|decade|fiscal)\b)", re.I)


def _counted(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"three years" (a duration), "three years ago", "a year earlier" (a point before publication)."""
    if m["unit"].lower().startswith("quarter") and _SHARE_OF.match(m.string, m.end()):
        return None
    if (m["ago"] or m["dir"]) and not (m["half"] or m["half2"]):
        r = _ago(m, published, future) if m["ago"] else _shifted(m, published, future)
        if r is not None:
            return _Resolved(r.value, r.start, r.end, r.granularity, r.certainty, "DATE", "relative")
    r = _duration(_HalfMatch(m), published, future)  # "a few days later", "two hours ago": how long
    if r is not None and (m["ago"] or m["dir"]):
        stop = m.start("ago") if m["ago"] else m.start("dir")
        while stop > m.start() and m.string[stop - 1].isspace():
            stop -= 1
        r = _Resolved(r.value, r.start, r.end, r.granularity, r.certainty, r.timex, r.kind, stop)
    return r


def _span_of_units(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"the past three weeks", "the first nine months": a duration (anchored at publication when it can be)."""
    amount, unit = _number(m["n"]), _unit(m["unit"])
    if amount is None:
        return None
    most = amount[1] if isinstance(amount, tuple) else amount
    value = _duration_value(amount, unit)
    mod = m["mod"].lower()
    if published is None or mod in ("first", "final"):
        return _Resolved(value, None, None, unit, "approximate", "DURATION")
    if mod in ("next", "coming"):
        return _Resolved(value, published, published + (published - _back(published, unit, most)), unit,
                         "approximate", "DURATION")
    return _Resolved(value, _back(published, unit, most), published, unit, "approximate", "DURATION")


def _duration(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    amount, unit = _number(m["n"]), _unit(m["unit"])
    if amount is None or (not isinstance(amount, tuple) and amount <= 0):
        return None
    if m["half"]:
        if isinstance(amount, tuple):
            return None
        amount += 0.5
    return _Resolved(_duration_value(amount, unit), None, None, unit,
                     "approximate" if isinstance(amount, tuple) else "exact", "DURATION")


def _units_around(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"in the weeks before the shooting": some units around an event told elsewhere in the sentence."""
    return _Resolved("PAST_REF", None, published, _unit(m["unit"]), "vague")


def _that_unit(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"that day", "later that year": the day or year of the date last told (filled in by find_dates)."""
    return _Resolved(None, None, None, _unit(m["unit"]), "approximate")


def _bare_units(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"for years", "in decades": an unspecified number of units."""
    unit = _unit(m["unit"])
    return _Resolved(_duration_value((2, 9), unit), None, None, unit, "vague", "DURATION")


def _quarter_of(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"the third quarter", "third-quarter", "the fiscal first quarter of 1990", "last year's fourth quarter"."""
    q = _ORDINALS[m["ord"].lower()]
    if m["year"] or m["year2"]:
        return _quarter(int(m["year"] or m["year2"]), q)
    if published is None:
        return _Resolved(f"XXXX-Q{q}", None, None, "quarter", "exact")
    rel = (m["rel"] or "").lower()
    year = published.year + (-1 if rel.startswith(("last", "year-ago", "year-earlier", "a year")) else
                             1 if rel.startswith("next") else 0)
    if not rel and not future and q > (published.month - 1) // 3 + 1:
        year -= 1  # "the fourth quarter" reported in January is last year's
    return _quarter(year, q)


def _anaphoric_quarter(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"the quarter", "the latest quarter", "the year-ago quarter": in news about results, the quarter just
    reported (the last one finished before publication), or that quarter a year before."""
    if published is None:
        return _Resolved(None, None, None, "quarter", "approximate")
    year, q = published.year, (published.month - 1) // 3  # the quarter before publication's
    words = m.group().lower()
    if "current" in words:
        q += 1
    if _A_YEAR_BEFORE.search(words):
        year -= 1
    if q == 0:
        year, q = year - 1, 4
    return _quarter(year, q, "approximate")


def _year_period(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"the 1988 quarter", "the 1988 period": in results news, the quarter just reported, in that year."""
    year = int(m["year"])
    if published is None:
        return _Resolved(f"{year}-QX", None, None, "quarter", "approximate")
    q = (published.month - 1) // 3 or 4
    return _quarter(year, q, "approximate")


def _half(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    h = 1 if m["which"].lower() == "first" else 2
    if m["year"]:
        year = int(m["year"])
    elif published is None:
        return _Resolved(f"XXXX-H{h}", None, None, "half", "exact")
    else:
        year = published.year + {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
    start = date(year, 1 if h == 1 else 7, 1)
    return _Resolved(f"{year}-H{h}", start, date(year, 6, 30) if h == 1 else date(year, 12, 31), "half", "exact")


def _season(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    code, first = _SEASONS[m["season"].lower()]
    year = int(m["year"]) if m["year"] else _spelled_year_value(m)  # "the winter of nineteen ninety-four"
    start = date(year, first, 1)
    return _Resolved(f"{year}-{code}", start, _add_months(start, 3) - timedelta(days=1), "season", "exact")


def _clock(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"10 a.m.", "5:30 p.m. EST", "noon", "midnight": a time of the publication day (the best guess)."""
    if m["word"]:
        hour, minute = (24 if m["word"].lower() == "midnight" else 12), 0
    else:
        hour, minute = int(m["h"]), int(m["min"] or 0)
        if not 1 <= hour <= 12 or minute > 59:
            raise ValueError("not a time")
        hour = hour % 12 + (12 if m["ap"].lower() == "p" else 0)
    clock = f"{hour:02d}:{minute:02d}"
    granularity = "minute" if minute else "hour"
    if published is None:
        return _Resolved(f"XXXX-XX-XXT{clock}", None, None, granularity, "exact", "TIME")
    return _Resolved(f"{published.isoformat()}T{clock}", published, published, granularity, "exact", "TIME")


def _clock_zoned(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"21:30 UTC", "0600 GMT": a time of the publication day in universal time, ``2014-06-02T21:30Z``."""
    hour, minute = int(m["h"]), int(m["min"])
    clock = f"{hour:02d}:{minute:02d}Z"
    granularity = "minute" if minute else "hour"
    if published is None:
        return _Resolved(f"XXXX-XX-XXT{clock}", None, None, granularity, "exact", "TIME")
    return _Resolved(f"{published.isoformat()}T{clock}", published, published, granularity, "exact", "TIME")


def _part_of_day(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"mid-afternoon", "the morning": a part of the publication day."""
    code = _PART_OF_DAY.get(m["part"].lower().replace("mid-", "").replace("mid", "").strip(), "AF")
    if published is None:
        return _Resolved(f"XXXX-XX-XXT{code}", None, None, "day", "approximate", "TIME")
    return _Resolved(f"{published.isoformat()}T{code}", published, published, "day", "approximate", "TIME")


def _set(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"every year", "each Thursday", "daily", "twice a week"."""
    words = m.group().lower()
    adverb = {"daily": "D", "nightly": "D", "weekly": "W", "monthly": "M", "annually": "Y", "yearly": "Y",
              "hourly": "H"}.get(words)
    if adverb:
        value = f"PT1{adverb}" if adverb == "H" else f"P1{adverb}"
    elif m["weekday"]:
        value = f"XXXX-WXX-{_WEEKDAYS.index(m['weekday'].lower()) + 1}"
    elif m["month"]:
        value = f"XXXX-{_month_number(m['month']):02d}"
    else:
        unit = _unit(m["unit"])
        n = _number(m["n"]) if m["n"] else 1
        if n is None or isinstance(n, tuple):
            return None
        value = _duration_value(n, unit)
    return _Resolved(value, None, None, None, "exact", "SET", "set")


def _per_unit(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"$5 a year", "four flights a week", "twice a day": a rate, so a set."""
    before = m.string[max(0, m.start() - 30):m.start()]
    if not re.search(r"(?:\d|\btimes|\btwice|\bonce|\bthrice|\bhours|\bdollars|\bcents|\bmiles|\bflights)\W*\s*$",
                     before, re.I):
        return None
    return _Resolved(_duration_value(1, _unit(m["unit"])), None, None, None, "exact", "SET", "set")


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday of a month (n = -1: the last)."""
    if n < 0:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


# Holidays of English-language news: name -> the day in a given year.
_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas": lambda y: date(y, 12, 25), "christmas day": lambda y: date(y, 12, 25),
    "christmas eve": lambda y: date(y, 12, 24), "new year's day": lambda y: date(y, 1, 1),
    "new year's eve": lambda y: date(y, 12, 31), "independence day": lambda y: date(y, 7, 4),
    "halloween": lambda y: date(y, 10, 31), "valentine's day": lambda y: date(y, 2, 14),
    "veterans day": lambda y: date(y, 11, 11), "boxing day": lambda y: date(y, 12, 26),
    "bastille day": lambda y: date(y, 7, 14),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4), "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1), "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "easter": _easter, "easter sunday": _easter, "good friday": lambda y: _easter(y) - timedelta(days=2),
}


def _holiday(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    name = " ".join(m["name"].lower().replace("\u2019", "'").split())
    day_of = _HOLIDAYS.get(name)
    if day_of is None:
        return None
    if m["year"]:
        year = int(m["year"])
    elif published is None:
        return _Resolved(None, None, None, "day", "exact")
    else:
        mod = (m["mod"] or "").lower()
        candidates = [published.year - 1, published.year, published.year + 1]
        if mod == "last":
            year = max(y for y in candidates if day_of(y) < published)
        elif mod in ("next", "this coming"):
            year = min(y for y in candidates if day_of(y) > published)
        else:
            year = min(candidates, key=lambda y: abs((day_of(y) - published).days))
            if future and day_of(year) < published - timedelta(days=7):
                year += 1
    d = day_of(year)
    if m["week"]:
        value, start, end = _week_of(d)
        return _Resolved(value, start, end, "week", "exact")
    return _day(d)


@lexicons.cached
def _vague_table() -> dict[str, tuple[str, int | None, int | None, str | None]]:
    table = {}
    for row in lexicons.rows("vague_time.tsv"):
        phrase, value, before, after, timex = (row + ["", "", "", ""])[:5]
        table[" ".join(phrase.lower().split())] = (
            value, int(before) if before else None, int(after) if after else None,
            None if timex == "-" else timex or "DATE")
    return table


def _vague(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    value, before, after, timex = _vague_table()[" ".join(m.group().lower().split())]
    if published is None:
        return _Resolved(value, None, None, None, "vague", timex)
    start = published + timedelta(days=before) if before is not None else None
    end = published + timedelta(days=after) if after is not None else None
    return _Resolved(value, start, end, None, "vague", timex)


# ---------------------------------------------------------------- the families

Resolver = Callable[[re.Match, "date | None", bool], "_Resolved | None"]


@dataclass(frozen=True)
class _Family:
    name: str
    pattern: re.Pattern
    resolve: Resolver
    kind: str  # absolute / relative / duration / vague / set
    keys: tuple[str, ...]  # keyword classes that can occur in a match: the family runs only near them
    left: str | None = None  # which modifiers may widen the span to the left
    # a keyword class every match also contains ("May 17" a number): keywords with none of it within the
    # family's reach cannot be in a match, so the family's windows leave them out
    needs: str | None = None
    # words one of which stands right before the keyword, past spaces, in every match ("last year", "that day"),
    # or, for a keyword led by none of them, words one of which follows it at once ("years-long"): a keyword
    # with neither cannot be in a match, so the family's windows leave it out
    lead: tuple[str, ...] = ()
    tail: tuple[str, ...] = ()
    # words one of which every match holds before its keyword, not always right before it ("the third
    # quarter", "the past three weeks"): a keyword without one in the text a match can reach before it is
    # left out
    words_before: tuple[str, ...] = ()


# Keyword classes for the scanner; a family lists the classes of words its matches always contain.
_KEYWORDS = {
    "month": ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
              "dec"],
    "weekday": _WEEKDAYS,
    "unit": ["day", "days", "week", "weeks", "weekend", "weekends", "fortnight", "fortnights", "month", "months",
             "year", "years", "decade", "decades", "century", "centuries", "hour", "hours",
             "minute", "minutes", "spring", "summer", "fall", "autumn", "winter", "springs", "summers",
             "winters"],
    "part": ["quarter", "quarters", "half", "period"],
    # the same words, singular and plural, for the families that take only one of them
    "unit1": ["day", "week", "weekend", "fortnight", "month", "year", "decade", "century", "hour", "minute", "spring",
              "summer", "fall", "autumn", "winter"],
    "units": ["days", "weeks", "weekends", "fortnights", "months", "years", "decades", "centuries", "hours", "minutes",
              "springs", "summers", "winters"],
    "season": ["spring", "summer", "fall", "autumn", "winter", "springs", "summers", "winters"],
    "weekend": ["weekend", "weekends"],
    "year": ["year", "years"],
    "day": ["yesterday", "today", "tomorrow", "tonight", "tonite", "morning", "afternoon", "evening", "night",
            "overnight", "mid", "midmorning", "midafternoon"],
    "clock": ["am", "pm", "a.m", "p.m", "noon", "midnight", "midday"],
    "zone": ["utc", "gmt"],
    "set": ["daily", "nightly", "weekly", "monthly", "annually", "yearly", "hourly", "every", "each"],
    # names of more than one word by their whole name: "new" and "election" alone are everywhere in news
    "holiday": ["christmas", "thanksgiving", "easter", "halloween", "election day", "independence day", "labor day",
                "memorial day", "valentine", "veterans day", "boxing day", "bastille day", "new year", "good friday"],
    "spelled": ["nineteen", "thousand", "century", "centuries"],
    "decade": ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"],
}


def _number_classes(lower: str, start: int, end: int) -> tuple[str, ...]:
    """The keyword classes of the number ``lower[start:end]`` (every run of digits is one): any number is a
    "number" (a day of the month, an hour), four digits can be a year (also an ISO date's), a number right
    before a slash can begin a numeric date (5/17/2023), and one right before "s" or "'" can be a decade
    ("the 1990s", "the '80s"); four digits right before a hyphen can begin an ISO date (2023-05-17)."""
    after = lower[end:end + 1]
    if end - start == 4:
        if after == "-":
            return ("number", "digit4", "digit4-")
        classes: tuple[str, ...] = ("number", "digit4")
    else:
        classes = ("number",)
    if after == "/":
        return classes + ("digit/",)
    if after == "s" or after == "'":
        return classes + ("digit_s",)
    return classes


# Every character that can stand right before a keyword: whitespace, ASCII punctuation but "_" (a word
# character), news typography, and the digits (a digit starts a number).
_BEFORE_KEYWORD = "".join(sorted(set(string.whitespace + string.punctuation + string.digits + "\xa0\u2018\u2019"
                                     "\u201c\u201d\u2013\u2014\u2026\u2022\u00ab\u00bb") - {"_"}))


@lexicons.cached
def _scanner() -> tuple[re.Pattern, re.Pattern, dict[str, tuple[str, ...]]]:
    """Patterns for every keyword (a prefix tree, so one pass is cheap) and each keyword's classes.

    The scanning pattern starts with the character before a keyword (a space, a bracket, a digit...), a
    plain set of characters: Python's engine then skips the letters in between in a tight loop and tries
    the keywords only at the start of words, twice as fast as starting with ``\\b``. The second pattern
    reads a keyword at the very start of the text, where there is no character before it.
    """
    keywords = {k: list(v) for k, v in _KEYWORDS.items()}
    keywords["vague"] = sorted({max(p.split(), key=len) for p in _vague_table()})
    classes: dict[str, tuple[str, ...]] = {}
    for name, words in keywords.items():
        for w in words:
            classes[w] = classes.get(w, ()) + (name,)
    words = lexicons.word_pattern(list(classes), space=re.escape(" "))
    # after a digit the first branch always matches (the rest of the number), so the second sees no digit before it
    scanning = re.compile("[" + re.escape(_BEFORE_KEYWORD) + r"](?:(?<=[0-9])[0-9]*|(?P<word>" + words + r")\b)")
    at_start = re.compile(r"(?P<word>" + words + r")\b|[0-9]+")
    return scanning, at_start, classes


@lexicons.cached
def _families() -> tuple[_Family, ...]:
    # a prefix tree of the phrases: the engine tries each position once, not once per phrase; the longest
    # phrase that fits still wins ("recent days" over "recent")
    vague = lexicons.word_pattern(list(_vague_table()), space=r"\s+")
    i = re.I
    quarter_ord = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
    return (
        _Family("iso", re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])"), _iso, "absolute",
                ("digit4-",)),
        _Family("numeric", re.compile(r"(?<![\d/.])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"),
                _numeric, "absolute", ("digit/",)),
        _Family("month_day", re.compile(
            _begins_with_one_of(*_CAPITALISED_WEEKDAYS, "the", *_MONTH_NAMES) +
            rf"(?:{_WEEKDAY},?\s+)?(?P<weekof>the\s+week\s+of\s+)?(?P<month>{_MONTH})\s+"
            rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:,]\d)"
            rf"(?:,?\s+(?P<year>(?:1[6-9]|20)\d\d)(?!\d))?"), _month_day, "absolute", ("month",), "point",
            needs="number"),
        _Family("day_month", re.compile(
            rf"(?<![\d.,$])(?P<weekof>the\s+week\s+of\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<month>{_MONTH})"
            rf"(?:,?\s+(?P<year>(?:1[6-9]|20)\d\d)(?!\d))?"), _month_day, "absolute", ("month",), "point",
            needs="number"),
        _Family("month_year", re.compile(
            rf"(?:(?P<mod>{_PART_OF_MONTH})[\s-]+)?(?P<month>{_MONTH}),?\s+(?:of\s+)?"
            r"(?P<year>(?:1[6-9]|20)\d\d)(?!\d|,\d)"),
         _month_year, "absolute", ("month",), "point", needs="number"),
        _Family("bare_month", re.compile(
            _begins_with_one_of(*_MONTH_MODIFIER_WORDS, *(w.capitalize() for w in _MONTH_MODIFIER_WORDS), *_MONTH_NAMES) +
            rf"(?:(?P<mod>{_MONTH_MODIFIER})[\s-]+)?"
            rf"(?P<month>{_MONTH_FULL})(?![\w-])(?!\s+[A-Z][a-z]|\s*\d)(?:\s+(?P<rel>this|last|next)\s+year\b)?"),
         _bare_month, "absolute", ("month",), "point"),
        _Family("season", re.compile(
            r"(?:(?:the\s+)?(?P<season>[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)(?:\s+of)?\s+"
            r"(?:(?P<year>(?:1[6-9]|20)\d\d)(?!\d)|" + _SPELLED_YEAR + "))"),
         _season, "absolute", ("season",), "point"),
        _Family("decade", re.compile(
            r"(?:(?P<decade>1[6-9]\d0|20\d0)'?s|'(?P<short>\d0)s)(?!\w)", i),
         _decade, "absolute", ("digit_s",), "decade"),
        _Family("named_decade", re.compile(r"(?:the\s+)(?:(?:early|mid|late)[\s-]+)?(?P<name>twenties|thirties|forties|"
                                           r"fifties|sixties|seventies|eighties|nineties)(?!\w)", i),
                _named_decade, "absolute", ("decade",), "point"),
        _Family("quarter", re.compile(
            r"(?:(?:the|the\s+(?:year-ago|year-earlier|comparable|"
            r"comparable year-ago|comparable year-earlier))\s+(?![a-z]+-quarter))?"
            r"(?P<rel>(?:this|last|next)\s+year's\s+|year-ago\s+|year-earlier\s+|a\s+year\s+(?:ago|earlier)\s+)?"
            r"(?:(?P<year>(?:19|20)\d\d)\s+)?(?:fiscal[\s-]+)?" + quarter_ord +
            r"[\s-]+quarter(?![\w-])(?:\s+of\s+(?:fiscal\s+)?(?P<year2>(?:19|20)\d\d))?", i),
         _quarter_of, "absolute", ("part",), "point",
         words_before=("first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th")),
        _Family("year_period", re.compile(
            r"(?<!\w)the\s+(?P<year>(?:19|20)\d\d)\s+(?:(?:fiscal|comparable)\s+)?(?:quarter|period)(?![\w-])", i),
         _year_period, "absolute", ("part",), needs="digit4"),
        _Family("anaphoric_quarter", re.compile(
            r"(?:(?:the|its|that)\s+(?:(?:latest|most recent|current|comparable|year-ago|year-earlier|"
            r"comparable year-ago|comparable year-earlier)\s+)?(?:fiscal\s+)?quarter|"
            r"(?:the|its)\s+(?:latest|most recent|comparable|year-ago|year-earlier|comparable year-ago|"
            r"comparable year-earlier)\s+period)(?![\w-])"
            r"(?:\s+a\s+year\s+(?:ago|earlier))?", i),
         _anaphoric_quarter, "relative", ("part",)),
        _Family("half", re.compile(
            r"(?:the\s+)?(?P<which>first|second|last|latter)\s+half(?:\s+of\s+(?:(?P<year>(?:19|20)\d\d)|"
            r"(?:the|this|(?P<rel>last|next))\s+year))?(?![\w-])", i), _half, "absolute", ("part",),
                words_before=("first", "second", "last", "latter")),
        _Family("year", re.compile(
            r"(?<![\w$#.,/:'])(?<!\d-)(?:(?P<fiscal>[Ff]iscal(?:[\s-]year)?|FY)[\s-]*)?(?P<year>1[6-9]\d\d|20\d\d)"
            r"(?![\w%]|[.,/:-]\d|-\w)"), _year, "absolute", ("digit4",), "point"),
        _Family("holiday", re.compile(
            r"(?:(?P<mod>" + _HOLIDAY_MODIFIER + r")\s+)?(?P<name>Christmas(?:\s+(?:Day|Eve))?|"
            r"New\s+Year['\u2019]s\s+(?:Day|Eve)|Independence\s+Day|Halloween|Valentine['\u2019]s\s+Day|"
            r"Veterans\s+Day|Boxing\s+Day|Bastille\s+Day|Thanksgiving(?:\s+Day)?|Election\s+Day|Labor\s+Day|"
            r"Memorial\s+Day|Easter(?:\s+Sunday)?|Good\s+Friday)(?P<week>\s+week)?(?!\w)"
            r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))?"), _holiday, "absolute", ("holiday",), "day"),
        _Family("spelled_year", re.compile(
            rf"(?:(?P<month>{_MONTH_FULL})\s+|(?:the\s+year\s+))?{_SPELLED_YEAR}", i), _spelled_year, "absolute",
                ("spelled",), "point"),
        _Family("century", re.compile(r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century(?![\w-])", i),
                _century, "absolute", ("spelled",), "point", needs="number"),
        _Family("year_adjective", re.compile(
            r"(?<![\w-])(?:year-earlier|year-ago|year[\s-]end|year's\s+end)(?![\w-])", i),
                _year_adjective, "relative", ("year",)),
        _Family("the_season", re.compile(
            r"(?<!\w)the\s+(?:(?:early|late)\s+)?(?P<season>summer|spring|winter|fall|autumn)(?![\w-])(?!\s+of\b)", i),
         _the_season, "relative", ("season",), lead=("the", "early", "late")),
        _Family("the_year", re.compile(
            r"(?<!\w)the\s+(?:(?:full|fiscal|full\s+fiscal)\s+)?year(?:(?P<ended>(?=\s+(?:ended|ending)\b))|"
            r"(?=\s*[.;]|\s+(?:earlier|to\s+date)\b)|(?<=full\syear)(?!\s+(?:of|in|to|after|before)\b))", i),
         _the_year, "relative", ("year",), lead=("the", "full", "fiscal")),
        _Family("relative_day", re.compile(
            r"(?<!\w)(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|yesterday|today|tomorrow|tonight|"
            r"last\s+night|overnight|this\s+(?:morning|afternoon|evening))(?!\w)", i),
         _relative_day, "relative", ("day",), "day"),
        _Family("weekday", re.compile(
            _begins_with_one_of(*_WEEKDAY_MODIFIER_WORDS, *(w.capitalize() for w in _WEEKDAY_MODIFIER_WORDS),
                                *_CAPITALISED_WEEKDAYS) +
            rf"(?:(?P<mod>{_WEEKDAY_MODIFIER})\s+)?(?P<weekday>{_WEEKDAY})(?P<plural>s)?"
            r"(?:\s+(?P<part>morning|afternoon|evening|night)(?P<parts>s)?)?(?!\w)"
            r"(?!\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Mail|Independent|Star|Sport|Observer|Night|"
            r"Tribune)\b)"),
         _weekday, "relative", ("weekday",), "day"),
        _Family("clock", re.compile(
            r"(?:(?<![\d.:$])(?P<h>\d{1,2})(?::(?P<min>\d\d))?\s*(?P<ap>[ap])"
            # the full stop of "p.m." belongs to it unless it also ends the sentence
            r"(?:\.m\.(?=(?-i:\s*[a-z0-9(,;:)]|\s+(?:[A-Z]{1,3}T|GMT|UTC|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|"
            r"Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)))|\.m\b|m\b)|"
            r"(?<!\w)(?<![Hh]igh )(?P<word>noon|midnight|midday)(?!\w))"
            r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|ET|PT|CT|local time)\b)?", i),
         _clock, "absolute", ("clock",), "day"),
        # a 24-hour time in universal time: "21:30 UTC", "0600 GMT", "09:00 GMT Friday"
        _Family("clock_zoned", re.compile(
            # (not a year: "in 2014 GMT launched ...", nor the same time restated: "10:35 a.m. (0735 GMT)")
            r"(?<![\d.:$,(])(?<![Ii]n )(?<![Oo]f )(?<![Ss]ince )"
            r"(?P<h>[01]?\d|2[0-3]):?(?P<min>[0-5]\d)\s*(?:hrs\s+|hours\s+)?(?P<zone>UTC|GMT)(?!\w)"),
         _clock_zoned, "absolute", ("zone",), "day", needs="number"),
        _Family("clock_in_the", re.compile(
            r"(?<![\d.:$])(?P<h>\d{1,2})(?::(?P<min>\d\d))?\s+(?:o'clock\s+)?in\s+the\s+"
            r"(?P<part>morning|afternoon|evening)(?!\w)", i),
         lambda m, p, f: _clock(_HourOfPartMatch(m), p, f), "absolute", ("day",), "day", needs="number"),
        _Family("part_of_day", re.compile(
            r"(?<!\w)(?:(?:the|mid)[\s-]+)(?P<part>morning|afternoon|evening)(?!\w)|"
            r"(?<!\w)(?P<part2>mid-?afternoon|mid-?morning)(?!\w)", i),
         lambda m, p, f: _part_of_day(_PartMatch(m), p, f), "relative", ("day",)),
        _Family("counted", re.compile(
            rf"(?<!\w)(?P<n>{_NUM})(?P<half>\s+and\s+a\s+half)?(?:\s+(?:more|additional|further|extra))?[\s-]+{_UNIT}"
            r"(?P<half2>\s+and\s+a\s+half)?(?:\s+(?P<ago>ago)|\s+(?P<dir>earlier|later)|(?:[\s-]long)?)"
            r"(?![\w-])(?![\s-]old\b)", i),
         _counted, "duration", ("unit", "part"), "counted"),
        _Family("span_of_units", re.compile(
            rf"(?<!\w)(?:the\s+)?(?P<mod>past|last|previous|next|coming|first|final|latest|following)\s+"
            rf"(?P<n>{_NUM})\s+{_UNIT}(?![\w-])", i),
         _span_of_units, "duration", ("unit", "part"), "duration",
         words_before=("past", "last", "previous", "next", "coming", "first", "final", "latest", "following")),
        _Family("the_weekend", re.compile(r"(?<!\w)the\s+weekend(?!\w)", i), _the_weekend, "relative", ("weekend",),
                lead=("the",)),
        _Family("relative_unit", re.compile(
            r"(?<!\w)(?:the\s+)?(?P<mod>last|next|this\s+past|this\s+coming|this|past|coming|previous|prior|following|"
            r"current|latest|same)\s+(?P<fiscal>fiscal\s+)?"
            r"(?P<unit>day|week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter)"
            r"(?![\w-])", i),
         _relative_unit, "relative", ("unit1", "part"), "point",
         lead=("last", "next", "this", "past", "coming", "previous", "prior", "following", "current", "latest", "same",
               "fiscal")),
        _Family("set", re.compile(
            rf"(?<!\w)(?:(?:every|each)\s+(?:(?P<n>{_NUM})\s+)?(?:(?P<weekday>{_WEEKDAY})|(?P<month>{_MONTH_FULL})|"
            r"(?P<unit>day|week|month|year|quarter|hour|minute|decade)s?)|"
            r"daily|nightly|weekly|monthly|annually|yearly|hourly)(?!\w)", i),
         _set, "set", ("set",)),
        _Family("per_unit", re.compile(r"(?<!\w)(?:a|an|per)\s+(?P<unit>day|week|month|year|hour)(?!\w)", i),
                _per_unit, "set", ("unit1",), lead=("a", "an", "per")),
        _Family("bare_units", re.compile(
            r"(?<=\b[Ff]or\s)(?P<unit>years|months|weeks|decades|centuries)(?![\w-])|"
            r"(?<=\b[Ii]n\s)(?P<unit2>years|decades)(?![\w-])|"
            r"(?<=\b[Ww]ithin\s)(?P<unit4>days|weeks|months|years)(?![\w-])|"  # "troops arrive within weeks"
            r"(?<=\b[Oo]ver\s)the\s+(?P<unit5>years|decades)(?![\w-])|"  # "the town has changed over the years"
            r"(?<![\w-])(?P<unit3>days|weeks|months|years|decades)-long(?![\w-])"),
         lambda m, p, f: _bare_units(_UnitMatch(m), p, f), "duration", ("units",), lead=("for", "in", "within", "the"),
         tail=("-long",)),
        _Family("units_around", re.compile(
            r"(?<=\bthe\s)(?P<unit>days|weeks|months)(?=\s+(?:before|after|leading\s+up\s+to|following)\b)", i),
         _units_around, "vague", ("units",), lead=("the",)),
        _Family("that_unit", re.compile(
            r"(?<!\w)(?:that|the\s+same)\s+(?:same\s+)?(?P<unit>day|week|month|year)(?![\w-])"
            r"(?!\s+(?:of|in|and)\b)", i),
         _that_unit, "relative", ("unit1",), "day", lead=("that", "same")),
        _Family("vague", re.compile(rf"(?<![\w-])(?:{vague})(?![\w-])", i), _vague, "vague", ("vague",), "vague"),
    )


class _Without:
    """A match read as if one of its groups had not matched."""

    def __init__(self, m: re.Match, group: str):
        self._m, self._group = m, group

    def __getitem__(self, key):
        return None if key == self._group else self._m[key]


class _PartMatch:
    """A match of part_of_day read through the group names its resolver expects."""

    def __init__(self, m: re.Match):
        self._m = m

    def __getitem__(self, key):
        return self._m["part"] or self._m["part2"] if key == "part" else self._m[key]


class _HourOfPartMatch(_PartMatch):
    """A match of clock_in_the ("4 in the morning") read as a clock time ("4 a.m.")."""

    def __getitem__(self, key):
        if key == "ap":
            return "a" if self._m["part"].lower() == "morning" else "p"
        return None if key == "word" else self._m[key]


class _HalfMatch(_PartMatch):
    def __getitem__(self, key):
        return self._m["half"] or self._m["half2"] if key == "half" else self._m[key]


class _UnitMatch(_PartMatch):
    def __getitem__(self, key):
        if key == "unit":
            return self._m["unit"] or self._m["unit2"] or self._m["unit3"] or self._m["unit4"] or self._m["unit5"]
        return self._m[key]


# ---------------------------------------------------------------- finding

_WINDOW = 48  # characters either side of a keyword in which a family looks for a match, unless told below
# How far before its keyword a family's match can start, and how far after it the match and the context its
# pattern looks at (lookaheads) can end, with room for doubled spaces; windows are then widened to whole
# words. Families whose keywords are frequent (numbers, units, month and weekday names) scan less text.
_REACH = {
    "iso": (2, 8), "numeric": (2, 10), "decade": (2, 4), "year": (20, 4),  # around numbers
    "month_day": (30, 20), "day_month": (28, 14), "month_year": (10, 14), "bare_month": (15, 20),
    "year_adjective": (2, 12), "the_year": (24, 18), "the_season": (14, 10), "the_weekend": (6, 2),
    "relative_day": (20, 4), "weekday": (18, 28), "clock": (10, 24), "clock_zoned": (14, 4), "clock_in_the": (24, 4), "part_of_day": (8, 2),
    "holiday": (15, 30), "counted": (40, 20), "span_of_units": (36, 4), "relative_unit": (28, 4), "set": (2, 30),
    "per_unit": (5, 2), "bare_units": (6, 8), "units_around": (2, 26), "that_unit": (18, 8),
}
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# Families whose resolvers read the tense (a month, a weekday, a quarter without a year); the others are
# told False without looking, which saves the look.
_TENSED = frozenset({"month_day", "day_month", "bare_month", "the_season", "weekday", "quarter", "holiday",
                     "the_weekend"})
_START = operator.attrgetter("start")
_TIME_THEN_DAY = re.compile(r",?\s+(?:on\s+)?\Z")  # "10 p.m. Wednesday", "5 p.m. EST, Nov. 9"


def _within_reach_of(spans: list[tuple[int, int]], others: list[tuple[int, int]], before: int, after: int
                     ) -> list[tuple[int, int]]:
    """The keyword ``spans`` with one of ``others`` (keyword spans in text order) less than ``before``
    characters before them or ``after`` characters after them: where a match that must hold both can be."""
    ends = [e for _, e in others]
    kept = []
    for s, e in spans:
        i = bisect.bisect_right(ends, s - before)  # the first other ending inside the reach, if any...
        if i < len(others) and others[i][0] < e + after:  # ...starts inside it too
            kept.append((s, e))
    return kept


def _any_in(words: tuple[str, ...], stretch: str) -> bool:
    for word in words:
        if word in stretch:
            return True
    return False


def _led(folded: str, spans: list[tuple[int, int]], lead: tuple[str, ...], tail: tuple[str, ...]
         ) -> list[tuple[int, int]]:
    """The keyword ``spans`` that a space and one of the words ``lead`` stand right before (or that one of
    ``tail`` follows at once), read in the case-folded text: where a family with such a lead can match."""
    kept = []
    for s, e in spans:
        if s > 0 and folded[s - 1].isspace() and (
                folded.endswith(lead, 0, s - 1)  # one space: the common case, tested without a loop
                or (folded[s - 2:s - 1].isspace() and _ends_with(folded, s, lead))):
            kept.append((s, e))
        elif tail and folded.startswith(tail, e):
            kept.append((s, e))
    return kept


def _windows(spans: list[tuple[int, int]], before: int, after: int) -> list[tuple[int, int]]:
    """Merged windows around keyword spans: ``before`` characters before each, ``after`` after it.

    The reach of a family covers its longest match and the context its lookaheads read, so a window never
    cuts a match (lookbehinds read the text before a window anyway)."""
    out: list[tuple[int, int]] = []
    last = -before - 1  # where the window before ends (none yet: before any start)
    for s, e in spans:
        a, b = s - before, e + after
        if a <= last:  # joins the window before
            if b > last:
                out[-1] = (out[-1][0], b)
                last = b
        else:
            out.append((a if a > 0 else 0, b))
            last = b
    return out


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


@lexicons.cached
def _case_sensitive_twins() -> dict[str, re.Pattern]:
    """For each case-insensitive family written all in lower case, the same pattern without ``re.I``, to run
    on the case-folded text. Families whose patterns name capitalised words ("January") or switch
    case-sensitivity on inside (clock times) keep ``re.I``."""
    twins = {}
    for family in _families():
        source = family.pattern.pattern
        letters = re.sub(r"\\.|\(\?P<\w+>", "", source)  # escapes (\S, \d) and group names do not fold
        if family.pattern.flags & re.I and "(?-i" not in source and not any(c.isupper() for c in letters):
            twins[family.name] = re.compile(source, family.pattern.flags & ~re.I)
    return twins


@lexicons.cached
def _reach() -> dict[str, tuple[int, int]]:
    """Each family's reach around its keywords; a vague phrase's from where its keyword stands in it."""
    reach = {f.name: _REACH.get(f.name, (_WINDOW, _WINDOW)) for f in _families()}
    phrases = [p.split() for p in _vague_table()]
    keyword_at = [(len(" ".join(w[:w.index(max(w, key=len))])), len(" ".join(w[w.index(max(w, key=len)) + 1:])))
                  for w in phrases]
    reach["vague"] = (2 * max(b for b, _ in keyword_at) + 4, 2 * max(a for _, a in keyword_at) + 4)
    return reach


@lexicons.cached
def _vague_reach() -> dict[str, tuple[int, int]]:
    """The reach of the vague phrases around each of their keywords, as ``_reach`` counts it for all of them:
    "now" and "recently" reach no further than themselves, "possible" back to "as soon as"."""
    reach: dict[str, tuple[int, int]] = {}
    for phrase in _vague_table():
        words = phrase.split()
        at = words.index(max(words, key=len))
        before, after = 2 * len(" ".join(words[:at])) + 4, 2 * len(" ".join(words[at + 1:])) + 4
        old = reach.get(words[at], (0, 0))
        reach[words[at]] = (max(old[0], before), max(old[1], after))
    return reach


def _windows_by_keyword(spans: list[tuple[int, int]], lower: str, reach: dict[str, tuple[int, int]]
                        ) -> list[tuple[int, int]]:
    """Merged windows around keyword spans, each as far as its own keyword reaches (see ``_windows``)."""
    ranges = sorted((s - reach[lower[s:e]][0], e + reach[lower[s:e]][1]) for s, e in spans)
    out: list[tuple[int, int]] = []
    for a, b in ranges:
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a if a > 0 else 0, b))
    return out


@lexicons.cached
def _plans() -> tuple[tuple[int, _Family, tuple, int, int, re.Pattern | None], ...]:
    """Each family with its rank, the key of its windows (families with the same keywords, reach and filters
    share them), its reach and its case-sensitive twin, worked out once rather than per article."""
    reach, twins = _reach(), _case_sensitive_twins()
    plans = []
    for rank, family in enumerate(_families()):
        before, after = reach[family.name]
        key = (family.keys, before, after, family.needs, family.lead, family.words_before)
        plans.append((rank, family, key, before, after, twins.get(family.name)))
    return tuple(plans)


def find_dates(text: str, sentences: list[Sentence], published: date | None) -> list[TimeExpression]:
    """Temporal expressions of ``text``, resolved against ``published`` where they are relative.

    Example:
        >>> [(d.text, d.value) for d in find_dates("He left two weeks ago.", [], date(2023, 5, 17))]
        [('two weeks ago', '2023-W18')]
    """
    lower = text.lower()
    if len(lower) != len(text):  # a few characters change length when lower-cased; offsets must not move
        lower = text.translate(_ASCII_LOWER)
    near: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)  # keyword class -> spans
    scanning, at_start, classes = _scanner()
    first = at_start.match(lower)
    for k in itertools.chain((first,) if first else (), scanning.finditer(lower, first.end() if first else 0)):
        word = k["word"]
        span = k.span("word") if word is not None else k.span()
        for name in classes[word] if word is not None else _number_classes(lower, k.start(), k.end()):
            near[name].append(span)
    if not near:
        return []

    # (minus the length, rank, start, end, family, match): sorted as they stand, longest first, then the earlier
    # family, then the earlier start (no two are the same match, so the sort never compares families)
    candidates: list[tuple[int, int, int, int, _Family, re.Match]] = []
    windows: dict[tuple, list[tuple[int, int]]] = {}
    folded = _case_folded(text, lower)
    # Resolvers read the words a family matched: a family reads the case-folded text only where that spells
    # the words as the text does, but for their case.
    use_twins = folded is lower
    for rank, family, key, before, after, twin in _plans():
        if near.keys().isdisjoint(family.keys) or (family.needs is not None and family.needs not in near):
            continue  # none of its keywords in the text (most families, in most articles)
        if key not in windows:
            if len(family.keys) == 1:
                spans = near.get(family.keys[0], [])
            else:
                spans = []
                for k in family.keys:
                    spans += near.get(k, ())
                spans.sort()
            if family.needs is not None:
                spans = _within_reach_of(spans, near[family.needs], before, after)
            if family.lead:
                spans = _led(folded, spans, family.lead, family.tail)
            if family.words_before:
                spans = [(s, e) for s, e in spans if _any_in(family.words_before, folded[max(0, s - before):s])]
            if family.name == "vague":  # its phrases reach far around some keywords, not around most
                windows[key] = _windows_by_keyword(spans, lower, _vague_reach())
            else:
                windows[key] = _windows(spans, before, after) if spans else []
        pattern, scanned = (twin, folded) if twin is not None and use_twins else (family.pattern, text)
        for a, b in windows[key]:
            for m in pattern.finditer(scanned, a, b):
                start, end = m.span()
                if end > start:
                    candidates.append((start - end, rank, start, end, family, m))
    # Longest match wins; among equals, the earlier family.
    candidates.sort()
    taken: list[tuple[int, int]] = []
    found: list[tuple[TimeExpression, _Family]] = []
    starts = list(map(_START, sentences))
    for _, _rank, start, end, family, m in candidates:
        if text.find("\n", start, end) >= 0:
            continue  # running across a paragraph break
        i = bisect.bisect_right(taken, (start, end))
        if (i > 0 and taken[i - 1][1] > start) or (i < len(taken) and taken[i][0] < end):
            continue  # overlapping a longer expression
        sentence = sentence_at(sentences, starts, start)
        try:
            future = family.name in _TENSED and _is_future(text, folded, sentence, start, end)
            resolved = family.resolve(m, published, future)
        except (ValueError, OverflowError, KeyError):
            bisect.insort(taken, (start, end))  # February 30, month 13, 25:00: not a date, nor are its parts
            continue
        if resolved is None or (family.name != "holiday" and not text[start + 1:end].islower()  # no capital
                                 and _TITLE_UNIT.search(text, start + 1, end) and _in_running_text(text, sentence, start)):
            continue
        if resolved.stop is not None:
            end = resolved.stop
        left = family.left
        if left == "counted":
            left = "duration" if resolved.timex == "DURATION" else "point"
        if left == "duration":
            head = text[start:end]
            if head[:4].lower() == "the ":
                left = "duration_the"
            elif "-" in head:
                left = None  # "a six-month review": the article belongs to the noun
            elif head[:2].lower() in ("a ", "an"):
                left = "duration_over"  # "over a week", "over an hour" (but not "over three years")
        if left == "day" and _POSSESSIVE.match(text, end):
            left = None  # "get around Wednesday's ruling": the word before belongs to the noun phrase
        if left and _ends_with(lower, start, _LEFT_LAST_WORDS[left]):
            widen = _LEFT[left].search(folded, max(0, start - 40), start)
            if widen and "\n" not in text[widen.start():start]:
                j = bisect.bisect_right(taken, (widen.start(), start))
                if not (j > 0 and taken[j - 1][1] > widen.start()):
                    start = widen.start()
        bisect.insort(taken, (start, end))
        kind = resolved.kind or family.kind
        found.append((TimeExpression(
            start, end, text[start:end], kind, resolved.value, resolved.start, resolved.end,
            resolved.granularity, resolved.certainty, sentence.index if sentence else -1,
            resolved=resolved.start is not None or resolved.end is not None or kind in ("duration", "set"),
            timex=resolved.timex,
        ), family))
    found.sort(key=lambda f: f[0].start)
    # Each pass below changes expressions of a few families only: it runs only in articles that have one
    # (most articles have none of most), found with one set of the families present.
    names = {family.name for _, family in found}
    if not names.isdisjoint(("weekday", "bare_month")):
        found = _same_name_same_day(found)
    if not names.isdisjoint(("that_unit", "relative_unit")):
        found = _that_unit_from_last_date(found)
    if not names.isdisjoint(("anaphoric_quarter", "year_period")):
        found = _quarter_last_told(found, published)
    if not names.isdisjoint(_YEAR_BEFORE_FAMILIES):
        found = _same_quarter_a_year_before(text, sentences, published, found)
    if not names.isdisjoint(_TIMES_OF_DAY):
        found = _times_on_the_day_told(found)
    if "month_day" in names:
        found = _second_day_of_month(text, found)
    return _join_times(text, _day_before_or_after(text, found))


_BARE_NAME = re.compile(r"(?:" + _WEEKDAY + "|" + _MONTH_FULL + r")\Z")


def _same_name_same_day(found: list[tuple[TimeExpression, _Family]]) -> list[tuple[TimeExpression, _Family]]:
    """"Cuba predicted Wednesday ... the relatives would look for ways around Wednesday's ruling": a weekday or
    a month named again, bare, is the one named first in the article; the words around a later mention
    ("would") are weaker evidence than the first telling."""
    first: dict[str, TimeExpression] = {}
    out = []
    for expr, family in found:
        if family.name in ("weekday", "bare_month") and _BARE_NAME.match(expr.text) and expr.start_date is not None:
            name = expr.text.lower().rstrip(".")
            earlier = first.setdefault(name, expr)
            if earlier is not expr and earlier.value != expr.value:
                expr = TimeExpression(expr.start, expr.end, expr.text, expr.kind, earlier.value, earlier.start_date,
                                      earlier.end_date, expr.granularity, expr.certainty, expr.sentence, True,
                                      expr.timex)
        out.append((expr, family))
    return out


_CUT = {"year": 4, "month": 7, "day": 10}
_ANAPHORIC_STEP = re.compile(r"(?:the\s+)?(following|previous|prior)\s+(?:day|week|month|year)\b", re.I)


def _that_unit_from_last_date(found: list[tuple[TimeExpression, _Family]]) -> list[tuple[TimeExpression, _Family]]:
    """"Oct. 23, 1999 ... Earlier that day": "that day" is the day of the last calendar date told before it."""
    out = []
    last: TimeExpression | None = None
    for expr, family in found:
        if family.name == "that_unit":
            cut = _CUT.get(expr.granularity or "")
            if last is not None and cut and last.value and len(last.value) >= cut and last.start_date is not None:
                value = last.value[:cut]
                start, end = last.start_date, last.end_date
                if cut == 4:
                    start, end = date(start.year, 1, 1), date(start.year, 12, 31)
                elif cut == 7:
                    start, end = _month_interval(start.year, start.month)
                expr = TimeExpression(expr.start, expr.end, expr.text, expr.kind, value, start, end, expr.granularity,
                                      "approximate", expr.sentence, True, expr.timex)
        elif (family.name == "relative_unit" and last is not None and last.start_date is not None
              and _ANAPHORIC_STEP.match(expr.text)):
            # "the following year", "the previous month": a step from the date last told, not from publication
            step = 1 if _ANAPHORIC_STEP.match(expr.text)[1].lower() == "following" else -1
            r = _shift(last.start_date, expr.granularity or "", step)
            if r is not None and r.value:
                expr = TimeExpression(expr.start, expr.end, expr.text, expr.kind, r.value, r.start, r.end,
                                      r.granularity, "approximate", expr.sentence, True, expr.timex)
        elif family.kind == "absolute" and expr.value and expr.value[:4].isdigit() and expr.start_date is not None:
            last = expr
        out.append((expr, family))
    return out


_QUARTER_FAMILIES = ("quarter", "anaphoric_quarter", "year_period")


_A_YEAR_BEFORE = re.compile(r"year[\s-](?:ago|earlier)", re.I)


def _quarter_last_told(found: list[tuple[TimeExpression, _Family]], published: date | None
                       ) -> list[tuple[TimeExpression, _Family]]:
    """"The chipmaker lost money in its fiscal first quarter ... It shipped 9,000 systems in the quarter":
    in results news "the quarter", "the latest period", "that quarter" and "the 1988 period" are the quarter
    the article reports on, the first it tells by its number (its lead names it; later ones are comparisons,
    "after a flat second quarter"), in the year they say. The quarter before publication is only the guess
    when none was told. Only a quarter already over when the article was written can be the one reported
    ("expects the fourth quarter to be weak" is a forecast), and "the current quarter" is the one under way."""
    if published is None:
        return found
    out = []
    told: TimeExpression | None = None  # the quarter reported on
    for expr, family in found:
        if family.name == "quarter" and expr.value and "-Q" in expr.value and expr.end_date is not None \
                and expr.end_date < published and told is None:
            told = expr
        elif family.name in ("anaphoric_quarter", "year_period") and told is not None and expr.value \
                and "-Q" in expr.value and expr.start_date is not None and "current" not in expr.text.lower():
            year, q = int(expr.value[:4]), int(told.value[-1])
            if family.name == "anaphoric_quarter":  # the told quarter's year, or the year before ("year-ago")
                year = int(told.value[:4]) - bool(_A_YEAR_BEFORE.search(expr.text))
            r = _quarter(year, q, expr.certainty)
            expr = TimeExpression(expr.start, expr.end, expr.text, expr.kind, r.value, r.start, r.end, r.granularity,
                                  expr.certainty, expr.sentence, expr.resolved, expr.timex)
        out.append((expr, family))
    return out
_YEAR_BEFORE_FAMILIES = ("counted", "relative_unit", "year_adjective")


def _same_quarter_a_year_before(text: str, sentences: list[Sentence], published: date | None,
                                found: list[tuple[TimeExpression, _Family]]) -> list[tuple[TimeExpression, _Family]]:
    """In a sentence about a quarter's results, "a year ago", "a year earlier" and "last year" mean that
    quarter a year before ("profit rose in the third quarter from $5 million a year earlier")."""
    quarters: dict[int, str] = {}
    for expr, family in found:
        if family.name in _QUARTER_FAMILIES and expr.value and "-Q" in expr.value and expr.sentence >= 0:
            quarters.setdefault(expr.sentence, expr.value)
    by_index: dict[int, Sentence] = {}  # made on first need
    out = []
    for expr, family in found:
        if (family.name in _YEAR_BEFORE_FAMILIES and expr.granularity == "year" and expr.value
                and expr.value.isdigit() and expr.start_date is not None and expr.sentence >= 0
                and (family.name != "relative_unit" or expr.text.lower().startswith("last"))):
            quarter = quarters.get(expr.sentence)
            if quarter is None and family.name != "relative_unit":  # "A year earlier, ..." after the quarter's sentence
                quarter = quarters.get(expr.sentence - 1) or quarters.get(expr.sentence - 2)
            if quarter is None and published is not None:
                by_index = by_index or {s.index: s for s in sentences}
                sentence = by_index.get(expr.sentence)
                if sentence is not None and "quarter" in text[sentence.start:sentence.end].lower():
                    quarter = _quarter(published.year, (published.month - 1) // 3).value  # the one just reported
            if quarter is not None:
                year, q = int(expr.value), int(quarter[-1])
                r = _quarter(year, q, expr.certainty)
                expr = TimeExpression(expr.start, expr.end, expr.text, expr.kind, r.value, r.start, r.end,
                                      r.granularity, expr.certainty, expr.sentence, expr.resolved, expr.timex)
        out.append((expr, family))
    return out


def _join_times(text: str, found: list[tuple[TimeExpression, _Family]]) -> list[TimeExpression]:
    """"10 p.m. Wednesday", "5 p.m. EST, Nov. 9", "mid-afternoon yesterday": a clock time or part of the day
    and the day after it are one expression, a TIME on that day."""
    out: list[TimeExpression] = []
    prev_family = None
    for expr, family in found:
        prev = out[-1] if out else None
        joinable, prev_family = prev_family in _TIMES_OF_DAY, family.name
        if (prev is not None and joinable and prev.value and "T" in prev.value
                and expr.granularity == "day" and expr.value and len(expr.value) >= 10 and expr.value[4] == "-"
                and _TIME_THEN_DAY.match(text, prev.end, expr.start)):
            day = expr.value[:10]
            out[-1] = TimeExpression(
                prev.start, expr.end, text[prev.start:expr.end], expr.kind, f"{day}T{prev.value.split('T')[1]}",
                expr.start_date, expr.end_date, prev.granularity, expr.certainty, prev.sentence, expr.resolved,
                timex="TIME")
            continue
        out.append(expr)
    return out


_AND_DAY = re.compile(r"\s*(?:and|or|to|through|-|\u2013)\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?(?![\d,.]\d|\s*(?:%|percent)|[\w-])")


def _second_day_of_month(text: str, found: list[tuple[TimeExpression, _Family]]) -> list[tuple[TimeExpression, _Family]]:
    """"The summit on April 24 and 25": the second number is a day of the same month, a date of its own."""
    out = []
    for expr, family in found:
        out.append((expr, family))
        if family.name != "month_day" or not expr.value or not _DAY_VALUE.match(expr.value[-10:]):
            continue
        m = _AND_DAY.match(text, expr.end)
        if m is None or int(m["day"]) <= int(expr.value[-2:]):
            continue
        try:
            day = date(int(expr.value[:4]), int(expr.value[5:7]), int(m["day"])) if expr.start_date else None
        except ValueError:
            continue
        value = day.isoformat() if day else expr.value[:8] + f"{int(m['day']):02d}"
        out.append((TimeExpression(m.start("day"), m.end("day"), m["day"], expr.kind, value, day, day, "day",
                                   expr.certainty, expr.sentence, day is not None, expr.timex), family))
    return out


_DAY_BEFORE = re.compile(r"(?<![\w-])(?:the\s+)?day\s+(?P<which>before|after)\s+\Z", re.I)


def _day_before_or_after(text: str, found: list[tuple[TimeExpression, _Family]]) -> list[tuple[TimeExpression, _Family]]:
    """"The day before last Tuesday", "the day after Christmas": one expression, a day from the day told."""
    out = []
    for expr, family in found:
        if expr.granularity == "day" and expr.start_date is not None and expr.value and _DAY_VALUE.match(expr.value) \
                and text.endswith(("before ", "after ", "Before ", "After "), 0, expr.start):
            m = _DAY_BEFORE.search(text, max(0, expr.start - 20), expr.start)
            if m is not None and (not out or out[-1][0].end <= m.start()):
                d = expr.start_date + timedelta(days=-1 if m["which"].lower() == "before" else 1)
                expr = TimeExpression(m.start(), expr.end, text[m.start():expr.end], expr.kind, d.isoformat(), d, d,
                                      "day", expr.certainty, expr.sentence, True, expr.timex)
        out.append((expr, family))
    return out


_TIMES_OF_DAY = ("clock", "clock_zoned", "clock_in_the", "part_of_day")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d\Z")


def _times_on_the_day_told(found: list[tuple[TimeExpression, _Family]]) -> list[tuple[TimeExpression, _Family]]:
    """"The blast occurred at about 10:35 a.m. (0735 GMT) Friday": a clock time or a part of the day told
    without its day is on the day its sentence tells (the nearest, if it tells several), not on the
    publication day."""
    days: dict[int, list[TimeExpression]] = {}
    for expr, _family in found:
        if expr.sentence >= 0 and expr.value and _DAY_VALUE.match(expr.value) and expr.start_date is not None:
            days.setdefault(expr.sentence, []).append(expr)
    if not days:
        return found
    out = []
    for expr, family in found:
        told = days.get(expr.sentence)
        if told and family.name in _TIMES_OF_DAY and expr.start_date is not None:
            day = min(told, key=lambda d: abs(d.start - expr.start))
            expr = TimeExpression(expr.start, expr.end, expr.text, expr.kind, f"{day.value}T{expr.value.split('T')[1]}",
                                  day.start_date, day.end_date, expr.granularity, expr.certainty, expr.sentence, True,
                                  expr.timex)
        out.append((expr, family))
    return out


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


