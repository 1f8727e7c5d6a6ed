"""Claims are typed by what their cue reports, checked in context, and the charts that count who is
quoted count what was said by default (issue 13)."""
import pytest

import analystkit
from analystkit import charts

OPENING = "The council met on Monday to discuss the budget.\n\n"


@pytest.mark.parametrize("sentence", [
    "Smith denied him a second goal late in the game.",  # a stop, not a denial of something said
    "The goalie denied the visitors on three chances in the first period.",
    "Officials showed reporters the damage.",  # a showing, not a finding
    "Police found a body near the river.",
])
def test_a_cue_in_another_sense_is_no_claim(sentence):
    assert analystkit.parse(OPENING + sentence).claims.empty


@pytest.mark.parametrize("sentence,cue_type", [
    ("The minister denied the allegations.", "speech"),
    ("The report showed that costs rose.", "evidence"),
    ("A 2014 study found 31 cases.", "evidence"),
    ("The mayor believes the budget is too small.", "thought"),
    ("The mayor wants to cut the budget.", "intention"),
])
def test_the_same_cues_in_their_reporting_sense_are_claims_of_their_type(sentence, cue_type):
    assert analystkit.parse(OPENING + sentence).claims.cue_type.tolist() == [cue_type]


def test_source_charts_count_what_was_said_unless_told_otherwise():
    tables = analystkit.parse(OPENING + "The mayor said the budget is too small. The mayor believes costs will rise. "
                                        "The treasurer said the numbers are final.")
    shares = charts.source_kind_shares(tables)
    assert shares.sum(axis=1).iloc[0] == pytest.approx(1)
    spoken = charts._claims_with_sources(tables)
    assert len(spoken) == 2 and set(spoken.cue_type) == {"speech"}
    assert len(charts._claims_with_sources(tables, None)) == 3
    figure = charts.claims_per_source(tables)
    widths = sorted(bar.get_width() for bar in figure.axes[0].patches)
    assert widths == [1, 1]  # the mayor's belief is not counted as something said
    assert sorted(b.get_width() for b in charts.claims_per_source(tables, cue_types=None).axes[0].patches) == [1, 2]


def test_a_source_explorer_counts_what_was_said(data_tables):
    explorer = analystkit.SourceExplorer(data_tables)
    assert set(explorer.tables.claims.cue_type) == {"speech"}
    assert len(analystkit.SourceExplorer(data_tables, cue_types=None).tables.claims) == len(data_tables.claims)
