"""Durations and sets: "for three years", "the past two weeks", "months", "every week", "per day"."""
from __future__ import annotations

import re
from datetime import date

from .intervals import _duration_value, _month_number, _number, _unit
from .matches import _HalfMatch
from .relative import _ago, _back, _shifted
from .words import _WEEKDAYS, _Resolved

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
    amount = _number(m["n"])
    if m["half"] and amount is not None:
        if isinstance(amount, tuple) or amount <= 0:
            return None
        amount += 0.5
    return _length(amount, _unit(m["unit"]))


def _length(amount, unit: str) -> _Resolved | None:
    """A duration of ``amount`` units: a number, or a (low, high) range for "a few" (then approximate)."""
    if amount is None or (not isinstance(amount, tuple) and amount <= 0):
        return None
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


def _set(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"every year", "each Thursday", "daily", "twice a week"."""
    words = m.group().lower()
    adverb = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
              "hourly": "PT1H", "quarterly": "P3M", "semiannually": "P6M", "semi-annually": "P6M",
              "biennially": "P2Y"}.get(words)
    if adverb:
        value = adverb
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


def _sessions(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"five straight sessions": trading sessions, one a day, so a duration in days."""
    return _length(_number(m["n"]), "day")


def _unit_range_first(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"between 6 and 9 months": the first count, a length in the unit written after the second."""
    amount = _number(m["n"])
    return None if isinstance(amount, tuple) else _length(amount, _unit(m["unit"]))


def _single_unit(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"single-day", "single-session": one unit, as an adjective (a session is a trading day)."""
    unit = m["unit"].lower()
    return _length(1, "day" if unit == "session" else _unit(unit))


def _per_unit(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"$5 a year", "four flights a week", "twice a day": a rate, so a set."""
    before = m.string[max(0, m.start() - 30):m.start()]
    if not re.search(r"(?:\d|\btimes|\btwice|\bonce|\bthrice|\bhours|\bdollars|\bcents|\bmiles|\bflights)\W*\s*$",
                     before, re.I):
        return None
    return _Resolved(_duration_value(1, _unit(m["unit"])), None, None, None, "exact", "SET", "set")
