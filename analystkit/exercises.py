"""Check functions for the teaching notebook (``notebooks/05_exercises.ipynb``).

Each check takes a student's answer and the tables, and returns :class:`Feedback`:
whether the answer is right, and why, in words a student can act on. The right
answers are computed from the tables, never stored, so the exercises work on any
article a teacher picks.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from .tables import Tables


@dataclass(frozen=True)
class Feedback:
    ok: bool
    message: str
    details: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        head = ("✔ Right. " if self.ok else "✘ Not yet. ") + self.message
        return "\n".join([head, *(f"  - {d}" for d in self.details)])

    def __repr__(self) -> str:
        return str(self)

    def __bool__(self) -> bool:
        return self.ok


def _not_answered(answer) -> bool:
    return answer is None or answer is Ellipsis


def _norm(name: str) -> str:
    return " ".join(str(name).lower().replace("’", "'").split())


def check_anonymous_sources(answer, tables: Tables, article_id: str) -> Feedback:
    """Exercise 1: which sources of the article are anonymous? ``answer``: a list of names or descriptions.

    Anonymous sources are described rather than named ("a senior Israeli official",
    "three U.S. and Israeli officials"); named people, organisations and documents are not.
    """
    if _not_answered(answer):
        return Feedback(False, "Replace ... with a list of the anonymous sources' descriptions.")
    sources = tables.sources[tables.sources["article_id"] == article_id]
    right = {_norm(n): n for n in sources.loc[sources["kind"] == "anonymous", "name"]}
    kinds = {_norm(n): k for n, k in zip(sources["name"], sources["kind"])}
    given = {_norm(a): a for a in answer}
    missing = [right[n] for n in right if n not in given]
    extra = [given[n] for n in given if n not in right]
    details = [f"missing: {m!r} is described, not named, so it is anonymous" for m in missing]
    for e in extra:
        kind = kinds.get(_norm(e))
        reason = {"person": "is a named person", "organization": "is an organisation speaking as one",
                  "document": "is a document"}.get(kind, "is not one of this article's sources")
        details.append(f"not anonymous: {e!r} {reason}")
    if not missing and not extra:
        return Feedback(True, f"All {len(right)} anonymous sources, and nothing else.")
    return Feedback(False, f"{len(right) - len(missing)} of {len(right)} found.", details)


def anonymous_share(tables: Tables, article_id: str) -> float:
    """The share of an article's claims made by anonymous sources."""
    claims = tables.claims[tables.claims["article_id"] == article_id].merge(
        tables.sources[["source_id", "kind"]], on="source_id", how="left", suffixes=("", "_source"))
    return float((claims["kind_source"] == "anonymous").mean()) if len(claims) else 0.0


def check_anonymous_shares(answer, tables: Tables, article_ids: list[str]) -> Feedback:
    """Exercise 2: for each article, the share of its claims made by anonymous sources.

    ``answer``: a dict article_id -> share (0-1). Right within 0.02 of the value from the tables.
    """
    if _not_answered(answer):
        return Feedback(False, "Replace ... with a dict of article id to share, like {seed_id: 0.5, asylum_id: 0.25}.")
    details, ok = [], True
    for article_id in article_ids:
        right = anonymous_share(tables, article_id)
        if article_id not in answer:
            details.append(f"{article_id}: no answer")
            ok = False
            continue
        given = float(answer[article_id])
        if abs(given - right) > 0.02:
            ok = False
            hint = ("count claims, not sources: one source can make several claims" if given < right
                    else "divide by all of the article's claims, named sources included")
            details.append(f"{article_id}: {given:.2f} is off ({hint})")
    if ok:
        more = max(article_ids, key=lambda a: anonymous_share(tables, a))
        return Feedback(True, f"Article {more} leans most on anonymous sources "
                              f"({anonymous_share(tables, more):.0%} of its claims).")
    return Feedback(False, "Some shares are off.", details)


def check_date_fix(answer, tables: Tables, article_id: str, expression: str,
                   published: str | date | None = None) -> Feedback:
    """Exercise 3: the calendar interval of ``expression`` once the article's right publication date is used.

    ``answer``: (first_day, last_day) as strings or dates. The right interval is what analystkit gives when
    the article is parsed with ``published``, or by default with the date of its own dateline.
    """
    if _not_answered(answer):
        return Feedback(False, "Replace ... with (first_day, last_day), e.g. ('2024-01-01', '2024-01-07').")
    from .pipeline import parse

    article = tables.articles[tables.articles["article_id"] == article_id].iloc[0]
    fixed = parse(article["text"], published=published).dates
    row = fixed[fixed["text"] == expression]
    if row.empty:
        return Feedback(False, f"{expression!r} is not a date expression of article {article_id}.")
    right = (row.iloc[0]["start_date"].date(), row.iloc[0]["end_date"].date())
    published = published or parse(article["text"]).article["published"].date()
    try:
        given = tuple(pd.Timestamp(d).date() for d in answer)
    except (TypeError, ValueError):
        return Feedback(False, "Give two dates: (first_day, last_day).")
    if given == right:
        return Feedback(True, f"{expression!r} is {right[0]} to {right[1]}, counted from {published}.")
    shift = (given[0] - right[0]).days
    hint = (f"your interval is {abs(shift)} days {'late' if shift > 0 else 'early'}: count back from the "
            "publication date the dateline gives, not from the date the page was copied" if shift else
            "the start is right; check the end of the interval (a week runs Monday to Sunday)")
    return Feedback(False, f"Not {given[0]} to {given[1]}.", [hint])
