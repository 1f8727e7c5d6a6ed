"""The two ways to install name the same packages; the README documents every table column."""
import re
import tomllib

from conftest import ROOT

import analystkit


def _names(requirements):
    return {re.split(r"[<>=!~\[ ;]", r.strip(), maxsplit=1)[0].lower() for r in requirements}


def test_environment_yml_and_pyproject_name_the_same_packages():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    wanted = _names(project["dependencies"]) | {n for reqs in extras.values() for n in _names(reqs)}
    wanted.discard("analystkit")  # dev = analystkit[report] + test tools
    conda = set()
    in_pip = False
    in_dependencies = False
    for line in (ROOT / "environment.yml").read_text().splitlines():
        stripped = line.strip()
        if not line.startswith(" ") and stripped:
            in_dependencies = stripped == "dependencies:"
            continue
        if not in_dependencies:
            continue
        if stripped.startswith("- pip:"):
            in_pip = True
            continue
        if in_pip and line.startswith("      -"):
            continue
        in_pip = False
        if stripped.startswith("- "):
            conda.add(_names([stripped[2:]]).pop())
    conda -= {"python", "pip"}
    assert conda == wanted


def test_environment_yml_installs_the_project_itself():
    assert re.search(r"^\s+- -e \.\s*$", (ROOT / "environment.yml").read_text(), re.M)


def test_readme_documents_every_column_of_every_table():
    readme = (ROOT / "README.md").read_text()
    for table, columns in analystkit.SCHEMAS.items():
        section = readme.split(f"#### `{table}`", 1)
        assert len(section) == 2, f"README has no schema section for {table}"
        body = section[1].split("####", 1)[0]
        for column in columns:
            assert f"| `{column.name}` |" in body, f"README does not document {table}.{column.name}"


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    command = re.search(r"(\S*python -m pytest[^`\n]*)", readme)[1]
    assert command in ci


def test_readme_shows_what_the_first_command_prints(tmp_path, capsys, monkeypatch):
    from analystkit.cli import main

    monkeypatch.chdir(ROOT)  # the README's command, run where it is run: paths print as given
    assert main(["parse", "data/", "--out", str(tmp_path / "tables")]) in (0, None)
    printed = capsys.readouterr().out.replace(str(tmp_path / "tables"), "tables")
    shown = (ROOT / "README.md").read_text().split("What the first command prints:\n\n```text\n", 1)[1].split("```")[0]
    timing = re.compile(r"^\d+ batch\(es\) in [\d.]+ s$", re.M)  # the one line that changes from run to run
    assert timing.sub("", printed).strip() == timing.sub("", shown).strip()
