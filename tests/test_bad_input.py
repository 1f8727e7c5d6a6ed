"""Bad inputs get a clear error naming them; the rest of the batch is parsed; nothing is dropped."""
import pytest

import analystkit
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
