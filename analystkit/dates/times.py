"""Clock times and parts of the day: "10 p.m.", "noon", "21:30 UTC", "the morning"."""
from __future__ import annotations

import re
from datetime import date

from .words import _PART_OF_DAY, _Resolved


def _clock(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"10 a.m.", "5:30 p.m. EST", "noon", "midnight": a time of the publication day (the best guess)."""
    if m["word"]:
        hour, minute = (24 if m["word"].lower() == "midnight" else 12), 0
    else:
        hour, minute = int(m["h"]), int(m["min"] or 0)
        if not 1 <= hour <= 12 or minute > 59:
            raise ValueError("not a time")
        hour = hour % 12 + (12 if m["ap"].lower() == "p" else 0)
    return _on_the_day(f"{hour:02d}:{minute:02d}", "minute" if minute else "hour", published, "exact")


def _clock_zoned(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"21:30 UTC", "0600 GMT": a time of the publication day in universal time, ``2014-06-02T21:30Z``."""
    hour, minute = int(m["h"]), int(m["min"])
    return _on_the_day(f"{hour:02d}:{minute:02d}Z", "minute" if minute else "hour", published, "exact")


def _part_of_day(m: re.Match, published: date | None, future: bool) -> _Resolved | None:
    """"mid-afternoon", "the morning": a part of the publication day."""
    code = _PART_OF_DAY.get(m["part"].lower().replace("mid-", "").replace("mid", "").strip(), "AF")
    return _on_the_day(code, "day", published, "approximate")


def _on_the_day(time: str, granularity: str, published: date | None, certainty: str) -> _Resolved:
    """A TIME of the publication day (``2023-05-17T21:30``), or of an unknown day without one."""
    if published is None:
        return _Resolved(f"XXXX-XX-XXT{time}", None, None, granularity, certainty, "TIME")
    return _Resolved(f"{published.isoformat()}T{time}", published, published, granularity, certainty, "TIME")
