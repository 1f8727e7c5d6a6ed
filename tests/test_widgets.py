"""Widgets: filters change the chart and the details; article text is escaped wherever it is shown."""
import pytest

import analystkit
from analystkit.widgets import SourceExplorer, TimelineExplorer, highlight


@pytest.fixture()
def explorer(data_tables):
    return TimelineExplorer(data_tables)


def _svg(explorer):
    [output] = explorer.chart.outputs
    return output["data"]["image/svg+xml"]


def test_opening_draws_one_chart_and_counts_events(explorer, data_tables):
    reported = int((data_tables.events.kind == "reported").sum())
    assert f"<b>{reported}</b> events" in explorer.status.value
    assert len(explorer.chart.outputs) == 1 and "<svg" in _svg(explorer)


def test_each_filter_narrows_the_events_and_redraws(explorer, seed_id):
    before_svg, before = _svg(explorer), len(explorer.filtered())
    explorer.article.value = seed_id
    assert len(explorer.filtered()) < before and _svg(explorer) != before_svg
    assert set(explorer.filtered().article_id) == {seed_id}
    explorer.source_kinds["anonymous"].value = False
    assert "anonymous" not in set(explorer.filtered().source_kind)
    explorer.search.value = "White House"
    assert all("white house" in h for h in explorer.filtered().haystack)
    assert len(explorer.chart.outputs) == 1, "one figure, never a second stacked under it"


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
    explorer.claim_kinds["no claim"].value = True
    explorer.source.value = source_id
    assert set(explorer.filtered().query("kind == 'reported'").source_id) == {source_id}


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
    sources = SourceExplorer(parsed)
    assert "<b>the deal</b>" not in sources.claims.value and "&lt;b&gt;the deal&lt;/b&gt;" in sources.claims.value


def test_highlight_escapes_and_marks():
    assert highlight("a <b> c", 0, 7, [(2, 5, "m")]) == 'a <mark class="m">&lt;b&gt;</mark> c'


def test_source_explorer_scopes_and_lists_claims(data_tables, seed_id):
    explorer = SourceExplorer(data_tables)
    assert f"<b>{len(data_tables.claims)}</b> claims" in explorer.status.value
    explorer.scope.value = ("article", seed_id)
    assert "<b>13</b> claims" in explorer.status.value
    assert len(explorer.charts.outputs) == 2
    first = explorer.source.value
    rows = explorer.claims.value.count("<tr>") - 1
    assert rows == int((data_tables.claims.source_id == first).sum())


def test_one_line_display_gives_a_widget_and_a_short_text(seed):
    bundle = TimelineExplorer(seed)._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"].startswith("TimelineExplorer(")
