"""Notebooks are committed executed: strict nbval silently skips cells that never ran."""
import json

import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_code_cell_was_executed_in_order(path):
    cells = [c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code"]
    counts = [c["execution_count"] for c in cells]
    assert None not in counts, f"{path.name}: cells without outputs are not checked by nbval"
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: re-run from a fresh kernel"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_import_the_library_rather_than_hide_logic(path):
    cells = [c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code"]
    assert any("import analystkit" in "".join(c["source"]) for c in cells)
    assert all(len("".join(c["source"]).splitlines()) <= 12 for c in cells), "keep cells short; logic goes in analystkit/"


def test_report_notebook_is_the_one_the_cli_runs():
    """notebooks/04_report.ipynb (executed, for nbval) and the packaged report.ipynb (run by
    `analystkit report`) must hold the same cells."""
    from analystkit.report import NOTEBOOK

    def cells(path):
        return [(c["cell_type"], "".join(c["source"]), c.get("metadata", {}).get("tags", []))
                for c in json.loads(path.read_text())["cells"]]

    assert cells(ROOT / "notebooks" / "04_report.ipynb") == cells(NOTEBOOK)
