"""Widgets: filters change the chart and the details; article text is escaped wherever it is shown."""
import numpy as np
import pandas as pd
import pytest

import analystkit
from analystkit.widgets import SourceExplorer, TimelineExplorer, highlight


@pytest.fixture()
def explorer(data_tables):
    return TimelineExplorer(data_tables)


def _drawn(explorer) -> set[str]:
    """The event ids the chart draws one by one."""
    t = explorer.timeline
    return {e for source in (t.points, t.bars, t.vague, t.published) for e in source.data["event_id"]}


def test_opening_draws_every_dated_event_and_counts_them(explorer, data_tables):
    reported = int((data_tables.events.kind == "reported").sum())
    assert f"<b>{reported}</b> events" in explorer.status.value
    dated = data_tables.events.dropna(subset=["when_start", "when_end"], how="all")
    assert _drawn(explorer) == set(dated.event_id)


def test_each_filter_narrows_the_events_and_redraws(explorer, seed_id):
    before_drawn, before = _drawn(explorer), len(explorer.filtered())
    explorer.article.value = seed_id
    assert len(explorer.filtered()) < before and _drawn(explorer) < before_drawn
    assert set(explorer.filtered().article_id) == {seed_id}
    assert {e.rsplit(".", 1)[0] for e in _drawn(explorer)} == {seed_id}
    explorer.source_kinds["anonymous"].value = False
    assert "anonymous" not in set(explorer.filtered().source_kind)
    explorer.search.value = "White House"
    assert all("white house" in h for h in explorer.filtered().haystack)
    assert _drawn(explorer) <= set(explorer.filtered().event_id)


def test_outlet_picker_keeps_one_outlet(data_tables):
    explorer = TimelineExplorer(data_tables)
    outlet = data_tables.articles.outlet.dropna().iloc[0]
    explorer.outlet.value = outlet
    articles = set(data_tables.articles.query("outlet == @outlet").article_id)
    assert set(explorer.filtered().article_id) <= articles and len(explorer.filtered())


def test_clicking_an_event_shows_its_paragraph_with_marks(seed):
    explorer = TimelineExplorer(seed)
    t = explorer.timeline
    source, index = next((s, i) for s in (t.points, t.bars, t.vague) for i, kind in enumerate(s.data["claim_kind"])
                         if kind in ("direct", "indirect", "mixed"))
    source.selected.indices = [index]
    event = explorer.rows.set_index("event_id").loc[explorer.selected]
    text = seed.articles.text.iloc[0]
    paragraph_start = text.rfind("\n\n", 0, int(event.start)) + 2
    html = explorer.details.value
    assert html.count("<p>") == 1, "one event: its paragraph alone"
    assert '<mark class="ak-date">' in html and '<mark class="ak-cue">' in html
    assert html.split("<br>", 1)[1].startswith(analystkit.widgets.html.escape(text[paragraph_start:paragraph_start + 10]))


def test_zooming_moves_the_slider_and_counts_fewer_events(explorer):
    from bokeh.events import RangesUpdate, Reset

    rows = explorer.rows.query("kind == 'reported' and not undated")
    late = rows.when_start.dropna().sort_values().iloc[len(rows) // 2]
    x0 = late.value / 1e6
    explorer._zoomed(RangesUpdate(explorer.timeline.figure, x0=x0, x1=x0 + 400 * 86_400_000, y0=0, y1=1))
    low, high = explorer.date_range.value
    assert low <= late and explorer.date_range.index != (0, len(explorer.date_range.options) - 1)
    shown = int(explorer.status.value.split("<b>")[1].split("<")[0])
    assert 0 < shown < len(rows)
    assert all(x1 > x0 for x1 in explorer.timeline.points.data["x1"])
    explorer._reset(Reset(explorer.timeline.figure))
    assert explorer.date_range.index == (0, len(explorer.date_range.options) - 1)
    assert f"<b>{len(rows)}</b> events" in explorer.status.value


def test_many_events_are_counted_per_lane_until_zoomed_in(data_tables):
    explorer = TimelineExplorer(data_tables, detail_limit=10)
    t = explorer.timeline
    assert t.view.aggregated and sum(t.counts.data["n"]) == len(t.view.events.query("lane != 'published'"))
    assert not t.points.data["event_id"], "no single events while counting"
    assert "counts per" in explorer.status.value
    seed_rows = explorer.rows.dropna(subset=["when_start"]).query("kind == 'reported'").sort_values("when_start")
    x0 = seed_rows.when_start.iloc[-3].value / 1e6
    from bokeh.events import RangesUpdate
    explorer._zoomed(RangesUpdate(t.figure, x0=x0, x1=x0 + 2 * 86_400_000, y0=0, y1=1))
    assert not t.view.aggregated and _drawn(explorer) and not t.counts.data["n"]


def test_date_slider_keeps_only_events_in_range(explorer):
    options = explorer.date_range.options
    explorer.date_range.index = (len(options) // 2, len(options) - 1)
    low, high = explorer.date_range.value
    reported = explorer.filtered().query("kind == 'reported'")
    assert len(reported) and (reported.when_end.fillna(reported.when_start) >= low).all()
    assert f"from {low:%Y-%m-%d}" in explorer.status.value


def test_claim_kind_and_source_pickers(explorer, data_tables):
    explorer.claim_kinds["no claim"].value = False
    assert "no claim" not in set(explorer.filtered().query("kind == 'reported'").claim_kind)
    source_id = data_tables.events.source_id.dropna().iloc[0]
    entity = data_tables.sources.set_index("source_id").loc[source_id, "entity_id"]
    explorer.claim_kinds["no claim"].value = True
    assert entity in {value for _, value in explorer.source.options}
    explorer.source.value = entity
    sources_of_entity = set(data_tables.sources.loc[data_tables.sources.entity_id == entity, "source_id"])
    assert set(explorer.filtered().query("kind == 'reported'").source_id) <= sources_of_entity
    assert source_id in set(explorer.filtered().source_id)


def test_details_highlight_the_date_cue_and_source(seed):
    explorer = TimelineExplorer(seed)
    explorer.search.value = "recently announced"
    html = explorer.details.value
    assert '<mark class="ak-date">recently</mark>' in html
    assert '<mark class="ak-cue">announced</mark>' in html
    assert '<mark class="ak-source">The White House</mark>' in html


def test_article_text_is_escaped_in_widgets():
    parsed = analystkit.parse('Officials said on Monday that <b>the deal</b> was off.\n\n<script>alert("x")</script>',
                              published="2024-03-06")
    explorer = TimelineExplorer(parsed)
    assert "<b>the deal</b>" not in explorer.details.value and "&lt;b&gt;the deal&lt;/b&gt;" in explorer.details.value
    assert "<script>" not in explorer.details.value
    from bokeh.models import HoverTool
    for hover in explorer.timeline.figure.select(type=HoverTool):  # Bokeh escapes @fields unless told {safe}
        assert all("{safe}" not in spec and "<" not in spec for _, spec in hover.tooltips)
    sources = SourceExplorer(parsed)
    assert "<b>the deal</b>" not in sources.claims.value and "&lt;b&gt;the deal&lt;/b&gt;" in sources.claims.value


def test_highlight_escapes_and_marks():
    assert highlight("a <b> c", 0, 7, [(2, 5, "m")]) == 'a <mark class="m">&lt;b&gt;</mark> c'


def test_source_explorer_ranks_sources_and_scopes_to_an_article(data_tables, seed_id):
    explorer = SourceExplorer(data_tables)
    said = data_tables.claims[data_tables.claims.cue_type == "speech"]  # what it counts by default
    assert len(said) < len(data_tables.claims)
    assert f"<b>{int(said.source_id.notna().sum())}</b> claims" in explorer.status.value
    bars = explorer.figures.bars.data
    assert bars["value"] == sorted(bars["value"]), "the most quoted last, drawn at the top"
    top_entity = bars["entity_id"][-1]
    most = said.source_id.map(dict(zip(data_tables.sources.source_id, data_tables.sources.entity_id)))
    assert most.value_counts().iat[0] == bars["value"][-1] and most.value_counts().index[0] == top_entity
    explorer.scope.value = ("article", seed_id)
    seed_claims = said[(said.article_id == seed_id) & said.source_id.notna()]
    assert f"<b>{len(seed_claims)}</b> claims" in explorer.status.value and "1 article(s)" in explorer.status.value
    assert sum(explorer.figures.bars.data["claims"]) <= len(seed_claims)


def test_source_explorer_ranks_by_words_quoted(data_tables):
    explorer = SourceExplorer(data_tables)
    explorer.measure.value = "words"
    bars = explorer.figures.bars.data
    assert bars["value"] == bars["words"] and bars["value"] == sorted(bars["value"])
    assert "words quoted" in explorer.figures.top_figure.title.text


def test_clicking_a_source_lists_its_claims_across_articles_and_opens_one(data_tables):
    explorer = SourceExplorer(data_tables)
    bars = explorer.figures.bars
    bars.selected.indices = [len(bars.data["name"]) - 1]  # the most quoted
    entity = bars.data["entity_id"][-1]
    expected = data_tables.claims[data_tables.claims.source_id.map(
        dict(zip(data_tables.sources.source_id, data_tables.sources.entity_id))) == entity]
    assert explorer.source.value == entity
    assert explorer.claims.value.count("<tr>") - 1 == len(expected) == len(explorer.claim.options)
    explorer.claim.value = explorer.claim.options[0][1]
    view = explorer.article_view.value
    assert '<mark class="ak-claim">' in view and '<mark class="ak-cue">' in view


def test_source_explorer_shares_by_kind_per_outlet_and_period(data_tables):
    explorer = SourceExplorer(data_tables)
    outlets = explorer.figures.outlets.data
    for i in range(len(outlets["group"])):
        assert abs(sum(outlets[k][i] for k in ("person", "anonymous", "organization", "document", "none")) - 1) < 1e-9
    months = len(explorer.figures.periods.data["group"])
    explorer.period.value = "week"
    assert len(explorer.figures.periods.data["group"]) >= months


def test_one_line_display_gives_a_widget_and_a_short_text(seed):
    bundle = TimelineExplorer(seed)._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"].startswith("TimelineExplorer(")


def test_histogram_bins_are_calendar_units_for_any_year():
    from analystkit import interactive

    day = 86_400_000
    monday = int(np.datetime64("2024-03-04", "ms").astype("int64"))  # a Monday
    far = int(np.datetime64("2750-06-15", "ms").astype("int64"))  # past pandas' nanosecond range
    events = pd.DataFrame({"mid": [monday + day // 2, monday + 6 * day + day // 2, monday + 7 * day + day // 2, far],
                           "lane": ["person", "person", "person", "document"]})
    weeks = interactive.histogram(events, "week")
    assert sorted(zip(weeks["lane"], weeks["n"])) == [("document", 1), ("person", 1), ("person", 2)]
    assert monday in weeks["left"] and monday + 7 * day in weeks["right"]
    years = interactive.histogram(events, "year")
    assert "year of 2750-01-01" in years["label"]


def test_a_zoom_into_a_week_draws_what_began_in_it_not_the_long_intervals_across_it():
    from analystkit import interactive

    day = 86_400_000
    start = int(np.datetime64("2024-03-04", "ms").astype("int64"))
    long = pd.DataFrame({"x0": [start - 100 * day] * 5, "x1": [start + 200 * day] * 5})
    short = pd.DataFrame({"x0": [start + day * i for i in range(3)], "x1": [start + day * (i + 1) for i in range(3)]})
    view = interactive.view_of(pd.concat([long, short], ignore_index=True), start, start + 7 * day, detail_limit=4)
    assert not view.aggregated and len(view.events) == 3 and view.not_drawn == 5
    crowded = interactive.view_of(pd.concat([long, short], ignore_index=True), start, start + 7 * day, detail_limit=2)
    assert crowded.aggregated
