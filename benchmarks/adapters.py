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
from analystkit.dates import find_dates
from analystkit.ingest import InputError, article_from_text
from analystkit.segment import find_quotes, split_sentences


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


def dates(text: str, published: str | None = None) -> list[dict]:
    """Temporal expressions as the TempEval-3-style scorer wants them: span, TIMEX3 type and value.

    Runs the stages the dates table comes from (ingest and clean, segment, dates) without building the
    other tables, so the figure measures the dates stage as dateparser's ``search_dates`` is measured;
    the expressions are those ``parse(text).dates`` holds. Vague words TimeML leaves untagged
    (``timex`` missing: "so far", "soon") are not TIMEX3s and are left out.
    """
    article = article_from_text(text, "<text 1>", "a1", published=published or None)
    if isinstance(article, InputError):
        return []
    quotes = find_quotes(article.text, article.paragraphs)
    sentences = split_sentences(article.text, article.paragraphs, quotes)
    day = article.published.date() if article.published is not None else None
    out = []
    for d in find_dates(article.text, sentences, day):
        if d.timex is None:
            continue
        raw_start, raw_end = article.offsets.to_raw(d.start, d.end)
        out.append({"text": text[raw_start:raw_end], "start": raw_start, "end": raw_end,
                    "type": d.timex, "value": d.value})
    return out
