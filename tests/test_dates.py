"""Temporal expressions: each family in news sentences, tense, unresolvable and impossible dates, and traps.

Sentences are written for these tests in the style of wire copy; the publication date is Wednesday
2023-05-17 unless a test says otherwise.
"""
from datetime import date

import pandas as pd
import pytest

import analystkit
from analystkit.dates import find_dates

PUBLISHED = date(2023, 5, 17)  # a Wednesday


def _found(text: str, published: date | None = PUBLISHED) -> list[tuple[str, str | None, str | None]]:
    return [(d.text, d.value, d.timex) for d in find_dates(text, [], published)]


def _one(text: str, expression: str, published: date | None = PUBLISHED):
    [d] = [d for d in find_dates(text, [], published) if d.text == expression]
    return d


# ---------------------------------------------------------------- each family


@pytest.mark.parametrize("sentence, expression, value, timex", [
    # calendar dates in the usual English and ISO forms
    ("The ceasefire took effect on May 5, 2021, after weeks of talks.", "May 5, 2021", "2021-05-05", "DATE"),
    ("Voters go to the polls on 17 June 2024, the commission said.", "17 June 2024", "2024-06-17", "DATE"),
    ("The filing, dated 3/14/2022, was unsealed on Tuesday.", "3/14/2022", "2022-03-14", "DATE"),
    ("The regulator's notice of 2022-11-30 set out the penalties.", "2022-11-30", "2022-11-30", "DATE"),
    ("Inflation peaked in October 2022 and has eased since.", "October 2022", "2022-10", "DATE"),
    ("The plant opened in 1998 and employs 400 people.", "1998", "1998", "DATE"),
    ("Home prices fell in early 2009 as credit dried up.", "early 2009", "2009", "DATE"),
    ("The band was a fixture of the 1990s club scene.", "the 1990s", "199", "DATE"),
    ("The agency's budget for fiscal 2024 is $3 billion.", "fiscal 2024", "2024", "DATE"),
    ("Shares have doubled since January, traders said.", "January", "2023-01", "DATE"),
    # quarters and halves, as results news writes them
    ("Net income rose 12% in the third quarter, the company said.", "the third quarter", "2022-Q3", "DATE"),
    ("The retailer reported a third-quarter loss of $4 million.", "third-quarter", "2022-Q3", "DATE"),
    ("Sales in the first quarter of 2021 were flat.", "the first quarter of 2021", "2021-Q1", "DATE"),
    ("Hiring slowed in the first half of 2022.", "the first half of 2022", "2022-H1", "DATE"),
    # relative to publication
    ("Officials met yesterday to discuss the budget.", "yesterday", "2023-05-16", "DATE"),
    ("Rents climbed again last month, the survey showed.", "last month", "2023-04", "DATE"),
    ("The vote is set for next week.", "next week", "2023-W21", "DATE"),
    ("The chief executive resigned two weeks ago.", "two weeks ago", "2023-W18", "DATE"),
    ("The bill passed the Senate earlier this month.", "earlier this month", "2023-05", "DATE"),
    ("The company was founded a decade ago in a garage.", "a decade ago", "201", "DATE"),
    ("The new line opens this summer, the city said.", "this summer", "2023-SU", "DATE"),
    # times of day
    ("Polls close at 8 p.m. ET, the board said.", "8 p.m. ET", "2023-05-17T20:00", "TIME"),
    ("The fire broke out at 10 p.m. Monday, police said.", "10 p.m. Monday", "2023-05-15T22:00", "TIME"),
    ("The talks collapsed on Tuesday night.", "Tuesday night", "2023-05-16TNI", "TIME"),
    ("The minister spoke this morning in parliament.", "this morning", "2023-05-17TMO", "TIME"),
    # durations
    ("He served for three years as finance minister.", "three years", "P3Y", "DURATION"),
    ("The board ordered a six-month review of the plan.", "six-month", "P6M", "DURATION"),
    ("The strike lasted nearly two weeks.", "nearly two weeks", "P2W", "DURATION"),
    ("Prices have risen over the past three years.", "the past three years", "P3Y", "DURATION"),
    ("The flight took 2 1/2 hours.", "2 1/2 hours", "PT2H30M", "DURATION"),
    # sets
    ("The festival is held every year in the old town.", "every year", "P1Y", "SET"),
    ("The council meets each Thursday at the town hall.", "each Thursday", "XXXX-WXX-4", "SET"),
    ("The paper publishes daily figures on admissions.", "daily", "P1D", "SET"),
    # vague references (TimeML leaves out the preposition)
    ("The White House recently announced new sanctions.", "recently", "PAST_REF", "DATE"),
    ("Such raids were rare in the past, residents said.", "the past", "PAST_REF", "DATE"),
    ("The minister is now under pressure to resign.", "now", "PRESENT_REF", "DATE"),
    ("Prices have risen sharply in recent months.", "recent months", "PXM", "DURATION"),
    # holidays and years said aloud
    ("Stores will open early on Thanksgiving Day.", "Thanksgiving Day", "2023-11-23", "DATE"),
    ("The law was passed in nineteen ninety-six.", "nineteen ninety-six", "1996", "DATE"),
])
def test_each_family_is_found_and_normalised(sentence, expression, value, timex):
    d = _one(sentence, expression)
    assert (d.value, d.timex) == (value, timex)


def test_vague_words_timeml_leaves_untagged_are_found_but_not_typed():
    d = _one("No charges have been filed so far, and a decision is expected soon.", "so far")
    assert d.value == "PRESENT_REF" and d.timex is None and d.certainty == "vague"
    assert _one("No charges have been filed so far, and a decision is expected soon.", "soon").timex is None


def test_results_news_compares_with_the_same_quarter_a_year_before():
    dates = analystkit.parse("Profit rose to $5 million in the third quarter from $3 million a year earlier.",
                             published="2023-10-25").dates.set_index("text")
    assert dates.loc["the third quarter", "value"] == "2023-Q3"
    assert dates.loc["a year earlier", "value"] == "2022-Q3"


def test_the_quarter_is_the_one_the_article_reports_on():
    text = ("The chipmaker posted a loss for its fiscal first quarter. After a weak fourth quarter, sales "
            "recovered. It shipped 9,000 systems in the quarter, up from 7,000 in the 1988 period.")
    dates = analystkit.parse(text, published="1989-10-26").dates.set_index("text")
    assert dates.loc["the quarter", "value"] == "1989-Q1"
    assert dates.loc["the 1988 period", "value"] == "1988-Q1"
    # no quarter told by its number: the last one over before publication
    assert _one("Sales rose 4% in the quarter.", "the quarter", date(1989, 10, 26)).value == "1989-Q3"
    forecast = analystkit.parse("Analysts expect the fourth quarter to be weak. Profit fell in the latest quarter.",
                                published="1989-10-26").dates.set_index("text")
    assert forecast.loc["the latest quarter", "value"] == "1989-Q3"


def test_intervals_of_relative_expressions():
    d = _one("Talks stalled a few weeks ago.", "a few weeks ago")
    assert (d.start_date, d.end_date, d.certainty) == (date(2023, 4, 19), date(2023, 5, 3), "approximate")
    q = _one("Net income rose in the third quarter.", "the third quarter", published=date(2023, 10, 25))
    assert (q.start_date, q.end_date, q.granularity) == (date(2023, 7, 1), date(2023, 9, 30), "quarter")


# ---------------------------------------------------------------- tense and the year of a month


def test_weekday_direction_follows_the_words_before_it():
    assert _one("The minister resigned on Friday.", "Friday").value == "2023-05-12"
    assert _one("The minister will resign on Friday.", "Friday").value == "2023-05-19"
    assert _one("The merger is scheduled to close Monday.", "Monday").value == "2023-05-22"
    assert _one("The ministers met Wednesday in Brussels.", "Wednesday").value == "2023-05-17"


def test_a_clock_time_is_on_the_day_its_sentence_tells():
    dates = analystkit.parse("The blast came at about 10:35 a.m. (0735 GMT) Monday, police said. Polls close at "
                             "8 p.m., officials said.", published="2023-05-17").dates.set_index("text")
    assert dates.loc["10:35 a.m.", "value"] == "2023-05-15T10:35"
    assert dates.loc["8 p.m.", "value"] == "2023-05-17T20:00"  # no day told: the publication day


def test_a_future_word_a_few_words_back_still_counts():
    assert _one("The father will leave the island at dawn (about 6 a.m. Thursday), the minister said.",
                "6 a.m. Thursday").value == "2023-05-18T06:00"


def test_a_weekday_or_month_named_again_is_the_one_named_first():
    dates = analystkit.parse("The two countries are expected to join the alliance in April. With their membership "
                             "secure, they can take part in planning for the summit in April.",
                             published="2023-12-05").dates
    assert dates[dates.text == "April"].value.tolist() == ["2024-04", "2024-04"]


def test_a_share_is_not_a_quarter_of_a_year():
    assert _found("The country imports about three-quarters of its grain.") == []
    assert _found("Funds hold more than a quarter of the market.") == []
    assert _one("Profit returned after several quarters of losses.", "several quarters").value == "PXQ"
    assert _one("The dispute has lasted a quarter of a century.", "a quarter").timex == "DURATION"


def test_a_programme_named_after_a_time_is_not_a_date():
    dates = analystkit.parse("The father spoke on CBS's ``60 Minutes.'' The minister told ABC's \"This Week\" that "
                             "talks would resume this week.", published="2023-05-17").dates
    assert dates.text.tolist() == ["this week"]
    headline = analystkit.parse("Talks Resume This Week", published="2023-05-17").dates
    assert headline.text.tolist() == ["This Week"]


def test_an_hour_in_the_morning_is_a_clock_time():
    assert _found("The ferry sank at 4 in the morning.") == [("4 in the morning", "2023-05-17T04:00", "TIME")]
    assert _one("The vote ended at 9:30 in the evening.", "9:30 in the evening").value == "2023-05-17T21:30"


def test_a_timetable_in_the_present_is_ahead():
    assert _one("The two leaders meet separately Monday with the envoy.", "Monday").value == "2023-05-22"
    assert _one("The convention, which begins Monday, has drawn protests.", "Monday").value == "2023-05-22"
    assert _one("The campaign got off to a rocky start Monday.", "Monday").value == "2023-05-15"
    assert _one("The offer had been due to expire Friday.", "Friday").value == "2023-05-12"


def test_a_weekday_in_the_possessive_is_behind():
    assert _found("The family said it would look for ways to get around Tuesday's ruling.") == [
        ("Tuesday", "2023-05-16", "DATE")]
    assert _one("Shares were flat before Monday's announcement.", "Monday").value == "2023-05-15"


def test_the_second_day_of_a_month_is_a_date_of_its_own():
    assert _found("Leaders meet at the summit on June 14 and 15.") == [
        ("June 14", "2023-06-14", "DATE"), ("15", "2023-06-15", "DATE")]
    assert _found("Prices rose on June 14 and 5 percent more later.")[:1] == [("June 14", "2023-06-14", "DATE")]
    assert [d[0] for d in _found("The rate was cut on June 14 and 3 of the 5 members objected.")] == ["June 14"]


def test_some_units_ahead_are_a_duration_like_some_units_back():
    assert _found("Rates may fall in coming weeks, traders said.") == [("coming weeks", "PXW", "DURATION")]
    assert _one("Talks will resume in the weeks ahead.", "the weeks ahead").value == "PXW"
    assert _one("Hiring slowed in recent weeks.", "recent weeks").value == "PXW"


def test_vague_futures_of_business_news():
    assert _one("Margins will stay thin in the near term.", "the near term").value == "FUTURE_REF"
    assert _one("The plant will reopen at a later date.", "a later date").value == "FUTURE_REF"
    assert _one("Sales for the full year were $6 billion.", "the full year").value == "2023"


def test_bare_units_within_and_over_the_years():
    assert _found("More troops will arrive within weeks.") == [("weeks", "PXW", "DURATION")]
    assert _found("The town has changed over the years.") == [("the years", "PXY", "DURATION")]


def test_the_day_before_a_day_told():
    assert _found("The day before last Tuesday, the talks broke down.") == [
        ("The day before last Tuesday", "2023-05-15", "DATE")]
    assert _one("Shops reopened the day after Christmas.", "the day after Christmas", date(2023, 12, 28)).value == \
        "2023-12-26"


def test_the_past_decade_is_ten_years_as_a_decade_is():
    assert _one("Rents doubled over the past decade.", "the past decade").value == "P10Y"
    assert _one("Rents doubled in a decade.", "a decade").value == "P10Y"


def test_could_is_not_a_future_word():
    assert _one("Neither the mayor nor his aides could be reached Tuesday.", "Tuesday").value == "2023-05-16"
    assert _one("The committee might vote Friday on the plan.", "Friday").value == "2023-05-19"


def test_a_limit_told_in_the_past_perfect_is_behind():
    assert _one("Until Monday, prosecutors had not named him as a suspect.", "Monday").value == "2023-05-15"
    assert _one("Forty members had filed their reports by Tuesday.", "Tuesday").value == "2023-05-16"
    assert _one("The tenants must leave by Friday, the judge ruled.", "Friday").value == "2023-05-19"


def test_a_month_without_a_year_is_placed_by_tense():
    january = date(2024, 1, 10)
    assert _one("The boat was found in December off the coast.", "December", january).value == "2023-12"
    october = date(2023, 10, 5)
    assert _one("The three countries will join in April.", "April", october).value == "2024-04"
    assert _one("The company changed its auditor in March.", "March", october).value == "2023-03"


# ---------------------------------------------------------------- no publication date, impossible values


def test_without_a_publication_date_relative_expressions_stay_unresolved():
    found = {d.text: d for d in find_dates("Officials met two weeks ago and again on March 3, 2020, and on Friday.",
                                           [], None)}
    assert not found["two weeks ago"].resolved and found["two weeks ago"].start_date is None
    assert not found["Friday"].resolved and found["Friday"].value == "XXXX-WXX-5"
    assert found["March 3, 2020"].resolved and found["March 3, 2020"].value == "2020-03-03"


def test_a_day_and_month_without_a_year_or_publication_date_keep_what_is_known():
    d = _one("The hearing was moved to June 12.", "June 12", published=None)
    assert d.value == "XXXX-06-12" and d.start_date is None


@pytest.mark.parametrize("sentence", [
    "The meeting on February 30, 2023 was cancelled.",
    "The deadline was 2023-13-45.",
    "The vote was set for 13/45/2022.",
    "Doors open at 25:00 GMT.",
    "The train leaves at 13:75 p.m.",
])
def test_impossible_dates_and_times_are_not_dates(sentence):
    assert _found(sentence) == []


def test_an_impossible_date_leaves_the_real_one_next_to_it():
    assert _found("Not on February 30, 2023 but on March 2, 2023.") == [("March 2, 2023", "2023-03-02", "DATE")]


# ---------------------------------------------------------------- traps


@pytest.mark.parametrize("sentence, real", [
    ("Officials may announce the plan, and it might pass, on June 3.", "June 3"),
    ("Thousands of protesters march through the capital on Saturday.", "Saturday"),
    ("March organisers said the route was set on Monday.", "Monday"),
    ("The Sun newspaper reported the leak on Tuesday.", "Tuesday"),
    ("April Ryan asked the first question at the briefing on Thursday.", "Thursday"),
    ("Jan Smith, a spokeswoman, confirmed the figures on May 2.", "May 2"),
    ("A Boeing 737 landed safely at the airport on Sunday.", "Sunday"),
    ("The crash closed Route 66 on Friday.", "Friday"),  # ("for hours" is a duration of its own)
    ("The motion passed on a 10-4 vote on Tuesday.", "Tuesday"),
    ("Police counted 2,019 people at the rally last week.", "last week"),
    ("The office at 13190 SW 68th Parkway reopened yesterday.", "yesterday"),
    ("The Eagles won 24-17 on Sunday night.", "Sunday night"),
    ("The 2020 troops arrived in the region in March 2021.", "March 2021"),
])
def test_traps_yield_no_date_while_the_real_date_is_found(sentence, real):
    assert [text for text, _, _ in _found(sentence)] == [real]


def test_ages_are_not_durations():
    assert [t for t, _, _ in _found("The 6-year-old boy and his two-year-old sister were found on Monday.")] == ["Monday"]


# ---------------------------------------------------------------- spans and the table


def test_spans_follow_timeml_prepositions_out_modifiers_in():
    found = [t for t, _, _ in _found("In the past, sales fell in early 2009 and for the first nine months of 2010.")]
    assert found == ["the past", "early 2009", "the first nine months", "2010"]


def test_every_span_indexes_the_text():
    text = ("On Monday, March 4, 2013, the talks began; they lasted three days. By 10 a.m. Tuesday the "
            "third-quarter figures were out, a year earlier than planned, and recently revised.")
    for d in find_dates(text, [], PUBLISHED):
        assert text[d.start:d.end] == d.text


def test_letters_whose_case_folds_oddly_do_not_move_or_make_dates():
    # "İ" lower-cases to two characters; "ı" and the Kelvin sign "K" match "i" and "k" only when case is ignored
    # (the dates stage reads a lower-cased copy of the text, which must keep every offset)
    text = "İSTANBUL, Turkey — Mr. Yıldırım resigned two weeks ago and will leave on Friday, aides said."
    found = find_dates(text, [], PUBLISHED)
    assert [(d.text, d.value) for d in found] == [("two weeks ago", "2023-W18"), ("Friday", "2023-05-19")]
    for d in found:
        assert text[d.start:d.end] == d.text
    assert _found("The talks lasted a wee\u212a.") == [("a wee\u212a", "P1W", "DURATION")]


def test_the_dates_table_carries_the_timex_type():
    dates = analystkit.parse("Sales rose 5% in the third quarter and every month since, officials said on "
                             "Monday.", published="2023-10-25").dates.set_index("text")
    assert dates.loc["the third quarter", "timex"] == "DATE"
    assert dates.loc["every month", "timex"] == "SET" and dates.loc["every month", "kind"] == "set"
    assert dates.loc["Monday", "start_date"] == pd.Timestamp("2023-10-23")


# ---------------------------------------------------------------- anaphora and the words around a date


def test_that_day_and_the_following_year_take_the_date_last_told():
    text = "The plant opened on March 3, 2019. Later that day, workers walked out. The following year it closed."
    found = {d.text: d.value for d in find_dates(text, [], PUBLISHED)}
    assert found["Later that day"] == "2019-03-03"
    assert found["The following year"] == "2020"


def test_a_plan_told_in_the_past_looks_back():
    assert _one("The offer had been scheduled to expire Friday.", "Friday").value == "2023-05-12"
    assert _one("The dividend is payable Jan. 2 to holders of record.", "Jan. 2", date(2023, 11, 1)).value == \
        "2024-01-02"


def test_clock_time_leaves_the_full_stop_of_its_sentence():
    assert [t for t, _, _ in _found("He was shot at 10 p.m. Police arrived later.")] == ["10 p.m"]
    assert [t for t, _, _ in _found("He was shot at 10 p.m. on the porch.")] == ["10 p.m."]


def test_the_season_is_the_latest_one_or_the_next_in_the_future():
    october = date(1989, 10, 27)
    assert _one("Sales slowed over the summer.", "the summer", october).value == "1989-SU"
    assert _one("The plant will reopen in the spring.", "the spring", october).value == "1990-SP"
    assert _found("After the fall of the wall, trade grew.", october) == []



def test_every_future_word_holds_a_clue_the_tense_check_looks_for_first():
    from analystkit.dates.words import _FUTURE_CLUES, _FUTURE_WORDS

    assert all(any(clue in word for clue in _FUTURE_CLUES) for word in _FUTURE_WORDS)


# ---------------------------------------------------------------- zoned 24-hour times (issue 15)


@pytest.mark.parametrize("sentence, expression, clock", [
    ("Trading halted at 21:30 UTC after the outage.", "21:30 UTC", "21:30Z"),
    ("The ferry left port at 0600 GMT with 40 passengers.", "0600 GMT", "06:00Z"),
    ("The launch window opens at 2300 hours GMT.", "2300 hours GMT", "23:00Z"),
    ("Flights resumed at 9:15 UTC.", "9:15 UTC", "09:15Z"),
])
def test_a_24_hour_time_in_universal_time_keeps_its_zone(sentence, expression, clock):
    d = _one(sentence, expression)
    assert (d.value, d.timex) == (f"{PUBLISHED.isoformat()}T{clock}", "TIME")


def test_a_zoned_time_before_a_weekday_is_a_time_on_that_day():
    [d] = find_dates("The ship left at 09:00 GMT Friday.", [], PUBLISHED)
    assert d.text == "09:00 GMT Friday" and d.value.endswith("T09:00Z") and d.timex == "TIME"


@pytest.mark.parametrize("sentence", [
    "In 2014 GMT Holdings launched a fund.",  # a year before a name
    "The blast came at about 10:35 a.m. (0735 GMT) on Friday.",  # the same time restated in brackets
])
def test_numbers_before_gmt_that_are_no_new_time(sentence):
    assert not [d for d in find_dates(sentence, [], PUBLISHED) if "GMT" in d.text and d.value.endswith("Z")]


# ---------------------------------------------------------------- compounds kept whole (issue 15)


@pytest.mark.parametrize("sentence, expression, value", [
    ("Profits fell in the second quarter of last year.", "the second quarter of last year", "2022-Q2"),
    ("Sales will rise in the fourth quarter of this year.", "the fourth quarter of this year", "2023-Q4"),
    ("Output peaked in the final quarter of 2012.", "the final quarter of 2012", "2012-Q4"),
    ("Orders grew in the first quarter of next year's plan.", "the first quarter", "2023-Q1"),
])
def test_a_quarter_of_a_year_is_one_expression(sentence, expression, value):
    assert _one(sentence, expression).value == value


@pytest.mark.parametrize("sentence, parts", [
    ("Prices fell in 2015-2016.", [("2015", "2015"), ("2016", "2016")]),
    ("The 1961-62 season was his best.", [("1961", "1961"), ("62", "1962")]),
    ("The plan ran 1999-00.", [("1999", "1999"), ("00", "2000")]),
    ("Years 2010–2012 were hard.", [("2010", "2010"), ("2012", "2012")]),
])
def test_a_range_of_years_is_two_expressions(sentence, parts):
    assert [(d.text, d.value) for d in find_dates(sentence, [], PUBLISHED)] == parts


@pytest.mark.parametrize("sentence, expected", [
    ("It was filed on 2014-06-02.", [("2014-06-02", "2014-06-02")]),  # a date, not a range
    ("The 2014-06 report was late.", []),  # a month, not 2014 to 2006
])
def test_numbers_after_a_year_and_a_dash_that_are_no_range(sentence, expected):
    assert [(d.text, d.value) for d in find_dates(sentence, [], PUBLISHED)] == expected


@pytest.mark.parametrize("sentence, expression", [
    ("Shares rose 2 percent for the day.", "the day"),
    ("The index fell 20 points to end the day at 1,950.", "the day"),
    ("Stocks recovered late in the day.", "late in the day"),
    ("Earlier in the day, the mayor spoke.", "Earlier in the day"),
])
def test_the_day_of_the_report_in_market_copy(sentence, expression):
    d = _one(sentence, expression)
    assert (d.value, d.timex) == (PUBLISHED.isoformat(), "DATE")


@pytest.mark.parametrize("sentence", [
    "On the day of the attack, roads closed.",
    "He remembers the day he left.",
    "It was the day after the vote.",
])
def test_a_day_told_by_what_happened_is_not_the_report_day(sentence):
    assert not [d for d in find_dates(sentence, [], PUBLISHED) if d.value == PUBLISHED.isoformat()]


@pytest.mark.parametrize("sentence, expression, value", [
    ("The fire was out within minutes.", "minutes", "PTXM"),
    ("For days, nobody came.", "days", "PXD"),
    ("He waited for hours.", "hours", "PTXH"),
])
def test_bare_units_after_for_and_within_are_durations(sentence, expression, value):
    d = _one(sentence, expression)
    assert (d.value, d.timex) == (value, "DURATION")


@pytest.mark.parametrize("sentence, expression, value", [
    ("At the time, nobody knew.", "the time", "PAST_REF"),
    ("By that time, the bridge had closed.", "that time", "PAST_REF"),
    ("The vote will be held at a later date.", "a later date", "FUTURE_REF"),
])
def test_a_time_told_before_is_a_reference(sentence, expression, value):
    d = _one(sentence, expression)
    assert (d.value, d.timex, d.certainty) == (value, "DATE", "vague")


@pytest.mark.parametrize("sentence", [
    "He was mayor at the time of the flood.",
    "At the time Howes was captured, it rained.",  # a clause: when he was captured
    "By the time he arrived, it was over.",
])
def test_the_time_of_a_clause_is_no_reference(sentence):
    assert find_dates(sentence, [], PUBLISHED) == []


def test_a_reference_without_a_date_is_no_event():
    parsed = analystkit.parse("Markets fell on Monday.\n\nAt the time, nobody knew why, officials said.",
                              published="2023-05-17")
    assert "the time" in set(parsed.dates.text)
    assert parsed.events.kind.tolist() == ["publication", "reported"] and parsed.events.when_start.notna().all()


def test_references_are_kept_and_flagged_so_that_calendar_dates_can_be_counted_alone():
    parsed = analystkit.parse("Markets fell.\n\nThe firm is currently hiring. Sales recently rose on Monday. "
                              "At the time, nobody knew.", published="2014-06-04")
    flagged = dict(zip(parsed.dates.text, parsed.dates.reference))
    assert flagged == {"currently": True, "recently": True, "Monday": False, "the time": True}
    assert parsed.dates[~parsed.dates.reference].text.tolist() == ["Monday"]


@pytest.mark.parametrize("sentence, expression, value, mod, first, last", [
    ("The plant will open in early 2024.", "early 2024", "2024", "START", "2024-01-01", "2024-04-30"),
    ("Growth should pick up by mid-2024, the bank said.", "mid-2024", "2024", "MID", "2024-05-01", "2024-08-31"),
    ("The line closes in late 2024.", "late 2024", "2024", "END", "2024-09-01", "2024-12-31"),
    ("Talks stalled at the end of 2021.", "the end of 2021", "2021", "END", "2021-09-01", "2021-12-31"),
    ("Rain fell in late February.", "late February", "2023-02", "END", "2023-02-21", "2023-02-28"),
    ("The vote is due in the middle of June.", "the middle of June", "2023-06", "MID", "2023-06-11", "2023-06-20"),
    ("Prices soared in the early 1970s.", "the early 1970s", "197", "START", "1970-01-01", "1973-12-31"),
])
def test_a_part_of_a_time_is_its_mod_and_narrows_the_interval(sentence, expression, value, mod, first, last):
    d = _one(sentence, expression)
    assert (d.value, d.mod) == (value, mod)
    assert (d.start_date.isoformat(), d.end_date.isoformat(), d.certainty) == (first, last, "approximate")


@pytest.mark.parametrize("sentence, expression, value, mod", [
    ("The strike lasted nearly three years.", "nearly three years", "P3Y", "LESS_THAN"),
    ("The talks went on for more than two weeks.", "more than two weeks", "P2W", "MORE_THAN"),
    ("Repairs could take up to six months.", "up to six months", "P6M", "EQUAL_OR_LESS"),
    ("The trial will last at least a week.", "at least a week", "P1W", "EQUAL_OR_MORE"),
    ("The mill closed around 2010.", "around 2010", "2010", "APPROX"),
])
def test_a_hedged_length_or_point_keeps_its_value_and_says_how(sentence, expression, value, mod):
    d = _one(sentence, expression)
    assert (d.value, d.mod) == (value, mod)


@pytest.mark.parametrize("sentence, expression", [
    ("The report is due later this month.", "later this month"),  # "later" is no part of the month
    ("He spoke on Monday.", "Monday"),
    ("Some say the midnight deadline will slip.", "midnight"),
])
def test_no_mod_without_a_modifier(sentence, expression):
    assert _one(sentence, expression).mod is None


def test_the_mod_is_a_column_of_the_dates_table():
    parsed = analystkit.parse("Officials said the bridge will reopen in late 2024.", published="2023-05-17")
    row = parsed.dates.iloc[0]
    assert (row.text, row["mod"], str(row.end_date.date())) == ("late 2024", "END", "2024-12-31")
    assert str(parsed.dates["mod"].dtype) == "category"


@pytest.mark.parametrize("sentence, expression, value, timex", [
    # market copy counts trading sessions, a day each
    ("Shares fell for five straight sessions.", "five straight sessions", "P5D", "DURATION"),
    ("The index gained over three trading sessions.", "three trading sessions", "P3D", "DURATION"),
    ("Oil rose for four consecutive months.", "four consecutive months", "P4M", "DURATION"),
    ("Bonds rallied for three straight trading days.", "three straight trading days", "P3D", "DURATION"),
    ("It was the biggest single-day drop since the crash.", "single-day", "P1D", "DURATION"),
    # a frequency said as an adverb is a set; as an adjective ("a quarterly dividend") TimeBank leaves it
    ("The rate is reset quarterly, the bank said.", "quarterly", "P3M", "SET"),
    ("The board meets semiannually.", "semiannually", "P6M", "SET"),
    # the first of two counts of one unit
    ("Repairs will take between 6 and 9 months.", "6", "P6M", "DURATION"),
    ("Repairs will take between 6 and 9 months.", "9 months", "P9M", "DURATION"),
    ("The review could last two to three years.", "two", "P2Y", "DURATION"),
])
def test_counted_sessions_adjectives_and_ranges(sentence, expression, value, timex):
    d = _one(sentence, expression)
    assert (d.value, d.timex) == (value, timex)


@pytest.mark.parametrize("sentence", [
    "The firm pays a quarterly dividend.",
    "The annual meeting is in the spring.",
    "Voters aged 18 to 25 years old backed him.",
])
def test_adjectives_and_ages_that_are_no_expression(sentence):
    assert not [d for d in find_dates(sentence, [], PUBLISHED) if d.timex in ("SET", "DURATION")]


@pytest.mark.parametrize("sentence, expression, value", [
    ("Sales fell from the same week a year ago.", "the same week a year ago", "2022-W20"),
    ("Traffic was lighter than the same day last year.", "the same day last year", "2022-05-17"),
    ("Orders were down on the same month a year earlier.", "the same month a year earlier", "2022-05"),
    # in a sentence about a quarter's results, that quarter a year back
    ("Profit rose in the first quarter of 2023 from the same quarter a year earlier.",
     "the same quarter a year earlier", "2022-Q1"),
    ("Sales were higher the year previous.", "the year previous", "2022"),
    ("Prices had fallen the month prior.", "the month prior", "2023-04"),
])
def test_the_same_unit_a_year_before_and_the_unit_previous(sentence, expression, value):
    dates = analystkit.parse(sentence, published="2023-05-17").dates  # sentences known: the quarter's is read
    assert dates.set_index("text").value[expression] == value


def test_the_unit_prior_to_something_is_no_expression():
    assert find_dates("The year prior to the vote was calm.", [], PUBLISHED) == []


@pytest.mark.parametrize("sentence, expression", [
    ("Stocks swung wildly on a volatile day for markets.", "a volatile day"),
    ("It was a choppy trading day on Wall Street.", "a choppy trading day"),
])
def test_a_trading_day_described_is_the_day_reported_on(sentence, expression):
    assert _one(sentence, expression).value == "2023-05-17"


def test_a_day_described_by_what_happened_in_it_is_no_expression():
    assert find_dates("It was a volatile day of protests in the capital.", [], PUBLISHED) == []


@pytest.mark.parametrize("sentence, expressions", [
    ("Prices rose sharply in the 60s and 90s.", [("the 60s", "196"), ("90s", "199")]),
    ("Rents peaked in the 1980s and 90s.", [("the 1980s", "198"), ("90s", "199")]),
    ("The 70s were hard on the city.", [("The 70s", "197")]),
])
def test_decades_in_two_digits_and_listed(sentence, expressions):
    assert [(t, v) for t, v, _ in _found(sentence)] == expressions


@pytest.mark.parametrize("sentence", [
    "Highs will be in the 60s on the coast.",
    "Both founders are in their 70s.",
])
def test_temperatures_and_ages_are_no_decade(sentence):
    assert _found(sentence) == []


@pytest.mark.parametrize("sentence, expression, value", [
    ("The talks lasted two and a half years.", "two and a half years", "P2Y6M"),
    ("The flight took 1.5 hours.", "1.5 hours", "PT1H30M"),
    ("The strike lasted 2.5 days.", "2.5 days", "P2DT12H"),
    ("The vote came after a year and a half.", "a year and a half", "P1Y6M"),
])
def test_a_fraction_of_a_unit_is_written_in_the_next_unit_down(sentence, expression, value):
    assert _one(sentence, expression).value == value
