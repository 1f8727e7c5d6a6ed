"""The teaching checks: right answers pass, wrong ones get a reason a student can act on."""
import pytest

from analystkit import exercises
from conftest import article_id_of


@pytest.fixture()
def a1(seed_id):
    return seed_id


@pytest.fixture()
def a9(data_tables):
    return article_id_of(data_tables, "wikinews-2023")


def test_anonymous_sources_right_and_wrong(data_tables, a1):
    right = list(data_tables.sources.query("article_id == @a1 and kind == 'anonymous'").name)
    assert exercises.check_anonymous_sources(right, data_tables, a1).ok
    feedback = exercises.check_anonymous_sources(right[1:] + ["Phillip Ventura", "IDF"], data_tables, a1)
    assert not feedback.ok
    text = str(feedback)
    assert f"missing: {right[0]!r}" in text
    assert "'Phillip Ventura' is a named person" in text and "'IDF' is an organisation" in text


def test_unanswered_exercises_say_what_to_do(data_tables, a1):
    for feedback in (exercises.check_anonymous_sources(..., data_tables, a1),
                     exercises.check_anonymous_shares(..., data_tables, [a1]),
                     exercises.check_date_fix(..., data_tables, a1, "two weeks ago")):
        assert not feedback.ok and "Replace ..." in str(feedback)


def test_anonymous_shares_are_claims_not_sources(data_tables, a1, a9):
    right = {a: exercises.anonymous_share(data_tables, a) for a in (a1, a9)}
    assert exercises.check_anonymous_shares(right, data_tables, [a1, a9]).ok
    by_sources = data_tables.sources.query("article_id == @a1").kind.eq("anonymous").mean()
    feedback = exercises.check_anonymous_shares({a1: by_sources, a9: right[a9]}, data_tables, [a1, a9])
    assert not feedback.ok and "count claims, not sources" in str(feedback)


def test_date_fix_uses_the_dateline(data_tables, a1):
    assert exercises.check_date_fix(("2023-05-01", "2023-05-07"), data_tables, a1, "two weeks ago").ok
    late = exercises.check_date_fix(("2023-06-12", "2023-06-18"), data_tables, a1, "two weeks ago")
    assert not late.ok and "days late" in str(late) and "dateline" in str(late)
    assert not exercises.check_date_fix(("2023-05-01", "2023-05-07"), data_tables, a1, "next year").ok
