"""Views of a match that let one resolver read another family's matches: without a group, with the
hour of a part of the day, a half, a unit."""
from __future__ import annotations

import re


class _Without:
    """A match read as if one of its groups had not matched."""

    def __init__(self, m: re.Match, group: str):
        self._m, self._group = m, group

    def __getitem__(self, key):
        return None if key == self._group else self._m[key]


class _PartMatch:
    """A match of part_of_day read through the group names its resolver expects."""

    def __init__(self, m: re.Match):
        self._m = m

    def __getitem__(self, key):
        return self._m["part"] or self._m["part2"] if key == "part" else self._m[key]


class _HourOfPartMatch(_PartMatch):
    """A match of clock_in_the ("4 in the morning") read as a clock time ("4 a.m.")."""

    def __getitem__(self, key):
        if key == "ap":
            return "a" if self._m["part"].lower() == "morning" else "p"
        return None if key == "word" else self._m[key]


class _HalfMatch(_PartMatch):
    def __getitem__(self, key):
        return self._m["half"] or self._m["half2"] if key == "half" else self._m[key]


class _UnitMatch(_PartMatch):
    def __getitem__(self, key):
        if key == "unit":
            return self._m["unit"] or self._m["unit2"] or self._m["unit3"] or self._m["unit4"] or self._m["unit5"]
        return self._m[key]
