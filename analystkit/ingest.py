"""Files, folders, records and strings -> cleaned :class:`~analystkit.model.Article` records.

Reads plain text (``.txt``, ``.md``, with optional ``---`` front matter), HTML
pages (``.html``, ``.htm``; the article and its metadata extracted by
trafilatura), ``.json`` / ``.jsonl`` records and ``.csv`` tables. Every input
becomes an article or an :class:`InputError` that names it and says what was
wrong; nothing is dropped silently.
"""
from __future__ import annotations

import csv
import io
import json
import logging
import re
import warnings
from collections.abc import Iterable
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
        (articles, errors): the articles in input order with ids a1, a2, ...,
        and one :class:`InputError` per input that could not be read.

    Example:
        >>> articles, errors = read_articles(["data/"])  # doctest: +SKIP
    """
    if isinstance(inputs, (str, Path, dict)):
        inputs = [inputs]
    articles: list[Article] = []
    errors: list[InputError] = []
    text_count = 0
    for item in inputs:
        if isinstance(item, Article):
            results: list = [item]
        elif isinstance(item, dict):
            text_count += 1
            results = [_from_record(item, f"<record {text_count}>", None, published)]
        elif isinstance(item, Path) or (isinstance(item, str) and _looks_like_path(item)):
            results = list(_read_path(Path(item), published, max_bytes))
        elif isinstance(item, str):
            text_count += 1
            results = [article_from_text(item, f"<text {text_count}>", "", default_published=published)]
        else:
            results = [InputError(repr(item)[:80], "read", f"cannot read a {type(item).__name__}: "
                                  "give a path, a folder, a dict record or a string of text")]
        for result in results:
            if isinstance(result, InputError):
                log.warning("%s: %s", result.input, result.message)
                errors.append(result)
            else:
                articles.append(replace(result, article_id=f"a{len(articles) + 1}"))
    return articles, errors


def _looks_like_path(item: str) -> bool:
    if "\n" in item or len(item) > 1024:
        return False
    try:
        if Path(item).exists():
            return True
    except (OSError, ValueError):  # a name too long for the file system, or holding a NUL: not a path
        return False
    # A short string ending in a known suffix or a slash was meant as a path, even if it is missing.
    return bool(re.search(r"(\.[A-Za-z0-9]{2,8}|[/\\])$", item.strip())) and len(item.split()) <= 3


def _read_path(path: Path, published, max_bytes: int):
    if not path.exists():
        yield InputError(str(path), "read", "no such file or folder")
        return
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path))
                       and not _SKIPPED_IN_FOLDERS.match(p.name))
        if not files:
            yield InputError(str(path), "read", "folder holds no files to read")
        for file in files:
            yield from _read_file(file, published, max_bytes)
        return
    yield from _read_file(path, published, max_bytes)


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _read_file(path: Path, published, max_bytes: int):
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield InputError(name, "read", f"unsupported file type {suffix or '(none)'}: analystkit reads "
                         + ", ".join(sorted(SUPPORTED)))
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield InputError(name, "read", f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB "
                             "limit for one input (raise it with max_bytes= or --max-bytes)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(name, "read", f"cannot read file: {exc.strerror or exc}")
        return
    decoded = decode(data, name)
    if isinstance(decoded, InputError):
        yield decoded
        return
    if suffix in HTML_SUFFIXES:
        yield _from_html(decoded, name, published)
    elif suffix == ".csv":
        yield from _from_csv(decoded, name, published)
    elif suffix == ".json":
        yield from _from_json(decoded, name, published)
    elif suffix in (".jsonl", ".ndjson"):
        yield from _from_jsonl(decoded, name, published)
    else:
        meta, body = front_matter(decoded)
        yield article_from_text(body, name, "", default_published=published, path=name, metadata_published=meta.pop("published", None), **meta)


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
    head = data[:8192]
    controls = sum(b < 9 or 13 < b < 32 for b in head)
    if b"\x00" in head or controls > len(head) * 0.05:
        return InputError(name, "decode", "binary file, not text (it holds NUL or control bytes)")
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
    )


def _from_record(record: dict, input_name: str, path: str | None, published) -> Article | InputError:
    fields = _known_fields(record)
    if "text" not in fields:
        keys = ", ".join(map(str, list(record)[:8])) or "none"
        return InputError(input_name, "read", f"record has no text field (looked for {', '.join(_FIELDS['text'])}; "
                          f"it has: {keys})")
    return article_from_text(
        fields["text"], input_name, "", default_published=published, title=fields.get("title"),
        outlet=fields.get("outlet"), url=fields.get("url"), author=fields.get("author"), path=path,
        metadata_published=fields.get("published"),
    )


def _from_json(text: str, name: str, published):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(name, "read", f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
        return
    if isinstance(data, dict) and not _known_fields(data).get("text"):
        data = next((v for v in data.values() if isinstance(v, list)), data)  # {"articles": [...]}
    records = data if isinstance(data, list) else [data]
    for i, record in enumerate(records, 1):
        input_name = name if len(records) == 1 else f"{name}#{i}"
        if not isinstance(record, dict):
            yield InputError(input_name, "read", f"expected a JSON object, found {type(record).__name__}")
            continue
        yield _from_record(record, input_name, name, published)


def _from_jsonl(text: str, name: str, published):
    lines = [(i, line) for i, line in enumerate(text.splitlines(), 1) if line.strip()]
    for i, line in lines:
        input_name = f"{name}#{i}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(input_name, "read", f"invalid JSON on line {i}, column {exc.colno}: {exc.msg}")
            continue
        if not isinstance(record, dict):
            yield InputError(input_name, "read", f"expected a JSON object, found {type(record).__name__}")
            continue
        yield _from_record(record, input_name, name, published)


def _from_csv(text: str, name: str, published):
    try:
        reader = csv.DictReader(io.StringIO(text))
        rows = list(reader)
    except csv.Error as exc:
        yield InputError(name, "read", f"invalid CSV: {exc}")
        return
    if not rows:
        yield InputError(name, "read", "CSV has a header but no rows")
        return
    for i, row in enumerate(rows, 1):
        yield _from_record({k: v for k, v in row.items() if k is not None}, f"{name}#{i}", name, published)


_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)


def _from_html(html: str, name: str, published) -> Article | InputError:
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
    return article_from_text(
        text, name, "", default_published=published, wrapped=False, title=doc.title, outlet=doc.sitename,
        url=doc.url, author=doc.author, path=name, metadata_published=doc.date,
    )
