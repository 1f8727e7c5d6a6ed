"""Corpora beyond one machine: the same pipeline on a Dask cluster, the tables as Dask DataFrames.

    >>> from dask.distributed import Client                          # doctest: +SKIP
    >>> client = Client("tcp://scheduler:8786")                      # or LocalCluster(), dask-jobqueue ...
    >>> import analystkit.dask
    >>> corpus = analystkit.dask.parse(["/shared/news/"], partition_size=2000)
    >>> corpus.claims.groupby("kind").size().compute()
    >>> corpus.to_parquet("/shared/tables/")                           # what analystkit.read_tables reads

Needs the ``dask`` extra (``pip install "analystkit[dask]"``). It runs on whatever
``dask.distributed.Client`` is active (or Dask's default scheduler without one).

How the work is split. The client only lists the inputs: folders are walked and big JSON Lines
files are cut into byte ranges, each a *piece*; it reads no article. The workers then run two
passes over the pieces:

1. *ids*: each piece is read (cheap: no cleaning, no analysis) for the ids of its articles and the
   number of its lines; the client finds the duplicates (the same id twice, first one kept, in input
   order) and the line number each range starts at.
2. *tables*: each piece is read again and parsed by :func:`analystkit.pipeline.parse_batch`, the
   function every local run uses, so the tables are the local ones, row for row.

Every input file must be readable at the same path from every worker (a shared or network file
system, or object storage mounted as one).
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from .ingest import MAX_BYTES, InputError, RawArticle, count_lines, duplicate, expand, iter_raw, read_range
from .ingest import _suffix  # the suffix rules of ingest, so that pieces are read as local runs read files
from .pipeline import parse_batch
from .tables import TABLE_NAMES, Tables, frame

try:
    import dask
    import dask.bag as db
    import dask.dataframe as dd
except ImportError as exc:  # pragma: no cover - the message is the point
    raise ImportError("analystkit.dask needs Dask: pip install \"analystkit[dask]\"") from exc

PARTITION_SIZE = 1000  # articles per piece
_BYTES_PER_ARTICLE = 6_000  # a JSON Lines record of a news article, for cutting big files into ranges


@dataclass(frozen=True)
class Piece:
    """A part of the inputs that one task reads: articles given in memory, files, or a byte range of a
    JSON Lines file (``start``/``stop``; ``first_line`` filled in by the ids pass)."""

    items: tuple = ()  # RawArticle and InputError given in memory, or paths of whole files
    path: str | None = None  # for a range
    start: int = 0
    stop: int = 0
    first_line: int = 1
    duplicates: frozenset = field(default_factory=frozenset)  # positions in the piece that repeat an earlier id


def _read(piece: Piece, max_bytes: int) -> Iterable[RawArticle | InputError]:
    if piece.path is not None:
        return read_range(Path(piece.path), piece.start, piece.stop, piece.first_line, max_bytes)
    return iter_raw(list(piece.items), max_bytes=max_bytes)


def _ids(piece: Piece, max_bytes: int) -> tuple[list[str | None], int]:
    """Pass 1 on a worker: the id of each thing the piece holds (None for an error), and its lines."""
    ids = [item.article_id if isinstance(item, RawArticle) else None for item in _read(piece, max_bytes)]
    lines = count_lines(Path(piece.path), piece.start, piece.stop) if piece.path is not None else 0
    return ids, lines


def _tables(piece: Piece, max_bytes: int, published) -> Tables:
    """Pass 2 on a worker: the piece's tables, through the pipeline function of local runs."""
    items = [duplicate(item) if i in piece.duplicates and isinstance(item, RawArticle) else item
             for i, item in enumerate(_read(piece, max_bytes))]
    return parse_batch(items, published)


def pieces(inputs, *, partition_size: int = PARTITION_SIZE, max_bytes: int = MAX_BYTES) -> list[Piece]:
    """The inputs cut into pieces of about ``partition_size`` articles, in input order (no article is read)."""
    result: list[Piece] = []
    group: list = []  # things given in memory, errors, and files holding one article or a few records

    def close_group():
        if group:
            result.append(Piece(items=tuple(group)))
            group.clear()

    for entry in expand(inputs, max_bytes=max_bytes):
        if isinstance(entry, Path):
            suffix, compressed = _suffix(entry)
            size = _size(entry)
            if suffix in (".jsonl", ".ndjson") and not compressed and size > partition_size * _BYTES_PER_ARTICLE:
                close_group()
                step = partition_size * _BYTES_PER_ARTICLE
                result += [Piece(path=str(entry), start=start, stop=min(start + step, size))
                           for start in range(0, size, step)]
                continue
        group.append(entry)
        if len(group) >= partition_size:
            close_group()
    close_group()
    return result


def _size(path: Path) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


@dataclass
class DaskTables:
    """The eight tables of a corpus as Dask DataFrames (``meta`` from :data:`analystkit.SCHEMAS`), lazy:
    nothing is parsed until a result is asked for, and every table comes from the same parse."""

    articles: dd.DataFrame
    sources: dd.DataFrame
    mentions: dd.DataFrame
    claims: dd.DataFrame
    quotes: dd.DataFrame
    dates: dd.DataFrame
    events: dd.DataFrame
    errors: dd.DataFrame

    def items(self):
        return [(name, getattr(self, name)) for name in TABLE_NAMES]

    def compute(self) -> Tables:
        """All eight tables as pandas, with the sources linked into entities (the corpus must fit in this
        machine's memory)."""
        from .entities import link

        frames = dask.compute(*[df for _, df in self.items()])
        return link(Tables(**{name: df.reset_index(drop=True) for name, df in zip(TABLE_NAMES, frames)}))

    def persist(self) -> "DaskTables":
        """Parse now and keep the tables in the workers' memory."""
        return DaskTables(*dask.persist(*[df for _, df in self.items()]))

    def to_parquet(self, directory: str | Path, *, overwrite: bool = False) -> Path:
        """Write every table to ``directory/<table>/part-NNNNNN.parquet`` in one pass over the corpus;
        :func:`analystkit.read_tables` reads it back. A folder that holds tables already is refused
        unless ``overwrite`` (never a mix of two runs)."""
        from .corpus import CorpusError, _remove_tables, holds_tables, link_entities_in_folder

        directory = Path(directory)
        if holds_tables(directory):
            if not overwrite:
                raise CorpusError(f"{directory} already holds tables: pass overwrite=True to replace them")
            _remove_tables(directory)
        writes = [df.to_parquet(str(directory / name), write_index=False, compute=False,
                                name_function=lambda i: f"part-{i:06d}.parquet")
                  for name, df in self.items()]
        dask.compute(*writes)
        # entities link sources of every partition: one pass here, over a few columns, as a local run's last
        parts = sorted(int(p.stem.split("-")[1]) for p in (directory / "sources").glob("part-*.parquet"))
        link_entities_in_folder(directory, "parquet", parts)
        return directory


def parse(inputs, *, partition_size: int = PARTITION_SIZE, published=None, max_bytes: int | None = None) -> DaskTables:
    """Parse a corpus on the active Dask cluster: the tables as Dask DataFrames.

    Args:
        inputs: as for :func:`analystkit.parse_many`: paths and folders (readable from every worker),
            ``.jsonl``/``.csv``/``.json`` files (``.gz`` too), dicts and strings.
        partition_size: articles per partition (big JSON Lines files are cut into byte ranges of about
            that many records; other files are grouped).

    The ids pass runs now (it reads each piece once for its ids and finds duplicates); the parse runs
    when a table is computed or written.
    """
    max_bytes = max_bytes or MAX_BYTES
    planned = pieces(inputs, partition_size=partition_size, max_bytes=max_bytes)
    if not planned:
        planned = [Piece()]
    counted = db.from_sequence(planned, npartitions=len(planned)).map(_ids, max_bytes).compute()
    planned = _mark(planned, counted)
    bag = db.from_sequence(planned, npartitions=len(planned)).map(_tables, max_bytes, published)
    delayed = bag.to_delayed()
    frames = {}
    for name in TABLE_NAMES:
        meta = frame(name, [])
        frames[name] = dd.from_delayed([dask.delayed(_table)(part, name) for part in delayed], meta=meta,
                                       verify_meta=False)
    return DaskTables(**frames)


def _table(part: list[Tables], name: str) -> pd.DataFrame:
    [tables] = part
    return getattr(tables, name)


def _mark(planned: list[Piece], counted: list[tuple[list, int]]) -> list[Piece]:
    """Give each range the number of its first line, and each piece the positions of its duplicates
    (the same id as an earlier article, in input order: what :func:`analystkit.ingest.unique` does)."""
    seen: set[str] = set()
    marked = []
    line = {}  # the next line number of each file cut into ranges
    for piece, (ids, lines) in zip(planned, counted):
        repeats = set()
        for position, article_id in enumerate(ids):
            if article_id is None:
                continue
            if article_id in seen:
                repeats.add(position)
            else:
                seen.add(article_id)
        if piece.path is not None:
            first = line.get(piece.path, 1)
            line[piece.path] = first + lines
            piece = replace(piece, first_line=first)
        marked.append(replace(piece, duplicates=frozenset(repeats)))
    return marked
