"""Time of the dates stage alone (``find_dates``) on a corpus, best of several runs.

    python benchmarks/dates_speed.py                                  # eval-data/attribution/polnear_dev.jsonl
    python benchmarks/dates_speed.py path/to/articles.jsonl --repeat 7 --profile

Articles are read with ``read_articles`` (the ``published`` field of each record is kept) and segmented
as ``pipeline.analyse`` does, once; only ``find_dates`` is timed. The last line gives the time, the
throughput and a fingerprint of what was found, so a speed change that alters results shows up.
"""
from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import pstats
import time
from pathlib import Path

import analystkit
from analystkit.dates import find_dates
from analystkit.segment import find_quotes, quote_view, split_sentences

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT / "eval-data" / "attribution" / "polnear_dev.jsonl")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print the 15 most expensive functions")
    args = parser.parse_args()

    records = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles, _ = analystkit.read_articles([{"text": r["text"], "published": r.get("published")} for r in records])
    inputs = []
    for article in articles:  # segmented as pipeline.analyse does
        view = quote_view(article.text)
        sentences = split_sentences(view, article.paragraphs, find_quotes(view, article.paragraphs))
        inputs.append((article.text, sentences, article.published.date() if article.published else None))
    chars = sum(len(text) for text, _, _ in inputs)

    def run():
        return [find_dates(text, sentences, published) for text, sentences, published in inputs]

    found = run()  # warm-up: patterns compile once
    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        run()
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(15)
        print(out.getvalue())
    digest = hashlib.sha1(repr([[(d.start, d.end, d.value, d.timex, d.kind) for d in ds] for ds in found])
                          .encode()).hexdigest()[:10]
    print(f"find_dates: {len(inputs)} articles, {chars:,} chars, {sum(map(len, found))} dates, "
          f"{best * 1000:.1f} ms (best of {args.repeat}), {chars / best / 1e6:.2f} M chars/s, results {digest}")


if __name__ == "__main__":
    main()
