"""Files, folders, records and strings -> cleaned :class:`~analystkit.model.Article` records.

Reads plain text (``.txt``, ``.md``, with optional ``---`` front matter), HTML
pages (``.html``, ``.htm``; the article and its metadata extracted by
trafilatura), ``.json`` / ``.jsonl`` records and ``.csv`` tables. Every input
becomes an article or an :class:`InputError` that names it and says what was
wrong; nothing is dropped silently.
"""
from __future__ import annotations

import csv
import errno
import gzip
import hashlib
import json
import os
import logging
import re
import stat
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from .clean import clean
from .model import Article

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson", ".csv"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
MAX_BYTES = 5_000_000  # one news article is 5-50 kB; a file far larger is not an article
_SKIPPED_IN_FOLDERS = re.compile(r"^(readme|license|licence|copying|changelog)(\.|$)", re.I)

# Record fields, by the names publishers and datasets use for them.
_FIELDS = {
    "text": ("text", "body", "content", "article", "article_text", "story", "maintext"),
    "title": ("title", "headline", "name"),
    "published": ("published", "date", "pubdate", "published_at", "publish_date", "date_publish",
                  "datetime", "timestamp", "time"),
    "url": ("url", "link", "href", "source_url"),
    "outlet": ("outlet", "source", "site", "site_name", "sitename", "publisher", "source_domain", "domain"),
    "author": ("author", "authors", "byline", "by"),
}


class AnalystkitWarning(UserWarning):
    """Something about an input that a user should know, though it was parsed (e.g. its encoding)."""


@dataclass(frozen=True)
class InputError:
    """An input that could not be parsed: which one, at what stage, and why."""

    input: str
    stage: str
    message: str


@dataclass(frozen=True)
class RawArticle:
    """One article as read from its input, before cleaning, with the id it keeps everywhere.

    ``text`` is the article text, or the page itself when ``html`` is set (trafilatura extracts the
    article when it is prepared). Reading is cheap and happens where the inputs are; preparing and
    analysing are the costly part and may run in other processes.
    """

    article_id: str
    input: str  # what it was read from: a path, path#line for a record, <text N>, <record N>
    text: str
    html: bool = False
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None  # the date its metadata gives, as written
    path: str | None = None
    wrapped: bool | None = None
    size: int = 0  # bytes of input it was read from (a file, a line): what a progress bar counts


# A record's own id, by the names datasets give it (news-please, Media Cloud, GDELT exports).
_ID_FIELDS = ("id", "article_id", "story_id", "stories_id", "doc_id", "guid")
_UNSAFE_ID = re.compile(r"[\x00-\x1f\x7f]")


def article_id_for(text: str, title: str | None = None) -> str:
    """The id of an article that brings none of its own: a short hash of its text and title.

    The same text and title give the same id in any batch, run, order or machine. The hash has 16 hex
    digits (64 bits): the chance that two different articles of a corpus of 10 million share one is
    about 1 in 370,000 (a shared id would make the second a "duplicate").

    Example:
        >>> article_id_for("Officials said the bridge will reopen.")
        'a458c950598519733'
    """
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8, person=b"analystkit")
    if title:
        digest.update(b"\x1f" + title.encode("utf-8", "surrogatepass"))
    return "a" + digest.hexdigest()


def record_id(record: dict) -> str | None:
    """The id a record gives itself (``id``, ``article_id``, ...), else a hash of its ``url``; None if neither."""
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    for name in _ID_FIELDS:
        value = lowered.get(name)
        if isinstance(value, dict):  # {"$oid": "..."} in MongoDB exports
            value = next(iter(value.values()), None)
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            value = str(value).strip()
            if value and value.lower() != "nan" and len(value) <= 200 and not _UNSAFE_ID.search(value):
                return value
    url = _known_fields(record).get("url")
    return "u" + article_id_for(url.strip())[1:] if url else None


def iter_raw(inputs: Iterable | str | Path | dict, *, max_bytes: int = MAX_BYTES) -> Iterator[RawArticle | InputError]:
    """Read inputs lazily, one article (or one error) at a time, in input order.

    Files are opened one at a time and JSON Lines and CSV files are read record by record, so a file
    of a million records costs the memory of one. ``max_bytes`` limits one article: a file that holds
    one, or one record of a JSONL, CSV or JSON file. Duplicates are not looked for here (see
    :func:`unique`).
    """
    for entry in expand(inputs, max_bytes=max_bytes):
        if isinstance(entry, Path):
            yield from _read_file(entry, max_bytes)
        else:
            yield entry


def expand(inputs: Iterable | str | Path | dict, *, max_bytes: int = MAX_BYTES) -> Iterator[Path | RawArticle | InputError]:
    """The inputs as files to read (folders walked, in sorted order), articles given in memory (text,
    dicts) and errors (missing paths ...), lazily and in input order: what :func:`iter_raw` reads."""
    if isinstance(inputs, (str, Path, dict)):
        inputs = [inputs]
    text_count = record_count = 0
    for item in inputs:
        if isinstance(item, (RawArticle, InputError)):
            yield item
        elif isinstance(item, dict):
            record_count += 1
            yield _raw_record(item, f"<record {record_count}>", None, max_bytes)
        elif isinstance(item, Path) or (isinstance(item, str) and _looks_like_path(item)):
            yield from _files(Path(item))
        elif isinstance(item, str):
            text_count += 1
            yield _raw_text(item, f"<text {text_count}>", max_bytes)
        else:
            yield InputError(repr(item)[:80], "read", f"cannot read a {type(item).__name__}: "
                             "give a path, a folder, a dict record or a string of text")


def unique(raws: Iterable[RawArticle | InputError]) -> Iterator[RawArticle | InputError]:
    """Pass each article on once: a later one with an id already seen becomes an error naming the first.

    The ids seen are kept (about 70 bytes each), the one thing that grows with the corpus.
    """
    seen: set[str] = set()
    for raw in raws:
        if isinstance(raw, RawArticle):
            if raw.article_id in seen:
                raw = duplicate(raw)
            else:
                seen.add(raw.article_id)
        yield raw


def duplicate(raw: RawArticle) -> InputError:
    """The error row of an article whose id an earlier input already gave."""
    return InputError(raw.input, "read", f"duplicate of {raw.article_id}: an earlier input holds the same article "
                      "(the articles table has it, with the input it was read from)")


def prepare(raw: RawArticle, published: str | date | datetime | None = None) -> Article | InputError:
    """Extract (HTML) and clean one article read by :func:`iter_raw`; ``published`` is the fallback date."""
    text = raw.text
    title, outlet, url, author, date_ = raw.title, raw.outlet, raw.url, raw.author, raw.published
    wrapped = raw.wrapped
    if raw.html:
        extracted = _extract_html(text, raw.input)
        if isinstance(extracted, InputError):
            return extracted
        text, meta = extracted
        title, outlet, url, author = title or meta.title, outlet or meta.sitename, url or meta.url, author or meta.author
        date_ = date_ or meta.date
        wrapped = False
    article = article_from_text(text, raw.input, raw.article_id, default_published=published, wrapped=wrapped,
                                title=title, outlet=outlet, url=url, author=author, path=raw.path,
                                metadata_published=date_)
    return article


def read_articles(
    inputs: Iterable | str | Path | dict,
    *,
    published: str | date | datetime | None = None,
    max_bytes: int = MAX_BYTES,
) -> tuple[list[Article], list[InputError]]:
    """Read articles from paths, folders, records (dicts) and strings of text.

    ``published`` is the date for articles that carry none of their own (in
    metadata or a dateline); relative dates in them resolve against it.

    A string that names an existing file or folder is read from disk; any other
    string is taken as article text. Folders are read recursively, skipping
    hidden files and README/LICENSE files.

    Returns:
        (articles, errors): the articles in input order, each with its stable id
        (the record's own id, else a hash of its text and title), and one
        :class:`InputError` per input that could not be read or repeats an earlier one.

    Example:
        >>> articles, errors = read_articles(["data/"])  # doctest: +SKIP
    """
    articles: list[Article] = []
    errors: list[InputError] = []
    for raw in unique(iter_raw(inputs, max_bytes=max_bytes)):
        result = prepare(raw, published) if isinstance(raw, RawArticle) else raw
        if isinstance(result, InputError):
            log.warning("%s: %s", result.input, result.message)
            errors.append(result)
        else:
            articles.append(result)
    return articles, errors


def _looks_like_path(item: str) -> bool:
    if "\n" in item or len(item) > 1024:
        return False
    try:
        Path(item).stat()
        return True
    except PermissionError:
        return True  # there, in a folder that cannot be read: an error naming the path, never an article
    except (FileNotFoundError, NotADirectoryError):
        pass
    except (OSError, ValueError):  # a name too long for the file system, or holding a NUL: not a path
        return False
    # A short string ending in a known suffix or a slash was meant as a path, even if it is missing.
    return bool(re.search(r"(\.[A-Za-z0-9]{2,8}|[/\\])$", item.strip())) and len(item.split()) <= 3


def _why(exc: Exception) -> str:
    """The plain reason of a failed read: "permission denied", "symbolic link loop", "is a directory"."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, OSError) and exc.errno == errno.ELOOP:
        return "symbolic link loop"
    reason = getattr(exc, "strerror", None) or str(exc)
    return reason[:1].lower() + reason[1:]


def _files(path: Path) -> Iterator[Path | InputError]:
    try:
        is_dir = stat.S_ISDIR(path.stat().st_mode)
    except (FileNotFoundError, NotADirectoryError):
        yield InputError(str(path), "read", "broken symbolic link" if path.is_symlink() else "no such file or folder")
    except PermissionError:
        yield InputError(str(path), "read", "permission denied: a folder on its path cannot be read")
    except OSError as exc:  # a symbolic link loop, a name too long
        yield InputError(str(path), "read", f"cannot read: {_why(exc)}")
    else:
        if not is_dir:
            yield path
            return
        found = False
        for file in _walk(path, set()):
            found = True
            yield file
        if not found:
            yield InputError(str(path), "read", "folder holds no files to read")


def _walk(folder: Path, visited: set) -> Iterator[Path | InputError]:
    """Files under ``folder`` in sorted order (depth first), lazily; hidden and README-like files skipped.

    Symbolic links are followed, once: a link back to a folder already being walked is an error, as are
    a broken link and a folder that cannot be read."""
    try:
        key = (folder.stat().st_dev, folder.stat().st_ino)
        if key in visited:
            yield InputError(str(folder), "read", "symbolic link loop: the folder is already being read")
            return
        visited = visited | {key}
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield InputError(str(folder), "read", f"cannot read folder: {_why(exc)}")
        return
    for entry in entries:
        if entry.name.startswith(".") or _SKIPPED_IN_FOLDERS.match(entry.name):
            continue
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError as exc:
            yield InputError(entry.path, "read", f"cannot read: {_why(exc)}")
            continue
        if is_dir:
            yield from _walk(Path(entry.path), visited)
        elif is_file:
            yield Path(entry.path)
        elif entry.is_symlink():
            yield InputError(entry.path, "read", "broken symbolic link")


def _suffix(path: Path) -> tuple[str, bool]:
    """The suffix that says what a file holds, and whether it is gzip-compressed (``x.jsonl.gz``)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        return (suffixes[-2] if len(suffixes) > 1 else ""), True
    return (suffixes[-1] if suffixes else ""), False


def _read_file(path: Path, max_bytes: int) -> Iterator[RawArticle | InputError]:
    name = str(path)
    suffix, compressed = _suffix(path)
    if suffix not in SUPPORTED:
        yield InputError(name, "read", f"unsupported file type {suffix or '(none)'}: analystkit reads "
                         + ", ".join(sorted(SUPPORTED)) + " (and the same gzip-compressed, .gz)")
        return
    if suffix in (".jsonl", ".ndjson", ".csv"):  # many records: read record by record
        lines = _lines(path, compressed)
        yield from (_from_jsonl(lines, name, max_bytes) if suffix != ".csv" else _from_csv(lines, name, max_bytes))
        return
    try:
        if compressed:
            with gzip.open(path, "rb") as f:
                data = f.read(max_bytes + 1 if suffix != ".json" else -1)
        else:
            data = path.read_bytes() if suffix == ".json" or path.stat().st_size <= max_bytes else None
    except (OSError, EOFError) as exc:
        yield InputError(name, "read", f"cannot read file: {_why(exc)}")
        return
    if suffix != ".json" and (data is None or len(data) > max_bytes):
        size = path.stat().st_size if data is None else len(data)
        yield InputError(name, "read", f"file is {size / 1e6:.1f}{'+' if compressed else ''} MB, over the "
                         f"{max_bytes / 1e6:.1f} MB limit for one article (raise it with max_bytes= or --max-bytes)")
        return
    decoded = decode(data, name)
    if isinstance(decoded, InputError):
        yield decoded
    elif suffix in HTML_SUFFIXES:
        yield RawArticle(article_id_for(decoded), name, decoded, html=True, path=name, size=len(data))
    elif suffix == ".json":
        yield from _from_json(decoded, name, max_bytes)
    else:
        meta, body = front_matter(decoded)
        raw = _raw_text(body, name, max_bytes, path=name, **meta)
        yield replace(raw, size=len(data)) if isinstance(raw, RawArticle) else raw


def _raw_text(text: str, input_name: str, max_bytes: int, **meta) -> RawArticle | InputError:
    if not isinstance(text, str):
        return InputError(input_name, "read", f"article text must be a string, not {type(text).__name__}")
    if not text.strip():
        return InputError(input_name, "clean", "empty: no text")
    if len(text) > max_bytes // 4 and len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        return InputError(input_name, "read", f"article text is {len(text.encode('utf-8', 'surrogatepass')) / 1e6:.1f} MB, "
                          f"over the {max_bytes / 1e6:.1f} MB limit for one article (raise it with max_bytes= or --max-bytes)")
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte-order mark is not text; offsets count from after it
    return RawArticle(article_id_for(text, meta.get("title")), input_name, text, title=meta.get("title"),
                      outlet=meta.get("outlet"), url=meta.get("url"), author=meta.get("author"),
                      published=meta.get("published"), path=meta.get("path"))


def _raw_record(record: dict, input_name: str, path: str | None, max_bytes: int) -> RawArticle | InputError:
    fields = _known_fields(record)
    if "text" not in fields:
        if any(str(k).strip().lower() in _FIELDS["text"] for k in record):
            return InputError(input_name, "clean", "empty: the record's text field holds no text")
        keys = ", ".join(map(str, list(record)[:8])) or "none"
        return InputError(input_name, "read", f"record has no text field (looked for {', '.join(_FIELDS['text'])}; "
                          f"it has: {keys})")
    raw = _raw_text(fields["text"], input_name, max_bytes, path=path, **{k: v for k, v in fields.items() if k != "text"})
    own = record_id(record)
    return replace(raw, article_id=own) if own and isinstance(raw, RawArticle) else raw


def decode(data: bytes, name: str) -> str | InputError:
    """Bytes -> text: UTF-8 (with or without BOM), UTF-16 with BOM, or cp1252 with a warning."""
    if not data.strip():
        return InputError(name, "decode", "empty file: no text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            return InputError(name, "decode", f"undecodable UTF-16 at byte {exc.start}")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if _binary(data[:8192]):
        return InputError(name, "decode", "binary file, not text (over 1 % of its first 8 kB are NUL or control bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            return InputError(name, "decode", f"undecodable bytes at byte {exc.start}: neither UTF-8 "
                              f"(fails at byte {utf8_error.start}) nor cp1252")
        warnings.warn(f"{name}: not valid UTF-8 (byte {utf8_error.start}); decoded as cp1252 (Windows-1252)",
                      AnalystkitWarning, stacklevel=2)
        log.warning("%s: decoded as cp1252", name)
        return text


_FRONT = re.compile(r"\A---[ \t]*\r?\n(?P<body>(?:[^\n]*\n){0,40}?)---[ \t]*\r?\n")


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split ``key: value`` front matter (between ``---`` lines at the top) from the text.

    Only the keys analystkit knows (title, published/date, url, outlet, author) are kept.
    """
    m = _FRONT.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m["body"].splitlines():
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return _known_fields(meta), text[m.end():]


def _known_fields(record: dict) -> dict[str, str]:
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    out = {}
    for field, names in _FIELDS.items():
        for n in names:
            value = lowered.get(n)
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            if value is not None and str(value).strip() and str(value).strip().lower() != "nan":
                out[field] = str(value).strip()
                break
    return out


def parse_published(value) -> datetime | None:
    """A publication date from metadata: ISO strings, "May 17, 2023", dates, datetimes; None if unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    import pandas as pd

    try:
        stamp = pd.Timestamp(str(value).strip())
    except (ValueError, TypeError, OverflowError):
        return None
    if pd.isna(stamp):
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.tz_localize(None)
    return stamp.to_pydatetime()


def article_from_text(
    text: str,
    input_name: str,
    article_id: str,
    *,
    published=None,
    wrapped: bool | None = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    author: str | None = None,
    path: str | None = None,
    metadata_published=None,
    default_published=None,
) -> Article | InputError:
    """Clean one article's text and attach its metadata; an :class:`InputError` if nothing is left.

    The publication date is, in order: ``published`` (the caller's word), the
    metadata's date, a dateline at the top of the text, ``default_published``.
    """
    if not isinstance(text, str):
        return InputError(input_name, "read", f"article text must be a string, not {type(text).__name__}")
    if not text.strip():
        return InputError(input_name, "clean", "empty: no text")
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte-order mark is not text; offsets count from after it
    cleaned = clean(text, wrapped=wrapped)
    if not cleaned.text.strip():
        return InputError(input_name, "clean", "no article text left after removing boilerplate")
    given = parse_published(published)
    if published not in (None, "") and given is None:
        return InputError(input_name, "read", f"published={published!r} is not a date")
    fallback = parse_published(default_published)
    if default_published not in (None, "") and fallback is None:
        return InputError(input_name, "read", f"published={default_published!r} is not a date")
    from_meta = parse_published(metadata_published)
    dateline = cleaned.dateline
    if given is not None:
        when, source = given, "argument"
    elif from_meta is not None:
        when, source = from_meta, "metadata"
    elif dateline is not None:
        when, source = datetime(dateline.year, dateline.month, dateline.day), "dateline"
    elif fallback is not None:
        when, source = fallback, "argument"
    else:
        when, source = None, None
    return Article(
        article_id=article_id, text=cleaned.text, title=title or cleaned.headline, outlet=outlet, url=url,
        author=author, published=when, path=path, input=input_name, raw_text=text, offsets=cleaned.offsets,
        paragraphs=cleaned.paragraphs, published_from=source,
        notes=f"removed {cleaned.controls:,} control character{'s' if cleaned.controls > 1 else ''}"
              if cleaned.controls else None,
        set_aside=cleaned.set_aside,
    )


def read_range(path: Path, start: int, stop: int, first_line: int, max_bytes: int = MAX_BYTES,
               ) -> Iterator[RawArticle | InputError]:
    """The records of a JSON Lines file whose lines start in bytes ``[start, stop)``; the first of them is
    line ``first_line``. Parts of one big file read this way, side by side, read as the whole file does."""
    return _from_jsonl(_lines(path, False, start, stop, first_line), str(path), max_bytes)


def count_lines(path: Path, start: int, stop: int) -> int:
    """How many lines of a file start in bytes ``[start, stop)`` (what :func:`read_range` numbers)."""
    return sum(1 for _ in _raw_lines(path, start, stop))


def _raw_lines(f_or_path, start: int, stop: int | None):
    """(line) bytes of the lines that start in ``[start, stop)`` of a file opened in binary."""
    f = open(f_or_path, "rb") if isinstance(f_or_path, (str, Path)) else f_or_path
    try:
        position = start
        if start > 0:
            f.seek(start - 1)
            position = start - 1 + len(f.readline())  # the rest of a line begun before start is not ours
        for line in f:
            if stop is not None and position >= stop:
                break
            position += len(line)
            yield line
    finally:
        if f is not f_or_path:
            f.close()


def _lines(path: Path, compressed: bool, start: int = 0, stop: int | None = None,
           first_line: int = 1) -> Iterator[tuple[int, str] | InputError]:
    """A file of records, line by line (numbered from 1), decoded: UTF-8, UTF-16 with a byte-order mark,
    or cp1252 with a warning. An unreadable or binary file is one error; a line that cannot be decoded
    is an error of its own and the rest is read. ``start``/``stop`` read only the lines that begin in
    that byte range (numbered from ``first_line``)."""
    name = str(path)
    try:
        f = gzip.open(path, "rb") if compressed else open(path, "rb")
    except OSError as exc:
        yield InputError(name, "read", f"cannot read file: {_why(exc)}")
        return
    with f:
        if start == 0:
            try:
                head = f.read(8192)
                if not head.strip() and not f.read(1 << 20).strip():
                    yield InputError(name, "decode", "empty file: no text")
                    return
                f.seek(0)
            except (OSError, EOFError) as exc:
                yield InputError(name, "read", f"cannot read file: {_why(exc)}")
                return
            if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 cannot be split on b"\n": decode it whole
                decoded = decode(f.read(), name)
                if isinstance(decoded, InputError):
                    yield decoded
                    return
                yield from enumerate(decoded.splitlines(keepends=True), 1)
                return
            if _binary(head.removeprefix(b"\xef\xbb\xbf")):
                yield InputError(name, "decode", "binary file, not text (over 1 % of its first 8 kB are NUL or control bytes)")
                return
        number = first_line - 1
        warned = False
        try:
            for number, line in enumerate(_raw_lines(f, start, stop), first_line):
                if number == 1:
                    line = line.removeprefix(b"\xef\xbb\xbf")
                try:
                    yield number, line.decode("utf-8")
                    continue
                except UnicodeDecodeError as utf8_error:
                    error = utf8_error
                try:
                    text = line.decode("cp1252")
                except UnicodeDecodeError as exc:
                    yield InputError(f"{name}#{number}", "decode", f"undecodable bytes on line {number} at byte "
                                     f"{exc.start}: neither UTF-8 (fails at byte {error.start}) nor cp1252")
                    continue
                if not warned:
                    warnings.warn(f"{name}: line {number} is not valid UTF-8 (byte {error.start}); such lines are "
                                  "decoded as cp1252 (Windows-1252)", AnalystkitWarning, stacklevel=2)
                    warned = True
                yield number, text
        except (OSError, EOFError) as exc:
            yield InputError(name, "read", f"cannot read past line {number}: {_why(exc)}")


def _binary(head: bytes) -> bool:
    """Whether the first bytes of a file are those of a binary file (an image, a PDF, a zip, UTF-16 without
    its mark): more than 1 % of them NUL or other control bytes. A text file with a stray NUL or escape
    code is text; cleaning removes those characters wherever they are (``clean.CONTROLS``)."""
    controls = sum(b < 9 or 13 < b < 32 for b in head)
    return controls > max(1, len(head) // 100)


def _from_json(text: str, name: str, max_bytes: int) -> Iterator[RawArticle | InputError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(name, "read", f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
        return
    if isinstance(data, dict) and not _known_fields(data).get("text"):
        data = next((v for v in data.values() if isinstance(v, list)), data)  # {"articles": [...]}
    records = data if isinstance(data, list) else [data]
    if not records:
        yield InputError(name, "read", "holds no records")
    for i, record in enumerate(records, 1):
        input_name = name if len(records) == 1 else f"{name}#{i}"
        if not isinstance(record, dict):
            yield InputError(input_name, "read", f"expected a JSON object, found {type(record).__name__}")
            continue
        yield _raw_record(record, input_name, name, max_bytes)


def _from_jsonl(lines: Iterable, name: str, max_bytes: int) -> Iterator[RawArticle | InputError]:
    for item in lines:
        if isinstance(item, InputError):
            yield item
            continue
        i, line = item
        if not line.strip():
            continue
        input_name = f"{name}#{i}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(input_name, "read", f"invalid JSON on line {i}, column {exc.colno}: {exc.msg}")
            continue
        if not isinstance(record, dict):
            yield InputError(input_name, "read", f"expected a JSON object, found {type(record).__name__}")
            continue
        raw = _raw_record(record, input_name, name, max_bytes)
        yield replace(raw, size=len(line)) if isinstance(raw, RawArticle) else raw


def _from_csv(lines: Iterable, name: str, max_bytes: int) -> Iterator[RawArticle | InputError]:
    errors: list[InputError] = []

    def texts():
        for item in lines:
            if isinstance(item, InputError):
                errors.append(item)
            else:
                yield item[1]

    # One article may be one field: the field limit must not be lower than the article limit.
    csv.field_size_limit(max(csv.field_size_limit(), 2 * max_bytes))
    reader = csv.DictReader(texts())
    i = 0
    try:
        for i, row in enumerate(reader, 1):
            yield from errors
            errors.clear()
            values = {k: v for k, v in row.items() if k is not None}
            raw = _raw_record(values, f"{name}#{i}", name, max_bytes)
            yield replace(raw, size=sum(len(v) + 1 for v in values.values() if isinstance(v, str))) \
                if isinstance(raw, RawArticle) else raw
    except csv.Error as exc:
        yield InputError(f"{name}#{i + 1}", "read", f"invalid CSV in row {i + 1} (line {reader.line_num}): {exc}; "
                         "the rows after it were not read")
    yield from errors
    if i == 0 and not errors and reader.fieldnames is not None:
        yield InputError(name, "read", "CSV has a header but no rows")


_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)


def _extract_html(html: str, name: str):
    """The article text of a saved page and trafilatura's document (title, site, date ...), or an error."""
    import trafilatura

    # Press releases set lists and datelines apart with <br>; trafilatura would run those lines together
    # ("... positions. * Near Mosul, ..."), so each becomes a paragraph of its own.
    html = _LINE_BREAK_TAG.sub("</p><p>", html)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken pages
        return InputError(name, "extract", f"could not parse the HTML page: {exc}")
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < 20:
        return InputError(name, "extract", "no article text found in the HTML page")
    return text, doc
