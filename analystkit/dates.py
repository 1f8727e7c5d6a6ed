"""Temporal expressions: find them in text and resolve them against the publication date.

Each family of expressions is one regular expression and one resolver. A resolver
turns a match into a TIMEX3-style ``value`` and a calendar interval
``[start_date, end_date]`` with a granularity and a certainty:

=================  ==========================  ==========================
expression         value                       interval (published 2023-05-17)
=================  ==========================  ==========================
May 17, 2023       2023-05-17                  2023-05-17 .. 2023-05-17
two weeks ago      2023-W18                    2023-05-01 .. 2023-05-07
a few weeks ago    2023-04-19/2023-05-03       2023-04-19 .. 2023-05-03
last year          2022                        2022-01-01 .. 2022-12-31
on Monday          2023-05-15 (past tense)     2023-05-15 .. 2023-05-15
recently           PAST_REF                    2023-02-16 .. 2023-05-17 (vague)
for three years    P3Y                         none (a duration)
=================  ==========================  ==========================

Relative expressions need a publication date; without one they are reported
with ``resolved=False`` and no interval. Impossible dates (February 30) are not
reported at all. The TimeML conventions follow Pustejovsky et al. (2003) and
the TempEval-3 guidelines (UzZaman et al., 2013).
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from . import lexicons
from .clean import MONTHS
from .model import Sentence, TimeExpression

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "a couple of": 2, "a couple": 2,
}
# Vague quantities as (fewest, most).
_VAGUE_NUMBERS = {"a few": (2, 4), "few": (2, 4), "several": (3, 7), "a number of": (2, 6), "some": (2, 6)}
_NUM = r"(?:\d{1,3}|" + "|".join(sorted((re.escape(w) for w in [*_NUMBER_WORDS, *_VAGUE_NUMBERS]), key=len, reverse=True)) + ")"
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|Jan|Feb|Aug|Sept|Oct|Nov|Dec)")
_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_UNIT_CODE = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "hour": "H", "minute": "M"}
_FUTURE = re.compile(
    r"\b(?:will|won't|shall|'ll|going to|is expected to|are expected to|expects to|plans? to|planned to|"
    r"scheduled (?:to|for)|set to|is due to|are due to|would be held|upcoming)\b",
    re.I,
)


@dataclass(frozen=True)
class _Resolved:
    value: str | None
    start: date | None
    end: date | None
    granularity: str | None
    certainty: str


# ---------------------------------------------------------------- calendar helpers


def _add_months(d: date, months: int) -> date:
    month0 = d.month - 1 + months
    year, month = d.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _month_interval(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _week_of(d: date) -> tuple[str, date, date]:
    year, week, _ = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return f"{year}-W{week:02d}", monday, monday + timedelta(days=6)


def _number(word: str) -> int | tuple[int, int] | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    return _VAGUE_NUMBERS.get(word)


def _month_number(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def _pick_year(month: int, day: int | None, published: date, future: bool) -> int:
    """The year of a month (and day) written without one: the occurrence nearest the publication
    date in the direction the sentence's tense points."""
    probe_day = day or 1
    this_year = date(published.year, month, min(probe_day, calendar.monthrange(published.year, month)[1]))
    if future:
        return published.year + (1 if this_year < published.replace(day=1) else 0)
    if this_year > published and (this_year - published).days > 31:
        return published.year - 1
    return published.year


# ---------------------------------------------------------------- resolvers
# Each takes (match, published or None, future) and returns a _Resolved, or None to drop the match.


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
    if published is None:
        return _Resolved(f"XXXX-{month:02d}", None, None, "month", "exact")
    if modifier == "last":
        year = published.year - (1 if month >= published.month else 0)
    elif modifier == "next":
        year = published.year + (1 if month <= published.month else 0)
    elif modifier == "this":
        year = published.year
    else:
        year = _pick_year(month, None, published, future)
    start, end = _month_interval(year, month)
    return _Resolved(f"{year}-{month:02d}", start, end, "month", "exact")


def _year(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    year = int(m["year"])
    return _Resolved(str(year), date(year, 1, 1), date(year, 12, 31), "year", "exact")


def _decade(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    decade = int(m["decade"])
    return _Resolved(str(decade // 10), date(decade, 1, 1), date(decade + 9, 12, 31), "decade", "exact")


def _relative_day(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    word = m.group().lower()
    offset = -2 if "before yesterday" in word else -1 if word in ("yesterday", "last night") else 1 if word == "tomorrow" else 0
    if published is None:
        return _Resolved(None, None, None, "day", "exact")
    return _day(published + timedelta(days=offset))


def _weekday(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    target = _WEEKDAYS.index(m["weekday"].lower())
    modifier = (m["mod"] or "").lower()
    if published is None:
        return _Resolved(None, None, None, "day", "exact")
    if modifier in ("next", "coming") or (future and modifier not in ("last", "past")):
        delta = (target - published.weekday()) % 7 or 7
    else:
        delta = -((published.weekday() - target) % 7)
        if modifier in ("last", "past") and delta == 0:
            delta = -7
    return _day(published + timedelta(days=delta))


def _relative_unit(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    modifier, unit = m["mod"].lower(), m["unit"].lower()
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1, "this": 0}[modifier]
    if published is None:
        return _Resolved(None, None, None, unit, "exact")
    if modifier == "past" and m.group().lower().startswith("the past"):
        # "the past year" is the twelve months up to publication, not the calendar year before
        days = {"week": 7, "month": 30, "year": 365, "weekend": 3, "decade": 3652}.get(unit, 30)
        return _Resolved(f"P1{_UNIT_CODE.get(unit, 'D')}", published - timedelta(days=days), published, unit, "approximate")
    return _shift(published, unit, step)


def _shift(published: date, unit: str, step: int, certainty: str = "exact") -> _Resolved | None:
    if unit in ("week", "weekend"):
        value, start, end = _week_of(published + timedelta(weeks=step))
        if unit == "weekend":
            start = start + timedelta(days=5)
            value += "-WE"
        return _Resolved(value, start, end, "week", certainty)
    if unit == "month":
        d = _add_months(published, step)
        start, end = _month_interval(d.year, d.month)
        return _Resolved(f"{d.year}-{d.month:02d}", start, end, "month", certainty)
    if unit == "year":
        y = published.year + step
        return _Resolved(str(y), date(y, 1, 1), date(y, 12, 31), "year", certainty)
    if unit == "quarter":
        q = (published.month - 1) // 3 + step
        y, q = published.year + q // 4, q % 4
        start = date(y, 3 * q + 1, 1)
        return _Resolved(f"{y}-Q{q + 1}", start, _add_months(start, 3) - timedelta(days=1), "quarter", certainty)
    if unit == "decade":
        d = (published.year // 10 + step) * 10
        return _Resolved(str(d // 10), date(d, 1, 1), date(d + 9, 12, 31), "decade", certainty)
    if unit in ("spring", "summer", "fall", "autumn", "winter"):
        first_month = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}[unit]
        y = published.year + step
        start = date(y, first_month, 1)
        code = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}[unit]
        return _Resolved(f"{y}-{code}", start, _add_months(start, 3) - timedelta(days=1), "season", certainty)
    return None


def _ago(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    amount, unit = _number(m["n"]), m["unit"].lower()
    if amount is None:
        return None
    if published is None:
        return _Resolved(None, None, None, unit, "approximate")
    if isinstance(amount, tuple):  # "a few weeks ago": an honest range
        most, fewest = amount[1], amount[0]
        start, end = _back(published, unit, most), _back(published, unit, fewest)
        return _Resolved(f"{start.isoformat()}/{end.isoformat()}", start, end, unit, "approximate")
    if unit == "day":
        return _day(published - timedelta(days=amount))
    back = _back(published, unit, amount)
    if unit == "week":
        value, start, end = _week_of(back)
        return _Resolved(value, start, end, "week", "approximate")
    if unit == "month":
        start, end = _month_interval(back.year, back.month)
        return _Resolved(f"{back.year}-{back.month:02d}", start, end, "month", "approximate")
    if unit == "year":
        return _Resolved(str(back.year), date(back.year, 1, 1), date(back.year, 12, 31), "year", "approximate")
    decade = back.year // 10 * 10
    return _Resolved(str(decade // 10), date(decade, 1, 1), date(decade + 9, 12, 31), "decade", "approximate")


def _back(published: date, unit: str, amount: int) -> date:
    if unit == "day":
        return published - timedelta(days=amount)
    if unit == "week":
        return published - timedelta(weeks=amount)
    if unit == "month":
        return _add_months(published, -amount)
    if unit == "decade":
        return _add_months(published, -120 * amount)
    return _add_months(published, -12 * amount)


def _earlier_later(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    unit = m["unit"].lower()
    if published is None:
        return _Resolved(None, None, None, unit, "approximate")
    period = _shift(published, unit, 0)
    if m["which"].lower() == "earlier":
        return _Resolved(period.value, period.start, published, unit, "approximate")
    return _Resolved(period.value, published, period.end, unit, "approximate")


def _span_of_units(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"the past three weeks": a duration anchored at publication."""
    amount, unit = _number(m["n"]), m["unit"].lower()
    if amount is None:
        return None
    most = amount[1] if isinstance(amount, tuple) else amount
    value = f"P{'X' if isinstance(amount, tuple) else amount}{_UNIT_CODE[unit]}"
    if published is None:
        return _Resolved(value, None, None, unit, "approximate")
    if m["mod"].lower() in ("next", "coming"):
        return _Resolved(value, published, published + (published - _back(published, unit, most)), unit, "approximate")
    return _Resolved(value, _back(published, unit, most), published, unit, "approximate")


def _duration(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    amount, unit = _number(m["n"]), m["unit"].lower()
    if amount is None:
        return None
    n = "X" if isinstance(amount, tuple) else amount
    prefix = "PT" if unit in ("hour", "minute") else "P"
    if unit == "decade":
        n, code = (n * 10 if isinstance(n, int) else n), "Y"
    else:
        code = _UNIT_CODE[unit]
    return _Resolved(f"{prefix}{n}{code}", None, None, unit, "exact" if isinstance(amount, int) else "approximate")


@lexicons.cached
def _vague_table() -> dict[str, tuple[str, int | None, int | None]]:
    table = {}
    for row in lexicons.rows("vague_time.tsv"):
        phrase, value, before, after = (row + ["", "", ""])[:4]
        table[phrase.lower()] = (value, int(before) if before else None, int(after) if after else None)
    return table


def _vague(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    value, before, after = _vague_table()[m.group().lower()]
    if published is None:
        return _Resolved(value, None, None, None, "vague")
    start = published + timedelta(days=before) if before is not None else None
    end = published + timedelta(days=after) if after is not None else None
    return _Resolved(value, start, end, None, "vague")


# ---------------------------------------------------------------- the families, in priority order

_Family = tuple[str, re.Pattern, Callable[[re.Match, date | None, bool], _Resolved | None], str]


@lexicons.cached
def _families() -> tuple[_Family, ...]:
    vague = "|".join(sorted((re.escape(p) for p in _vague_table()), key=len, reverse=True))
    i = re.I
    return (
        ("iso", re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])"), _iso, "absolute"),
        ("numeric", re.compile(r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"), _numeric, "absolute"),
        ("month_day", re.compile(
            rf"(?:{_WEEKDAY},?\s+)?(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])(?:,?\s+(?P<year>\d{{4}})(?!\d))?"), _month_day, "absolute"),
        ("day_month", re.compile(
            rf"(?<![\d.,])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>\d{{4}})(?!\d))?"), _month_day, "absolute"),
        ("month_year", re.compile(rf"(?P<month>{_MONTH}),?\s+(?:of\s+)?(?P<year>(?:1[6-9]|20)\d\d)(?![\d,])"), _month_year, "absolute"),
        ("bare_month", re.compile(
            r"(?:(?<=\b[Ii]n )|(?<=\b[Ss]ince )|(?<=\b[Uu]ntil )|(?<=\b[Bb]y )|(?<=\b[Dd]uring )|(?<=\bthrough )|"
            r"(?<=\bfrom )|(?<=\bof )|(?<=\b[Bb]efore )|(?<=\b[Aa]fter )|(?<=\bto ))"
            rf"(?:(?P<mod>early|late|mid|last|next|this)[\s-]+)?(?P<month>{_MONTH_FULL})(?![\w-])"), _bare_month, "absolute"),
        ("modified_month", re.compile(
            rf"(?<!\w)(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id)[\s-]+(?P<month>{_MONTH_FULL})(?![\w-])"),
         _bare_month, "absolute"),
        ("decade", re.compile(r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<decade>1[6-9]\d0|20\d0)s(?!\w)", i), _decade, "absolute"),
        ("year", re.compile(
            r"(?:(?<=\bin )|(?<=\bIn )|(?<=\bsince )|(?<=\bSince )|(?<=\buntil )|(?<=\bby )|(?<=\bBy )|(?<=\bduring )|"
            r"(?<=\bthrough )|(?<=\bfrom )|(?<=\bof )|(?<=\bbefore )|(?<=\bafter )|(?<=\bthe )|(?<=\bThe )|"
            r"(?<=\bbetween )|(?<=\band )|(?<=\bto )|(?<=\bearly )|(?<=\blate )|(?<=\bmid-))"
            r"(?:fiscal\s+)?(?P<year>(?:1[6-9]|20)\d\d)(?![\d,.-]\d|\w|-\w)"), _year, "absolute"),
        ("fiscal_year", re.compile(r"(?:[Ff]iscal(?: year)?|FY)\s*(?P<year>(?:19|20)\d\d)(?!\d)"), _year, "absolute"),
        ("relative_day", re.compile(
            r"(?<!\w)(?:the day before yesterday|yesterday|today|tomorrow|tonight|last night|"
            r"this (?:morning|afternoon|evening))(?!\w)", i), _relative_day, "relative"),
        ("weekday", re.compile(
            rf"(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming)\s+)?(?P<weekday>{_WEEKDAY})"
            r"(?:\s+(?:morning|afternoon|evening|night))?(?!\w)"), _weekday, "relative"),
        ("ago", re.compile(rf"(?<!\w)(?P<n>{_NUM})\s+(?P<unit>day|week|month|year|decade)s?\s+ago(?!\w)", i), _ago, "relative"),
        ("earlier_later", re.compile(
            r"(?<!\w)(?P<which>earlier|later)\s+(?:this|in the)\s+(?P<unit>week|month|year)(?!\w)", i), _earlier_later, "relative"),
        ("span_of_units", re.compile(
            rf"(?<!\w)(?:the\s+)?(?P<mod>past|last|previous|next|coming)\s+(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s(?!\w)", i),
         _span_of_units, "duration"),
        ("relative_unit", re.compile(
            r"(?<!\w)(?:the\s+)?(?P<mod>last|next|this|past|coming|previous|following)\s+"
            r"(?P<unit>week|weekend|month|year|quarter|decade|spring|summer|fall|autumn|winter)(?!\w)", i),
         _relative_unit, "relative"),
        ("duration", re.compile(
            rf"(?<!\w)(?P<n>{_NUM})[\s-](?P<unit>day|week|month|year|decade|hour|minute)s?(?:[\s-]long)?(?!\w)", i),
         _duration, "duration"),
        ("vague", re.compile(rf"(?<!\w)(?:{vague})(?!\w)", i), _vague, "vague"),
    )


def find_dates(text: str, sentences: list[Sentence], published: date | None) -> list[TimeExpression]:
    """Temporal expressions of ``text``, resolved against ``published`` where they are relative.

    Example:
        >>> [(d.text, d.value) for d in find_dates("He left two weeks ago.", [], date(2023, 5, 17))]
        [('two weeks ago', '2023-W18')]
    """
    candidates: list[tuple[int, int, int, _Family, re.Match]] = []
    for rank, family in enumerate(_families()):
        for m in family[1].finditer(text):
            candidates.append((m.start(), m.end(), rank, family, m))
    # Longest match wins; among equals, the earlier family.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    found: list[TimeExpression] = []
    starts = [s.start for s in sentences]
    for start, end, _rank, (name, _pattern, resolve, kind), m in candidates:
        if any(start < b and a < end for a, b in taken) or "\n" in text[start:end]:
            continue  # overlapping a longer expression, or running across a paragraph break
        sentence = _sentence_at(sentences, starts, start)
        future = bool(sentence and _FUTURE.search(text, sentence.start, sentence.end))
        try:
            resolved = resolve(m, published, future)
        except (ValueError, OverflowError):
            continue  # February 30, month 13: not a date
        if resolved is None:
            continue
        taken.append((start, end))
        found.append(TimeExpression(
            start, end, text[start:end], kind, resolved.value, resolved.start, resolved.end,
            resolved.granularity, resolved.certainty, sentence.index if sentence else -1,
            resolved=resolved.start is not None or resolved.end is not None or kind == "duration",
        ))
    return sorted(found, key=lambda d: d.start)


def _sentence_at(sentences: list[Sentence], starts: list[int], offset: int) -> Sentence | None:
    import bisect

    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and sentences[i].start <= offset < sentences[i].end:
        return sentences[i]
    return None
