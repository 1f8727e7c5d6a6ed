"""Whole-parse throughput (ingest to tables) on one core, and where the time goes.

    python benchmarks/throughput.py                       # the data/ articles
    python benchmarks/throughput.py eval-data/attribution/polnear_dev.jsonl --stages --profile
    python benchmarks/throughput.py eval-data/attribution/polnear_dev.jsonl --vs-dateparser --dateparser-docs 20

Prints characters of article text per second for ``parse_many`` over all documents
(one process, one core), best and median of ``--repeat`` runs. Each run starts cold: the caches that remember what
was read (phrases, names, offsets) are emptied first, so a repeat does not profit from the run before. ``--stages`` adds where the time goes, stage by
stage (CPU time, best of the runs); ``--profile`` the most expensive functions (cProfile, which
inflates small functions). The machine is shared and noisy: compare figures from the same run.

``--vs-dateparser`` also times dateparser's ``search_dates`` on the same texts, one call per document
with the settings of the dateparser peer (``../shared/eval/temporal/peers/dateparser_peer.py``: English,
the publication date as RELATIVE_BASE), and prints its chars/s and the ratio whole parse / dateparser
for the median and the best parse run (the target is >= 10x). Only ``search_dates`` is timed, not the
peer's re-parse of each hit, so the ratio is if anything in dateparser's favour. dateparser can be slow
(``../shared/eval/README.md`` gives ~30-45k chars/s on TimeBank), so it runs once, after a warm-up call,
over the first ``--dateparser-docs`` documents (default: all); its chars/s counts only those. Without
dateparser installed it says so and skips.

``--cli N`` also runs the command line end to end on a corpus of N articles built from the PolNeAR train
texts (as ``benchmarks/scale.py`` builds it: files in, Parquet tables out, ``--jobs 1``, ``--repeat`` runs)
and prints its median MB/s beside the in-memory figure: it adds reading JSON Lines, publication dates and
writing the tables, which the in-memory figure leaves out.

``--ceiling`` times the parse again with attribution replaced by nothing (no claims, so no sources,
quotes or claim events either), then with dates too: how fast the rest runs, which bounds what
speeding up the other stages alone could give (issue 11 asks for 2 MB/s end to end).

The last line is always the whole parse::

    throughput: 1,955,643 chars/s on one core (1.956 MB/s), best of 7; median 1.902 MB/s
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import statistics
import time
from contextlib import contextmanager
from datetime import datetime
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


def load_documents(path: Path) -> tuple[list[str], list[datetime | None]]:
    """The texts to parse and, for dateparser's RELATIVE_BASE, each one's publication date (or None)."""
    if path.suffix == ".jsonl":
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [r["text"] for r in records], [parse_published(r.get("published")) for r in records]
    articles, _ = analystkit.read_articles([path])
    return [a.raw_text for a in articles], [a.published for a in articles]


def parse_published(value: str | None) -> datetime | None:
    """'2016-09-12' or '2016-09-12T10:00:00' -> datetime; anything else -> None (dateparser then uses now)."""
    try:
        return datetime.fromisoformat(value[:19]) if value else None
    except ValueError:
        return None


# the functions parse_many calls for each stage, by the names pipeline.py uses for them
STAGES = {
    "ingest+clean": ["prepare"],
    "segment": ["quote_view", "find_quotes", "split_sentences"],
    "attribution": ["find_claims"],
    "sources": ["merge_sources"],
    "dates": ["find_dates"],
    "events": ["build_events"],
    "tables": ["build_tables"],
}


@contextmanager
def replaced(functions: dict):
    """Put ``functions`` (name -> function) in place of pipeline.py's own for the duration."""
    originals = {name: getattr(pipeline, name) for name in functions}
    try:
        for name, function in functions.items():
            setattr(pipeline, name, function)
        yield
    finally:
        for name, original in originals.items():
            setattr(pipeline, name, original)


def stage_timer(totals: dict[str, float]):
    """Wrap each stage's functions in pipeline.py so that their CPU time adds up in ``totals``."""
    def timed(original, stage):
        def wrapper(*args, **kwargs):
            start = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                totals[stage] = totals.get(stage, 0.0) + time.process_time() - start
        return wrapper

    return replaced({name: timed(getattr(pipeline, name), stage) for stage, names in STAGES.items() for name in names})


def time_parse(texts: list[str], repeat: int):
    """Parse all texts ``repeat`` times from cold; return the tables of the last run and each run's seconds."""
    seconds = []
    for _ in range(repeat):
        cold_start()
        start = time.perf_counter()
        tables = analystkit.parse_many(texts, jobs=1)
        seconds.append(time.perf_counter() - start)
    return tables, seconds


def time_dateparser(texts: list[str], published: list[datetime | None]) -> float | None:
    """Seconds dateparser's search_dates takes over ``texts``, one call each; None if dateparser is missing."""
    try:
        from dateparser.search import search_dates
    except ImportError as error:
        print(f"dateparser: not importable ({error}); --vs-dateparser skipped")
        return None
    # the first call loads dateparser's language data; that is a one-off cost, not reading speed
    search_dates(WARM_UP, languages=["en"])
    start = time.perf_counter()
    for text, base in zip(texts, published):
        # the settings of ../shared/eval/temporal/peers/dateparser_peer.py (predict)
        settings = {"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "current_period"}
        if base is not None:
            settings["RELATIVE_BASE"] = base.replace(tzinfo=None)
        search_dates(text, languages=["en"], settings=settings)
    return time.perf_counter() - start


def print_vs_dateparser(texts: list[str], published: list[datetime | None], docs: int | None,
                        parse_best: float, parse_median: float) -> None:
    """Time dateparser on the first ``docs`` texts and print its speed next to the whole parse (chars/s)."""
    texts, published = texts[:docs], published[:docs]
    seconds = time_dateparser(texts, published)
    if seconds is None:
        return
    chars = sum(map(len, texts))
    speed = chars / seconds
    print(f"dateparser search_dates: {speed:,.0f} chars/s on one core over {len(texts)} documents "
          f"({chars:,} characters), one run")
    print(f"whole parse / dateparser: {parse_median / speed:.1f}x (median parse run), "
          f"{parse_best / speed:.1f}x (best); target >= 10x")


def print_ceiling(texts: list[str], repeat: int, chars: int, median: float) -> None:
    """Median throughput with the claims stage, then the claims and dates stages, replaced by nothing."""
    stubs = [("without attribution", {"find_claims": lambda *args, **kwargs: []}),
             ("without attribution and dates", {"find_claims": lambda *args, **kwargs: [],
                                               "find_dates": lambda *args, **kwargs: []})]
    print(f"ceiling (median of {repeat}): whole parse {median / 1e6:.3f} MB/s")
    for label, replacements in stubs:
        with replaced(replacements):
            _, seconds = time_parse(texts, repeat)
        print(f"  {label:30s} {chars / statistics.median(seconds) / 1e6:.3f} MB/s")


def print_cli(n: int, repeat: int, in_memory_median: float) -> None:
    """Time the command line end to end on N articles (median of ``repeat`` runs, one job)."""
    import tempfile

    from scale import CORPORA, build_corpus, corpus_chars, run_cli

    corpus = build_corpus(n, CORPORA / f"polnear-{n}.jsonl")
    chars, _ = corpus_chars(corpus)
    with tempfile.TemporaryDirectory() as scratch:
        seconds = statistics.median(run_cli(corpus, 1, Path(scratch) / "out")[0] for _ in range(repeat))
    print(f"command line, end to end: {chars / seconds / 1e6:.3f} MB/s median of {repeat} over {n:,} articles "
          f"({chars:,} characters, --jobs 1, process start included); in memory {in_memory_median / 1e6:.3f} MB/s median")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT / "data",
                        help="a folder of articles or a .jsonl file with a 'text' field (default: data/)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stages", action="store_true", help="print the time each stage takes")
    parser.add_argument("--profile", action="store_true", help="print the 15 most expensive functions")
    parser.add_argument("--vs-dateparser", action="store_true",
                        help="also time dateparser's search_dates on the same texts and print the speed ratio")
    parser.add_argument("--cli", type=int, metavar="N",
                        help="also time `analystkit parse --jobs 1` end to end on a corpus of N PolNeAR-train articles")
    parser.add_argument("--ceiling", action="store_true",
                        help="also time the parse without attribution, then without attribution and dates")
    parser.add_argument("--dateparser-docs", type=int, metavar="N",
                        help="time dateparser over the first N documents only (default: all)")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.dateparser_docs is not None and args.dateparser_docs < 1:
        parser.error("--dateparser-docs must be at least 1")

    texts, published = load_documents(args.corpus)
    chars = sum(map(len, texts))
    tables, seconds = time_parse(texts, args.repeat)
    best = chars / min(seconds)
    median = chars / statistics.median(seconds)
    print(f"corpus: {args.corpus} ({len(texts)} documents, {chars:,} characters)")
    print(f"parsed: {len(tables.articles)} articles, {len(tables.claims)} claims, {len(tables.dates)} dates")
    if args.stages:
        best_stage: dict[str, float] = {}
        for _ in range(args.repeat):
            totals: dict[str, float] = {}
            cold_start()
            with stage_timer(totals):
                analystkit.parse_many(texts, jobs=1)
            for stage, stage_seconds in totals.items():
                best_stage[stage] = min(best_stage.get(stage, stage_seconds), stage_seconds)
        whole = sum(best_stage.values())
        print("stages (CPU ms, best of each):")
        for stage in STAGES:
            ms = best_stage.get(stage, 0.0) * 1000
            print(f"  {stage:13s} {ms:7.1f} ms  {100 * ms / 1000 / whole:5.1f}%")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        analystkit.parse_many(texts, jobs=1)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(15)
        print(out.getvalue())
    if args.vs_dateparser:
        print_vs_dateparser(texts, published, args.dateparser_docs, best, median)
    if args.ceiling:
        print_ceiling(texts, args.repeat, chars, median)
    if args.cli:
        print_cli(args.cli, args.repeat, median)
    print(f"throughput: {best:,.0f} chars/s on one core ({best / 1e6:.3f} MB/s), best of {args.repeat}; "
          f"median {median / 1e6:.3f} MB/s")


if __name__ == "__main__":
    main()
