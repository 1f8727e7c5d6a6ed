"""What a parse costs in machine instructions: a figure that does not move with the machine's load.

    python benchmarks/instructions.py                                   # 80 PolNeAR articles
    python benchmarks/instructions.py --articles 200 --against /tmp/base  # this tree vs another checkout

Wall and CPU seconds on a shared machine vary by 10-30 % from run to run, more than most changes to the
parse's speed. valgrind counts the instructions a process runs instead (callgrind, without cache
simulation, with a fixed hash seed), the same on every run. The script counts a process that imports analystkit and parses the
first ``--articles`` texts of the corpus in memory (``parse_many(jobs=1)``), and one that only imports it,
and prints the difference per character of article text. ``--against DIR`` counts the checkout in DIR too
(a ``git worktree`` of an earlier commit, say) and prints the ratio: below 1, this tree runs fewer.

Instructions are not seconds: a cache miss costs more than an addition. Use them to compare two versions of
the code, and the seconds of ``throughput.py`` and ``scale.py`` for what a user waits. Under valgrind the
parse runs about 50 times slower: 80 articles take a minute or two.

The corpus is the PolNeAR scale corpus that ``benchmarks/scale.py`` builds (``eval-data/scale/``, never
committed).
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "eval-data" / "scale" / "polnear-2000.jsonl"

# run in a child process with the tree to measure first on sys.path
PARSE = """
import json, sys
import analystkit
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")][:int(sys.argv[2])]
if texts:
    analystkit.parse_many(texts, jobs=1, progress=False)
"""


def instructions(tree: Path, corpus: Path, articles: int) -> int:
    """Instructions valgrind counts for importing analystkit from ``tree`` and parsing ``articles`` texts."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "callgrind.out"
        run = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c", PARSE,
             str(corpus), str(articles)],
            # a fixed hash seed: string hashes, and so the order of sets, would otherwise move the count by ~1 %
            cwd=tree, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0"},
            capture_output=True, text=True)
    counted = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    if run.returncode != 0 or counted is None:
        raise SystemExit(f"valgrind run in {tree} failed:\n{run.stderr[-2000:]}")
    return int(counted[1].replace(",", ""))


def parse_cost(tree: Path, corpus: Path, articles: int) -> int:
    """Instructions of the parse alone: the run with ``articles`` texts minus the run that only imports."""
    # compile the package first: a fresh checkout would otherwise count Python compiling its modules
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "analystkit")], check=True)
    return instructions(tree, corpus, articles) - instructions(tree, corpus, 0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="JSON Lines with a text field (default: %(default)s)")
    ap.add_argument("--articles", type=int, default=80, help="how many texts to parse (default: %(default)s)")
    ap.add_argument("--against", type=Path, help="another checkout of the repository to count as well")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    if not args.corpus.exists():
        raise SystemExit(f"{args.corpus} does not exist: build it with python benchmarks/scale.py --sizes 2000")
    with open(args.corpus, encoding="utf-8") as lines:
        chars = sum(len(json.loads(line)["text"]) for _, line in zip(range(args.articles), lines))
    here = parse_cost(ROOT, args.corpus, args.articles)
    print(f"corpus: {args.corpus.relative_to(ROOT) if args.corpus.is_relative_to(ROOT) else args.corpus} "
          f"(first {args.articles} articles, {chars:,} characters)")
    print(f"this tree:  {here:,} instructions, {here / chars:,.0f} per character")
    if args.against:
        there = parse_cost(args.against.resolve(), args.corpus, args.articles)
        print(f"{args.against}:  {there:,} instructions, {there / chars:,.0f} per character")
        print(f"ratio this tree / {args.against}: {here / there:.3f}")


if __name__ == "__main__":
    main()
