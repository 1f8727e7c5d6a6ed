"""Dates on TimeBank and AQUAINT: analystkit and dateparser's ``search_dates``, side by side in one run.

    python benchmarks/dates.py                    # both corpora, both systems
    python benchmarks/dates.py --only analystkit  # skip the (slow) dateparser peer
    python benchmarks/dates.py --errors out/      # also write analystkit's misses, extras and wrong values

Uses the shared TempEval-3-style scorer (``../shared/eval/temporal/score.py``; strict and relaxed span F1,
type accuracy, value F1 = relaxed F1 x value accuracy) on the corpora built into ``eval-data/temporal/``
(see ``../shared/eval/README.md``), and a third, small check of our own: texts written for the project in
the shapes issue 15 lists (zoned clock times, compounds, ranges, the day of a market report, bare units, "at
the time"; ``benchmarks/data/make_dates_own.py``). Speed is characters of document text per second spent inside each
predict function; analystkit's runs ingest, cleaning, segmentation and the dates stage (what the dates
table comes from) but does not build the other tables (see ``benchmarks/adapters.py:dates``); the whole
parse is measured by ``benchmarks/throughput.py``.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER_DIR = ROOT.parent / "shared" / "eval" / "temporal"
CORPORA = {"TimeBank": "tbaq_timebank.jsonl", "AQUAINT": "tbaq_aquaint.jsonl"}
# a third check: short texts of our own in the shapes issue 15 lists (benchmarks/data/make_dates_own.py)
OWN = ROOT / "benchmarks" / "data" / "dates_own.jsonl"
SYSTEMS = {"analystkit": "benchmarks.adapters:dates", "dateparser": "peers.dateparser_peer:predict_trim"}
TARGETS = {"value_f1": 0.82, "relaxed_f1": 0.92, "strict_f1": 0.85}


def _scorer():
    spec = importlib.util.spec_from_file_location("temporal_score", SCORER_DIR / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "eval-data" / "temporal")
    parser.add_argument("--only", choices=list(SYSTEMS), help="score one system only")
    parser.add_argument("--errors", type=Path, help="folder for analystkit's per-expression errors (JSON)")
    args = parser.parse_args()

    for p in (str(SCORER_DIR), str(ROOT)):
        if p not in sys.path:
            sys.path.insert(0, p)
    score = _scorer()
    systems = {args.only: SYSTEMS[args.only]} if args.only else SYSTEMS
    results: dict[tuple[str, str], dict] = {}
    corpora = {name: args.data / filename for name, filename in CORPORA.items()} | {"own": OWN}
    for corpus, path in corpora.items():
        docs = score.load_gold(str(path))
        for system, spec in systems.items():
            res = score.score(docs, score.load_predict(spec), keep_details=bool(args.errors) and system == "analystkit")
            results[corpus, system] = res
            print(f"{corpus:9s} {system:11s} {score.summary_line(res)}", flush=True)
            if args.errors and "details" in res:
                args.errors.mkdir(parents=True, exist_ok=True)
                (args.errors / f"dates_{corpus.lower()}.json").write_text(
                    json.dumps(res["details"], indent=1, ensure_ascii=False), encoding="utf-8")

    print()
    for corpus in corpora:
        if (corpus, "analystkit") not in results:
            continue
        res = results[corpus, "analystkit"]
        figures = {"strict_f1": res["strict"]["f1"], "relaxed_f1": res["relaxed"]["f1"], "value_f1": res["value_f1"]}
        met = " ".join(f"{k}={v:.4f}{'' if v >= TARGETS[k] or corpus == 'own' else ' (target ' + str(TARGETS[k]) + ')'}"
                       for k, v in figures.items())
        line = f"{corpus}: analystkit {met} type_acc={res['type_acc']:.4f} chars_per_s={res['chars_per_s']:,.0f}"
        if (corpus, "dateparser") in results:
            peer = results[corpus, "dateparser"]
            ratio = res["chars_per_s"] / peer["chars_per_s"]
            line += (f" | dateparser strict_f1={peer['strict']['f1']:.4f} value_f1={peer['value_f1']:.4f}"
                     f" chars_per_s={peer['chars_per_s']:,.0f} | speed ratio {ratio:.1f}x")
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
