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
21:30 UTC          2023-05-17T21:30Z           2023-05-17 .. 2023-05-17
2015-2016          2015 and 2016 (two)         2015-01-01 .. 2015-12-31, ...
recently           PAST_REF                    2023-02-16 .. 2023-05-17 (vague)
for three years    P3Y                         none (a duration)
every week         P1W                         none (a set)
=================  ==========================  ==========================

Spans follow TimeML: they include modifiers ("early 1990", "nearly two years",
"the first nine months"), keep compounds whole ("the second quarter of last year",
2022-Q2) and leave out prepositions ("in the past" is found as "the past"). Relative expressions need a publication date; without one they are
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

The stage as a package: the front door (:func:`find_dates`, here) runs the keyword scanner
(``scanner.py``) and the rule families in their order (``families.py``), each family's resolver in the
module of its kind (``absolute.py``, ``relative.py``, ``times.py``, ``durations.py``, ``vague.py``),
resolution to calendar intervals (``intervals.py``), the tense of the sentence (``tense.py``) and the passes
that read an expression against the others of its article (``context.py``). Word lists stay in
``lexicons/``; the words and patterns shared by families are in ``words.py``.
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from datetime import date

from ..model import Sentence, TimeExpression
from ..segment import sentence_at
from .context import (
    _TIMES_OF_DAY,
    _YEAR_BEFORE_FAMILIES,
    _day_before_or_after,
    _join_times,
    _quarter_last_told,
    _same_name_same_day,
    _same_quarter_a_year_before,
    _second_day_of_month,
    _that_unit_from_last_date,
    _times_on_the_day_told,
)
from .families import _Family, _number_classes, _scanner
from .mods import with_mods
from .relative import _POSSESSIVE
from .scanner import (
    _START,
    _TENSED,
    _led,
    _plans,
    _vague_reach,
    _windows,
    _windows_by_keyword,
    _within_reach_of,
)
from .tense import _TITLE_UNIT, _in_running_text, _is_future
from .words import (
    _ASCII_LOWER,
    _LEFT,
    _LEFT_LAST_WORDS,
    _any_in,
    _case_folded,
    _ends_with,
)


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
    return with_mods(_join_times(text, _day_before_or_after(text, found)))
