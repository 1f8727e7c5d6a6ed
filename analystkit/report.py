"""Reports: run the parameterised report notebook and export it to one self-contained HTML file.

    analystkit report data/ --out report.html --title "Sources in the sample articles"

The notebook (``report.ipynb`` in this package, ``notebooks/04_report.ipynb`` in the
repository) is executed with papermill and exported with nbconvert without its
code. Charts are embedded as PNG images, the interactive timeline as a page of its
own with BokehJS inlined (:func:`interactive_timeline`), and every script or
stylesheet that would load from the network is removed, so the file opens offline. Article text reaches
the HTML only through pandas tables and :func:`preformatted`, which escape it.
"""
from __future__ import annotations

import html
import re
import tempfile
from pathlib import Path

import pandas as pd

from .tables import Tables

NOTEBOOK = Path(__file__).with_name("report.ipynb")
# <script src="https://..."></script> and <link href="https://..."> that nbconvert's template adds
_REMOTE = re.compile(
    r"<script\b[^>]*\bsrc=\"https?://[^\"]*\"[^>]*>\s*</script>|<link\b[^>]*\bhref=\"https?://[^\"]*\"[^>]*>",
    re.I,
)
_MATHJAX = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S)
# inline scripts that import from the network (nbconvert's mermaid loader)
_IMPORTING = re.compile(r"<script\b[^>]*>(?:(?!</script>).)*?https?://(?:(?!</script>).)*?</script>", re.S | re.I)


# ---------------------------------------------------------------- pieces the notebook shows


def load(inputs: str | list[str]) -> Tables:
    """Parse the report's input: a folder or file, or a list of them."""
    from .pipeline import parse_many

    return parse_many(inputs if isinstance(inputs, list) else [inputs])


def heading(title: str, tables: Tables):
    """The report's title and a line saying what it covers, as HTML (escaped)."""
    from IPython.display import HTML

    n = len(tables.articles)
    return HTML(f"<h1>{html.escape(str(title))}</h1><p>{n} article(s), {len(tables.claims)} claims, "
                f"{len(tables.sources)} sources, {len(tables.dates)} dates</p>")


def preformatted(text: str):
    """Plain text in a ``<pre>`` block, escaped."""
    from IPython.display import HTML

    return HTML(f"<pre>{html.escape(text)}</pre>")


def full_table(df: pd.DataFrame):
    """Every row of ``df`` as an HTML table (a notebook would elide the middle of a long one), escaped."""
    from IPython.display import HTML

    return HTML(df.to_html(index=False, na_rep="", max_rows=None, escape=True, border=0,
                           classes="dataframe analystkit-table"))


def interactive_timeline(tables: Tables, height: int = 520):
    """The interactive timeline (tooltips, drag to zoom, double-click to reset, click for the claim) as a
    self-contained page in an ``<iframe srcdoc>``: its scripts are inlined and run offline, apart from the
    report's own page. The whole page is escaped into the attribute, so no article text reaches the report's
    markup as HTML."""
    from IPython.display import HTML

    from .interactive import standalone_timeline

    page = standalone_timeline(tables, title="Timeline")
    # in a div: IPython warns about HTML that starts with an iframe, and the warning lands in the report
    return HTML(f'<div><iframe class="ak-timeline" title="Interactive timeline" style="width:100%;height:{height}px;'
                f'border:0" srcdoc="{html.escape(page, quote=True)}"></iframe></div>')


def articles_table(tables: Tables):
    return full_table(tables.articles[["article_id", "title", "outlet", "published", "n_words", "input"]])


def claims_table(tables: Tables):
    claims = tables.claims.merge(tables.sources[["source_id", "name", "kind"]], on="source_id", how="left",
                                 suffixes=("", "_source"))
    return full_table(claims[["claim_id", "name", "kind_source", "kind", "cue", "text"]].rename(
        columns={"name": "source", "kind_source": "source kind", "kind": "claim kind"}))


def dates_table(tables: Tables):
    return full_table(tables.dates[["date_id", "text", "kind", "value", "start_date", "end_date", "certainty"]])


def errors_table(tables: Tables):
    return full_table(tables.errors)


# ---------------------------------------------------------------- running it


def build(inputs: list[str | Path] | str | Path, out: str | Path, *, title: str | None = None) -> Path:
    """Run the report notebook on ``inputs`` (a folder or files) and write self-contained HTML to ``out``.

    Raises:
        ImportError: if papermill or nbconvert is missing (``pip install 'analystkit[report]'``).
        FileNotFoundError: if an input does not exist.
    """
    try:
        import nbformat
        import papermill
        from nbconvert import HTMLExporter
        from nbconvert.preprocessors import TagRemovePreprocessor
    except ImportError as exc:
        raise ImportError(f"analystkit report needs papermill and nbconvert ({exc.name} is missing): "
                          "pip install 'analystkit[report]'") from exc
    paths = [Path(p) for p in ([inputs] if isinstance(inputs, (str, Path)) else inputs)]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise FileNotFoundError(f"no such file or folder: {', '.join(missing)}")
    folder = str(paths[0].resolve()) if len(paths) == 1 else [str(p.resolve()) for p in paths]
    parameters = {"input_folder": folder}
    if title:
        parameters["title"] = title
    with tempfile.TemporaryDirectory(prefix="analystkit-report-") as tmp:
        executed = Path(tmp) / "report.ipynb"
        papermill.execute_notebook(str(NOTEBOOK), str(executed), parameters=parameters, cwd=tmp,
                                   kernel_name="python3", progress_bar=False, log_output=False)
        notebook = nbformat.read(executed, as_version=4)
    for index, cell in enumerate(notebook.cells):
        cell.id = f"cell-{index}"  # papermill's injected cell has a random id: same input, same report
    exporter = HTMLExporter(template_name="lab", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags={"remove-cell"}), enabled=True)
    page, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title or "analystkit report"}})
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(offline(page), encoding="utf-8")
    return out


def offline(page: str) -> str:
    """Drop what an exported page would fetch from the network (require.js, MathJax, web fonts)."""
    return _REMOTE.sub("", _IMPORTING.sub("", _MATHJAX.sub("", page)))
