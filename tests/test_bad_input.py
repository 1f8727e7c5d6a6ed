"""Bad inputs get a clear error naming them; the rest of the batch is parsed; nothing is dropped."""
import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import analystkit
from analystkit.clean import CONTROLS
from conftest import SEED


@pytest.fixture()
def bad_inputs(tmp_path):
    files = {
        "empty.txt": b"",
        "blank.txt": b"  \n\n \t\n",
        "binary.txt": bytes(range(256)) * 8,
        "undecodable.txt": b"The minister said \x81\x8d\x8f\x90\x9d the deal \xff\xfe was done.",
        "no-article.html": b"<html><head><title>Log in</title></head><body><nav>Home</nav>"
                           b"<form><input name='user'></form></body></html>",
        "broken.json": b'{"title": "x", "text": ',
        "image.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
    }
    paths = []
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(path)
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:
        line = b"Officials said the talks would continue next week in the capital. " * 15 + b"\n"
        while f.tell() < 50_000_000:
            f.write(line)
    return paths + [huge, tmp_path / "missing.txt"]


def test_each_bad_input_is_named_with_its_problem(bad_inputs):
    tables = analystkit.parse_many(bad_inputs + [SEED])
    messages = {row.input.rsplit("/", 1)[-1]: row.message for row in tables.errors.itertuples()}
    assert "empty" in messages["empty.txt"]
    assert "empty" in messages["blank.txt"]
    assert "binary" in messages["binary.txt"]
    assert "undecodable" in messages["undecodable.txt"] and "UTF-8" in messages["undecodable.txt"]
    assert "no article text" in messages["no-article.html"]
    assert "invalid JSON" in messages["broken.json"]
    assert "unsupported file type .png" in messages["image.png"]
    assert "50.0 MB" in messages["huge.txt"] and "limit" in messages["huge.txt"]
    assert "no such file" in messages["missing.txt"]


def test_one_bad_input_never_sinks_the_batch(bad_inputs):
    tables = analystkit.parse_many(bad_inputs + [SEED])
    assert list(tables.articles.path) == [str(SEED)]
    assert len(tables.claims) >= 10


def test_every_input_is_accounted_for(bad_inputs):
    inputs = bad_inputs + [SEED]
    tables = analystkit.parse_many(inputs)
    assert len(tables.articles) + len(tables.errors) == len(inputs)
    assert set(tables.articles.input) | set(tables.errors.input) == {str(p) for p in inputs}


def test_max_bytes_can_be_raised(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Officials said the talks would continue. " * 3000)
    assert len(analystkit.parse_many([path], max_bytes=10_000).errors) == 1
    assert len(analystkit.parse_many([path], max_bytes=1_000_000).articles) == 1


def test_unreadable_objects_are_errors_not_crashes():
    tables = analystkit.parse_many([42, "Officials said the plan works."])
    assert len(tables.articles) == 1
    assert "cannot read a int" in tables.errors.message.iloc[0]


def test_parse_of_empty_text_raises_a_clear_error():
    with pytest.raises(ValueError, match="empty"):
        analystkit.parse("   \n")


def test_a_long_line_of_text_is_read_as_text_not_as_a_path():
    line = "The council said the plan would cost more than expected. " * 6  # longer than a file name may be
    tables = analystkit.parse_many([line])
    assert len(tables.articles) == 1 and tables.errors.empty


def _as_a_user_without_override() -> list[str] | None:
    """The command prefix that runs a program without root's power to read anything (None: cannot)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search"] if setpriv else None


@pytest.fixture()
def folder_of_every_bad_input(tmp_path):
    """Issue 14's folder: unreadable files and folders, link loops, broken links, files holding no records,
    a CSV with a 200 kB field and a formula, and NUL bytes early and late in a text file."""
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "sub").mkdir()
    (folder / "good.txt").write_text("Officials said the bridge will reopen next week.\n")
    (folder / "nul-early.txt").write_text("The mayor said the\x00 plan works.\n")
    (folder / "nul-late.txt").write_text("The mayor said the plan works. " * 400 + "She said\x00 it is \x1b[0mdone.\n")
    with open(folder / "big-field.csv", "w", newline="") as f:
        rows = csv.writer(f)
        rows.writerow(["id", "title", "text"])
        rows.writerow(["big", "Long one", "Officials said the plan works. " * 7000])
        rows.writerow(["small", '=HYPERLINK("http://example.com","click")', "The minister said the deal was done."])
    (folder / "empty.csv").write_text("")
    (folder / "none.json").write_text("[]")
    (folder / "none-either.json").write_text('{"articles": []}')
    (folder / "locked" / "inside.txt").write_text("Someone said it works.\n")
    (folder / "locked").chmod(0)
    (folder / "unreadable.txt").write_text("Someone said no.\n")
    (folder / "unreadable.txt").chmod(0)
    (folder / "sub" / "ok.txt").write_text("A spokesman said it is fine.\n")
    (folder / "sub" / "loop").symlink_to("..")
    (folder / "dangling.txt").symlink_to("nowhere.txt")
    yield folder
    (folder / "locked").chmod(0o755)
    (folder / "unreadable.txt").chmod(0o644)


def test_a_folder_of_every_bad_input_is_accounted_for(folder_of_every_bad_input, tmp_path):
    prefix = _as_a_user_without_override()
    if prefix is None:
        pytest.skip("running as root without setpriv: unreadable files would be read")
    folder, out = folder_of_every_bad_input, tmp_path / "out"
    inputs = [folder, folder / "locked" / "inside.txt", folder / "mistyped_foldr"]
    run = subprocess.run([*prefix, sys.executable, "-m", "analystkit", "parse", *map(str, inputs), "--out", str(out),
                          "--format", "csv"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr

    tables = analystkit.read_tables(out)
    reasons = {Path(row.input).relative_to(folder).as_posix(): row.message for row in tables.errors.itertuples()}
    assert reasons == {
        "locked": "cannot read folder: permission denied",
        "unreadable.txt": "cannot read file: permission denied",
        "locked/inside.txt": "permission denied: a folder on its path cannot be read",
        "mistyped_foldr": "no such file or folder",
        "sub/loop": "symbolic link loop: the folder is already being read",
        "dangling.txt": "broken symbolic link",
        "none.json": "holds no records",
        "none-either.json": "holds no records",
        "empty.csv": "empty file: no text",
    }
    parsed = {Path(i).relative_to(folder).as_posix() for i in tables.articles.input}
    assert parsed == {"big-field.csv#1", "big-field.csv#2", "good.txt", "nul-early.txt", "nul-late.txt", "sub/ok.txt"}
    assert f"{len(parsed)} article(s) parsed, {len(reasons)} input(s) with errors" in run.stdout

    written = "".join(p.read_text(encoding="utf-8") for p in out.glob("*.csv"))
    assert "\x00" not in written and "\x1b" not in written
    assert "'=HYPERLINK(" in written and ',=HYPERLINK(' not in written and '"=HYPERLINK(' not in written
    notes = tables.articles.set_index("article_id").notes
    assert notes["big"] is pd.NA or pd.isna(notes["big"])
    nul_late = tables.articles[tables.articles.input.str.endswith("nul-late.txt")].iloc[0]
    assert nul_late.notes == "removed 2 control characters"
    assert nul_late.text.endswith("She said it is [0mdone.")


def test_control_characters_are_removed_wherever_they_are_and_offsets_still_hold():
    raw = "The mayor\x00 said\x0cthe plan\x07 works, \x1b[1maides said.\n\x00\x00\nShe said it was done."
    parsed = analystkit.parse(raw)
    assert parsed.text == "The mayor said the plan works, [1maides said.\n\nShe said it was done."
    assert parsed.article["notes"] == "removed 6 control characters"
    for claim in parsed.claims.itertuples():
        assert parsed.text[claim.start:claim.end] == claim.text
        assert CONTROLS.sub("", raw[claim.raw_start:claim.raw_end]) == claim.text


def test_a_stray_nul_does_not_make_a_text_file_binary(tmp_path):
    path = tmp_path / "stray.txt"
    path.write_bytes(b"The mayor said the\x00 plan works.\n")
    tables = analystkit.parse_many([path])
    assert tables.errors.empty and tables.articles.text.iloc[0] == "The mayor said the plan works."
