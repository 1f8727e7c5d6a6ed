"""The records that flow through the pipeline: plain frozen dataclasses.

Every span a stage reports carries ``start``/``end`` character offsets into
``Article.text`` (the cleaned text), and ``Article.text[start:end] == span.text``
holds for all of them. ``OffsetMap`` carries those offsets back to the text the
caller supplied (before cleaning).
"""
from __future__ import annotations

import bisect
from dataclasses import MISSING, dataclass, field, fields
from datetime import date, datetime


def record(cls):
    """``@dataclass(frozen=True, slots=True)`` with a quicker ``__init__``.

    A parse makes some two hundred records an article (sentences, mentions, claims, dates). Slots make each a
    fifth smaller, and the ``__init__`` dataclasses writes for a frozen class looks up ``object.__setattr__``
    again for every field; this one looks it up once. The class stays frozen and takes the same arguments.
    """
    cls = dataclass(frozen=True, slots=True)(cls)
    params = [f for f in fields(cls) if f.init]
    if any(f.default_factory is not MISSING for f in params):
        raise TypeError(f"{cls.__name__}: record takes plain defaults only")
    namespace = {"_set": object.__setattr__, **{f"_default_{f.name}": f.default for f in params
                                                  if f.default is not MISSING}}
    signature = ", ".join(f.name if f.default is MISSING else f"{f.name}=_default_{f.name}" for f in params)
    body = "".join(f"    _set(self, {f.name!r}, {f.name})\n" for f in params)
    exec(f"def __init__(self, {signature}):\n{body}", namespace)  # as dataclasses builds its own __init__
    namespace["__init__"].__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = namespace["__init__"]
    return cls


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in cleaned text back to offsets in the raw input text.

    Cleaning builds its output from pieces: each piece either copies a slice of
    the raw text or replaces one (a wrapped line break becomes a space, a run of
    bullet lines becomes a paragraph break). A piece is stored as
    ``(clean_start, raw_start, raw_end, copied)``; it ends where the next begins.
    """

    clean_starts: tuple[int, ...]
    raw_starts: tuple[int, ...]
    raw_ends: tuple[int, ...]
    copied: tuple[bool, ...]
    clean_length: int
    raw_length: int

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        return cls((0,), (0,), (length,), (True,), length, length)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw-text offsets of the cleaned span ``[start, end)``."""
        clean_starts, raw_starts, copied = self.clean_starts, self.raw_starts, self.copied
        if not clean_starts or self.clean_length == 0:
            return (0, 0)
        i = max(0, bisect.bisect_right(clean_starts, start) - 1)  # the piece that holds start
        raw_start = raw_starts[i] + (start - clean_starts[i] if copied[i] else 0)
        if end <= start:
            return (raw_start, raw_start)
        j = max(0, bisect.bisect_right(clean_starts, end - 1) - 1)  # and the one that holds end
        raw_end = raw_starts[j] + (end - clean_starts[j]) if copied[j] else self.raw_ends[j]
        return (raw_start, raw_end)


@record
class Paragraph:
    """A paragraph of the cleaned text. ``body_start`` skips a leading section label.

    ``role`` is "headline" or "dateline" for the title and date lines at the top, else "body".
    """

    index: int
    start: int
    end: int
    body_start: int
    section: str | None = None
    role: str = "body"


@dataclass(frozen=True)
class Article:
    """One article after ingest and cleaning: the text all offsets refer to, and its metadata."""

    article_id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: datetime | None = None
    path: str | None = None
    input: str | None = None  # what it was read from: a path, path#record, or <text N>
    raw_text: str = ""
    offsets: OffsetMap = field(default_factory=lambda: OffsetMap.identity(0), repr=False)
    paragraphs: tuple[Paragraph, ...] = field(default=(), repr=False)
    published_from: str | None = None  # "metadata", "dateline", "argument" or None
    notes: str | None = None  # what cleaning changed beyond layout ("removed 2 control characters")
    set_aside: tuple[tuple[int, int], ...] = ()  # page furniture lines left out of text, as spans of raw_text


@record
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    section: str | None = None


@record
class Quote:
    """A stretch of text between quotation marks; ``start``/``end`` include the marks."""

    start: int
    end: int
    closed: bool = True


@record
class Mention:
    """A source as written in one attribution: "A U.S. official", "He", "Army spokesperson Lt. Col. Dana Ruiz"."""

    start: int
    end: int
    text: str
    kind: str  # person / anonymous / organization / document / pronoun
    name: str  # normalised name: "Dana Ruiz", "a senior official", "NATO"
    role: str | None = None
    title: str | None = None
    affiliation: tuple[str, ...] = ()
    count: int | None = None
    plural: bool = False
    refers_start: int | None = None  # a pronoun resolved to a name: where that name is written
    refers_end: int | None = None


@record
class Claim:
    """What a source said: the content span, its cue, and the source mention of its attribution."""

    start: int
    end: int
    text: str
    kind: str  # direct / indirect / mixed / no_comment
    cue: str
    cue_start: int
    cue_end: int
    mention: Mention | None
    sentence: int
    rule: str
    confidence: float
    cue_type: str = "speech"  # speech / thought / intention / evidence / stance (its type in cues.tsv)


@record
class Source:
    """A cited source, merged over all its mentions in one article."""

    source_id: str
    name: str
    kind: str
    role: str | None
    title: str | None
    affiliation: tuple[str, ...]
    count: int | None
    mentions: tuple[Mention, ...]


@record
class TimeExpression:
    """A temporal expression and, where possible, its calendar interval."""

    start: int
    end: int
    text: str
    kind: str  # absolute / relative / duration / vague / set
    value: str | None  # TIMEX3-style: 2023-05-17, 2023-W18, P2W, PAST_REF ...
    start_date: date | None
    end_date: date | None
    granularity: str | None  # day / week / month / quarter / half / year / decade ...
    certainty: str  # exact / approximate / vague
    sentence: int = -1
    resolved: bool = True  # False when a relative expression has no publication date to anchor it
    timex: str | None = None  # TIMEX3 type: DATE, TIME, DURATION, SET; None for words TimeML leaves untagged
    mod: str | None = None  # TIMEX3 mod from the opening words: START (early), MID, END (late), APPROX, LESS_THAN ...


@record
class Event:
    """A dated happening: what (from the clause around the date) and when."""

    date: TimeExpression | None
    claim: Claim | None
    description: str
    when_start: date | None
    when_end: date | None
    certainty: str
    kind: str  # reported / publication
    start: int | None = None  # offsets of the description in the article text (None: not a span)
    end: int | None = None
