"""Reading every supported input: text, Markdown, HTML, JSON, JSON Lines, CSV, folders, strings."""
import warnings
from datetime import datetime

import pytest

import analystkit
from analystkit.ingest import AnalystkitWarning, read_articles
from conftest import DATA, FIXTURES, SEED


def test_plain_text_with_headline_and_dateline_gives_title_and_date():
    [article], errors = read_articles([DATA / "wikinews-2008-08-15-sensitive-canadian-document-found.txt"])
    assert errors == []
    assert article.title == "Sensitive Canadian document found on rainy streets"
    assert article.published == datetime(2008, 8, 15)
    assert article.published_from == "dateline"
    assert "A sensitive Environment Canada document was found wet on an Ottawa street" in article.text


def test_markdown_front_matter_is_metadata_not_text():
    [article], _ = read_articles([FIXTURES / "wikinews-iodine.md"])
    assert article.title == "Australian children suffering from iodine deficiency"
    assert article.outlet == "Wikinews"
    assert article.published == datetime(2006, 2, 23)
    assert article.url.startswith("https://en.wikinews.org/")
    assert "---" not in article.text and "outlet:" not in article.text
    assert not article.text.startswith("#"), "the Markdown heading mark is not article text"


def test_html_page_gives_article_text_and_metadata_without_page_furniture():
    [article], errors = read_articles([FIXTURES / "whitehouse-bedingfield.html"])
    assert errors == []
    assert article.title.startswith("Kate Bedingfield to Depart the White House")
    assert article.outlet == "The White House"
    assert article.author == "White House Press Office"
    assert article.published.date().isoformat() == "2022-07-06"
    assert "said White House Chief of Staff Ron Klain" in article.text
    assert "1600 Pennsylvania" not in article.text and "Briefing Room" not in article.text


def test_real_saved_html_page_from_data():
    [article], errors = read_articles([DATA / "centcom-2015-11-02-airstrikes-continue-against-isil-syria-iraq.html"])
    assert errors == []
    assert "coalition military forces continued to attack ISIL terrorists" in article.text
    assert article.published.date().isoformat() == "2015-11-02"
    # the list of strikes, set apart with <br> on the page, is one paragraph per strike, bullets dropped
    paragraphs = [article.text[p.body_start:p.end] for p in article.paragraphs]
    assert "Near Bayji, one strike struck an ISIL tactical unit and destroyed an ISIL fighting position." in paragraphs
    assert "Iraq" in paragraphs and not any(p.startswith("*") for p in paragraphs)


def test_json_object_with_metadata():
    [article], _ = read_articles([DATA / "wikinews-2017-07-21-afghan-girls-robotics-team.json"])
    assert article.outlet == "Wikinews"
    assert article.author == "Wikinews contributors"
    assert article.published == datetime(2017, 7, 21)
    assert article.published_from == "metadata"


def test_json_lines_reads_good_records_and_reports_bad_ones_by_line():
    path = FIXTURES / "wikinews-records.jsonl"
    articles, errors = read_articles([path])
    assert [a.input for a in articles] == [f"{path}#1", f"{path}#3"]
    assert articles[0].title == "Sensitive Canadian document found on rainy streets"  # "headline" field
    assert articles[0].outlet == "Wikinews"  # "publisher" field
    assert {e.input: e.stage for e in errors} == {f"{path}#2": "read", f"{path}#4": "read"}
    assert "invalid JSON on line 2" in errors[0].message
    assert "no text field" in errors[1].message


def test_csv_rows_become_articles_with_their_columns():
    articles, errors = read_articles([FIXTURES / "whitehouse-releases.csv"])
    assert errors == []
    assert [a.published.date().isoformat() for a in articles] == ["2022-07-06", "2024-02-16"]
    assert all(a.outlet == "The White House" and a.url.startswith("https://") for a in articles)


def test_folder_of_mixed_files_reads_each_and_skips_readme():
    articles, errors = read_articles([FIXTURES])
    inputs = {a.input for a in articles} | {e.input for e in errors}
    assert not any("README" in i for i in inputs)
    assert len(articles) == 6 and len(errors) == 2
    ids = [a.article_id for a in articles]
    assert len(set(ids)) == 6 and ids == [a.article_id for a in read_articles([FIXTURES])[0]]


def test_python_string_is_article_text():
    [article], _ = read_articles(["The mayor said on Monday that the bridge will reopen."])
    assert article.input == "<text 1>"
    assert article.text == "The mayor said on Monday that the bridge will reopen."


def test_dict_record():
    [article], _ = read_articles([{"title": "T", "body": "Officials said the plan works.", "date": "2024-01-02"}])
    assert article.title == "T" and article.published == datetime(2024, 1, 2)


def test_utf8_with_bom_has_no_bom_in_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SEED.read_bytes())
    [article], _ = read_articles([path])
    assert not article.text.startswith("\ufeff")
    assert article.text.startswith("May 17, 2023")
    assert article.raw_text.startswith("May 17, 2023")


def test_cp1252_smart_quotes_are_decoded_with_a_warning(tmp_path):
    text = "“We have made clear to Iran,” he said. The IDF didn’t respond."
    path = tmp_path / "windows.txt"
    path.write_bytes(text.encode("cp1252"))
    with pytest.warns(AnalystkitWarning, match="cp1252"):
        [article], errors = read_articles([path])
    assert errors == []
    assert "“We have made clear to Iran,”" in article.text and "didn’t" in article.text


def test_published_argument_is_a_fallback_for_undated_articles():
    undated = "Officials said the plan would work."
    [a], _ = read_articles([undated, ], published="2021-03-04")
    assert a.published == datetime(2021, 3, 4)
    [b], _ = read_articles([SEED], published="2021-03-04")
    assert b.published == datetime(2023, 5, 17), "the article's own dateline wins over a batch default"


def test_parse_published_argument_overrides_the_dateline(seed_text):
    parsed = analystkit.parse(seed_text, published="2023-05-18")
    assert parsed.article["published"] == datetime(2023, 5, 18)
    assert parsed.article["published_from"] == "argument"


def test_parse_rejects_a_published_value_that_is_not_a_date():
    with pytest.raises(ValueError, match="not a date"):
        analystkit.parse("Officials said the plan works.", published="next Tuesday-ish")


def test_no_warnings_for_clean_utf8():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_articles([DATA])
