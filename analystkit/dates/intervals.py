"""Calendar intervals: a resolved expression (:class:`_Resolved`: TIMEX3 value and type, first and last
day, granularity, certainty) and the arithmetic of months, weeks, quarters and years behind it.

Every resolver of the rule families takes (match, publication date or None, whether the sentence tells of
the future) and returns a :class:`_Resolved`, or None to drop the match."""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache

from ..clean import MONTHS
from .words import _NUMBER_WORDS, _UNIT_CODE, _VAGUE_NUMBERS, _Resolved


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


@lru_cache(maxsize=4096)
def _day(d: date, certainty: str = "exact") -> _Resolved:
    return _Resolved(d.isoformat(), d, d, "day", certainty)
