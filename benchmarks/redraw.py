"""How long the TimelineExplorer takes to redraw after a change or a zoom, at 5,000 and 50,000 events.

    python benchmarks/redraw.py                    # 5k and 50k events
    python benchmarks/redraw.py --events 5000 --repeat 10

Builds a corpus big enough for each figure: the PolNeAR train texts repeated with their own titles,
dates and outlets (``benchmarks/scale.py`` writes it into ``eval-data/scale/``; never committed), or,
without them, the bundled data/ articles with a title and date of their own per copy. Parses it once
(all cores), opens a TimelineExplorer, and times each kind of change as the kernel does it in a notebook:
the date slider, a source-kind toggle, a claim-kind toggle, the outlet and article pickers, the text
search, a zoom into a month (single events) and a zoom back out (counts per lane), and a click on an event.
The time is from the change to the chart's new data and the status line written, on the kernel's side;
the browser's drawing is not in it (the chart never draws more than ``detail_limit`` marks).

Target (issue 12): every redraw < 200 ms at 50k events.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from bokeh.events import RangesUpdate, Reset

import analystkit
from analystkit.widgets import TimelineExplorer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.scale import CORPORA, TRAIN, build_corpus  # noqa: E402

DAY_MS = 86_400_000


def corpus_for(events: int) -> list:
    """Inputs that give at least ``events`` reported events (about 9 per PolNeAR article, 6 per data/ one)."""
    if TRAIN.exists():
        n = max(100, int(events / 8.5) + 50)
        return [str(build_corpus(n, CORPORA / f"polnear-{n}.jsonl"))]
    articles, _ = analystkit.read_articles([ROOT / "data"])
    rng = random.Random(12)
    copies = events // 6 // len(articles) + 1
    return [{"text": a.raw_text, "title": f"{a.title or 'article'} (copy {i + 1})",
             "published": (date(2015, 1, 1) + timedelta(days=rng.randrange(3000))).isoformat(),
             "outlet": f"Outlet {i % 7 + 1}"} for i in range(copies) for a in articles]


def clear_filters(explorer: TimelineExplorer) -> None:
    """Every filter back to showing all, and the whole range (each kind of change starts from there)."""
    explorer.search.value = ""
    explorer.outlet.value = explorer.article.value = explorer.source.value = None
    for toggle in [*explorer.source_kinds.values(), *explorer.claim_kinds.values()]:
        toggle.value = True
    explorer._reset(Reset(explorer.timeline.figure))


def time_changes(explorer: TimelineExplorer, repeat: int) -> dict[str, list[float]]:
    options = explorer.date_range.options
    outlets = [value for _, value in explorer.outlet.options]
    articles = [value for _, value in explorer.article.options]
    events = explorer._events
    middle = float(events["x0"].median())
    figure = explorer.timeline.figure

    def click(i):
        t = explorer.timeline
        source = next((s for s in (t.points, t.bars, t.vague) if s.data["event_id"]), None)
        if source is None:
            raise SystemExit("no single event in view to click")
        source.selected.indices = [i % len(source.data["event_id"])]

    changes = {
        "date slider": lambda i: setattr(explorer.date_range, "index", (i % 50, len(options) - 1 - i % 50)),
        "source-kind toggle": lambda i: setattr(explorer.source_kinds["anonymous"], "value", i % 2 == 1),
        "claim-kind toggle": lambda i: setattr(explorer.claim_kinds["direct"], "value", i % 2 == 1),
        "outlet picker": lambda i: setattr(explorer.outlet, "value", outlets[i % len(outlets)]),
        "article picker": lambda i: setattr(explorer.article, "value", articles[i % min(len(articles), 6)]),
        "text search": lambda i: setattr(explorer.search, "value", ["officials", "said", "white house", "", "trump"][i % 5]),
        "zoom to a week": lambda i: explorer._zoomed(RangesUpdate(figure, x0=middle + i * DAY_MS,
                                                                  x1=middle + (i + 7) * DAY_MS, y0=0, y1=1)),
        "reset (double-click)": lambda i: explorer._reset(Reset(figure)),
        "click an event": click,
    }
    times: dict[str, list[float]] = {}
    for name, change in changes.items():
        times[name] = []
        for i in range(repeat):
            if name == "click an event":
                explorer._zoomed(RangesUpdate(figure, x0=middle, x1=middle + 7 * DAY_MS, y0=0, y1=1))
            t0 = time.perf_counter()
            change(i)
            times[name].append(time.perf_counter() - t0)
        clear_filters(explorer)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, nargs="+", default=[5000, 50000])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    for wanted in args.events:
        t0 = time.perf_counter()
        tables = analystkit.parse_many(corpus_for(wanted), progress=False)
        parsed = time.perf_counter() - t0
        reported = tables.events[tables.events["kind"] == "reported"]
        keep = reported["article_id"].drop_duplicates().iloc[: max(1, int(len(reported["article_id"].unique())
                                                                            * wanted / max(len(reported), 1)) + 1)]
        tables = tables.subset(keep)
        n_events = int((tables.events["kind"] == "reported").sum())
        t0 = time.perf_counter()
        explorer = TimelineExplorer(tables)
        opened = time.perf_counter() - t0
        print(f"{n_events:,} events in {len(tables.articles):,} articles (parsed in {parsed:.0f} s); "
              f"TimelineExplorer opens in {1000 * opened:.0f} ms; first view: "
              f"{'counts per ' + explorer.timeline.view.bin_name if explorer.timeline.view.aggregated else 'single events'}")
        worst = 0.0
        for name, times in time_changes(explorer, args.repeat).items():
            worst = max(worst, max(times))
            print(f"  {name:<22} median {1000 * statistics.median(times):6.1f} ms   worst {1000 * max(times):6.1f} ms")
        print(f"redraw at {n_events:,} events: worst {1000 * worst:.0f} ms (target < 200 ms)")


if __name__ == "__main__":
    main()
