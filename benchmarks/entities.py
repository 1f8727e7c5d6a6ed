"""Precision and recall of the entities rule (analystkit.entities) on hand-labelled pairs of sources.

    python benchmarks/entities.py                 # writes the pairs to label, or scores the labelled ones
    python benchmarks/entities.py --pairs 250 --missed 120

Parses the PolNeAR train and dev texts (``eval-data/attribution/``, built as ``../shared/eval/README.md``
says; measurement only) and draws two samples of pairs of sources from different articles:

- **merged**: one pair per entity cited in more than one article (so that each merge counts once, not
  the big names' thousands of pairs), of differently written names where the entity has several;
  precision is the share of these pairs that are one person or organization;
- **apart**: sources the rule kept apart although their names look alike (the same surname, or a
  rapidfuzz token-set ratio >= 80); recall is estimated as right merges over right merges plus pairs
  that are one entity but kept apart, each sample scaled up to the pool it was drawn from.

The labels hold the source ids, so the script scores the rule as it is now on pairs labelled earlier:
a pair the rule no longer merges leaves the precision figure (and, if it was one entity, is a miss).

Each pair is written with the sentence around each mention to ``eval-data/entities/pairs.csv``; fill its
``same`` column with y or n (reading the two sentences), then run the script again for the figures.
The labels stay in eval-data/ with the text they were read from (never committed).
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz

import analystkit
from analystkit.entities import _person

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT / "eval-data" / "attribution" / "polnear_train.jsonl", ROOT / "eval-data" / "attribution" / "polnear_dev.jsonl"]
PAIRS = ROOT / "eval-data" / "entities" / "pairs.csv"
MERGED_KINDS = ("person", "organization")


def context(text: str, start: int, end: int, reach: int = 110) -> str:
    left = text.rfind(". ", 0, max(0, start - 1))
    left = max(left + 2 if left >= 0 else 0, start - reach)
    right = text.find(". ", end)
    right = min(right + 1 if right >= 0 else len(text), end + reach)
    return " ".join((text[left:start] + "[[" + text[start:end] + "]]" + text[end:right]).split())


def draw(tables, n_merged: int, n_apart: int, seed: int = 12) -> pd.DataFrame:
    rng = random.Random(seed)
    s = tables.sources[tables.sources["kind"].isin(MERGED_KINDS)].reset_index(drop=True)
    texts = dict(zip(tables.articles["article_id"], tables.articles["text"]))
    rows = list(s.itertuples())
    by_entity: dict[str, list] = {}
    for r in rows:
        by_entity.setdefault(r.entity_id, []).append(r)
    # merged: one pair per entity cited in several articles (every merge decision counts once, not the
    # big names' thousands of pairs), two sources of differently written names where the entity has them
    merged_pool = []
    for group in by_entity.values():
        pairs = [(a, b) for i, a in enumerate(group) for b in group[i + 1:] if a.article_id != b.article_id]
        if pairs:
            differ = [p for p in pairs if p[0].name != p[1].name]
            merged_pool.append(rng.choice(differ or pairs))
    merged = rng.sample(merged_pool, min(len(merged_pool), n_merged))
    # apart: alike names, different entities (one representative source per entity, to keep the pool small)
    firsts = [group[0] for group in by_entity.values()]
    by_surname: dict[str, list] = {}
    for r in firsts:
        by_surname.setdefault(_person(str(r.name))[1], []).append(r)
    apart_pool = []
    for i, a in enumerate(firsts):
        for b in firsts[i + 1:]:
            if a.kind != b.kind:
                continue
            if (a.kind == "person" and _person(str(a.name))[1] == _person(str(b.name))[1]) or \
                    fuzz.token_set_ratio(str(a.name), str(b.name)) >= 80:
                apart_pool.append((a, b))
    apart = rng.sample(apart_pool, min(len(apart_pool), n_apart))
    out = []
    for sample, pool, pairs in (("merged", len(merged_pool), merged), ("apart", len(apart_pool), apart)):
        for a, b in pairs:
            out.append({"sample": sample, "pool": pool, "kind": a.kind, "source_a": a.source_id,
                        "source_b": b.source_id, "name_a": a.name, "name_b": b.name,
                        "context_a": context(texts[a.article_id], int(a.first_start), int(a.first_end)),
                        "context_b": context(texts[b.article_id], int(b.first_start), int(b.first_end)),
                        "same": ""})
    return pd.DataFrame(out)


def score(pairs: pd.DataFrame, tables) -> None:
    """Figures for the rule as it is now, on pairs labelled when they were drawn (perhaps by an earlier
    rule: a pair is counted as merged if the current rule merges it)."""
    labelled = pairs[pairs["same"].astype(str).str.strip().str.lower().isin(["y", "n"])].copy()
    entity = dict(zip(tables.sources["source_id"], tables.sources["entity_id"]))
    labelled["yes"] = labelled["same"].str.strip().str.lower() == "y"
    labelled["merged_now"] = [entity.get(a) is not None and entity.get(a) == entity.get(b)
                              for a, b in zip(labelled["source_a"], labelled["source_b"])]
    drawn = labelled[labelled["sample"] == "merged"]
    apart = labelled[labelled["sample"] == "apart"]
    merged = drawn[drawn["merged_now"]]
    print(f"labelled pairs: {len(drawn)} drawn from the merges (one per entity of {drawn['pool'].iat[0]:,}), "
          f"{len(apart)} from alike-named pairs kept apart (pool {apart['pool'].iat[0]:,})")
    print(f"the rule now merges {len(merged)} of the {len(drawn)} (the rest it keeps apart now)")
    for kind in MERGED_KINDS:
        k = merged[merged["kind"] == kind]
        if len(k):
            print(f"  precision, {kind}: {k['yes'].mean():.3f} ({int(k['yes'].sum())}/{len(k)})")
    print(f"precision of merges: {merged['yes'].mean():.3f} ({int(merged['yes'].sum())}/{len(merged)})")
    # recall, in merges: each multi-article entity is one drawn pair; a "same" pair kept apart is one missed
    # merge, in either sample (scaled up to the pool it was drawn from)
    found = merged["yes"].sum() / len(drawn) * drawn["pool"].iat[0]
    lost = (drawn["yes"] & ~drawn["merged_now"]).sum() / len(drawn) * drawn["pool"].iat[0]
    missed = (apart["yes"] & ~apart["merged_now"]).mean() * apart["pool"].iat[0] if len(apart) else 0.0
    print(f"recall of merges (estimated, per entity pair): {found / (found + lost + missed):.3f} "
          f"(kept apart though one: {int((drawn['yes'] & ~drawn['merged_now']).sum())} of the drawn merges, "
          f"{int((apart['yes'] & ~apart['merged_now']).sum())} of the {len(apart)} alike-named pairs)")
    for row in merged[~merged["yes"]].itertuples():
        print(f"  wrong merge: {row.name_a!r} ~ {row.name_b!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=300, help="merged pairs to draw")
    parser.add_argument("--missed", type=int, default=120, help="alike but apart pairs to draw")
    parser.add_argument("--redraw", action="store_true", help="draw new pairs even if a labelled file exists")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    missing = [str(p) for p in CORPORA if not p.exists()]
    if missing:
        sys.exit(f"build the PolNeAR corpora first (../shared/eval/README.md): missing {', '.join(missing)}")
    tables = analystkit.parse_many([str(p) for p in CORPORA], progress=False)
    if PAIRS.exists() and not args.redraw:
        score(pd.read_csv(PAIRS, keep_default_na=False), tables)
        return
    pairs = draw(tables, args.pairs, args.missed, seed=args.seed)
    PAIRS.parent.mkdir(parents=True, exist_ok=True)
    pairs.to_csv(PAIRS, index=False)
    print(f"wrote {len(pairs)} pairs to {PAIRS}: fill the 'same' column with y or n, then run this again")


if __name__ == "__main__":
    main()
