"""TIMEX3 modifiers: the words at the head of an expression that say which part of a time it means
("early 2015": START, "mid-2014": MID, "the end of 2013": END) or how far to trust a length or a
point ("nearly three years": LESS_THAN, "around 2010": APPROX).

The value stays the time itself, as TimeML writes it (``2014`` with mod MID). A part of a time narrows the
interval to that third of it, with certainty approximate: a timeline then places "late 2016" in the autumn
of 2016, not across the whole year. A time of a day or shorter is not narrowed. An approximate point
("around 2010") keeps its interval, with certainty approximate.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from ..model import TimeExpression
from .intervals import _add_months

# The modifier that opens an expression (spans include their modifiers). Longer phrases first; a modifier
# is a whole word ("late May", not "later this month").
_LEADING_MOD = re.compile(
    r"(?:the\s+)?(?:"
    r"(?P<START>early|(?:beginning|start|dawn)\s+of)|"
    r"(?P<MID>mid|middle\s+of)|"
    r"(?P<END>late|(?:end|close)\s+of)|"
    r"(?P<APPROX>around|roughly|approximately|about|some|circa)|"
    r"(?P<LESS_THAN>nearly|almost|less\s+than|fewer\s+than|just\s+under|under)|"
    r"(?P<MORE_THAN>more\s+than|just\s+over|over)|"
    r"(?P<EQUAL_OR_LESS>up\s+to|at\s+most|no\s+more\s+than|not\s+more\s+than)|"
    r"(?P<EQUAL_OR_MORE>at\s+least))(?=[\s-])",
    re.IGNORECASE)

_PARTS = ("START", "MID", "END")


def with_mods(expressions: list[TimeExpression]) -> list[TimeExpression]:
    """The expressions, each with the mod its opening words give and, for a part of a time, its interval
    narrowed to that part."""
    out = []
    for expr in expressions:
        m = _LEADING_MOD.match(expr.text)
        if m is None:
            out.append(expr)
            continue
        mod = m.lastgroup
        if mod == "APPROX" and expr.start_date is not None and expr.certainty == "exact":
            expr = replace(expr, certainty="approximate")  # "around 2010": the year, give or take
        elif mod in _PARTS and expr.start_date is not None and expr.end_date is not None:
            first, last = _part(expr.start_date, expr.end_date, expr.granularity, _PARTS.index(mod))
            if (first, last) != (expr.start_date, expr.end_date):
                certainty = "approximate" if expr.certainty == "exact" else expr.certainty
                expr = replace(expr, start_date=first, end_date=last, certainty=certainty)
        out.append(replace(expr, mod=mod))
    return out


def _part(first: date, last: date, granularity: str | None, third: int) -> tuple[date, date]:
    """The first, middle or last third (``third`` 0, 1, 2) of the interval ``[first, last]``, on the
    boundaries people mean: a year in four-month parts, a month in ten-day parts, a decade in years 0-3,
    4-6 and 7-9; any other interval of three days or more in thirds of its days."""
    if granularity == "year" and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        start = _add_months(first, 4 * third)
        return start, _add_months(start, 4) - timedelta(days=1)
    if granularity == "month" and first.day == 1:
        return (first + timedelta(days=10 * third),
                last if third == 2 else first + timedelta(days=10 * third + 9))
    if granularity == "decade" and last.year - first.year == 9:
        years = ((0, 3), (4, 6), (7, 9))[third]
        return date(first.year + years[0], 1, 1), date(first.year + years[1], 12, 31)
    days = (last - first).days + 1
    if granularity in ("day", "hour", "minute") or days < 3:
        return first, last
    return (first + timedelta(days=days * third // 3),
            first + timedelta(days=days * (third + 1) // 3 - 1))
