"""Shapes of reported speech the rules once missed (issue 13), each a named rule or a named fix, with
sentences written for these tests."""
import pytest

import analystkit


def _claims(text: str) -> list[tuple[str, str, str, str]]:
    parsed = analystkit.parse(text)
    claims = parsed.claims.merge(parsed.sources[["source_id", "name"]], on="source_id", how="left")
    return [(c.name, c.kind, c.text, c.rule) for c in claims.itertuples()]


@pytest.mark.parametrize("text,source,content", [
    ("Residents have for years been saying that the road is unsafe.", "Residents", "the road is unsafe"),
    ("The union has been arguing that wages lag inflation.", "union", "wages lag inflation"),
    ("The mayor has for months insisted that the budget is balanced.", "the mayor", "the budget is balanced"),
])
def test_progressive_and_perfect_reports_with_time_between(text, source, content):
    [(name, kind, said, rule)] = _claims(text)
    assert (name, kind, said, rule) == (source, "indirect", content, "leading")


def test_who_is_heard_speaking_is_the_source_not_who_hears():  # rule leading_perceived
    [(name, kind, said, rule)] = _claims("Outside, we heard the crowd chant, “Not one more!”")
    assert (name, kind, said, rule) == ("the crowd", "direct", "Not one more!", "leading_perceived")


def test_a_quotation_alone_after_a_sentence_opened_by_its_speaker():  # rule quote_after_speaker
    text = "Dana Ruiz has run the shelter for a decade. “Every winter I see more families at the door.”"
    [(name, kind, said, rule)] = _claims(text)
    assert (name, kind, said, rule) == ("Dana Ruiz", "direct", "Every winter I see more families at the door",
                                        "quote_after_speaker")
    parsed = analystkit.parse(text)
    assert not parsed.quotes.attributed_here.iloc[0]  # the speaker is named in the sentence before


@pytest.mark.parametrize("text", [
    # an attribution after the quotation wins
    "Dana Ruiz has run the shelter for a decade. “Every winter I see more families.” Tom Lee said.",
    # words not in the first person may be anyone's: a sign, a slogan, a headline
    "Dana Ruiz has run the shelter for a decade. “Winter is coming.”",
    # a colon introduces someone else's words
    "Dana Ruiz quotes a former mayor:\n\n“I never saw a winter like it.”",
    # the sentence before does not open with a person
    "The shelter has been open for a decade. “Every winter I see more families.”",
])
def test_a_quotation_alone_is_not_given_to_a_speaker_without_those_signs(text):
    assert not [c for c in _claims(text) if c[3] == "quote_after_speaker"]


OPENING = "The council met on Monday to discuss the budget.\n\n"


@pytest.mark.parametrize("sentence,source,cue,content", [
    ("Smith, a nurse in Halifax, is more blunt: “We are exhausted.”", "Smith", "is more blunt:", "We are exhausted"),
    ("The mayor put it simply: “We are broke.”", "the mayor", "put it simply:", "We are broke"),
    ("Dana Ruiz had a message for the council: “Fund the shelter.”", "Dana Ruiz", "had a message for the council:",
     "Fund the shelter"),
    ('Officials were clear about it: "We will not pay."', "Officials", "were clear about it:", "We will not pay"),
])
def test_a_colon_led_report_says_how_its_speaker_spoke(sentence, source, cue, content):  # rule colon_quote
    parsed = analystkit.parse(OPENING + sentence)
    claims = parsed.claims.merge(parsed.sources[["source_id", "name"]], on="source_id")
    assert [(c.name, c.cue, c.text, c.rule) for c in claims.itertuples()] == [(source, cue, content, "colon_quote")]


@pytest.mark.parametrize("sentence", [
    "The rule is clear: “No phones in class.”",  # a rule is not a speaker
    "The sign was blunt: “Keep out.”",
])
def test_a_colon_led_quotation_without_a_source_is_no_claim(sentence):
    assert analystkit.parse(OPENING + sentence).claims.empty


def test_a_sentence_ending_in_a_colon_is_not_a_section_label():
    parsed = analystkit.parse(OPENING + "It is painstaking work: officials said the count takes weeks.")
    assert parsed.claims.section.isna().all()


@pytest.mark.parametrize("sentence,content", [
    ("The senator called the plan a stopgap.", "the plan a stopgap"),
    ("Critics called the deal a giveaway to developers.", "the deal a giveaway to developers"),
    ("The senator called Donald Trump a bully.", "Donald Trump a bully"),
])
def test_what_someone_was_called_is_a_claim(sentence, content):
    assert analystkit.parse(OPENING + sentence).claims.text.tolist() == [content]


@pytest.mark.parametrize("sentence", [
    "A group called Moms for Safety held a rally.",  # a name
    "The mayor called the police after the break-in.",  # a telephone call
    "The mayor called a meeting for Friday.",
])
def test_called_as_naming_or_calling_is_no_claim(sentence):
    assert analystkit.parse(OPENING + sentence).claims.empty


@pytest.mark.parametrize("text,source,cue,content", [
    ("Thousands marched. Residents were unimpressed (\"It is a joke,\" one resident said) and the meeting ran late.",
     "one resident", "said", "It is a joke"),
    ("Thousands marched. Critics disagreed (“This will hurt renters,” said Ana Ruiz of the tenants’ union).",
     "Ana Ruiz", "said", "This will hurt renters"),
])
def test_a_quotation_in_parentheses_is_the_claim_alone(text, source, cue, content):  # rule parenthetical_quote
    parsed = analystkit.parse(text)
    claims = parsed.claims.merge(parsed.sources[["source_id", "name"]], on="source_id", how="left")
    [claim] = claims.itertuples()
    assert (claim.name, claim.cue, claim.kind, claim.text, claim.rule) == (
        source, cue, "direct", content, "parenthetical_quote")


def test_a_title_in_parentheses_is_no_quotation():
    assert _claims("Thousands marched. The film (“The Long Road,” released in 2019) won praise.") == []


@pytest.mark.parametrize("text", [
    "The river rose overnight.\n\n“We lost everything in an hour.”\n\n— Maria Lopez, resident\n\nCrews worked on.",
    "The river rose overnight.\n\nWe lost everything in an hour.\n\n— Maria Lopez, resident\n\nCrews worked on.",
])
def test_a_pull_quote_signed_on_the_line_below(text):  # rule signed_below
    [(name, kind, said, rule)] = _claims(text)
    assert (name, kind, said, rule) == ("Maria Lopez", "direct", "We lost everything in an hour", "signed_below")


@pytest.mark.parametrize("text", [
    "The river rose overnight.\n\nThat is what matters most, in the end.\n\n— John Smith",  # the article's signature
    "Items on sale today:\n\n— Apples\n\n— Pears",  # a list of dashes
])
def test_a_signature_under_the_article_or_a_list_of_dashes_is_no_pull_quote(text):
    assert _claims(text) == []


def test_a_document_reads_only_a_quotation():
    assert _claims("The firm apologised. The statement read: “We regret the error.” Shares fell.")[0][:2] == (
        "statement", "direct")
    assert _claims("He read the statement aloud. The report reads like a novel.") == []


@pytest.mark.parametrize("text,source,first,second", [
    ("The system works, says the soft-spoken engineer from Halifax, noting that it has never failed.",
     "the soft-spoken engineer from Halifax", "The system works", "it has never failed"),
    ("Talks stalled. “The plan is sound,” said the minister, adding that talks would resume on Monday.",
     "the minister", "The plan is sound", "talks would resume on Monday"),
])
def test_an_inverted_speaker_then_a_participle_that_reports_more(text, source, first, second):
    parsed = analystkit.parse(text)
    assert parsed.claims.source_text.tolist() == [source, source]
    assert parsed.claims.text.tolist() == [first, second]
    assert parsed.claims.rule.tolist()[1] == "participle"


@pytest.mark.parametrize("text,content", [
    ("The senator continues to insist that he will fight on to the convention.", "he will fight on to the convention"),
    ("The mayor went on to say that the budget is balanced.", "the budget is balanced"),
])
def test_a_report_that_goes_on_or_begins_is_still_a_report(text, content):
    [(_, kind, said, rule)] = _claims(text)
    assert (kind, said, rule) == ("indirect", content, "leading")


def test_the_verb_of_an_infinitive_is_no_report():
    assert _claims("The comedian needs to tell more jokes.") == []


@pytest.mark.parametrize("text,content", [
    ("The senator suggested she’ll turn to her husband for advice.", "she’ll turn to her husband for advice"),
    ("The host suggested Trump hadn’t meant his statement literally.", "Trump hadn’t meant his statement literally"),
    ("Party leaders suggested the speechwriter be fired.", "the speechwriter be fired"),
    ("The mayor noted it’s a long way to November.", "it’s a long way to November"),
])
def test_a_weak_cue_reports_a_clause_with_a_contraction_or_a_subjunctive(text, content):
    [(_, kind, said, rule)] = _claims(text)
    assert (kind, said, rule) == ("indirect", content, "leading")


def test_a_weak_cue_with_an_object_reports_nothing():
    assert _claims("The company noted the change in its filing.") == []


@pytest.mark.parametrize("text,first,second", [
    ("Clinton says she respects Sanders’ “passion and commitment” but argues that he is unrealistic.",
     "she respects Sanders’ “passion and commitment”", "he is unrealistic"),
    ("The mayor said the budget was balanced and added that taxes would not rise.",
     "the budget was balanced", "taxes would not rise"),
])
def test_a_second_cue_of_the_same_speaker_is_a_second_claim(text, first, second):
    parsed = analystkit.parse(text)
    assert parsed.claims.text.tolist() == [first, second]
    assert parsed.claims.source_id.nunique() == 1


def test_a_time_opening_the_sentence_is_no_speaker_of_a_coordinated_cue():
    parsed = analystkit.parse("Last month, the director called the plan \"extremely careless,\" but said no one "
                              "should face charges.")
    assert parsed.claims.source_text.tolist() == ["the director", "the director"]
    assert parsed.claims.text.tolist()[1] == "no one should face charges"


def test_an_adjunct_with_an_abbreviation_before_the_quotation():
    text = "“We've started,” Mr. Manafort said, adding of Mr. Trump, “He cares about the team.”"
    parsed = analystkit.parse(text)
    assert parsed.claims.text.tolist() == ["We've started", "He cares about the team"]
    assert parsed.claims.rule.tolist() == ["trailing", "participle"]


@pytest.mark.parametrize("text,role", [
    ("Multiple sources privy to the negotiations say the deal is close.", "sources"),
    ("Officials involved in the talks said a deal was near.", "officials"),
    ("Aides knowledgeable about the plan said it would be delayed.", "aides"),
])
def test_unnamed_sources_described_by_what_they_know(text, role):
    parsed = analystkit.parse(text)
    [source] = parsed.sources.itertuples()
    assert (source.kind, source.role) == ("anonymous", role)


def test_people_named_together_are_people_and_who_stands_for_them():
    parsed = analystkit.parse("He attacked his rivals, particularly Jeb Bush and Chris Christie, who say the "
                              "senator lacks experience.")
    [source] = parsed.sources.itertuples()
    assert (source.kind, source.name, source.count) == ("person", "Jeb Bush and Chris Christie", 2)
    assert parsed.claims.text.tolist() == ["the senator lacks experience"]


def test_he_does_not_stand_for_people_named_together():
    parsed = analystkit.parse("“We disagree,” Jeb Bush and Chris Christie said. “It will pass,” he said.")
    assert parsed.claims.merge(parsed.sources, on="source_id").name.tolist()[1] != "Jeb Bush and Chris Christie"


def test_copy_in_capitals_is_read_in_ordinary_case():
    from conftest import ROOT

    raw = (ROOT / "tests" / "shapes" / "wire-allcaps.txt").read_text(encoding="utf-8")
    parsed = analystkit.parse(raw, published="2025-01-09")
    claims = parsed.claims.merge(parsed.sources[["source_id", "name", "kind"]], on="source_id")
    assert claims.kind_x.tolist() == ["indirect", "direct", "no_comment"]
    assert claims.name.tolist()[1] == "Harbour Master John Ellis"  # a name, in ordinary case
    assert claims.text.tolist()[1] == "WE WILL NOT REOPEN UNTIL IT IS SAFE"  # spans are the text as written
    assert parsed.dates.text.tolist() == ["THURSDAY", "SATURDAY"]
    for table in (parsed.claims, parsed.dates):
        assert all(parsed.text[r.start:r.end] == r.text for r in table.itertuples())


def test_ordinary_text_and_a_headline_in_capitals_are_read_as_written():
    from analystkit.segment import case_view

    text = "STORM FORCES CLOSURE OF PORTS\n\nPort authorities said on Thursday that the terminals would stay shut."
    assert case_view(text) is text
    assert analystkit.parse(text).claims.source_text.tolist() == ["Port authorities"]


@pytest.mark.parametrize("text,first,second", [
    ("The senator said she saw no need to change course, telling reporters that the polls would turn.",
     "she saw no need to change course", "the polls would turn"),
    ("The mayor said the budget is balanced, adding that taxes will not rise.",
     "the budget is balanced", "taxes will not rise"),
])
def test_a_reporting_participle_ends_the_content_before_it(text, first, second):
    """"..., telling reporters that ...": the participle is the speaker's next report, not part of the first."""
    claims = _claims(text)
    assert [said for _, _, said, _ in claims] == [first, second]
    assert claims[0][0] == claims[1][0]


@pytest.mark.parametrize("text,content", [
    ("The coach said the team kept winning, beating rivals by ten points.",
     "the team kept winning, beating rivals by ten points"),
    # a weak cue ("adding") without "that", a colon or a quote after it adds something, it reports nothing
    ("The clerk said the office renamed the form, adding the words “and Appeals” to its title.",
     "the office renamed the form, adding the words “and Appeals” to its title"),
])
def test_a_participle_that_does_not_report_stays_in_the_content(text, content):
    [(_, _, said, _)] = _claims(text)
    assert said == content


@pytest.mark.parametrize("text,source,content", [
    ("Carter however said he would welcome the talks.", "Carter", "he would welcome the talks"),
    ("Officials meanwhile said the bridge would stay shut.", "Officials", "the bridge would stay shut"),
    # "to" inside a name ("Paths to Peace") opens no clause in the appositive
    ("Karimi, executive director of Interfaith Paths to Peace, said she hopes for calm.", "Karimi",
     "she hopes for calm"),
])
def test_a_sentence_adverb_or_a_named_appositive_between_speaker_and_cue(text, source, content):
    [(name, kind, said, rule)] = _claims(text)
    assert (name, kind, said, rule) == (source, "indirect", content, "leading")


@pytest.mark.parametrize("text,source", [
    ("WASHINGTON — Sen. Dana Ruiz defended the plan, saying the savings would outweigh the losses.", "Dana Ruiz"),
    ("Madrid (AFP) – Ana Ruiz has criticised the budget, saying that the savings would outweigh the losses.",
     "Ana Ruiz"),
])
def test_the_speaker_of_a_participle_is_read_past_a_wire_dateline(text, source):
    said = [(name, content) for name, _, content, rule in _claims(text) if rule == "participle"]
    assert said == [(source, "the savings would outweigh the losses")]


@pytest.mark.parametrize("text,source,content", [
    ("Pollsters agree - Dana Ruiz: “Keep contacting voters as late as possible.”", "Dana Ruiz",
     "Keep contacting voters as late as possible."),
    ("More from Ruiz: “The state is a starting point, not the finish.”", "Ruiz",
     "The state is a starting point, not the finish."),
])
def test_a_name_and_a_colon_after_a_roundup_lead_in(text, source, content):  # rule speaker_label
    [(name, kind, said, rule)] = _claims(text)
    assert (name, kind, said.rstrip("."), rule) == (source, "direct", content.rstrip("."), "speaker_label")


def test_a_word_opening_a_list_after_a_dash_is_no_speaker():
    assert _claims("The plan has three parts - First: “build the wall.”") == []


@pytest.mark.parametrize("text,content", [
    ("The minister said the talks would resume but did not say when.", "the talks would resume"),
    ("The minister said the talks would resume and didn’t say when.", "the talks would resume"),
])
def test_a_negated_second_report_ends_the_first(text, content):
    """What the minister did not say is no part of what she said."""
    assert [said for _, _, said, _ in _claims(text)] == [content]


@pytest.mark.parametrize("text,source,cue", [
    ("“This is a big win for us,” the coach confessed.", "the coach", "confessed"),
    ("“Sit down,” Sgt. Ana Ruiz barked.", "Sgt. Ana Ruiz", "barked"),
    ("“Not a chance,” Ruiz shot back.", "Ruiz", "shot back"),
    ("“That is nonsense,” the mayor scoffed.", "the mayor", "scoffed"),
])
def test_more_verbs_of_speaking_attribute_a_quotation(text, source, cue):
    parsed = analystkit.parse(text)
    assert parsed.claims[["source_text", "cue", "kind"]].values.tolist() == [[source, cue, "direct"]]


@pytest.mark.parametrize("sentence", [
    "The dog barked at the mailman.", "She snapped a photo of the crowd.", "He confessed to the robbery.",
])
def test_those_verbs_without_a_quotation_report_nothing(sentence):
    assert analystkit.parse(OPENING + sentence).claims.empty
