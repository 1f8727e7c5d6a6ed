"""Interactive charts (Bokeh): a timeline to hover, click and zoom, in JupyterLab and in an offline HTML file.

    >>> chart = InteractiveTimeline(rows)            # doctest: +SKIP
    >>> chart.show(rows)                             # doctest: +SKIP   # new filter: the same figure, new data
    >>> standalone_html(chart.figure)                # doctest: +SKIP   # one file, every script inlined

Events lie in lanes, one per kind of source (and one for publication dates): an exact day is a dot, an
exact interval a solid bar, a vague interval ("recently", "in the coming weeks") a pale dashed bar. When
the visible range holds more events than can be read one by one (``detail_limit``), each lane shows how
many events fall in each day, week, month or year instead, as a small histogram; zoom in and single
events come back. The figure is built once; a filter or a zoom only replaces the data of its sources, which
is what keeps a redraw quick at 50k events.

Text from articles reaches the page only as data of a ColumnDataSource, shown by Bokeh's tooltip fields
(``@name``), which Bokeh escapes; no HTML template here takes article text.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np
import pandas as pd
from bokeh.embed import file_html
from bokeh.models import (BoxZoomTool, ColumnDataSource, CustomJS, DatetimeTickFormatter, FixedTicker, HoverTool,
                          Range1d, ResetTool, TapTool)
from bokeh.events import DoubleTap
from bokeh.plotting import figure
from bokeh.resources import INLINE

from . import charts
from .tables import SOURCE_KINDS, Tables

#: lanes from the top: the publication dates, then one per kind of source
LANES = ["published", *SOURCE_KINDS, "none"]
LANE_LABELS = {"published": "published", "none": "no source"}
#: colour of an event by the kind of its claim (Okabe-Ito colours, told apart by colour-blind readers too)
CLAIM_COLOURS = {"direct": "#0072b2", "indirect": "#009e73", "mixed": "#cc79a7", "no_comment": "#d55e00",
                 "no claim": "#7f7f7f"}
_DAY_MS = 86_400_000
# bins of the histogram when zoomed out, the finest first: as many as fit ~150 in the visible range
_BINS = [("day", _DAY_MS), ("week", 7 * _DAY_MS), ("month", 30 * _DAY_MS), ("year", 365 * _DAY_MS)]
_MAX_BINS = 150
_LANE_HEIGHT = 0.38  # half the height of a lane that marks may take


def _lane_y(lane: str) -> float:
    return float(len(LANES) - 1 - LANES.index(lane))


def event_rows(tables: Tables) -> pd.DataFrame:
    """The rows of :func:`analystkit.charts.timeline_rows` with their claim (kind, text, cue), outlet and
    source's entity, and a lower-case ``haystack`` of their words for searching; a RangeIndex (positions)."""
    rows = charts.timeline_rows(tables)
    claims = tables.claims[["claim_id", "kind", "text", "cue"]].rename(
        columns={"kind": "claim_kind", "text": "claim_text"})
    rows = rows.merge(claims, on="claim_id", how="left")
    rows["claim_kind"] = rows["claim_kind"].astype("string").fillna("no claim")
    rows = rows.merge(tables.articles[["article_id", "outlet"]], on="article_id", how="left")
    rows = rows.merge(tables.sources[["source_id", "entity_id"]], on="source_id", how="left")
    rows["haystack"] = (rows["description"].fillna("") + " " + rows["claim_text"].fillna("") + " "
                        + rows["source_name"].fillna("")).str.lower()
    return rows.reset_index(drop=True)


def event_frame(rows: pd.DataFrame, titles: dict[str, str] | None = None) -> pd.DataFrame:
    """What the chart draws for each row of :func:`analystkit.charts.timeline_rows` (with the claim columns
    the TimelineExplorer adds): start and end in milliseconds, lane and height, colour, and the fields of
    the tooltip. Rows without a date are left out.
    """
    titles = titles or {}
    undated = rows["undated"].to_numpy()
    rows = rows[~undated]
    start = rows["when_start"].fillna(rows["when_end"]).to_numpy(dtype="datetime64[ms]").astype("int64")
    end = rows["when_end"].fillna(rows["when_start"]).to_numpy(dtype="datetime64[ms]").astype("int64")
    publication = rows["kind"].eq("publication").to_numpy()
    lane = np.where(publication, "published", rows["source_kind"].fillna("none").astype(str).to_numpy())
    # a steady jitter within the lane (from the event id), so that events of one day do not hide each other
    jitter = np.array([zlib.crc32(e.encode()) % 1000 / 1000 for e in rows["event_id"]]) if len(rows) else np.zeros(0)
    y = np.array([_lane_y(x) for x in lane]) + (jitter - 0.5) * 1.4 * _LANE_HEIGHT
    claim_kind = rows["claim_kind"].astype(str).to_numpy() if "claim_kind" in rows else np.full(len(rows), "no claim")
    claim_text = rows["claim_text"] if "claim_text" in rows else pd.Series(pd.NA, index=rows.index)
    frame = pd.DataFrame({
        "row": np.flatnonzero(~undated),  # where the event is in ``rows``: filters select by it
        "event_id": rows["event_id"].astype(str).to_numpy(),
        "x0": start, "x1": end + _DAY_MS,  # a day or an interval covers its whole last day
        "mid": (start + end + _DAY_MS) // 2,
        "y": y, "lane": lane,
        "interval": end > start,
        "vague": rows["certainty"].astype(str).eq("vague").to_numpy(),
        "colour": [CLAIM_COLOURS.get(k, "#7f7f7f") for k in claim_kind],
        "claim_kind": np.where(publication, "", claim_kind),
        "date_text": rows["date_text"].fillna("").astype(str).to_numpy(),
        "when": _when_column(rows["when_start"], rows["when_end"]),
        "claim": [_first_words(t) for t in claim_text.fillna(rows["description"]).fillna("").to_numpy()],
        "detail": claim_text.fillna(rows["description"]).fillna("").astype(str).to_numpy(),  # offline clicks
        "source": rows["source_name"].fillna("no source").astype(str).to_numpy(),
        "article": [titles.get(a, a) for a in rows["article_id"]],
    })
    return frame.sort_values(["x0", "event_id"], kind="stable").reset_index(drop=True)


def _first_words(text: str, words: int = 16) -> str:
    parts = str(text)[:40 * words].split(None, words)  # a claim can be long: split only its start
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _when_column(starts: pd.Series, ends: pd.Series) -> list[str]:
    """"2023-05-01", "2023-05-01 – 2023-05-31" or "until 2023-05-31" for each event (all dated)."""
    start = np.datetime_as_string(starts.to_numpy(dtype="datetime64[D]"), unit="D")
    end = np.datetime_as_string(ends.to_numpy(dtype="datetime64[D]"), unit="D")
    return [f"until {b}" if a == "NaT" else a if b in ("NaT", a) else f"{a} – {b}" for a, b in zip(start, end)]


@dataclass
class View:
    """What one redraw shows: single events, or counts per bin when there are too many to read."""

    events: pd.DataFrame  # the events drawn one by one, or counted when aggregated
    aggregated: bool
    bin_name: str | None  # "day", "week", "month", "year" when aggregated
    not_drawn: int = 0  # intervals that began before the range and run across it, left out to draw the rest


def view_of(events: pd.DataFrame, x_start: float | None, x_end: float | None, detail_limit: int) -> View:
    """The events that overlap ``[x_start, x_end)`` (milliseconds; None: unbounded), and whether there are too
    many to draw one by one.

    Zoomed into a week of a big corpus, the intervals that merely run across it ("this year", "2015") can
    outnumber what happened in it: then only the events that begin in the range are drawn, and the rest
    are counted in ``not_drawn``. Only when even those are too many does the chart count per bin.
    """
    visible = events
    if x_start is not None:
        visible = visible[visible["x1"].to_numpy() > x_start]
    if x_end is not None:
        visible = visible[visible["x0"].to_numpy() < x_end]
    if len(visible) <= detail_limit:
        return View(visible, False, None)
    starting = visible[visible["x0"].to_numpy() >= x_start] if x_start is not None else visible
    if len(starting) <= detail_limit:
        return View(starting, False, None, not_drawn=len(visible) - len(starting))
    lo = x_start if x_start is not None else float(visible["x0"].min())
    hi = x_end if x_end is not None else float(visible["x1"].max())
    name = next((n for n, ms in _BINS if (hi - lo) / ms <= _MAX_BINS), _BINS[-1][0])
    return View(visible, True, name)


def histogram(events: pd.DataFrame, bin_name: str) -> dict[str, list]:
    """Counts of events per bin and lane, as the data of the histogram's quads (each lane scaled to its
    own largest count, so a thin lane stays readable). Binned with numpy's calendar units, which reach
    any year a date can name (pandas' nanosecond timestamps stop at 2262)."""
    columns = ("left", "right", "bottom", "top", "n", "lane", "label")
    if events.empty:
        return {k: [] for k in columns}
    days = events["mid"].to_numpy().astype("datetime64[ms]").astype("datetime64[D]")
    if bin_name == "day":
        starts, ends = days, days + np.timedelta64(1, "D")
    elif bin_name == "week":  # weeks start on Monday; 1970-01-01 was a Thursday
        starts = days - ((days.astype("int64") + 3) % 7).astype("timedelta64[D]")
        ends = starts + np.timedelta64(7, "D")
    else:
        unit = "M" if bin_name == "month" else "Y"
        periods = days.astype(f"datetime64[{unit}]")
        starts, ends = periods.astype("datetime64[D]"), (periods + 1).astype("datetime64[D]")
    counts = (pd.DataFrame({"left": starts.astype("datetime64[ms]").astype("int64"),
                            "right": ends.astype("datetime64[ms]").astype("int64"),
                            "lane": events["lane"].to_numpy()})
              .groupby(["lane", "left", "right"], sort=True).size().rename("n").reset_index())
    peak = counts.groupby("lane")["n"].transform("max").to_numpy()
    base = np.array([_lane_y(x) for x in counts["lane"]]) - _LANE_HEIGHT
    first_days = counts["left"].to_numpy().astype("datetime64[ms]").astype("datetime64[D]")
    return {
        "left": counts["left"].tolist(), "right": counts["right"].tolist(), "bottom": base.tolist(),
        "top": (base + 2 * _LANE_HEIGHT * counts["n"].to_numpy() / peak).tolist(),
        "n": counts["n"].tolist(), "lane": [LANE_LABELS.get(x, x) for x in counts["lane"]],
        "label": [f"{bin_name} of {d}" for d in first_days],
    }


def day_of(ms: float) -> str:
    """The calendar day (YYYY-MM-DD) of a time in milliseconds, for any year."""
    return str(np.datetime64(int(ms), "ms").astype("datetime64[D]"))


def ms_of(moment) -> float:
    """A pandas or numpy time as milliseconds since 1970, for any year."""
    return float(np.datetime64(moment, "ms").astype("int64"))


_EVENT_COLUMNS = ["event_id", "x0", "x1", "mid", "y", "colour", "claim_kind", "date_text", "when", "claim", "source",
                  "article", "lane"]
_TOOLTIP = [("date", "@date_text"), ("when", "@when"), ("claim", "@claim"), ("source", "@source"),
            ("kind", "@claim_kind"), ("article", "@article")]


class InteractiveTimeline:
    """A Bokeh timeline built once and then fed: :meth:`show` replaces its data for new rows or a new range.

    Args:
        detail_limit: most single events drawn at once; more than that in view and the lanes show counts.
    """

    def __init__(self, *, width: int = 900, height: int = 330, detail_limit: int = 1500, title: str | None = None,
                 columns: list[str] | None = None):
        self.detail_limit = detail_limit
        self.columns = columns or _EVENT_COLUMNS  # what each mark carries to the page
        self.points = ColumnDataSource({c: [] for c in self.columns})
        self.bars = ColumnDataSource({c: [] for c in self.columns})
        self.vague = ColumnDataSource({c: [] for c in self.columns})
        self.published = ColumnDataSource({c: [] for c in self.columns})
        self.counts = ColumnDataSource({k: [] for k in ("left", "right", "bottom", "top", "n", "lane", "label")})
        self.x_range = Range1d(0, _DAY_MS)
        # SVG, not canvas: marks and tick labels are elements of the page, which a browser test can find and
        # measure; the chart never draws more than detail_limit marks, so SVG stays quick.
        fig = figure(width=width, height=height, x_axis_type="datetime", x_range=self.x_range,
                     y_range=Range1d(-0.6, len(LANES) - 0.4), tools=[], toolbar_location="above",
                     output_backend="svg", title=title)
        fig.xaxis.formatter = DatetimeTickFormatter(
            days="%b %d", months="%b %Y", years="%Y", hours="%H:%M",
            context=DatetimeTickFormatter(days="%Y", months="", years="", hours="%b %d"))
        fig.xaxis.major_label_orientation = 0
        fig.yaxis.ticker = FixedTicker(ticks=[_lane_y(x) for x in LANES])
        fig.yaxis.major_label_overrides = {int(_lane_y(x)): LANE_LABELS.get(x, x) for x in LANES}
        fig.ygrid.grid_line_color = None
        fig.xgrid.grid_line_alpha = 0.4
        self.count_renderer = fig.quad(left="left", right="right", bottom="bottom", top="top", source=self.counts,
                                       fill_color="#6b8fb5", line_color="white", fill_alpha=0.85)
        # an interval is a thin bar across its days; a vague one is pale with a dashed outline
        self.bar_renderer = fig.hbar(y="y", left="x0", right="x1", height=0.12, source=self.bars,
                                     fill_color="colour", line_color="colour", fill_alpha=0.85)
        self.vague_renderer = fig.hbar(y="y", left="x0", right="x1", height=0.12, source=self.vague,
                                       fill_color="colour", line_color="colour", fill_alpha=0.2, line_alpha=0.8,
                                       line_dash="dashed")
        self.point_renderer = fig.scatter(x="mid", y="y", source=self.points, size=9, fill_color="colour",
                                          line_color="white", fill_alpha=0.9)
        self.published_renderer = fig.scatter(x="mid", y="y", source=self.published, marker="inverted_triangle",
                                              size=10, fill_color="black", line_color="black", fill_alpha=0.7)
        event_renderers = [self.point_renderer, self.bar_renderer, self.vague_renderer, self.published_renderer]
        for renderer in event_renderers:  # after a click, the other marks of its kind fade a little
            faded = renderer.glyph.clone()
            faded.fill_alpha, faded.line_alpha = renderer.glyph.fill_alpha * 0.5, renderer.glyph.line_alpha * 0.5
            renderer.nonselection_glyph = faded
        fig.add_tools(
            BoxZoomTool(dimensions="width"),  # drag across a stretch of time to zoom into it
            ResetTool(),
            TapTool(renderers=event_renderers),
            HoverTool(renderers=event_renderers, tooltips=_TOOLTIP),
            HoverTool(renderers=[self.count_renderer], tooltips=[("", "@label"), ("lane", "@lane"), ("events", "@n")]),
        )
        fig.toolbar.active_drag = fig.select_one(BoxZoomTool)
        fig.toolbar.logo = None
        # a double-click does what the reset tool does: the whole range again (and a Reset event for Python)
        fig.js_on_event(DoubleTap, CustomJS(args={"plot": fig}, code="plot.reset.emit()"))
        self.figure = fig
        self.view: View | None = None

    def full_range(self, events: pd.DataFrame) -> tuple[float, float]:
        """The x range that shows every event, with a margin."""
        if events.empty:
            today = ms_of(np.datetime64("today", "D"))
            return today - 30 * _DAY_MS, today + 30 * _DAY_MS
        lo, hi = float(events["x0"].min()), float(events["x1"].max())
        margin = max((hi - lo) * 0.03, 2 * _DAY_MS)
        return lo - margin, hi + margin

    def show(self, events: pd.DataFrame, x_range: tuple[float, float] | None = None) -> View:
        """Draw ``events`` (rows of :func:`event_frame`) within ``x_range`` (default: all of them)."""
        full = self.full_range(events)
        start, end = x_range or full
        # reset_start/reset_end are what the reset tool and a double-click go back to
        self.x_range.update(start=start, end=end, reset_start=full[0], reset_end=full[1])
        view = view_of(events, start, end, self.detail_limit)
        empty = {c: [] for c in self.columns}
        columns = lambda frame: {c: frame[c].tolist() for c in self.columns}  # noqa: E731
        if view.aggregated:
            published = view.events[view.events["lane"] == "published"]
            self.points.data = self.bars.data = self.vague.data = empty
            self.published.data = columns(published) if len(published) <= self.detail_limit else empty
            self.counts.data = histogram(view.events[view.events["lane"] != "published"], view.bin_name)
        else:
            e = view.events
            published = e["lane"].to_numpy() == "published"
            interval = (e["x1"] - e["x0"]).to_numpy() > _DAY_MS
            vague = e["vague"].to_numpy() if "vague" in e else np.zeros(len(e), bool)
            self.counts.data = {k: [] for k in self.counts.data}
            self.published.data = columns(e[published])
            self.points.data = columns(e[~published & ~interval])
            self.bars.data = columns(e[~published & interval & ~vague])
            self.vague.data = columns(e[~published & interval & vague])
        for source in (self.points, self.bars, self.vague, self.published):
            source.selected.indices = []
        self.view = view
        return view

    def event_at(self, source: ColumnDataSource, index: int) -> str | None:
        """The event id of row ``index`` of one of the chart's sources."""
        ids = source.data.get("event_id", [])
        return ids[index] if 0 <= index < len(ids) else None


def key_html() -> str:
    """What the timeline's colours and shapes mean, as a line of HTML to show under it.

    Not a Bokeh Legend: in a side panel of an SVG plot that squeezes the plot to a third of its width
    (Bokeh 3.9), and a Div would need BokehJS's widget bundle too. The text is ours, not an article's.
    """
    dot = '<span style="display:inline-block;width:9px;height:9px;border-radius:50%;background:{}"></span>'
    bar = ('<span style="display:inline-block;width:18px;height:6px;background:{};opacity:{};'
           'border:1px {} #555"></span>')
    parts = [f"{dot.format(colour)} {kind.replace('_', ' ')}" for kind, colour in CLAIM_COLOURS.items()]
    parts += [f"{bar.format('#555', 0.85, 'solid')} interval", f"{bar.format('#bbb', 0.6, 'dashed')} vague",
              "▼ published"]
    return '<div class="ak-key" style="font-size:12px;color:#333">' + " &nbsp; ".join(parts) + "</div>"


def bokehjs_loader() -> dict:
    """A display bundle (``application/javascript``) that loads BokehJS into the page, with no network.

    jupyter_bokeh's widget draws with the BokehJS of the page, and JupyterLab has none of its own: this
    adds the one that comes with the installed bokeh, inlined (1.3 MB; bokeh's own ``output_notebook``
    would fetch it from a CDN, or inline every bundle twice, 8 MB). It does nothing where that version
    is loaded already. The comments around the code let nbval's sanitizer (notebooks/nbval_sanitize.cfg)
    leave it out of comparisons, so that a new bokeh does not fail strict notebook tests.
    """
    import json

    import bokeh
    from bokeh.resources import Resources

    code = "\n".join(Resources(mode="inline", components=["bokeh"]).js_raw[:1])
    version = json.dumps(bokeh.__version__)
    loader = (f"/* analystkit: BokehJS {bokeh.__version__} */\n"
              f"if (!window.Bokeh || window.Bokeh.version !== {version}) {{\n"
              f"  const script = document.createElement('script');\n"
              f"  script.textContent = {json.dumps(code)};\n"
              f"  document.head.appendChild(script);\n"
              f"}}\n/* end of BokehJS */")
    return {"application/javascript": loader}


def standalone_html(model, title: str = "analystkit", *, key: bool = True, details: bool = False) -> str:
    """One HTML page holding ``model`` (and the timeline's key) with BokehJS inlined: it opens from a file
    with no network. With ``details``, an empty ``#ak-details`` box under it for :func:`standalone_timeline`.

    Bokeh names each page's document with random UUIDs and its models with a counter that runs on through
    the process; both are renumbered in order, so that the same chart gives the same page (a report is
    reproducible byte for byte).
    """
    page = file_html(model, resources=INLINE, title=title)  # the template escapes the title
    # every model Bokeh wrote ('"id":"p1108"' cannot come from article text: its quotes are escaped)
    model_ids = set(re.findall(r'"id":"(p\d+)"', page))
    extra = (key_html() if key else "") + ('<div id="ak-details" class="ak-details" style="font-size:13px;'
                                           'max-width:900px;margin-top:8px"></div>' if details else "")
    page = page.replace("</body>", extra + "\n</body>", 1)
    numbers: dict[str, str] = {}
    page = _UUID.sub(lambda m: numbers.setdefault(m[0], f"00000000-0000-4000-8000-{len(numbers) + 1:012d}"), page)
    renamed: dict[str, str] = {}
    return _MODEL_ID.sub(lambda m: m[1] + renamed.setdefault(m[2], f"ak{len(renamed) + 1}") + m[3]
                         if m[2] in model_ids else m[0], page)


_UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
_MODEL_ID = re.compile(r'(")(p\d+)(")')  # a model's id as a whole JSON string or attribute value

# A click in an offline page: the event's claim, written with textContent (article text is never parsed as HTML).
_SHOW_CLAIM_JS = """
const i = source.selected.indices[0];
const box = document.getElementById('ak-details');
if (i === undefined || box === null) return;
const d = source.data;
const meta = document.createElement('div');
meta.style.color = '#555';
meta.textContent = [d.when[i], d.source[i], d.claim_kind[i], d.article[i]].filter(x => x).join(' · ');
const text = document.createElement('p');
text.textContent = d.detail[i];
box.replaceChildren(meta, text);
"""


def standalone_timeline(tables: Tables, *, title: str = "Timeline", detail_limit: int = 3000) -> str:
    """The timeline of ``tables`` as one offline HTML page: tooltips, drag to zoom, double-click to reset, and a
    click shows the event's claim under the chart. With no kernel to count again, a corpus of more than
    ``detail_limit`` events shows counts per lane at every zoom.
    """
    events = event_frame(event_rows(tables), charts.article_labels(tables, width=60))
    chart = InteractiveTimeline(detail_limit=detail_limit, columns=[*_EVENT_COLUMNS, "detail"])
    chart.show(events)
    for source in (chart.points, chart.bars, chart.vague, chart.published):
        source.selected.js_on_change("indices", CustomJS(args={"source": source}, code=_SHOW_CLAIM_JS))
    return standalone_html(chart.figure, title, details=True)


# ---------------------------------------------------------------- who is quoted across a corpus

def source_counts(tables: Tables, article_ids=None) -> dict[str, pd.DataFrame]:
    """What the corpus source charts draw, for the articles ``article_ids`` (None: all):

    - ``top``: per entity, its claims and words quoted there, articles, outlets (most claims first);
    - ``by_outlet`` and ``by_month`` / ``by_week``: the share of claims made by each kind of source.
    """
    claims, sources, articles = tables.claims, tables.sources, tables.articles
    if article_ids is not None:
        keep = set(article_ids)
        claims = claims[claims["article_id"].isin(keep)]
        articles = articles[articles["article_id"].isin(keep)]
    from .entities import claim_totals

    quotes = tables.quotes[tables.quotes["claim_id"].isin(set(claims["claim_id"]))]
    totals = claim_totals(claims, quotes)
    per = sources[["source_id", "entity_id", "kind", "article_id"]].merge(totals, on="source_id")
    per = per.merge(articles[["article_id", "outlet"]], on="article_id", how="left")
    names = tables.entities.set_index("entity_id")["name"] if tables.entities is not None else pd.Series(dtype=str)
    top = (per.groupby("entity_id")
           .agg(claims=("claims", "sum"), words=("words", "sum"), articles=("article_id", "nunique"),
                kind=("kind", "first"),
                outlets=("outlet", lambda o: "; ".join(sorted({str(x) for x in o.dropna()}))))
           .reset_index())
    top["name"] = top["entity_id"].map(names).fillna(top["entity_id"])
    top["kind"] = top["kind"].astype(str)
    top = top.sort_values(["claims", "words", "name"], ascending=[False, False, True], kind="stable")

    kinds = claims[["article_id", "source_id"]].merge(sources[["source_id", "kind"]], on="source_id", how="left")
    kinds["kind"] = kinds["kind"].astype("string").fillna("none")
    kinds = kinds.merge(articles[["article_id", "outlet", "published"]], on="article_id", how="left")
    out = {"top": top.reset_index(drop=True)}
    out["by_outlet"] = _shares(kinds.assign(group=kinds["outlet"].fillna("(no outlet)")), "group")
    days = kinds["published"].to_numpy(dtype="datetime64[D]")
    for period, unit in (("month", "M"), ("week", "W")):
        starts = days.astype(f"datetime64[{unit}]").astype("datetime64[D]") if unit == "M" else \
            days - ((days.astype("int64") + 3) % 7).astype("timedelta64[D]")
        dated = kinds.assign(group=starts)[~np.isnat(days)]
        out[f"by_{period}"] = _shares(dated, "group")
    return out


def _shares(kinds: pd.DataFrame, by: str) -> pd.DataFrame:
    """Per value of ``by``: claims in all, and the share of each kind of source (columns SOURCE_KINDS + none)."""
    counts = kinds.groupby([by, "kind"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=[*SOURCE_KINDS, "none"], fill_value=0)
    total = counts.sum(axis=1)
    shares = counts.div(total.where(total > 0, 1), axis=0)
    return shares.assign(claims=total).reset_index().rename(columns={by: "group"})


KIND_COLOURS = charts.KIND_COLOURS  # one palette for source kinds, static charts and interactive alike


class SourceCharts:
    """Three Bokeh charts built once and fed by :meth:`show`: the most quoted sources (bars to hover and click),
    and the share of claims by kind of source per outlet and over time."""

    def __init__(self, *, top: int = 20, width: int = 900):
        self.top = top
        self.bars = ColumnDataSource({k: [] for k in ("name", "entity_id", "value", "claims", "words", "articles",
                                                    "outlets", "kind", "colour")})
        self.top_figure = figure(width=width, height=24 * top + 60, y_range=[], tools=[], toolbar_location=None,
                                 output_backend="svg", title="Most quoted")
        self.top_figure.hbar(y="name", right="value", height=0.7, source=self.bars, fill_color="colour",
                             line_color=None, nonselection_fill_alpha=0.35)
        self.top_figure.add_tools(TapTool(), HoverTool(tooltips=[("", "@name"), ("kind", "@kind"), ("claims", "@claims"),
                                                               ("words quoted", "@words"), ("articles", "@articles"),
                                                               ("outlets", "@outlets")]))
        self.top_figure.x_range.start = 0
        self.outlets = ColumnDataSource({k: [] for k in ("group", "claims", *KIND_COLOURS)})
        self.outlet_figure = self._stacked(width, "Who gets to speak, per outlet", self.outlets, horizontal=True)
        self.periods = ColumnDataSource({k: [] for k in ("group", "claims", *KIND_COLOURS)})
        self.period_figure = self._stacked(width, "Who gets to speak, over time", self.periods, horizontal=False)

    @staticmethod
    def _stacked(width: int, title: str, source: ColumnDataSource, horizontal: bool):
        kinds = list(KIND_COLOURS)
        colours = [KIND_COLOURS[k] for k in kinds]
        tooltips = [("", "@group"), ("claims", "@claims"), *((k, f"@{{{k}}}{{0%}}") for k in kinds)]
        if horizontal:
            fig = figure(width=width, height=200, y_range=[], x_range=(0, 1), tools=[], toolbar_location=None,
                         output_backend="svg", title=title)
            fig.hbar_stack(kinds, y="group", height=0.7, color=colours, source=source)
        else:
            fig = figure(width=width, height=220, x_axis_type="datetime", y_range=(0, 1), tools=[],
                         toolbar_location=None, output_backend="svg", title=title)
            fig.vbar_stack(kinds, x="group", width=0.8 * 7 * _DAY_MS, color=colours, source=source)
            fig.xaxis.formatter = DatetimeTickFormatter(days="%b %d", months="%b %Y", years="%Y",
                                                        context=DatetimeTickFormatter(days="%Y", months="", years=""))
        fig.add_tools(HoverTool(tooltips=tooltips))  # the key is kinds_key_html(), beside the charts
        return fig

    def show(self, counts: dict[str, pd.DataFrame], *, measure: str = "claims", period: str = "month") -> None:
        top = counts["top"].sort_values([measure, "name"], ascending=[False, True], kind="stable").head(self.top)
        top = top.iloc[::-1]  # the most quoted at the top of the chart
        labels = _unique_labels(top["name"].astype(str).tolist())
        self.top_figure.y_range.factors = labels
        self.bars.data = {"name": labels, "entity_id": top["entity_id"].tolist(), "value": top[measure].tolist(),
                          "claims": top["claims"].tolist(), "words": top["words"].tolist(),
                          "articles": top["articles"].tolist(), "outlets": top["outlets"].tolist(),
                          "kind": top["kind"].tolist(), "colour": [KIND_COLOURS.get(k, "#bbbbbb") for k in top["kind"]]}
        self.bars.selected.indices = []
        self.top_figure.title.text = f"Most quoted, by {'words quoted' if measure == 'words' else 'claims'}"
        outlets = counts["by_outlet"].sort_values("claims", ascending=False).head(15).iloc[::-1]
        self.outlet_figure.y_range.factors = _unique_labels(outlets["group"].astype(str).tolist())
        self.outlets.data = {"group": _unique_labels(outlets["group"].astype(str).tolist()),
                             "claims": outlets["claims"].tolist(), **{k: outlets[k].tolist() for k in KIND_COLOURS}}
        periods = counts[f"by_{period}"]
        self.periods.data = {"group": periods["group"].to_numpy(dtype="datetime64[ms]").astype("int64").tolist(),
                             "claims": periods["claims"].tolist(), **{k: periods[k].tolist() for k in KIND_COLOURS}}
        width = (7 if period == "week" else 28) * _DAY_MS
        for renderer in self.period_figure.renderers:
            renderer.glyph.width = width
        self.period_figure.title.text = f"Who gets to speak, per {period}"


def kinds_key_html() -> str:
    """What the colours of the source charts mean, as a line of HTML (see key_html)."""
    box = '<span style="display:inline-block;width:10px;height:10px;background:{}"></span> {}'
    return ('<div class="ak-key" style="font-size:12px;color:#333">'
            + " &nbsp; ".join(box.format(c, "no source" if k == "none" else k) for k, c in KIND_COLOURS.items())
            + "</div>")


def _unique_labels(labels: list[str], width: int = 40) -> list[str]:
    """Category labels for a bar chart: shortened, and told apart when two read the same."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        short = charts._label(label, width)
        seen[short] = seen.get(short, 0) + 1
        out.append(short if seen[short] == 1 else f"{short} ({seen[short]})")
    return out
