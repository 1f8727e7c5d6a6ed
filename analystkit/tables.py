"""The tables: one schema per table (column, dtype, meaning), and the DataFrame builders.

This is the only module that knows pandas column names. Every table is built
through :func:`frame`, so its columns and dtypes are exactly those of its
schema even when it has no rows, and a table read back from Parquet or CSV is
given the same dtypes again.

Ids join: ``article_id`` ("a1") appears in every table; ``source_id``
("a1.s2"), ``claim_id`` ("a1.c3"), ``date_id`` ("a1.d1"), ``mention_id`` and
``event_id`` are unique across a batch.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from operator import itemgetter
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

SOURCE_KINDS = ["person", "anonymous", "organization", "document"]
MENTION_KINDS = ["person", "anonymous", "organization", "document", "pronoun"]
CLAIM_KINDS = ["direct", "indirect", "mixed", "no_comment"]
DATE_KINDS = ["absolute", "relative", "duration", "vague", "set"]
TIMEX_TYPES = ["DATE", "TIME", "DURATION", "SET"]
CERTAINTIES = ["exact", "approximate", "vague"]
GRANULARITIES = ["day", "week", "weekend", "month", "season", "quarter", "half", "year", "decade", "century", "hour",
                 "minute"]
EVENT_KINDS = ["publication", "reported"]


@dataclass(frozen=True)
class Column:
    name: str
    dtype: object
    meaning: str


def _cat(values: list[str]) -> pd.CategoricalDtype:
    return pd.CategoricalDtype(values)


S, I, DT, F, B = "string", "Int64", "datetime64[s]", "float64", "boolean"
_ARROW_STRINGS = pd.StringDtype().storage == "pyarrow" and pd.StringDtype().na_value is pd.NA

SCHEMAS: dict[str, tuple[Column, ...]] = {
    "articles": (
        Column("article_id", S, "id of the article in this batch (a1, a2, ...)"),
        Column("input", S, "what the article was read from: a path, path#record for a CSV/JSON record, or <text N>"),
        Column("title", S, "headline, from metadata or the first line of the text"),
        Column("outlet", S, "publisher or site name"),
        Column("url", S, "address of the original"),
        Column("author", S, "byline"),
        Column("published", DT, "publication date (and time when known); missing when unknown"),
        Column("published_from", S, "where the date came from: argument, metadata or dateline"),
        Column("text", S, "the cleaned article text; every start/end offset in every table refers to it"),
        Column("n_words", I, "words in text"),
        Column("n_paragraphs", I, "paragraphs in text"),
        Column("path", S, "file the article was read from, if any"),
    ),
    "sources": (
        Column("source_id", S, "id of the source (a1.s1)"),
        Column("article_id", S, "the article citing it"),
        Column("name", S, "name or description: Dana Ruiz, a senior Iraqi official, White House"),
        Column("kind", _cat(SOURCE_KINDS), "person, anonymous, organization or document"),
        Column("role", S, "role as written: Pentagon spokesperson, senior official"),
        Column("title", S, "honorific or rank: Lt. Col., Sen."),
        Column("affiliation", S, "affiliations named in the mentions, separated by '; ': United States; Israel"),
        Column("count", I, "how many people the source stands for (three officials -> 3); missing when unsaid"),
        Column("n_claims", I, "claims attributed to the source"),
        Column("n_mentions", I, "mentions of the source in attributions, pronouns included"),
        Column("first_text", S, "the first mention as written"),
        Column("first_start", I, "offset of the first mention in the article text"),
        Column("first_end", I, "end offset of the first mention"),
    ),
    "mentions": (
        Column("mention_id", S, "id of the mention (a1.m1)"),
        Column("article_id", S, "the article"),
        Column("source_id", S, "the source it refers to"),
        Column("claim_id", S, "the claim whose attribution it is"),
        Column("text", S, "the mention as written: He, A U.S. official"),
        Column("kind", _cat(MENTION_KINDS), "how it is written: person, anonymous, organization, document, pronoun"),
        Column("start", I, "offset in the article text"),
        Column("end", I, "end offset in the article text"),
        Column("raw_start", I, "offset in the input text as supplied (before cleaning)"),
        Column("raw_end", I, "end offset in the input text"),
        Column("refers_start", I, "for a pronoun: offset of the name it was resolved to"),
        Column("refers_end", I, "for a pronoun: end offset of that name"),
    ),
    "claims": (
        Column("claim_id", S, "id of the claim (a1.c1)"),
        Column("article_id", S, "the article"),
        Column("source_id", S, "who made the claim; missing when the writer does not say (\"it was announced that ...\")"),
        Column("mention_id", S, "the source mention in this claim's own attribution"),
        Column("source_text", S, "that mention as written: Lonechild, he, a senior Israeli official"),
        Column("source_start", I, "offset of the mention"),
        Column("source_end", I, "end offset of the mention"),
        Column("kind", _cat(CLAIM_KINDS), "direct (quoted), indirect (paraphrase), mixed, or no_comment"),
        Column("cue", S, "the reporting verb or phrase as written: said, told Reuters, according to"),
        Column("cue_start", I, "offset of the cue"),
        Column("cue_end", I, "end offset of the cue"),
        Column("cue_type", S, "what the cue reports (cues.tsv): speech, thought, intention, evidence or stance"),
        Column("text", S, "what was said (for a direct quote, inside the quotation marks)"),
        Column("start", I, "offset of the text in the article text"),
        Column("end", I, "end offset of the text"),
        Column("raw_start", I, "offset of the text in the input as supplied"),
        Column("raw_end", I, "end offset in the input as supplied"),
        Column("sentence", I, "index of the sentence (0-based, per article)"),
        Column("paragraph", I, "index of the paragraph (0-based, per article)"),
        Column("section", S, "section label in force: Why it matters, Behind the scenes"),
        Column("rule", S, "the pattern that found the claim: leading, trailing, according_to, no_comment, ..."),
        Column("confidence", F, "how much to trust the rule, 0-1"),
    ),
    "dates": (
        Column("date_id", S, "id of the expression (a1.d1)"),
        Column("article_id", S, "the article"),
        Column("claim_id", S, "the claim whose text holds the expression, if any"),
        Column("text", S, "the expression as written: two weeks ago"),
        Column("start", I, "offset in the article text"),
        Column("end", I, "end offset in the article text"),
        Column("raw_start", I, "offset in the input as supplied"),
        Column("raw_end", I, "end offset in the input as supplied"),
        Column("kind", _cat(DATE_KINDS), "absolute, relative, duration, vague or set (every week)"),
        Column("timex", _cat(TIMEX_TYPES), "TIMEX3 type: DATE, TIME, DURATION or SET; missing for vague words "
               "TimeML leaves untagged (so far, soon)"),
        Column("value", S, "TIMEX3-style value: 2023-05-17, 2023-W18, P2W, PAST_REF, 2023-04-19/2023-05-03"),
        Column("start_date", DT, "first day of the resolved interval"),
        Column("end_date", DT, "last day of the resolved interval"),
        Column("granularity", _cat(GRANULARITIES), "day, week, month, quarter, year, decade ..."),
        Column("certainty", _cat(CERTAINTIES), "exact, approximate or vague"),
        Column("resolved", B, "False when a relative expression had no publication date to resolve against"),
        Column("sentence", I, "index of the sentence"),
    ),
    "events": (
        Column("event_id", S, "id of the event (a1.e1)"),
        Column("article_id", S, "the article"),
        Column("kind", _cat(EVENT_KINDS), "publication, or reported (a happening the article dates)"),
        Column("claim_id", S, "the claim that reports it, if any"),
        Column("source_id", S, "the source of that claim, if any"),
        Column("date_id", S, "the expression that dates it"),
        Column("when_start", DT, "first day it may have happened"),
        Column("when_end", DT, "last day it may have happened"),
        Column("certainty", _cat(CERTAINTIES), "exact, approximate or vague"),
        Column("description", S, "what happened: the claim or sentence around the date"),
        Column("start", I, "offset of the description in the article text (missing for the publication)"),
        Column("end", I, "end offset of the description"),
    ),
    "errors": (
        Column("input", S, "the input that could not be parsed: a path, path#record or <text N>"),
        Column("stage", S, "where it failed: read, decode, extract, clean, analyse"),
        Column("message", S, "what was wrong, in words"),
    ),
}

TABLE_NAMES = tuple(SCHEMAS)


def frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """A DataFrame of table ``name`` with exactly its schema's columns and dtypes.

    Builds each column straight into its dtype (far faster than building, then converting). A key
    missing from a row is a missing value.
    """
    columns = SCHEMAS[name]
    names = [c.name for c in columns]
    try:  # rows that have every key: transpose them in one pass
        values = list(zip(*map(itemgetter(*names), rows))) if rows and len(names) > 1 else None
    except KeyError:
        values = None
    if values is None:
        values = [[r.get(n) for r in rows] for n in names]
    return frame_columns(name, {n: list(v) for n, v in zip(names, values)} if rows else {})


def frame_columns(name: str, columns: dict[str, list]) -> pd.DataFrame:
    """A DataFrame of table ``name`` from its columns (name -> values, every column as long); a column
    that is absent is missing throughout."""
    length = max((len(v) for v in columns.values()), default=0)
    if any(len(v) != length for v in columns.values()):
        raise ValueError(f"table {name!r}: columns of different lengths")
    return pd.DataFrame({c.name: _column(columns.get(c.name) or [None] * length, c.dtype) for c in SCHEMAS[name]})


def _column(values: list, dtype) -> object:
    if isinstance(dtype, pd.CategoricalDtype):
        code = {category: i for i, category in enumerate(dtype.categories)}
        return pd.Categorical.from_codes([code.get(v, -1) for v in values], dtype=dtype)  # -1: missing
    if dtype == S and _ARROW_STRINGS:
        try:  # pyarrow reads a list of str and None directly, ten times quicker than pandas' checks
            return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()))
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            pass  # not all str: let pandas convert
    if dtype == DT:
        return np.array([np.datetime64("NaT") if v is None else np.datetime64(v, "s") for v in values],
                        dtype="datetime64[s]")
    if dtype == F:
        return np.array([np.nan if v is None else v for v in values], dtype="float64")
    return pd.array(values, dtype=dtype)


def conform(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """Give ``df`` the columns (in order) and dtypes of table ``name``."""
    out = {}
    for c in SCHEMAS[name]:
        series = df[c.name] if c.name in df.columns else pd.Series([None] * len(df), index=df.index)
        if c.dtype == DT:
            series = pd.to_datetime(series, errors="coerce").astype(DT)
        elif c.dtype == B:
            series = series.map(_as_bool).astype(B)
        elif c.dtype == I:
            series = pd.to_numeric(series, errors="coerce").astype(I)
        elif isinstance(c.dtype, pd.CategoricalDtype):
            series = series.astype("object").where(series.notna(), None).astype(c.dtype)
        else:
            series = series.astype("object").where(series.notna(), None).astype(c.dtype)
        out[c.name] = series
    return pd.DataFrame(out).reset_index(drop=True)


def _as_bool(value):
    if isinstance(value, str):
        return {"true": True, "false": False}.get(value.strip().lower())
    if value is None or (isinstance(value, float) and value != value):
        return None
    return bool(value)


def describe(name: str) -> pd.DataFrame:
    """The schema of table ``name`` as a DataFrame (column, dtype, meaning)."""
    return pd.DataFrame(
        [(c.name, str(c.dtype) if not isinstance(c.dtype, pd.CategoricalDtype) else "category", c.meaning)
         for c in SCHEMAS[name]],
        columns=["column", "dtype", "meaning"],
    )


@dataclass(frozen=True, repr=False)
class Tables:
    """The tables of a parsed batch: articles, sources, mentions, claims, dates, events, errors."""

    articles: pd.DataFrame
    sources: pd.DataFrame
    mentions: pd.DataFrame
    claims: pd.DataFrame
    dates: pd.DataFrame
    events: pd.DataFrame
    errors: pd.DataFrame

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(df)}" for name, df in self.items())
        return f"{type(self).__name__}({counts})"

    def items(self):
        return [(f.name, getattr(self, f.name)) for f in fields(Tables)]

    def subset(self, article_ids) -> "Tables":
        """The tables of some articles only: ``tables.subset(["a1"])``."""
        keep = set([article_ids] if isinstance(article_ids, str) else article_ids)
        return Tables(**{name: df[df["article_id"].isin(keep)].reset_index(drop=True) if "article_id" in df.columns
                         else df for name, df in self.items()})

    def to_parquet(self, directory: str | Path) -> Path:
        """Write every table to ``directory/<table>.parquet``; returns the directory."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        for name, df in self.items():
            df.to_parquet(directory / f"{name}.parquet", index=False)
        return directory

    def to_csv(self, directory: str | Path) -> Path:
        """Write every table to ``directory/<table>.csv`` (UTF-8); returns the directory."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        for name, df in self.items():
            df.to_csv(directory / f"{name}.csv", index=False)
        return directory

    def summary(self) -> str:
        """A few lines a person can read: articles, sources by kind, claims by kind, dates."""
        a, s, c, d, e = self.articles, self.sources, self.claims, self.dates, self.errors
        lines = [f"{len(a)} article(s) parsed, {len(e)} input(s) with errors"]
        by_kind = s["kind"].value_counts().reindex(SOURCE_KINDS, fill_value=0)
        lines.append(f"sources: {len(s)} (" + ", ".join(f"{k} {v}" for k, v in by_kind.items()) + ")")
        claim_kinds = c["kind"].value_counts().reindex(CLAIM_KINDS, fill_value=0)
        lines.append(f"claims: {len(c)} (" + ", ".join(f"{k} {v}" for k, v in claim_kinds.items()) + ")")
        resolved = int(d["start_date"].notna().sum())
        lines.append(f"dates: {len(d)} ({resolved} resolved to calendar intervals)")
        lines.append(f"events: {len(self.events)}")
        for row in a.itertuples():
            n_claims = int((c["article_id"] == row.article_id).sum())
            n_sources = int((s["article_id"] == row.article_id).sum())
            when = row.published.date().isoformat() if pd.notna(row.published) else "date unknown"
            title = str(row.title if pd.notna(row.title) else row.input)[:70]
            lines.append(f"  {row.article_id:>4}  {when}  {n_sources:>3} sources {n_claims:>3} claims  {title}")
        for row in e.itertuples():
            lines.append(f"  error  {row.input}: {row.message}")
        return "\n".join(lines)


def read_tables(directory: str | Path) -> Tables:
    """Read tables written by :meth:`Tables.to_parquet` or :meth:`Tables.to_csv`, with their dtypes."""
    directory = Path(directory)
    if not directory.is_dir():
        raise FileNotFoundError(f"{directory}: no such folder of tables")
    loaded = {}
    for name in TABLE_NAMES:
        parquet, csv = directory / f"{name}.parquet", directory / f"{name}.csv"
        if parquet.exists():
            df = pd.read_parquet(parquet)
        elif csv.exists():
            df = pd.read_csv(csv, dtype=str, keep_default_na=False, na_values=[""])
        else:
            raise FileNotFoundError(f"{directory}: missing {name}.parquet or {name}.csv")
        loaded[name] = conform(name, df)
    return Tables(**loaded)
