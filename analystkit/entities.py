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
   citing anyone of that surname by full name, and at least two of them, and the source's own article does
   not name another person of that surname in full instead ("Carter" beside "Jimmy Carter" is not Ash
   Carter); otherwise the source stays an identity of its own article ("Clinton" where Hillary and Bill
   are both cited often, "Kelly" where no Kelly is cited by full name).
3. **Organizations** are one when their names are the same after case, punctuation and a leading "the"
   ("The Associated Press", "Associated Press"), if they have a name at all: it opens with a capital or a
   digit after an optional "the", and not with a possessive ("the campaign", "His campaign" or "count by
   the AP" of one article is not another article's).
4. **Anonymous** sources, unresolved pronouns and **documents** are never merged across articles: each is
   an identity of its own, named by its description ("a senior U.S. official"); count them by name. So
   is a "person" whose whole name is a day, a place, a group or a sentence's first word ("Tuesday",
   "Iowa", "Millennials", "But": lexicon ``not_names.txt``), which the sources stage sometimes reads.

Ids are hashes of what makes the identity (``person:donald trump``, or the source id for those never
merged): the same corpus gives the same ids on any machine, and a person keeps their id in a bigger
corpus as long as rule 2 links the same way.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace
from collections.abc import Callable, Iterable
from functools import lru_cache

import numpy as np
import pandas as pd
from nameparser import HumanName
from rapidfuzz import fuzz

from . import lexicons
from .tables import SOURCE_KINDS, Tables, frame_columns

#: share of a surname's full-name articles its most cited person needs for a bare surname to be them
DOMINANT_SHARE = 0.75
#: articles that must cite that person by full name (one article is too little to say who "Cheney" is)
DOMINANT_ARTICLES = 2
#: rapidfuzz ratio at which two first names of one surname are one person
FIRST_NAME_RATIO = 90
_PRONOUNS = frozenset("he she they it him her them we i you".split())
# an organization is merged across articles only when named: its name opens with a capital or a digit after
# an optional "the" ("the Clinton campaign", "CNN"), and not with a possessive ("His campaign") or a
# description ("the campaign", "proportion of GOP voters", "count by The Associated Press")
_PROPER = re.compile(r"^(?:[Tt]he\s+)?(?!(?:His|Her|Their|Its|Our|My|Your)\b)[A-Z0-9]")


def link(tables: Tables) -> Tables:
    """``tables`` with ``sources.entity_id`` filled in and an ``entities`` table (see the module's rule)."""
    a = tables.articles
    texts = (lambda wanted: ((i, t) for i, t in zip(a["article_id"], a["text"]) if i in wanted and isinstance(t, str)))
    entities, entity_ids = build(tables.sources, tables.claims, a, texts)
    sources = tables.sources.assign(entity_id=pd.array(entity_ids.to_numpy(), dtype="string"))
    return replace(tables, sources=sources, entities=entities)


def build(sources: pd.DataFrame, claims: pd.DataFrame, articles: pd.DataFrame, texts: TextsOf | None = None
          ) -> tuple[pd.DataFrame, pd.Series]:
    """The entities of a corpus and each source's entity id (a Series aligned with ``sources``).

    ``texts(article_ids)`` yields ``(article_id, text)`` for those articles: with it, a bare surname is not
    linked to the corpus's person of that surname when its own article names another one in full.
    """
    keys = identity_keys(sources, texts)
    entity_ids = keys.map(_entity_id)
    return _table(sources, claims, articles, keys, entity_ids), entity_ids


def identity_keys(sources: pd.DataFrame, texts: TextsOf | None = None) -> pd.Series:
    """What makes each source's identity across articles (rules 1-4 of the module), aligned with ``sources``."""
    names = sources["name"].fillna("").astype(str).to_numpy()
    kinds = sources["kind"].astype(str).to_numpy()
    ids = sources["source_id"].astype(str).to_numpy()
    keys = np.empty(len(sources), dtype=object)
    surname_only: list[int] = []
    full: dict[int, tuple[str, str, str]] = {}
    nobody = _not_names()
    for i, (name, kind) in enumerate(zip(names, kinds)):
        if name.strip().lower() in _PRONOUNS or (kind == "person" and _normal(name) in nobody):
            keys[i] = f"source:{ids[i]}"  # an unresolved "he", or "Tuesday" read as a name: nobody in particular
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
    linkable = [i for i in surname_only if keys[i].removeprefix("surname:") in dominant]
    others = _others_named_in_full(linkable, keys, names, articles, dominant, canonical_first, texts)
    for i in surname_only:  # the dominant person of the surname, else nobody known beyond this article
        last = keys[i].removeprefix("surname:")
        keys[i] = dominant[last] if last in dominant and i not in others else f"source:{ids[i]}"
    return pd.Series(keys, index=sources.index, dtype=object)


TextsOf = Callable[[set], Iterable[tuple[str, str]]]


def _others_named_in_full(linkable: list[int], keys, names, articles, dominant: dict[str, str],
                          canonical_first: dict, texts: TextsOf | None) -> set[int]:
    """The bare-surname sources whose own article names another person of that surname in full and not the
    corpus's: "Carter" beside "Jimmy Carter" is not "Ash Carter", whoever the corpus cites most."""
    if texts is None or not linkable:
        return set()
    wanted: dict[str, list[int]] = {}
    for i in linkable:
        wanted.setdefault(articles[i], []).append(i)
    others = set()
    for article_id, text in texts(set(wanted)):
        lowered = text.lower()
        for i in wanted.get(article_id, []):
            last = keys[i].removeprefix("surname:")
            written = str(names[i]).split()[-1].strip(".,;:")
            corpus_first = dominant[last].removeprefix("person:").rsplit(" " + last, 1)[0]
            if f"{corpus_first} {written.lower()}" in lowered:
                continue  # the article names the corpus's person in full ("Donald Trump"): the usual case
            firsts = set()
            # the words before the surname, past a middle initial ("Jimmy Carter", "George W. Bush", "Hillary
            # Rodham Clinton"): the corpus's first name among the last two, else the last when it can be a
            # first name (not a title, a role word or a sentence's opening: "Sen. Carter", "But Carter")
            for m in _before_surname(written).finditer(text):
                words = [_normal(w) for w in m.group(1).split()]
                if corpus_first in words:
                    firsts.add(corpus_first)
                elif words[-1] not in _not_first_names():
                    firsts.add(canonical_first.get((words[-1], last, ""), words[-1]))
            if firsts and corpus_first not in firsts:
                others.add(i)
    return others


@lru_cache(maxsize=200_000)
def _person(name: str) -> tuple[str, str, str]:
    """(first name, surname, suffix) of a person's name, normalised; a single word is a surname. A name
    whose title nameparser finds outside ``titles.txt`` is no person's name ("Judicial Watch", "British
    Columbia": its list of titles holds "Judicial" and "British"): ("", "", "")."""
    parsed = HumanName(name)
    if any(_normal(word) not in _titles() for word in parsed.title.split()):
        return "", "", ""
    first, last, suffix = _normal(parsed.first), _normal(parsed.last), _normal(parsed.suffix)
    if first and not last:  # "Trump": nameparser calls a lone word a first name
        first, last = "", first
    return first, last, suffix


@lru_cache(maxsize=20_000)
def _before_surname(written: str) -> re.Pattern:
    return re.compile(rf"\b((?:[A-Z][a-z'’-]+\s+){{1,2}})(?:[A-Z]\.\s+)?{re.escape(written)}\b")


@lexicons.cached
def _not_first_names() -> frozenset[str]:
    """Words that may stand before a surname without being a first name: titles, role words, not_names."""
    words = [*lexicons.entries("not_names.txt"), *lexicons.entries("role_words.txt"), *lexicons.entries("titles.txt")]
    return frozenset(_normal(w) for entry in words for w in entry.split())


@lexicons.cached
def _titles() -> frozenset[str]:
    return frozenset(_normal(word) for title in lexicons.entries("titles.txt") for word in title.split())


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
        if sizes[top] >= DOMINANT_ARTICLES and sizes[top] >= DOMINANT_SHARE * sum(sizes.values()):
            dominant[last] = top
    return dominant


@lexicons.cached
def _not_names() -> frozenset[str]:
    return frozenset(_normal(word) for word in lexicons.entries("not_names.txt"))


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
    per_source = claims if "claims" in claims.columns else claim_totals(claims)
    s = s.join(per_source.set_index("source_id")[["claims", "words"]], on="source_id")
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


def claim_totals(claims: pd.DataFrame) -> pd.DataFrame:
    """Per source: its claims and the words of its direct and mixed ones (source_id, claims, words) - what
    the entities table counts, small enough to keep for a whole corpus when the claims are not."""
    import pyarrow as pa
    import pyarrow.compute as pc

    claims = claims.dropna(subset=["source_id"])
    quoted = claims["kind"].astype(str).isin(["direct", "mixed"]).to_numpy()
    texts = pa.array(claims["text"].astype(object).where(quoted, "").fillna("").tolist(), type=pa.large_string())
    words = pc.list_value_length(pc.utf8_split_whitespace(texts)).to_numpy(zero_copy_only=False)
    totals = pd.DataFrame({"source_id": claims["source_id"].astype(str).to_numpy(), "claims": 1, "words": words})
    return totals.groupby("source_id", sort=False, as_index=False)[["claims", "words"]].sum()


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
    several = values[entity].duplicated(keep=False).to_numpy()  # most entities have one value: no join
    alone = values[~several].set_index(entity)[column]
    joined = values[several].groupby(entity)[column].agg("; ".join)
    return pd.concat([alone, joined])
