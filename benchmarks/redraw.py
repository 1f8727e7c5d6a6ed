"""How long the widgets take to redraw after a change, with 5,000+ events.

    python benchmarks/redraw.py [--copies 100]

Builds a batch by parsing the data/ articles ``--copies`` times (each copy is its own
article with its own ids), opens a TimelineExplorer on it, then times each kind of
change: the date slider, a source-kind toggle, a claim-kind toggle, the article picker,
the text search. Prints the median and worst time per change, wall clock and CPU time of this process.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import analystkit  # noqa: E402
from analystkit.widgets import SourceExplorer, TimelineExplorer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    articles, _ = analystkit.read_articles([ROOT / "data"])
    texts = [a.raw_text for a in articles] * args.copies
    tables = analystkit.parse_many(texts)
    n_events = int((tables.events["kind"] == "reported").sum())
    print(f"batch: {len(tables.articles)} articles, {n_events} reported events, {len(tables.claims)} claims")

    start = time.perf_counter()
    explorer = TimelineExplorer(tables)
    print(f"TimelineExplorer opens in {1000 * (time.perf_counter() - start):.0f} ms")
    options = explorer.date_range.options
    changes = {
        "date slider": lambda i: setattr(explorer.date_range, "index", (i % 50, len(options) - 1 - i % 50)),
        "source-kind toggle": lambda i: setattr(explorer.source_kinds["anonymous"], "value", i % 2 == 1),
        "claim-kind toggle": lambda i: setattr(explorer.claim_kinds["direct"], "value", i % 2 == 1),
        "article picker": lambda i: setattr(explorer.article, "value", explorer.article.options[1 + i % 5][1]),
        "text search": lambda i: setattr(explorer.search, "value", ["officials", "said", "white house", "", "nasa"][i % 5]),
    }
    worst_overall = worst_cpu = 0.0
    for name, change in changes.items():
        times, cpu = [], []
        for i in range(args.repeat * 2):
            t0, c0 = time.perf_counter(), time.process_time()
            change(i)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        worst_overall, worst_cpu = max(worst_overall, max(times)), max(worst_cpu, max(cpu))
        print(f"  {name:<20} median {1000 * statistics.median(times):6.0f} ms   worst {1000 * max(times):6.0f} ms"
              f"   (CPU: median {1000 * statistics.median(cpu):4.0f} ms, worst {1000 * max(cpu):4.0f} ms)")

    source_explorer = SourceExplorer(tables)
    times = []
    for i in range(args.repeat):
        t0 = time.perf_counter()
        source_explorer.scope.value = source_explorer.scope.options[1 + i][1]
        times.append(time.perf_counter() - t0)
    worst_overall = max(worst_overall, max(times))
    print(f"  {'SourceExplorer scope':<20} median {1000 * statistics.median(times):6.0f} ms   worst {1000 * max(times):6.0f} ms")
    print(f"redraw: worst {1000 * worst_overall:.0f} ms wall, {1000 * worst_cpu:.0f} ms CPU, over {n_events} events"
          " (target < 200 ms; on a busy machine the CPU figure is the fairer one)")


if __name__ == "__main__":
    main()
