"""Whole-parse throughput (ingest to tables) on one core, and where the time goes.

    python benchmarks/throughput.py                       # the data/ articles
    python benchmarks/throughput.py eval-data/attribution/polnear_dev.jsonl --profile

Prints characters of article text per second for ``parse_many`` over all documents
(one process, one core), best of ``--repeat`` runs.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import time
from pathlib import Path

import analystkit

ROOT = Path(__file__).resolve().parent.parent


def load_texts(path: Path) -> list[str]:
    if path.suffix == ".jsonl":
        return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles, _ = analystkit.read_articles([path])
    return [a.raw_text for a in articles]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT / "data",
                        help="a folder of articles or a .jsonl file with a 'text' field (default: data/)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="print the 15 most expensive functions")
    args = parser.parse_args()

    texts = load_texts(args.corpus)
    chars = sum(map(len, texts))
    analystkit.parse_many(texts[:1])  # warm-up: lexicons and regexes compile once
    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        tables = analystkit.parse_many(texts)
        best = min(best, time.perf_counter() - start)
    print(f"corpus: {args.corpus} ({len(texts)} documents, {chars:,} characters)")
    print(f"parsed: {len(tables.articles)} articles, {len(tables.claims)} claims, {len(tables.dates)} dates")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        analystkit.parse_many(texts)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(15)
        print(out.getvalue())
    print(f"throughput: {chars / best:,.0f} chars/s on one core ({chars / best / 1e6:.3f} MB/s), best of {args.repeat}")


if __name__ == "__main__":
    main()
