"""Pasted text -> clean text, keeping a map back to every offset of the input.

News pasted from a browser or a blog arrives hard-wrapped, with bullet glyphs on
lines of their own, section labels ("Why it matters:"), a dateline, and page
furniture ("Post a Comment", "Share this"). :func:`clean` re-joins wrapped lines
into paragraphs (joined by one space; paragraphs separated by a blank line),
drops bullets and boilerplate lines, reads a dateline date at the top, and
records each paragraph's section label. It never rewrites characters inside a
line, so every character of the cleaned text is a character of the input or a
whitespace that stands for input whitespace; :class:`~analystkit.model.OffsetMap`
carries spans back to the input.

Control characters are the one exception (scraped and converted text carries NUL bytes, escape
codes and page breaks): they are removed wherever they occur, and those that separate text (vertical
tab, form feed, the file/group/record/unit separators) become a space. Tab, line feed and carriage
return stay. :attr:`Cleaned.controls` counts what was removed, and the ``articles`` table says so.
"""
from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from . import lexicons
from .model import OffsetMap, Paragraph

BULLETS = "·•●▪◦‣∙*–—-"
# C0 controls but tab, line feed and carriage return; DEL; C1 controls
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")
_SEPARATING_CONTROLS = frozenset("\x0b\x0c\x1c\x1d\x1e\x1f")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_WS = " \t\u00a0\u2009\u202f\ufeff"
_WS_OR_CONTROL = _WS + "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]))
_MARKER = re.compile(r"(?:[·•●▪◦‣∙*–—-]|#{1,6})[ \t\u00a0]+(?=\S)")
_TERMINAL = re.compile(r"[.?!][\"'”’)\]]*$")
_OPENING = re.compile(r"^[\"“‘'(\[]?[A-Z0-9]")
_LABEL = re.compile(r"^([A-Z][\w'’]*(?:,? [\w'’]+){0,5}):[ \t]+(?=\S)|^([A-Z][\w'’]*(?:,? [\w'’]+){0,5}):[ \t]*$")

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_DATELINE = re.compile(
    rf"^(?:(?:Updated|Published|Posted)(?: on)?:?\s+)?{_WEEKDAY}"
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))"
    r"(?:\s*(?:[-—–|,]|at)?\s*\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\s*[-—–|:]?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Cleaned:
    text: str
    offsets: OffsetMap
    paragraphs: tuple[Paragraph, ...]
    dateline: date | None
    headline: str | None = None
    controls: int = 0  # control characters removed
    set_aside: tuple[tuple[int, int], ...] = ()  # boilerplate lines left out (page furniture), as raw spans


@dataclass
class _Line:
    start: int  # content start in raw (after indentation and bullet glyph)
    end: int  # content end in raw (before trailing whitespace)
    bulleted: bool
    kind: str  # content / blank / bullet / boilerplate


def parse_dateline(line: str) -> date | None:
    """The date of a line that is only a date ("May 17, 2023", "Wed, 17 May 2023 10:04"), else None."""
    m = _DATELINE.match(line.strip())
    if not m:
        return None
    try:
        if m["y1"]:
            return date(int(m["y1"]), MONTHS[m["m1"].rstrip(".").lower()], int(m["d1"]))
        if m["y2"]:
            return date(int(m["y2"]), MONTHS[m["m2"].rstrip(".").lower()], int(m["d2"]))
        return date(int(m["y3"]), int(m["m3"]), int(m["d3"]))
    except (ValueError, KeyError):
        return None


@lexicons.cached
def _boilerplate() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in lexicons.entries("boilerplate.txt")), re.IGNORECASE)


@lexicons.cached
def _abbreviations() -> frozenset[str]:
    return frozenset(lexicons.entries("abbreviations.txt"))


@lexicons.cached
def _known_labels() -> frozenset[str]:
    return frozenset(lexicons.entries("section_labels.txt"))


_NOT_LABEL_WORDS = re.compile(
    r"\b(said|says|say|told|tells|added|wrote|writes|stated|announced|noted|according|asked|replied|"
    # how someone spoke, before a colon and the quotation: "The mayor put it simply:", "Officials were blunt:"
    r"put it|puts it|is|was|were|are|had a|has a|sounded|seemed)\b", re.I
)


def section_label(line: str) -> str | None:
    """The label that opens ``line`` ("Why it matters: ..."), or None.

    Listed labels always count; other short capitalised phrases before a colon count
    when they do not read as an attribution ("Officials said: ...").
    """
    if ":" not in line:
        return None  # the quick test first: most lines have no colon
    m = _LABEL.match(line)
    if not m:
        return None
    label = m[1] or m[2]
    norm = label.lower().replace("’", "'")
    if norm in _known_labels():
        return label
    words = label.split()
    if len(words) < 2 or any(ch.isdigit() for ch in label) or _NOT_LABEL_WORDS.search(label):
        return None
    if any(w[0].isupper() for w in words[1:] if w[0].isalpha()):
        return None  # "Prime Minister Netanyahu:" is a speaker, not a section
    return label


def ends_sentence(line: str) -> bool:
    """Whether a line ends with sentence-final punctuation that is not an abbreviation's period."""
    if not _TERMINAL.search(line):
        return False
    stripped = line.rstrip("\"'”’)]")
    if stripped.endswith("."):
        last = stripped[:-1].rsplit(None, 1)[-1] if stripped[:-1].split() else ""
        last = last.lstrip("\"“‘'([")
        if last in _abbreviations() or (len(last) == 1 and "A" <= last <= "Z"):
            return False
    return True


def _line_spans(raw: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of ``raw``, its line break excluded."""
    if "\r" in raw:
        for m in _LINE.finditer(raw):
            if m.start() == m.end():
                return
            yield m.start(), m.start() + len(m.group().rstrip("\r\n"))
        return
    start = 0  # only "\n" breaks lines: find them directly, far quicker than the pattern
    while start < len(raw):
        end = raw.find("\n", start)
        if end < 0:
            yield start, len(raw)
            return
        yield start, end
        start = end + 1


# a name and perhaps a short description after a comma: "Maria Lopez, resident"
_SIGNATURE = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4}(?:, [^\n.;:!?]{1,60})?")


def _signs_the_line_above(raw: str, content: str, marker: re.Match, lines: list[_Line]) -> bool:
    """Whether a line opened by an em dash is a signature under a quotation or a pull quote (a name, after a
    line that ends a sentence), not an item of a list of dashes."""
    if content[0] not in "—―" or not _SIGNATURE.fullmatch(content, marker.end()):
        return False
    above = next((ln for ln in reversed(lines) if ln.kind != "blank"), None)
    return (above is not None and above.kind == "content" and not above.bulleted
            and _TERMINAL.search(raw, above.start, above.end) is not None)


def _split_lines(raw: str, boilerplate: re.Pattern) -> list[_Line]:
    lines = []
    for line_start, line_end in _line_spans(raw):
        body = raw[line_start:line_end]
        start = line_start + (len(body) - len(body.lstrip(_WS_OR_CONTROL)))
        end = line_start + len(body.rstrip(_WS_OR_CONTROL))
        content = raw[start:end] if end > start else ""
        if not content:
            lines.append(_Line(start, start, False, "blank"))
            continue
        if not content.strip(BULLETS + _WS):  # nothing but bullet glyphs and spaces
            lines.append(_Line(start, end, False, "bullet"))
            continue
        bulleted = False
        marker = _MARKER.match(content)
        if marker and _signs_the_line_above(raw, content, marker, lines):
            marker = None  # "— Maria Lopez, resident" under a quotation: a signature, whose dash is kept
        if marker:
            # a glyph opening the line, as in "· Text", "- Text" or a Markdown "## Heading"
            bulleted = True
            start += marker.end()
            content = raw[start:end]
        if boilerplate.fullmatch(content):
            lines.append(_Line(start, end, bulleted, "boilerplate"))
            continue
        lines.append(_Line(start, end, bulleted, "content"))
    return lines


def looks_hard_wrapped(lines: list[str]) -> bool:
    """Whether line breaks inside a block are wraps (pasted text) rather than paragraph ends.

    Wrapped text has short lines that often stop mid-sentence; text with one
    paragraph per line has long lines that end with a full stop.
    """
    if len(lines) < 3:
        return True
    if statistics.median(len(line) for line in lines) > 120:
        return False
    return sum(not ends_sentence(line) for line in lines) / len(lines) >= 0.3


class _Builder:
    """Accumulates the cleaned text and its offset map, piece by piece."""

    def __init__(self, raw: str):
        self.raw = raw
        self.parts: list[str] = []
        self.length = 0
        self.clean_starts: list[int] = []
        self.raw_starts: list[int] = []
        self.raw_ends: list[int] = []
        self.copied: list[bool] = []

    def copy(self, start: int, end: int, controls: bool = False) -> None:
        """Copy ``raw[start:end]``; with ``controls``, without its control characters (see the module)."""
        if controls:
            for m in CONTROLS.finditer(self.raw, start, end):
                self.copy(start, m.start())
                separates = not _SEPARATING_CONTROLS.isdisjoint(m.group())
                self.replace(" " if separates and m.start() > start and m.end() < end else "", m.start(), m.end())
                start = m.end()
        if end > start:
            self._add(self.raw[start:end], start, end, True)

    def replace(self, text: str, raw_start: int, raw_end: int) -> None:
        if text:
            self._add(text, raw_start, raw_end, False)

    def _add(self, text: str, raw_start: int, raw_end: int, copied: bool) -> None:
        self.clean_starts.append(self.length)
        self.raw_starts.append(raw_start)
        self.raw_ends.append(raw_end)
        self.copied.append(copied)
        self.parts.append(text)
        self.length += len(text)

    def result(self) -> tuple[str, OffsetMap]:
        offsets = OffsetMap(
            tuple(self.clean_starts), tuple(self.raw_starts), tuple(self.raw_ends),
            tuple(self.copied), self.length, len(self.raw),
        )
        return "".join(self.parts), offsets


def clean(raw: str, wrapped: bool | None = None) -> Cleaned:
    """Clean pasted article text.

    Args:
        raw: the text as supplied (already decoded).
        wrapped: whether single line breaks are hard wraps inside paragraphs
            (True), or each line is a paragraph (False); None decides from the text.

    Example:
        >>> c = clean("May 17, 2023\\nOfficials said the\\nplan works.\\n·\\nNo comments:")
        >>> c.text, c.dateline
        ('May 17, 2023\\n\\nOfficials said the plan works.', datetime.date(2023, 5, 17))
    """
    controls = sum(m.end() - m.start() for m in CONTROLS.finditer(raw))
    lines = _split_lines(raw, _boilerplate())
    content = [ln for ln in lines if ln.kind == "content"]
    if wrapped is None:
        wrapped = looks_hard_wrapped([raw[ln.start:ln.end] for ln in content])

    # Group content lines into paragraphs: lists of lines.
    groups: list[list[_Line]] = []
    previous: _Line | None = None
    for ln in lines:
        if ln.kind != "content":
            previous = None
            continue
        text = raw[ln.start:ln.end]
        new_paragraph = (
            previous is None
            or not wrapped
            or ln.bulleted
            or section_label(text) is not None
            or (ends_sentence(raw[previous.start:previous.end]) and _OPENING.match(text) is not None)
            or (len(groups) <= 2 and (parse_dateline(text) or parse_dateline(raw[previous.start:previous.end])))
        )
        if new_paragraph:
            groups.append([ln])
        else:
            groups[-1].append(ln)
        previous = ln

    builder = _Builder(raw)
    spans: list[tuple[int, int]] = []  # each paragraph's (start, end) in the cleaned text
    dateline: date | None = None
    section: str | None = None
    for index, group in enumerate(groups):
        if index:
            builder.replace("\n\n", groups[index - 1][-1].end, group[0].start)
        start = builder.length
        for i, ln in enumerate(group):
            if i:
                gap_start = group[i - 1].end
                hyphenated = raw[gap_start - 1] == "-" and raw[gap_start - 2].isalpha() and raw[ln.start].islower()
                # "co-\noperation" -> "co-operation": keep the hyphen, drop the break
                builder.replace("" if hyphenated else " ", gap_start, ln.start)
            builder.copy(ln.start, ln.end, controls=controls > 0)
        spans.append((start, builder.length))
    text, offsets = builder.result()

    roles = _top_roles([text[start:end] for start, end in spans[:2]])
    final: list[Paragraph] = []
    for index, (start, end) in enumerate(spans):
        body = text[start:end]
        role = roles.get(index, "body")
        if role == "dateline":
            dateline = parse_dateline(body)
        label = section_label(body) if role == "body" else None
        body_start = start
        if label:
            section = label
            colon = body.index(":", len(label))
            body_start = start + colon + 1
            while body_start < end and text[body_start] in _WS:
                body_start += 1
        final.append(Paragraph(index, start, end, body_start, section, role))
    headline = next((text[p.start:p.end] for p in final if p.role == "headline"), None)
    set_aside = tuple((ln.start, ln.end) for ln in lines if ln.kind == "boilerplate")
    return Cleaned(text, offsets, tuple(final), dateline, headline, controls, set_aside)


def _top_roles(tops: list[str]) -> dict[int, str]:
    """Recognise a dateline ("May 17, 2023") and a headline above it in the first two paragraphs."""
    if tops and parse_dateline(tops[0]):
        return {0: "dateline"}
    if len(tops) == 2 and parse_dateline(tops[1]) and len(tops[0].split()) <= 40 and not ends_sentence(tops[0]):
        return {0: "headline", 1: "dateline"}
    return {}
