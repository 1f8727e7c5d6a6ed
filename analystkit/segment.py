"""Paragraphs -> quotes and sentences, with offsets into the article text.

Quotes are found first, per paragraph, so that sentences never split inside a
quotation: a two-sentence quote followed by ", he said." stays one unit, which
is what attribution needs.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from . import lexicons
from .clean import BULLETS, _abbreviations
from .model import Paragraph, Quote, Sentence

OPENERS = "“«"
CLOSERS = "”»"
QUOTE_MARKS = '"' + OPENERS + CLOSERS
_BOUNDARY = re.compile(r"[.?!]+[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")


_DOUBLED_SINGLE = re.compile(r"(?<!['’])''(?!['’])")


def quote_view(text: str) -> str:
    """The text with doubled single marks (``''We will,'' he said``, an old wire style) written as ``"`` ,
    the same length, so that quote and sentence rules read one kind of mark.

    Offsets into the view are offsets into ``text``; spans are cut from ``text`` itself.
    """
    if "''" not in text:
        return text
    # an opening pair (after a space or at the start) becomes ' "', a closing pair '" ': the mark stays
    # next to the words it quotes, as sentence splitting expects
    return _DOUBLED_SINGLE.sub(lambda m: ' "' if m.start() == 0 or text[m.start() - 1].isspace() else '" ', text)


# copy set all in capitals: read in ordinary case when nearly all its letters are capitals
_ALL_CAPS_SHARE = 0.9
_MIN_LETTERS = 200
_LETTERS = re.compile(r"[A-Za-z][A-Za-z'’]*")
_SENTENCE_OPENING = re.compile(r"(\A\s*|[.!?][\"'”’)\]]*\s+|\n\s*|[\"“‘(\[-]\s*)([a-z])")


def case_view(text: str) -> str:
    """Copy set all in capitals (``PORT AUTHORITIES SAID ON THURSDAY ...``, as old wire feeds send it), in
    ordinary case and the same length: the rules read cues, pronouns and unnamed sources in lower case and
    names with a capital. Any other text is returned as it is.

    Words of ``lexicons/lowercase_words.txt`` and the cue, pronoun, source-head and document lexicons are
    lower-cased, words of three letters or fewer that are none of them are kept in capitals (U.S., UN,
    FBI), any other word gets a capital and lower case ("John Ellis", "Halifax"), and each sentence opens
    with a capital. Offsets into the view are offsets into ``text``; spans are cut from ``text`` itself.
    """
    head = text[:4000]
    if sum(map(head.count, "etaoins")) > 0.02 * len(head):
        return text  # ordinary text, told at C speed: its commonest lower-case letters are half its letters
    letters = sum(1 for ch in text if ch.isalpha())
    if letters < _MIN_LETTERS or sum(1 for ch in text if ch.isupper()) < _ALL_CAPS_SHARE * letters:
        return text
    lower = _lowercase_words()

    def recase(m: re.Match) -> str:
        word = m.group()
        low = word.lower()
        if len(low) != len(word):
            return word
        if low in lower or low.removesuffix("’s").removesuffix("'s") in lower:  # "PARTY'S"
            return low
        if len(word) <= 3:
            return word  # an acronym, perhaps
        return word[0] + low[1:]

    view = _LETTERS.sub(recase, text)
    return _SENTENCE_OPENING.sub(lambda m: m.group(1) + m.group(2).upper(), view)


@lexicons.cached
def _lowercase_words() -> frozenset[str]:
    words = {w.lower() for line in lexicons.entries("lowercase_words.txt") for w in line.split()}
    words.update(w.lower() for form in lexicons.cue_forms() for w in form.split())
    for name in ("pronouns.tsv", "anonymous.txt"):
        words.update(w.lower() for row in lexicons.rows(name) for w in row if w and " " not in w)
    words.update(e.lower() for e in lexicons.entries("documents.txt") if " " not in e)
    words.update(w.lower() for e in lexicons.entries("no_comment.txt") for w in e.split() if w.isalpha())
    return frozenset(words)


def find_quotes(text: str, paragraphs: tuple[Paragraph, ...]) -> list[Quote]:
    """Double-quoted stretches of each paragraph, marks included.

    Curly marks say which way they face; a straight ``"`` opens when it follows a
    space, a paragraph start or an opening bracket, and closes otherwise; a closing curly
    mark that opens a paragraph is taken as a mistyped opener. A quote left open at the
    end of its paragraph runs to the paragraph end (``closed=False``): news style leaves
    a quote open when it continues into the next paragraph.
    """
    quotes: list[Quote] = []
    marks = _positions(text, QUOTE_MARKS)
    for p in paragraphs:
        open_at: int | None = None
        for i in _positions_between(marks, p.body_start, p.end):  # only the marks, not every character
            ch = text[i]
            if ch == '"':
                before = text[i - 1] if i > p.body_start else " "
                opening = before.isspace() or before in "([{—–-/" or i == p.body_start
            else:
                # a closing mark that opens a paragraph is a mistyped opener ("”Fear. I am afraid.”")
                opening = ch in OPENERS or (i == p.body_start and open_at is None)
            if open_at is None and opening:
                open_at = i
            elif open_at is not None and not opening:
                quotes.append(Quote(open_at, i + 1, True))
                open_at = None
            elif open_at is not None and opening and ch == '"':
                # two straight openers in a row: the first was a stray mark
                open_at = i
        if open_at is not None:
            quotes.append(Quote(open_at, p.end, False))
    return quotes


def split_sentences(text: str, paragraphs: tuple[Paragraph, ...], quotes: list[Quote]) -> list[Sentence]:
    """Sentences of every paragraph body, never split inside a quote or after an abbreviation.

    A bullet glyph inside a paragraph ("... positions. * Near Mosul, ...", a list flattened into one line)
    also ends a sentence; the glyph belongs to neither sentence.
    """
    inside = _quote_lookup(quotes)
    abbreviations = _abbreviations()
    sentences: list[Sentence] = []
    stops = _positions(text, ".?!")
    bullets = _positions(text, INLINE_BULLETS)
    for p in paragraphs:
        start = p.body_start
        for end, resume, stop in _breaks(text, stops, bullets, p.body_start, p.end):
            if inside(end - 1) or (stop is not None and not _real_boundary(text, start, stop, abbreviations)):
                continue
            if end > start:
                sentences.append(Sentence(len(sentences), start, end, p.index, p.section))
            start = resume
            while start < p.end and text[start].isspace():
                start += 1
        if start < p.end:
            sentences.append(Sentence(len(sentences), start, p.end, p.index, p.section))
    return sentences


INLINE_BULLETS = "".join(ch for ch in BULLETS if ch not in "·–—-")  # dashes and the middle dot join words too


def _breaks(text: str, stops: list[int], bullets: list[int], start: int, end: int
            ) -> list[tuple[int, int, int | None]]:
    """Candidate sentence ends in ``text[start:end]``, in order, as (end, where the next may begin, the stop
    mark): after a stop ("works. The"), or before a bullet standing between spaces ("works * The")."""
    candidates = [(m.end(), m.end(), m.start()) for m in _boundaries(text, stops, start, end)]
    for b in _positions_between(bullets, start + 1, end - 1):
        if text[b - 1].isspace() and text[b + 1].isspace() and _AFTER_BULLET.match(text, b + 1, end):
            close = b
            while close > start and text[close - 1].isspace():
                close -= 1
            candidates.append((close, b + 1, None))
    return sorted(candidates, key=lambda c: (c[0], c[1]))


_AFTER_BULLET = re.compile(r"\s+[\"“‘'(\[]?[A-Z0-9]")


def _positions(text: str, chars: str) -> list[int]:
    """Every offset of any of ``chars`` in ``text``, in order. Finding each character with ``str.find`` is
    several times quicker than scanning for a character class."""
    found = []
    for ch in chars:
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    return sorted(found) if len(chars) > 1 else found


def _positions_between(positions: list[int], start: int, end: int) -> list[int]:
    return positions[bisect.bisect_left(positions, start):bisect.bisect_left(positions, end)]


def _boundaries(text: str, stops: list[int], start: int, end: int) -> Iterator[re.Match]:
    """What ``_BOUNDARY.finditer(text, start, end)`` finds, trying only where a stop mark is."""
    after = start
    for i in _positions_between(stops, start, end):
        if i < after:
            continue  # inside the previous boundary ("?!", "...")
        m = _BOUNDARY.match(text, i, end)
        if m:
            yield m
            after = m.end()


def _real_boundary(text: str, sentence_start: int, mark: int, abbreviations: frozenset[str]) -> bool:
    if text[mark] != ".":
        return True
    word_start = mark
    while word_start > sentence_start and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:mark].lstrip("\"“‘'([")
    if word in abbreviations or (len(word) == 1 and "A" <= word <= "Z"):
        return False  # "Lt. Col. Dana Ruiz", "John F. Kennedy"
    return True


def sentence_at(sentences: list[Sentence], starts: list[int], offset: int) -> Sentence | None:
    """The sentence that holds ``offset``, or None (sentences in text order; ``starts`` their starts)."""
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and sentences[i].start <= offset < sentences[i].end:
        return sentences[i]
    return None


def _quote_lookup(quotes: list[Quote]):
    """A function telling whether an offset lies strictly inside a quote (not on its closing mark)."""
    starts = [q.start for q in quotes]

    def inside(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and quotes[i].start < offset < quotes[i].end - (1 if quotes[i].closed else 0)

    return inside


def looks_like_title(text: str, paragraph: Paragraph) -> bool:
    """Whether a paragraph reads as a title-case headline ("Mayor Says Bridge Will Reopen in May"):
    short, and most of its longer words capitalised."""
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text[paragraph.body_start:paragraph.end]) if len(w) > 3]
    if not 3 <= len(words) <= 25:
        return False
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)
