"""The quotes table: one row per quoted passage, linked to its claim (issue 13)."""
import shutil

import pytest

import analystkit
from conftest import DATA


def _passages(text: str) -> list[tuple[str, bool, int]]:
    parsed = analystkit.parse(text)
    return [(q.text, q.attributed_here, q.n_words) for q in parsed.quotes.itertuples()]


def test_a_quote_carried_on_in_the_next_sentence_is_two_passages_of_one_claim():
    parsed = analystkit.parse("“We will win this fight,” the mayor said. “And we will govern well.”")
    assert len(parsed.claims) == 1
    assert [(q.text, q.attributed_here) for q in parsed.quotes.itertuples()] == [
        ("We will win this fight", True), ("And we will govern well", False)]
    assert set(parsed.quotes.claim_id) == set(parsed.claims.claim_id)


def test_a_quote_carried_on_into_the_next_paragraph_is_a_passage_of_its_own():
    text = ("“The budget is tight,” the mayor said. “We will cut where we must.\n\n"
            "“But the libraries stay open.”")
    passages = _passages(text)
    assert [p[0] for p in passages] == ["The budget is tight", "We will cut where we must",
                                       "But the libraries stay open"]
    assert [p[1] for p in passages] == [True, False, False]
    parsed = analystkit.parse(text)
    assert parsed.quotes.paragraph.tolist() == [0, 0, 1]


def test_a_split_quote_around_its_attribution_is_two_passages_both_attributed_there():
    assert _passages("“We are ready,” she said, “and we will not wait.”") == [
        ("We are ready", True, 3), ("and we will not wait", True, 5)]


def test_quoted_words_in_a_paraphrase_are_the_passage():
    assert _passages("The senator called the plan “a stopgap that will fail” in a speech on Monday.") == [
        ("a stopgap that will fail", True, 5)]


def test_a_direct_claim_without_marks_is_its_own_passage():
    parsed = analystkit.parse("Council meeting\n\nMAYOR DANA RUIZ: Good evening, and welcome to the meeting.\n")
    [claim] = parsed.claims.itertuples()
    [passage] = parsed.quotes.itertuples()
    assert claim.kind == "direct" and (passage.start, passage.end) == (claim.start, claim.end)


def test_paraphrase_and_no_comment_have_no_passages():
    parsed = analystkit.parse("Officials said the bridge will reopen. The ministry did not respond to a request for comment.")
    assert len(parsed.claims) == 2 and parsed.quotes.empty


def test_every_quoted_claim_has_a_passage_and_every_passage_its_span(data_tables):
    quoted = data_tables.claims[data_tables.claims.kind.isin(["direct", "mixed"])]
    assert set(quoted.claim_id) == set(data_tables.quotes.claim_id)
    texts = data_tables.articles.set_index("article_id").text
    for q in data_tables.quotes.itertuples():
        assert texts[q.article_id][q.start:q.end] == q.text
        assert q.n_words == len(q.text.split())
    claims = data_tables.claims.set_index("claim_id")
    for q in data_tables.quotes.itertuples():  # inside its claim
        assert claims.start[q.claim_id] <= q.start and q.end <= claims.end[q.claim_id] + 1


def test_a_corpus_run_writes_the_quotes_and_reads_them_back(data_tables, tmp_path):
    analystkit.parse_corpus([DATA], tmp_path / "out")
    back = analystkit.read_tables(tmp_path / "out")
    assert back.quotes.quote_id.tolist() == data_tables.quotes.quote_id.tolist()


def test_tables_written_before_the_quotes_table_read_with_an_empty_one(tmp_path):
    out = tmp_path / "out"
    analystkit.parse_corpus([DATA], out)
    shutil.rmtree(out / "quotes")  # as a run of an earlier version left it
    with pytest.warns(UserWarning, match="without the quotes table"):
        back = analystkit.read_tables(out)
    assert back.quotes.empty and list(back.quotes.columns) == [c.name for c in analystkit.SCHEMAS["quotes"]]
    assert len(back.claims) > 0


def test_words_quoted_are_the_words_of_the_passages(data_tables):
    per_source = data_tables.quotes.merge(data_tables.claims[["claim_id", "source_id"]], on="claim_id")
    words = per_source.merge(data_tables.sources[["source_id", "entity_id"]], on="source_id").groupby(
        "entity_id").n_words.sum()
    entities = data_tables.entities.set_index("entity_id")
    assert (entities.n_words_quoted.reindex(words.index) == words).all()
    assert entities.n_words_quoted.sum() == data_tables.quotes.n_words.sum()
