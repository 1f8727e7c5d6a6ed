"""Vague references ("recently", "so far", "the coming weeks") from ``lexicons/vague_time.tsv``."""
from __future__ import annotations

import re
from datetime import date, timedelta

from .. import lexicons
from .words import _Resolved


@lexicons.cached
def _vague_table() -> dict[str, tuple[str, int | None, int | None, str | None]]:
    table = {}
    for row in lexicons.rows("vague_time.tsv"):
        phrase, value, before, after, timex = (row + ["", "", "", ""])[:5]
        table[" ".join(phrase.lower().split())] = (
            value, int(before) if before else None, int(after) if after else None,
            None if timex == "-" else timex or "DATE")
    return table


def _vague(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    value, before, after, timex = _vague_table()[" ".join(m.group().lower().split())]
    if published is None:
        return _Resolved(value, None, None, None, "vague", timex)
    start = published + timedelta(days=before) if before is not None else None
    end = published + timedelta(days=after) if after is not None else None
    return _Resolved(value, start, end, None, "vague", timex)


def _anaphoric_time(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"at the time", "by that time": a moment told before (PAST_REF); "at a later date" (FUTURE_REF). No
    interval: the sentence does not say when."""
    text = " ".join(m.group().lower().split())
    if text.startswith("a later"):
        return _Resolved("FUTURE_REF", None, None, None, "vague", "DATE")
    return _Resolved("PAST_REF", None, None, None, "vague", "DATE")
