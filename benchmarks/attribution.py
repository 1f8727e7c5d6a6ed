"""Attribution figures in one run: PolNeAR dev (and train), the seed, and claims per article of data/.

    python benchmarks/attribution.py                 # dev split, seed, data/
    python benchmarks/attribution.py --train         # the train split too: rules are tuned on it, so a gap
                                                     # between train and dev is worth watching
    python benchmarks/attribution.py --gold eval-data/attribution/polnear_train.jsonl --limit 200
    python benchmarks/attribution.py --dump out/dev_predictions.jsonl   # predictions, for error analysis

PolNeAR is built with ``../shared/eval/attribution/convert.py`` into ``eval-data/`` (see
``../shared/eval/README.md``); it is measurement data only and stays out of git.
"""
from __future__ import annotations

import argparse
import collections
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "attribution" / "score.py"


def run(cmd: list[str]) -> str:
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        return out.stdout + out.stderr
    return out.stdout


def polnear(gold: Path, limit: int | None, dump: str | None) -> None:
    if not gold.exists():
        print(f"{gold}: not built (see ../shared/eval/README.md); skipped")
        return
    cmd = [sys.executable, str(SCORER), "--gold", str(gold), "--predict", "benchmarks.adapters:attribution"]
    if limit:
        cmd += ["--limit", str(limit)]
    if dump:
        cmd += ["--dump", dump]
    print(f"== PolNeAR ({gold.name})")
    print(run(cmd).rstrip())


def seed() -> None:
    golds = sorted(str(p) for p in (SHARED / "seed").glob("*.gold.json"))
    print("== seed")
    print(run([sys.executable, str(SHARED / "eval" / "score_articles.py"), *golds]).rstrip())


def data_claims() -> None:
    import analystkit

    files = sorted(p for p in (ROOT / "data").iterdir() if p.name != "README.md")
    print(f"== data/ ({len(files)} files)")
    per_rule: collections.Counter = collections.Counter()
    total = 0
    for path in files:
        try:  # one file at a time, so that a file the environment cannot read does not hide the rest
            claims = analystkit.parse_many([path]).claims
        except Exception as error:  # noqa: BLE001 - report and go on
            print(f"     -  claims  {path.name}: not read ({type(error).__name__}: {error})".splitlines()[0])
            continue
        total += len(claims)
        per_rule.update(claims["rule"].astype(str))
        print(f"  {len(claims):>4} claims  {path.name}")
    print(f"  {total} claims; by rule: " + ", ".join(f"{k} {v}" for k, v in per_rule.most_common()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=ROOT / "eval-data" / "attribution" / "polnear_dev.jsonl")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--dump", default=None, help="write PolNeAR predictions (JSONL) here")
    parser.add_argument("--train", action="store_true", help="score the PolNeAR train split as well")
    args = parser.parse_args()
    polnear(args.gold, args.limit, args.dump)
    if args.train:
        polnear(args.gold.with_name("polnear_train.jsonl"), args.limit, None)
    seed()
    data_claims()


if __name__ == "__main__":
    main()
