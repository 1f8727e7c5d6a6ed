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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
from nameparser import HumanName
from nameparser.config import CONSTANTS
from rapidfuzz import fuzz

from . import lexicons
from .tables import Tables, frame_columns

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
    entities, entity_ids = build(tables.sources, claim_totals(tables.claims, tables.quotes), a, texts)
    sources = tables.sources.assign(entity_id=pd.array(entity_ids.to_numpy(), dtype="string"))
    return replace(tables, sources=sources, entities=entities)


def build(sources: pd.DataFrame, claims: pd.DataFrame, articles: pd.DataFrame, texts: TextsOf | None = None
          ) -> tuple[pd.DataFrame, pd.Series]:
    """The entities of a corpus held in memory, and each source's entity id (a Series aligned with ``sources``).

    ``texts(article_ids)`` yields ``(article_id, text)`` for those articles: with it, a bare surname is not
    linked to the corpus's person of that surname when its own article names another one in full.
    """
    linker = Linker()
    alone = linker.add(sources, claims, articles)
    merged = linker.finish(texts)
    return pd.concat([alone, merged], ignore_index=True), linker.entity_ids(sources)


def identity_keys(sources: pd.DataFrame, texts: TextsOf | None = None) -> pd.Series:
    """What makes each source's identity across articles (rules 1-4 of the module), aligned with ``sources``."""
    linker = Linker()
    empty = pd.DataFrame({"source_id": pd.Series(dtype=str), "kind": pd.Series(dtype=str), "text": pd.Series(dtype=str)})
    linker.add(sources, empty, pd.DataFrame({"article_id": [], "outlet": [], "published": []}))
    linker.finish(texts)
    return linker.keys(sources)


TextsOf = Callable[[set], Iterable[tuple[str, str]]]
_SOURCE_COLUMNS = ["source_id", "article_id", "name", "kind", "role", "affiliation"]


class Linker:
    """Links the sources of a corpus into entities batch by batch, so that a corpus run never holds all its
    sources: :meth:`add` each batch (it returns the entities of sources that are never merged, to write at
    once), :meth:`finish` (the merged entities), then :meth:`entity_ids` of each batch's sources.

    What it keeps grows with the people and organizations a corpus cites and with its bare surnames
    (a few columns each), not with its anonymous sources, documents or claims.
    """

    def __init__(self):
        self._first_names: dict[tuple[str, str, str], int] = {}
        self._core: list[pd.DataFrame] = []  # per batch: the figures of each person and organization
        self._counted: list[pd.DataFrame] = []  # per batch: their names, kinds, outlets, roles, affiliations
        self._surnames: list[pd.DataFrame] = []  # bare-surname sources, to link when the corpus is known
        self._canonical: dict[tuple[str, str, str], str] = {}
        self._surname_keys: dict[str, str] = {}

    # -- the key of each source as far as one batch can tell

    @staticmethod
    def _provisional(sources: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        """(kind of key, key) per source: "source" (never merged), "person" (a (first, last, suffix) tuple),
        "surname" (the surname) or "organization" (its normalised name)."""
        names = sources["name"].fillna("").astype(str).to_numpy()
        kinds = sources["kind"].astype(str).to_numpy()
        ids = sources["source_id"].astype(str).to_numpy()
        how = np.empty(len(sources), dtype=object)
        keys = np.empty(len(sources), dtype=object)
        for i, (name, kind) in enumerate(zip(names, kinds)):
            how[i], key = _key_of_name(name, kind)
            keys[i] = key if key is not None else f"source:{ids[i]}"
        return how, keys

    def add(self, sources: pd.DataFrame, claims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
        """Take in one batch (its claims may be the claims table or :func:`claim_totals`); returns the entity
        rows of its sources that are never merged."""
        c = contribution(sources, claims, articles)
        self.absorb(c)
        return c.alone

    def absorb(self, c: Contribution) -> None:
        """Take in what :func:`contribution` made of one batch (perhaps in a worker process)."""
        for key, n in c.first_names.items():
            self._first_names[key] = self._first_names.get(key, 0) + n
        if c.core is not None:
            self._core.append(c.core)
            self._counted.append(c.counted)
        if len(self._core) >= 16:  # one row per person and value, not one per batch: what is kept stays small
            self._core = [_compact_core(pd.concat(self._core, ignore_index=True))]
            self._counted = [pd.concat(self._counted, ignore_index=True)
                             .groupby(["key", "field", "value"], sort=False)["n"].sum().reset_index()]
        # as Arrow, a third of the memory of a frame of Python strings: a corpus run keeps them to the end
        self._surnames.append(pa.Table.from_pandas(c.surnames.astype({"published": "datetime64[s]"}),
                                                   preserve_index=False))

    def finish(self, texts: TextsOf | None = None) -> pd.DataFrame:
        """The merged entities, then the bare surnames that stay their own: call once, after every batch."""
        self._canonical = _first_name_variants(self._first_names)
        core = pd.concat(self._core, ignore_index=True) if self._core else pd.DataFrame(columns=["key"])
        counted = pd.concat(self._counted, ignore_index=True) if self._counted else pd.DataFrame(columns=["key"])
        dominant = _dominant_people(core, self._key_of)
        core["key"] = [self._key_of(k) for k in core["key"]]
        counted["key"] = [self._key_of(k) for k in counted["key"]]
        surnames = (pa.concat_tables(self._surnames, promote_options="permissive").to_pandas()
                    if self._surnames else _contributions_empty())
        # in the order of their ids: the same whatever order the batches came in (workers, a resumed run)
        surnames = surnames.sort_values("source_id", kind="stable").reset_index(drop=True)
        alone = _alone_rows(surnames.iloc[:0])
        if len(surnames):
            others = _others_named_in_full(surnames, dominant, self._canonical, texts)
            ids = surnames["source_id"].astype(str).tolist()
            keys = [dominant[last] if last in dominant and i not in others else f"source:{i}"
                    for last, i in zip(surnames["surname"], ids)]
            self._surname_keys = dict(zip(ids, keys))
            surnames = surnames.assign(key=keys)
            own = np.array([k.startswith("source:") for k in keys], dtype=bool)
            if (~own).any():
                linked_core, linked_counted = _partial(surnames[~own])
                core = pd.concat([core, linked_core], ignore_index=True)
                counted = pd.concat([counted, linked_counted], ignore_index=True)
            alone = _alone_rows(surnames[own])
        self._core, self._counted, self._surnames = [], [], []
        return pd.concat([_entity_rows(core, counted), alone], ignore_index=True)

    def _key_of(self, key) -> str:
        if isinstance(key, tuple):
            first, last, suffix = key
            return "person:" + " ".join(x for x in (self._canonical.get(key, first), last, suffix) if x)
        return key

    def keys(self, sources: pd.DataFrame) -> pd.Series:
        """The final identity key of each source of a batch (after :meth:`finish`; before it, or without any
        batch taken in, a bare surname is its own source's identity)."""
        how, keys = self._provisional(sources)
        ids = sources["source_id"].astype(str).to_numpy()
        out = [self._surname_keys.get(i, f"source:{i}") if h == "surname" else self._key_of(k)
               for h, k, i in zip(how, keys, ids)]
        return pd.Series(out, index=sources.index, dtype=object)

    def entity_ids(self, sources: pd.DataFrame) -> pd.Series:
        """The entity id of each source of a batch (after :meth:`finish`)."""
        return self.keys(sources).map(_entity_id)


@dataclass
class Contribution:
    """What one batch adds to the entities of a corpus: the entities of its sources never merged (``alone``,
    to write), and what merging needs of the others (small: per key, not per source, but for bare surnames)."""

    alone: pd.DataFrame | None
    first_names: dict[tuple[str, str, str], int]
    core: pd.DataFrame | None
    counted: pd.DataFrame | None
    surnames: pd.DataFrame


def contribution(sources: pd.DataFrame, claims: pd.DataFrame, articles: pd.DataFrame) -> Contribution:
    """One batch's :class:`Contribution` (a corpus run makes it in the worker that parsed the batch)."""
    rows = _contributions(sources, claims, articles)
    how, keys = Linker._provisional(sources)
    first_names: dict[tuple[str, str, str], int] = {}
    for key in keys[how == "person"]:
        first_names[key] = first_names.get(key, 0) + 1
    mergeable = (how == "person") | (how == "organization")
    rows["key"] = keys
    core = counted = None
    if mergeable.any():
        core, counted = _partial(rows[mergeable])
    surnames = rows[how == "surname"].assign(surname=keys[how == "surname"])
    return Contribution(_alone_rows(rows[how == "source"]), first_names, core, counted, surnames)


@lru_cache(maxsize=500_000)
def _key_of_name(name: str, kind: str) -> tuple[str, object]:
    """(kind of key, key) that a source's name and kind give; key None for a source never merged. Cached:
    a corpus writes the same names again and again."""
    if name.strip().lower() in _PRONOUNS or (kind == "person" and _normal(name) in _not_names()):
        return "source", None  # an unresolved "he", or "Tuesday" read as a name: nobody in particular
    if kind == "person":
        first, last, suffix = _person(name)
        if first and last:
            return "person", (first, last, suffix)
        if last:
            return "surname", last
    elif kind == "organization" and _PROPER.search(name):
        return "organization", f"organization:{_normal(name, drop_the=True)}"
    return "source", None


def _contributions_empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in (*_SOURCE_COLUMNS, "claims", "words", "outlet",
                                                             "published", "key")})


def _contributions(sources: pd.DataFrame, claims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per source, what its entity adds up: names, kind, role, affiliation, claims, words, outlet, date."""
    rows = pd.DataFrame({c: sources[c].astype(object).to_numpy() for c in _SOURCE_COLUMNS})
    rows["kind"] = rows["kind"].astype(str)
    totals = claims if "claims" in claims.columns else claim_totals(claims)
    rows = rows.join(totals.set_index("source_id")[["claims", "words"]], on="source_id")
    meta = articles[["article_id", "outlet", "published"]]
    meta = pd.DataFrame({"article_id": meta["article_id"].astype(object).to_numpy(),
                         "outlet": meta["outlet"].astype(object).to_numpy(),
                         "published": pd.to_datetime(meta["published"]).to_numpy(dtype="datetime64[s]")})
    return rows.merge(meta, on="article_id", how="left")


def _partial(rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Contributions reduced per key: figures (key, n_sources, n_articles, claims, words, first, last, order)
    and counted values (key, field, value, n) for names, kinds, outlets, roles and affiliations - what
    batches add up."""
    keyed = rows.assign(key=rows["key"].map(lambda k: k if isinstance(k, str) else "\0".join(k)),
                        position=np.arange(len(rows)))
    core = keyed.groupby("key", sort=False).agg(
        n_sources=("source_id", "size"), n_articles=("article_id", "nunique"), claims=("claims", "sum"),
        words=("words", "sum"), first=("published", "min"), last=("published", "max"),
        order=("position", "min")).reset_index()
    person = keyed["key"].str.startswith("person:") | keyed["key"].str.contains("\0", regex=False)
    shown = keyed["name"].astype(str).str.rstrip(".,;: ")
    full = ~person | shown.str.contains(" ", regex=False)
    affiliations = keyed[["key", "affiliation"]].dropna()
    affiliations = affiliations.assign(value=affiliations["affiliation"].astype(str).str.split("; ")).explode("value")
    counted = pd.concat([
        pd.DataFrame({"key": keyed["key"], "field": "shown", "value": full.map({True: "1", False: "0"}) + shown}),
        pd.DataFrame({"key": keyed["key"], "field": "name", "value": keyed["name"]}),
        pd.DataFrame({"key": keyed["key"], "field": "kind", "value": keyed["kind"]}),
        pd.DataFrame({"key": keyed["key"], "field": "outlet", "value": keyed["outlet"]}),
        pd.DataFrame({"key": keyed["key"], "field": "role", "value": keyed["role"]}),
        affiliations[["key", "value"]].assign(field="affiliation"),
    ], ignore_index=True).dropna()
    counted = counted[counted["value"].astype(str) != ""]
    counted = counted.astype({"value": str}).groupby(["key", "field", "value"]).size().rename("n").reset_index()
    for frame in (core, counted):
        frame["key"] = frame["key"].map(lambda k: tuple(k.split("\0")) if "\0" in k else k)
    return core, counted


def _alone_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """The entities of sources that are never merged: each source is one, in the order of the sources."""
    if not len(rows):
        return frame_columns("entities", {})
    name = rows["name"].astype(object)
    published = [None if pd.isna(v) else pd.Timestamp(v).to_pydatetime() for v in rows["published"]]
    return frame_columns("entities", {
        "entity_id": [_entity_id(k) for k in rows["key"]],
        "name": [None if pd.isna(n) else str(n).rstrip(".,;: ") for n in name],
        "kind": rows["kind"].tolist(), "names": [None if pd.isna(n) or n == "" else str(n) for n in name],
        "n_articles": [1] * len(rows), "n_sources": [1] * len(rows),
        "n_claims": [int(v) if pd.notna(v) else 0 for v in rows["claims"]],
        "n_words_quoted": [int(v) if pd.notna(v) else 0 for v in rows["words"]],
        "outlets": [None if pd.isna(v) else str(v) for v in rows["outlet"]],
        "first_published": published, "last_published": published,
        "roles": [None if pd.isna(v) or v == "" else str(v) for v in rows["role"]],
        "affiliations": [None if pd.isna(v) else "; ".join(sorted(set(str(v).split("; ")))) or None
                         for v in rows["affiliation"]],
    })


def _compact_core(core: pd.DataFrame) -> pd.DataFrame:
    """The figures of several batches added up per key (keys stay tuples for people)."""
    return core.groupby("key", sort=False).agg(
        n_sources=("n_sources", "sum"), n_articles=("n_articles", "sum"), claims=("claims", "sum"),
        words=("words", "sum"), first=("first", "min"), last=("last", "max"), order=("order", "min")).reset_index()


def _entity_rows(core: pd.DataFrame, counted: pd.DataFrame) -> pd.DataFrame:
    """The merged entities from the figures and counted values of every batch, in the order of their ids."""
    if not len(core):
        return frame_columns("entities", {})
    figures = core.groupby("key").agg(n_sources=("n_sources", "sum"), n_articles=("n_articles", "sum"),
                                      claims=("claims", "sum"), words=("words", "sum"), first=("first", "min"),
                                      last=("last", "max"))
    counted = counted.groupby(["key", "field", "value"])["n"].sum().reset_index()

    def most(field):  # for "shown", a full name ("1...") before a surname ("0..."), then the most written
        c = counted[counted["field"] == field]
        c = c.assign(full=c["value"].str[0] == "1" if field == "shown" else False)
        c = c.sort_values(["key", "full", "n", "value"], ascending=[True, False, False, True])
        return c.drop_duplicates("key").set_index("key")["value"]

    def joined(field):
        c = counted[counted["field"] == field].sort_values(["key", "value"])
        several = c["key"].duplicated(keep=False).to_numpy()  # most keys have one value: no join
        return pd.concat([c[~several].set_index("key")["value"], c[several].groupby("key")["value"].agg("; ".join)])

    out = figures.assign(name=most("shown").str[1:], kind=most("kind"), names=joined("name"),
                         outlets=joined("outlet"), roles=joined("role"), affiliations=joined("affiliation"))
    out.index = [_entity_id(k) for k in out.index]
    out = out.sort_index()
    dates = {c: [None if pd.isna(v) else pd.Timestamp(v).to_pydatetime() for v in out[c]] for c in ("first", "last")}
    return frame_columns("entities", {
        "entity_id": out.index.tolist(), "name": out["name"].tolist(), "kind": out["kind"].tolist(),
        "names": out["names"].tolist(), "n_articles": [int(v) for v in out["n_articles"]],
        "n_sources": [int(v) for v in out["n_sources"]], "n_claims": [int(v) for v in out["claims"].fillna(0)],
        "n_words_quoted": [int(v) for v in out["words"].fillna(0)], "outlets": out["outlets"].tolist(),
        "first_published": dates["first"], "last_published": dates["last"], "roles": out["roles"].tolist(),
        "affiliations": out["affiliations"].tolist()})


def _others_named_in_full(surnames: pd.DataFrame, dominant: dict[str, str], canonical_first: dict,
                          texts: TextsOf | None) -> set[str]:
    """The bare-surname sources (ids) whose own article names another person of that surname in full and not
    the corpus's: "Carter" beside "Jimmy Carter" is not "Ash Carter", whoever the corpus cites most."""
    linkable = surnames[surnames["surname"].isin(set(dominant))]
    if texts is None or not len(linkable):
        return set()
    wanted: dict[str, list] = {}
    for row in linkable.itertuples():
        wanted.setdefault(str(row.article_id), []).append(row)
    others = set()
    for article_id, text in texts(set(wanted)):
        lowered = text.lower()
        for row in wanted.get(article_id, []):
            last = row.surname
            written = str(row.name).split()[-1].strip(".,;:")
            corpus_first = dominant[last].removeprefix("person:").split()[0]
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
                others.add(str(row.source_id))
    return others


@lru_cache(maxsize=200_000)
def _person(name: str) -> tuple[str, str, str]:
    """(first name, surname, suffix) of a person's name, normalised; a single word is a surname. A name
    whose title nameparser finds outside ``titles.txt`` is no person's name ("Judicial Watch", "British
    Columbia": its list of titles holds "Judicial" and "British"): ("", "", "")."""
    words = name.split()
    if len(words) == 2 and all(_PLAIN_WORD.fullmatch(w) and w.lower() not in _name_part_words() for w in words):
        # "Dana Ruiz", most names: a first name and a surname, as nameparser reads them, ten times quicker
        return _normal(words[0]), _normal(words[1]), ""
    parsed = HumanName(name)
    if any(_normal(word) not in _titles() for word in parsed.title.split()):
        return "", "", ""
    first, last, suffix = _normal(parsed.first), _normal(parsed.last), _normal(parsed.suffix)
    if first and not last:  # "Trump": nameparser calls a lone word a first name
        first, last = "", first
    return first, last, suffix


_PLAIN_WORD = re.compile(r"[A-Z][a-z]+")


@lru_cache(maxsize=1)
def _name_part_words() -> frozenset[str]:
    """The words nameparser reads as something other than a first name or surname (titles, suffixes,
    surname prefixes, conjunctions), lower-cased: a two-word name holding none is read without it."""
    sets = (CONSTANTS.titles, CONSTANTS.suffix_acronyms, CONSTANTS.suffix_not_acronyms, CONSTANTS.prefixes,
            CONSTANTS.conjunctions, CONSTANTS.first_name_titles)
    return frozenset(word.lower() for words in sets for word in words)


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


def _first_name_variants(people: dict[tuple[str, str, str], int]) -> dict[tuple[str, str, str], str]:
    """(first, last, suffix) -> the first name it stands for: variants of one surname within FIRST_NAME_RATIO
    (and with the same initial) take the most frequent spelling (``people`` counts the sources of each)."""
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for (first, last, suffix), n in people.items():
        by_first = counts.setdefault((last, suffix), {})
        by_first[first] = by_first.get(first, 0) + n
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


def _dominant_people(core: pd.DataFrame, key_of: Callable) -> dict[str, str]:
    """Surname -> the person key a bare surname stands for (rule 2), from the articles citing each person
    (``core`` still keyed by (first, last, suffix); ``key_of`` gives a person's final key)."""
    by_surname: dict[str, dict[str, int]] = {}
    people = core[core["key"].map(lambda k: isinstance(k, tuple))] if len(core) else core
    for person, n in zip(people["key"], people.get("n_articles", [])):
        _first, last, suffix = person
        if not suffix:  # "Donald Trump Jr." is never who a bare "Trump" stands for
            people = by_surname.setdefault(last, {})
            people[key_of(person)] = people.get(key_of(person), 0) + int(n)
    dominant = {}
    for last, people in by_surname.items():
        top = max(sorted(people), key=people.get)
        if people[top] >= DOMINANT_ARTICLES and people[top] >= DOMINANT_SHARE * sum(people.values()):
            dominant[last] = top
    return dominant


@lexicons.cached
def _not_names() -> frozenset[str]:
    return frozenset(_normal(word) for word in lexicons.entries("not_names.txt"))


def _entity_id(key: str) -> str:
    return "e" + hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def claim_totals(claims: pd.DataFrame, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per source: its claims and the words it is quoted in (source_id, claims, words) - what the entities
    table counts, small enough to keep for a whole corpus when the claims are not.

    The words are those of the quoted passages of ``quotes`` (claim_id, n_words): the quotation marks'
    content, not the paraphrase around quoted words. Without ``quotes`` (tables written before there was a
    quotes table), the words of the direct and mixed claims."""
    import pyarrow as pa
    import pyarrow.compute as pc

    claims = claims.dropna(subset=["source_id"])
    if quotes is not None:
        per_claim = quotes.groupby("claim_id", sort=False)["n_words"].sum()
        words = claims["claim_id"].map(per_claim).fillna(0).astype("int64").to_numpy()
    else:
        quoted = claims["kind"].astype(str).isin(["direct", "mixed"]).to_numpy()
        texts = pa.array(claims["text"].astype(object).where(quoted, "").fillna("").tolist(), type=pa.large_string())
        words = pc.list_value_length(pc.utf8_split_whitespace(texts)).to_numpy(zero_copy_only=False)
    totals = pd.DataFrame({"source_id": claims["source_id"].astype(str).to_numpy(), "claims": 1, "words": words})
    return totals.groupby("source_id", sort=False, as_index=False)[["claims", "words"]].sum()


