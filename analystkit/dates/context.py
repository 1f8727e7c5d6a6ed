"""Passes over the expressions of a whole article: a bare weekday or "that day" read against the last date
told, quarters of the year reported on, a clock time joined with its day, "the 3rd and 4th"."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from ..model import Sentence, TimeExpression
from .families import _Family
from .intervals import _month_interval, _quarter
from .relative import _shift
from .scanner import _TIME_THEN_DAY
from .words import _A_YEAR_BEFORE, _MONTH_FULL, _WEEKDAY

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


_YEAR_BEFORE_FAMILIES = ("counted", "relative_unit", "year_adjective", "same_unit_a_year_before")


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
        if family.name == "same_unit_a_year_before" and expr.granularity == "quarter" and expr.sentence in quarters:
            # "profit rose in the third quarter from the same quarter a year earlier": that quarter, a year back
            quarter = quarters[expr.sentence]
            r = _quarter(int(quarter[:4]) - 1, int(quarter[-1]), expr.certainty)
            expr = replace(expr, value=r.value, start_date=r.start, end_date=r.end)
        elif (family.name in _YEAR_BEFORE_FAMILIES and expr.granularity == "year" and expr.value
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
