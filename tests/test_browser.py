"""A real browser: JupyterLab opens 02_timeline.ipynb, runs it, and the TimelineExplorer's chart shows a
tooltip on hover, the clicked event's paragraph in the details pane, fewer events after a drag zooms in
(with date labels that never overlap), every event again after a double-click, and a new status line
after a filter; the SourceExplorer of 03_source_attribution.ipynb shows a tooltip on its bars and a
source's claims on a click; the offline report's timeline works from file:// with the network refused.

Needs Debian's chromium (/usr/bin/chromium) and the playwright Python package (no browser
download). Without them the test is skipped, unless ANALYSTKIT_BROWSER_TESTS=required (as in
.ci/run), where a missing browser is a failure. Screenshots go to test-artifacts/browser/.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
REQUIRED = os.environ.get("ANALYSTKIT_BROWSER_TESTS") == "required"
SHOTS = ROOT / "test-artifacts" / "browser"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _requirements_missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return "Debian chromium is not installed (apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


missing = _requirements_missing()
if missing and REQUIRED:
    raise RuntimeError(f"ANALYSTKIT_BROWSER_TESTS=required but {missing}")
pytestmark = pytest.mark.skipif(missing is not None, reason=missing or "")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def lab(tmp_path):
    """A fresh JupyterLab on 127.0.0.1 with a fresh token, serving a throwaway copy of the notebooks."""
    root = tmp_path / "lab"
    (root / "notebooks").mkdir(parents=True)
    for name in ("02_timeline.ipynb", "03_source_attribution.ipynb", "06_corpus.ipynb"):  # Lab autosaves them
        shutil.copy(ROOT / "notebooks" / name, root / "notebooks")
    shutil.copytree(ROOT / "data", root / "data")
    home = tmp_path / "home"
    settings = home / "lab-settings"
    notification = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    notification.parent.mkdir(parents=True)
    # no "get notified about Jupyter news?" toast over the page
    notification.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    token = os.urandom(16).hex()
    port = _free_port()
    env = {**os.environ, "HOME": str(home), "JUPYTERLAB_SETTINGS_DIR": str(settings),
           "JUPYTER_CONFIG_DIR": str(home / ".jupyter"), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
           "MPLCONFIGDIR": str(home / "mpl")}
    log = open(tmp_path / "lab.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--allow-root", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
         f"--LabApp.workspaces_dir={home / 'workspaces'}", "--ServerApp.disable_check_xsrf=False"],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError("JupyterLab did not start: " + (tmp_path / "lab.log").read_text()[-2000:])
        yield base, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def _accept_kernel_dialog(page) -> bool:
    """Lab sometimes asks which kernel to start (seen on a fresh machine, when a kernel starts slowly): take
    the one it offers. Whether it asked."""
    dialog = page.locator(".jp-Dialog", has_text="Select Kernel")
    if dialog.count() and dialog.first.is_visible():
        dialog.locator(".jp-Dialog-button.jp-mod-accept").first.click()
        page.wait_for_timeout(2000)
        return True
    return False


def _run_all_cells(page, notebook, attempts: int = 3) -> None:
    """Run > Run All Cells, until the first code cell has started (a click can land before Lab is ready)."""
    from playwright.sync_api import expect

    first_prompt = notebook.locator(".jp-CodeCell .jp-InputPrompt").first
    for attempt in range(attempts):
        _accept_kernel_dialog(page)
        notebook.locator(".jp-Notebook .jp-Cell").first.click()
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        item = page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$"))
        expect(item).to_be_visible(timeout=10_000)
        item.click()
        try:
            expect(first_prompt).to_have_text(re.compile(r"\[(\*|\d+)\]"), timeout=15_000)
            return
        except AssertionError:
            page.keyboard.press("Escape")
            if attempt == attempts - 1:
                raise


# Where things are in the Bokeh plot of the page, in page pixels: its frame, each dated event drawn one by
# one (from the chart's own data and scales, so the test hovers and clicks real marks), and the labels of
# the date axis (the SVG backend writes them as <text> elements).
_PLOT_JS = """() => {
  let plot = null;  // the timeline: the plot whose sources carry event ids
  const walk = (v) => { if (!plot && v.frame && v.model && v.model.renderers &&
                            v.model.renderers.some(r => r.data_source && r.data_source.data.event_id)) plot = v;
                        for (const c of (v.child_views || [])) walk(c); };
  Object.values(window.Bokeh ? Bokeh.index : {}).forEach(walk);
  if (!plot) return null;
  const canvas = plot.canvas_view.el.getBoundingClientRect();
  const f = plot.frame.bbox;
  const frame = {left: canvas.x + f.left, right: canvas.x + f.right, top: canvas.y + f.top, bottom: canvas.y + f.bottom};
  const events = [];
  for (const r of plot.model.renderers) {
    const d = r.data_source && r.data_source.data;
    if (!d || !d.event_id || !r.glyph.x || r.glyph.x.field !== 'mid') continue;
    for (let i = 0; i < d.event_id.length; i++) {
      const x = canvas.x + plot.frame.x_scale.compute(d.mid[i]), y = canvas.y + plot.frame.y_scale.compute(d.y[i]);
      if (x > frame.left + 5 && x < frame.right - 5) events.push({id: d.event_id[i], x, y, date: d.date_text[i], kind: d.claim_kind[i]});
    }
  }
  const ticks = [];
  const visit = (node) => {  // the SVG layer lies a few shadow roots down
    if (node.tagName === 'text') {
      const b = node.getBoundingClientRect();
      if (b.top >= frame.bottom && b.width > 0) ticks.push({text: node.textContent, left: b.left, right: b.right, top: b.top});
    }
    if (node.shadowRoot) visit(node.shadowRoot);
    for (const c of node.children || []) visit(c);
  };
  visit(plot.el);
  return {frame, events, ticks, x_start: plot.model.x_range.start, x_end: plot.model.x_range.end};
}"""


def _plot(page) -> dict:
    """The plot's geometry, after scrolling it to the middle of the window (Lab's toolbar hides the top)."""
    page.evaluate("() => { let plot = null; const walk = (v) => { if (!plot && v.frame && v.model && v.model.renderers "
                  "&& v.model.renderers.some(r => r.data_source && r.data_source.data.event_id)) plot = v; "
                  "for (const c of (v.child_views || [])) walk(c); }; "
                  "Object.values(window.Bokeh ? Bokeh.index : {}).forEach(walk); "
                  "if (plot) plot.el.scrollIntoView({block: 'center'}); }")
    page.wait_for_timeout(300)
    info = page.evaluate(_PLOT_JS)
    assert info is not None, "no Bokeh plot on the page"
    return info


def _axis_labels_overlap(ticks: list[dict]) -> list[tuple[str, str]]:
    """Pairs of date-axis labels on one line whose boxes overlap. The SVG backend writes each label twice
    at the same place (text and its outline), so a label is one box per text and position."""
    boxes = {}
    for t in ticks:
        boxes.setdefault((t["text"], round(t["left"] / 4), round(t["top"] / 4)), t)
    labels = sorted(boxes.values(), key=lambda t: (round(t["top"]), t["left"]))
    return [(a["text"], b["text"]) for a, b in zip(labels, labels[1:])
            if abs(a["top"] - b["top"]) < 3 and b["left"] < a["right"] - 0.5]


def _zoom(page, frame: dict, status, idle, x0: float, x1: float) -> dict:
    """Drag across the plot from x0 to x1, wait for the status line to change and the kernel to be idle,
    and return what the plot draws then."""
    from playwright.sync_api import expect

    before = status.inner_text()
    _drag(page, frame, x0, x1)
    expect(status).not_to_have_text(before, timeout=30_000)
    expect(idle).to_be_visible(timeout=30_000)
    page.wait_for_timeout(500)
    return _plot(page)


def _drag(page, frame: dict, x0: float, x1: float) -> None:
    y = (frame["top"] + frame["bottom"]) / 2
    page.mouse.move(x0, y)
    page.mouse.down()
    page.mouse.move((x0 + x1) / 2, y, steps=5)
    page.mouse.move(x1, y, steps=5)
    page.mouse.up()


def _shown(text: str) -> int:
    return int(re.search(r"(\d+)\s+events", text)[1])


@contextlib.contextmanager
def _notebook_run(lab, notebook_name: str, shot: str):
    """A fresh Chromium on the Lab of ``lab``, with ``notebook_name`` opened and all its cells run: yields
    (page, notebook panel, idle indicator); on a failure, a screenshot ``failure-<shot>.png``."""
    from playwright.sync_api import expect, sync_playwright

    base, token = lab
    SHOTS.mkdir(parents=True, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1100})
        page = context.pages[0] if context.pages else context.new_page()
        try:
            page.goto(f"{base}/lab/tree/notebooks/{notebook_name}?reset&token={token}")
            notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
            idle = notebook.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")
            expect(idle).to_be_visible(timeout=90_000)
            _run_all_cells(page, notebook)
            yield page, notebook, idle
        except Exception:
            page.screenshot(path=str(SHOTS / f"failure-{shot}.png"))
            raise
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


@pytest.mark.parametrize("notebook_name", ["02_timeline.ipynb", "06_corpus.ipynb"])
def test_timeline_explorer_hover_click_zoom_and_filter_in_a_real_browser(lab, notebook_name):
    """In the article notebook and in the corpus notebook (whose 1,900 events open as counts per lane: the
    test zooms in until single events show)."""
    from playwright.sync_api import expect

    shot = notebook_name.split("_")[0]
    with _notebook_run(lab, notebook_name, shot) as (page, notebook, idle):

        explorer = notebook.locator(".widget-vbox").filter(has=page.locator(".widget-hslider")).first
        status = explorer.locator(".widget-html-content").first
        expect(status).to_contain_text("events from", timeout=90_000)
        expect(idle).to_be_visible(timeout=90_000)
        explorer.scroll_into_view_if_needed()
        page.wait_for_function(f"() => ({_PLOT_JS})() !== null", timeout=30_000)
        details = explorer.locator(".ak-details").first
        explorer.screenshot(path=str(SHOTS / f"{shot}-before.png"))
        plot = _plot(page)
        all_events = status.inner_text()
        overlaps = {"whole range": _axis_labels_overlap(plot["ticks"])}
        assert plot["ticks"], "the date axis has labels"
        frame = plot["frame"]
        width = frame["right"] - frame["left"]
        reported = lambda info: [e for e in info["events"] if e["kind"]]  # noqa: E731 (not publications)
        for _ in range(6):  # counts per lane: zoom into the last tenth of the dates until events show
            if reported(plot):
                break
            assert "counts per" in status.inner_text()
            plot = _zoom(page, frame, status, idle, frame["left"] + 0.9 * width, frame["right"] - 2)
        assert reported(plot), "single events after zooming in"
        zoomed_in_first = status.inner_text() != all_events

        # Hover a dated event: its tooltip names its date phrase.
        event = next(e for e in reported(plot) if e["date"])
        page.mouse.move(event["x"], event["y"])
        tooltip = page.locator(".bk-tooltip-row-value", has_text=event["date"]).first
        expect(tooltip).to_be_visible(timeout=10_000)
        page.screenshot(path=str(SHOTS / f"{shot}-hover.png"))

        # Click an event with a claim: the details pane shows that one event's paragraph, marked.
        claimed = next((e for e in reported(plot) if e["kind"] in ("direct", "indirect", "mixed")), event)
        before_details = details.inner_html()
        page.mouse.click(claimed["x"], claimed["y"])
        expect(details).not_to_have_js_property("innerHTML", before_details, timeout=30_000)
        expect(details.locator("p")).to_have_count(1, timeout=30_000)
        expect(details.locator("mark.ak-date")).to_have_count(1)

        # Drag across the last fifth of the dates: zoom in, fewer events, the slider follows.
        before = status.inner_text()
        zoomed = _zoom(page, frame, status, idle, frame["left"] + 0.8 * width, frame["right"] - 2)
        assert zoomed["x_end"] - zoomed["x_start"] < 0.5 * (plot["x_end"] - plot["x_start"])
        assert _shown(status.inner_text()) < _shown(all_events)
        assert zoomed_in_first or _shown(before) == _shown(all_events)
        overlaps["first zoom"] = _axis_labels_overlap(zoomed["ticks"])
        # and once more, into a twentieth of that
        _drag(page, frame, frame["left"] + 0.45 * width, frame["left"] + 0.5 * width)
        page.wait_for_timeout(1000)
        closer = _plot(page)
        assert closer["x_end"] - closer["x_start"] < 0.1 * (zoomed["x_end"] - zoomed["x_start"])
        overlaps["second zoom"] = _axis_labels_overlap(closer["ticks"])
        explorer.screenshot(path=str(SHOTS / f"{shot}-zoomed.png"))

        # Double-click: every date again.
        page.mouse.dblclick((frame["left"] + frame["right"]) / 2, frame["top"] + 5)
        expect(status).to_have_text(all_events, timeout=30_000)

        # A filter: hide the events with no source; the status line says so.
        explorer.locator("button", has_text=re.compile(r"^none$")).click()
        expect(status).not_to_have_text(all_events, timeout=30_000)
        assert _shown(status.inner_text()) < _shown(all_events)
        expect(idle).to_be_visible(timeout=30_000)
        explorer.screenshot(path=str(SHOTS / f"{shot}-after.png"))

    assert not any(overlaps.values()), f"date labels overlap: {overlaps}"


# The bars of the SourceExplorer's "most quoted" chart, in page pixels (the first plot with an hbar of entities).
_BARS_JS = """() => {
  const plots = [];
  const walk = (v) => { if (v.frame && v.model && v.model.renderers) plots.push(v); for (const c of (v.child_views || [])) walk(c); };
  Object.values(window.Bokeh ? Bokeh.index : {}).forEach(walk);
  for (const plot of plots) {
    const r = plot.model.renderers.find(r => r.data_source && r.data_source.data.entity_id);
    if (!r || !r.data_source.data.entity_id.length) continue;
    plot.el.scrollIntoView({block: 'center'});
    const canvas = plot.canvas_view.el.getBoundingClientRect();
    const d = r.data_source.data, n = d.entity_id.length - 1;  // the most quoted: the last bar, drawn at the top
    const x = canvas.x + plot.frame.x_scale.compute(d.value[n] / 2);
    const y = canvas.y + plot.frame.y_scale.compute(d.name[n]);
    return {x, y, name: d.name[n]};
  }
  return null;
}"""


def test_source_explorer_hover_and_click_in_a_real_browser(lab):
    from playwright.sync_api import expect

    with _notebook_run(lab, "03_source_attribution.ipynb", "sources") as (page, notebook, idle):
        status = notebook.locator(".widget-html-content", has_text=re.compile(r"claims from \d+ sources"))
        try:
            expect(status).to_be_visible(timeout=60_000)
        except AssertionError:
            if not _accept_kernel_dialog(page):
                raise
            _run_all_cells(page, notebook)  # the kernel Lab asked for: run everything in it
            expect(status).to_be_visible(timeout=90_000)
        expect(idle).to_be_visible(timeout=90_000)
        page.wait_for_function(f"() => ({_BARS_JS})() !== null", timeout=30_000)
        page.wait_for_timeout(300)
        bar = page.evaluate(_BARS_JS)
        page.mouse.move(bar["x"], bar["y"])
        expect(page.locator(".bk-tooltip-row-value", has_text="claims").first.or_(
            page.locator(".bk-tooltip-row-label", has_text="claims").first)).to_be_visible(timeout=10_000)
        page.mouse.click(bar["x"], bar["y"])
        table = notebook.locator(".widget-html-content table").last
        expect(table.locator("tbody tr").first).to_be_visible(timeout=30_000)
        page.screenshot(path=str(SHOTS / "source-explorer.png"))


def test_offline_report_timeline_hovers_and_clicks_with_the_network_blocked(tmp_path):
    """The report opened from file:// with every network request refused: the timeline still draws, shows a
    tooltip on hover and the claim of a clicked event."""
    from playwright.sync_api import expect, sync_playwright

    from analystkit import report
    from conftest import DATA

    out = report.build(DATA, tmp_path / "report.html", title="Offline")
    SHOTS.mkdir(parents=True, exist_ok=True)
    refused = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1300, "height": 900})
        context.route(re.compile(r"^(?!file:|about:|data:)"), lambda route: (refused.append(route.request.url),
                                                                               route.abort()))
        page = context.new_page()
        try:
            page.goto(out.as_uri())
            iframe = page.locator("iframe.ak-timeline")
            iframe.scroll_into_view_if_needed()
            frame = iframe.element_handle().content_frame()
            frame.wait_for_function(f"() => ({_PLOT_JS})() && ({_PLOT_JS})().events.length > 0", timeout=30_000)
            box = iframe.bounding_box()
            plot = frame.evaluate(_PLOT_JS)
            event = next(e for e in plot["events"] if e["kind"] in ("direct", "indirect", "mixed"))
            x, y = box["x"] + event["x"], box["y"] + event["y"]
            page.mouse.move(x, y)
            expect(frame.locator(".bk-tooltip-row-value", has_text=event["date"]).first).to_be_visible(timeout=10_000)
            page.mouse.click(x, y)
            expect(frame.locator("#ak-details p")).not_to_be_empty(timeout=10_000)
            page.screenshot(path=str(SHOTS / "offline-report.png"))
        finally:
            browser.close()
    assert not refused, f"the report asked the network for {refused}"
