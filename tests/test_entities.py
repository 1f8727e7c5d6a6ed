"""Entities: one identity per person or organization across articles; anonymous sources never merged."""
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import analystkit
from analystkit import entities

# Short articles of our own, each citing people the way news copy does.
ARTICLES = [
    ("Donald Trump said on Monday that the wall would be built.", "2016-03-07"),
    ("Trump said the polls were wrong. A senior U.S. official said the talks would resume.", "2016-03-08"),
    ("Mr. Trump told reporters that he would win the state.", "2016-03-09"),
    ("Donald J. Trump said in a statement that the rally was a success.", "2016-03-10"),
    ("Donald Trump Jr. said his father would campaign in Ohio. The Associated Press reported that the vote was close.",
     "2016-03-11"),
    ("Ivanka Trump said the plan would help families. A senior U.S. official said the deal was off.", "2016-03-12"),
    ("Associated Press reported that turnout was high. The campaign said it raised $5 million.", "2016-03-13"),
    ("The campaign said volunteers knocked on 10,000 doors. Donald Trump said the crowd was huge.", "2016-03-14"),
]


@pytest.fixture(scope="module")
def corpus():
    return analystkit.parse_many([{"text": text, "published": day, "title": f"Campaign notes {n}",
                                   "outlet": "The Ledger" if n % 2 else "Capitol Wire"}
                                  for n, (text, day) in enumerate(ARTICLES)])


def _entity_of(tables, name: str) -> set[str]:
    return set(tables.sources.loc[tables.sources["name"] == name, "entity_id"])


def test_the_forms_of_one_persons_name_share_an_entity_and_relatives_do_not(corpus):
    trump = set().union(*(_entity_of(corpus, n) for n in ("Donald Trump", "Trump", "Donald J. Trump")))
    assert len(trump) == 1, corpus.sources[["name", "entity_id"]]
    mr = corpus.sources.loc[corpus.sources["name"].str.contains("Trump") & ~corpus.sources["name"].str.contains(
        "Jr|Ivanka|Donald"), "entity_id"]
    assert set(mr) == trump, "Mr. Trump and Trump are the Trump most articles cite by full name"
    assert _entity_of(corpus, "Donald Trump Jr.").isdisjoint(trump)
    assert _entity_of(corpus, "Ivanka Trump").isdisjoint(trump) and _entity_of(corpus, "Ivanka Trump")
    [row] = corpus.entities[corpus.entities["entity_id"].isin(trump)].itertuples()
    assert row.name == "Donald Trump" and row.n_articles == 5 and row.kind == "person"
    assert row.first_published == pd.Timestamp("2016-03-07") and row.last_published == pd.Timestamp("2016-03-14")
    assert set(row.outlets.split("; ")) == {"The Ledger", "Capitol Wire"}


def test_anonymous_sources_are_never_merged_across_articles(corpus):
    anonymous = corpus.entities[corpus.entities["kind"] == "anonymous"]
    assert (anonymous["n_articles"] == 1).all()
    officials = corpus.sources[corpus.sources["name"].str.contains("official", na=False)]
    assert len(officials) == 2 and officials["entity_id"].nunique() == 2


def test_organizations_merge_by_name_but_a_bare_noun_stays_in_its_article(corpus):
    ap = corpus.sources[corpus.sources["name"].str.contains("Associated Press", na=False)]
    assert len(ap) == 2 and ap["entity_id"].nunique() == 1
    campaign = corpus.sources[corpus.sources["name"].str.lower().isin(["campaign", "the campaign"])]
    assert len(campaign) == 2 and campaign["entity_id"].nunique() == 2


def test_every_source_has_an_entity_and_counts_add_up(corpus):
    assert corpus.sources["entity_id"].notna().all()
    assert set(corpus.sources["entity_id"]) == set(corpus.entities["entity_id"])
    assert corpus.entities["n_sources"].sum() == len(corpus.sources)
    assert corpus.entities["n_claims"].sum() == corpus.claims["source_id"].notna().sum()


def test_entity_ids_do_not_depend_on_the_order_of_the_articles(corpus):
    reordered = analystkit.parse_many([{"text": text, "published": day, "title": f"Campaign notes {n}",
                                        "outlet": "The Ledger" if n % 2 else "Capitol Wire"}
                                       for n, (text, day) in reversed(list(enumerate(ARTICLES)))])
    pairs = lambda t: set(zip(t.sources["source_id"], t.sources["entity_id"]))  # noqa: E731
    assert pairs(reordered) == pairs(corpus)


def _sources(rows):
    return pd.DataFrame([{"source_id": f"a{n}.s1", "article_id": f"a{n}", "name": name, "kind": kind,
                          "role": None, "affiliation": None} for n, (name, kind) in enumerate(rows)])


def test_a_bare_surname_shared_by_two_people_cited_alike_stays_apart():
    rows = [("Hillary Clinton", "person"), ("Bill Clinton", "person"), ("Clinton", "person"),
            ("Hillary Clinton", "person"), ("Bill Clinton", "person")]
    keys = entities.identity_keys(_sources(rows))
    assert keys.tolist() == ["person:hillary clinton", "person:bill clinton", "source:a2.s1",
                             "person:hillary clinton", "person:bill clinton"]


def test_a_bare_surname_nobody_is_cited_by_in_full_is_not_merged_across_articles():
    keys = entities.identity_keys(_sources([("Kelly", "person"), ("Kelly", "person"), ("Mr. Kelly", "person")]))
    assert len(set(keys)) == 3
    judicial = entities.identity_keys(_sources([("Judicial Watch", "person"), ("Right Wing Watch", "person")]))
    assert len(set(judicial)) == 2, "nameparser's titles (Judicial, Right) make no surname of Watch"


def test_first_names_that_differ_by_a_typo_or_an_accent_are_one_person():
    keys = entities.identity_keys(_sources([("Hillary Clinton", "person"), ("Hilary Clinton", "person"),
                                            ("Hillary Clinton", "person"), ("José Díaz", "person"),
                                            ("Jose Diaz", "person"), ("Jane Diaz", "person")]))
    assert keys[0] == keys[1] == keys[2] and keys[3] == keys[4] != keys[5]


def test_a_corpus_run_writes_the_entities_that_parse_many_links(tmp_path, corpus):
    inputs = [{"text": text, "published": day, "title": f"Campaign notes {n}",
               "outlet": "The Ledger" if n % 2 else "Capitol Wire"} for n, (text, day) in enumerate(ARTICLES)]
    analystkit.parse_corpus(inputs, tmp_path / "out", jobs=1, batch_size=3, progress=False)
    read = analystkit.read_tables(tmp_path / "out", text=False)
    pd.testing.assert_frame_equal(read.entities, corpus.entities)
    assert dict(zip(read.sources["source_id"], read.sources["entity_id"])) == \
        dict(zip(corpus.sources["source_id"], corpus.sources["entity_id"]))


def test_a_bare_surname_is_not_the_corpus_person_when_its_article_names_another_in_full():
    rows = [("Ash Carter", "person"), ("Ash Carter", "person"), ("Carter", "person"), ("Carter", "person")]
    texts = {"a2": "Israel shunned Jimmy Carter on his trip. Carter said the trip went well.",
             "a3": "Defense Secretary Ash Carter spoke. But Carter said more troops would go."}
    keys = entities.identity_keys(_sources(rows), lambda wanted: ((a, t) for a, t in texts.items() if a in wanted))
    assert keys[2] == "source:a2.s1", "Jimmy Carter's article: its Carter is not Ash Carter"
    assert keys[3] == keys[0] == "person:ash carter", "'But Carter' names no other Carter"


def test_a_corpus_run_reads_the_texts_to_link_a_bare_surname_as_parse_many_does(tmp_path):
    inputs = [{"text": "Defense Secretary Ash Carter said more troops would go.", "title": "One"},
              {"text": "Ash Carter said the base would stay open.", "title": "Two"},
              {"text": "Israel shunned Jimmy Carter on his trip. Carter said the trip went well.", "title": "Three"}]
    in_memory = analystkit.parse_many(inputs)
    analystkit.parse_corpus(inputs, tmp_path / "out", jobs=1, batch_size=1, progress=False)
    read = analystkit.read_tables(tmp_path / "out", text=False)
    assert dict(zip(read.sources["source_id"], read.sources["entity_id"])) == \
        dict(zip(in_memory.sources["source_id"], in_memory.sources["entity_id"]))
    assert in_memory.sources.set_index("name").loc["Carter", "entity_id"] != \
        in_memory.sources.set_index("name").loc["Ash Carter", "entity_id"].iat[0]


def test_a_long_source_name_is_cut_where_its_description_begins():
    from analystkit.sources import split_name

    assert split_name("a person who attended and described her remarks on the condition of anonymity") == \
        ("a person", "who attended and described her remarks on the condition of anonymity")
    assert split_name("Mary Kay Henry, president of the Service Employees International Union") == \
        ("Mary Kay Henry", "president of the Service Employees International Union")
    assert split_name("complaint, which was filed in federal district court in Washington today") == \
        ("complaint", "which was filed in federal district court in Washington today")
    assert split_name("a senior U.S. official familiar with the talks") == \
        ("a senior U.S. official familiar with the talks", None), "eight words or fewer stay whole"


def test_sources_keep_short_names_in_a_parsed_article():
    parsed = analystkit.parse("A retired teacher who has lived in the town for forty years and runs its food bank "
                              "said the plan would help families.", published="2024-03-06")
    [source] = parsed.sources.itertuples()
    assert len(source.name.split()) <= 8 and source.description and "forty years" in source.description


def test_linking_batch_by_batch_gives_the_entities_of_linking_at_once():
    """A corpus run feeds the linker one batch at a time (and compacts what it keeps every 16 batches)."""
    corpus = analystkit.parse_many([{"text": text, "published": day, "title": f"Notes {n} of edition {e}"}
                                    for e in range(3) for n, (text, day) in enumerate(ARTICLES)])
    whole, whole_ids = entities.build(corpus.sources, corpus.claims, corpus.articles)
    linker = entities.Linker()
    alone = [linker.add(part.sources, part.claims, part.articles)
             for part in (corpus.subset(a) for a in corpus.articles["article_id"])]  # 24 batches
    fed = pd.concat([*alone, linker.finish()], ignore_index=True)
    pd.testing.assert_frame_equal(fed, whole)
    assert list(linker.entity_ids(corpus.sources)) == list(whole_ids)


@given(st.from_regex(r"[A-Z][a-z]{1,9} [A-Z][a-z]{1,11}", fullmatch=True)
       | st.sampled_from(["Van Halen", "Mary Jr", "Doctor Who", "Dana Ruiz", "Judicial Watch", "Bill Price"]))
def test_two_word_names_are_read_as_nameparser_reads_them(name):
    from nameparser import HumanName

    from analystkit.entities import _normal, _person, _titles

    parsed = HumanName(name)  # what _person's quick path for "First Last" must agree with
    if any(_normal(word) not in _titles() for word in parsed.title.split()):
        expected = ("", "", "")
    else:
        first, last = _normal(parsed.first), _normal(parsed.last)
        expected = ("", first, _normal(parsed.suffix)) if first and not last else (first, last, _normal(parsed.suffix))
    assert _person(name) == expected
