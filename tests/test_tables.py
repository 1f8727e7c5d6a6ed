"""Every table has its schema's columns and dtypes, ids join, and tables survive a round trip."""
import pandas as pd
import pyarrow.parquet as pq
import pytest
from conftest import DATA

import analystkit
from analystkit.tables import SCHEMAS, TABLE_NAMES, Tables, frame, read_tables


def _assert_schema(name: str, df: pd.DataFrame):
    schema = SCHEMAS[name]
    assert list(df.columns) == [c.name for c in schema], name
    for c in schema:
        if isinstance(c.dtype, pd.CategoricalDtype):
            assert isinstance(df[c.name].dtype, pd.CategoricalDtype), (name, c.name)
            assert list(df[c.name].cat.categories) == list(c.dtype.categories), (name, c.name)
        else:
            assert df[c.name].dtype == pd.api.types.pandas_dtype(c.dtype), (name, c.name, df[c.name].dtype)


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_tables_of_a_batch_have_their_schema(data_tables, name):
    _assert_schema(name, getattr(data_tables, name))


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_empty_tables_still_have_their_schema(name):
    _assert_schema(name, frame(name, []))


def test_parse_gives_one_article_and_its_tables(seed, seed_id):
    assert len(seed.articles) == 1
    assert seed.article["article_id"] == seed_id  # parse(text) gives the id the file gets in a batch
    for name in TABLE_NAMES:
        _assert_schema(name, getattr(seed, name))
    assert len(seed.claims) and len(seed.sources) and len(seed.dates) and len(seed.events)
    assert seed.sources["entity_id"].notna().all() and seed.entities is None  # linking is a corpus's work


def test_ids_are_unique_and_join(data_tables):
    t = data_tables
    for name, key in [("articles", "article_id"), ("sources", "source_id"), ("mentions", "mention_id"),
                      ("claims", "claim_id"), ("dates", "date_id"), ("events", "event_id")]:
        assert getattr(t, name)[key].is_unique, name
    article_ids = set(t.articles.article_id)
    for name in ("sources", "mentions", "claims", "dates", "events"):
        assert set(getattr(t, name).article_id) <= article_ids, name
    assert set(t.claims.source_id.dropna()) <= set(t.sources.source_id)
    assert set(t.mentions.claim_id) == set(t.claims.claim_id)
    assert set(t.dates.claim_id.dropna()) <= set(t.claims.claim_id)
    assert set(t.events.date_id.dropna()) <= set(t.dates.date_id)
    assert set(t.events.claim_id.dropna()) <= set(t.claims.claim_id)
    assert set(t.events.source_id.dropna()) <= set(t.sources.source_id)
    merged = t.claims.merge(t.sources, on=["source_id", "article_id"], suffixes=("", "_source"))
    assert len(merged) == t.claims.source_id.notna().sum()


def test_source_counts_agree_with_claims_and_mentions(data_tables):
    t = data_tables
    per_source = t.claims.groupby("source_id").size()
    assert (t.sources.set_index("source_id")["n_claims"] == per_source.reindex(t.sources.source_id).values).all()
    mentions = t.mentions.groupby("source_id").size()
    assert (t.sources.set_index("source_id")["n_mentions"] == mentions.reindex(t.sources.source_id).values).all()


def test_every_article_has_a_publication_event_when_its_date_is_known(data_tables):
    t = data_tables
    dated = set(t.articles[t.articles.published.notna()].article_id)
    published = t.events[t.events.kind == "publication"]
    assert set(published.article_id) == dated
    joined = published.merge(t.articles, on="article_id")
    assert (joined.when_start == joined.published.dt.normalize()).all()


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_tables_round_trip_with_their_dtypes(data_tables, tmp_path, fmt):
    getattr(data_tables, f"to_{fmt}")(tmp_path)
    back = read_tables(tmp_path)
    for name, df in data_tables.items():
        pd.testing.assert_frame_equal(getattr(back, name), df, check_exact=False, obj=name)


@pytest.mark.parametrize("layout", ["run", "parquet", "csv"])
def test_tables_written_before_a_column_existed_read_with_it_missing(data_tables, tmp_path, layout):
    # a folder of an earlier version lacks the columns added since (dates.mod, dates.reference)
    out = tmp_path / "out"
    if layout == "run":
        analystkit.parse_corpus([DATA], out)
        files = sorted((out / "dates").glob("*.parquet"))
    else:
        getattr(data_tables, f"to_{layout}")(out)
        files = [out / f"dates.{layout}"]
    for f in files:
        if layout == "csv":
            pd.read_csv(f).drop(columns=["mod", "reference"]).to_csv(f, index=False)
        else:
            pq.write_table(pq.read_table(f).drop(["mod", "reference"]), f)

    back = read_tables(out)

    assert list(back.dates.columns) == [c.name for c in SCHEMAS["dates"]]
    assert back.dates["mod"].isna().all() and back.dates["reference"].isna().all()
    assert back.dates.date_id.tolist() == data_tables.dates.date_id.tolist()


def test_read_tables_names_what_is_missing(tmp_path):
    with pytest.raises(FileNotFoundError, match="missing articles"):
        read_tables(tmp_path)
    with pytest.raises(FileNotFoundError, match="no such folder"):
        read_tables(tmp_path / "nope")


def test_describe_lists_every_column():
    for name, columns in SCHEMAS.items():
        assert list(analystkit.describe(name)["column"]) == [c.name for c in columns]


def test_summary_names_articles_kinds_and_errors(data_tables):
    text = data_tables.summary()
    assert f"{len(data_tables.articles)} article(s) parsed" in text
    assert "sources:" in text and "anonymous" in text and "claims:" in text and "dates:" in text
    assert isinstance(data_tables, Tables)


def test_summary_keeps_the_file_name_of_a_long_untitled_path():
    from analystkit.tables import format_summary

    path = "/home/analyst/projects/2026/wire-archive/incoming/batch-0042/" + "reuters-2026-03-04-port-strike.txt"
    title = "A headline that runs on for well over sixty characters, as some headlines do"
    text = format_summary({"articles": 2}, [["a1", None, 0, 0, path], ["a2", None, 0, 0, title]], [])
    assert "…" in text and text.split("\n")[-2].endswith("reuters-2026-03-04-port-strike.txt")
    assert text.split("\n")[-1].endswith(title[:60])


def test_id_of_finds_an_article_by_file_name_or_title(data_tables, seed_id):
    assert data_tables.id_of("AXIOS") == seed_id
    assert data_tables.id_of("iodine deficiency") == data_tables.articles.article_id[
        data_tables.articles.title.str.contains("iodine")].iloc[0]
    with pytest.raises(KeyError, match="9 articles"):
        data_tables.id_of("data")
    with pytest.raises(KeyError, match="0 articles"):
        data_tables.id_of("no such article")
