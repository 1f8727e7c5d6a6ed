"""A real browser: JupyterLab opens 02_timeline.ipynb, runs it, and the TimelineExplorer answers
a moved date slider and a toggled filter with a new chart and a new details pane.

Needs Debian's chromium (/usr/bin/chromium) and the playwright Python package (no browser
download). Without them the test is skipped, unless ANALYSTKIT_BROWSER_TESTS=required (as in
.ci/run), where a missing browser is a failure. Screenshots go to test-artifacts/browser/.
"""
from __future__ import annotations

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
    shutil.copy(ROOT / "notebooks" / "02_timeline.ipynb", root / "notebooks")  # Lab autosaves what it opens
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


def _run_all_cells(page, notebook, attempts: int = 3) -> None:
    """Run > Run All Cells, until the first code cell has started (a click can land before Lab is ready)."""
    from playwright.sync_api import expect

    first_prompt = notebook.locator(".jp-CodeCell .jp-InputPrompt").first
    for attempt in range(attempts):
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


def test_timeline_explorer_redraws_in_a_real_browser(lab):
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
            page.goto(f"{base}/lab/tree/notebooks/02_timeline.ipynb?reset&token={token}")
            notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
            idle = notebook.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")
            expect(idle).to_be_visible(timeout=90_000)
            _run_all_cells(page, notebook)

            explorer = notebook.locator(".widget-vbox").filter(has=page.locator(".widget-hslider")).first
            status = explorer.locator(".widget-html-content").first
            expect(status).to_contain_text("events from", timeout=90_000)
            expect(idle).to_be_visible(timeout=90_000)
            chart = explorer.locator(".widget-output img").first
            expect(chart).to_be_visible(timeout=30_000)
            details = explorer.locator(".ak-details").first
            before = (status.inner_text(), chart.get_attribute("src"), details.inner_html())
            explorer.scroll_into_view_if_needed()
            explorer.screenshot(path=str(SHOTS / "before.png"))

            # Move the date slider's lower handle to the right: fewer events.
            handle = explorer.locator(".widget-hslider .noUi-handle").first
            handle.click()
            for _ in range(12):
                handle.press("ArrowRight")
            expect(status).not_to_have_text(before[0], timeout=30_000)
            after_slider = status.inner_text()

            # Then a filter: hide the events with no source.
            explorer.locator("button", has_text=re.compile(r"^none$")).click()
            expect(status).not_to_have_text(after_slider, timeout=30_000)
            expect(idle).to_be_visible(timeout=30_000)
            page.wait_for_timeout(300)
            after = (status.inner_text(), chart.get_attribute("src"), details.inner_html())
            charts_shown = explorer.locator(".widget-output img").count()
            explorer.screenshot(path=str(SHOTS / "after.png"))
        except Exception:
            page.screenshot(path=str(SHOTS / "failure.png"))
            raise
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)

    assert after[1] != before[1], "the chart changed"
    assert after[2] != before[2], "the details pane changed"
    shown = lambda text: int(re.search(r"(\d+)\s+events", text)[1])  # noqa: E731
    assert shown(after[0]) < shown(before[0])
    assert charts_shown == 1, "one chart, redrawn in place: never a second one stacked under it"
