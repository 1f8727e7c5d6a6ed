"""Word lists the pipeline reads: plain text files a teacher can open and extend.

Each ``*.txt`` file holds one entry per line; ``#`` starts a comment. Tab-separated
files (``*.tsv``) hold one record per line. Add your own entries with
:func:`extend` (for this session) or by editing the files.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).parent
_EXTRA: dict[str, list[str]] = {}


@lru_cache(maxsize=None)
def _read(name: str) -> tuple[str, ...]:
    lines = []
    for line in (_HERE / name).read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("#"):
            continue  # a comment line
        line = re.split(r"\s+#\s", line, maxsplit=1)[0].rstrip()  # "entry  # comment"
        if line.strip():
            lines.append(line.strip(" "))
    return tuple(lines)


def entries(name: str) -> tuple[str, ...]:
    """All entries of lexicon ``name`` (e.g. ``"abbreviations.txt"``), user additions included."""
    return _read(name) + tuple(_EXTRA.get(name, ()))


def rows(name: str) -> list[list[str]]:
    """Records of a tab-separated lexicon, each a list of stripped fields."""
    return [[f.strip() for f in line.split("\t")] for line in entries(name)]


def extend(name: str, new_entries: list[str]) -> None:
    """Add entries to a lexicon for this Python session, e.g. ``extend("boilerplate.txt", [r"Read the full story.*"])``.

    Stages cache what they derive from lexicons; call :func:`reload` after extending.
    """
    _EXTRA.setdefault(name, []).extend(new_entries)
    reload()


def forget_extensions() -> None:
    """Drop every entry added with :func:`extend`."""
    _EXTRA.clear()
    reload()


def reload() -> None:
    """Forget cached lexicons and everything stages derived from them."""
    for fn in _CACHED:
        fn.cache_clear()


_CACHED: list = []


def cached(fn=None, *, maxsize: int | None = None):
    """Decorator for functions that derive data from lexicons: cleared by :func:`reload`.

    ``@cached`` keeps every result; ``@cached(maxsize=4096)`` keeps the most recent ones (for functions
    called with article text, so that a long batch does not keep every article alive).
    """
    def wrap(f):
        wrapped = lru_cache(maxsize=maxsize)(f)
        _CACHED.append(wrapped)
        return wrapped

    return wrap(fn) if fn is not None else wrap


def word_pattern(words, space: str = r"\s+") -> str:
    """One regular expression for many words, factored as a trie ("sa(?:id|ys|y)").

    Python's engine then tries each position once instead of once per word, which is far faster
    for long word lists; a longer word wins over its prefix ("called for" over "called"). A space
    inside a word matches ``space``.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [(space if ch == " " else re.escape(ch)) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


@cached
def cue_forms() -> frozenset[str]:
    """Every written form of a reporting cue in ``cues.tsv`` ("said", "told", "called for"): what stages
    that must not read a cue as something else (a name, a noun phrase) ask for."""
    return frozenset(form.replace("_", " ") for row in rows("cues.tsv") if len(row) > 1 for form in row[1].split())
