"""What users type after /brief: a topic and filters; bad filters explain the syntax."""

from datetime import date

import pytest

from knowledge.brief.query import QueryError, parse_query

TODAY = date(2025, 7, 1)


def test_filters_are_taken_out_of_the_topic_wherever_they_are():
    q = parse_query("since:7d kellogg from:nbc limit:5", today=TODAY)
    assert (q.topic, q.since, q.outlet, q.limit) == ("kellogg", date(2025, 6, 24), "nbc", 5)


def test_since_accepts_an_iso_date_and_periods_in_days_weeks_months_years():
    assert parse_query("x since:2025-06-01", today=TODAY).since == date(2025, 6, 1)
    assert parse_query("x since:2w", today=TODAY).since == date(2025, 6, 17)
    assert parse_query("x since:1m", today=TODAY).since == date(2025, 6, 1)


def test_a_quoted_topic_keeps_its_words_together():
    assert parse_query('"minerals deal" since:30d', today=TODAY).topic == "minerals deal"


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("kellogg since:yesterdayish", "since:yesterdayish is not a date"),
        ("kellogg limit:500", "limit:500 must be a number from 1 to 50"),
        ("kellogg sort:new", "unknown filter sort:"),
        ("since:7d", "no topic given"),
        ("kellogg from:", "from: needs a value"),
        ("kellogg since:9999y", "since:9999y reaches back before the year 1"),
    ],
)
def test_bad_filters_are_errors_that_show_the_syntax(text, fragment):
    with pytest.raises(QueryError) as err:
        parse_query(text, today=TODAY)
    assert fragment in str(err.value) and "since:7d" in str(err.value)


def test_a_url_in_the_topic_is_not_mistaken_for_a_filter():
    assert parse_query("https://example.org/story", today=TODAY).topic == "https://example.org/story"


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("?!", "no topic given"),
        ("the", "“the” is too general to brief on"),
        ("did not say", "“did not say” is too general"),
        ("x" * 201, "the topic is 201 characters long"),
    ],
)
def test_a_topic_that_cannot_name_anything_is_refused_with_the_reason(text, fragment):
    with pytest.raises(QueryError, match=fragment):
        parse_query(text, today=TODAY)


@pytest.mark.parametrize("text", ["US", "us", "WHO", "The Who", "it", "not kellogg", "x" * 200])
def test_short_names_and_acronyms_that_look_like_common_words_are_still_topics(text):
    assert parse_query(text, today=TODAY).topic == text
