"""Charts are checked on the Figure objects: what is drawn, with which labels and data."""
import matplotlib.dates as mdates
import pytest
from matplotlib.collections import PathCollection, PolyCollection

import analystkit
from analystkit import charts


def _drawn(ax):
    """event_id -> (first day, days covered, hatched) for bars, and (day, 1, False) for points."""
    drawn = {}
    for collection in ax.collections:
        ids = (collection.get_gid() or "").split(",")
        if isinstance(collection, PolyCollection):
            for event_id, path in zip(ids, collection.get_paths()):
                xs = path.vertices[:, 0]
                drawn[event_id] = (mdates.num2date(xs.min()).date(), round(xs.max() - xs.min()),
                                   bool(collection.get_hatch()))
        elif isinstance(collection, PathCollection):
            for event_id, (x, _y) in zip(ids, collection.get_offsets()):
                drawn[event_id] = (mdates.num2date(x).date(), 1, False)
    return drawn


def _labels(ax):
    return [t.get_text() for t in ax.texts if t.get_gid() == "label"]


def test_timeline_draws_every_dated_event_once(seed):
    ax = charts.timeline(seed).axes[0]
    reported = seed.events[(seed.events.kind == "reported") & seed.events.when_start.notna()]
    assert set(_drawn(ax)) == set(reported.event_id)
    assert len(_labels(ax)) == len(reported)


def test_timeline_intervals_span_their_days_and_vague_ones_are_hatched(seed):
    drawn = _drawn(charts.timeline(seed).axes[0])
    events = seed.events.set_index("event_id")
    for event_id, (first_day, days, hatched) in drawn.items():
        event = events.loc[event_id]
        assert first_day == event.when_start.date()
        assert days == (event.when_end - event.when_start).days + 1
        assert hatched == (event.certainty == "vague" and days > 1)


def test_timeline_marks_the_publication_date(seed):
    ax = charts.timeline(seed).axes[0]
    lines = [line for line in ax.get_lines() if line.get_linestyle() == ":"]
    assert [mdates.num2date(line.get_xdata()[0]).date().isoformat() for line in lines] == ["2023-05-17"]


def test_timeline_labels_stay_short_and_the_title_counts(data_tables):
    fig = charts.timeline(data_tables, max_rows=20)
    ax = fig.axes[0]
    labels = _labels(ax)
    assert len(labels) == 20 and all(len(label) <= 60 for label in labels)
    title = ax.get_title(loc="left")
    assert "20 dated events" in title and "more not shown" in title


def test_timeline_colours_by_source(seed):
    fig = charts.timeline(seed, colour_by="source")
    colours = {tuple(c) for coll in fig.axes[0].collections for c in coll.get_facecolors()}
    assert len(colours) > 3
    with pytest.raises(ValueError, match="colour_by"):
        charts.timeline(seed, colour_by="mood")


def test_claims_per_source_bars_are_claim_counts_coloured_by_kind(seed):
    ax = charts.claims_per_source(seed).axes[0]
    labels = _labels(ax)
    widths = dict(zip(labels, [p.get_width() for p in ax.patches]))
    expected = seed.sources.set_index("name")["n_claims"]
    assert widths == {name: expected[name] for name in labels}
    assert len(labels) == len(seed.sources)
    kinds = seed.sources.set_index("name")["kind"]
    for label, patch in zip(labels, ax.patches):
        assert patch.get_facecolor()[:3] == pytest.approx(
            tuple(int(charts.KIND_COLOURS[kinds[label]][i:i + 2], 16) / 255 for i in (1, 3, 5)))


def test_named_vs_anonymous_shares_sum_to_one(data_tables, seed_id):
    shares = charts.source_kind_shares(data_tables)
    assert (shares.sum(axis=1).round(9) == 1).all()
    seed_row = shares.loc[[i for i in shares.index if "axios" in i][0]]
    seed_claims = data_tables.claims[data_tables.claims.article_id == seed_id].merge(data_tables.sources, on="source_id")
    assert seed_row["anonymous"] == pytest.approx((seed_claims.kind_y == "anonymous").mean())
    fig = charts.named_vs_anonymous(data_tables)
    assert "Who gets to speak" in fig.axes[0].get_title(loc="left")
    assert fig.axes[0].get_xlabel() == "share of claims"


def test_claims_by_affiliation_counts_both_sides(seed):
    ax = charts.claims_by_affiliation(seed).axes[0]
    counts = dict(zip(_labels(ax), [p.get_width() for p in ax.patches]))
    claims = seed.claims.merge(seed.sources, on="source_id", suffixes=("", "_s"))
    assert counts["United States"] == claims.affiliation.fillna("").str.contains("United States").sum()
    assert counts["Israel"] == claims.affiliation.fillna("").str.contains("Israel").sum()


def test_charts_work_on_empty_tables():
    from analystkit.tables import Tables, frame, SCHEMAS

    empty = Tables(**{name: frame(name, []) for name in SCHEMAS})
    for chart in (charts.timeline, charts.claims_per_source, charts.named_vs_anonymous, charts.claims_by_affiliation):
        assert chart(empty).axes


def test_named_vs_anonymous_keeps_articles_apart_and_caps_the_bars(data_tables):
    shares = charts.source_kind_shares(data_tables)
    with_claims = [a for a in data_tables.articles.article_id if a in set(data_tables.claims.article_id)]
    assert len(shares) == len(with_claims)  # one row per article, in the articles' order, titled
    assert shares.index[0].startswith("axios-2023") and shares.index[3].startswith("Australian children")
    twins = analystkit.parse_many([{"title": "Bridge", "text": "The mayor said the bridge will reopen."},
                                   {"title": "Bridge", "text": "Officials said the bridge will stay shut."}])
    assert len(set(charts.source_kind_shares(twins).index)) == 2  # the same title, told apart by id
    ax = charts.named_vs_anonymous(data_tables, top=3).axes[0]
    assert len(_labels(ax)) == 3
    assert "(3 of" in ax.get_title(loc="left")


@pytest.mark.parametrize("width", [8, 11])
def test_timeline_date_labels_never_overlap_each_other_or_the_axis_title(data_tables, width):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = charts.timeline(data_tables, max_rows=20, width=width)
    ax = fig.axes[0]
    low, high = ax.get_xlim()
    for span in (1.0, 0.25, 0.02):  # the whole range, then two zooms into its end
        ax.set_xlim(high - (high - low) * span, high)
        FigureCanvasAgg(fig).draw()
        renderer = fig.canvas.get_renderer()
        boxes = [t.get_window_extent(renderer) for t in ax.get_xticklabels() if t.get_text()]
        assert len(boxes) >= 2, "a date axis has labels at every zoom"
        boxes.sort(key=lambda b: b.x0)
        assert all(a.x1 <= b.x0 for a, b in zip(boxes, boxes[1:])), f"labels overlap at {span:.0%}"
        title = ax.xaxis.label.get_window_extent(renderer)
        assert not any(b.overlaps(title) for b in boxes), "a label runs into the axis title"
        offset = ax.xaxis.get_offset_text()
        assert not offset.get_text() or not any(b.overlaps(offset.get_window_extent(renderer)) for b in boxes)
