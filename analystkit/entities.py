"""Who is cited across a corpus: each article's sources merged into identities (``entities``).

    >>> tables = analystkit.parse_many(["news/"])            # doctest: +SKIP
    >>> tables.entities.nlargest(10, "n_articles")           # doctest: +SKIP
    >>> tables.sources[["name", "entity_id"]]                # doctest: +SKIP

``sources`` are per article (the merging of "Jake Sullivan", "Sullivan" and "he" within one article is
:mod:`analystkit.sources`' work); this module links them across articles. The rule, in order:

1. **People** are read with nameparser into first name, surname and suffix (titles and middle names
   dropped; accents, case and punctuation ignored). "Donald Trump", "Donald J. Trump" and "President
   Donald Trump" are one person; "Donald Trump Jr." (a suffix) and "Ivanka Trump" (another first name)
   are others. First names that differ by a typo or a transliteration (rapidfuzz ratio >= 90, same
   initial: "Hillary"/"Hilary") are one.
2. A person named by **surname only** ("Trump", "Mr. Trump", "Sen. Sanders") is the person of that surname
   (no suffix) who is cited in most articles, when that person has at least three quarters of the articles
   citing anyone of that surname by full name; otherwise a surname is an identity of its own ("Clinton"
   in a corpus where Hillary and Bill are both cited often).
3. **Organizations** are one when their names are the same after case, punctuation and a leading "the"
   ("The Associated Press", "Associated Press"), if they have a name at all: a word other than a leading
   "The" starts with a capital or a digit ("the campaign" of one article is not the campaign of another).
4. **Anonymous** sources, unresolved pronouns and **documents** are never merged across articles: each is
   an identity of its own, named by its description ("a senior U.S. official"); count them by name.

Ids are hashes of what makes the identity (``person:donald trump``, or the source id for those never
merged): the same corpus gives the same ids on any machine, and a person keeps their id in a bigger
corpus as long as rule 2 links the same way.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

import numpy as np
import pandas as pd
from nameparser import HumanName
from rapidfuzz import fuzz

from .tables import SOURCE_KINDS, Tables, frame_columns

#: share of a surname's full-name articles its most cited person needs for a bare surname to be them
DOMINANT_SHARE = 0.75
#: rapidfuzz ratio at which two first names of one surname are one person
FIRST_NAME_RATIO = 90
_PRONOUNS = frozenset("he she they it him her them we i you".split())
# an organization is merged across articles only when named ("the Clinton campaign", not "the campaign")
_PROPER = re.compile(r"(?:^|\s)(?!The\b)[A-Z0-9]")


def link(tables: Tables) -> Tables:
    """``tables`` with ``sources.entity_id`` filled in and an ``entities`` table (see the module's rule)."""
    entities, entity_ids = build(tables.sources, tables.claims, tables.articles)
    sources = tables.sources.assign(entity_id=pd.array(entity_ids.to_numpy(), dtype="string"))
    return replace(tables, sources=sources, entities=entities)


def build(sources: pd.DataFrame, claims: pd.DataFrame, articles: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """The entities of a corpus and each source's entity id (a Series aligned with ``sources``)."""
    keys = identity_keys(sources)
    entity_ids = keys.map(_entity_id)
    return _table(sources, claims, articles, keys, entity_ids), entity_ids


def identity_keys(sources: pd.DataFrame) -> pd.Series:
    """What makes each source's identity across articles (rules 1-4 of the module), aligned with ``sources``."""
    names = sources["name"].fillna("").astype(str).to_numpy()
    kinds = sources["kind"].astype(str).to_numpy()
    ids = sources["source_id"].astype(str).to_numpy()
    keys = np.empty(len(sources), dtype=object)
    surname_only: list[int] = []
    full: dict[int, tuple[str, str, str]] = {}
    for i, (name, kind) in enumerate(zip(names, kinds)):
        if name.strip().lower() in _PRONOUNS:
            keys[i] = f"source:{ids[i]}"  # an unresolved "he" or "it" is nobody in particular
        elif kind == "person":
            first, last, suffix = _person(name)
            if first and last:
                full[i] = (first, last, suffix)
            elif last:
                surname_only.append(i)
                keys[i] = f"surname:{last}"
            else:
                keys[i] = f"source:{ids[i]}"
        elif kind == "organization" and _PROPER.search(name):
            keys[i] = f"organization:{_normal(name, drop_the=True)}"
        else:  # anonymous, document, pronoun: never merged across articles
            keys[i] = f"source:{ids[i]}"
    canonical_first = _first_name_variants(full.values())
    for i, (first, last, suffix) in full.items():
        keys[i] = "person:" + " ".join(x for x in (canonical_first[(first, last, suffix)], last, suffix) if x)
    articles = sources["article_id"].astype(str).to_numpy()
    dominant = _dominant_people(keys, full, articles)
    for i in surname_only:
        last = keys[i].removeprefix("surname:")
        if last in dominant:
            keys[i] = dominant[last]
    return pd.Series(keys, index=sources.index, dtype=object)


@lru_cache(maxsize=200_000)
def _person(name: str) -> tuple[str, str, str]:
    """(first name, surname, suffix) of a person's name, normalised; a single word is a surname."""
    parsed = HumanName(name)
    first, last, suffix = _normal(parsed.first), _normal(parsed.last), _normal(parsed.suffix)
    if first and not last:  # "Trump": nameparser calls a lone word a first name
        first, last = "", first
    return first, last, suffix


def _normal(text: str, drop_the: bool = False) -> str:
    """Case, accents, punctuation and spacing folded: "The Associated Press" -> "associated press"."""
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii").casefold()
    words = re.sub(r"[^\w\s-]", "", plain).replace("-", " ").split()
    if drop_the and len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _first_name_variants(people) -> dict[tuple[str, str, str], str]:
    """(first, last, suffix) -> the first name it stands for: variants of one surname within FIRST_NAME_RATIO
    (and with the same initial) take the most frequent spelling."""
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for first, last, suffix in people:
        by_first = counts.setdefault((last, suffix), {})
        by_first[first] = by_first.get(first, 0) + 1
    canonical = {}
    for (last, suffix), by_first in counts.items():
        spellings = sorted(by_first, key=lambda f: (-by_first[f], f))
        chosen: list[str] = []
        for first in spellings:
            same = next((c for c in chosen if c[0] == first[0] and fuzz.ratio(c, first) >= FIRST_NAME_RATIO), None)
            if same is None:
                chosen.append(first)
            canonical[(first, last, suffix)] = same or first
    return canonical


def _dominant_people(keys: np.ndarray, full: dict[int, tuple], articles: np.ndarray) -> dict[str, str]:
    """Surname -> the person key a bare surname stands for (rule 2)."""
    seen: dict[str, dict[str, set]] = {}
    for i, (_first, last, suffix) in full.items():
        if not suffix:
            seen.setdefault(last, {}).setdefault(keys[i], set()).add(articles[i])
    dominant = {}
    for last, people in seen.items():
        sizes = {key: len(a) for key, a in people.items()}
        top = max(sorted(sizes), key=sizes.get)
        if sizes[top] >= DOMINANT_SHARE * sum(sizes.values()):
            dominant[last] = top
    return dominant


def _entity_id(key: str) -> str:
    return "e" + hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def _table(sources: pd.DataFrame, claims: pd.DataFrame, articles: pd.DataFrame, keys: pd.Series,
           entity_ids: pd.Series) -> pd.DataFrame:
    """One row per entity, aggregated column by column (a Python loop over groups took seconds per 10k)."""
    s = pd.DataFrame({
        "entity_id": entity_ids.to_numpy(), "person": keys.str.startswith("person:").to_numpy(),
        "source_id": sources["source_id"].astype(str).to_numpy(), "article_id": sources["article_id"].astype(str).to_numpy(),
        "name": sources["name"].astype(object).to_numpy(), "kind": sources["kind"].astype(str).to_numpy(),
        "role": sources["role"].astype(object).to_numpy(), "affiliation": sources["affiliation"].astype(object).to_numpy(),
    })
    quoted = claims["kind"].astype(str).isin(["direct", "mixed"]).to_numpy()
    words = np.where(quoted, claims["text"].fillna("").astype(str).str.split().str.len().to_numpy(), 0)
    per_source = pd.DataFrame({"source_id": claims["source_id"].astype(object).to_numpy(), "claims": 1, "words": words}) \
        .dropna(subset=["source_id"]).groupby("source_id")[["claims", "words"]].sum()
    s = s.join(per_source, on="source_id")
    dated = articles[["article_id", "outlet", "published"]].astype({"article_id": str})
    s = s.merge(dated, on="article_id", how="left")
    by = s.groupby("entity_id", sort=True)
    out = pd.DataFrame({"n_articles": by["article_id"].nunique(), "n_sources": by.size(),
                        "n_claims": by["claims"].sum(min_count=1).fillna(0).astype(int),
                        "n_words_quoted": by["words"].sum(min_count=1).fillna(0).astype(int),
                        "first_published": by["published"].min(), "last_published": by["published"].max()})
    out["name"] = _most_written(s)
    out["kind"] = s.groupby(["entity_id", "kind"]).size().sort_values(ascending=False, kind="stable") \
        .reset_index().drop_duplicates("entity_id").set_index("entity_id")["kind"]
    affiliations = s[["entity_id", "affiliation"]].dropna().assign(affiliation=lambda d: d["affiliation"].str.split("; "))
    for column, values in (("names", s[["entity_id", "name"]]), ("outlets", s[["entity_id", "outlet"]]),
                           ("roles", s[["entity_id", "role"]]), ("affiliations", affiliations.explode("affiliation"))):
        out[column] = _joined(values)
    out = out.reset_index()
    columns = {c: out[c].tolist() for c in out.columns}
    for c in ("first_published", "last_published"):  # NaT or NaN where no article had a date
        columns[c] = [None if pd.isna(v) else pd.Timestamp(v).to_pydatetime() for v in columns[c]]
    return frame_columns("entities", columns)


def _most_written(s: pd.DataFrame) -> pd.Series:
    """Entity id -> the name its sources are most often given: for a person, a full name when there is one;
    trailing stops and commas dropped ("CNN." is "CNN"); a tie goes to the first in sort order."""
    names = s[["entity_id", "name", "person"]].dropna(subset=["name"])
    names = names.assign(name=names["name"].astype(str).str.rstrip(".,;: "))
    names = names.assign(full=~names["person"] | names["name"].str.contains(" ", regex=False))
    counts = names.groupby(["entity_id", "full", "name"]).size().rename("n").reset_index()
    counts = counts.sort_values(["entity_id", "full", "n", "name"], ascending=[True, False, False, True], kind="stable")
    return counts.drop_duplicates("entity_id").set_index("entity_id")["name"]


def _joined(pairs: pd.DataFrame) -> pd.Series:
    """Entity id -> its distinct values of the frame's second column, sorted, separated by '; '."""
    entity, column = pairs.columns
    values = pairs.dropna().astype({column: str})
    values = values[values[column] != ""].drop_duplicates().sort_values([entity, column])
    return values.groupby(entity)[column].agg("; ".join)
