"""The tables: one schema per table (column, dtype, meaning), and the DataFrame builders.

This is the only module that knows pandas column names. Every table is built
through :func:`frame`, so its columns and dtypes are exactly those of its
schema even when it has no rows, and a table read back from Parquet or CSV is
given the same dtypes again.

Ids join: ``article_id`` appears in every table; ``source_id`` (``<article_id>.s2``),
``claim_id`` (``.c3``), ``date_id`` (``.d1``), ``mention_id`` and ``event_id`` follow
it. An article's id is stable (the record's own id, else a hash of its url, else of
its text and title), so ids are unique across batches, runs and machines.
"""
from __future__ import annotations

import json
import warnings
from dataclasses import dataclass, fields, replace
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
MODS = ["START", "MID", "END", "APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"]
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
        Column("article_id", S, "stable id of the article: the record's own id field, else u + a hash of its url, else a + a hash of its text and title"),
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
        Column("notes", S, "what cleaning changed beyond layout, if anything: removed 2 control characters "
                           "(NUL bytes, escape codes, page breaks)"),
        Column("set_aside", S, "page furniture left out of text, one line each: Share this, Advertisement, "
                               "READ MORE: <headline>, a photo credit (lexicons/boilerplate.txt)"),
        Column("set_aside_at", S, "where those lines are in the input as supplied: start:end, one per line, "
                                  "separated by spaces"),
    ),
    "sources": (
        Column("source_id", S, "id of the source: the article id and s1, s2, ... (ae226d94234d3ab56.s1)"),
        Column("article_id", S, "the article citing it"),
        Column("name", S, "name or short description: Dana Ruiz, a senior Iraqi official, White House"),
        Column("description", S, "what the mention says beyond that, when its name ran past eight words: who "
               "attended the meeting, president of the Service Employees International Union"),
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
        Column("entity_id", S, "the source's identity across the corpus (the entities table); missing in a batch "
               "read on its own (iter_tables) before a run links them"),
    ),
    "mentions": (
        Column("mention_id", S, "id of the mention: the article id and m1, m2, ..."),
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
        Column("claim_id", S, "id of the claim: the article id and c1, c2, ..."),
        Column("article_id", S, "the article"),
        Column("source_id", S, "who made the claim; missing when the writer does not say (\"it was announced that ...\")"),
        Column("mention_id", S, "the source mention in this claim's own attribution"),
        Column("source_text", S, "that mention as written: Lonechild, he, a senior Israeli official"),
        Column("source_start", I, "offset of the mention"),
        Column("source_end", I, "end offset of the mention"),
        Column("kind", _cat(CLAIM_KINDS), "direct (quoted), indirect (paraphrase), mixed, or no_comment"),
        Column("cue", S, "the reporting verb or phrase as written: said, told Reuters, according to (missing for a "
                         "quotation given to the person the sentence before opens with: rule quote_after_speaker)"),
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
    "quotes": (
        Column("quote_id", S, "id of the quoted passage: the article id and q1, q2, ..."),
        Column("claim_id", S, "the direct or mixed claim it belongs to (a claim may hold several passages)"),
        Column("article_id", S, "the article"),
        Column("text", S, "the quoted words, without the quotation marks"),
        Column("start", I, "offset of the text in the article text"),
        Column("end", I, "end offset of the text"),
        Column("raw_start", I, "offset of the text in the input as supplied"),
        Column("raw_end", I, "end offset in the input as supplied"),
        Column("paragraph", I, "index of the paragraph it starts in"),
        Column("sentence", I, "index of the sentence it starts in"),
        Column("attributed_here", B, "whether its own sentence names the speaker (false for a quote that carries "
                                     "on in a later sentence or paragraph)"),
        Column("n_words", I, "words in text"),
    ),
    "dates": (
        Column("date_id", S, "id of the expression: the article id and d1, d2, ..."),
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
        Column("mod", _cat(MODS), "TIMEX3 mod from the opening words: START (early 2015), MID (mid-2014), END (late "
                                  "May, the end of 2013), whose interval is that third of the time; APPROX (around), "
                                  "LESS_THAN (nearly), MORE_THAN, EQUAL_OR_LESS (up to), EQUAL_OR_MORE (at least)"),
        Column("resolved", B, "False when a relative expression had no publication date to resolve against"),
        Column("reference", B, "True for an adverb or phrase that points at the present, past or future without "
                               "naming a time (now, currently, recently, formerly, soon, at the time: value "
                               "PRESENT_REF, PAST_REF or FUTURE_REF); leave these out to count calendar dates"),
        Column("sentence", I, "index of the sentence"),
    ),
    "events": (
        Column("event_id", S, "id of the event: the article id and e1, e2, ..."),
        Column("article_id", S, "the article"),
        Column("kind", _cat(EVENT_KINDS), "publication, or reported (a happening the article dates)"),
        Column("claim_id", S, "the claim that reports it, if any"),
        Column("source_id", S, "the source of that claim, if any"),
        Column("date_id", S, "the expression that dates it"),
        Column("when_start", DT, "first day it may have happened"),
        Column("when_end", DT, "last day it may have happened"),
        Column("certainty", _cat(CERTAINTIES), "exact, approximate or vague"),
        Column("description", S, "what happened: the claim or sentence around the date (in a run-on sentence, "
                                       "the words within 1,000 characters of the date)"),
        Column("start", I, "offset of the description in the article text (missing for the publication)"),
        Column("end", I, "end offset of the description"),
    ),
    "errors": (
        Column("input", S, "the input that could not be parsed: a path, path#record or <text N>"),
        Column("stage", S, "where it failed: read, decode, extract, clean, analyse"),
        Column("message", S, "what was wrong, in words"),
    ),
    "entities": (
        Column("entity_id", S, "id of the identity: a hash of what makes it (person:donald trump), the same in any run"),
        Column("name", S, "the name most often written (a full name for people), or the description: Donald Trump, "
               "a senior U.S. official"),
        Column("kind", _cat(SOURCE_KINDS), "person, anonymous, organization or document"),
        Column("names", S, "every name its sources were given, separated by '; ': Donald J. Trump; Mr. Trump; Trump"),
        Column("n_articles", I, "articles citing it"),
        Column("n_sources", I, "article sources merged into it (one per article, as a rule)"),
        Column("n_claims", I, "claims attributed to it, in all articles"),
        Column("n_words_quoted", I, "words of its quoted passages (the quotes table)"),
        Column("outlets", S, "outlets of the articles citing it, separated by '; '"),
        Column("first_published", DT, "publication date of the first article citing it"),
        Column("last_published", DT, "publication date of the last article citing it"),
        Column("roles", S, "roles written beside it, separated by '; ': Pentagon spokesperson"),
        Column("affiliations", S, "affiliations named in its mentions, separated by '; '"),
    ),
}

# Tables that folders written by earlier versions lack: read_tables gives them empty, with a warning.
ADDED_LATER = frozenset({"quotes"})
# The tables every batch of articles has; entities are linked over a whole run (analystkit.entities).
TABLE_NAMES = tuple(name for name in SCHEMAS if name != "entities")


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
    if dtype in _MASKED:
        try:  # through pyarrow: five times quicker than pandas' checks of each value
            arrow_type, array_type, filler = _MASKED[dtype]
            arrow = pa.array(values, type=arrow_type)
            return array_type(arrow.fill_null(filler).to_numpy(zero_copy_only=False),
                              arrow.is_null().to_numpy(zero_copy_only=False))
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
            pass  # NaN, pd.NA or a value of another type: let pandas convert, or say what is wrong
    return pd.array(values, dtype=dtype)


# nullable integer and boolean columns: (Arrow type, pandas array, the value under a missing one)
_MASKED = {I: (pa.int64(), pd.arrays.IntegerArray, 0), B: (pa.bool_(), pd.arrays.BooleanArray, False)}


def conform(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """Give ``df`` the columns (in order) and dtypes of table ``name``."""
    out = {}
    for c in SCHEMAS[name]:
        series = df[c.name] if c.name in df.columns else pd.Series([None] * len(df), index=df.index)
        if repr(series.dtype) == repr(pd.api.types.pandas_dtype(c.dtype)):
            pass  # already right (a Parquet file keeps its dtypes)
        elif c.dtype == DT:
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
    """The tables of a parsed batch: articles, sources, mentions, claims, quotes, dates, events, errors."""

    articles: pd.DataFrame
    sources: pd.DataFrame
    mentions: pd.DataFrame
    claims: pd.DataFrame
    quotes: pd.DataFrame
    dates: pd.DataFrame
    events: pd.DataFrame
    errors: pd.DataFrame
    entities: pd.DataFrame | None = None  # who is cited across the run; None in a batch of iter_tables

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(df)}" for name, df in self.items())
        return f"{type(self).__name__}({counts})"

    def items(self):
        """(name, DataFrame) of every table it holds, entities last when linked."""
        return [(f.name, getattr(self, f.name)) for f in fields(Tables) if getattr(self, f.name) is not None]

    def id_of(self, text: str) -> str:
        """The id of the one article whose input (its path) or title holds ``text`` (any case):
        ``tables.id_of("axios")``. Ids are hashes, stable but not for reading; this finds them.

        Raises:
            KeyError: no article, or more than one, matches (the message lists them).
        """
        a = self.articles
        needle = text.lower()
        hits = a[a["input"].str.lower().str.contains(needle, regex=False, na=False)
                 | a["title"].str.lower().str.contains(needle, regex=False, na=False)]
        if len(hits) != 1:
            found = "; ".join(f"{row.article_id} ({row.input})" for row in hits.head(5).itertuples())
            raise KeyError(f"{len(hits)} articles have {text!r} in their input or title" + (f": {found}" if found else ""))
        return str(hits.article_id.iloc[0])

    def subset(self, article_ids) -> "Tables":
        """The tables of some articles only: ``tables.subset(tables.id_of("axios"))`` or a list of ids. Their
        entities are those the articles cite, counted over every article of the run."""
        keep = set([article_ids] if isinstance(article_ids, str) else article_ids)
        tables = {name: df[df["article_id"].isin(keep)].reset_index(drop=True) if "article_id" in df.columns
                  else df for name, df in self.items()}
        if self.entities is not None:  # the entities these articles cite, with their counts over the whole run
            cited = set(tables["sources"]["entity_id"].dropna())
            tables["entities"] = self.entities[self.entities["entity_id"].isin(cited)].reset_index(drop=True)
        return Tables(**tables)

    def with_claims(self, keep: pd.Series) -> "Tables":
        """The tables with only the claims where ``keep`` (a boolean Series over ``claims``) is true, and their
        quotes and mentions: ``tables.with_claims(tables.claims.cue_type == "speech")``. Sources keep their
        counts over every claim."""
        claims = self.claims[keep.to_numpy(dtype=bool, na_value=False)].reset_index(drop=True)
        kept = set(claims["claim_id"])
        return replace(self, claims=claims,
                       quotes=self.quotes[self.quotes["claim_id"].isin(kept)].reset_index(drop=True),
                       mentions=self.mentions[self.mentions["claim_id"].isin(kept)].reset_index(drop=True))

    def to_parquet(self, directory: str | Path) -> Path:
        """Write every table to ``directory/<table>.parquet``; returns the directory."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        for name, df in self.items():
            df.to_parquet(directory / f"{name}.parquet", index=False)
        return directory

    def to_csv(self, directory: str | Path, *, safe: bool = True) -> Path:
        """Write every table to ``directory/<table>.csv`` (UTF-8); returns the directory.

        With ``safe`` (the default) a text cell that a spreadsheet would run as a formula (``=HYPERLINK(...)``,
        ``+1``, ``@SUM``) is written with a leading ``'``; :func:`read_tables` takes it off again.
        """
        from . import __version__

        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        for name, df in self.items():
            write_csv(df, directory / f"{name}.csv", safe=safe)
        manifest = {"analystkit": __version__, "layout": 1, "complete": True,
                    "settings": {"format": "csv", "safe_csv": safe}}
        (directory / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        return directory

    def summary(self) -> str:
        """A few lines a person can read: articles, sources by kind, claims by kind, dates (and each article
        and error, when there are few)."""
        return format_summary(batch_counts(self), listed_articles(self), listed_errors(self))


SUMMARY_LISTS = 20  # a summary lists articles and errors one by one up to this many


def batch_counts(tables: Tables) -> dict:
    """What a summary counts, for one batch (counts of several batches add up key by key)."""
    a, s, c, d = tables.articles, tables.sources, tables.claims, tables.dates
    messages = tables.errors.message
    return {
        "articles": len(a), "errors": len(tables.errors),
        "duplicates": int(messages.str.startswith("duplicate of ").sum()) if len(messages) else 0,
        "chars": int(a.text.str.len().sum()) if len(a) else 0,
        "sources": {k: int(v) for k, v in s["kind"].value_counts().reindex(SOURCE_KINDS, fill_value=0).items()},
        "claims": {k: int(v) for k, v in c["kind"].value_counts().reindex(CLAIM_KINDS, fill_value=0).items()},
        "dates": len(d), "resolved": int(d["start_date"].notna().sum()), "events": len(tables.events),
    }


def listed_articles(tables: Tables) -> list[list]:
    """The first articles as a summary lists them: ``[id, published, n_sources, n_claims, title]``."""
    n_sources = tables.sources.article_id.value_counts()
    n_claims = tables.claims.article_id.value_counts()
    return [[row.article_id, row.published.date().isoformat() if pd.notna(row.published) else None,
             int(n_sources.get(row.article_id, 0)), int(n_claims.get(row.article_id, 0)),
             str(row.title if pd.notna(row.title) else row.input)]
            for row in tables.articles.head(SUMMARY_LISTS + 1).itertuples()]


def listed_errors(tables: Tables) -> list[list]:
    """The first errors as a summary lists them: ``[input, message]``."""
    return [[row.input, row.message] for row in tables.errors.head(SUMMARY_LISTS + 1).itertuples()]


def _label(title: str, width: int = 60) -> str:
    """A title cut to ``width``; an untitled article's path keeps its end, where the file name is."""
    if len(title) <= width:
        return title
    if "/" in title and " " not in title:
        return "…" + title[-(width - 1):]
    return title[:width]


def format_summary(counts: dict, articles: list[list], errors: list[list]) -> str:
    """The summary's lines from :func:`batch_counts` and the first articles and errors
    (``[id, published, n_sources, n_claims, title]`` and ``[input, message]``)."""
    n_articles, n_errors = counts.get("articles", 0), counts.get("errors", 0)
    duplicates = counts.get("duplicates", 0)
    lines = [f"{n_articles:,} article(s) parsed, {n_errors:,} input(s) with errors"
             + (f" ({duplicates:,} duplicates)" if duplicates else "")]
    sources, claims = counts.get("sources", {}), counts.get("claims", {})
    lines.append(f"sources: {sum(sources.values()):,} (" + ", ".join(f"{k} {sources.get(k, 0):,}" for k in SOURCE_KINDS) + ")")
    lines.append(f"claims: {sum(claims.values()):,} (" + ", ".join(f"{k} {claims.get(k, 0):,}" for k in CLAIM_KINDS) + ")")
    lines.append(f"dates: {counts.get('dates', 0):,} ({counts.get('resolved', 0):,} resolved to calendar intervals)")
    lines.append(f"events: {counts.get('events', 0):,}")
    if n_articles <= SUMMARY_LISTS:
        for article_id, when, n_sources, n_claims, title in articles:
            lines.append(f"  {article_id:<17}  {when or 'date unknown':>10}  {n_sources:>3} sources {n_claims:>3} claims  {_label(title)}")
    for input_name, message in errors[:SUMMARY_LISTS]:
        lines.append(f"  error  {input_name}: {message}")
    if n_errors > SUMMARY_LISTS:
        lines.append(f"  ... and {n_errors - SUMMARY_LISTS:,} more errors: see the errors table")
    return "\n".join(lines)


# What makes a spreadsheet read a cell as a formula (the OWASP rule for CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with a ``'`` before every text cell that a spreadsheet would run as a formula.

    A cell that opens with quote marks and then a trigger gets one more, so that taking one ``'`` off
    again (:func:`restore_formulas`) gives back the value written, whatever it was."""
    out = df.copy()
    for column in df.columns:
        if df[column].dtype == S or isinstance(df[column].dtype, pd.StringDtype):
            values = df[column]
            risky = values.str.lstrip("'").str.startswith(FORMULA_TRIGGERS).fillna(False).astype(bool)
            if risky.any():
                out[column] = values.where(~risky, "'" + values)
    return out


def restore_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Undo :func:`neutralise_formulas` on text read back from CSV."""
    for column in df.columns:
        values = df[column]
        if values.dtype == object or isinstance(values.dtype, pd.StringDtype):
            text = values.astype("string")
            marked = (text.str.startswith("'") & text.str.lstrip("'").str.startswith(FORMULA_TRIGGERS)).fillna(False)
            if marked.any():
                df[column] = text.where(~marked.astype(bool), text.str.slice(1))
    return df


def write_csv(df: pd.DataFrame, path, *, safe: bool = True) -> None:
    """Write one table as CSV (UTF-8), formulas neutralised unless ``safe`` is False."""
    (neutralise_formulas(df) if safe else df).to_csv(path, index=False)


def read_tables(directory: str | Path, *, text: bool = True, columns: dict[str, list[str]] | None = None) -> Tables:
    """Read tables written by :meth:`Tables.to_parquet`, :meth:`Tables.to_csv`, ``analystkit parse`` or
    :func:`analystkit.parse_corpus`, with their dtypes.

    Args:
        text: False leaves out the article texts (``articles.text`` is then missing throughout): they
            are the bulk of a corpus, and every other table still joins on ``article_id``.
        columns: the columns to read, per table (``{"claims": ["claim_id", "kind"]}``); the others are
            missing throughout. Parquet reads only those columns from disk.

    A folder written by a run that was interrupted reads as the batches it completed, with a warning.
    To filter rows before they reach memory (by outlet, by date), query the Parquet dataset with
    pyarrow or DuckDB; the README's "Large corpora" section shows how.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise FileNotFoundError(f"{directory}: no such folder of tables")
    wanted = {name: list(columns.get(name, [c.name for c in SCHEMAS[name]])) for name in TABLE_NAMES} \
        if columns else {name: [c.name for c in SCHEMAS[name]] for name in TABLE_NAMES}
    if not text and "text" in wanted["articles"]:
        wanted["articles"].remove("text")
    manifest = read_manifest(directory)
    parts = _dataset_parts(directory, manifest)
    safe_csv = manifest.get("settings", {}).get("safe_csv", False)
    loaded = {}
    for name in TABLE_NAMES:
        parquet, csv = directory / f"{name}.parquet", directory / f"{name}.csv"
        if name in ADDED_LATER and not (parquet.exists() or csv.exists() or (directory / name).is_dir()):
            warnings.warn(f"{directory}: written by an older analystkit, without the {name} table (it is empty "
                          "here); parse the articles again to have it", stacklevel=2)
            loaded[name] = frame(name, [])
            continue
        if parts is not None and parts.get(name) is not None:
            df = _read_parquet_parts(name, parts[name], wanted[name])
        elif parquet.exists():
            df = _parquet_table(parquet, wanted[name]).to_pandas()
        elif csv.exists():
            df = pd.read_csv(csv, dtype=str, keep_default_na=False, na_values=[""],
                             usecols=lambda column, _wanted=set(wanted[name]): column in _wanted)
            if safe_csv:
                df = restore_formulas(df)
        elif (directory / name).is_dir():
            df = _read_parquet_parts(name, sorted((directory / name).glob("*.parquet")), wanted[name])
        else:
            raise FileNotFoundError(f"{directory}: missing {name}.parquet or {name}.csv")
        loaded[name] = conform(name, df)
    loaded["entities"] = _read_entities(directory, (columns or {}).get("entities"), safe_csv)
    return Tables(**loaded)


def _read_entities(directory: Path, columns: list[str] | None, safe_csv: bool) -> pd.DataFrame | None:
    """The entities a run linked (None when the folder has none: a run before they existed, or unfinished)."""
    wanted = columns or [c.name for c in SCHEMAS["entities"]]
    if (directory / "entities").is_dir():  # a run's: a part per batch, then the merged ones
        return conform("entities", _read_parquet_parts("entities", sorted((directory / "entities").glob("*.parquet")),
                                                       wanted))
    if (directory / "entities.parquet").exists():
        return conform("entities", _parquet_table(directory / "entities.parquet", wanted).to_pandas())
    if (directory / "entities.csv").exists():
        df = pd.read_csv(directory / "entities.csv", dtype=str, keep_default_na=False, na_values=[""],
                         usecols=lambda column: column in wanted)
        return conform("entities", restore_formulas(df) if safe_csv else df)
    return None


MANIFEST = "_analystkit.json"  # what a run is (settings, inputs) and whether it completed
JOURNAL = "_batches.jsonl"  # one line per batch a run wrote


def read_manifest(directory: Path) -> dict:
    """A folder's manifest ({} when there is none)."""
    try:
        return json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{directory / MANIFEST}: unreadable ({exc}); remove the folder or overwrite it") from exc


def read_journal(directory: Path) -> dict[int, dict]:
    """The batches a run wrote, by index; a line cut short by a crash is a batch not written."""
    entries: dict[int, dict] = {}
    try:
        with open(directory / JOURNAL, encoding="utf-8") as f:
            for line in f:
                try:
                    entry = json.loads(line)
                    entries[entry["batch"]] = entry
                except (ValueError, KeyError, TypeError):
                    continue
    except FileNotFoundError:
        pass
    return entries


def _dataset_parts(directory: Path, manifest: dict) -> dict[str, list[Path]] | None:
    """The batch files of a run's folder, from its journal (so that files of a batch the run did not
    finish are never read); None for a folder that is not a run's, or whose CSV files are joined."""
    if not manifest:
        return None
    if manifest.get("settings", {}).get("format") == "csv" and manifest.get("complete"):
        return None  # joined into one CSV file per table
    done = sorted(read_journal(directory))
    if not manifest.get("complete"):
        warnings.warn(f"{directory}: the run that wrote these tables did not finish ({len(done)} batches written); "
                      "these are the batches it completed (analystkit parse --resume finishes it)", stacklevel=3)
    if manifest.get("settings", {}).get("format", "parquet") != "parquet":
        raise ValueError(f"{directory}: an unfinished CSV run cannot be read; finish it with analystkit parse --resume")
    return {name: [directory / name / f"part-{i:06d}.parquet" for i in done] for name in TABLE_NAMES}


def _parquet_table(path: Path, columns: list[str]) -> pa.Table:
    """The ``columns`` of a Parquet file that it holds, read in one opening: a file written before a column
    was added lacks it, and the column is then missing throughout (:func:`conform` adds it)."""
    import pyarrow.parquet as pq

    with pq.ParquetFile(path) as part:
        held = set(part.schema_arrow.names)
        return part.read(columns=[c for c in columns if c in held])


def _read_parquet_parts(name: str, files: list[Path], columns: list[str]) -> pd.DataFrame:
    if not files:
        return frame(name, [])[columns]
    tables = [_parquet_table(f, columns) for f in files]
    table = pa.concat_tables(tables, promote_options="permissive") if len(tables) > 1 else tables[0]
    return table.to_pandas()
