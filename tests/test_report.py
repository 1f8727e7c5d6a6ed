"""The HTML report: self-contained, offline, every chart and table, article text escaped, reproducible."""
import re
import subprocess
import sys

import pytest

from analystkit import report
from conftest import DATA

HOSTILE = ('Officials said on Monday that <script>alert("pwned")</script> the <b>talks</b> had failed.\n\n'
           'The <img src=x onerror=alert(1)> ministry did not respond to requests for comment.\n')


@pytest.fixture(scope="module")
def data_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    result = subprocess.run([sys.executable, "-m", "analystkit", "report", str(DATA), "--out", str(out),
                             "--title", "Sample articles"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    return folder


def test_report_holds_every_chart_and_table(data_report):
    assert "<h1>Sample articles</h1>" in data_report
    assert len(re.findall(r'<img[^>]+src="data:image/png;base64,', data_report)) == 4
    for heading in ("Who gets to speak", "When things happened", "The tables"):
        assert heading in data_report
    for column in ("claim_id", "source kind", "cue", "start_date", "certainty", "n_words"):
        assert f"<th>{column}</th>" in data_report
    assert "did not respond to requests for comment" in data_report
    assert data_report.count("<tr>") >= 1 + 9 + 1 + 60, "every article, claim and date, none elided"
    assert "9 article(s) parsed" in data_report


def test_report_works_offline(data_report):
    assert not re.search(r'<script[^>]+src="https?:', data_report)
    assert not re.search(r'<link[^>]+href="https?:', data_report)
    scripts = re.findall(r"<script\b[^>]*>(.*?)</script>", data_report, re.S)
    assert not any(re.search(r"https?://", body) for body in scripts)


def test_report_shows_no_code(data_report):
    assert "import analystkit" not in data_report and "report.load(" not in data_report
    assert "A parameterised report" not in data_report, "the notebook's own introduction is tagged remove-cell"


def test_article_text_is_inert_in_the_report(hostile_folder, tmp_path):
    out = report.build(hostile_folder, tmp_path / "r.html", title="<i>untrusted</i> title")
    page = out.read_text(encoding="utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "<img src=x" not in page and "<b>talks</b>" not in page
    assert "<i>untrusted</i>" not in page and "&lt;i&gt;untrusted&lt;/i&gt;" in page


def test_same_input_same_report(hostile_folder, tmp_path):
    first = report.build(hostile_folder, tmp_path / "1.html").read_text(encoding="utf-8")
    second = report.build(hostile_folder, tmp_path / "2.html").read_text(encoding="utf-8")
    assert first == second


def test_missing_input_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file or folder"):
        report.build(tmp_path / "nope", tmp_path / "r.html")


def _inner_page(report_html: str) -> str:
    import html

    [srcdoc] = re.findall(r'<iframe class="ak-timeline"[^>]*srcdoc="([^"]*)"', report_html)
    return html.unescape(srcdoc)


def test_report_holds_an_interactive_timeline_that_needs_no_network(data_report):
    page = _inner_page(data_report)
    assert "Bokeh" in page and 'id="ak-details"' in page
    assert not re.search(r'<script[^>]+src=', page), "BokehJS is inlined, never fetched"
    assert page.count("data-root-id") == 1


def test_article_text_is_inert_in_the_interactive_timeline(tmp_path):
    import json

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hostile.json").write_text(json.dumps(  # a publication date, so Monday is on the chart
        {"title": "<i>untrusted</i>", "published": "2024-03-06", "text": HOSTILE}), encoding="utf-8")
    page = _inner_page(report.build(tmp_path / "in", tmp_path / "r.html").read_text(encoding="utf-8"))
    assert "<script>alert" not in page and "<b>talks</b>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert" in page, "the text is there, escaped inside Bokeh's data"
