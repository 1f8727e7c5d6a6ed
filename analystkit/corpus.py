"""Corpora of any size: inputs streamed in batches, parsed on every core, written as a Parquet dataset.

The inputs are read lazily (:func:`~analystkit.ingest.iter_raw`), one article at a time, and cut into
batches of ``batch_size`` inputs (fewer when their text passes ``BATCH_CHARS``); the cuts depend on
the inputs alone, so a batch is the same in every run. Each batch goes through
:func:`~analystkit.pipeline.parse_batch`, in this process or in worker processes (``jobs``), and the
results come back in input order, so the tables are the same, row for row, whatever ``jobs`` is.

:func:`iter_tables` yields each batch's :class:`~analystkit.tables.Tables`. :func:`parse_corpus`
writes them to a folder instead, which memory never has to hold::

    DIR/_analystkit.json             what the run is (version, inputs, settings) and, once it is, that it is
                                     complete, when, and its totals (rows of each table in totals.rows)
    DIR/_batches.jsonl               one line per batch written, with its counts (the resume journal)
    DIR/articles/part-000000.parquet one file per batch and table ...
    DIR/claims/part-000000.parquet
    ...

A batch's files are written under temporary names and renamed when all eight are written; only then
is the batch added to the journal. An interrupted run (Ctrl-C, a crash, a killed machine) leaves
complete batches only, and ``resume=True`` parses what is missing: the tables are those one clean
run would have written.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa

from . import __version__
from .ingest import MAX_BYTES, RawArticle, _looks_like_path, expand, iter_raw, unique
from . import entities
from .pipeline import parse_batch
from .tables import (JOURNAL, MANIFEST, SUMMARY_LISTS, TABLE_NAMES, Tables, batch_counts, format_summary, listed_articles, listed_errors, read_journal, read_manifest, read_tables, write_csv)

log = logging.getLogger(__name__)

BATCH_SIZE = 500  # inputs per batch: a few MB of text, seconds of work
BATCH_CHARS = 8_000_000  # a batch of long articles closes early, so its tables stay small
PROGRESS_DELAY = 2.0  # seconds before a progress bar shows: runs quicker than that print none
FORMATS = ("parquet", "csv")


class CorpusError(ValueError):
    """A run that cannot start as asked (an --out that holds another run, settings that differ on resume)."""


# ---------------------------------------------------------------- batches


def batches(inputs, *, max_bytes: int = MAX_BYTES, batch_size: int = BATCH_SIZE) -> Iterator[list]:
    """The inputs read lazily, duplicates marked, cut into batches (lists of RawArticle and InputError)."""
    batch: list = []
    chars = 0
    for item in unique(iter_raw(inputs, max_bytes=max_bytes)):
        batch.append(item)
        chars += len(item.text) if isinstance(item, RawArticle) else 0
        if len(batch) >= batch_size or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _ignore_sigint() -> None:
    # Workers leave Ctrl-C to the main process, which stops them and keeps the batches already written.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _Workers:
    """Run ``function(batch, *args)`` over batches, ``jobs`` at a time, results in batch order.

    At most ``2 * jobs`` batches are in flight, so reading never runs ahead of parsing by more than that.
    With one job everything runs in this process.
    """

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.pool = None
        if jobs > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # fork where there is one (Linux): a worker starts at once with analystkit imported, and the
            # caller's main module is not imported again, so a script without an ``if __name__ ==
            # "__main__"`` guard, code piped to python and a notebook all work. Elsewhere spawn, which
            # needs that guard in scripts.
            method = "fork" if sys.platform.startswith("linux") else "spawn"
            context = multiprocessing.get_context(method)
            self.pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_ignore_sigint)

    def map(self, function, items: Iterable, *args) -> Iterator:
        if self.pool is None:
            for item in items:
                yield function(item, *args)
            return
        pending: deque = deque()
        for item in items:
            pending.append(self.pool.submit(function, item, *args))
            while len(pending) >= 2 * self.jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self, interrupted: bool = False) -> None:
        if self.pool is None:
            return
        if interrupted:  # stop now: what the workers were doing is lost, what was written is kept
            processes = list(getattr(self.pool, "_processes", {}).values())
            self.pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()
            for process in processes:
                process.join(5)
        else:
            self.pool.shutdown(wait=True)
        self.pool = None


def _choose_jobs(jobs: int | None, stream: Iterator[list]) -> tuple[int, bool, Iterator[list]]:
    """``jobs``, or all cores when the inputs fill more than one batch (1 for a handful of articles);
    whether they do (a corpus: worth a progress bar); and the batches."""
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be 1 or more, not {jobs}")
    first = next(stream, None)
    second = next(stream, None)
    head = [b for b in (first, second) if b is not None]

    def chained():
        yield from head
        yield from stream

    corpus = second is not None
    return jobs or (default_jobs() if corpus else 1), corpus, chained()


def iter_tables(inputs, *, published: str | date | datetime | None = None, jobs: int | None = None,
                progress: bool | None = None, max_bytes: int | None = None,
                batch_size: int | None = None) -> Iterator[Tables]:
    """The tables of a corpus, batch by batch: memory holds a few batches, never the corpus.

    Example:
        >>> for tables in iter_tables(["news.jsonl.gz"], jobs=2):          # doctest: +SKIP
        ...     counts = tables.claims.groupby("kind", observed=True).size()
    """
    stream = batches(inputs, max_bytes=max_bytes or MAX_BYTES, batch_size=batch_size or BATCH_SIZE)
    jobs, corpus, stream = _choose_jobs(jobs, stream)
    workers = _Workers(jobs)
    bar = _Progress(progress if progress is not None or corpus else False, inputs)
    sizes: deque = deque()  # input bytes of the batches handed out, in order: results come back in that order

    def sized(batches_):
        for batch in batches_:
            sizes.append(sum(_input_size(item) for item in batch))
            yield batch

    try:
        for tables in workers.map(parse_batch, sized(stream), published):
            size = sizes.popleft()
            if bar.bar is not None:
                bar.update({"articles": len(tables.articles), "input_bytes": size})
            yield tables
    except BaseException:
        workers.close(interrupted=True)
        raise
    finally:
        bar.close()
        workers.close()


# ---------------------------------------------------------------- progress


class _Progress:
    """A tqdm bar (terminal or notebook) of input bytes parsed, with articles/s; shown after 2 s only."""

    def __init__(self, enabled: bool | None, inputs, initial: dict | None = None):
        self.bar = None
        self.articles = 0
        self.started = time.perf_counter()
        if enabled is None:
            enabled = sys.stderr.isatty() or _in_notebook()
        if not enabled:
            return
        from tqdm.auto import tqdm

        total = _input_bytes(inputs)
        self.bar = tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1000, desc="parsing", delay=PROGRESS_DELAY,
                        dynamic_ncols=True, smoothing=0.1)
        if initial:
            self.update(initial)

    def update(self, counts: dict) -> None:
        self.articles += counts["articles"]
        if self.bar is not None:
            seconds = max(time.perf_counter() - self.started, 1e-9)
            self.bar.set_postfix_str(f"{self.articles:,} articles, {self.articles / seconds:,.0f}/s", refresh=False)
            self.bar.update(counts["input_bytes"])

    def close(self) -> None:
        if self.bar is not None:
            if self.bar.total:
                self.bar.n = self.bar.total
                self.bar.refresh()
            self.bar.close()
            self.bar = None


def _in_notebook() -> bool:
    shell = sys.modules.get("IPython")
    try:
        return shell is not None and type(shell.get_ipython()).__name__ == "ZMQInteractiveShell"
    except Exception:
        return False


def _input_bytes(inputs) -> int | None:
    """The size of the input files (the bar's 100 %), found by the walk the reading does; None when some
    input is not a path (text or records given in Python)."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    if not isinstance(inputs, (list, tuple)) or not all(
            isinstance(item, Path) or (isinstance(item, str) and _looks_like_path(item)) for item in inputs):
        return None
    try:
        return sum(_file_bytes(entry) for entry in expand(inputs) if isinstance(entry, Path))
    except OSError:
        return None


def _file_bytes(path: Path) -> int:
    """A file's size; for gzip, the size it unpacks to (its trailer says, modulo 4 GiB)."""
    size = path.stat().st_size
    if path.suffix.lower() == ".gz" and size >= 18:
        with open(path, "rb") as f:
            f.seek(-4, os.SEEK_END)
            return max(size, int.from_bytes(f.read(4), "little"))
    return size


# ---------------------------------------------------------------- a run written to a folder


@dataclass
class CorpusRun:
    """What a run wrote: the folder, the counts, and the first articles and errors (for the summary)."""

    out: Path
    format: str
    counts: dict = field(default_factory=dict)
    batches: int = 0
    resumed_batches: int = 0
    seconds: float = 0.0
    complete: bool = False
    listed_articles: list = field(default_factory=list)
    listed_errors: list = field(default_factory=list)

    def summary(self) -> str:
        """The counts a person reads at the end of a run, and the articles and errors when they are few."""
        lines = format_summary(self.counts, self.listed_articles, self.listed_errors)
        seconds = self.seconds
        rate = self.counts.get("chars", 0) / seconds / 1e6 if seconds else 0
        lines += f"\n{self.batches} batch(es) in {seconds:.1f} s" + (f" ({rate:.2f} MB of text/s)" if seconds > 5 else "")
        if self.resumed_batches:
            lines += f", {self.resumed_batches} of them written by the run resumed"
        return lines

    def tables(self, **kwargs) -> Tables:
        """Read the tables back (see :func:`analystkit.read_tables`)."""
        return read_tables(self.out, **kwargs)


def parse_corpus(inputs, out: str | Path, *, format: str = "parquet", published: str | date | datetime | None = None,
                 jobs: int | None = None, resume: bool = False, overwrite: bool = False,
                 progress: bool | None = None, max_bytes: int | None = None,
                 batch_size: int | None = None, safe_csv: bool = True) -> CorpusRun:
    """Parse any number of articles into a folder of tables, batch by batch, in bounded memory.

    Args:
        inputs: paths, folders, ``.jsonl``/``.csv``/``.json`` files (``.gz`` too), dicts, strings.
        out: the folder to write (see the module docstring for its layout). ``read_tables(out)`` reads it.
        format: "parquet" (a dataset: one file per batch and table) or "csv" (one file per table,
            joined from the batches when the run completes).
        jobs: worker processes (None: all cores for a corpus, 1 for a handful of articles).
        resume: finish a run that was interrupted, parsing only the batches it had not written.
        overwrite: replace the tables a folder already holds (without it, such a folder is refused).
        safe_csv: with ``format="csv"``, write a text cell that a spreadsheet would run as a formula
            (``=HYPERLINK(...)``) with a leading ``'`` (read_tables takes it off); False writes raw values.
            Parquet is never altered.

    Raises:
        CorpusError: ``out`` holds tables of another run, or ``resume`` finds settings that differ.
        KeyboardInterrupt: after Ctrl-C, once the workers are stopped; the batches written are kept.
    """
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    out = Path(out)
    max_bytes = max_bytes or MAX_BYTES
    batch_size = batch_size or BATCH_SIZE
    settings = {"inputs": _describe_inputs(inputs), "format": format, "published": str(published or "") or None,
                "max_bytes": max_bytes, "batch_size": batch_size, "safe_csv": safe_csv if format == "csv" else False}
    done = _prepare_folder(out, settings, resume=resume, overwrite=overwrite)
    run = CorpusRun(out, format)
    for entry in done.values():
        _add_counts(run, entry)
    run.resumed_batches = len(done)
    started = time.perf_counter()
    if done and _read_manifest(out).get("complete"):
        run.complete, run.batches = True, len(done)
        return run
    stream = batches(inputs, max_bytes=max_bytes, batch_size=batch_size)
    jobs, corpus, stream = _choose_jobs(jobs, stream)
    todo = ((index, batch) for index, batch in enumerate(stream) if index not in done)
    workers = _Workers(jobs)
    show = progress if progress is not None else bool(corpus or done)
    bar = _Progress(show, inputs, initial=_sum_counts(done.values()) if done else None)
    journal = open(out / JOURNAL, "a", encoding="utf-8")
    interrupted = False
    linker, linked = entities.Linker(), set()
    try:
        for entry in workers.map(_parse_and_write, todo, out, format, published, safe_csv):
            _commit(out, format, entry, journal)
            linker.absorb(entry["entities"])
            linked.add(entry["batch"])
            _add_counts(run, entry)
            bar.update(entry["counts"])
    except BaseException:
        interrupted = True
        raise
    finally:
        workers.close(interrupted=interrupted)
        bar.close()
        journal.close()
        _remove_temporary(out)
        run.seconds = time.perf_counter() - started
    entries = read_journal(out)
    run.batches = len(entries)
    merged = link_entities_in_folder(out, format, sorted(entries), safe_csv=safe_csv, linker=linker, linked=linked)
    rows = run.counts.setdefault("rows", {})
    rows["entities"] = rows.get("entities", 0) + merged
    if format == "csv":
        _join_csv(out, sorted(entries))
    _write_manifest(out, settings, complete=True, totals=run.counts)
    run.complete = True
    return run


def _describe_inputs(inputs) -> list[str] | None:
    """The inputs as the manifest records them, to check on resume that they are the same."""
    if isinstance(inputs, (str, Path, dict)):
        inputs = [inputs]
    if not isinstance(inputs, (list, tuple)):
        return None  # a generator: cannot be described without reading it
    described = []
    for item in inputs:
        if isinstance(item, Path) or (isinstance(item, str) and _looks_like_path(item)):
            described.append(os.path.abspath(item))  # the same files, from whatever folder the run is resumed
        else:
            described.append("<sha1 " + hashlib.sha1(repr(item).encode("utf-8", "replace")).hexdigest()[:16] + ">")
    return described


def _parse_and_write(indexed: tuple[int, list], out: Path, format: str, published, safe_csv: bool = True) -> dict:
    """Parse one batch and write its tables under temporary names (the worker's half of a commit)."""
    index, items = indexed
    tables = parse_batch(items, published)
    # the batch's share of the entities pass, made here, in parallel: its never-merged sources' entities are
    # written with its tables, the rest goes back to the main process (per person or organization, small)
    linking = entities.contribution(tables.sources, entities.claim_totals(tables.claims, tables.quotes), tables.articles)
    written = {**dict(tables.items()), "entities": linking.alone}
    linking.alone = None
    for name, df in written.items():
        folder = out / name
        folder.mkdir(exist_ok=True)
        _write_table(df, folder / f".part-{index:06d}.{format}.tmp", format, safe_csv)
    counts = batch_counts(tables)
    counts["input_bytes"] = sum(_input_size(item) for item in items)
    counts["rows"] = {name: len(df) for name, df in written.items()}  # the entities linked later are added then
    return {"batch": index, "counts": counts, "articles": listed_articles(tables), "errors": listed_errors(tables),
            "entities": linking}


def _input_size(item) -> int:
    return (item.size or len(item.text)) if isinstance(item, RawArticle) else 0


def _commit(out: Path, format: str, entry: dict, journal) -> None:
    """Rename a batch's files into place, then record it in the journal: the batch now exists."""
    index = entry["batch"]
    for name in (*TABLE_NAMES, "entities"):
        folder = out / name
        os.replace(folder / f".part-{index:06d}.{format}.tmp", folder / f"part-{index:06d}.{format}")
    journal.write(json.dumps({"batch": index, "counts": entry["counts"], "articles": entry["articles"],
                              "errors": entry["errors"]}) + "\n")
    journal.flush()
    os.fsync(journal.fileno())


def _add_counts(run: CorpusRun, entry: dict) -> None:
    run.counts = _sum_counts([run.counts, entry["counts"]]) if run.counts else dict(entry["counts"])
    room = SUMMARY_LISTS + 1 - len(run.listed_articles)
    run.listed_articles += entry.get("articles", [])[:max(room, 0)]
    room = SUMMARY_LISTS + 1 - len(run.listed_errors)
    run.listed_errors += entry.get("errors", [])[:max(room, 0)]


def _sum_counts(all_counts) -> dict:
    total: dict = {}
    for counts in all_counts:
        counts = counts.get("counts", counts)
        for key, value in counts.items():
            if isinstance(value, dict):
                inner = total.setdefault(key, {})
                for k, v in value.items():
                    inner[k] = inner.get(k, 0) + v
            else:
                total[key] = total.get(key, 0) + value
    return total


# ---------------------------------------------------------------- the folder: manifest, journal, resume


def _read_manifest(out: Path) -> dict:
    try:
        return read_manifest(out)
    except ValueError as exc:
        raise CorpusError(str(exc)) from exc


def _write_manifest(out: Path, settings: dict, *, complete: bool, totals: dict | None = None) -> None:
    manifest = {"analystkit": __version__, "layout": 1, "settings": settings, "complete": complete,
                "written": datetime.now().isoformat(timespec="seconds"), "totals": totals or {}}
    temporary = out / (MANIFEST + ".tmp")
    temporary.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    os.replace(temporary, out / MANIFEST)


def _rewrite_journal(out: Path, entries: dict[int, dict]) -> None:
    temporary = out / (JOURNAL + ".tmp")
    with open(temporary, "w", encoding="utf-8") as f:
        for index in sorted(entries):
            f.write(json.dumps(entries[index]) + "\n")
    os.replace(temporary, out / JOURNAL)


def written_batches(out: str | Path) -> int:
    """How many batches a run's folder holds (complete ones: those in its journal)."""
    return len(read_journal(Path(out)))


def holds_tables(out: Path) -> bool:
    """Whether a folder holds tables of analystkit (a run's manifest, or table files and folders)."""
    if not out.is_dir():
        return False
    if (out / MANIFEST).exists():
        return True
    return any((out / f"{name}.{suffix}").exists() or (out / name).is_dir()
               for name in (*TABLE_NAMES, "entities") for suffix in FORMATS)


def _prepare_folder(out: Path, settings: dict, *, resume: bool, overwrite: bool) -> dict[int, dict]:
    """Make ``out`` ready for the run; returns the batches already written (when resuming)."""
    if out.exists() and not out.is_dir():
        raise CorpusError(f"{out} is a file, not a folder")
    if resume:
        manifest = _read_manifest(out)
        if not manifest:
            if holds_tables(out):
                raise CorpusError(f"{out} holds tables but no run to resume ({MANIFEST} is missing); "
                                  "use --overwrite to replace them")
            resume = False  # nothing to resume: a fresh run
        else:
            _check_same_run(out, manifest.get("settings", {}), settings)
            done = read_journal(out)
            _remove_orphans(out, settings["format"], done)
            _rewrite_journal(out, done)  # a line a crash cut short must not swallow the next one
            return done
    if holds_tables(out):
        if not overwrite:
            manifest = _read_manifest(out)
            what = ("an interrupted run" if manifest and not manifest.get("complete") else
                    "the tables of an earlier run")
            raise CorpusError(f"{out} already holds {what}: use --resume to finish an interrupted run, "
                              "--overwrite to replace it, or another --out folder")
        _remove_tables(out)
    out.mkdir(parents=True, exist_ok=True)
    _write_manifest(out, settings, complete=False)
    (out / JOURNAL).write_text("", encoding="utf-8")
    return {}


def _check_same_run(out: Path, before: dict, now: dict) -> None:
    differ = [key for key in now if before.get(key) != now[key]]
    if differ:
        said = "; ".join(f"{key}: {before.get(key)!r} then, {now[key]!r} now" for key in differ)
        raise CorpusError(f"cannot resume the run in {out}: it was started with other settings ({said}); "
                          "give the same inputs and options, or use --overwrite to start again")
    if now["inputs"] is None:
        raise CorpusError("cannot resume from inputs given as a generator: give a list of paths")


def _remove_tables(out: Path) -> None:
    """Remove what analystkit wrote in ``out`` (and nothing else a user keeps there)."""
    for name in (*TABLE_NAMES, "entities"):
        for suffix in FORMATS:
            (out / f"{name}.{suffix}").unlink(missing_ok=True)
            (out / f".{name}.{suffix}.tmp").unlink(missing_ok=True)
        if (out / name).is_dir():
            shutil.rmtree(out / name)
    for extra in (MANIFEST, JOURNAL, MANIFEST + ".tmp", JOURNAL + ".tmp"):
        (out / extra).unlink(missing_ok=True)


def _remove_temporary(out: Path) -> None:
    for name in (*TABLE_NAMES, "entities"):
        folder = out / name
        if folder.is_dir():
            for temporary in folder.glob(".part-*.tmp"):
                temporary.unlink(missing_ok=True)
    for suffix in FORMATS:  # the entities pass's, when a crash stopped it
        (out / f".entities.{suffix}.tmp").unlink(missing_ok=True)


def _remove_orphans(out: Path, format: str, done: dict[int, dict]) -> None:
    """Files of batches that were not committed (renamed, but the run stopped before the journal)."""
    _remove_temporary(out)
    for name in (*TABLE_NAMES, "entities"):
        folder = out / name
        if folder.is_dir():
            for part in folder.glob(f"part-*.{format}"):
                number = part.stem.split("-")[1]
                if not number.isdigit() or int(number) not in done:  # the merged entities: made again at the end
                    part.unlink()


def link_entities_in_folder(out: Path, format: str, indexes: list[int], *, safe_csv: bool = False,
                            linker=None, linked: set[int] = frozenset()) -> int:
    """The last pass of a run: link the sources of every batch into entities (:mod:`analystkit.entities`),
    write the merged ones (``DIR/entities/part-merged``, or all in ``entities.csv``) and give each batch's
    sources their ``entity_id``. Returns how many merged entities it wrote.

    ``linker`` has taken in the batches ``linked`` already (the workers made their share while parsing them,
    and wrote their never-merged entities); the others (a resumed run's, or Dask's) are read here, a few
    columns at a time. What it keeps grows with the people and organizations the corpus cites, not with its
    sources, claims or texts. Each file is written under a temporary name, so a crash leaves the run to
    finish with ``--resume``.
    """
    from . import entities
    from .tables import conform, restore_formulas

    def part(name: str, index) -> Path:
        return out / name / f"part-{index:06d}.{format}" if isinstance(index, int) else out / name / f"part-{index}.{format}"

    def read(name: str, index: int, columns: list[str] | None = None) -> pd.DataFrame:
        if format == "parquet":
            return pd.read_parquet(part(name, index), columns=columns)
        df = pd.read_csv(part(name, index), dtype=str, keep_default_na=False, na_values=[""], usecols=columns)
        return conform(name, restore_formulas(df) if safe_csv else df)[columns or list(df.columns)]

    def texts(wanted: set):  # batch by batch: the texts of a corpus are never all in memory
        for index in indexes:
            batch = read("articles", index, ["article_id", "text"])
            yield from ((a, t) for a, t in zip(batch["article_id"], batch["text"]) if a in wanted and isinstance(t, str))
            del batch
            pa.default_memory_pool().release_unused()  # Arrow's allocator keeps freed pages otherwise

    folder = out / "entities"
    folder.mkdir(exist_ok=True)
    linker = linker or entities.Linker()
    for index in (i for i in indexes if i not in linked):
        alone = linker.add(read("sources", index, ["source_id", "article_id", "name", "kind", "role", "affiliation"]),
                           entities.claim_totals(read("claims", index, ["claim_id", "source_id", "kind", "text"]),
                                                 read("quotes", index, ["claim_id", "n_words"])),
                           read("articles", index, ["article_id", "outlet", "published"]))
        _write_atomically(alone, part("entities", index), format, safe_csv)
    merged = linker.finish(texts)
    _write_atomically(merged, part("entities", "merged"), format, safe_csv)
    for index in indexes:
        sources = read("sources", index)
        sources["entity_id"] = pd.array(linker.entity_ids(sources).to_numpy(), dtype="string")
        _write_atomically(sources, part("sources", index), format, safe_csv)
        pa.default_memory_pool().release_unused()
    if format == "csv":  # one file, as every table of a CSV run
        parts = [*(part("entities", i) for i in indexes), part("entities", "merged")]
        temporary = out / ".entities.csv.tmp"
        with open(temporary, "wb") as joined:
            for n, path in enumerate(parts):
                with open(path, "rb") as f:
                    header = f.readline()
                    if n == 0:
                        joined.write(header)
                    shutil.copyfileobj(f, joined)
        os.replace(temporary, out / "entities.csv")
        shutil.rmtree(folder)
    return len(merged)


def _write_table(df: pd.DataFrame, path: Path, format: str, safe_csv: bool) -> None:
    if format == "parquet":
        df.to_parquet(path, index=False)
    else:
        write_csv(df, path, safe=safe_csv)


def _write_atomically(df: pd.DataFrame, path: Path, format: str, safe_csv: bool) -> None:
    """Write under the temporary name a batch's files have (``.part-000003.parquet.tmp``), then rename."""
    temporary = path.with_name(f".{path.name}.tmp")
    _write_table(df, temporary, format, safe_csv)
    os.replace(temporary, path)


def _join_csv(out: Path, indexes: list[int]) -> None:
    """CSV: one file per table, the batches' files joined in order (header once), then removed."""
    for name in TABLE_NAMES:
        folder = out / name
        temporary = out / f".{name}.csv.tmp"
        with open(temporary, "wb") as joined:
            for n, index in enumerate(indexes):
                with open(folder / f"part-{index:06d}.csv", "rb") as part:
                    header = part.readline()
                    if n == 0:
                        joined.write(header)
                    shutil.copyfileobj(part, joined)
            if not indexes:
                from .tables import frame

                write_csv(frame(name, []), joined)
        os.replace(temporary, out / f"{name}.csv")
        shutil.rmtree(folder)
