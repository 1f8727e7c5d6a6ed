"""Claims, sources, dates and events: the seed article and wire-style news sentences."""
import pandas as pd
import pytest

import analystkit


def _claims(text, published="2023-05-17"):
    parsed = analystkit.parse(text, published=published)
    return parsed.claims.merge(parsed.sources[["source_id", "name", "kind"]], on="source_id",
                               how="left", suffixes=("", "_source"))


def _one(text, **kw):
    claims = _claims(text, **kw)
    assert len(claims) == 1, claims[["text", "cue", "name"]]
    return claims.iloc[0]


# ---------------------------------------------------------------- the seed


def test_seed_finds_every_attribution_with_its_source(seed):
    claims = seed.claims.merge(seed.sources, on="source_id", suffixes=("", "_source"))
    by_cue = claims.groupby("cue").size().to_dict()
    assert by_cue["said"] >= 4 and by_cue["added"] == 2 and by_cue["announced"] == 2
    ventura = claims[claims.name == "Phillip Ventura"]
    assert list(ventura.cue) == ["said", "added"], "'He added' resolves to the spokesperson"
    sullivan = claims[claims.name == "Jake Sullivan"].iloc[0]
    assert sullivan.kind == "direct" and sullivan.text.startswith("We have made clear to Iran")
    assert sullivan.source_text == "he"


def test_seed_anonymous_sources_keep_count_and_affiliation(seed):
    s = seed.sources.set_index("name")
    assert s.loc["three U.S. and Israeli officials", "kind"] == "anonymous"
    assert s.loc["three U.S. and Israeli officials", "count"] == 3
    assert s.loc["three U.S. and Israeli officials", "affiliation"] == "United States; Israel"
    assert s.loc["a senior Israeli official", "role"] == "senior official"
    assert s.loc["a U.S. official", "n_claims"] == 3, "'The U.S. official added' is the same official"
    assert s.loc["IDF", "kind"] == "organization"
    assert s.loc["Phillip Ventura", "title"] == "Lt. Col."
    assert s.loc["Phillip Ventura", "role"] == "Pentagon spokesperson"


def test_seed_people_only_mentioned_are_not_sources(seed):
    names = " ".join(seed.sources.name)
    for mentioned in ("Milley", "Austin", "Kurilla", "Biden", "Washington Institute"):
        assert mentioned not in names


def test_seed_no_comment_and_kinds(seed):
    def kind_of(opening):
        [kind] = seed.claims[seed.claims.text.str.startswith(opening)].kind
        return kind

    assert kind_of("did not respond to requests for comment") == "no_comment"
    assert kind_of('the proposal is "not about planning') == "mixed"
    assert kind_of("the proposal is unprecedented") == "indirect"


def test_seed_dates_resolve_against_the_dateline(seed):
    d = seed.dates.set_index("text")
    assert d.loc["a few weeks ago", "start_date"] == pd.Timestamp("2023-04-19")
    assert d.loc["a few weeks ago", "end_date"] == pd.Timestamp("2023-05-03")
    assert d.loc["two weeks ago", "value"] == "2023-W18"
    assert d.loc["recently", "value"] == "PAST_REF" and d.loc["recently", "certainty"] == "vague"
    assert d.loc["May 17, 2023", "kind"] == "absolute"


def test_seed_events_link_dates_to_claims_and_sources(seed):
    e = seed.events.merge(seed.dates[["date_id", "text"]], on="date_id", how="left")
    e = e.merge(seed.sources[["source_id", "name"]], on="source_id", how="left")
    by_date = e.set_index("text")
    assert by_date.loc["a few weeks ago", "name"] == "three U.S. and Israeli officials"
    assert by_date.loc["two weeks ago", "name"] == "Jake Sullivan"
    assert "Washington Institute" in by_date.loc["two weeks ago", "description"]
    assert by_date.loc["recently", "name"] == "White House"
    publication = e[e.kind == "publication"].iloc[0]
    assert publication.when_start == pd.Timestamp("2023-05-17")


def test_spans_index_the_stored_text(seed):
    text = seed.text
    for row in seed.claims.itertuples():
        assert text[row.start:row.end] == row.text
        assert text[row.cue_start:row.cue_end] == row.cue
        assert text[row.source_start:row.source_end] == row.source_text
    for row in seed.dates.itertuples():
        assert text[row.start:row.end] == row.text


# ---------------------------------------------------------------- claim shapes in wire-style news


def test_leading_said_that():
    c = _one("Pentagon spokesperson Phillip Ventura said that the drills would continue.")
    assert (c["name"], c.kind, c.cue, c.text) == ("Phillip Ventura", "indirect", "said", "the drills would continue")


def test_trailing_said_after_paraphrase():
    c = _one("The ceasefire will hold through the weekend, a senior Egyptian official said.")
    assert c["name"] == "a senior Egyptian official" and c.kind_source == "anonymous"
    assert c.text == "The ceasefire will hold through the weekend"


def test_direct_quote_with_trailing_pronoun_attribution():
    claims = _claims("Prime Minister Rishi Sunak visited the site on Monday.\n\n"
                     "“We will not rest until the job is done,” he said.")
    assert len(claims) == 1
    assert claims.iloc[0]["name"] == "Rishi Sunak" and claims.iloc[0].kind == "direct"
    assert claims.iloc[0].text == "We will not rest until the job is done"


def test_inverted_attribution():
    c = _one("“She has been a fierce defender of the President,” said White House Chief of Staff Ron Klain.")
    assert c["name"] == "Ron Klain" and c.kind == "direct" and c.rule == "inverted"


def test_split_quote_joins_into_one_claim():
    c = _one("“We will,” the minister said, “never stop.”")
    assert c.kind == "direct" and c.text.startswith("We will") and c.text.endswith("never stop")


def test_colon_introduced_quote():
    c = _one("Home Secretary Suella Braverman told GB News: “It's clear that we have an unsustainable situation.”")
    assert c["name"] == "Suella Braverman" and c.cue == "told GB News" and c.kind == "direct"


def test_told_outlet_keeps_the_outlet_in_the_cue():
    c = _one("The Biden administration proposed the plan, three U.S. and Israeli officials told Axios.")
    assert c.cue == "told Axios" and c["name"] == "three U.S. and Israeli officials"


def test_according_to_before_and_after():
    a = _one("According to the Afghan ambassador, the team was denied visas twice.")
    assert a.cue == "According to" and a.text == "the team was denied visas twice"
    b = _one("The team was denied visas twice, according to a State Department official.")
    assert b.text == "The team was denied visas twice" and b.kind_source == "anonymous"


def test_no_comment_forms():
    for sentence in ("The Kremlin did not respond to requests for comment.",
                     "A spokesperson for the company declined to comment.",
                     "Smith could not be reached for comment.",
                     "A police spokeswoman refused to give any more details about the arrest."):
        c = _one(sentence)
        assert c.kind == "no_comment", sentence


def test_no_comment_after_a_quote_shares_its_speaker():
    parsed = analystkit.parse('"We take document security seriously," she said, but refused to give any more '
                              'details about how the papers came to be on a road.')
    quote, refusal = parsed.claims.itertuples()
    assert (quote.kind, refusal.kind) == ("direct", "no_comment")
    assert refusal.source_text == "she" and refusal.source_id == quote.source_id


def test_document_and_organization_sources():
    assert _one("The report says few if any food manufacturers use iodised salt.").kind_source == "document"
    assert _one("The White House announced that the president would travel to Kyiv.").kind_source == "organization"


def test_an_institution_named_without_the_is_no_person():
    """"Centers for Disease Control" opens with a capitalised plural: it is an agency, not a Mr. Centers, and
    its officials are anonymous people of it."""
    tables = analystkit.parse("Centers for Disease Control officials said the outbreak was slowing. "
                              "Centers for Medicare and Medicaid Services said it would review the rule. "
                              "Most of the candidates said they would attend the debate.")
    sources = tables.sources.set_index("first_text")
    assert sources.loc["Centers for Disease Control officials", ["kind", "role"]].tolist() == ["anonymous", "officials"]
    assert sources.loc["Centers for Medicare and Medicaid Services", "kind"] == "organization"
    assert sources.loc["Most of the candidates", ["kind", "role"]].tolist() == ["anonymous", "candidates"]
    assert "Centers" not in set(tables.sources["name"])


def test_mixed_claim_with_a_quoted_fragment():
    c = _one('Cooper said it was "damning that the Home Office isn\'t doing this already."')
    assert c.kind == "mixed"


def test_nouns_that_look_like_cues_are_not_cues():
    assert _claims("The report's release was delayed. The claim was rejected by the court.").empty
    assert _claims("Coalition forces continued to attack targets near the border.").empty
    assert _claims("The company added a new factory in Ohio last year.").empty


def test_person_merely_mentioned_is_not_a_source():
    claims = _claims("Gen. Mark Milley visited Israel last month. Officials said the visit went well.")
    assert list(claims["name"]) == ["Officials"]


# ---------------------------------------------------------------- dates


def _dates(text, published="2023-05-17"):
    return analystkit.parse(text, published=published).dates


@pytest.mark.parametrize("sentence, expression, value, start, end", [
    ("The deal was signed on May 5, 2021.", "May 5, 2021", "2021-05-05", "2021-05-05", "2021-05-05"),
    ("The report came out in March 2022.", "March 2022", "2022-03", "2022-03-01", "2022-03-31"),
    ("He resigned three days ago.", "three days ago", "2023-05-14", "2023-05-14", "2023-05-14"),
    ("Prices rose sharply last month.", "last month", "2023-04", "2023-04-01", "2023-04-30"),
    ("The vote is set for next week.", "next week", "2023-W21", "2023-05-22", "2023-05-28"),
    ("Sales fell last year.", "last year", "2022", "2022-01-01", "2022-12-31"),
    ("The company was founded in 1998.", "1998", "1998", "1998-01-01", "1998-12-31"),
    ("Officials met yesterday.", "yesterday", "2023-05-16", "2023-05-16", "2023-05-16"),
])
def test_date_expressions_resolve_to_intervals(sentence, expression, value, start, end):
    d = _dates(sentence).set_index("text").loc[expression]
    assert (d.value, str(d.start_date.date()), str(d.end_date.date())) == (value, start, end)


def test_weekday_direction_follows_tense():
    past = _dates("The minister resigned on Monday.").iloc[0]
    future = _dates("The minister will resign on Monday.").iloc[0]
    assert past.start_date == pd.Timestamp("2023-05-15")  # published Wednesday 2023-05-17
    assert future.start_date == pd.Timestamp("2023-05-22")


def test_relative_dates_without_a_publication_date_stay_unresolved():
    d = analystkit.parse("Officials met two weeks ago and again on March 3, 2020.").dates.set_index("text")
    assert not d.loc["two weeks ago", "resolved"] and pd.isna(d.loc["two weeks ago", "start_date"])
    assert d.loc["March 3, 2020", "resolved"] and d.loc["March 3, 2020", "value"] == "2020-03-03"


def test_impossible_dates_are_not_dates():
    assert _dates("The meeting on February 30, 2023 was cancelled.").empty
    assert _dates("The deadline was 2023-13-45.").empty


def test_words_that_look_like_dates_are_not_dates():
    d = _dates("Protesters march as a Boeing 737 lands; the Sun newspaper said it may rain, "
               "April Ryan reported after a 10-4 vote and 2,019 arrests, on May 3.")
    assert list(d.text) == ["May 3"]


def test_a_user_can_teach_a_new_reporting_verb():
    from analystkit import lexicons

    sentence = "The senator harrumphed that the bill was dead on arrival."
    assert _claims(sentence).empty
    try:
        lexicons.extend("cues.tsv", ["harrumph\tharrumph harrumphs harrumphed\tspeech"])
        c = _one(sentence)
        assert c.cue == "harrumphed" and c.text == "the bill was dead on arrival"
    finally:
        lexicons.forget_extensions()
    assert _claims(sentence).empty


# ---------------------------------------------------------------- wider cues: thoughts, intentions, calls


def test_thoughts_and_intentions_are_claims_tagged_by_cue_type():
    believe = _one("Military officials believe the strikes set the program back by years.")
    assert (believe["name"], believe.cue_type, believe.text) == (
        "Military officials", "thought", "the strikes set the program back by years")
    want = _one("The campaign wants to hold three debates before the primary.")
    assert want.cue_type == "intention" and want.text == "to hold three debates before the primary"
    assert _one("The mayor said the bridge would reopen.").cue_type == "speech"


def test_vows_and_calls_for_take_their_complement():
    vow = _one("The governor vowed to veto the measure.")
    assert vow.cue == "vowed" and vow.text == "to veto the measure"
    call = _one("Union leaders called for an independent inquiry into the crash.")
    assert call.cue == "called for" and call.text == "an independent inquiry into the crash"


def test_passive_cues_do_not_make_the_subject_a_source():
    assert _claims("The senator is expected to announce her decision on Friday.").empty


def test_cue_after_auxiliaries_and_adverbs():
    c = _one("The ministry has repeatedly denied any role in the attack.")
    assert (c["name"], c.cue, c.text) == ("ministry", "denied", "any role in the attack")
    assert _one("Mr. Ortiz has long said that the tax is unfair.").text == "the tax is unfair"


def test_attribution_after_a_conjunction_mid_sentence():
    c = _one("The firm hired more women last year, though she noted that clients now demand diverse teams.")
    assert c.source_text == "she" and c.text == "clients now demand diverse teams"


def test_the_closing_attribution_is_the_outer_one():
    c = _one("The administration proposed a new deal last month, two officials told Reuters.")
    assert c.cue == "told Reuters" and c["name"] == "two officials"


# ---------------------------------------------------------------- quotes: styles, continuations


def test_doubled_single_marks_are_quotation_marks():
    c = _one("''We are not going to raise taxes,'' the governor said on Tuesday.")
    assert c.kind == "direct" and c.text == "We are not going to raise taxes" and c.source_text == "the governor"


def test_quote_carried_on_in_the_next_sentence_joins_the_claim():
    text = "“We will win this state,” she said. “And then we will govern it.”\n\nThe rally ended at nine."
    c = _one(text)
    assert c.text.startswith("We will win") and c.text.endswith("govern it") and c.rule.endswith("+continued")


def test_quote_left_open_runs_into_the_next_paragraph():
    text = ("“The plant will close in June,” the company said in a statement. “Workers will be paid.\n\n"
            "“We regret the decision.”")
    c = _one(text)
    assert c.text.endswith("We regret the decision")


def test_a_paraphrase_ending_in_a_quote_carries_on_into_the_next_quote():
    text = ("Still, golf clubs are ''just scratching out a profit,'' Mr. Hedge said from his office. ''Golf is a "
            "razor-thin industry.''\n\nThe club closed in May.")
    c = _one(text)
    assert c.kind == "mixed" and c.text.endswith("razor-thin industry") and c.rule == "trailing+continued"


def test_a_new_attribution_stops_the_continuation():
    claims = _claims("“Taxes will fall,” the mayor said. “They will not,” Ms. Ortiz said.")
    assert list(claims.text) == ["Taxes will fall", "They will not"]


def test_party_and_state_after_a_name_belong_to_the_mention():
    c = _one("Rep. Jane Moore (D-Wis.) said the bill would pass.")
    assert c.source_text == "Rep. Jane Moore (D-Wis.)" and c["name"] == "Jane Moore"


def test_quote_then_attribution_with_a_longer_tail():
    c = _one("“Subpoenas are not optional,” the chairman said after the witness failed to appear.")
    assert c.kind == "direct" and c.text == "Subpoenas are not optional"


# ---------------------------------------------------------------- sources the mention reader accepts


def test_name_with_a_lowercase_appositive_is_a_person():
    c = _one("Maria Lopez, senior analyst at the Harbor Institute, said rents would keep rising.")
    assert (c["name"], c.kind_source) == ("Maria Lopez", "person")


def test_appositive_with_a_relative_clause():
    c = _one("The Port Authority, the agency that runs the bridges, said tolls would rise in March.")
    assert c.kind_source == "organization" and c.text == "tolls would rise in March"


def test_groups_and_studies_as_sources():
    assert _one("Many environmentalists say the pipeline threatens the river.").kind_source == "anonymous"
    study = _one("One study found that the program cut emergency visits by a third.")
    assert study.kind_source == "document" and study.cue_type == "evidence"


# ---------------------------------------------------------------- participles, quoted calls, loose tails


def test_participle_clause_takes_the_main_subject():
    c = _one("Senator Ana Ruiz visited the farm on Monday, saying that it would hurt small farms.")
    assert (c["name"], c.cue, c.text, c.rule) == ("Ana Ruiz", "saying", "it would hurt small farms", "participle")


def test_called_reports_only_a_quotation():
    c = _one("The mayor called the proposal “a gift to developers.”")
    assert c.cue == "called" and c.kind == "mixed"
    assert _claims("A group called Parents for Parks organized the march.").empty


def test_shouted_and_chanted_quotes():
    c = _one("Protesters outside the courthouse chanted “No justice, no peace.”")
    assert c.cue == "chanted" and c.text == "No justice, no peace"


def test_attribution_sentence_after_a_question_quote():
    claims = _claims("“Who would have believed it?” Mr. Hale said, looking out over the crowd.")
    assert list(claims.text) == ["Who would have believed it?"] and list(claims["name"]) == ["Hale"]


def test_inverted_subject_before_a_trailing_phrase():
    c = _one("“The cause has not been determined,” said Chief Dana Kell, speaking to reporters on Sunday.")
    assert c["name"] == "Dana Kell"


def test_parenthetical_attribution_inside_the_content():
    c = _one("The new terminal, the airport's director said, will open in May.")
    assert c.rule == "parenthetical" and c.text == "The new terminal, the airport's director said, will open in May"
    assert c.source_text == "the airport's director"


def test_description_then_name_is_one_person_mention():
    c = _one("A lawyer for the newspaper, David Schulz, said no decision had been made.")
    assert c.source_text == "A lawyer for the newspaper, David Schulz"
    assert (c["name"], c.kind_source) == ("David Schulz", "person")


def test_quote_attributed_to_a_name_with_an_appositive():
    c = _one("“We will build it,” Mike Dunn, an adviser to the campaign, said.")
    assert c.source_text == "Mike Dunn, an adviser to the campaign" and c["name"] == "Mike Dunn"
    assert c.text == "We will build it"


def test_passive_participle_with_by_is_not_a_claim():
    assert _claims("The emergency was declared by the governor on Friday.").empty


def test_second_verb_of_a_coordination_takes_the_first_verbs_subject():
    c = _one("The Republican nominee outlined his plan and vowed to punish leakers.")
    assert c.source_text == "The Republican nominee" and c.text == "to punish leakers"


def test_contracted_auxiliary_and_plans_to():
    assert _one("He’s claiming that the vote was rigged.").text == "the vote was rigged"
    plans = _one("Governor Ellen Marsh plans to visit the flooded towns on Sunday.")
    assert plans.cue_type == "intention" and plans.text.startswith("to visit")


def test_poll_shares_speak_as_groups():
    c = _one("However, 63 percent said the mayor was justified.")
    assert c.source_text == "63 percent" and c.kind_source == "anonymous"


@pytest.mark.parametrize("sentence, source", [
    ("In Texas, half of Republican primary voters said they were angry.", "half of Republican primary voters"),
    ("About half of voters say they prefer a candidate from outside politics.", "About half of voters"),
    ("More than 60 percent of Democrats said the economy was improving.", "More than 60 percent of Democrats"),
    ("A majority of respondents said they trusted local news.", "A majority of respondents"),
])
def test_hedged_shares_of_a_group_speak_for_it(sentence, source):
    c = _one(sentence)
    assert c.source_text == source and c.kind_source == "anonymous"


@pytest.mark.parametrize("sentence, source, kind", [
    ("The actress said she was tired of the status quo.", "The actress", "anonymous"),
    ("A pastor in Des Moines said his congregation was divided.", "A pastor in Des Moines", "anonymous"),
    ("The magazine said its readers had picked the winner.", "The magazine", "organization"),
    ("The newspaper reported that the mayor had resigned.", "The newspaper", "organization"),
])
def test_people_and_institutions_described_by_what_they_are(sentence, source, kind):
    c = _one(sentence)
    assert c.source_text == source and c.kind_source == kind


# ---------------------------------------------------------------- labels and signatures


def test_quotes_signed_with_a_dash():
    claims = _claims("“The plan is a fiasco.” ― Rosa Diaz\n“He never answers a question.” ― Tom Reyes")
    assert list(claims.text) == ["The plan is a fiasco", "He never answers a question"]
    assert list(claims["name"]) == ["Rosa Diaz", "Tom Reyes"] and set(claims.rule) == {"dash_signature"}


def test_transcript_speaker_labels():
    claims = _claims("HOST: Will you run again?\n\nMORALES: We have not decided yet.")
    assert list(claims.source_text) == ["HOST", "MORALES"] and claims.text.iloc[1] == "We have not decided yet"


def test_name_colon_quotation():
    c = _one("Judge Alma Ortiz: “Be the voice that people hear.”")
    assert c["name"] == "Alma Ortiz" and c.text == "Be the voice that people hear" and c.cue == ":"


def test_mistyped_closing_mark_opens_a_paragraph_quote():
    c = _one("”We are afraid of what comes next,” said Lena Park, a teacher.")
    assert c.kind == "direct" and c.text == "We are afraid of what comes next"


def test_subject_after_an_opening_phrase_without_a_comma():
    c = _one("In a 2016 interview with the editorial board Senator Ruth Kane said that the treaty was obsolete.")
    assert c["name"] == "Ruth Kane" and c.rule == "leading_nearest" and c.text == "the treaty was obsolete"


def test_studies_report_what_they_found():
    c = _one("A 2014 study by the university found 31 cases of fraud among a billion ballots.")
    assert c.kind_source == "document" and c.cue == "found"


def test_a_to_clause_after_an_intention_cue_is_content_not_an_adjunct():
    c = _one("Officials share the concern, but the coalition, which represents farmers, wants to keep its policy.")
    assert c.cue == "wants" and c.text == "to keep its policy"


def test_stances_are_claims_tagged_stance():
    c = _one("The teachers union endorsed the mayor on Tuesday.")
    assert c.cue_type == "stance" and c.text == "the mayor on Tuesday"


def test_according_to_inside_the_sentence_keeps_the_whole_content():
    c = _one("The implication, according to a campaign aide, is that the rival cheated.")
    assert c.rule == "according_to" and c.text.endswith("the rival cheated")


def test_according_to_a_polling_average():
    c = _one("Ms. Ruiz leads by six points, according to the RealClearPolitics polling average.")
    assert c.kind_source == "document" and c.text == "Ms. Ruiz leads by six points"


def test_title_case_headline_attribution():
    claims = _claims("Bridge Will Reopen in May, City Engineer Says\n\nThe bridge closed in March after a crack was found.")
    assert len(claims) == 1 and claims.rule.iloc[0] == "headline_trailing"
    assert claims.text.iloc[0] == "Bridge Will Reopen in May" and claims.cue.iloc[0] == "Says"


def test_doubled_single_quote_continues_after_the_attribution():
    c = _one("''I don't judge what people buy,'' he said. ''But most parents wish they had saved.''\n\nThe end.")
    assert c.text.startswith("I don't judge") and c.text.endswith("wish they had saved")


def test_a_subordinating_word_is_not_a_source():
    claims = _claims("Though she called the conduct “outrageous,” the senator stopped short of a ban.")
    assert "Though" not in list(claims.source_text)


def test_content_stops_before_a_concessive_afterthought():
    claims = _claims("He claimed that paying no taxes was smart, although he again refused to release his returns.")
    assert list(claims.text) == ["paying no taxes was smart", "to release his returns"]
    assert list(claims.cue_type) == ["speech", "intention"]


def test_relative_pronoun_subject_stands_for_its_antecedent():
    c = _one("The vote is risky for Senator Ted Cole, who said that he would not endorse the nominee.")
    assert c.source_text == "who" and c["name"] == "Ted Cole" and c.text == "he would not endorse the nominee"
    which = _one("The agency, which said the review was complete, closed the case on Friday.")
    assert which.source_text == "which" and which.text == "the review was complete"


def test_trailing_attribution_with_an_adverb_and_a_family_member():
    c = _one("“We live in fear,” my father often said.")
    assert c.source_text == "my father" and c.text == "We live in fear"


def test_split_quote_with_an_aside_between_the_pieces():
    c = _one("“Every time you say that,” the senator said, pointing at the chart, “you give them ammunition.”")
    assert c.rule == "trailing_split" and c.text.endswith("you give them ammunition")


def test_phrasal_verbs_and_infinitives_are_not_cues():
    assert _claims("The candidate showed up late at the debate.").empty
    assert _claims("The candidate needs to tell more jokes.").empty
    assert _claims("A Curious Plan: Buy Mines, Sell Coal\n\nThe firm bought three mines.").empty


def test_two_reports_of_one_speaker_joined_by_and():
    claims = _claims("Even China said it was opposed to the test and warned the North to refrain from more launches.")
    assert list(claims.cue) == ["said", "warned"] and list(claims.source_text) == ["China", "China"]
    assert list(claims.text) == ["it was opposed to the test", "the North to refrain from more launches"]


def test_reported_content_stops_at_a_semicolon_or_but():
    c = _one("Republicans said the timing was not intentional; the deal had been struck weeks earlier.")
    assert c.text == "the timing was not intentional"


def test_cue_and_colon_introduce_the_next_paragraph():
    claims = _claims("The plant closed in May.\n\nThe governor added:\n\nIt is typical of her. She knows nothing.")
    assert list(claims.rule) == ["colon_paragraph"] and claims.text.iloc[0] == "It is typical of her. She knows nothing"


def test_as_x_put_it_and_branded_with_a_quotation():
    c = _one("As the economist put it, “There are no major reforms here.”")
    assert c.cue == "put it" and c.text == "There are no major reforms here"
    branded = _one("Japan branded North Korea an “outlaw nation.”")
    assert branded.cue == "branded" and branded.kind == "mixed"


def test_a_candidates_team_speaks_as_an_organization():
    c = _one("The senator’s team says the ad was never approved.")
    assert c.kind_source == "organization" and c.text == "the ad was never approved"


def test_a_cue_form_after_a_number_is_a_noun():
    assert _claims("The form, which runs to 32 pages with 40 to 50 questions, must be filled in by hand.").empty


def test_said_of_and_said_when_are_adjuncts_not_content():
    assert _claims("That was what the reporter said when she resigned from the network.").empty
    c = _one("The senator said of the plan that it would fail.")
    assert c.text == "it would fail"


def test_told_and_warned_keep_their_addressee_in_the_cue():
    c = _one("The mayor warned residents that the river would rise overnight.")
    assert c.cue == "warned residents" and c.text == "the river would rise overnight"


def test_asked_whether_reports_a_question():
    c = _one("Lawmakers also asked whether the deals required the witnesses to cooperate.")
    assert c.cue == "asked" and c.text.startswith("whether the deals")


def test_but_also_coordination_and_think_without_that():
    c = _one("His former wife agreed, but also contended that she should keep her privacy.")
    assert c.source_text == "His former wife" and c.cue == "contended"
    assert _one("Melanie thought the whole thing was outrageous.").cue_type == "thought"


def test_that_before_a_name_is_not_a_relative_clause():
    c = _one("One reason is that Trump refuses to release his returns.")
    assert c.source_text == "Trump" and c.text == "to release his returns"


def test_adverbs_participles_and_bare_determiners_are_not_sources():
    from analystkit.sources import read_mention
    for phrase in ("the", "Recently", "Having"):
        assert read_mention(phrase, 0, len(phrase)) is None, phrase
    c = _one("Central European leaders have embraced the idea, warning that the exit would weaken the bloc.")
    assert c.source_text == "Central European leaders"


def test_name_with_a_hometown_appositive():
    c = _one("Johnnie Wilson, of Springfield, Va., said he had served two tours.")
    assert c["name"] == "Johnnie Wilson" and c.source_text.startswith("Johnnie Wilson")


def test_attribution_inside_parentheses_and_after_time_phrases():
    c = _one("She stumbled on Sunday (her campaign later disclosed that she has pneumonia).")
    assert c.source_text == "her campaign" and c.text == "she has pneumonia"
    assert _one("Wells Fargo just this month announced it would drop the bonuses.").cue == "announced"


def test_passive_with_an_adverb_and_said_comma_quote():
    assert _claims("The museum in Seattle was also proposed as another home for the shuttle.").empty
    c = _one('In a statement, the governor said, "The museum made a tremendous effort."')
    assert (c.rule, c.kind, c.text) == ("leading", "direct", "The museum made a tremendous effort")


def test_a_negated_report_of_a_question_is_a_non_response():
    c = _one("Citing privacy rules, U.S. officials have not said why the team was denied visas.")
    assert c.kind == "no_comment" and c.rule.endswith("+negated")
    assert _one("The ministry hasn't said whether the talks will resume.").kind == "no_comment"
    assert _one("The minister said why the talks had failed.").kind == "indirect"


def test_a_place_after_a_preposition_is_not_a_source():
    text = ("Near Mosul, one strike hit a unit and destroyed a fighting position and denied the group access "
            "to the road.")
    assert _claims(text, published="2015-11-02").empty


def test_denying_someone_something_is_a_refusal_not_a_report():
    assert _claims("Border guards denied the reporters access to the camp.").empty
    denial = _one("The minister denied the allegations on Tuesday.")
    assert denial.cue == "denied" and denial.source_text == "The minister"


def test_a_list_flattened_into_one_line_splits_at_its_bullets():
    parsed = analystkit.parse("The strikes hit three units. * Near Mosul, one strike hit a unit. * Near Bayji, "
                              "the commander said the bridge was down. * Two strikes * hit.", published="2015-11-02")
    claim = parsed.claims.iloc[0]
    assert claim.source_text == "the commander" and claim.text == "the bridge was down"
    assert claim.sentence == 2, "each bullet opens a sentence of its own"


def test_a_title_alone_names_the_person_who_holds_it():
    text = ("“We will not stand by,” said the Vice President during her visit to the conference. "
            "Later, Vice President Dana Ruiz warned that the alliance was under strain. "
            "The Secretary said the talks would go on.")
    parsed = analystkit.parse(text, published="2024-02-16")
    claims = parsed.claims.merge(parsed.sources, on="source_id", suffixes=("", "_source"))
    by_text = dict(zip(claims.source_text, claims.name))
    assert by_text["the Vice President"] == by_text["Vice President Dana Ruiz"] == "Dana Ruiz"
    assert claims.set_index("source_text").loc["the Vice President", "kind_source"] == "person"
    secretary = claims.set_index("source_text").loc["The Secretary"]
    assert secretary.kind_source == "person" and secretary.title == "Secretary"


def test_an_inverted_attribution_followed_by_an_adjunct():
    claim = _one("“The bridge will reopen,” said the mayor during a visit to the site on Monday")
    assert claim.source_text == "the mayor" and claim.text == "The bridge will reopen"


def test_a_role_to_a_country_before_a_name():
    claim = _one("According to Afghan Ambassador to the United States Dana Ruiz, the team will compete.")
    assert claim["name"] == "Dana Ruiz" and claim.kind_source == "person"
    adviser = _one("An adviser to the president said the talks had stalled.")
    assert adviser.source_text == "An adviser to the president" and adviser.kind_source == "anonymous"


def test_an_unresolved_pronoun_keeps_the_kind_it_can_stand_for():
    parsed = analystkit.parse("It said the economy grew. They said the plan works. He said it was over.",
                              published="2024-01-01")
    kinds = dict(zip(parsed.sources.name, parsed.sources.kind))
    assert kinds == {"It": "organization", "They": "anonymous", "He": "person"}


def test_parties_and_titles_outside_the_united_states():
    mp = _one("“This is a scandal,” said Dana Ruiz, an Ottawa New Democrat MP.")
    assert mp["name"] == "Dana Ruiz"
    parsed = analystkit.parse("“This is a scandal,” said Dana Ruiz, an Ottawa New Democrat MP. "
                              "Shadow Home Secretary Ana Lopez said the plan had failed.", published="2024-01-01")
    sources = parsed.sources.set_index("name")
    assert sources.loc["Dana Ruiz", "affiliation"] == "New Democratic Party"  # not the U.S. Democratic Party
    assert sources.loc["Ana Lopez", "title"] == "Shadow Home Secretary"


@pytest.mark.parametrize("sentence, source, content", [
    ("Cyber security experts and U.S. officials, however, said they believed Russia was behind the leak.",
     "Cyber security experts and U.S. officials", "they believed Russia was behind the leak"),
    ("Corey Lewandowski, in a statement released by the campaign on Thursday, said he regretted the incident.",
     "Corey Lewandowski", "he regretted the incident"),
    ("Trump, in Kentucky, said Tuesday that he would win the state.", "Trump", "he would win the state"),
])
def test_an_aside_between_subject_and_cue_belongs_to_neither(sentence, source, content):
    c = _one(sentence)
    assert c.source_text == source and c.text == content and c.cue == "said"


def test_said_then_an_adjunct_then_that_reports_what_follows():
    c = _one("Steve Coll, the dean of the journalism school, said on Tuesday that he had examined the allegations.")
    assert c["name"] == "Steve Coll"
    assert c.text == "he had examined the allegations" and c.rule == "leading"


def test_a_clause_after_said_is_never_read_as_its_subject():
    claims = _claims("Mr. Leenders, a machinist, said he voted for Mr. Obama in 2008.")
    assert list(claims["name"]) == ["Leenders"] and claims.text.iloc[0] == "he voted for Mr. Obama in 2008"


def test_a_participle_after_a_trailing_attribution_has_the_same_speaker():
    claims = _claims("“It will take some time for the stock to recover,” Mr. Ackman said at the time, adding that "
                     "investors did not appreciate how valuable the company was.")
    assert list(claims.rule) == ["trailing", "participle"] and set(claims["name"]) == {"Ackman"}
    assert claims.text.iloc[1] == "investors did not appreciate how valuable the company was"


@pytest.mark.parametrize("sentence, content", [
    ("As the International Business Times noted, Clinton raised more than $1.1 million from the industry.",
     "Clinton raised more than $1.1 million from the industry"),
    ("Clinton raised more than $1.1 million from the industry, as the International Business Times noted.",
     "Clinton raised more than $1.1 million from the industry"),
])
def test_an_as_clause_attributes_the_rest_of_the_sentence(sentence, content):
    c = _one(sentence)
    assert c.rule == "as_clause" and c.text == content and c["name"] == "International Business Times"


@pytest.mark.parametrize("text", [
    '"It\'s a difficult issue," said the Florida senator, "because it puts two rights in conflict."',
    "“It's a difficult issue,” said the Florida senator, a Republican, “because it puts two rights in conflict.”",
])
def test_an_inverted_split_quote_joins_into_one_claim(text):
    c = _one(text)
    assert c.rule == "inverted_split" and c.kind == "direct"
    assert c.text.startswith("It's a difficult issue") and c.text.endswith("two rights in conflict")


@pytest.mark.parametrize("sentence, cue, cue_type", [
    ("Trump thanked supporters for their patience.", "thanked", "speech"),
    ("The governor touted the new jobs numbers at a rally.", "touted", "speech"),
    ("Union leaders welcomed the decision to raise the minimum wage.", "welcomed", "stance"),
    ("Rubio also bemoaned the current political climate.", "bemoaned", "speech"),
    ("The senator reiterated that she would vote against the bill.", "reiterated", "speech"),
])
def test_praise_blame_and_reiteration_are_cues(sentence, cue, cue_type):
    c = _one(sentence)
    assert c.cue == cue and c.cue_type == cue_type


@pytest.mark.parametrize("headline, source", [
    ("Rubio: I Still Believe Trump Can’t Be Trusted with the Nuclear Codes", "Rubio"),
    ("Clinton to Planned Parenthood: Trump Will Reverse Roe v. Wade", "Clinton"),
    ("EXCLUSIVE – Roger Stone: Don’t Trust the Voting Machines", "Roger Stone"),
])
def test_a_headline_that_names_its_speaker_before_a_colon(headline, source):
    c = _one(headline + "\n\nWASHINGTON (AP) — The story itself follows in the body, without attributions.")
    assert c.rule == "headline_label" and c["name"] == source and c.cue == ":"


@pytest.mark.parametrize("headline", [
    "Stealth Over Health: The Candidate Was Headed to the ER",
    "Breaking News: Senate Passes the Budget Bill",
    "Analysis: Why the Senate Bill Failed",
])
def test_a_headline_label_that_is_no_speaker_gives_no_claim(headline):
    assert _claims(headline + "\n\nWASHINGTON (AP) — The story itself follows in the body.").empty


def test_a_sentence_adverb_before_the_subject_is_not_a_name():
    c = _one("Finally, the Vice President highlighted a range of accomplishments at home and abroad.")
    assert c.source_text == "the Vice President" and c.kind_source == "person"


def test_an_infinitive_after_an_intention_cue_is_the_content_even_with_a_wh_word_inside():
    claims = _claims("“We take security seriously,” she said, but vowed to find out how the papers came to be "
                     "on a road.")
    assert list(claims.cue) == ["said", "vowed"]
    assert claims.text.iloc[1] == "to find out how the papers came to be on a road"


def test_a_second_report_after_a_comma_and_conjunction_ends_the_first():
    claims = _claims("Nearly a third say they don't know, and one in five say it's not an improvement.")
    assert list(claims.source_text) == ["Nearly a third", "one in five"]
    assert list(claims.text) == ["they don't know", "it's not an improvement"]
    nested = _one("Officials said voters say they want change.")
    assert nested.text == "voters say they want change"


@pytest.mark.parametrize("sentence, source", [
    ("About 4 in 10 say they want the next president to have more liberal policies.", "About 4 in 10"),
    ("Three in 10 voters said the economy was the top issue.", "Three in 10 voters"),
    ("By big margins, those surveyed say the economy should be the first priority.", "those surveyed"),
])
def test_shares_of_a_poll_speak_for_its_respondents(sentence, source):
    c = _one(sentence)
    assert c.source_text == source and c.kind_source == "anonymous"


def test_asked_whom_to_do_what_is_a_report():
    c = _one("Clinton had asked Sullivan to send the memo to her private account.")
    assert c.cue == "asked" and c.text == "Sullivan to send the memo to her private account"


def test_a_report_in_a_subordinate_clause_ends_at_its_comma():
    c = _one("When Mr. Hurt asked Norton to republish the book this year, it declined.")
    assert c.cue == "asked" and c.text == "Norton to republish the book this year"
    c = _one("Although she said she would run, she never filed the papers.")
    assert c.text == "she would run"


def test_is_telling_someone_that_is_a_report_not_a_passive():
    c = _one("The Florida senator is telling reporters in Minnesota that he is looking ahead to the primary.")
    assert c.cue == "telling reporters in Minnesota" and c.text == "he is looking ahead to the primary"


def test_plural_institutions_are_organizations():
    c = _one("The Sanders and Clinton campaigns declined to comment.")
    assert c.kind == "no_comment" and c.kind_source == "organization"


@pytest.mark.parametrize("name", ["Ebeling", "Kelly", "King", "Manning", "Reilly"])
def test_names_ending_like_adverbs_or_participles_are_names(name):
    c = _one(f"“Tell her I promised you a picture,” {name} said.")
    assert c["name"] == name and c.kind_source == "person"


def test_opening_adverbs_and_participles_are_not_names():
    assert _claims("Recently said the plan was dead.").empty
    assert _claims("Having said that, the mayor left the room.").empty


def test_said_to_applause_is_said_with_an_adjunct():
    c = _one("“That's not even an issue,” he said to applause.")
    assert c.text == "That's not even an issue" and c.source_text == "he"


def test_a_participle_after_a_trailing_attribution_is_an_aside_or_a_report_of_its_own():
    c = _one("Sales were great, he said, wiping sweat off his face.")
    assert c.rule == "trailing" and c.text == "Sales were great"
    claims = _claims("Ryan and Trump will meet next week, Spicer said, adding, “They need to have a good talk.”")
    assert list(claims.text) == ["Ryan and Trump will meet next week", "They need to have a good talk"]
    assert set(claims["name"]) == {"Spicer"}


def test_a_clause_without_that_after_a_weak_cue_is_content():
    c = _one("Mr. Biden suggested Mr. Trump had shown a fondness for brutal leaders.")
    assert c.cue == "suggested" and c.text == "Mr. Trump had shown a fondness for brutal leaders"
    for sentence in ("The company reported a loss of $2 million.", "She noted the change in the schedule.",
                     "Apple added a feature that was popular."):
        assert _claims(sentence).empty, sentence


@pytest.mark.parametrize("headline, source", [
    ("Lynch: No outside influence on FBI probe into Clinton emails", "Lynch"),
    ("Poll: Trump and Clinton hold narrow leads in Pennsylvania.", "Poll"),
])
def test_a_sentence_case_headline_names_its_speaker_too(headline, source):
    c = _one(headline + "\n\nWASHINGTON (AP) — The story itself follows in the body. It has no attributions.")
    assert c.rule == "headline_label" and c.source_text == source


def test_only_a_verb_of_saying_comes_before_its_subject():
    c = _one("“Thousands may have been exposed to lead,” said Erin Brockovich, the activist.")
    assert c.rule == "inverted" and c["name"] == "Erin Brockovich"
    assert not (_claims("Gov. Snyder should resign, endorsed Sanders’ approach Saturday.").rule == "inverted").any()


@pytest.mark.parametrize("sentence, name, kind", [
    ("Former President Bill Clinton said the economy was stronger than ever.", "Bill Clinton", "person"),
    ("Longtime aide Huma Abedin said the emails had been deleted.", "Huma Abedin", "person"),
    ("The rules are unclear, federal officials said.", "federal officials", "anonymous"),
    ("Homeland security experts say the threat is growing.", "Homeland security experts", "anonymous"),
    ("Election lawyer Joe Birkenstock said the filing was late.", "Joe Birkenstock", "person"),
    ("In the poll, 85% of Democrats said they would vote.", "85% of Democrats", "anonymous"),
])
def test_sources_that_open_with_a_lowercase_role_or_a_percent_sign(sentence, name, kind):
    c = _one(sentence)
    assert c["name"].lower() == name.lower() and c.kind_source == kind


@pytest.mark.parametrize("sentence, kind", [
    ("Senate Republicans said the bill would fail.", "organization"),
    ("Some Republicans said the bill would fail.", "anonymous"),
    ("One New Hampshire Democrat said the bill would fail.", "anonymous"),
    ("About four out of 10 voters said the bill would fail.", "anonymous"),
])
def test_a_party_speaks_as_an_organization_and_some_of_its_members_as_a_group(sentence, kind):
    assert _one(sentence).kind_source == kind


def test_described_x_as_y_reports_what_x_is_taken_for():
    c = _one("Police Commissioner Richard Ross described the demonstrations as largely peaceful.")
    assert c.cue == "described" and c.text == "the demonstrations as largely peaceful"
    assert _claims("She described the process in detail.").empty


@pytest.mark.parametrize("sentence, cue", [
    ("The senator made clear that she would not endorse him.", "made clear"),
    ("The governor ordered state agencies to prepare for the storm.", "ordered"),
    ("Sanders pushed to raise the minimum wage to $15.", "pushed"),
    ("Many voters see immigrants as an economic burden.", "see"),
])
def test_more_cues_of_saying_ordering_and_seeing(sentence, cue):
    assert _one(sentence).cue == cue


def test_a_report_inside_a_relative_clause_ends_at_its_comma():
    c = _one("The policy changes, which officials said will go into effect in months, will not apply to everyone.")
    assert c.text == "will go into effect in months" and c.source_text == "officials"


@pytest.mark.parametrize("sentence, content", [
    ("It was announced on Monday that the plant would close in June.", "the plant would close in June"),
    ("The plant will close in June, it was reported on Monday.", "The plant will close in June"),
])
def test_an_impersonal_report_is_a_claim_without_a_source(sentence, content):
    c = _one(sentence)
    assert c.rule == "impersonal" and c.text == content and pd.isna(c.source_id)


def test_it_was_with_no_reporting_verb_is_no_claim():
    assert _claims("It was raining when the plant closed.").empty


def test_records_stay_frozen_dataclasses():
    """model.record gives the pipeline's records a quicker __init__; they must still behave as frozen
    dataclasses: defaults, keywords, equality, hashing, replace() and pickling (to and from workers)."""
    import dataclasses
    import pickle

    from analystkit.model import Mention

    mention = Mention(3, 9, "Ruiz", "person", "Dana Ruiz", affiliation=("Pentagon",))
    assert (mention.role, mention.count, mention.plural, mention.affiliation) == (None, None, False, ("Pentagon",))
    assert mention == Mention(3, 9, "Ruiz", "person", "Dana Ruiz", None, None, ("Pentagon",))
    assert hash(mention) == hash(pickle.loads(pickle.dumps(mention)))
    assert dataclasses.replace(mention, start=4).start == 4 and mention.start == 3
    with pytest.raises(dataclasses.FrozenInstanceError):
        mention.start = 0
    with pytest.raises(TypeError, match="missing"):
        Mention(3, 9)
