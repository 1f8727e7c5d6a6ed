"""Page furniture (related links, video lines, photo credits, 'story continues' lines) and the labels of
market and sports briefs never yield a claim or a source, and what is set aside stays addressable (issue 13)."""
import pandas as pd
import pytest

import analystkit

BEFORE, AFTER = "Officials said the bridge will reopen next week.", "The mayor said the work is done."

FURNITURE = [
    "READ MORE: Mayor Says Bridge Will Reopen Next Week",
    "Read more: Council approves the library budget",
    "WATCH: Firefighters rescue a cat from a tree",
    "WATCH BELOW: Crews battle the blaze on Main Street",
    "Watch the video: The mayor's full speech",
    "RELATED: School board election results",
    "MORE: How the storm hit the coast",
    "VIDEO: Residents describe the flood",
    "PHOTOS: The parade in pictures",
    "Listen: Our podcast on the election",
    "Related stories » Council votes on budget",
    "Story continues below advertisement",
    "Article continues after advertisement",
    "( Jane Doe / The Daily Ledger File Photo )",
    "(Crews work on the bridge on Monday. John Smith / Getty Images)",
    "Photo: John Smith/Reuters",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_a_furniture_line_yields_no_claim_and_is_set_aside(line):
    raw = f"{BEFORE}\n\n{line}\n\n{AFTER}"
    parsed = analystkit.parse(raw)
    assert parsed.claims.text.tolist() == ["the bridge will reopen next week", "the work is done"]
    assert line not in parsed.text
    assert parsed.article["set_aside"] == line
    start, end = map(int, parsed.article["set_aside_at"].split(":"))
    assert raw[start:end] == line


BRIEF_LABELS = [
    ("ENERGY: Benchmark crude rose 2 percent to $81 a barrel.", "ENERGY"),
    ("CURRENCIES: The dollar fell against the yen.", "CURRENCIES"),
    ("KEEPING SCORE: The Rangers have won five straight at home.", "KEEPING SCORE"),
    ("UP NEXT: The Rangers host Boston on Friday.", "UP NEXT"),
    ("BONDS: Treasury yields eased.", "BONDS"),
]


@pytest.mark.parametrize("line,label", BRIEF_LABELS)
def test_a_brief_label_is_the_paragraph_section_not_a_speaker(line, label):
    parsed = analystkit.parse(f"{BEFORE}\n\n{line}\n\n{AFTER}")
    assert parsed.claims.text.tolist() == ["the bridge will reopen next week", "the work is done"]
    assert label not in set(parsed.sources.name)
    assert line.split(": ", 1)[1] in parsed.text  # the brief itself is article text


LOOK_ALIKES = [
    ("“Listen — we are not going anywhere,” the mayor said.", "Listen — we are not going anywhere"),
    ("The company's 24/7 press office said it would respond by Friday.", "it would respond by Friday"),
    ("More than 40 residents said they were hurt.", "they were hurt"),
    ("Photographers said the crowd was peaceful.", "the crowd was peaceful"),
]


@pytest.mark.parametrize("line,claim", LOOK_ALIKES)
def test_article_text_that_looks_like_furniture_is_kept(line, claim):
    parsed = analystkit.parse(f"{BEFORE}\n\n{line}\n\n{AFTER}")
    assert claim in parsed.claims.text.tolist()
    assert pd.isna(parsed.article["set_aside"])


def test_a_transcript_speaker_label_is_still_a_speaker():
    parsed = analystkit.parse("Council meeting\n\nMAYOR DANA RUIZ: Good evening, and welcome.\n\n"
                              "COUNCILMEMBER OKAFOR: Thank you, Madam Mayor.\n")
    assert set(parsed.sources.name) == {"MAYOR DANA RUIZ", "COUNCILMEMBER OKAFOR"}
