"""Build ``dates_own.jsonl``: short news texts written for analystkit (no corpus text), in the shapes that
issue 15 lists as missed on held-back news, with their TIMEX3 expressions marked by hand.

    python benchmarks/data/make_dates_own.py       # rewrites benchmarks/data/dates_own.jsonl

Each text lists its expressions as (text, type, value) in order of appearance; offsets are found here.
Written after the rules for these shapes, so it checks that the shapes hold, not how well rules generalise:
the held-back sets do that. The texts and their annotation are the project's own (same licence).
"""
from __future__ import annotations

import json
from pathlib import Path

DOCS = [
    ("2014-06-04", "Shipping halted at 21:30 UTC on Tuesday after the storm, and the port reopened at 0600 GMT "
                   "on Wednesday, officials said.",
     [("21:30 UTC on Tuesday", "TIME", "2014-06-03T21:30Z"), ("0600 GMT on Wednesday", "TIME", "2014-06-04T06:00Z")]),
    ("2014-06-04", "The launch window opens at 2300 hours GMT, the agency said.",
     [("2300 hours GMT", "TIME", "2014-06-04T23:00Z")]),
    ("2013-08-01", "The company said profits fell in the second quarter of last year and would recover in the "
                   "fourth quarter of this year.",
     [("the second quarter of last year", "DATE", "2012-Q2"), ("the fourth quarter of this year", "DATE", "2013-Q4")]),
    ("2013-02-10", "Output peaked in the final quarter of 2012, the ministry said.",
     [("the final quarter of 2012", "DATE", "2012-Q4")]),
    ("2014-06-04", "The index fell 20 points to end the day at 1,950. Shares of the bank rose 2 percent for the "
                   "day, and oil recovered late in the day.",
     [("the day", "DATE", "2014-06-04"), ("the day", "DATE", "2014-06-04"), ("late in the day", "DATE", "2014-06-04")]),
    ("2016-03-01", "He coached the team in the 1961-62 season and again from 2014 to 2016.",
     [("1961", "DATE", "1961"), ("62", "DATE", "1962"), ("2014", "DATE", "2014"), ("2016", "DATE", "2016")]),
    ("2017-01-15", "Prices rose sharply in 2015-2016, the report found.",
     [("2015", "DATE", "2015"), ("2016", "DATE", "2016")]),
    ("2015-09-09", "The fire was out within minutes, but residents waited for hours before they could return.",
     [("minutes", "DURATION", "PTXM"), ("hours", "DURATION", "PTXH")]),
    ("2015-09-09", "At the time, nobody knew how the fire began. The inquiry will report at a later date.",
     [("the time", "DATE", "PAST_REF"), ("a later date", "DATE", "FUTURE_REF")]),
    ("2015-09-09", "By that time, the bridge had closed, and the council met on Friday.",
     [("that time", "DATE", "PAST_REF"), ("Friday", "DATE", "2015-09-04")]),
]


def main() -> None:
    out = Path(__file__).with_name("dates_own.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for n, (published, text, expressions) in enumerate(DOCS, 1):
            timexes, at = [], 0
            for expression, kind, value in expressions:
                start = text.index(expression, at)
                at = start + len(expression)
                timexes.append({"text": expression, "start": start, "end": at, "type": kind, "value": value,
                                "tid": f"t{len(timexes) + 1}"})
            f.write(json.dumps({"id": f"own{n}", "text": text, "published": published, "timexes": timexes},
                               ensure_ascii=False) + "\n")
    print(f"{out}: {len(DOCS)} texts, {sum(len(e) for _, _, e in DOCS)} expressions")


if __name__ == "__main__":
    main()
