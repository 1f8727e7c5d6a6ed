"""Score the seed article (and any other gold files given) with the shared scorer.

    python benchmarks/seed.py            # ../shared/seed/*.gold.json
    python benchmarks/seed.py -v         # list misses, extras and wrong sources
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

if __name__ == "__main__":
    args = sys.argv[1:]
    golds = [a for a in args if a.endswith(".json")] or sorted(str(p) for p in (SHARED / "seed").glob("*.gold.json"))
    flags = [a for a in args if not a.endswith(".json")]
    sys.exit(subprocess.call([sys.executable, str(SHARED / "eval" / "score_articles.py"), *golds, *flags], cwd=ROOT))
