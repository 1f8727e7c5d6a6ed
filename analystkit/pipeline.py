"""The whole pipeline: ingest -> clean -> segment -> attribution, sources, dates -> events -> tables.

:func:`parse` reads one article given as text; :func:`parse_many` reads a batch
of files, folders, records and strings, and accounts for every input: each is
either a row of ``articles`` or a row of ``errors``.
"""
from __future__ import annotations

import bisect
import logging
import sys
from itertools import accumulate
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime

import pandas as pd

from .attribution import find_claims
from .dates import find_dates
from .events import build_events
from .ingest import InputError, article_from_text, read_articles
from .model import Article, Claim, Event, Quote, Sentence, Source, TimeExpression
from .segment import find_quotes, looks_like_title, quote_view, split_sentences
from .sources import merge_sources
from .tables import Tables, frame

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Analysis:
    """Everything the pipeline found in one article, as records (before they become tables)."""

    article: Article
    sentences: list[Sentence]
    quotes: list[Quote]
    claims: list[Claim]
    sources: list[Source]
    claim_sources: dict[int, str]
    dates: list[TimeExpression]
    events: list[Event]


def analyse(article: Article) -> Analysis:
    """Run segmentation, attribution, sources, dates and events over one cleaned article."""
    text = article.text
    view = quote_view(text)  # same offsets; ''doubled single marks'' read as double quotes
    quotes = find_quotes(view, article.paragraphs)
    sentences = split_sentences(view, article.paragraphs, quotes)
    body = {p.index for p in article.paragraphs if p.role == "body"}
    # the headline, or a first paragraph in title case (a title pasted above the body)
    headlines = frozenset(p.index for p in article.paragraphs[:1] if p.role == "headline" or (
        p.role == "body" and looks_like_title(text, p)))
    claims = find_claims(view, [s for s in sentences if s.paragraph in body | headlines], quotes, headlines)
    if view is not text:
        claims = [replace(c, text=text[c.start:c.end], cue=text[c.cue_start:c.cue_end]) for c in claims]
    sources, claims, claim_sources = merge_sources(article.article_id, text, claims, sentences, quotes)
    published = article.published.date() if article.published is not None else None
    dates = find_dates(text, sentences, published)
    events = build_events(article, dates, claims, sentences)
    return Analysis(article, sentences, quotes, claims, sources, claim_sources, dates, events)


class ParsedArticle(Tables):
    """The tables of one article, with ``.article`` (its row, a Series) and helpers for offsets.

    Example:
        >>> parsed = parse("Officials said the bridge will reopen next week.", published="2024-03-04")
        >>> parsed.claims[["text", "kind"]].values.tolist()
        [['the bridge will reopen next week', 'indirect']]
    """

    @property
    def article(self) -> pd.Series:
        return self.articles.iloc[0]

    @property
    def text(self) -> str:
        return str(self.article["text"])


def parse(text: str, published: str | date | datetime | None = None, *, wrapped: bool | None = None,
          **meta) -> ParsedArticle:
    """Parse one article given as text.

    Args:
        text: the article, as pasted or read (hard wraps, bullets and boilerplate are cleaned).
        published: its publication date ("2023-05-17", a date or datetime); relative dates
            ("two weeks ago") resolve against it. Without it, a dateline at the top is used.
        wrapped: whether single line breaks are hard wraps (None: decide from the text).
        **meta: title, outlet, url, author.

    Raises:
        ValueError: if the text is empty or not an article (no text left after cleaning).
    """
    article = article_from_text(text, "<text 1>", "a1", published=published, wrapped=wrapped, **meta)
    if isinstance(article, InputError):
        raise ValueError(article.message)
    tables = build_tables([analyse(article)], [])
    return ParsedArticle(**dict(tables.items()))


def parse_many(inputs: Iterable | str, *, published: str | date | None = None,
               progress: bool | None = None, max_bytes: int | None = None) -> Tables:
    """Parse a batch: paths, folders, ``.csv``/``.json``/``.jsonl`` files, dicts and strings of text.

    Every input ends up in ``articles`` or in ``errors``; one bad input never stops the batch.

    Example:
        >>> tables = parse_many(["data/"])            # doctest: +SKIP
        >>> tables.claims.merge(tables.sources, on=["source_id", "article_id"])  # doctest: +SKIP
    """
    kwargs = {"max_bytes": max_bytes} if max_bytes else {}
    articles, errors = read_articles(inputs, published=published, **kwargs)
    analyses: list[Analysis] = []
    for article in _progress(articles, progress):
        try:
            analyses.append(analyse(article))
        except Exception as exc:  # one article's failure is a row in errors, not the end of the batch
            log.exception("analysing %s failed", article.path or article.article_id)
            errors.append(InputError(_input_name(article), "analyse", f"analysis failed: {exc!r}"))
    return build_tables(analyses, errors)


def _input_name(article: Article) -> str:
    return article.input or article.path or article.article_id


def _progress(items: list, progress: bool | None):
    if progress is None:
        progress = len(items) >= 50 and sys.stderr.isatty()
    if not progress:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc="parsing", unit="article")


# ---------------------------------------------------------------- records -> tables


def build_tables(analyses: list[Analysis], errors: list[InputError]) -> Tables:
    rows: dict[str, list[dict]] = {name: [] for name in ("articles", "sources", "mentions", "claims", "dates", "events")}
    for analysis in analyses:
        _rows_of(analysis, rows)
    error_rows = [{"input": e.input, "stage": e.stage, "message": e.message} for e in errors]
    return Tables(**{name: frame(name, r) for name, r in rows.items()}, errors=frame("errors", error_rows))


def _rows_of(an: Analysis, rows: dict[str, list[dict]]) -> None:
    a = an.article
    aid = a.article_id
    to_raw = a.offsets.to_raw
    rows["articles"].append({
        "article_id": aid, "input": a.input, "title": a.title, "outlet": a.outlet, "url": a.url,
        "author": a.author, "published": a.published, "published_from": a.published_from, "text": a.text,
        "n_words": len(a.text.split()), "n_paragraphs": len(a.paragraphs), "path": a.path,
    })
    claim_ids = {i: f"{aid}.c{i + 1}" for i in range(len(an.claims))}
    paragraph_of = {s.index: s.paragraph for s in an.sentences}
    section_of = {s.index: s.section for s in an.sentences}

    mention_rows = []
    claim_mention: dict[int, str] = {}
    for i, claim in enumerate(an.claims):
        m = claim.mention
        if m is None or i not in an.claim_sources:
            continue
        mid = f"{aid}.m{len(mention_rows) + 1}"
        claim_mention[i] = mid
        raw_start, raw_end = to_raw(m.start, m.end)
        mention_rows.append({
            "mention_id": mid, "article_id": aid, "source_id": an.claim_sources[i], "claim_id": claim_ids[i],
            "text": a.text[m.start:m.end], "kind": "pronoun" if m.refers_start is not None else m.kind,
            "start": m.start, "end": m.end, "raw_start": raw_start, "raw_end": raw_end,
            "refers_start": m.refers_start, "refers_end": m.refers_end,
        })
    rows["mentions"].extend(mention_rows)

    claims_per_source: dict[str, int] = {}
    for i, claim in enumerate(an.claims):
        sid = an.claim_sources.get(i)
        if sid:
            claims_per_source[sid] = claims_per_source.get(sid, 0) + 1
        raw_start, raw_end = to_raw(claim.start, claim.end)
        m = claim.mention
        rows["claims"].append({
            "claim_id": claim_ids[i], "article_id": aid, "source_id": sid, "mention_id": claim_mention.get(i),
            "source_text": a.text[m.start:m.end] if m else None, "source_start": m.start if m else None,
            "source_end": m.end if m else None, "kind": claim.kind, "cue": claim.cue,
            "cue_start": claim.cue_start, "cue_end": claim.cue_end, "cue_type": claim.cue_type, "text": claim.text,
            "start": claim.start, "end": claim.end, "raw_start": raw_start, "raw_end": raw_end,
            "sentence": claim.sentence, "paragraph": paragraph_of.get(claim.sentence),
            "section": section_of.get(claim.sentence), "rule": claim.rule, "confidence": claim.confidence,
        })

    for s in an.sources:
        first = min(s.mentions, key=lambda m: m.start)
        rows["sources"].append({
            "source_id": s.source_id, "article_id": aid, "name": s.name, "kind": s.kind, "role": s.role,
            "title": s.title, "affiliation": "; ".join(s.affiliation) or None, "count": s.count,
            "n_claims": claims_per_source.get(s.source_id, 0), "n_mentions": len(s.mentions),
            "first_text": a.text[first.start:first.end], "first_start": first.start, "first_end": first.end,
        })

    # The claim a date sits in: the first claim (claims are in text order) that starts at or before the date
    # and ends at or after it. ``reach[i]`` is the furthest end of claims 0..i, so the first claim that
    # reaches past the date's end is a bisection away.
    claim_starts = [c.start for c in an.claims]
    reach = list(accumulate((c.end for c in an.claims), max))
    date_ids: dict[int, str] = {}
    for j, d in enumerate(an.dates):
        date_ids[id(d)] = f"{aid}.d{j + 1}"
        first = bisect.bisect_left(reach, d.end)
        holder = claim_ids[first] if first < bisect.bisect_right(claim_starts, d.start) else None
        raw_start, raw_end = to_raw(d.start, d.end)
        rows["dates"].append({
            "date_id": date_ids[id(d)], "article_id": aid, "claim_id": holder, "text": d.text,
            "start": d.start, "end": d.end, "raw_start": raw_start, "raw_end": raw_end, "kind": d.kind,
            "timex": d.timex,
            "value": d.value, "start_date": d.start_date, "end_date": d.end_date,
            "granularity": d.granularity, "certainty": d.certainty, "resolved": d.resolved,
            "sentence": d.sentence if d.sentence >= 0 else None,
        })

    claim_index = {id(c): i for i, c in enumerate(an.claims)}
    sentence_sources = _sentence_sources(an)
    for k, e in enumerate(an.events):
        ci = claim_index.get(id(e.claim)) if e.claim is not None else None
        if ci is not None:
            source_id = an.claim_sources.get(ci)
        else:
            source_id = sentence_sources.get(e.date.sentence) if e.date is not None else None
        rows["events"].append({
            "event_id": f"{aid}.e{k + 1}", "article_id": aid, "kind": e.kind,
            "claim_id": claim_ids.get(ci) if ci is not None else None,
            "source_id": source_id,
            "date_id": date_ids.get(id(e.date)) if e.date is not None else None,
            "when_start": e.when_start, "when_end": e.when_end, "certainty": e.certainty,
            "description": e.description, "start": e.start, "end": e.end,
        })


def _sentence_sources(an: Analysis) -> dict[int, str]:
    """Sentence index -> the first source named in it, for dated sentences with no claim: a source whose
    name a pronoun elsewhere resolved to here ("Kate Marsh ... spoke two weeks ago." followed by
    "“...,” she said.")."""
    starts = [s.start for s in an.sentences]
    found: dict[int, str] = {}
    for source in an.sources:
        for m in source.mentions:
            anchor = m.refers_start if m.refers_start is not None else m.start
            n = bisect.bisect_right(starts, anchor) - 1
            if n >= 0 and anchor < an.sentences[n].end:
                found.setdefault(an.sentences[n].index, source.source_id)
    return found
