"""Fingerprints of the seven tables: a hash per table, to show that a change (a speed-up, a refactoring)
leaves every row and column as it was.

    python benchmarks/fingerprint.py                    # PolNeAR dev + train and data/, one line per table
    python benchmarks/fingerprint.py --save before.json
    python benchmarks/fingerprint.py --compare before.json

The corpora are the PolNeAR texts built as ``../shared/eval/README.md`` says (``eval-data/``, never
committed) and the bundled articles in ``data/``. Columns that change from run to run by design (none at
present) would be left out here. ``--compare`` exits 1 and names the tables that differ.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import pandas as pd

import analystkit

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT / "eval-data" / "attribution" / "polnear_dev.jsonl",
           ROOT / "eval-data" / "attribution" / "polnear_train.jsonl",
           ROOT / "data"]


def fingerprints(inputs: list[Path], jobs: int | None) -> dict[str, str]:
    tables = analystkit.parse_many([str(p) for p in inputs], jobs=jobs, progress=False)
    out = {}
    for name, frame in tables.items():
        digest = hashlib.blake2b(digest_size=12)
        digest.update(",".join(f"{c}:{t}" for c, t in frame.dtypes.items()).encode())
        digest.update(pd.util.hash_pandas_object(frame.astype("string"), index=True).to_numpy().tobytes())
        out[name] = f"{len(frame)} rows {digest.hexdigest()}"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=None, help="default: PolNeAR dev + train, data/")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--save", type=Path, help="write the fingerprints to this JSON file")
    parser.add_argument("--compare", type=Path, help="compare with fingerprints saved earlier")
    args = parser.parse_args()
    inputs = args.inputs or [p for p in CORPORA if p.exists()]
    found = fingerprints(inputs, args.jobs)
    for name, value in found.items():
        print(f"{name:10} {value}")
    if args.save:
        args.save.write_text(json.dumps(found, indent=1))
    if args.compare:
        saved = json.loads(args.compare.read_text())
        differ = [name for name in found if saved.get(name) != found[name]]
        print("identical" if not differ else f"DIFFERENT: {', '.join(differ)}")
        sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
