"""Widgets for exploring the tables in JupyterLab: one line in a notebook shows each.

    >>> TimelineExplorer(tables)      # doctest: +SKIP
    >>> SourceExplorer(tables)        # doctest: +SKIP

The charts are Bokeh figures (analystkit.interactive) shown through jupyter_bokeh's
widget: built once, then fed new data, so a filter, a zoom or a click comes back to
Python and redraws in place. The status line is written last, so a test or a screen
reader can wait on it. Article text is escaped wherever it is shown.
"""
from __future__ import annotations

import bisect
import html

import ipywidgets as widgets
import numpy as np
import pandas as pd
from bokeh.events import RangesUpdate, Reset
from jupyter_bokeh.widgets import BokehModel

from . import charts, interactive
from .tables import CLAIM_KINDS, SOURCE_KINDS, Tables

_HIGHLIGHT_CSS = (
    "<style>.ak-details mark{padding:0 2px;border-radius:2px}"
    ".ak-details mark.ak-date{background:#ffe08a}.ak-details mark.ak-cue{background:#c6e2ff}"
    ".ak-details mark.ak-source{background:#d5f5d5}.ak-details mark.ak-claim{background:#eee4fb}"
    ".ak-details p{margin:0 0 8px 0;line-height:1.35}"
    ".ak-details .ak-meta{color:#555;font-size:90%}</style>"
)


def highlight(text: str, start: int, end: int, marks: list[tuple[int, int, str]]) -> str:
    """HTML for ``text[start:end]`` with the ``(start, end, css_class)`` marks wrapped in ``<mark>``.

    Every piece of article text is escaped; overlapping marks keep the first.
    """
    out, cursor = [], start
    for mark_start, mark_end, css in sorted(m for m in marks if start <= m[0] < m[1] <= end):
        if mark_start < cursor:
            continue
        out.append(html.escape(text[cursor:mark_start]))
        out.append(f'<mark class="{css}">{html.escape(text[mark_start:mark_end])}</mark>')
        cursor = mark_end
    out.append(html.escape(text[cursor:end]))
    return "".join(out)


class _Explorer:
    """Shows its ``widget`` when a notebook cell ends with it, with a short text form for logs and nbval."""

    widget: widgets.Widget

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = repr(self)
        return bundle

    def _ipython_display_(self) -> None:
        from IPython.display import display

        if self._needs_bokehjs:
            display(interactive.bokehjs_loader(), raw=True)  # the page must hold BokehJS before the chart
        display(self._repr_mimebundle_(), raw=True)

    _needs_bokehjs = False


class TimelineExplorer(_Explorer):
    """An interactive timeline of events with filters that stay in step with it.

    Hover an event for its date phrase, interval, claim and source; click one to read its paragraph below
    with the date, cue and source marked; drag across a stretch of time to zoom in, double-click to see the
    whole range again. Zoomed out over many events, each lane shows counts per day, week, month or year
    (see :mod:`analystkit.interactive`). The date slider, the kind toggles, the outlet, article and source
    pickers and the search box filter what the chart shows; a zoom moves the date slider with it.

    Args:
        tables: the tables of :func:`analystkit.parse_many` or :func:`analystkit.parse`.
        details: how many of the filtered events the details pane lists when none is clicked.
        detail_limit: most single events drawn at once (more in view: counts per lane).
    """

    _needs_bokehjs = True

    def __init__(self, tables: Tables, *, details: int = 15, detail_limit: int = 1500):
        if tables.entities is None:
            from .entities import link

            tables = link(tables)  # tables read without their entities: the source picker lists entities
        self.tables = tables
        self.details_limit = details
        self.rows = interactive.event_rows(tables)  # a RangeIndex: redraw selects by position
        self._texts = dict(zip(tables.articles["article_id"], tables.articles["text"]))
        self._claims = tables.claims.set_index("claim_id")
        self._dates = tables.dates.set_index("date_id")
        self._titles = charts.article_labels(tables, width=60)
        self._events = interactive.event_frame(self.rows, self._titles)
        self._by_event = self.rows.set_index("event_id")
        dated = self.rows[~self.rows["undated"]]
        bounds = sorted(set(dated["when_start"].dropna()) | set(dated["when_end"].dropna()))
        self._bounds = bounds or [pd.Timestamp("1970-01-01")]
        labels = [(b.strftime("%Y-%m-%d"), b) for b in self._bounds]
        self.date_range = widgets.SelectionRangeSlider(
            options=labels, index=(0, len(labels) - 1), description="dates", readout=False,
            continuous_update=False, layout=widgets.Layout(width="95%"))  # the status line shows the range
        self.source_kinds = {k: widgets.ToggleButton(value=True, description=k, layout=widgets.Layout(width="auto"))
                             for k in [*SOURCE_KINDS, "none"]}
        self.claim_kinds = {k: widgets.ToggleButton(value=True, description=k, layout=widgets.Layout(width="auto"))
                            for k in [*CLAIM_KINDS, "no claim"]}
        self.outlet = widgets.Dropdown(options=self._outlet_options(), value=None, description="outlet")
        self.source = widgets.Dropdown(options=self._source_options(), value=None, description="source")
        self.article = widgets.Dropdown(options=self._article_options(), value=None, description="article")
        self.search = widgets.Text(placeholder="words in the event or claim", description="search",
                                   continuous_update=False)
        self.status = widgets.HTML()
        self.details = widgets.HTML()
        self.timeline = interactive.InteractiveTimeline(detail_limit=detail_limit)
        self.selected: str | None = None  # the event id last clicked
        self._zoom: tuple[float, float] | None = None  # the x range of the last zoom in the chart
        self._moving_slider = False
        for control in [self.date_range, self.outlet, self.source, self.article, self.search,
                        *self.source_kinds.values(), *self.claim_kinds.values()]:
            control.observe(self._changed, "value")
        for source in (self.timeline.points, self.timeline.bars, self.timeline.vague, self.timeline.published):
            source.selected.on_change("indices", self._clicked(source))
        self.timeline.figure.on_event(RangesUpdate, self._zoomed)
        self.timeline.figure.on_event(Reset, self._reset)
        self.redraw()
        # after the first drawing: the widget sends the chart as it stands, and later changes as patches
        self.chart = BokehModel(self.timeline.figure)
        self.widget = widgets.VBox([
            self.date_range,
            widgets.HBox([widgets.Label("source kinds"), *self.source_kinds.values()]),
            widgets.HBox([widgets.Label("claim kinds"), *self.claim_kinds.values()]),
            widgets.HBox([self.outlet, self.article, self.source]),
            self.search,
            self.status, self.chart, widgets.HTML(interactive.key_html()), self.details,
        ])

    # -- data

    def _outlet_options(self) -> list:
        outlets = sorted(self.tables.articles["outlet"].dropna().unique())
        return [("all outlets", None), *((charts._label(o, 50), o) for o in outlets)]

    def _source_options(self, most: int = 500) -> list:
        """The sources quoted most across the articles (entities: one per person or organization, however
        many articles cite them), by name; a list of every source of a corpus would be unusable."""
        e = self.tables.entities
        if e is None:
            return [("all sources", None)]
        e = e[e["entity_id"].isin(set(self.rows["entity_id"].dropna()))]
        e = e.nlargest(most, "n_claims", keep="first").sort_values(["name", "entity_id"])
        return [("all sources", None), *((charts._label(f"{r.name} ({r.kind}, {r.n_articles} articles)", 60), r.entity_id)
                                         for r in e.itertuples())]

    def _article_options(self) -> list:
        return [("all articles", None), *((self._titles[a], a) for a in self.tables.articles["article_id"])]

    def filtered(self) -> pd.DataFrame:
        """The event rows that pass every filter, in time order."""
        rows = self.rows
        low, high = self.date_range.value
        keep = rows["kind"].eq("publication") | (
            (rows["when_end"].fillna(rows["when_start"]) >= low) & (rows["when_start"].fillna(rows["when_end"]) <= high))
        keep &= rows["source_kind"].isin([k for k, b in self.source_kinds.items() if b.value])
        keep &= rows["claim_kind"].isin([k for k, b in self.claim_kinds.items() if b.value]) | rows["kind"].eq("publication")
        if self.outlet.value is not None:
            keep &= rows["outlet"].eq(self.outlet.value).fillna(False)
        if self.source.value is not None:
            keep &= rows["entity_id"].eq(self.source.value).fillna(False)
        if self.article.value is not None:
            keep &= rows["article_id"].eq(self.article.value)
        words = self.search.value.strip().lower()
        if words:
            keep &= rows["haystack"].str.contains(words, regex=False)
        return rows[keep.fillna(False)]

    # -- drawing

    def _changed(self, change=None) -> None:
        if self._moving_slider:
            return  # the slider follows a zoom: the chart is drawn already
        if change is not None and change["owner"] is self.date_range:
            self._zoom = None  # the slider moved by hand: it sets the range
        self.redraw()

    def _clicked(self, source):
        def show(_attr, _old, new):
            if new:
                self.selected = self.timeline.event_at(source, new[0])
                self.details.value = self._details_html(self._by_event.loc[[self.selected]].reset_index())
        return show

    def _zoomed(self, event: RangesUpdate) -> None:
        if event.x0 is None or event.x1 is None:
            return
        self._zoom = (float(event.x0), float(event.x1))
        low = pd.Timestamp(np.datetime64(int(event.x0), "ms"))
        high = pd.Timestamp(np.datetime64(int(event.x1), "ms"))
        first = max(0, bisect.bisect_right(self._bounds, low) - 1)
        last = min(len(self._bounds) - 1, bisect.bisect_left(self._bounds, high))
        self._moving_slider = True
        try:
            self.date_range.index = (first, last)
        finally:
            self._moving_slider = False
        self.redraw()

    def _reset(self, _event=None) -> None:
        """A double-click or the reset tool: every date again."""
        self._zoom = None
        self._moving_slider = True
        try:
            self.date_range.index = (0, len(self._bounds) - 1)
        finally:
            self._moving_slider = False
        self.redraw()

    def redraw(self) -> None:
        rows = self.filtered()
        low, high = self.date_range.value
        x_range = self._zoom
        if x_range is None and self.date_range.index != (0, len(self._bounds) - 1):
            day = 86_400_000
            x_range = (interactive.ms_of(low) - day / 2, interactive.ms_of(high) + 1.5 * day)
        kept = np.zeros(len(self.rows), dtype=bool)
        kept[rows.index.to_numpy()] = True  # self.rows has a RangeIndex, so these are positions
        events = self._events[kept[self._events["row"].to_numpy()]]
        view = self.timeline.show(events, x_range)
        self.selected = None
        self.details.value = self._details_html(rows)
        shown = int((view.events["lane"] != "published").sum())
        low, high = (interactive.day_of(x) for x in self._zoom) if self._zoom else (f"{low:%Y-%m-%d}", f"{high:%Y-%m-%d}")
        counted = f", counts per {view.bin_name}" if view.aggregated else ""
        if view.not_drawn:
            counted += f"; {view.not_drawn} longer intervals across this range not drawn"
        self.status.value = (f"<b>{shown}</b> events from {low} to {high}"
                             f" (of {int((self.rows['kind'] == 'reported').sum())}{counted})")

    def _details_html(self, rows: pd.DataFrame) -> str:
        texts, claims, dates = self._texts, self._claims, self._dates
        parts = [_HIGHLIGHT_CSS, '<div class="ak-details">']
        one = len(rows) == 1  # a clicked event: its whole paragraph
        shown = rows[rows["kind"] == "reported"].head(self.details_limit)
        if one and rows["kind"].iloc[0] == "publication":
            row = rows.iloc[0]
            parts.append(f'<p><span class="ak-meta">{html.escape(_when(row.when_start, row.when_end))} · '
                         f"published</span><br>{html.escape(self._titles[row.article_id])}</p>")
        for row in shown.itertuples():
            text = texts[row.article_id]
            marks, start, end = [], row.start, row.end
            if pd.notna(row.date_id) and row.date_id in dates.index:
                d = dates.loc[row.date_id]
                marks.append((int(d.start), int(d.end), "ak-date"))
                start, end = min(start, int(d.start)), max(end, int(d.end))
            if pd.notna(row.claim_id) and row.claim_id in claims.index:
                c = claims.loc[row.claim_id]
                for s, e, css in ((c.cue_start, c.cue_end, "ak-cue"), (c.source_start, c.source_end, "ak-source")):
                    if pd.notna(s):
                        marks.append((int(s), int(e), css))
                        start, end = min(start, int(s)), max(end, int(e))
            if one:
                start, end = _paragraph(text, int(start), int(end))
            when = _when(row.when_start, row.when_end)
            who = html.escape(str(row.source_name)) if pd.notna(row.source_name) else "no source"
            parts.append(f'<p><span class="ak-meta">{html.escape(when)} · {who} · {html.escape(str(row.claim_kind))}'
                         f"</span><br>{highlight(text, int(start), int(end), marks)}</p>")
        if len(shown) < int((rows["kind"] == "reported").sum()):
            parts.append(f'<p class="ak-meta">… and {int((rows["kind"] == "reported").sum()) - len(shown)} more</p>')
        parts.append("</div>")
        return "".join(parts)

    def __repr__(self) -> str:
        return f"TimelineExplorer({int((self.rows['kind'] == 'reported').sum())} events)"


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraphs (blank-line separated) that hold ``text[start:end]``."""
    before = text.rfind("\n\n", 0, start)
    after = text.find("\n\n", end)
    return (0 if before < 0 else before + 2), (len(text) if after < 0 else after)


def _when(start, end) -> str:
    if pd.isna(start) and pd.isna(end):
        return "undated"
    if pd.isna(start):
        return f"until {end:%Y-%m-%d}"
    if pd.isna(end) or start == end:
        return f"{start:%Y-%m-%d}"
    return f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"


class SourceExplorer(_Explorer):
    """Who is quoted across a corpus, and what they said.

    >>> SourceExplorer(tables)          # doctest: +SKIP

    The most quoted sources (entities linked across articles) by claims or by words quoted, in the whole
    corpus, one outlet or one article; the share of claims by kind of source per outlet and per week or
    month. Hover a bar for its figures; click a source (or pick it) to list its claims across articles,
    and pick a claim to read its paragraph with the source and cue marked. It counts the claims whose
    ``cue_type`` is in ``cue_types`` (by default what was said: ``charts.SPEECH``; None counts all).
    """

    _needs_bokehjs = True

    def __init__(self, tables: Tables, *, top: int = 20, cue_types: charts.CueTypes = charts.SPEECH):
        if tables.entities is None:
            from .entities import link

            tables = link(tables)  # tables read without their entities (an older run, iter_tables)
        if cue_types is not None:
            tables = tables.with_claims(tables.claims["cue_type"].isin(cue_types))
        self.tables = tables
        scopes = [("all articles", ("all", None))]
        scopes += [(f"outlet: {o}", ("outlet", o)) for o in sorted(tables.articles["outlet"].dropna().unique())]
        self._titles = charts.article_labels(tables, width=60)
        scopes += [(f"article: {self._titles[a]}", ("article", a)) for a in tables.articles["article_id"]]
        self.scope = widgets.Dropdown(options=scopes, value=("all", None), description="show",
                                      layout=widgets.Layout(width="60%"))
        self.measure = widgets.ToggleButtons(options=[("claims", "claims"), ("words quoted", "words")],
                                             value="claims", description="rank by")
        self.period = widgets.ToggleButtons(options=["week", "month"], value="month", description="over time")
        self.source = widgets.Dropdown(description="source", layout=widgets.Layout(width="60%"))
        self.claim = widgets.Select(description="claims", rows=8, layout=widgets.Layout(width="95%"))
        self.status = widgets.HTML()
        self.claims = widgets.HTML()
        self.article_view = widgets.HTML()
        self.figures = interactive.SourceCharts(top=top)
        self.figures.bars.selected.on_change("indices", self._bar_clicked)
        self._texts = dict(zip(tables.articles["article_id"], tables.articles["text"]))
        self._entity_of = dict(zip(tables.sources["source_id"], tables.sources["entity_id"]))
        self._claims_by_id = tables.claims.set_index("claim_id")
        self.scope.observe(self._scope_changed, "value")
        self.measure.observe(self._redraw, "value")
        self.period.observe(self._redraw, "value")
        self.source.observe(self._source_changed, "value")
        self.claim.observe(self._claim_changed, "value")
        self._scope_changed()
        from bokeh.layouts import column

        self.chart = BokehModel(column(self.figures.top_figure, self.figures.outlet_figure, self.figures.period_figure))
        self.widget = widgets.VBox([self.scope, widgets.HBox([self.measure, self.period]), self.status, self.chart,
                                    widgets.HTML(interactive.kinds_key_html()), self.source, self.claims, self.claim,
                                    self.article_view])

    def _article_ids(self):
        kind, value = self.scope.value
        if kind == "all":
            return None
        a = self.tables.articles
        return a.loc[a["article_id" if kind == "article" else "outlet"] == value, "article_id"]

    def _scope_changed(self, _change=None) -> None:
        self._counts = interactive.source_counts(self.tables, self._article_ids())
        top = self._counts["top"]
        options = [(f"{r.name} ({r.kind}, {r.claims} claims, {r.articles} articles)", r.entity_id)
                   for r in top.head(500).itertuples()]
        self.source.options = options
        self.source.value = options[0][1] if options else None
        self._redraw()

    def _redraw(self, _change=None) -> None:
        self.figures.show(self._counts, measure=self.measure.value, period=self.period.value)
        top = self._counts["top"]
        ids = self._article_ids()
        n_articles = len(self.tables.articles) if ids is None else len(ids)
        self.status.value = (f"<b>{int(top['claims'].sum())}</b> claims from <b>{len(top)}</b> sources in "
                             f"{n_articles} article(s)")

    def _bar_clicked(self, _attr, _old, new) -> None:
        if new:
            entity = self.figures.bars.data["entity_id"][new[0]]
            if entity in {v for _, v in self.source.options}:
                self.source.value = entity
            else:
                self._show_claims(entity)

    def _source_changed(self, _change=None) -> None:
        self._show_claims(self.source.value)

    def _show_claims(self, entity_id) -> None:
        t = self.tables
        ids = self._article_ids()
        claims = t.claims[t.claims["source_id"].map(self._entity_of).eq(entity_id).fillna(False)]
        if ids is not None:
            claims = claims[claims["article_id"].isin(set(ids))]
        dates = {a: "" if pd.isna(d) else f"{d:%Y-%m-%d}" for a, d in zip(t.articles["article_id"], t.articles["published"])}
        outlets = {a: "" if pd.isna(o) else str(o) for a, o in zip(t.articles["article_id"], t.articles["outlet"])}
        rows = "".join(
            f"<tr><td>{html.escape(self._titles.get(c.article_id, c.article_id))}</td>"
            f"<td>{html.escape(outlets.get(c.article_id, ''))}</td><td>{dates.get(c.article_id, '')}</td>"
            f"<td>{html.escape(str(c.kind))}</td><td>{html.escape(str(c.cue))}</td>"
            f"<td>{html.escape(str(c.source_text))}</td><td>{html.escape(str(c.text))}</td></tr>"
            for c in claims.itertuples())
        self.claims.value = ("<table><thead><tr><th>article</th><th>outlet</th><th>published</th><th>kind</th>"
                             "<th>cue</th><th>as written</th><th>claim</th></tr></thead>"
                             f"<tbody>{rows}</tbody></table>")
        self.claim.options = [(charts._label(f"{self._titles.get(c.article_id, c.article_id)}: {c.text}", 110),
                               c.claim_id) for c in claims.itertuples()]
        self.claim.value = None
        self.article_view.value = ""

    def _claim_changed(self, _change=None) -> None:
        """The picked claim in its article: its paragraph, with the source, the cue and the claim marked."""
        if self.claim.value is None:
            self.article_view.value = ""
            return
        c = self._claims_by_id.loc[self.claim.value]
        text = self._texts[c.article_id]
        marks = [(int(c.start), int(c.end), "ak-claim")]
        for start, end, css in ((c.cue_start, c.cue_end, "ak-cue"), (c.source_start, c.source_end, "ak-source")):
            if pd.notna(start):
                marks.append((int(start), int(end), css))
        first, last = min(m[0] for m in marks), max(m[1] for m in marks)
        start, end = _paragraph(text, first, last)
        self.article_view.value = (f'{_HIGHLIGHT_CSS}<div class="ak-details"><p><span class="ak-meta">'
                                   f"{html.escape(self._titles.get(c.article_id, c.article_id))}</span><br>"
                                   f"{highlight(text, start, end, marks)}</p></div>")

    def __repr__(self) -> str:
        return f"SourceExplorer({len(self.tables.articles)} articles, {len(self.tables.entities)} sources)"
