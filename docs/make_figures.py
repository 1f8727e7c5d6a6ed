"""Regenerate the figures the README shows, from the articles in data/.

    .venv/bin/python docs/make_figures.py
"""
from pathlib import Path

import analystkit
from analystkit import charts

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img"

if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    tables = analystkit.parse_many([ROOT / "data"])
    seed = tables.subset(tables.id_of("axios"))
    charts.timeline(seed).savefig(OUT / "timeline-seed.png", dpi=80, bbox_inches="tight")
    charts.named_vs_anonymous(tables).savefig(OUT / "who-gets-to-speak.png", dpi=80, bbox_inches="tight")
    print(f"wrote {OUT / 'timeline-seed.png'} and {OUT / 'who-gets-to-speak.png'}")
