"""A teaching corpus made of the bundled sample articles, for trying the corpus tools without one of your own.

    >>> records = sample_corpus("data/", editions=30)          # doctest: +SKIP
    >>> analystkit.parse_corpus(records, "corpus-tables/")     # doctest: +SKIP

No openly licensed corpus of a few hundred news articles can be fetched on the machines this project is
built on, so this repeats the openly licensed articles of ``data/`` (see ``data/README.md``): each
"edition" is one article again, with its own title, a publication date some weeks later (its relative
dates move with it) and one of a few outlets. The people, quotes and dates are those of the real
articles; the counts across the corpus are not those of any real news.
"""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from .ingest import read_articles

OUTLETS = ["The Ledger", "Capitol Wire", "Northern Courier", "The Evening Post"]


def sample_corpus(folder: str | Path = "data/", editions: int = 30) -> list[dict]:
    """``editions`` copies of every article in ``folder`` as records for :func:`analystkit.parse_corpus`:
    each with its own title ("... (edition 3)"), a publication date ``edition`` weeks after the original
    and an outlet from :data:`OUTLETS`.

    Raises:
        FileNotFoundError: if ``folder`` holds no article.
    """
    articles, _errors = read_articles([str(folder)])
    if not articles:
        raise FileNotFoundError(f"{folder}: no articles to build a corpus from")
    records = []
    for edition in range(editions):
        for n, article in enumerate(articles):
            title = article.title or Path(article.path or article.input).stem
            record = {"text": article.text, "title": f"{title} (edition {edition + 1})",
                      "outlet": OUTLETS[(edition + n) % len(OUTLETS)]}
            if article.published is not None:
                record["published"] = (article.published + timedelta(weeks=edition)).date().isoformat()
            records.append(record)
    return records
