"""Source mentions -> sources: read who a mention names, classify it, merge mentions.

A *mention* is a source as written in one attribution ("A U.S. official",
"Pentagon spokesperson Lt. Col. Dana Ruiz", "He"). :func:`read_mention`
reads one noun phrase into a :class:`~analystkit.model.Mention` (kind, name,
role, title, affiliation, count) or rejects it as not a plausible source.
:func:`merge_sources` links pronouns and definite descriptions ("the official")
to what they refer to and merges mentions of the same source into one
:class:`~analystkit.model.Source`.

Only the subjects of attributions become sources, so people who are merely
mentioned (a general whose visit is reported) never do; they serve only as
antecedents for pronouns ("White House adviser Kate Marsh spoke ... 'We
...,' he said.").
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import replace

from . import lexicons
from .clean import BULLETS
from .model import Claim, Mention, Quote, Sentence, Source

_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12, "dozens": None,
    "several": None, "some": None, "many": None, "multiple": None, "numerous": None, "two dozen": 24,
    "a few": None, "few": None, "a handful of": None, "other": None, "both": 2, "another": 1,
}
_DETERMINERS = ("the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your")
_LEADING_CONNECTIVES = re.compile(
    r"(?:(?:but|and|yet|so|still|however|meanwhile|instead|also|now|then|later|earlier|separately|even|finally|"
    r"additionally|moreover|furthermore|similarly|likewise|notably|ultimately|lastly|indeed|importantly|"
    r"in addition|in response|in a statement|in an interview|on [A-Z][a-z]+day),?\s+)+",
    re.I,
)
_CLAUSE_WORDS = re.compile(
    r"\b(?:is|are|was|were|be|been|being|am|that|which|if|because|when|while|whether|will|would|should|"
    r"could|can|may|might|must|shall|has|have|had|not|did|do|does|than|after|before|since|to|there|"
    r"during|against|into|over|about|this|these|those)\b"
)  # searched in lower case: far quicker than re.I
_RELATIVE = re.compile(r",?\s+(?:who|whom|whose|that(?=\s+[a-z])|which|familiar with|speaking on|granted|close to|briefed on|"
                       r"with knowledge of|privy to|involved in|knowledgeable about|aware of|informed about|"
                       r"involved with|directly involved)\b.*$", re.S)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z][a-z]*[A-Z][a-z]+|[A-Z]\.|O['’][A-Z][a-z]+)$")
_POSTMODIFIER = re.compile(
    r"\s+(?:of|from|for|at|in|with|on|by|to|outside|inside|near|across|around|among|seen|obtained|released|published|issued|signed|filed|"
    r"reviewed|sent|written|made|quoted|cited|conducted|commissioned|led|funded|sponsored|carried|based)\b.*$", re.S)
_PREPOSITIONS = {"in", "on", "at", "of", "for", "from", "to", "with", "by", "after", "before", "during", "since",
                 "under", "over", "about", "into", "as", "like", "than", "through", "without", "within", "while",
                 # not "outside"/"inside": "Outside experts said" opens with an adjective
                 "near", "across", "around", "among", "amid", "despite", "toward", "towards", "against", "between",
                 "beyond", "behind", "along", "throughout", "upon", "via", "beneath", "alongside", "unlike"}
_SUBORDINATORS = frozenset(
    "though although while when whenever if unless because since after before as once until whereas whether "
    "however meanwhile instead then now still yet so thus hence therefore here there why how what where".split())
_PARTY = re.compile(r"\s*\((?:[RDI]|GOP|Dem|Rep|Ind)\.?(?:-[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)?\)")
# quotes, clause punctuation (dashes, but not the hyphen of "Smith-Jones") and bullet glyphs
_NOT_IN_NOUN_PHRASE = re.compile("[" + re.escape('"“”—–;:()' + "".join(ch for ch in BULLETS if ch not in "–—-")) + "]")
# One word that opens a sentence and is not a name: an adverb ("Recently"), a participle ("Having") or an
# abbreviation ("Va."). Names end in -ly and -ing too (Kelly, Reilly, King, Manning, Ebeling), so only the
# endings that almost always make adverbs, and a list of participles and words that open sentences, count.
_ADVERB_OR_ABBREVIATION = re.compile(r"(?:ally|ently|antly|ately|ously|ively|edly|ingly|fully|lessly|ably|ibly|[a-z]\.)$")
_OPENING_WORDS = frozenset(
    "recently previously later earlier meanwhile finally separately similarly likewise notably ultimately lastly "
    "indeed initially currently clearly obviously apparently reportedly allegedly privately publicly frankly "
    "honestly rarely mostly nearly only early likely thereby having being speaking according including following "
    "regarding considering adding saying noting asking writing responding citing referring pointing during "
    "nothing something everything anything nobody somebody everybody anybody "
    # the first word of a time that opens a sentence ("Last month, ...", "Next week ...")
    "last next this late".split())
_ENDS_WITH_RELATIVE = re.compile(r"\b(?:who|which|whom)$")
# "to" after these nouns names whom a role serves ("Ambassador to the United States", "an adviser to the
# president"), not an infinitive ("officials to say")
_ROLE_TO = re.compile(r"\b(?:ambassador|envoy|adviser|advisor|aide|assistant|counselor|counsellor|representative|"
                      r"delegate|successor|spokesman|spokeswoman|spokesperson|secretary|minister)s?\s+to\b")
# sentence adverbs set off by commas between a subject and its verb ("Officials, however, said")
_ASIDE_ADVERBS = frozenset("however meanwhile though too also instead moreover nonetheless nevertheless "
                           "still likewise similarly separately later earlier previously again".split())


# Where a long source name stops being the name and becomes what is said of it: a relative clause, an
# appositive after a comma or a dash, a parenthesis, a participle or a verb ("... who attended", ", president of
# ...", " - virtually the same as", "... filed in federal court", "... said in an interview")
_NAME_ENDS = re.compile(
    r"\s*(?:,|\s--?\s|\s[—–]\s|\(|\b(?:who|whom|whose|which|that|where|when|whether)\b"
    r"|\b(?:said|says|told|tells|wrote|announced|reported|released|conducted|filed|published|gathered|based|"
    r"followed|kept|did|has|had|have|is|was|were|are|will|would)\b)")
NAME_WORDS = 8  # a name (or a short description) longer than this is cut where its description begins


def split_name(name: str) -> tuple[str, str | None]:
    """A source's name and what follows it, for a name longer than NAME_WORDS words:
    ``"a person who attended and described her remarks"`` -> ``("a person", "who attended and described her
    remarks")``. A shorter name, or one with no place to cut after its first word, stays whole."""
    if len(name.split()) <= NAME_WORDS:
        return name, None
    first_word = re.match(r"\W*\w[\w'’.-]*", name)
    m = _NAME_ENDS.search(name, first_word.end() if first_word else 0)
    if m is None or not name[:m.start()].strip(" ,"):
        return name, None
    return name[:m.start()].strip(" ,"), name[m.start():].strip(" ,-—–(").strip() or None


def _is_aside(rest: str) -> bool:
    """Whether what follows a subject's comma is an aside, not an appositive: a prepositional phrase
    ("in a statement released on Thursday", "on the other hand") or a sentence adverb ("however")."""
    first = rest.split(None, 1)[0].lower() if rest else ""
    return first in _ASIDE_ADVERBS or (first in _PREPOSITIONS and first != "of")


def _may_open_subject(text: str, start: int, comma: int) -> bool:
    """Whether ``text[start:comma]`` may be a subject followed by an aside: one phrase that opens the sentence
    or a clause, not the last item of a list or a place ("Des Moines, Iowa, on Monday") nor a connective."""
    before = start
    while before > 0 and text[before - 1].isspace():
        before -= 1
    if before > 0 and text[before - 1] == ",":
        return False
    head = text[start:comma]
    first = head.split(None, 1)[0].lower() if head.strip() else ""
    return "," not in head and first not in _SUBORDINATORS and first not in _CONNECTIVES and first not in _ASIDE_ADVERBS


_CONNECTIVES = frozenset("and or but nor besides".split())


# lowercase words that open a role before a name or a description ("former President Bill Clinton",
# "longtime aide Huma Abedin", "senior officials")
_ROLE_MODIFIERS = frozenset("former ex then longtime veteran top senior chief acting deputy retired fellow incoming "
                            "outgoing current interim onetime erstwhile".split())


def _described_by_lowercase_words(phrase: str) -> bool:
    """Whether a phrase that opens in lower case is still a source's description: its head is a noun for
    people ("federal officials", "homeland security experts"), or a role runs into a name ("election lawyer
    Joe Birkenstock", "public defender Shannon Quill")."""
    words = _POSTMODIFIER.sub("", phrase).split()
    if not words or not words[0].isalpha():
        return False
    if words[-1].lower() in _anonymous_heads():
        return True
    tail = _name_tail(words)
    return 2 <= tail < len(words) and words[-tail - 1].lower() in _description_heads()


def _has_clause_word(lowered: str) -> bool:
    """Whether a lowered phrase holds a word that makes it a clause ("was", "that", "to" but not the "to" of
    "an adviser to the president")."""
    if "to" in lowered:
        lowered = _ROLE_TO.sub(" ", lowered)
    return _CLAUSE_WORDS.search(lowered) is not None


# hedges before a number or share of people ("about half of voters", "more than 60 percent of Democrats")
_APPROXIMATELY = re.compile(
    r"(?:[Aa]bout|[Nn]early|[Aa]lmost|[Rr]oughly|[Oo]nly|[Jj]ust|[Aa]round|[Aa]pproximately|[Oo]ver|[Uu]nder|"
    r"(?:[Mm]ore|[Ll]ess|[Ff]ewer) than|[Aa]t least|[Cc]lose to|[Uu]p to)\s+(?=\d|(?:a|an|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|half|a third|a quarter|a majority|a fifth|two-thirds|three-quarters|[a-z]+ in \d+)\b)")
_SHARE_IN = re.compile(
    r"(?:one|two|three|four|five|six|seven|eight|nine|\d+) (?:in|out of) (?:two|three|four|five|six|seven|eight|nine|ten|\d+)"
    r"(?:\s+of)?(?:\s+the)?\s*", re.I)


def _is_share_in(phrase: str) -> bool:
    """"Three in 10", "4 in 10 voters", "one in five of the Americans polled"? Only a share, perhaps of
    a group that could speak by itself ("voters", "Republicans")."""
    m = _SHARE_IN.match(phrase)
    if m is None:
        return False
    rest = phrase[m.end():]
    return not rest or (len(rest.split()) == 1 and (rest[0].isupper() or rest.lower() in _anonymous_heads()))
_THOSE_ASKED = re.compile(r"(?:[Tt]hose|[Pp]eople|[Vv]oters|[Aa]dults)\s+(?:surveyed|polled|questioned|interviewed|asked)")
_PARTICIPLE = re.compile(r"\w+ing\b")  # "speaking to reporters"
# the small words inside an institution's name ("Centers for Disease Control", "Department of Health"), and
# those that also join names ("Secretary of State and the Director", "Interfaith Paths to Peace")
_NAME_CONNECTORS = frozenset({"of", "for", "on"})
_NAME_JOINERS = _NAME_CONNECTORS | {"and", "the"}
# a small word between capitalised words belongs to a name, not to a clause
_INSIDE_A_NAME = re.compile(rf"\b([A-Z][\w’'.-]*) (?:{'|'.join(sorted(_NAME_JOINERS | {'to'}))}) (?=[A-Z])")
_DESCRIPTION = re.compile(r"(?:and\s+)?(?:a|an|the|[A-Z]|\d|of\s+[A-Z])")  # what an appositive opens with
_LEADING_ARTICLE = re.compile(r"^(?:and\s+)?(?:a|an|the)\s+")
_DETERMINER_ANY_CASE = re.compile(r"^(?:the|a|an)\s+", re.I)
_DEMONSTRATIVE = re.compile(r"^(?:the|a|an|this|that|these|those)\s+")
_CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight january february march "
    "april may june july august september october november december".split())
_PARTY_PLURALS = frozenset({"republicans", "democrats"})
_PARTICLES = {"de", "van", "von", "der", "da", "di", "la", "le", "bin", "al", "del", "dos", "du", "ibn"}


@lexicons.cached
def _pronouns() -> dict[str, str]:
    return {p: kind for p, kind in lexicons.rows("pronouns.tsv")}


@lexicons.cached
def _anonymous_heads() -> dict[str, bool]:
    """Anonymous head nouns -> whether the form is plural."""
    heads: dict[str, bool] = {}
    for row in lexicons.rows("anonymous.txt"):
        heads[row[0]] = False
        if len(row) > 1 and row[1]:
            heads[row[1]] = True  # "police" is both
    return heads


@lexicons.cached
def _document_heads() -> frozenset[str]:
    return frozenset(lexicons.entries("documents.txt"))


@lexicons.cached
def _reporting_verbs() -> frozenset[str]:
    """The one-word forms of the reporting cues ("said", "told", "warns"), but those that are also nouns
    that can head a source ("reports", "sources")."""
    forms = {form for form in lexicons.cue_forms() if " " not in form}
    return frozenset(forms - _document_heads() - set(_anonymous_heads()))


@lexicons.cached
def _organization_words() -> frozenset[str]:
    return frozenset(lexicons.entries("organizations.txt"))


@lexicons.cached
def _organization_heads() -> frozenset[str]:
    """Organisation words in lower case, as heads of descriptions ("the ministry", "the company")."""
    return frozenset(w.lower() for w in _organization_words())


@lexicons.cached
def _common_nouns() -> frozenset[str]:
    """Nouns that head descriptions ("Officials", "Researchers"), never a person's name."""
    return frozenset(_anonymous_heads()) | _document_heads() | {"the", "a", "an"}


@lexicons.cached
def _titles() -> tuple[str, ...]:
    return tuple(sorted(lexicons.entries("titles.txt"), key=len, reverse=True))


@lexicons.cached
def _role_words() -> frozenset[str]:
    return frozenset(lexicons.entries("role_words.txt"))


@lexicons.cached
def _affiliations() -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    table = {key: tuple(v for v in value.split(";") if v) for key, value in lexicons.rows("affiliations.tsv")}
    # one trie-shaped alternation; at each place the longest key that ends a word wins ("South Korean")
    pattern = re.compile(r"(?<![\w.])(?:" + lexicons.word_pattern(table, space=" ") + r")(?![\w])")
    return pattern, table


def affiliations_in(text: str) -> tuple[str, ...]:
    """Affiliations named in a description: "three U.S. and Israeli officials" -> ("United States", "Israel")."""
    pattern, table = _affiliations()
    found: list[str] = []
    for m in pattern.finditer(text):
        for value in table[m.group()]:
            if value not in found:
                found.append(value)
    return tuple(found)


@lexicons.cached
def _multiword_organizations() -> re.Pattern | None:
    """Organisation names of several words ("Justice Department"), found anywhere in a phrase."""
    names = [o for o in _organization_words() if " " in o]
    return re.compile(lexicons.word_pattern(names, space=" ")) if names else None


_ACRONYM = re.compile(r"[A-Z][A-Z.&]{1,}[A-Z.]?")
_INITIAL = re.compile(r"[A-Z]\.")


def _is_org_name(words: list[str]) -> bool:
    orgs = _organization_words()
    if any(w.strip(".,") in orgs for w in words):
        return True
    multiword = _multiword_organizations()
    if multiword is not None and multiword.search(" ".join(words)):
        return True
    last = words[-1].strip(".,")
    if last.endswith(("'s", "’s")):
        last = last[:-2]
    return bool(_ACRONYM.fullmatch(last)) and not _INITIAL.fullmatch(last)  # "IDF", "NASA"


@lexicons.cached
def _title_set() -> frozenset[str]:
    return frozenset(_titles())


@lexicons.cached
def _title_length() -> int:
    """The most words a title has ("Lt. Gov." has two)."""
    return max((len(t.split()) for t in _titles()), default=0)


def _split_title(words: list[str]) -> tuple[str | None, list[str]]:
    """Strip honorifics and ranks from the front of a name: "Lt. Col. Dana Ruiz" -> ("Lt. Col.", [...])."""
    titles = _title_set()
    for n in range(min(_title_length(), len(words)), 0, -1):  # the longest title wins ("Vice President")
        title = " ".join(words[:n])
        if title in titles:
            rest = words[n:]
            more, rest = _split_title(rest) if rest else (None, rest)
            return (title + (" " + more if more else "")), rest
    return None, words


@lexicons.cached
def _not_names() -> frozenset[str]:
    """Capitalised words that are never part of a person's name: roles, organisations, titles, places."""
    return _role_words() | _organization_words() | _title_set() | frozenset(_affiliations()[1])


@lexicons.cached(maxsize=65536)
def _may_be_in_name(word: str) -> bool:
    """Whether a word (its trailing comma dropped) may be part of a name: "Dana", "O’Neill", "de"."""
    bare = word.rstrip(",")
    return bare not in _not_names() and (bare.lower() not in _common_nouns() or bare in _FIRST_NAMES_THAT_ARE_NOUNS)


# first names that the lexicons also hold as nouns ("a bill", "a guy", "the will"): Bill Clinton, Guy Cecil
_FIRST_NAMES_THAT_ARE_NOUNS = frozenset("Bill Guy Will Mark Grant Chase Hope Faith Frank Rich Pat Don Jack".split())


@lexicons.cached(maxsize=65536)
def _is_name_token(word: str) -> bool:
    """Whether a word is written as a name is ("Dana", "McCain", "J."), and may be part of one."""
    return bool(_NAME_TOKEN.match(word.rstrip(","))) and _may_be_in_name(word)


def _name_tail(words: list[str]) -> int:
    """How many of the last words form a person's name (0 if they do not look like one)."""
    count = 0
    for w in reversed(words):
        if _is_name_token(w) or (count and w.rstrip(",") in _PARTICLES and _may_be_in_name(w)):
            count += 1
            if count == 3:
                break
        else:
            break
    # a leading particle is not a name by itself
    while count and words[len(words) - count] in _PARTICLES:
        count -= 1
    return count


# The longest stretch read as a subject: a noun phrase of up to 160 characters (``_read_phrase``) with an aside
# after it ("Trump, in a speech to supporters in Kentucky on Saturday, said").
_MAX_SUBJECT_STRETCH = 400


@lexicons.cached(maxsize=4096)  # the rules ask about the same stretch more than once; a Mention is immutable
def read_mention(text: str, start: int, end: int) -> Mention | None:
    """Read the noun phrase ``text[start:end]`` as a source mention, or None if it is not one.

    Example:
        >>> m = read_mention("A senior Israeli official said", 0, 25)
        >>> (m.kind, m.name, m.count, m.affiliation, m.role)
        ('anonymous', 'a senior Israeli official', 1, ('Israel',), 'senior official')
    """
    # Trim to the phrase itself: whitespace, punctuation, leading connectives ("But the official said").
    while start < end and (text[start].isspace() or text[start] in ",;:—–-("):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    if end - start > _MAX_SUBJECT_STRETCH:
        return None  # no subject runs this long; reading it would cost its length for each cue of a long sentence
    lead = _LEADING_CONNECTIVES.match(text, start, end)
    if lead:
        start = lead.end()
    comma = text.find(",", start, end)
    if comma > start and _is_aside(text[comma + 1:end].strip()) and _may_open_subject(text, start, comma):
        end = comma  # "Trump, in Kentucky,"; "Officials, however,": the aside is not part of the mention
    written = text[start:end]
    reading = _read_phrase(written)
    return Mention(start, end, written, *reading) if reading is not None else None


# A name is read again and again ("Dana Ruiz", "the ministry") and reads the same wherever it is written,
# so the reading of a phrase is kept apart from its offsets.
@lexicons.cached(maxsize=16384)
def _read_phrase(written: str) -> tuple | None:
    """What the trimmed noun phrase ``written`` names, as the Mention fields that follow its offsets and
    text (kind, name, role, title, affiliation, count, plural), or None if it is not a plausible source."""
    phrase = written
    # A party and state after a legislator's name is read past: "Rep. Gwen Moore (D-Wis.)".
    if "(" in phrase:
        phrase = _PARTY.sub("", phrase)
    if not phrase or len(phrase) > 160 or _NOT_IN_NOUN_PHRASE.search(phrase):
        return None
    if phrase.endswith(("'", "’", "'s", "’s")):
        return None  # "America’s" opens a longer noun phrase; it is not the subject
    if _is_share_in(phrase) or _THOSE_ASKED.fullmatch(phrase):
        # "three in 10 (voters)", "those surveyed": people a poll speaks for
        return "anonymous", written, "respondents", None, affiliations_in(phrase), None, True
    approximate = _APPROXIMATELY.match(phrase)
    if approximate:  # "about half of voters", "more than 60 percent": the share, read without the hedge
        reading = _read_phrase(phrase[approximate.end():])
        if reading is None or reading[0] != "anonymous":
            return None
        return ("anonymous", written, *reading[2:])
    first = phrase.split(None, 1)[0].lower()
    if phrase[0].islower() and first in _reporting_verbs():
        return None  # "said the minister": a cue and its subject, not a noun phrase
    if not (phrase[0].isupper() or phrase[0].isdigit() or first in _pronouns() or first in _DETERMINERS
            or first in _NUMBERS or first in _anonymous_heads() or first in _ROLE_MODIFIERS
            or _described_by_lowercase_words(phrase)):
        return None

    lowered = phrase.lower()
    if lowered in _DETERMINERS or (" " not in phrase and (lowered in _OPENING_WORDS
                                                          or _ADVERB_OR_ABBREVIATION.search(phrase))):
        return None  # "the", "Recently", "Having", "Va.": not a noun phrase
    if first in _SUBORDINATORS or (phrase.endswith(("who", "which", "whom"))
                                   and _ENDS_WITH_RELATIVE.search(phrase, len(phrase) - 6)):
        return None  # "Though she called ...", "The FBI, which": a clause, not a noun phrase
    if lowered in _pronouns():
        plural = _pronouns()[lowered] == "plural"
        return "pronoun", phrase, None, None, (), None, plural
    if first in _pronouns() and first not in _DETERMINERS:
        return None  # "he voted for Mr. Obama": a subject pronoun opens a clause, not a longer noun phrase

    core, appositive = phrase, None
    relative = _RELATIVE.search(core)
    if relative:
        core = core[: relative.start()]
    if "," in core:
        # "Dana Ruiz, a Pentagon spokesperson," / "Cres Eastman, Director of ..., and Chairman of ..."
        head, _, rest = core.partition(",")
        rest = rest.strip().strip(",").strip()
        participle = _PARTICIPLE.match(rest) is not None  # "The senator, speaking to reporters,"
        head_names = head.split()
        whole_name = bool(head_names) and _name_tail(head_names) == len(head_names)
        described = _DESCRIPTION.match(rest) or (
            # "Megan Hester, senior associate for education at the institute": a lowercase role, no clause
            whole_name and rest and rest.split()[0].lower() not in _PREPOSITIONS
            and not _CLAUSE_WORDS.search(_INSIDE_A_NAME.sub(r"\1 ", rest).lower())
            and "," not in rest.rstrip(",") and len(rest.split()) <= 14)
        if rest and _name_tail(head_names) and described:
            # "Dana Ruiz, a Pentagon spokesperson,"; "Smith, 45,"; "Warren, D-Mass."
            core = head
            if not rest[0].isdigit() and not rest.startswith("of "):  # "Smith, 45,"; "Wilson, of Springfield,"
                appositive = _LEADING_ARTICLE.sub("", rest)
        elif participle and "," not in head:
            core = head
        elif (described_person := _described_person(head, rest)) is not None:
            # "A lawyer for the news outlets, David Schulz,": the description, then the name
            name, role, title = described_person
            return "person", name, role, title, affiliations_in(phrase), 1, False
        else:
            return None  # "In the White House, Bedingfield": an opening phrase, not one noun phrase
    words = core.split()
    if not words or len(words) > 12 or _has_clause_word(core.lower()):
        return None
    if core.lower() in _CALENDAR_WORDS:
        return None  # "said Tuesday that ...": a day, not who spoke

    first = words[0].lower()
    if first in _PREPOSITIONS:
        return None
    affiliation = affiliations_in(phrase)
    head_words = _POSTMODIFIER.sub("", core).split() or words
    if (head_words != words and words[-1].islower() and words[-1] in _anonymous_heads()
            and all(w[0].isupper() or w in _NAME_JOINERS for w in words[:-1])):
        # "Centers for Disease Control officials", "Most of the candidates": capitalised words, then the people
        # who speak; the "for" or "of" opens no post-modifier, and the last word is the head
        head_words = words

    # Person: a name at the end, perhaps after a role and a title ("Pentagon spokesperson Lt. Col. Dana Ruiz").
    for name_in in (words, head_words) if head_words != words else (words,):
        # "Secretary of State Antony Blinken" ends with the name; "Lydia Buchtmann for Food Standards
        # Australia" has it before a post-modifier.
        person = _person(name_in, first, appositive)
        if person is not None:
            name, role, title = person
            return "person", name, role, title, affiliation, 1, False
    if " and " in core:
        # "Jeb Bush and Chris Christie", "Govs. Jeb Bush and Chris Christie": people named together
        left, _, right = core.rpartition(" and ")
        if all(_person(side.split(), side.split()[0].lower(), None) is not None for side in (left, right) if side):
            return "person", _strip_determiner(phrase), None, None, affiliation, 2, True

    # A title alone names one person: "the Vice President", "The Secretary" (capitalised, as titles are).
    if first == "the" and len(words) > 1 and " ".join(words[1:]) in _title_set():
        return "person", phrase, None, " ".join(words[1:]), affiliation, 1, False

    # The head noun comes before any post-modifier: "a spokesperson for the Pentagon", "a letter seen by Sky News".
    head = head_words[-1].strip(".,").lower()
    if head[:1].isdigit() and head.endswith("%"):
        head = "percent"  # "85% of Democrats"

    # Anonymous: "a senior Israeli official", "three U.S. and Israeli officials", "people familiar with ...".
    anonymous = _anonymous_heads()
    if head in _PARTY_PLURALS and not (first in _NUMBERS or (first in anonymous and first != head) or first[:1].isdigit()):
        anonymous = {}  # "Senate Republicans", "the Democrats": the party speaking, not some of its members
    if head in anonymous:
        plural = anonymous[head]
        count = _count(words)
        if count is None and not plural:
            count = 1
        role_words = [w for w in head_words if w[:1].islower() and w.lower() not in _NUMBERS
                      and w.lower() not in _DETERMINERS and w.lower() != "and" and w not in _NAME_CONNECTORS]
        described = phrase.split(",", 1)[0]  # not the participle or appositive after a comma
        name = first + described[len(first):] if first in _DETERMINERS else described
        return "anonymous", name, " ".join(role_words) or head, None, affiliation, count, plural

    # Document: "the report", "a statement from the ministry".
    if head in _document_heads() and (first in _DETERMINERS or first in _NUMBERS or head_words[0].lower() == head
                                      or head.endswith("s")):  # "the report", "one study", "Data from ...", "polls"
        return "document", _strip_determiner(phrase), None, None, affiliation, 1, False

    # Organisation: an institution, a company, a country speaking as one.
    if (_is_org_name([w for w in words if w[0].isupper()] or words) or head in _organization_heads()
            or _singular(head) in _organization_heads()):  # "the Sanders and Clinton campaigns"
        return "organization", _strip_determiner(phrase), None, None, affiliation, 1, False
    if all(w[0].isupper() for w in words if w.lower() not in ("of", "and", "for", "the")):
        # Capitalised words no lexicon knows: a country ("Israel"), "The Washington Post", or a surname.
        _, countries = _affiliations()
        kind = "organization" if (core in countries or first == "the" or len(words) > 4) else "person"
        return kind, _strip_determiner(phrase), None, None, affiliation, 1, False
    return None


def read_named_source(text: str, start: int, end: int) -> Mention | None:
    """Read a phrase that the syntax says is a source ("according to X") even when :func:`read_mention`
    would not: "the RealClearPolitics polling average", "court documents reported by The Post".

    Example:
        >>> read_named_source("the RealClearPolitics polling average", 0, 37).kind
        'document'
    """
    mention = read_mention(text, start, end)
    if mention is not None:
        return mention
    while start < end and (text[start].isspace() or text[start] in ",;:—–-("):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-.)"):
        end -= 1
    phrase = text[start:end]
    words = phrase.split()
    if not words or len(words) > 20 or any(q in phrase for q in '"“”'):
        return None
    lowered = {w.strip(",.").lower() for w in _POSTMODIFIER.sub("", phrase).split()}
    if lowered & ({w.lower() for w in _document_heads()} | {"average", "results", "tally", "count", "polling"}):
        kind = "document"
    elif lowered & set(_anonymous_heads()):
        kind = "anonymous"
    else:
        kind = "organization"
    return Mention(start, end, phrase, kind, _strip_determiner(phrase), None, None, affiliations_in(phrase), 1)


@lexicons.cached
def _description_heads() -> frozenset[str]:
    """Nouns that describe a person before the name ("The state's campaign chairman, Phil Lovas")."""
    return frozenset(_anonymous_heads()) | {w.lower() for w in _role_words()}


def _described_person(description: str, rest: str) -> tuple[str, str | None, str | None] | None:
    """(name, role, title) for "DESCRIPTION, NAME": "The state's campaign chairman, Phil Lovas"."""
    words, described = rest.split(), description.split()
    if not words or not described or "," in rest or _name_tail(words) != len(words):
        return None
    heads = {_POSTMODIFIER.sub("", description).split()[-1].lower(), described[-1].lower()}  # "one of its lawyers"
    if not heads & _description_heads():
        return None
    person = _person(words, words[0].lower(), None)
    if person is None:
        return None
    name, _, title = person
    return name, _DETERMINER_ANY_CASE.sub("", description), title


def _person(words: list[str], first: str, appositive: str | None) -> tuple[str, str | None, str | None] | None:
    """(name, role, title) if ``words`` end with a person's name, else None."""
    tail = _name_tail(words)
    while 1 < tail < len(words) and f"{words[-tail - 1]} {words[-tail]}" in _affiliations()[1]:
        tail -= 1  # "... to the United States Hamdullah Mohib": "States" ends a place, not begins the name
    if not tail or _is_org_name(words[-tail:]):
        return None
    prefix = words[: len(words) - tail]
    if prefix and prefix[-1].lower() in _NOT_BEFORE_NAME:
        return None  # "Centre for Control of Iodine Deficiency Disorders" names an institution
    before = prefix[-1] if prefix else ""
    if (before[:1].isupper() and not before.endswith(("'s", "’s")) and before.rstrip(",") not in _role_words()
            and before not in _title_endings() and not _role_of_place(prefix)):
        return None  # "Food Standards Australia New Zealand": capitalised words run on, a name of something
    role_words, title = _role_and_title(prefix)
    plausible = tail >= 2 or title is not None or len(words) == 1 or prefix[-1][0].islower()
    if not plausible or (first in ("the", "a", "an") and not title):
        return None
    role = appositive or " ".join(role_words) or None
    return " ".join(words[-tail:]), role, title


_NOT_BEFORE_NAME = frozenset(_PREPOSITIONS | {"the", "and"})


@lexicons.cached
def _title_endings() -> frozenset[str]:
    """Every ending of every title ("Col.", "Gen.", "President" of "Vice President")."""
    return frozenset(t[i:] for t in _titles() for i in range(len(t) + 1))


def _role_of_place(prefix: list[str]) -> bool:
    """Whether the words before a name are a role and the place it serves: "Governor of Washington",
    "Afghan Ambassador to the United States"."""
    for i, word in enumerate(prefix):
        if word in ("of", "to"):
            return len(prefix) > 2 and any(_is_role_word(w) for w in prefix[:i])
    return False


def _is_role_word(word: str) -> bool:
    """"Governor", "CEO", "Secretary": a word that opens a role ("Governor of Washington Chris Gregoire")."""
    return word in _role_words() or word in _title_set()


def _role_and_title(prefix: list[str]) -> tuple[list[str], str | None]:
    """Split the words before a name into role and title: ["Pentagon", "spokesperson", "Lt.", "Col."]."""
    for i in range(len(prefix)):
        title, rest = _split_title(prefix[i:])
        if title and not rest:
            return prefix[:i], title
    return prefix, None


_NUMBER_WORDS_LONGEST_FIRST = tuple(sorted(_NUMBERS, key=len, reverse=True))  # "a dozen" before "a"


def _count(words: list[str]) -> int | None:
    lowered = " ".join(words).lower()
    for phrase in _NUMBER_WORDS_LONGEST_FIRST:
        if lowered.startswith(phrase + " "):
            return _NUMBERS[phrase]
    if words[0].isdigit():
        return int(words[0])
    return None


def _singular(noun: str) -> str:
    """A plural noun's singular, as far as news needs it: "campaigns" -> "campaign", "agencies" -> "agency"."""
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _strip_determiner(phrase: str) -> str:
    return _DETERMINER_ANY_CASE.sub("", phrase)


def _description_key(mention: Mention) -> str:
    return _DEMONSTRATIVE.sub("", mention.name.lower())


# ---------------------------------------------------------------- antecedents for pronouns

_PERSON_NAME = re.compile(
    r"(?<![\w.])((?:[A-Z][a-z]+|[A-Z]\.)(?:\s+(?:[A-Z]\.|[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*)){1,3})(?![\w])"
)


def _people(text: str, start: int, end: int) -> Iterator[Mention]:
    """Person names written in ``text[start:end]`` ("Kate Marsh", "President Biden"), as mentions, in order.

    Used only as antecedents for pronouns; never as sources by themselves.
    """
    for m in _PERSON_NAME.finditer(text, start, end):
        words = m.group(1).split()
        tail = _name_tail(words)
        if tail == 0:
            continue
        title, _ = _role_and_title(words[: len(words) - tail])
        if tail < 2 and title is None:
            continue
        name_start = m.start(1) + len(" ".join(words[: len(words) - tail])) + (1 if tail < len(words) else 0)
        yield Mention(name_start, m.end(1), text[name_start : m.end(1)], "person", text[name_start : m.end(1)],
                      None, title, (), 1)


# ---------------------------------------------------------------- merging


def merge_sources(
    article_id: str,
    text: str,
    claims: list[Claim],
    sentences: list[Sentence],
    quotes: list[Quote],
) -> tuple[list[Source], list[Claim], dict[int, str]]:
    """Resolve pronouns and definite descriptions, and merge mentions into sources.

    Returns the sources, the claims with their mentions resolved (a pronoun
    mention keeps its own offsets but takes the name and kind of what it refers
    to), and a map from claim index to source id.
    """
    free_people = _FreePeople(text, sentences, quotes, claims)
    antecedents = _Antecedents()
    sources: list[dict] = []
    known = _SourceIndex(sources)
    claim_source: dict[int, str] = {}
    resolved_claims: list[tuple[int, Claim]] = []
    for index, claim in sorted(enumerate(claims), key=lambda ic: ic[1].cue_start):
        mention = claim.mention
        if mention is None:
            resolved_claims.append((index, claim))
            continue
        if mention.kind == "pronoun":
            mention = _resolve_pronoun(mention, antecedents, free_people)
        source = known.find(mention)
        if source is None:
            source = {"id": f"{article_id}.s{len(sources) + 1}", "index": len(sources), "mentions": [],
                      "first": mention}
            sources.append(source)
        antecedents.add(mention, source["index"], len(source["mentions"]))
        source["mentions"].append(mention)
        known.add(source, mention)
        claim_source[index] = source["id"]
        resolved_claims.append((index, claim if mention is claim.mention else replace(claim, mention=mention)))
    resolved_claims.sort(key=lambda ic: ic[0])
    return [_as_source(s) for s in sources], [c for _, c in resolved_claims], claim_source


def _sentence_subjects(text: str, sentence: Sentence) -> list[Mention]:
    """The person a sentence opens with ("White House adviser Kate Marsh tried ..."), as a mention.

    Pronouns mostly refer to the subject of an earlier sentence, so only a name
    that closes the sentence's opening noun phrase is a candidate antecedent.
    """
    person = next(_people(text, sentence.start, min(sentence.end, sentence.start + 200)), None)
    if person is not None:
        subject = read_mention(text, sentence.start, person.end)
        if subject is not None and subject.kind == "person" and subject.name == person.name:
            return [subject]
    return []


class _FreePeople:
    """Names that open sentences outside quotes and claims ("White House adviser Kate Marsh tried ..."):
    antecedents for "he" and "she" besides the sources. Read only where a pronoun asks, once per sentence."""

    def __init__(self, text: str, sentences: list[Sentence], quotes: list[Quote], claims: list[Claim]):
        self.text, self.sentences = text, sentences
        self.starts = [s.start for s in sentences]
        self.covered = _Stretches([(q.start, q.end) for q in quotes] + [(c.start, c.end) for c in claims])
        self.subjects: dict[int, Mention | None] = {}
        # sentence position -> the lowest position down to which no sentence has a free person, so that
        # pronouns with no antecedent do not each walk back to the start of the article
        self.none_down_to: dict[int, int] = {}

    def latest(self, after: int, end: int) -> Mention | None:
        """The last free person that starts after offset ``after`` and ends by ``end``."""
        k = bisect.bisect_left(self.starts, end) - 1  # the last sentence that starts before ``end``
        empty_top = None  # where the stretch of sentences without a free person being walked began
        while k >= 0 and self.sentences[k].end > after:
            person = self._subject(k)
            if person is None:
                empty_top = k if empty_top is None else empty_top
                k = self.none_down_to.get(k, k) - 1
                continue
            if empty_top is not None:
                self.none_down_to[empty_top], empty_top = k + 1, None
            if person.end <= end:
                return person if person.start > after else None
            k -= 1  # the pronoun's own sentence names its subject after the pronoun
        if empty_top is not None:
            self.none_down_to[empty_top] = k + 1
        return None

    def _subject(self, k: int) -> Mention | None:
        if k not in self.subjects:
            self.subjects[k] = next((p for p in _sentence_subjects(self.text, self.sentences[k])
                                     if not self.covered.holds(p.start)), None)
        return self.subjects[k]


class _Stretches:
    """Stretches of text ``[start, end)``, merged, to ask whether an offset falls in one by bisection."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            if self.ends and start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def holds(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]


class _Antecedents:
    """The mentions of the sources so far, for each referent a pronoun may want ("person", "plural",
    "thing"), in order of start, so that a pronoun finds the latest one before it by bisection."""

    def __init__(self) -> None:
        # want -> sorted (start, source position, position among the source's mentions), and the mentions
        self.keys: dict[str, list[tuple[int, int, int]]] = {"person": [], "plural": [], "thing": []}
        self.mentions: dict[str, list[Mention]] = {"person": [], "plural": [], "thing": []}

    def add(self, mention: Mention, source: int, position: int) -> None:
        for wants, keys in self.keys.items():
            if _fits(wants, mention):
                key = (mention.start, source, position)
                i = bisect.bisect(keys, key)
                keys.insert(i, key)
                self.mentions[wants].insert(i, mention)

    def latest(self, wants: str, before: int) -> Mention | None:
        """The fitting mention with the greatest start before offset ``before``; of several that start
        there, the one of the earliest source (and its earliest mention)."""
        keys = self.keys[wants]
        i = bisect.bisect_left(keys, (before,)) - 1
        if i < 0:
            return None
        return self.mentions[wants][bisect.bisect_left(keys, (keys[i][0],))]


def _resolve_pronoun(pronoun: Mention, antecedents: _Antecedents, free_people: _FreePeople) -> Mention:
    wants = _pronouns().get(pronoun.text.lower(), "person")
    antecedent = antecedents.latest(wants, pronoun.start)
    if wants == "person":
        # a name that opens a sentence is an antecedent only if it comes after the nearest source
        antecedent = free_people.latest(antecedent.start if antecedent else -1, pronoun.start) or antecedent
    if antecedent is None:
        return pronoun  # unresolved: kept as written, kind "pronoun"
    return replace(antecedent, start=pronoun.start, end=pronoun.end, text=pronoun.text,
                   refers_start=antecedent.refers_start if antecedent.refers_start is not None else antecedent.start,
                   refers_end=antecedent.refers_end if antecedent.refers_end is not None else antecedent.end)


def _fits(wants: str, m: Mention) -> bool:
    if wants == "person":
        return m.kind in ("person", "anonymous") and not m.plural
    if wants == "plural":
        return m.plural or m.kind == "organization"
    return m.kind in ("organization", "document")


class _SourceIndex:
    """Finds the earlier source a mention names again, if any (the latest one that fits), without reading
    every source so far: a list page or a transcript can cite thousands.

    A person named by a title alone ("the Vice President") is the latest person source with a mention of
    that title ("Vice President Kamala Harris"). A person named otherwise is the latest person source
    first named with the same surname ("Dana Ruiz" ... "Ruiz"), or first named by that title alone. Any
    other mention is the latest source of its kind first described the same way ("A U.S. official" ...
    "The U.S. official"); failing that, "the official" is the latest anonymous source with that head noun
    and no other affiliation.
    """

    def __init__(self, sources: list[dict]):
        self.sources = sources
        self.by_title: dict[str, int] = {}  # title -> latest person source with a mention of that title
        self.by_name: dict[tuple, int] = {}  # ("surname", word) or ("title", title) -> latest person source
        self.by_description: dict[tuple[str, str], int] = {}  # (kind, description key) -> latest source
        self.by_head: dict[tuple[str, str], list[int]] = {}  # (kind, head noun) -> sources, in order

    def find(self, mention: Mention) -> dict | None:
        if mention.kind == "person":
            found = (self.by_title.get(mention.title) if _title_only(mention)
                     else max(self.by_name.get(_name_key(mention), -1),
                              self.by_name.get(("title", mention.title), -1) if mention.title is not None else -1))
            return self.sources[found] if found is not None and found >= 0 else None
        found = self.by_description.get((mention.kind, _description_key(mention)))
        if found is not None:
            return self.sources[found]
        if mention.kind == "anonymous" and mention.name.lower().startswith(("the ", "this ", "these ")):
            for i in reversed(self.by_head.get((mention.kind, mention.name.split()[-1].lower()), ())):
                if set(mention.affiliation) <= set(self.sources[i]["first"].affiliation):
                    return self.sources[i]
        return None

    def add(self, source: dict, mention: Mention) -> None:
        """Index ``mention``, just added to ``source`` (a new source when it is its first mention)."""
        first, i = source["first"], source["index"]
        if first.kind == "person":
            if mention.title is not None:
                self.by_title[mention.title] = max(i, self.by_title.get(mention.title, -1))
            if mention is first:
                self.by_name[("title", first.title) if _title_only(first) else _name_key(first)] = i
        elif mention is first:
            self.by_description[(first.kind, _description_key(first))] = i
            words = first.name.split()
            if words:
                self.by_head.setdefault((first.kind, words[-1].lower()), []).append(i)


def _name_key(person: Mention) -> tuple:
    """What two names of one person share: the surname (the last word), or the whole name when empty."""
    words = person.name.split()
    return ("surname", words[-1]) if words else ("name", person.name)


def _title_only(mention: Mention) -> bool:
    """Whether a person is named by a title alone: "the Vice President"."""
    return mention.title is not None and mention.name.lower() == "the " + mention.title.lower()


_UNRESOLVED_KIND = {"person": "person", "plural": "anonymous", "thing": "organization"}


def _as_source(source: dict) -> Source:
    mentions: list[Mention] = source["mentions"]
    # Name the source by its most informative mention: a full name, or an indefinite description.
    best = max(mentions, key=lambda m: (m.kind != "pronoun",
                                        len(m.name.split()) if m.kind == "person" and not _title_only(m) else 0,
                                        not m.name.lower().startswith("the ")))
    affiliation: tuple[str, ...] = ()
    for m in mentions:
        affiliation += tuple(a for a in m.affiliation if a not in affiliation)
    role = next((m.role for m in mentions if m.role), None)
    title = next((m.title for m in mentions if m.title), None)
    # a pronoun nothing resolved: "he" is a person, "they" people not named, "it" an institution
    kind = best.kind if best.kind != "pronoun" else _UNRESOLVED_KIND[_pronouns().get(best.text.lower(), "person")]
    return Source(source["id"], best.name, kind, role, title, affiliation, best.count, tuple(mentions))
