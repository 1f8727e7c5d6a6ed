"""Turn news articles into pandas tables of sources, claims and dates.

    >>> import analystkit
    >>> parsed = analystkit.parse(text, published="2023-05-17")      # doctest: +SKIP
    >>> parsed.claims, parsed.sources, parsed.dates, parsed.events     # doctest: +SKIP
    >>> tables = analystkit.parse_many(["data/"])                      # doctest: +SKIP
    >>> analystkit.parse_corpus(["news.jsonl.gz"], "tables/")          # doctest: +SKIP
"""
__version__ = "0.1.0"  # before the imports: corpus.py records it in every run's manifest

from .corpus import iter_tables, parse_corpus
from .ingest import read_articles
from .pipeline import ParsedArticle, parse, parse_many
from .tables import SCHEMAS, Tables, describe, read_tables

__all__ = ["parse", "parse_many", "parse_corpus", "iter_tables", "read_articles", "read_tables", "describe",
           "Tables", "ParsedArticle", "SCHEMAS", "charts", "TimelineExplorer", "SourceExplorer"]


def __getattr__(name: str):
    # Charts and widgets import matplotlib and ipywidgets: load them on first use, not on import.
    import importlib

    if name == "charts":
        return importlib.import_module(".charts", __name__)
    if name in ("TimelineExplorer", "SourceExplorer"):
        return getattr(importlib.import_module(".widgets", __name__), name)
    raise AttributeError(f"module 'analystkit' has no attribute {name!r}")
