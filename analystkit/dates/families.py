"""The rule families, in the order they run (:func:`_families`): each a pattern, a resolver, a kind, and
the keyword classes near which it runs; the keywords the scanner looks for."""
from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .. import lexicons
from .absolute import (
    _bare_month,
    _century,
    _decade,
    _half,
    _holiday,
    _iso,
    _month_day,
    _month_year,
    _named_decade,
    _numeric,
    _quarter_of,
    _season,
    _short_decade,
    _spelled_year,
    _the_season,
    _the_year,
    _year,
    _year_adjective,
    _year_period,
    _year_range_first,
    _year_range_second,
)
from .durations import (
    _bare_units,
    _counted,
    _per_unit,
    _sessions,
    _set,
    _single_unit,
    _span_of_units,
    _that_unit,
    _unit_range_first,
    _units_around,
)
from .intervals import _Resolved
from .matches import _HourOfPartMatch, _PartMatch, _UnitMatch
from .relative import (
    _anaphoric_quarter,
    _relative_day,
    _relative_unit,
    _same_unit_a_year_before,
    _the_day,
    _the_weekend,
    _unit_previous,
    _weekday,
)
from .times import _clock, _clock_zoned, _part_of_day
from .vague import _anaphoric_time, _vague, _vague_table
from .words import (
    _CAPITALISED_WEEKDAYS,
    _HOLIDAY_MODIFIER,
    _MONTH,
    _MONTH_FULL,
    _MONTH_MODIFIER,
    _MONTH_MODIFIER_WORDS,
    _MONTH_NAMES,
    _NUM,
    _PART_OF_MONTH,
    _SPELLED_YEAR,
    _UNIT,
    _WEEKDAY,
    _WEEKDAY_MODIFIER,
    _WEEKDAY_MODIFIER_WORDS,
    _WEEKDAYS,
    _begins_with_one_of,
)

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


# words that describe a day of trading ("a volatile day", "a choppy trading day")
_MARKET_DAY_WORDS = ("volatile", "choppy", "turbulent", "tumultuous", "rocky", "bruising", "lackluster", "lacklustre",
                     "hectic", "whipsaw", "subdued")

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
    "time_word": ["time", "date"],
    "set": ["daily", "nightly", "weekly", "monthly", "annually", "yearly", "hourly", "every", "each", "quarterly",
            "semiannually", "semi", "biennially"],
    "session": ["session", "sessions"],
    "previous": ["previous", "prior"],
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
    quarter_ord = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)"
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
        # two digits without an apostrophe: "the 60s", and the decades listed after one ("the 1960s and 90s");
        # not temperatures ("highs in the 60s") nor ages ("in their 60s")
        _Family("short_decade", re.compile(
            r"(?:(?<=\bthe )|(?<=\bThe )|(?<=0s and )|(?<=0s or )|(?<=0s to )|(?<=0s and ')|(?<=0s or ')|(?<=0s to '))"
            r"(?P<short>[3-9]0)s(?![\w'’])(?!\s+(?:degrees|percent)\b)"), _short_decade, "absolute", ("digit_s",), "decade"),
        _Family("named_decade", re.compile(r"(?:the\s+)(?:(?:early|mid|late)[\s-]+)?(?P<name>twenties|thirties|forties|"
                                           r"fifties|sixties|seventies|eighties|nineties)(?!\w)", i),
                _named_decade, "absolute", ("decade",), "point"),
        _Family("quarter", re.compile(
            r"(?:(?:the|the\s+(?:year-ago|year-earlier|comparable|"
            r"comparable year-ago|comparable year-earlier))\s+(?![a-z]+-quarter))?"
            r"(?P<rel>(?:this|last|next)\s+year's\s+|year-ago\s+|year-earlier\s+|a\s+year\s+(?:ago|earlier)\s+)?"
            r"(?:(?P<year>(?:19|20)\d\d)\s+)?(?:fiscal[\s-]+)?" + quarter_ord +
            # "of 2012", and kept whole with its year: "the second quarter of last year" (a compound)
            r"[\s-]+quarter(?![\w-])(?:\s+of\s+(?:fiscal\s+)?(?P<year2>(?:19|20)\d\d)"
            r"|\s+of\s+(?P<rel2>this|last|next|the\s+previous|the\s+following)\s+year(?![\w'’-]))?", i),
         _quarter_of, "absolute", ("part",), "point",
         words_before=("first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th", "final")),
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
        # a range of years is two expressions, as TimeML tags it: "2015-2016", "1961-62" (the second part is
        # read from the number after the dash, its century from the year before it)
        _Family("year_range_first", re.compile(
            r"(?<![\w$#.,/:'-])(?P<year>(?:1[6-9]|20)\d\d)(?=[-–](?:(?:1[6-9]|20)\d\d|\d\d)(?![\w%]|[.,/:-]\d))"),
         _year_range_first, "absolute", ("digit4",)),
        _Family("year_range_second", re.compile(
            r"(?<=(?:1[6-9]|20)\d\d[-–])(?P<short>(?:1[6-9]|20)\d\d|\d\d)(?![\w%]|[.,/:-]\d)"),
         _year_range_second, "absolute", ("number",)),
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
        # the day of the report, in market and sports copy: "rose 2 percent for the day", "to end the day at",
        # "late in the day"; not "the day of the attack", "the day after", "the day he left"
        _Family("the_day", re.compile(
            r"(?:(?<=\bfor )|(?<=\bend )|(?<=\bended )|(?<=\bending )|(?<=\bclose )|(?<=\bclosed )|"
            r"(?<=\bclosing )|(?<=\bthroughout ))the\s+day(?![\w-])"
            r"(?!\s+(?:of|after|before|when|that|which|he|she|they|it|we|I|his|her|their)\b)"
            r"|(?<![\w-])(?:[Ll]ate|[Ll]ater|[Ee]arlier|[Ee]arly)\s+in\s+the\s+day(?![\w-])"),
         _the_day, "relative", ("unit1",), lead=("the",)),
        # "on a volatile day for stocks": a trading day described, in market copy the day reported on
        _Family("market_day", re.compile(
            r"(?<![\w-])an?\s+(?P<adjective>" + "|".join(_MARKET_DAY_WORDS) + r")\s+(?:trading\s+)?day(?![\w-])"
            r"(?!\s+(?:of|after|before|when|that|which|in\s+the\s+life)\b)", i),
         _the_day, "relative", ("unit1",), lead=(*_MARKET_DAY_WORDS, "trading")),
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
            rf"(?<!\w)(?P<n>{_NUM})(?P<half>\s+and\s+a\s+half)?"
            # "two more years", "five straight days", "three consecutive months", "four trading days"
            r"(?:\s+(?:more|additional|further|extra|straight|consecutive|successive|full))?(?:\s+trading(?=\s+days?\b))?"
            rf"[\s-]+{_UNIT}"
            r"(?P<half2>\s+and\s+a\s+half)?(?:\s+(?P<ago>ago)|\s+(?P<dir>earlier|later)|(?:[\s-]long)?)"
            r"(?![\w-])(?![\s-]old\b)", i),
         _counted, "duration", ("unit", "part"), "counted"),
        # the first of two counts of one unit: "between 6 and 9 months", "two to three years" (the second is
        # "counted"); not "two to three years ago" (a time, not two lengths) nor "18 to 25 years old"
        _Family("unit_range_first", re.compile(
            rf"(?<![\w$.,/-])(?P<n>{_NUM})(?=\s+(?:and|to|or)\s+{_NUM}[\s-]+{_UNIT}(?![\w-])"
            r"(?!\s+(?:ago|earlier|later|before|after|old)\b|[\s-]old\b))", i),
         _unit_range_first, "duration", ("unit", "part"), words_before=(" and ", " to ", " or ")),
        _Family("span_of_units", re.compile(
            rf"(?<!\w)(?:the\s+)?(?P<mod>past|last|previous|next|coming|first|final|latest|following)\s+"
            rf"(?P<n>{_NUM})\s+{_UNIT}(?![\w-])", i),
         _span_of_units, "duration", ("unit", "part"), "duration",
         words_before=("past", "last", "previous", "next", "coming", "first", "final", "latest", "following")),
        _Family("the_weekend", re.compile(r"(?<!\w)the\s+weekend(?!\w)", i), _the_weekend, "relative", ("weekend",),
                lead=("the",)),
        # a compound kept whole: "the same week a year ago", "the same quarter last year" (the unit, a year back)
        _Family("same_unit_a_year_before", re.compile(
            r"(?<!\w)the\s+same\s+(?P<unit>day|week|month|quarter)\s+(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|"
            r"(?:of\s+)?the\s+(?:previous|prior)\s+year|the\s+year\s+before)(?![\w-])", i),
         _same_unit_a_year_before, "relative", ("unit1", "part"), lead=("same",)),
        # "the year previous", "the month prior": the unit before (not "the year prior to the vote")
        _Family("unit_previous", re.compile(
            r"(?<!\w)the\s+(?P<unit>week|month|year|quarter)\s+(?:previous|prior)(?![\w-])(?!\s+to\b)", i),
         _unit_previous, "relative", ("previous",), lead=("week", "month", "year", "quarter")),
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
            r"daily|nightly|weekly|monthly|annually|yearly|hourly|semiannually|semi-annually|biennially|"
            # "quarterly" as an adverb ("adjusted quarterly"); as an adjective ("a quarterly dividend"), like
            # "annual", TimeBank leaves it untagged
            r"quarterly(?=\s*[.,;:)]|\s+(?:and|or|in|on|at|through|to|for|by|from|until|since)\b))"
            r"(?![\w-])", i),
         _set, "set", ("set",)),
        # market copy counts trading sessions, a day each: "five straight sessions", "three trading sessions"
        _Family("sessions", re.compile(
            rf"(?<!\w)(?P<n>{_NUM})\s+(?:(?:straight|consecutive|successive)\s+(?:trading\s+)?|trading\s+)"
            r"sessions?(?![\w-])", i),
         _sessions, "duration", ("session",), "duration"),
        # an adjective of one unit: "the biggest single-day drop", "a single-session record"
        _Family("single_unit", re.compile(r"(?<![\w-])single-(?P<unit>day|session|week|month|year|quarter)(?![\w-])", i),
                _single_unit, "duration", ("unit1", "session", "part"), words_before=("single-",)),
        _Family("per_unit", re.compile(r"(?<!\w)(?:a|an|per)\s+(?P<unit>day|week|month|year|hour)(?!\w)", i),
                _per_unit, "set", ("unit1",), lead=("a", "an", "per")),
        _Family("bare_units", re.compile(
            r"(?<=\b[Ff]or\s)(?P<unit>years|months|weeks|days|hours|decades|centuries)(?![\w-])|"
            r"(?<=\b[Ii]n\s)(?P<unit2>years|decades)(?![\w-])|"
            # "troops arrive within weeks", "the fire was out within minutes"
            r"(?<=\b[Ww]ithin\s)(?P<unit4>minutes|hours|days|weeks|months|years)(?![\w-])|"
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
        # a time told before, named by its place in the story: "at the time", "by that time" (a past moment
        # whose date the sentence does not give), "at a later date"
        _Family("anaphoric_time", re.compile(
            # closing its clause: "at the time Howes was captured" and "by the time he arrived" are clauses
            r"(?:(?<=\b[Aa]t )|(?<=\b[Bb]y ))(?:the|that)\s+time(?=\s*(?:[,.;:)\u2014\u2013]|$))"
            r"|(?<=\b[Aa]t )a\s+later\s+(?:date|time)(?![\w-])"),
         _anaphoric_time, "vague", ("time_word",), lead=("the", "that", "later")),
    )
