"""analystkit.dask on a real two-process cluster gives the tables of the local parse, row for row."""
import pandas as pd
import pytest

pytest.importorskip("dask.distributed")

import analystkit  # noqa: E402
import analystkit.dask  # noqa: E402
from conftest import DATA  # noqa: E402
from test_corpus import corpus_records, write_jsonl  # noqa: E402


@pytest.fixture(scope="module")
def client():
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    records = corpus_records(50)
    # a big JSON Lines file (cut into byte ranges), a duplicate and an empty record in it, a folder,
    # text and a record given in memory, and a missing path
    news = write_jsonl(tmp_path_factory.mktemp("dask") / "news.jsonl", records + [records[7], {"text": " "}])
    return [news, DATA, "Officials said on Monday that the talks would go on.",
            {"title": "Bridge", "text": "The mayor said the bridge will reopen."}, "missing.txt"]


def test_a_big_jsonl_file_is_cut_into_ranges_of_whole_records(inputs):
    planned = analystkit.dask.pieces(inputs, partition_size=10)
    ranges = [p for p in planned if p.path is not None]
    assert len(ranges) >= 3 and ranges[0].start == 0
    assert all(a.stop == b.start for a, b in zip(ranges, ranges[1:]))


def test_dask_gives_the_tables_of_the_local_parse(client, inputs, tmp_path):
    corpus = analystkit.dask.parse(inputs, partition_size=10)
    for name, df in corpus.items():
        assert dict(df.dtypes) == dict(getattr(analystkit.parse_many([]), name).dtypes), name
    local = analystkit.parse_many(inputs)
    computed = corpus.compute()
    for name, df in local.items():
        pd.testing.assert_frame_equal(getattr(computed, name), df, obj=name)
    assert "duplicate of" in " ".join(local.errors.message) and len(local.errors) == 3

    corpus.to_parquet(tmp_path / "tables")
    back = analystkit.read_tables(tmp_path / "tables")
    pd.testing.assert_frame_equal(back.claims, local.claims)
    pd.testing.assert_frame_equal(back.articles, local.articles)
