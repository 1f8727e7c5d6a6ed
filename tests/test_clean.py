"""Cleaning pasted text: wraps, bullets, boilerplate, sections, dateline, and offsets back to the input."""
import re

from analystkit.clean import clean, section_label


def _collapse(s: str) -> str:
    return " ".join(s.replace("·", " ").split())


def test_seed_hard_wraps_are_rejoined_into_paragraphs(seed_text):
    cleaned = clean(seed_text)
    assert "The Biden administration proposed to Israel a few weeks ago the idea of engaging in joint military planning" in cleaned.text
    assert "\n" not in "".join(cleaned.text[p.start:p.end] for p in cleaned.paragraphs)
    assert cleaned.text.count("\n\n") == len(cleaned.paragraphs) - 1


def test_seed_bullets_and_boilerplate_are_removed(seed_text):
    text = clean(seed_text).text
    assert "·" not in text
    assert "No comments" not in text and "Post a Comment" not in text
    assert text.rstrip().endswith("a key shipping route in the region.")


def test_seed_dateline_is_the_publication_date(seed_text):
    cleaned = clean(seed_text)
    assert cleaned.dateline.isoformat() == "2023-05-17"
    assert cleaned.paragraphs[0].role == "dateline"


def test_seed_section_labels_carry_over_to_following_paragraphs(seed_text):
    cleaned = clean(seed_text)
    sections = [p.section for p in cleaned.paragraphs]
    seen = [s for i, s in enumerate(sections) if s and (i == 0 or sections[i - 1] != s)]
    assert seen == ["Why it matters", "Yes, but", "Behind the scenes", "What they are saying", "State of play"]
    behind = [cleaned.text[p.body_start:p.end] for p in cleaned.paragraphs if p.section == "Behind the scenes"]
    assert behind[0].startswith("U.S. officials said the proposal came up")
    assert any(b.startswith("The IDF did not respond") for b in behind)


def test_cleaned_offsets_map_back_to_the_raw_text(seed_text):
    cleaned = clean(seed_text)
    for p in cleaned.paragraphs:
        raw_start, raw_end = cleaned.offsets.to_raw(p.start, p.end)
        assert _collapse(seed_text[raw_start:raw_end]) == _collapse(cleaned.text[p.start:p.end])
    i = cleaned.text.index("Phillip Ventura")
    raw_start, raw_end = cleaned.offsets.to_raw(i, i + len("Phillip Ventura"))
    assert seed_text[raw_start:raw_end] == "Phillip Ventura"


def test_one_paragraph_per_line_is_not_merged():
    raw = ("The mayor said on Monday that the bridge would reopen next week.\n"
           "Officials did not respond to requests for comment about the delays.\n"
           "The project started last year and has cost $40 million so far, according to city records.\n")
    cleaned = clean(raw)
    assert len(cleaned.paragraphs) == 3


def test_hyphen_at_a_line_break_joins_the_word():
    cleaned = clean("The agency said the co-\noperation with local police had been\nessential to the arrest of two suspects.")
    assert "co-operation" in cleaned.text


def test_attribution_before_a_colon_is_not_a_section_label():
    assert section_label("Officials said: the plan works.") is None
    assert section_label("Why it matters: the plan works.") == "Why it matters"
    assert section_label("The big picture: more to come.") == "The big picture"
    assert section_label("Prime Minister Netanyahu: we will act.") is None


def test_boilerplate_only_when_it_is_the_whole_line():
    cleaned = clean("Advertisement\nThe report calls for an advertisement ban, the minister said.\nShare this\n")
    assert cleaned.text == "The report calls for an advertisement ban, the minister said."


def test_empty_and_boilerplate_only_text_clean_to_nothing():
    assert clean("").text == ""
    assert clean("No comments:\nPost a Comment\n").text == ""


def test_windows_line_endings():
    cleaned = clean("Officials said the\r\nplan works.\r\n\r\nThe IDF did not respond.\r\n")
    assert cleaned.text == "Officials said the plan works.\n\nThe IDF did not respond."
    assert not re.search(r"\r", cleaned.text)


def test_section_labels_outside_the_word_list_are_recognised():
    from analystkit import lexicons

    assert "the state of the race" not in lexicons.entries("section_labels.txt")
    assert section_label("The state of the race: Polls have tightened.") == "The state of the race"
