"""Reporting cues: the verbs and phrases of ``lexicons/cues.tsv``, found in text and read in context.

:func:`_cue_pattern` finds every form; :func:`_is_verb` rules out the forms used as nouns ("the report"),
infinitives of other verbs and phrasal verbs; :func:`_extend_cue` takes in a told/asked cue's addressee.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicons

_TOLD_OBJECT = re.compile(
    r"\s+(?:(?:the\s+|a\s+)?[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,3}|reporters|journalists|lawmakers|"
    r"him|her|them|us|me|the\s+(?:newspaper|paper|outlet|network|station|agency|committee|court|audience|crowd|"
    r"broadcaster)|a\s+(?:news\s+conference|press\s+conference|briefing|reporter|crowd|rally))"
)


@dataclass(frozen=True)
class Cue:
    """One written form of a reporting cue, as ``cues.tsv`` describes it."""

    lemma: str
    type: str  # speech / thought / intention / evidence / stance
    weak: bool  # reports only before a that-clause, colon, quote or wh-word, or at the sentence end
    infinitive: bool  # may report a to-clause ("vowed to fight on")
    quoted: bool = False  # reports only content that holds a quotation ("called him a “liar”")
    inverts: bool = False  # may come before its subject ("..., said the minister")


@lexicons.cached
def _cues() -> dict[str, Cue]:
    """Every written form of a reporting cue ("called for", "says") -> what it is."""
    cues = {}
    for row in lexicons.rows("cues.tsv"):
        lemma, written, cue_type = row[0], row[1], (row[2] if len(row) > 2 else "speech")
        flags = row[3].split() if len(row) > 3 else []
        if cue_type == "weak":  # the older two-kind format: "speech" or "weak"
            cue_type, flags = "speech", [*flags, "weak"]
        for form in written.split():
            cues[form.replace("_", " ")] = Cue(lemma, cue_type, "weak" in flags, "infinitive" in flags,
                                               "quoted" in flags, "inverts" in flags)
    return cues


@lexicons.cached
def _cue_pattern() -> re.Pattern:
    return re.compile(r"(?<![\w-])" + lexicons.word_pattern(list(_cues())) + r"(?![\w-])")


@lexicons.cached(maxsize=4096)
def _cue_of(written: str) -> Cue:
    cues, phrase = _cues(), " ".join(written.split())
    return (cues.get(phrase) or cues.get(phrase.split()[0]) or cues.get(phrase.lower())
            or cues.get(phrase.split()[0].lower()) or Cue(written, "speech", False, False))


_TO_VERB = re.compile(r"\s+(?:not\s+)?to\s+[a-z]")


@lexicons.cached
def _title_case_cue_pattern() -> re.Pattern:
    return re.compile(r"(?<![\w-])" + lexicons.word_pattern(list(_cues())) + r"(?![\w-])", re.I)


# words after which a cue form is a noun ("the report", "a claim", "its plans", "2016 polls")
_NOUN_BEFORE = frozenset(
    "the a an this that these those its his her their our my your new latest of in at for from by with per many "
    "several some all both other no every each greatest biggest worst such".split())

_CONTRACTED = frozenset("he she it who that there what".split())  # "He’s claiming": has/is, then a verb


def _after_determiner(text: str, i: int) -> bool:
    """Whether the word before offset ``i`` (within 20 characters) makes a cue form there a noun: a
    determiner or preposition, a number, or a possessive ("the Pentagon’s report"; not "He’s claiming")."""
    lo = max(0, i - 20)
    j = i
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j == i:
        return False
    if j - 2 >= lo and text[j - 1] in "sS" and text[j - 2] in "'’":
        return _word_ending(text, lo, j - 2).lower() not in _CONTRACTED
    word = _word_ending(text, lo, j)
    if word.isdecimal() and text.endswith(" in ", lo, j - len(word)):
        return False  # "4 in 10 say": a share of people, then its verb
    return bool(word) and (word.lower() in _NOUN_BEFORE or word.isdecimal())


def _word_ending(text: str, lo: int, j: int) -> str:
    """The run of word characters that ends at ``j`` (not before ``lo``)."""
    k = j
    while k > lo and (text[k - 1].isalnum() or text[k - 1] == "_"):
        k -= 1
    return text[k:j]


def _is_verb(text: str, cue: re.Match) -> bool:
    """Whether a cue form is used as a verb here: not "the report", "a claim", not "continued to attack"."""
    if _after_determiner(text, cue.start()):
        return False
    if _TO_BEFORE.search(text, max(0, cue.start() - 4), cue.start()) and not (
            _GOES_ON_TO.search(text, max(0, cue.start() - 24), cue.start()) and _THAT.match(text, cue.end())):
        return False  # "needs to tell more jokes": the verb of an infinitive, not a report
    if _PARTICLE_AFTER.match(text, cue.end(), cue.end() + 6):
        return False  # "showed up", "called off": a phrasal verb
    if _cue_of(cue.group()).infinitive:
        return True
    return not _TO_CLAUSE_AFTER.match(text, cue.end(), cue.end() + 40)


_TO_BEFORE = re.compile(r"\bto\s+$")

# "continues to insist that", "went on to say that": the report goes on or begins; it is still made
_GOES_ON_TO = re.compile(r"\b(?:continu(?:e|es|ed|ing)|beg(?:an|in|ins|un)|start(?:s|ed)?|(?:went|goes|go|going)\s+on|"
                         r"proceed(?:s|ed)?|used)\s+to\s+$")

_PARTICLE_AFTER = re.compile(r"\s+(?:up|off|down|away)\b")

# "continued to attack": a to-infinitive after the cue form; not "said to reporters", "said to applause."
_TO_CLAUSE_AFTER = re.compile(
    r"\s+to\s+(?!the\b|a\b|an\b|[A-Z]|reporters|journalists|him|her|them|us|me|applause|cheers|laughter|boos|"
    r"jeers|supporters|voters|members|students|lawmakers|delegates|donors|[a-z]+[,.;!?]|[a-z]+\s+(?:from|at|in|on)\b)")

_THAT = re.compile(r"\s+that\b")

_ADDRESSEE_THAT = re.compile(r"(\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?[\w.’'-]+(?:\s+[\w.’'-]+){0,3}?)\s+that\b")


def _extend_cue(text: str, cue: re.Match, limit: int) -> int:
    """Take "told Reuters" as one cue: a told/asked cue includes its addressee."""
    if cue.group() in ("told", "tells", "tell", "telling", "warned", "warns", "assured", "reminded", "informed"):
        addressee = _ADDRESSEE_THAT.match(text, cue.end(), limit)  # "told police officials that ..."
        if addressee:
            return addressee.end(1)
    if cue.group() in ("told", "tells", "tell", "telling"):
        obj = _TOLD_OBJECT.match(text, cue.end(), limit)
        if obj and not _THAT.match(text, cue.end(), obj.end()):
            end = obj.end()
            if text[end - 1] == "." and text[end - 2].islower():
                end -= 1  # "told Reuters." - the stop ends the sentence, not the name
            return end
    return cue.end()
