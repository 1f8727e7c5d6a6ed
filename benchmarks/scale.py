"""Corpus scale: peak memory, wall time and throughput of ``analystkit parse`` on a corpus of real news.

    python benchmarks/scale.py                              # 5k and 20k articles, --jobs 1 and 2
    python benchmarks/scale.py --sizes 1000 --jobs 1 2 --repeat 3

Builds a corpus of N articles from the PolNeAR train texts (``eval-data/attribution/polnear_train.jsonl``,
built as ``../shared/eval/README.md`` says; never committed): each text is repeated with a varied title,
publication date and one distinct closing line, written as JSON Lines without ids into
``eval-data/scale/`` (git-ignored). Then it runs the command line end to end (files in, Parquet tables
out, as a user would) and prints, per size and ``--jobs``: wall time (median of ``--repeat``), MB/s of
article text, peak RSS of the whole process tree (main and workers, sampled every 50 ms with psutil),
and its PSS (shared pages split between processes). Last, the time of a plain tokenising pass (``re.findall(r"\\w+|[^\\w\\s]")``
over the same texts, one core) as the reference for how close to the limit the parse runs.

``--check`` then checks the acceptance of issue 11 on the same corpora: a ``--jobs 2`` run of the largest
size interrupted part-way with SIGINT and finished with ``--resume`` gives the articles and claims of one
clean run, no id twice; and the smallest size (the first records of the largest) has ids that are a subset
of the largest's, with the same claims.

Targets (issue 11, on a 2-core machine): peak RSS at 20k <= 1.25 x that at 5k and <= 700 MB;
``--jobs 2`` >= 1.6 x faster than ``--jobs 1``; ``--jobs 1`` throughput >= 0.08 x the tokenising pass.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT / "eval-data" / "attribution" / "polnear_train.jsonl"
CORPORA = ROOT / "eval-data" / "scale"
ANALYSTKIT = [sys.executable, "-m", "analystkit"]

_OUTLETS = ["The Daily Ledger", "Capitol Wire", "Northern Courier", "The Evening Post", "Valley Tribune"]
_TOPICS = ["campaign", "Senate", "primary", "debate", "White House", "polls", "convention", "governor"]


def build_corpus(n: int, path: Path) -> Path:
    """N articles from the PolNeAR train texts, each with its own title, date, outlet and closing line."""
    if path.exists():
        return path
    texts = [json.loads(line)["text"] for line in TRAIN.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(11)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    with open(temporary, "w", encoding="utf-8") as f:
        for i in range(n):
            text = texts[i % len(texts)]
            published = date(2015, 1, 1) + timedelta(days=rng.randrange(700))
            topic = rng.choice(_TOPICS)
            record = {
                "title": f"{topic.title()} report {i + 1}: {text.split('.')[0][:60].strip()}",
                "published": published.isoformat(),
                "outlet": rng.choice(_OUTLETS),
                "text": f"{text}\n\nThis is dispatch number {i + 1} of the {topic} desk.",
            }
            f.write(json.dumps(record) + "\n")
    temporary.rename(path)
    return path


def corpus_chars(path: Path) -> tuple[int, list[str]]:
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return sum(len(t) for t in texts), texts


def run_cli(corpus: Path, jobs: int, out: Path) -> tuple[float, int, int]:
    """Wall seconds, peak RSS and peak PSS (bytes, summed over the process tree) of one ``analystkit parse``
    run. RSS counts pages the forked workers share with their parent once per process; PSS splits them."""
    if out.exists():
        shutil.rmtree(out)
    started = time.perf_counter()
    process = subprocess.Popen(ANALYSTKIT + ["parse", str(corpus), "--out", str(out), "--jobs", str(jobs), "-q"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(process.pid)
    peak = peak_pss = 0
    while process.poll() is None:
        try:
            tree = [root] + root.children(recursive=True)
            infos = [p.memory_full_info() for p in tree if p.is_running()]
            peak = max(peak, sum(i.rss for i in infos))
            peak_pss = max(peak_pss, sum(i.pss for i in infos))
        except psutil.Error:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"analystkit parse failed ({process.returncode}): {process.stderr.read()}")
    return seconds, peak, peak_pss


def interrupted_then_resumed(corpus: Path, out: Path, after: float) -> tuple[int, float]:
    """Run ``--jobs 2``, send SIGINT ``after`` seconds in, then ``--resume``; the batches written before the
    interruption and the seconds the resume took."""
    import signal

    if out.exists():
        shutil.rmtree(out)
    command = ANALYSTKIT + ["parse", str(corpus), "--out", str(out), "--jobs", "2", "-q"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    time.sleep(after)
    process.send_signal(signal.SIGINT)
    code = process.wait(120)
    if code != 130:
        raise SystemExit(f"the interrupted run exited {code}, not 130: {process.stderr.read()}")
    written = len((out / "_batches.jsonl").read_text().splitlines())
    started = time.perf_counter()
    subprocess.run(command + ["--resume"], check=True)
    return written, time.perf_counter() - started


def check(small: Path, large: Path, scratch: Path) -> None:

    sys.path.insert(0, str(ROOT))
    import analystkit

    clean_out, resumed_out, small_out = scratch / "clean", scratch / "resumed", scratch / "small"
    seconds, _, _ = run_cli(large, 2, clean_out)
    written, resume_seconds = interrupted_then_resumed(large, resumed_out, after=seconds / 3)
    clean = analystkit.read_tables(clean_out, text=False)
    resumed = analystkit.read_tables(resumed_out, text=False)
    same = (clean.articles.article_id.equals(resumed.articles.article_id) and clean.claims.equals(resumed.claims)
            and clean.sources.equals(resumed.sources) and clean.dates.equals(resumed.dates))
    unique = resumed.articles.article_id.is_unique and resumed.claims.claim_id.is_unique
    print(f"resume: SIGINT after {seconds / 3:.0f} s ({written} batches written), --resume took {resume_seconds:.1f} s; "
          f"{len(resumed.articles):,} articles, {len(resumed.claims):,} claims; same as one clean run: {same}; "
          f"no id twice: {unique}")
    run_cli(small, 1, small_out)
    part = analystkit.read_tables(small_out, text=False)
    subset = set(part.articles.article_id) <= set(clean.articles.article_id)
    whole = clean.claims[clean.claims.article_id.isin(part.articles.article_id)].reset_index(drop=True)
    print(f"subset: the {len(part.articles):,} ids of the first records are a subset of the {len(clean.articles):,}: "
          f"{subset}; with the same claims: {whole.equals(part.claims)}")


def tokenise_seconds(texts: list[str]) -> float:
    token = re.compile(r"\w+|[^\w\s]")
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for text in texts:
            token.findall(text)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1, help="runs per size and jobs (the median is printed)")
    parser.add_argument("--check", action="store_true",
                        help="also check interrupt + --resume and the first-records subset (issue 11 acceptance)")
    args = parser.parse_args()
    if not TRAIN.exists():
        raise SystemExit(f"{TRAIN} is missing: build it as ../shared/eval/README.md says")
    results = {}
    for n in args.sizes:
        corpus = build_corpus(n, CORPORA / f"polnear-{n}.jsonl")
        chars, texts = corpus_chars(corpus)
        with tempfile.TemporaryDirectory() as scratch:
            for jobs in args.jobs:
                runs = [run_cli(corpus, jobs, Path(scratch) / "out") for _ in range(args.repeat)]
                seconds = statistics.median(r[0] for r in runs)
                peak = max(r[1] for r in runs)
                pss = max(r[2] for r in runs)
                results[n, jobs] = (seconds, peak)
                print(f"{n:>7,} articles  --jobs {jobs}  {seconds:7.1f} s  {chars / seconds / 1e6:5.2f} MB/s  "
                      f"{n / seconds:6.0f} articles/s  peak RSS {peak / 1e6:6.0f} MB (PSS {pss / 1e6:4.0f} MB)",
                      flush=True)
        tokenise = tokenise_seconds(texts)
        print(f"{n:>7,} articles  tokenising pass {tokenise:.2f} s ({chars / tokenise / 1e6:.1f} MB/s); "
              f"parse --jobs 1 runs at {tokenise / results.get((n, 1), (float('nan'),))[0]:.3f} x it", flush=True)
    sizes = sorted(args.sizes)
    if len(sizes) > 1 and 1 in args.jobs:
        small, large = results[sizes[0], 1][1], results[sizes[-1], 1][1]
        print(f"memory: peak RSS at {sizes[-1]:,} is {large / small:.2f} x that at {sizes[0]:,} (--jobs 1)")
    for n in sizes:
        if (n, 1) in results and (n, 2) in results:
            print(f"speed-up of --jobs 2 over --jobs 1 at {n:,} articles: {results[n, 1][0] / results[n, 2][0]:.2f} x")
    if args.check:
        with tempfile.TemporaryDirectory() as scratch:
            check(CORPORA / f"polnear-{sizes[0]}.jsonl", CORPORA / f"polnear-{sizes[-1]}.jsonl", Path(scratch))


if __name__ == "__main__":
    main()
