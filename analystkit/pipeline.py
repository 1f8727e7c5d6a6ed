"""The whole pipeline: ingest -> clean -> segment -> attribution, sources, dates -> events -> tables.

:func:`parse` reads one article given as text; :func:`parse_batch` turns a batch
of articles read by :func:`~analystkit.ingest.iter_raw` into tables, accounting for
every input: each is either a row of ``articles`` or a row of ``errors``;
:func:`parse_many` parses a whole batch of inputs in memory (``corpus.py`` streams
corpora of any size).
"""
from __future__ import annotations

import bisect
import logging
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import accumulate
from dataclasses import dataclass, replace
from datetime import date, datetime

import pandas as pd

from .attribution import find_claims
from .dates import find_dates
from .events import build_events
from .ingest import InputError, RawArticle, article_from_text, article_id_for, prepare
from .model import Article, Claim, Event, Quote, Sentence, Source, TimeExpression
from .passages import Passage, find_passages
from .segment import case_view, find_quotes, looks_like_title, quote_view, sentence_at, split_sentences
from .sources import merge_sources, split_name
from .entities import Linker, link as link_entities
from .tables import TABLE_NAMES, Tables, frame, frame_columns

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Analysis:
    """Everything the pipeline found in one article, as records (before they become tables)."""

    article: Article
    sentences: list[Sentence]
    quotes: list[Quote]
    claims: list[Claim]
    passages: list[Passage]
    sources: list[Source]
    claim_sources: dict[int, str]
    dates: list[TimeExpression]
    events: list[Event]


def analyse(article: Article) -> Analysis:
    """Run segmentation, attribution, sources, dates and events over one cleaned article."""
    text = article.text
    # Views with the same offsets: copy in capitals read in ordinary case, and ''doubled single marks'' read
    # as double quotes. Spans are cut from the text itself.
    cased = case_view(text)
    view = quote_view(cased)
    quotes = find_quotes(view, article.paragraphs)
    sentences = split_sentences(view, article.paragraphs, quotes)
    body = {p.index for p in article.paragraphs if p.role == "body"}
    # the headline, or a first paragraph in title case (a title pasted above the body)
    headlines = frozenset(p.index for p in article.paragraphs[:1] if p.role == "headline" or (
        p.role == "body" and looks_like_title(text, p)))
    read = body | headlines
    claims = find_claims(view, [s for s in sentences if s.paragraph in read], quotes, headlines)
    if view is not text:
        claims = [replace(c, text=text[c.start:c.end], cue=text[c.cue_start:c.cue_end]) for c in claims]
    sources, claims, claim_sources = merge_sources(article.article_id, text, claims, sentences, quotes)
    published = article.published.date() if article.published is not None else None
    dates = find_dates(cased, sentences, published)
    if cased is not text:
        dates = [replace(d, text=text[d.start:d.end]) for d in dates]
    events = build_events(article, dates, claims, sentences)
    passages = find_passages(text, claims, quotes, sentences)
    return Analysis(article, sentences, quotes, claims, passages, sources, claim_sources, dates, events)


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

    The article's id is a hash of its text and title (:func:`~analystkit.ingest.article_id_for`), the
    same id it gets in any batch.

    Raises:
        ValueError: if the text is empty or not an article (no text left after cleaning).
    """
    if not isinstance(text, str):
        raise ValueError(f"article text must be a string, not {type(text).__name__}")
    article_id = article_id_for(text.removeprefix("\ufeff"), meta.get("title"))
    article = article_from_text(text, "<text 1>", article_id, published=published, wrapped=wrapped, **meta)
    if isinstance(article, InputError):
        raise ValueError(article.message)
    tables = build_tables([analyse(article)], [])
    # One article links nothing across articles: its sources get the ids a corpus would give them (but for a
    # bare surname, which only a corpus can link), without building an entities table (that took seven
    # times the parse itself); analystkit.entities.link(parsed) builds one.
    sources = tables.sources.assign(entity_id=pd.array(Linker().entity_ids(tables.sources).to_numpy(), dtype="string"))
    return ParsedArticle(**dict(replace(tables, sources=sources).items()))


def parse_batch(items: Iterable[RawArticle | InputError], published: str | date | datetime | None = None) -> Tables:
    """The tables of a batch of articles read by :func:`~analystkit.ingest.iter_raw` (errors among them
    become rows of ``errors``, in input order).

    This is the one pipeline function that every way of running calls: in process, in worker
    processes (``jobs=N``) and on Dask workers. One article's failure is a row of ``errors``.
    """
    analyses: list[Analysis] = []
    errors: list[InputError] = []
    for item in items:
        if isinstance(item, InputError):
            errors.append(item)
            continue
        budget = time_budget(len(item.text))
        try:
            with _time_limit(budget):
                article = prepare(item, published)
                analysis = analyse(article) if not isinstance(article, InputError) else None
        except _OverBudget:
            errors.append(InputError(item.input, "analyse", f"took too long: over {budget:.3g} s for "
                                     f"{len(item.text):,} characters, set aside so that the batch goes on"))
            continue
        except Exception as exc:  # one article's failure is a row in errors, not the end of the batch
            log.exception("analysing %s failed", item.input)
            errors.append(InputError(item.input, "analyse", f"analysis failed: {exc!r}"))
            continue
        if analysis is None:
            errors.append(article)
        else:
            analyses.append(analysis)
    return build_tables(analyses, errors)


# Every stage costs time in proportion to the length of the text (benchmarks/slow_inputs.py), about a second
# per 100 kB at worst. An article that takes ten times that is a shape no rule foresaw; it becomes a row of
# errors rather than stalling its batch. Change these to give articles more or less time.
SECONDS_PER_100KB = 10.0
MIN_SECONDS = 10.0


def time_budget(characters: int) -> float:
    """Seconds one article of ``characters`` may take to analyse in :func:`parse_batch`."""
    return max(MIN_SECONDS, SECONDS_PER_100KB * characters / 100_000)


class _OverBudget(BaseException):
    """Raised by the alarm; a BaseException, so that no ``except Exception`` inside a stage swallows it."""


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the body with :class:`_OverBudget` after ``seconds``.

    It needs a timer signal, which only the main thread of a process receives: so in worker processes and
    in-process runs, but not in Dask's worker threads (nor where another timer is already running, which
    it leaves alone); there the body runs unlimited.
    """
    if (not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread()
            or signal.getitimer(signal.ITIMER_REAL) != (0.0, 0.0)):
        yield
        return

    def over_budget(signum, frame):
        raise _OverBudget

    previous = signal.signal(signal.SIGALRM, over_budget)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def parse_many(inputs: Iterable | str, *, published: str | date | None = None, jobs: int | None = None,
               progress: bool | None = None, max_bytes: int | None = None,
               batch_size: int | None = None) -> Tables:
    """Parse a batch: paths, folders, ``.csv``/``.json``/``.jsonl`` files (``.gz`` too), dicts and strings.

    Every input ends up in ``articles`` or in ``errors``; one bad input never stops the batch, and an
    article given twice (the same id) is parsed once, the second listed in ``errors`` as a duplicate.
    All tables are held in memory: for a corpus, iterate over :func:`iter_tables` or write a dataset with
    :func:`analystkit.parse_corpus`.

    Args:
        jobs: worker processes (None: all cores when there is more than one batch, else 1). The tables
            are the same, row for row, whatever ``jobs`` is.

    Example:
        >>> tables = parse_many(["data/"])            # doctest: +SKIP
        >>> tables.claims.merge(tables.sources, on=["source_id", "article_id"])  # doctest: +SKIP
    """
    from .corpus import iter_tables

    batches = list(iter_tables(inputs, published=published, jobs=jobs, progress=progress, max_bytes=max_bytes,
                               batch_size=batch_size))
    return link_entities(concat(batches))


def concat(batches: list[Tables]) -> Tables:
    """One :class:`Tables` of several batches, in order."""
    if len(batches) == 1:
        return batches[0]
    if not batches:
        return build_tables([], [])
    return Tables(**{name: pd.concat([getattr(b, name) for b in batches], ignore_index=True)
                     for name in TABLE_NAMES})


# ---------------------------------------------------------------- records -> tables


def build_tables(analyses: list[Analysis], errors: list[InputError]) -> Tables:
    columns: dict[str, dict[str, list]] = {name: {} for name in TABLE_NAMES if name != "errors"}
    for analysis in analyses:
        for name, table in _columns_of(analysis).items():
            for column, values in table.items():
                columns[name].setdefault(column, []).extend(values)
    error_rows = [{"input": e.input, "stage": e.stage, "message": e.message} for e in errors]
    return Tables(**{name: frame_columns(name, c) for name, c in columns.items()}, errors=frame("errors", error_rows))


def _columns_of(an: Analysis) -> dict[str, dict[str, list]]:
    """One article's rows of every table, column by column (quicker than a dict per row)."""
    a = an.article
    aid = a.article_id
    to_raw = a.offsets.to_raw
    claims, text = an.claims, a.text
    claim_ids = [f"{aid}.c{i + 1}" for i in range(len(claims))]
    paragraph_of = {s.index: s.paragraph for s in an.sentences}
    section_of = {s.index: s.section for s in an.sentences}
    tables: dict[str, dict[str, list]] = {}

    tables["articles"] = {
        "article_id": [aid], "input": [a.input], "title": [a.title], "outlet": [a.outlet], "url": [a.url],
        "author": [a.author], "published": [a.published], "published_from": [a.published_from], "text": [text],
        "n_words": [len(text.split())], "n_paragraphs": [len(a.paragraphs)], "path": [a.path],
        "notes": [a.notes],
        "set_aside": ["\n".join(a.raw_text[s:e] for s, e in a.set_aside) or None],
        "set_aside_at": [" ".join(f"{s}:{e}" for s, e in a.set_aside) or None],
    }

    # a mention row for each claim whose source was read from its attribution
    cited = [i for i, c in enumerate(claims) if c.mention is not None and i in an.claim_sources]
    mention_ids = {i: f"{aid}.m{n + 1}" for n, i in enumerate(cited)}
    mentions = [claims[i].mention for i in cited]
    mention_raw = [to_raw(m.start, m.end) for m in mentions]
    tables["mentions"] = {
        "mention_id": list(mention_ids.values()), "article_id": [aid] * len(cited),
        "source_id": [an.claim_sources[i] for i in cited], "claim_id": [claim_ids[i] for i in cited],
        "text": [text[m.start:m.end] for m in mentions],
        "kind": ["pronoun" if m.refers_start is not None else m.kind for m in mentions],
        "start": [m.start for m in mentions], "end": [m.end for m in mentions],
        "raw_start": [r[0] for r in mention_raw], "raw_end": [r[1] for r in mention_raw],
        "refers_start": [m.refers_start for m in mentions], "refers_end": [m.refers_end for m in mentions],
    }

    source_of = [an.claim_sources.get(i) for i in range(len(claims))]
    claim_raw = [to_raw(c.start, c.end) for c in claims]
    tables["claims"] = {
        "claim_id": claim_ids, "article_id": [aid] * len(claims), "source_id": source_of,
        "mention_id": [mention_ids.get(i) for i in range(len(claims))],
        "source_text": [text[c.mention.start:c.mention.end] if c.mention else None for c in claims],
        "source_start": [c.mention.start if c.mention else None for c in claims],
        "source_end": [c.mention.end if c.mention else None for c in claims],
        "kind": [c.kind for c in claims], "cue": [c.cue or None for c in claims],
        "cue_start": [c.cue_start for c in claims], "cue_end": [c.cue_end for c in claims],
        "cue_type": [c.cue_type for c in claims], "text": [c.text for c in claims],
        "start": [c.start for c in claims], "end": [c.end for c in claims],
        "raw_start": [r[0] for r in claim_raw], "raw_end": [r[1] for r in claim_raw],
        "sentence": [c.sentence for c in claims], "paragraph": [paragraph_of.get(c.sentence) for c in claims],
        "section": [section_of.get(c.sentence) for c in claims], "rule": [c.rule for c in claims],
        "confidence": [c.confidence for c in claims],
    }

    passages = an.passages
    passage_raw = [to_raw(p.start, p.end) for p in passages]
    passage_texts = [text[p.start:p.end] for p in passages]
    tables["quotes"] = {
        "quote_id": [f"{aid}.q{n + 1}" for n in range(len(passages))], "claim_id": [claim_ids[p.claim] for p in passages],
        "article_id": [aid] * len(passages), "text": passage_texts,
        "start": [p.start for p in passages], "end": [p.end for p in passages],
        "raw_start": [r[0] for r in passage_raw], "raw_end": [r[1] for r in passage_raw],
        "paragraph": [p.paragraph for p in passages], "sentence": [p.sentence for p in passages],
        "attributed_here": [p.attributed_here for p in passages], "n_words": [len(t.split()) for t in passage_texts],
    }

    claims_per_source: dict[str, int] = {}
    for sid in source_of:
        if sid:
            claims_per_source[sid] = claims_per_source.get(sid, 0) + 1
    sources = an.sources
    firsts = [min(s.mentions, key=lambda m: m.start) for s in sources]
    named = [split_name(s.name) for s in sources]
    tables["sources"] = {
        "source_id": [s.source_id for s in sources], "article_id": [aid] * len(sources),
        "name": [n for n, _ in named], "description": [d for _, d in named],
        "kind": [s.kind for s in sources], "role": [s.role for s in sources],
        "title": [s.title for s in sources], "affiliation": ["; ".join(s.affiliation) or None for s in sources],
        "count": [s.count for s in sources], "n_claims": [claims_per_source.get(s.source_id, 0) for s in sources],
        "n_mentions": [len(s.mentions) for s in sources],
        "first_text": [text[m.start:m.end] for m in firsts], "first_start": [m.start for m in firsts],
        "first_end": [m.end for m in firsts],
    }

    # The claim a date sits in: the first claim (claims are in text order) that starts at or before the date
    # and ends at or after it. ``reach[i]`` is the furthest end of claims 0..i, so the first claim that
    # reaches past the date's end is a bisection away.
    claim_starts = [c.start for c in claims]
    reach = list(accumulate((c.end for c in claims), max))
    dates = an.dates
    date_ids = {id(d): f"{aid}.d{j + 1}" for j, d in enumerate(dates)}
    holders = []
    for d in dates:
        first = bisect.bisect_left(reach, d.end)
        holders.append(claim_ids[first] if first < bisect.bisect_right(claim_starts, d.start) else None)
    date_raw = [to_raw(d.start, d.end) for d in dates]
    tables["dates"] = {
        "date_id": list(date_ids.values()), "article_id": [aid] * len(dates), "claim_id": holders,
        "text": [d.text for d in dates], "start": [d.start for d in dates], "end": [d.end for d in dates],
        "raw_start": [r[0] for r in date_raw], "raw_end": [r[1] for r in date_raw], "kind": [d.kind for d in dates],
        "timex": [d.timex for d in dates], "value": [d.value for d in dates],
        "start_date": [d.start_date for d in dates], "end_date": [d.end_date for d in dates],
        "granularity": [d.granularity for d in dates], "certainty": [d.certainty for d in dates],
        "mod": [d.mod for d in dates], "resolved": [d.resolved for d in dates],
        "reference": [d.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF") for d in dates], "sentence": [d.sentence if d.sentence >= 0 else None for d in dates],
    }

    claim_index = {id(c): i for i, c in enumerate(claims)}
    sentence_sources = _sentence_sources(an)
    events = an.events
    event_claims = [claim_index.get(id(e.claim)) if e.claim is not None else None for e in events]
    tables["events"] = {
        "event_id": [f"{aid}.e{k + 1}" for k in range(len(events))], "article_id": [aid] * len(events),
        "kind": [e.kind for e in events],
        "claim_id": [claim_ids[ci] if ci is not None else None for ci in event_claims],
        "source_id": [an.claim_sources.get(ci) if ci is not None
                      else sentence_sources.get(e.date.sentence) if e.date is not None else None
                      for e, ci in zip(events, event_claims)],
        "date_id": [date_ids.get(id(e.date)) if e.date is not None else None for e in events],
        "when_start": [e.when_start for e in events], "when_end": [e.when_end for e in events],
        "certainty": [e.certainty for e in events], "description": [e.description for e in events],
        "start": [e.start for e in events], "end": [e.end for e in events],
    }
    return tables


def _sentence_sources(an: Analysis) -> dict[int, str]:
    """Sentence index -> the first source named in it, for dated sentences with no claim: a source whose
    name a pronoun elsewhere resolved to here ("Kate Marsh ... spoke two weeks ago." followed by
    "“...,” she said.")."""
    starts = [s.start for s in an.sentences]
    found: dict[int, str] = {}
    for source in an.sources:
        for m in source.mentions:
            sentence = sentence_at(an.sentences, starts, m.refers_start if m.refers_start is not None else m.start)
            if sentence is not None:
                found.setdefault(sentence.index, source.source_id)
    return found
