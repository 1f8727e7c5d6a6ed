"""Where each family looks: one pass of a keyword scanner over the case-folded text, then windows around
each family's keywords, as far as its matches reach."""
from __future__ import annotations

import bisect
import operator
import re

from .. import lexicons
from .families import _families, _Family
from .vague import _vague_table
from .words import _ends_with

_WINDOW = 48  # characters either side of a keyword in which a family looks for a match, unless told below

# How far before its keyword a family's match can start, and how far after it the match and the context its
# pattern looks at (lookaheads) can end, with room for doubled spaces; windows are then widened to whole
# words. Families whose keywords are frequent (numbers, units, month and weekday names) scan less text.
_REACH = {
    "iso": (2, 8), "numeric": (2, 10), "decade": (2, 4), "year": (20, 4), "year_range_first": (2, 12), "year_range_second": (8, 6),  # around numbers
    "month_day": (30, 20), "day_month": (28, 14), "month_year": (10, 14), "bare_month": (15, 20),
    "year_adjective": (2, 12), "the_year": (24, 18), "the_season": (14, 10), "the_weekend": (6, 2),
    "relative_day": (20, 4), "the_day": (16, 2), "anaphoric_time": (10, 24), "weekday": (18, 28), "clock": (10, 24), "clock_zoned": (14, 4), "clock_in_the": (24, 4), "part_of_day": (8, 2),
    "holiday": (15, 30), "counted": (40, 20), "span_of_units": (36, 4), "relative_unit": (28, 4), "set": (2, 30),
    "per_unit": (5, 2), "bare_units": (6, 8), "units_around": (2, 26), "that_unit": (18, 8),
}

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
