"""Charts: functions that take the tables and return a matplotlib Figure.

Each works without widgets, in scripts, notebooks and reports:

    >>> tables = analystkit.parse_many(["data/"])          # doctest: +SKIP
    >>> timeline(tables).savefig("timeline.png")            # doctest: +SKIP
    >>> claims_per_source(tables)                           # doctest: +SKIP

Charts read the tables only (never the pipeline's internals). Every drawn event
bar or point carries its ``event_id`` as the artist's ``gid``, so a caller can
map what is drawn back to rows.
"""
from __future__ import annotations

import io

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .tables import SOURCE_KINDS, Tables

# Colour-blind-safe (Okabe-Ito) colours, one per source kind, and grey for "no source".
KIND_COLOURS = {
    "person": "#0072B2",
    "anonymous": "#D55E00",
    "organization": "#009E73",
    "document": "#CC79A7",
    "none": "#7f7f7f",
}
_LABEL_WIDTH = 60


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=80, bbox_inches="tight")
    return buffer.getvalue()


def _show_figures_in_ipython() -> None:
    """Let a notebook cell that returns one of these Figures show it as an image.

    Figures made without pyplot (so that scripts do not pile up open figures) have no
    display in IPython until pyplot is imported; register one, once, if IPython runs.
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.formatters["image/png"].for_type(Figure, _png)


_show_figures_in_ipython()


def _label(text: str, width: int = _LABEL_WIDTH) -> str:
    """One line, at most ``width`` characters: long descriptions end in an ellipsis."""
    flat = " ".join(str(text).split())
    if len(flat) <= width:
        return flat
    # the words that fit with the ellipsis, as textwrap.shorten gives them without wrapping the whole text;
    # a long word (a file name) is cut where the line ends rather than dropped
    cut = flat.rfind(" ", 0, width)
    return (flat[:cut] if cut > width // 2 else flat[:width - 1]) + "…"


def timeline_rows(tables: Tables) -> pd.DataFrame:
    """Events joined with their source and date, in time order: the rows :func:`timeline` draws.

    Columns: event_id, article_id, kind, when_start, when_end, certainty, description, source_id,
    source_name, source_kind, date_text, claim_id, label, undated.
    """
    events = tables.events
    sources = tables.sources[["source_id", "name", "kind"]].rename(columns={"name": "source_name", "kind": "source_kind"})
    dates = tables.dates[["date_id", "text"]].rename(columns={"text": "date_text"})
    rows = events.merge(sources, on="source_id", how="left").merge(dates, on="date_id", how="left")
    rows["source_kind"] = rows["source_kind"].astype("string").fillna("none")
    rows["undated"] = rows["when_start"].isna() & rows["when_end"].isna()
    rows["label"] = [_label(d) for d in rows["description"].fillna("")]
    order = rows["when_start"].fillna(rows["when_end"])
    return rows.assign(_order=order).sort_values(["_order", "event_id"], kind="stable").drop(columns="_order").reset_index(drop=True)


def timeline(tables: Tables, *, colour_by: str = "kind", max_rows: int = 80, title: str | None = None,
             rows: pd.DataFrame | None = None, width: float = 11) -> Figure:
    """One row per dated event: exact days as points, intervals as bars, vague references as hatched
    uncertain ranges, and the publication date(s) as reference lines.

    Args:
        tables: the tables of :func:`analystkit.parse_many` or :func:`analystkit.parse`.
        colour_by: "kind" (person / anonymous / organization / document) or "source" (one colour per source).
        max_rows: draw at most this many events (the earliest); the title says how many were left out.
        title: the chart title; by default it names how many events are drawn.
        rows: pre-filtered rows of :func:`timeline_rows` (widgets pass these); default: all events.
        width: figure width in inches.
    """
    rows = timeline_rows(tables) if rows is None else rows
    reported = rows[(rows["kind"] != "publication") & ~rows["undated"]]
    publications = rows[rows["kind"] == "publication"].dropna(subset=["when_start"])
    shown = reported.head(max_rows)
    n_rows = max(len(shown), 1)
    height = 1.3 + 0.3 * n_rows
    # A fixed layout (not "constrained"): laying out is most of the drawing time, and the widget
    # redraws on every change. The left margin holds labels of at most _LABEL_WIDTH characters.
    fig = Figure(figsize=(width, height))
    fig.subplots_adjust(left=4.0 / width, right=1 - 1.5 / width, top=1 - 0.45 / height, bottom=0.95 / height)
    ax = fig.subplots()
    colours = _colours(shown, colour_by)
    y = np.arange(len(shown))
    # Artists are few and batched (one collection per style, labels as plain text rather than
    # ticks): making ticks and patches one by one was most of a redraw.
    start = mdates.date2num(shown["when_start"].to_numpy(dtype="datetime64[s]"))
    end = mdates.date2num(shown["when_end"].to_numpy(dtype="datetime64[s]"))
    colour = [colours[i] for i in shown.index]
    event_ids = shown["event_id"].to_numpy(dtype=object)
    open_ended = np.isnan(start)
    point = ~open_ended & (np.isnan(end) | (start == end))
    bar = ~open_ended & ~point
    vague = (shown["certainty"] == "vague").to_numpy()
    for mask, style in ((bar & ~vague, {"alpha": 0.85}), (bar & vague, {"alpha": 0.35, "hatch": "///", "linestyle": "--"})):
        if mask.any():
            left, right = start[mask], end[mask] + 1  # a bar covers its last day
            verts = [[(x0, yy - 0.275), (x0, yy + 0.275), (x1, yy + 0.275), (x1, yy - 0.275)]
                     for x0, x1, yy in zip(left, right, y[mask])]
            picked = [c for c, m in zip(colour, mask) if m]
            bars = PolyCollection(verts, facecolors=picked, edgecolors=picked, linewidths=1.2, **style)
            bars.set_gid(",".join(event_ids[mask]))
            ax.add_collection(bars)
    for mask, marker, when in ((point, "o", start), (open_ended, "<", end)):
        if mask.any():  # "<": open-ended ("in the past"), pointing back from its end
            points = ax.scatter(when[mask], y[mask], marker=marker, c=[c for c, m in zip(colour, mask) if m],
                                s=45, zorder=3)
            points.set_gid(",".join(event_ids[mask]))
    for when in publications["when_start"].drop_duplicates():
        ax.axvline(mdates.date2num(when), color="#444444", linestyle=":", linewidth=1.2, zorder=0)
    _row_labels(ax, list(shown["label"]), fontsize=8)
    low, high = _date_limits([shown["when_start"], shown["when_end"], publications["when_start"]])
    ax.set_xlim(mdates.date2num(low), mdates.date2num(high))
    ax.xaxis_date()
    # about one label per 2/3 inch of axis, so that the labels never run into each other
    locator = mdates.AutoDateLocator(minticks=2, maxticks=max(3, int((width - 5.5) * 1.5)))
    ax.xaxis.set_major_locator(locator)
    # Concise labels ("Mar", "15"), with the year in the axis title rather than as an offset at the right end,
    # where it ran into the ticks and the title of a narrow chart ("15 … Mar … 15 … 2023-May")
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, show_offset=False))
    years = f"{low:%Y}" if low.year == high.year else f"{low:%Y}–{high:%Y}"
    ax.set_xlabel(f"{years} (bars: intervals; hatched: vague; dotted line: publication)")
    left_out = len(reported) - len(shown)
    undated = int(rows["undated"].sum())
    notes = [f"{len(shown)} dated events"]
    if left_out:
        notes.append(f"{left_out} more not shown")
    if undated:
        notes.append(f"{undated} undated")
    ax.set_title(title or "Timeline: " + ", ".join(notes), loc="left", fontsize=11)
    if colour_by == "kind":
        kinds = [k for k in [*SOURCE_KINDS, "none"] if k in set(shown["source_kind"])]
        handles = [Patch(color=KIND_COLOURS[k], label=k if k != "none" else "no source") for k in kinds]
        handles.append(Line2D([], [], color="#444444", linestyle=":", label="published"))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    ax.grid(axis="x", alpha=0.3)
    return fig


def _row_labels(ax, labels: list[str], fontsize: int = 9) -> None:
    """One label per bar row, top to bottom, as plain text left of the axes.

    Text rather than tick labels: matplotlib builds a tick (two lines, two texts) per label, which
    was most of a widget redraw. Each label's ``gid`` is "label".
    """
    ax.set_yticks([])
    position = ax.get_yaxis_transform()  # x in axes fractions, y in rows
    for row, label in enumerate(labels):
        ax.text(-0.01, row, label, transform=position, ha="right", va="center", fontsize=fontsize, gid="label")
    ax.set_ylim(max(len(labels), 1) - 0.5, -0.5)


def _date_limits(columns: list[pd.Series]) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The x range: every date drawn, padded by 5% (and at least three days) on each side."""
    present = [c.dropna() for c in columns if c.notna().any()]
    values = pd.concat(present, ignore_index=True) if present else pd.Series([], dtype="datetime64[s]")
    if values.empty:
        today = pd.Timestamp("today").normalize()
        return today - pd.Timedelta(days=3), today + pd.Timedelta(days=3)
    low, high = values.min(), values.max() + pd.Timedelta(days=1)
    pad = max((high - low) * 0.05, pd.Timedelta(days=3))
    return low - pad, high + pad


def _colours(rows: pd.DataFrame, colour_by: str) -> dict:
    if colour_by == "kind":
        return {i: KIND_COLOURS.get(k, KIND_COLOURS["none"]) for i, k in rows["source_kind"].items()}
    if colour_by == "source":
        import matplotlib

        palette = matplotlib.colormaps["tab20"]
        names = list(dict.fromkeys(rows["source_name"].fillna("(no source)")))
        index = {n: palette(i % 20) for i, n in enumerate(names)}
        return {i: index[n] for i, n in rows["source_name"].fillna("(no source)").items()}
    raise ValueError(f"colour_by must be 'kind' or 'source', not {colour_by!r}")


# ---------------------------------------------------------------- source attribution


def _bar_figure(labels: list[str], *, width: float = 9, legend_right: bool = False, fontsize: int = 9) -> tuple[Figure, object]:
    """A figure with one horizontal bar per label, its left margin sized to the longest label.

    A fixed layout rather than "constrained": laying out is half the drawing time, and the
    widgets redraw these on every change.
    """
    n = max(len(labels), 1)
    height = 1.4 + 0.3 * n
    label_inches = 0.3 + 0.0085 * fontsize * max((len(label) for label in labels), default=10)
    right = 1 - (1.5 if legend_right else 0.3) / width
    fig = Figure(figsize=(width, height))
    fig.subplots_adjust(left=min(label_inches / width, 0.5), right=right, top=1 - 0.45 / height, bottom=0.7 / height)
    return fig, fig.subplots()



# What the source charts count by default: claims that report something said or written (non-responses
# included), not thoughts, intentions, findings or stances (the claims table's cue_type). None counts all.
SPEECH = ("speech",)
CueTypes = tuple[str, ...] | None


def _claims_with_sources(tables: Tables, cue_types: CueTypes = SPEECH) -> pd.DataFrame:
    sources = tables.sources.rename(columns={"kind": "source_kind", "name": "source_name"})
    claims = tables.claims if cue_types is None else tables.claims[tables.claims["cue_type"].isin(cue_types)]
    claims = claims.merge(sources[["source_id", "source_name", "source_kind", "affiliation"]],
                                 on="source_id", how="left")
    outlets = tables.articles[["article_id", "outlet", "title", "input"]]
    return claims.merge(outlets, on="article_id", how="left")


def _who(tables: Tables, claims: pd.DataFrame) -> pd.Series:
    """The label of each claim's source: its name, and in a batch of several articles the article's title
    (the same name in two articles is two sources)."""
    names = claims["source_name"].fillna("(unknown)")
    if claims["article_id"].nunique() > 1:
        labels = article_labels(tables, width=22)
        names = names + "  [" + claims["article_id"].map(labels).fillna(claims["article_id"]) + "]"
    return names


def _source_bars(counts: pd.DataFrame, value: str, title: str) -> Figure:
    """Horizontal bars of ``counts[value]`` per ``counts.who``, coloured by ``counts.source_kind``."""
    labels = [_label(w, 48) for w in counts["who"]]
    fig, ax = _bar_figure(labels)
    ax.barh(range(len(counts)), counts[value],
            color=[KIND_COLOURS.get(k, KIND_COLOURS["none"]) for k in counts["source_kind"]])
    _row_labels(ax, labels)
    ax.set_xlabel(value)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title(title, loc="left")
    present = [k for k in SOURCE_KINDS if k in set(counts["source_kind"])]
    ax.legend(handles=[Patch(color=KIND_COLOURS[k], label=k) for k in present], loc="lower right", fontsize=8)
    return fig


def claims_per_source(tables: Tables, *, top: int = 20, title: str | None = None,
                      cue_types: CueTypes = SPEECH) -> Figure:
    """Horizontal bars: claims per source (the ``top`` most cited), coloured by source kind. Counts the claims
    whose ``cue_type`` is in ``cue_types``: by default what was said (not thoughts, intentions, findings or
    stances); None counts every claim. So do the other source charts."""
    claims = _claims_with_sources(tables, cue_types)
    counts = (claims.assign(who=_who(tables, claims)).groupby(["who", "source_kind"], observed=True).size()
              .rename("claims").reset_index().sort_values(["claims", "who"], ascending=[False, True]).head(top))
    return _source_bars(counts, "claims", title or f"Claims per source (top {len(counts)})")


def words_quoted(tables: Tables, *, top: int = 20, title: str | None = None,
                 cue_types: CueTypes = SPEECH) -> Figure:
    """Horizontal bars: words quoted per source (the ``top`` most quoted), from the quoted passages of
    the ``quotes`` table, coloured by source kind. Paraphrase counts for nothing here: it is how much
    space each source gets in its own words."""
    claims = _claims_with_sources(tables, cue_types)
    passages = tables.quotes[["claim_id", "n_words"]].merge(
        claims.assign(who=_who(tables, claims))[["claim_id", "who", "source_kind"]], on="claim_id")
    counts = (passages.groupby(["who", "source_kind"], observed=True)["n_words"].sum().astype(int)
              .rename("words quoted").reset_index()
              .sort_values(["words quoted", "who"], ascending=[False, True]).head(top))
    return _source_bars(counts, "words quoted", title or f"Words quoted per source (top {len(counts)})")


def source_kind_shares(tables: Tables, *, by: str = "article", title: str | None = None,
                       cue_types: CueTypes = SPEECH) -> pd.DataFrame:
    """Share of claims by source kind for each article (or outlet): rows sum to 1 (claims of ``cue_types``)."""
    counts = _kind_counts(tables, by, cue_types)
    if by == "article":  # one row per article, labelled by its title, in the articles' order
        counts.index = counts.index.map(article_labels(tables)).rename("article")
    return counts.div(counts.sum(axis=1), axis=0)


def _kind_counts(tables: Tables, by: str, cue_types: CueTypes = SPEECH) -> pd.DataFrame:
    """Claims per article id (in the articles' order) or outlet, and kind of source."""
    claims = _claims_with_sources(tables, cue_types)
    if by == "article":
        key = claims["article_id"]
    elif by == "outlet":
        key = claims["outlet"].fillna("(unknown outlet)")
    else:
        raise ValueError(f"by must be 'article' or 'outlet', not {by!r}")
    counts = pd.crosstab(key.rename(by), claims["source_kind"].astype("string").fillna("none"))
    counts = counts.reindex(columns=[k for k in [*SOURCE_KINDS, "none"] if k in counts.columns])
    if by == "article":
        counts = counts.reindex([a for a in tables.articles["article_id"] if a in counts.index])
    return counts


def article_labels(tables: Tables, width: int = 40) -> dict[str, str]:
    """Article id -> a label for charts: its title (or file name), shortened; two articles that would
    read the same are told apart by their ids."""
    a = tables.articles
    names = a["input"].fillna(a["article_id"]).map(lambda i: str(i).replace("\\", "/").rsplit("/", 1)[-1])
    labels = a["title"].fillna(names).map(lambda t: _label(str(t), width))
    repeated = labels.duplicated(keep=False)
    labels = labels.where(~repeated, labels.map(lambda t: _label(t, max(width - 16, 8))) + " · " + a["article_id"])
    return dict(zip(a["article_id"], labels))


def named_vs_anonymous(tables: Tables, *, by: str = "article", top: int = 25, title: str | None = None,
                       cue_types: CueTypes = SPEECH) -> Figure:
    """Stacked bars: the share of each article's (or outlet's) claims made by each kind of source.

    At most ``top`` bars: the articles (or outlets) with the most claims, in their original order.
    """
    counts = _kind_counts(tables, by, cue_types)
    total = len(counts)
    if total > top:
        keep = set(counts.sum(axis=1).nlargest(top).index)
        counts = counts[[key in keep for key in counts.index]]
    shares = counts.div(counts.sum(axis=1), axis=0)
    if by == "article":
        shares.index = shares.index.map(article_labels(tables))
    fig, ax = _bar_figure(list(shares.index), legend_right=True)
    left = np.zeros(len(shares))
    for kind in shares.columns:
        ax.barh(range(len(shares)), shares[kind], left=left, color=KIND_COLOURS.get(kind), label=kind)
        left += shares[kind].to_numpy()
    _row_labels(ax, list(shares.index))
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    ax.set_xlabel("share of claims")
    shown = f" ({len(shares)} of {total} with the most claims)" if total > len(shares) else ""
    ax.set_title(title or f"Who gets to speak: claims by kind of source, per {by}{shown}", loc="left")
    if len(shares.columns):
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    return fig


def claims_by_affiliation(tables: Tables, *, top: int = 12, title: str | None = None,
                          cue_types: CueTypes = SPEECH) -> Figure:
    """Horizontal bars: claims per affiliation of their source (a source with two counts for both), claims of
    ``cue_types``."""
    claims = _claims_with_sources(tables, cue_types)
    affiliations = claims["affiliation"].fillna("(none named)").str.split("; ").explode()
    counts = affiliations.value_counts().head(top)
    fig, ax = _bar_figure(list(counts.index), width=8)
    ax.barh(range(len(counts)), counts.to_numpy(), color="#56B4E9")
    _row_labels(ax, list(counts.index))
    ax.set_xlabel("claims")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title(title or "Claims by the affiliation of their source", loc="left")
    return fig
