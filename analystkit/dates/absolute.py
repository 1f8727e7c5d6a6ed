"""Absolute dates: ISO and numeric dates, month and day, month and year, years, decades, centuries,
seasons, quarters and halves of a year, holidays."""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from .intervals import (
    _add_months,
    _day,
    _month_interval,
    _month_number,
    _pick_year,
    _quarter,
    _week_of,
    _year_span,
)
from .matches import _Without
from .relative import _shift
from .words import (
    _CODE_WORDS,
    _COUNT_NOUN,
    _EARLY_YEAR_BEFORE,
    _NUMBER_WORDS,
    _ORDINALS,
    _PREPOSITION_BEFORE,
    _SEASONS,
    _case_folded,
    _Resolved,
)


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


def _year_range(text: str, first_start: int) -> tuple[int, int] | None:
    """The years of the range whose first year starts at ``first_start`` ("2015-2016", "1961-62", "1999-00"),
    or None when the number after the dash is no later year (a month: "2014-06")."""
    first = int(text[first_start:first_start + 4])
    after = first_start + 5
    digits = 4 if text[after:after + 4].isdigit() else 2
    second = int(text[after:after + digits])
    if digits == 2:
        second += first // 100 * 100
        if second <= first:
            second += 100
        return (first, second) if 0 < second - first <= 10 else None
    return (first, second) if 0 < second - first <= 100 else None


def _year_range_first(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    years = _year_range(m.string, m.start())
    return _year_span(years[0]) if years else None


def _year_range_second(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    years = _year_range(m.string, m.start() - 5)
    return _year_span(years[1]) if years else None


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


_WEATHER_BEFORE = re.compile(r"\b(?:temperatures?|highs?|lows?|degrees|readings|mercury|thermometers?|weather)\b",
                             re.IGNORECASE)


def _short_decade(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"the 60s", "the 1960s and 90s": a decade of the last century (as "the sixties"), unless the words before
    speak of the weather ("highs in the 60s")."""
    if _WEATHER_BEFORE.search(m.string, max(0, m.start() - 60), m.start()):
        return None
    decade = 1900 + int(m["short"])
    return _Resolved(str(decade // 10), date(decade, 1, 1), date(decade + 9, 12, 31), "decade", "exact")


def _named_decade(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
            "nineties": 9}[m["name"].lower()]
    decade = 1900 + 10 * tens
    return _Resolved(str(decade // 10), date(decade, 1, 1), date(decade + 9, 12, 31), "decade", "exact")


def _quarter_of(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"the third quarter", "third-quarter", "the fiscal first quarter of 1990", "last year's fourth quarter",
    "the second quarter of last year", "the final quarter of 2012"."""
    q = _ORDINALS[m["ord"].lower()]
    if m["year"] or m["year2"]:
        return _quarter(int(m["year"] or m["year2"]), q)
    if published is None:
        return _Resolved(f"XXXX-Q{q}", None, None, "quarter", "exact")
    rel = (m["rel"] or m["rel2"] or "").lower()
    year = published.year + (-1 if rel.startswith(("last", "year-ago", "year-earlier", "a year", "the previous")) else
                             1 if rel.startswith(("next", "the following")) else 0)
    if not rel and not future and q > (published.month - 1) // 3 + 1:
        year -= 1  # "the fourth quarter" reported in January is last year's
    return _quarter(year, q)


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
