"""Relative days and weeks: "yesterday", "on Monday", "last week", "two weeks ago", "the weekend",
"a year earlier", shifted against the publication date and the tense."""
from __future__ import annotations

import re
from datetime import date, timedelta

from .intervals import (
    _add_months,
    _day,
    _month_interval,
    _number,
    _quarter,
    _unit,
    _week_of,
    _year_span,
)
from .words import (
    _A_YEAR_BEFORE,
    _PART_OF_DAY,
    _SEASONS,
    _UNIT_CODE,
    _WEEKDAYS,
    _Resolved,
)


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


def _the_day(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"for the day", "late in the day": in market and sports copy, the day the article reports on."""
    if published is None:
        return _Resolved(None, None, None, "day", "exact", "DATE")
    return _day(published)


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


def _same_unit_a_year_before(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"the same week a year ago": the publication's week (day, month, quarter) a year before; in a
    sentence about a quarter's results, that quarter a year before (context.py)."""
    unit = _unit(m["unit"])
    if published is None:
        return _Resolved(None, None, None, unit, "exact")
    return _shift(_add_months(published, -12), unit, 0)


def _unit_previous(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"the year previous": as "the previous year", the unit before publication's."""
    unit = _unit(m["unit"])
    if published is None:
        return _Resolved(None, None, None, unit, "exact")
    return _shift(published, unit, -1)


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
