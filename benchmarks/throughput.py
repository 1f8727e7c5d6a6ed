"""Whole-parse throughput (ingest to tables) on one core, and where the time goes.

    python benchmarks/throughput.py                       # the data/ articles
    python benchmarks/throughput.py eval-data/attribution/polnear_dev.jsonl --stages --profile

Prints characters of article text per second for ``parse_many`` over all documents
(one process, one core), best of ``--repeat`` runs. Each run starts cold: the caches that remember what
was read (phrases, names, offsets) are emptied first, so a repeat does not profit from the run before. ``--stages`` adds where the time goes, stage by
stage (CPU time, best of the runs); ``--profile`` the most expensive functions (cProfile, which
inflates small functions). The machine is shared and noisy: compare figures from the same run.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import time
from contextlib import contextmanager
from pathlib import Path

import analystkit
from analystkit import pipeline

ROOT = Path(__file__).resolve().parent.parent


# made-up text that touches every stage once, so that patterns are compiled before timing starts
WARM_UP = ("Mayor Says Bridge Will Reopen Next Week\n\nMarch 3, 2024\n\nThe agency said on Monday that the bridge would reopen next week, according to a "
           "statement. “We are ready,” a senior official told reporters. She declined to comment further.")


def cold_start() -> None:
    """Empty every cache derived from lexicons or text, then compile the patterns again on made-up text."""
    analystkit.lexicons.reload()
    analystkit.parse(WARM_UP)


def load_texts(path: Path) -> list[str]:
    if path.suffix == ".jsonl":
        return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles, _ = analystkit.read_articles([path])
    return [a.raw_text for a in articles]


# the functions parse_many calls for each stage, by the names pipeline.py uses for them
STAGES = {
    "ingest+clean": ["read_articles"],
    "segment": ["quote_view", "find_quotes", "split_sentences"],
    "attribution": ["find_claims"],
    "sources": ["merge_sources"],
    "dates": ["find_dates"],
    "events": ["build_events"],
    "tables": ["build_tables"],
}


@contextmanager
def stage_timer(totals: dict[str, float]):
    """Wrap each stage's functions in pipeline.py so that their CPU time adds up in ``totals``."""
    originals = {}
    for stage, names in STAGES.items():
        for name in names:
            original = originals[name] = getattr(pipeline, name)

            def timed(*args, _original=original, _stage=stage, **kwargs):
                start = time.process_time()
                try:
                    return _original(*args, **kwargs)
                finally:
                    totals[_stage] = totals.get(_stage, 0.0) + time.process_time() - start

            setattr(pipeline, name, timed)
    try:
        yield
    finally:
        for name, original in originals.items():
            setattr(pipeline, name, original)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT / "data",
                        help="a folder of articles or a .jsonl file with a 'text' field (default: data/)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stages", action="store_true", help="print the time each stage takes")
    parser.add_argument("--profile", action="store_true", help="print the 15 most expensive functions")
    args = parser.parse_args()

    texts = load_texts(args.corpus)
    chars = sum(map(len, texts))
    best = float("inf")
    for _ in range(args.repeat):
        cold_start()
        start = time.perf_counter()
        tables = analystkit.parse_many(texts)
        best = min(best, time.perf_counter() - start)
    print(f"corpus: {args.corpus} ({len(texts)} documents, {chars:,} characters)")
    print(f"parsed: {len(tables.articles)} articles, {len(tables.claims)} claims, {len(tables.dates)} dates")
    if args.stages:
        best_stage: dict[str, float] = {}
        for _ in range(args.repeat):
            totals: dict[str, float] = {}
            cold_start()
            with stage_timer(totals):
                analystkit.parse_many(texts)
            for stage, seconds in totals.items():
                best_stage[stage] = min(best_stage.get(stage, seconds), seconds)
        whole = sum(best_stage.values())
        print("stages (CPU ms, best of each):")
        for stage in STAGES:
            ms = best_stage.get(stage, 0.0) * 1000
            print(f"  {stage:13s} {ms:7.1f} ms  {100 * ms / 1000 / whole:5.1f}%")
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
