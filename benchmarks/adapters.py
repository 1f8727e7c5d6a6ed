"""Adapters from analystkit's tables to the shared scorers' predict functions (../shared/eval).

    python ../shared/eval/score_articles.py ../shared/seed/*.gold.json
    python ../shared/eval/attribution/score.py --gold eval-data/attribution/polnear_dev.jsonl \
        --predict benchmarks.adapters:attribution
    python ../shared/eval/temporal/score.py --gold eval-data/temporal/tbaq_timebank.jsonl \
        --predict benchmarks.adapters:dates

Offsets are given in the text the scorer passed in (the ``raw_*`` columns), not in the cleaned text.
"""
from __future__ import annotations

import analystkit


def _parse(text: str, published: str | None):
    try:
        return analystkit.parse(text, published=published or None)
    except ValueError:  # empty document
        return None


def attribution(text: str, published: str | None = None) -> list[dict]:
    """Claims as the attribution scorer wants them: content, source mention and cue, with offsets."""
    parsed = _parse(text, published)
    if parsed is None:
        return []
    mentions = parsed.mentions.set_index("mention_id")
    out = []
    for c in parsed.claims.itertuples():
        source = source_start = source_end = None
        if isinstance(c.mention_id, str) and c.mention_id in mentions.index:
            m = mentions.loc[c.mention_id]
            source_start, source_end = int(m.raw_start), int(m.raw_end)
            source = text[source_start:source_end]
        out.append({
            "content": text[c.raw_start:c.raw_end], "content_start": int(c.raw_start), "content_end": int(c.raw_end),
            "source": source, "source_start": source_start, "source_end": source_end, "cue": c.cue,
        })
    return out


_TIMEX_TYPE = {"duration": "DURATION"}


def dates(text: str, published: str | None = None) -> list[dict]:
    """Temporal expressions as the TempEval-3-style scorer wants them: span, TIMEX3 type and value."""
    parsed = _parse(text, published)
    if parsed is None:
        return []
    out = []
    for d in parsed.dates.itertuples():
        timex_type = _TIMEX_TYPE.get(d.kind, "TIME" if d.granularity in ("hour", "minute") else "DATE")
        value = d.value if isinstance(d.value, str) else None
        out.append({"text": text[d.raw_start:d.raw_end], "start": int(d.raw_start), "end": int(d.raw_end),
                    "type": timex_type, "value": value})
    return out
