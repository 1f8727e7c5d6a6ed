"""Corpora: lazy reading, stable ids, duplicates, batches on several processes, a dataset on disk, resume."""
import gzip
import json
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

import analystkit
from analystkit.corpus import CorpusError, iter_tables, parse_corpus
from analystkit.ingest import article_id_for, iter_raw
from conftest import DATA, SEED

TEXTS = sorted(p for p in DATA.iterdir() if p.suffix == ".txt")


def corpus_records(n: int) -> list[dict]:
    """N articles made from the data/ texts, each with its own title, date and closing line (as real
    corpora repeat wire copy with small changes)."""
    texts = [p.read_text(encoding="utf-8") for p in TEXTS]
    return [{"title": f"Dispatch {i + 1}", "published": f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}",
             "outlet": ["Ledger", "Courier", "Tribune"][i % 3],
             "text": texts[i % len(texts)] + f"\n\nThis is dispatch number {i + 1}."} for i in range(n)]


def write_jsonl(path, records) -> "os.PathLike":
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record) + "\n")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_jsonl(tmp_path_factory.mktemp("corpus") / "news.jsonl", corpus_records(36))


@pytest.fixture(scope="module")
def clean_run(corpus):
    return analystkit.parse_many([corpus], jobs=1, batch_size=5)


def assert_same_tables(left, right):
    for name, df in left.items():
        pd.testing.assert_frame_equal(df, getattr(right, name), obj=name)


# ---------------------------------------------------------------- ids


def test_an_article_keeps_its_id_in_any_batch_order_or_call(clean_run, corpus):
    ids = list(clean_run.articles.article_id)
    assert len(set(ids)) == len(ids) == 36
    records = corpus_records(36)
    reversed_run = analystkit.parse_many(list(reversed(records)))
    assert list(reversed_run.articles.article_id) == ids[::-1]
    record = records[4]
    alone = analystkit.parse(record["text"], published=record["published"], title=record["title"])
    assert alone.article["article_id"] == ids[4]
    assert set(alone.claims.claim_id) == set(clean_run.claims[clean_run.claims.article_id == ids[4]].claim_id)


def test_articles_that_differ_by_one_line_get_different_ids():
    text = SEED.read_text(encoding="utf-8")
    assert article_id_for(text + "\nNumber 1.") != article_id_for(text + "\nNumber 2.")
    assert article_id_for(text, "A title") != article_id_for(text, "Another title")


def test_a_record_brings_its_own_id_or_its_url():
    text = "The council said on Monday that the bridge will reopen next week."
    with_id = analystkit.parse_many([{"id": 7781, "text": text}, {"url": "https://example.org/a", "text": text}])
    assert list(with_id.articles.article_id[:1]) == ["7781"]
    assert with_id.articles.article_id[1].startswith("u")
    assert set(with_id.claims.claim_id) >= {"7781.c1"}


def test_a_duplicated_article_is_parsed_once_and_listed_as_a_duplicate(tmp_path):
    records = corpus_records(3)
    path = write_jsonl(tmp_path / "dup.jsonl", records + [records[1]])
    tables = analystkit.parse_many([path])
    assert len(tables.articles) == 3
    [error] = tables.errors.itertuples()
    assert error.input == f"{path}#4" and error.message.startswith("duplicate of " + tables.articles.article_id[1])
    assert "earlier input" in error.message


def test_two_batches_parsed_apart_join_without_collisions(clean_run):
    first = analystkit.parse_many([r for r in corpus_records(36)[:18]])
    second = analystkit.parse_many([r for r in corpus_records(36)[18:]])
    both = analystkit.pipeline.concat([first, second])
    merged = both.claims.merge(both.sources, on=["source_id", "article_id"], how="left")
    assert len(merged) == len(both.claims) == len(clean_run.claims)
    assert both.claims.claim_id.is_unique


# ---------------------------------------------------------------- reading lazily


def test_the_size_limit_is_per_article_not_per_file(tmp_path, corpus):
    big = write_jsonl(tmp_path / "big.jsonl.gz", corpus_records(36) + [{"text": "Officials said so. " * 3000}])
    tables = analystkit.parse_many([big], max_bytes=30_000)
    assert len(tables.articles) == 36
    [error] = tables.errors.itertuples()
    assert error.input == f"{big}#37" and "limit for one article" in error.message


def test_reading_is_lazy():
    def endless():
        for i in range(1, 1000):
            yield {"text": f"The mayor said on Monday that bridge {i} will reopen."}
        raise AssertionError("the inputs were read far beyond what was asked for")  # fails, never hangs

    first = next(iter_raw(endless()))
    assert first.text.endswith("bridge 1 will reopen.")
    batch = next(iter_tables(endless(), batch_size=4, jobs=1))
    assert len(batch.articles) == 4


def test_bad_inputs_in_a_corpus_are_each_one_row_naming_file_and_line(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    records = corpus_records(6)
    lines = [json.dumps(r) for r in records[:3]] + ['{"title": "cut short", "text": "Offic',
                                                    json.dumps({"title": "empty", "text": ""}),
                                                    json.dumps(records[1])] + [json.dumps(r) for r in records[3:]]
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "b.jsonl.gz").write_bytes(b"this is not gzip data at all")
    (folder / "c.txt").symlink_to(folder / "gone.txt")
    tables = analystkit.parse_many([folder], batch_size=3)
    assert len(tables.articles) == 6
    errors = dict(zip(tables.errors.input, tables.errors.message))
    a = folder / "a.jsonl"
    assert "invalid JSON on line 4" in errors[f"{a}#4"]
    assert "empty" in errors[f"{a}#5"]
    assert errors[f"{a}#6"].startswith("duplicate of ")
    assert "cannot read" in errors[str(folder / "b.jsonl.gz")]
    assert errors[str(folder / "c.txt")] == "broken symbolic link"
    assert len(errors) == 5


# ---------------------------------------------------------------- jobs


def test_jobs_give_the_same_tables_row_for_row(corpus, clean_run):
    parallel = analystkit.parse_many([corpus], jobs=2, batch_size=5)
    assert_same_tables(clean_run, parallel)


def test_a_handful_of_articles_runs_in_process_and_a_corpus_on_every_core(corpus):
    from analystkit.corpus import _choose_jobs, batches

    assert _choose_jobs(None, batches([corpus], batch_size=100))[:2] == (1, False)
    jobs, is_corpus, _ = _choose_jobs(None, batches([corpus], batch_size=5))
    assert is_corpus and jobs == analystkit.corpus.default_jobs()


# ---------------------------------------------------------------- a dataset on disk


def test_parse_corpus_writes_a_dataset_that_reads_back_as_the_same_tables(corpus, clean_run, tmp_path):
    run = parse_corpus([corpus], tmp_path / "out", jobs=2, batch_size=5)
    assert run.complete and run.batches == 8 and run.counts["articles"] == 36
    back = analystkit.read_tables(tmp_path / "out")
    assert_same_tables(clean_run, back)
    assert "36 article(s) parsed" in run.summary()
    manifest = json.loads((tmp_path / "out" / "_analystkit.json").read_text())
    assert manifest["complete"] and manifest["analystkit"] == analystkit.__version__ and manifest["written"]
    assert manifest["settings"]["inputs"] == [str(corpus.resolve())]
    assert manifest["totals"]["rows"] == {name: len(df) for name, df in back.items()}


def test_read_tables_can_leave_the_texts_out(corpus, tmp_path):
    parse_corpus([corpus], tmp_path / "out", batch_size=10)
    light = analystkit.read_tables(tmp_path / "out", text=False, columns={"claims": ["claim_id", "kind"]})
    assert light.articles.text.isna().all() and light.articles.title.notna().all()
    assert light.claims.text.isna().all() and light.claims.kind.notna().all()
    assert str(light.claims.kind.dtype) == "category"


def test_csv_output_is_one_file_per_table(corpus, clean_run, tmp_path):
    parse_corpus([corpus], tmp_path / "out", format="csv", batch_size=5)
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.suffix == ".csv") == sorted(
        f"{name}.csv" for name, _ in clean_run.items())
    back = analystkit.read_tables(tmp_path / "out")
    assert list(back.claims.claim_id) == list(clean_run.claims.claim_id)


def test_an_out_folder_holding_tables_is_refused_unless_overwritten(corpus, tmp_path):
    out = tmp_path / "out"
    parse_corpus([SEED], out)
    (out / "notes.txt").write_text("mine")
    with pytest.raises(CorpusError, match="already holds"):
        parse_corpus([corpus], out)
    parse_corpus([corpus], out, overwrite=True, batch_size=10)
    assert len(analystkit.read_tables(out).articles) == 36
    assert (out / "notes.txt").read_text() == "mine"  # only analystkit's own files are replaced


def test_resume_refuses_other_settings(corpus, tmp_path):
    parse_corpus([corpus], tmp_path / "out", batch_size=10)
    with pytest.raises(CorpusError, match="other settings"):
        parse_corpus([corpus], tmp_path / "out", batch_size=5, resume=True)


def test_an_interrupted_run_resumes_to_the_tables_of_one_clean_run(tmp_path):
    corpus = write_jsonl(tmp_path / "news.jsonl", corpus_records(240))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "analystkit", "parse", str(corpus), "--out", str(out), "--jobs", "2",
               "--batch-size", "6", "-q"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    journal = out / "_batches.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if journal.exists() and len(journal.read_text().splitlines()) >= 3:
            break
        time.sleep(0.05)
    if process.poll() is not None:
        pytest.fail(f"the run ended before it could be interrupted: {process.stderr.read()}")
    process.send_signal(signal.SIGINT)
    assert process.wait(60) == 130
    assert "--resume" in process.stderr.read()
    written = len(journal.read_text().splitlines())
    assert 3 <= written < 40
    with pytest.warns(UserWarning, match="did not finish"):
        partial = analystkit.read_tables(out)
    assert len(partial.articles) == 6 * written

    assert subprocess.run(command + ["--resume"], timeout=300).returncode == 0
    resumed = analystkit.read_tables(out)
    clean = analystkit.parse_many([corpus], batch_size=6, jobs=1)
    assert resumed.articles.article_id.is_unique and resumed.claims.claim_id.is_unique
    assert_same_tables(clean, resumed)


def test_the_first_articles_of_a_corpus_keep_their_ids_and_claims_in_the_whole(tmp_path):
    records = corpus_records(40)
    part = analystkit.parse_many(records[:15])
    whole = analystkit.parse_many(records, batch_size=7)
    assert set(part.articles.article_id) <= set(whole.articles.article_id)
    claims = whole.claims[whole.claims.article_id.isin(part.articles.article_id)].reset_index(drop=True)
    pd.testing.assert_frame_equal(part.claims, claims)


def test_jobs_work_from_code_with_no_main_guard(corpus, tmp_path):
    # python -c (or a script without `if __name__ == "__main__":`) must not be imported again by workers
    code = (f"import analystkit; t = analystkit.parse_many([{str(corpus)!r}], jobs=2, batch_size=5); "
            "print(len(t.articles), len(t.errors))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["36", "0"]


def test_a_long_run_shows_progress_and_quiet_shows_none(corpus, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(analystkit.corpus, "PROGRESS_DELAY", 0)
    parse_corpus([corpus], tmp_path / "shown", batch_size=5, progress=True)
    shown = capsys.readouterr().err
    assert "100%" in shown and "36 articles" in shown and "B/s" in shown
    parse_corpus([corpus], tmp_path / "quiet", batch_size=5, progress=False)
    assert capsys.readouterr().err == ""


def test_a_journal_line_cut_short_by_a_crash_loses_nothing_on_resume(corpus, clean_run, tmp_path):
    out = tmp_path / "out"
    parse_corpus([corpus], out, batch_size=5)
    manifest = json.loads((out / "_analystkit.json").read_text())
    (out / "_analystkit.json").write_text(json.dumps({**manifest, "complete": False}))
    lines = (out / "_batches.jsonl").read_text().splitlines()
    # the machine died while writing the fourth batch's line: three batches count as written
    (out / "_batches.jsonl").write_text("\n".join(lines[:3]) + "\n" + lines[3][:20])
    parse_corpus([corpus], out, batch_size=5, resume=True)
    assert_same_tables(clean_run, analystkit.read_tables(out))


def test_csv_cells_a_spreadsheet_would_run_are_neutralised_and_read_back_as_written(tmp_path):
    import csv as csv_module

    from analystkit.cli import main

    records = [{"title": '=HYPERLINK("http://evil.example","Click")', "outlet": "@desk",
                "text": "-- Officials said the bridge will reopen next week.\n\n'=quoted' is not a formula, she said."},
               {"title": "+1 for the mayor", "text": "The mayor said on Monday that the plan works."}]
    path = write_jsonl(tmp_path / "formulas.jsonl", records)
    assert main(["parse", str(path), "--out", str(tmp_path / "safe"), "--format", "csv", "-q"]) == 0
    with open(tmp_path / "safe" / "articles.csv", newline="", encoding="utf-8") as f:
        cells = [cell for row in csv_module.reader(f) for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))]
    assert "'" + records[0]["title"] in cells and "'@desk" in cells
    back = analystkit.read_tables(tmp_path / "safe")
    parquet = analystkit.parse_many([path])
    assert list(back.articles.title) == list(parquet.articles.title) == [r["title"] for r in records]
    assert list(back.articles.text) == list(parquet.articles.text)
    assert list(back.claims.text) == list(parquet.claims.text)

    assert main(["parse", str(path), "--out", str(tmp_path / "raw"), "--format", "csv", "--raw-csv", "-q"]) == 0
    assert records[0]["title"] in (tmp_path / "raw" / "articles.csv").read_text(encoding="utf-8").replace('""', '"')
    assert list(analystkit.read_tables(tmp_path / "raw").articles.title) == [r["title"] for r in records]


def test_tables_to_csv_is_safe_too(data_tables, tmp_path):
    tricky = data_tables.subset(data_tables.articles.article_id[:1])
    articles = tricky.articles.assign(title="=1+1")
    tables = analystkit.Tables(**{**dict(tricky.items()), "articles": articles})
    tables.to_csv(tmp_path)
    assert "'=1+1" in (tmp_path / "articles.csv").read_text(encoding="utf-8")
    assert analystkit.read_tables(tmp_path).articles.title[0] == "=1+1"
