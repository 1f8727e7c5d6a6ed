"""The command line: help, a batch with bad files, both output formats, exit codes."""
import subprocess
import sys

import pandas as pd

import analystkit
from analystkit.cli import main
from conftest import DATA, SEED


def test_help_lists_the_parse_command(capsys):
    try:
        main(["--help"])
    except SystemExit as exit:
        assert exit.code == 0
    assert "parse" in capsys.readouterr().out


def test_no_command_is_a_usage_error():
    assert main([]) == 2


def test_missing_out_is_a_usage_error(capsys):
    try:
        main(["parse", str(SEED)])
    except SystemExit as exit:
        assert exit.code == 2
    assert "--out" in capsys.readouterr().err


def test_parse_data_folder_prints_summary_and_writes_parquet(tmp_path, capsys):
    assert main(["parse", str(DATA), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    n_files = len([p for p in DATA.iterdir() if p.name != "README.md"])
    assert f"{n_files} article(s) parsed, 0 input(s) with errors" in out
    assert "sources:" in out and "claims:" in out and "dates:" in out
    for name in ("articles", "sources", "mentions", "claims", "dates", "events", "errors"):
        assert list((tmp_path / name).glob("part-*.parquet")), name
    assert len(pd.read_parquet(tmp_path / "articles")) == n_files  # a Parquet dataset any reader opens
    assert len(analystkit.read_tables(tmp_path).articles) == n_files


def test_batch_continues_past_bad_files_and_writes_csv(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    out = tmp_path / "tables"
    assert main(["parse", str(bad), str(SEED), str(tmp_path / "missing.txt"), "--out", str(out), "--format", "csv"]) == 0
    printed = capsys.readouterr().out
    assert "1 article(s) parsed, 2 input(s) with errors" in printed
    assert "binary" in printed and "no such file" in printed
    errors = pd.read_csv(out / "errors.csv")
    assert len(errors) == 2


def test_nothing_parsed_is_a_failure(tmp_path):
    assert main(["parse", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "t"), "-q"]) == 1


def test_console_script_runs(tmp_path):
    result = subprocess.run([sys.executable, "-m", "analystkit", "parse", str(SEED), "--out", str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "1 article(s) parsed" in result.stdout


def test_a_mistyped_path_is_an_error_not_an_article(tmp_path, capsys):
    assert main(["parse", "my_foldr", "Articles 2024", "--out", str(tmp_path / "t")]) == 1
    printed = capsys.readouterr().out
    assert "0 article(s) parsed, 2 input(s) with errors" in printed
    assert "my_foldr: no such file or folder" in printed and "Articles 2024: no such file or folder" in printed
