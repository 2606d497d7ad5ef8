"""Relative dates are placed against the publish date, keep their precision, and are never guessed without one."""

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.extract.dates import resolve_date

PUBLISHED = datetime(2025, 3, 14, 9, 30)


def test_last_month_is_the_whole_previous_month():
    d = resolve_date("last month", PUBLISHED)
    assert (d.start, d.end, d.precision) == (date(2025, 2, 1), date(2025, 2, 28), "month")


def test_late_thursday_is_the_thursday_before_publication():
    d = resolve_date("late Thursday", PUBLISHED)
    assert (d.start, d.precision, d.unresolved) == (date(2025, 3, 13), "day", False)


def test_a_day_and_month_without_year_is_the_latest_one_not_after_publication():
    assert resolve_date("June 21", datetime(2025, 6, 24)).start == date(2025, 6, 21)
    assert resolve_date("June 21", PUBLISHED).start == date(2024, 6, 21)


def test_this_week_has_week_precision_starting_monday():
    d = resolve_date("this week", PUBLISHED)
    assert (d.start, d.end, d.precision) == (date(2025, 3, 10), date(2025, 3, 16), "week")


def test_earlier_this_year_runs_from_january_to_publication():
    d = resolve_date("earlier this year", PUBLISHED)
    assert (d.start, d.end, d.precision) == (date(2025, 1, 1), date(2025, 3, 14), "year")


def test_relative_dates_without_a_publish_date_are_marked_unresolved():
    for text in ("last month", "late Thursday", "June 21", "this week"):
        d = resolve_date(text, None)
        assert d.unresolved and d.start is None, text


def test_a_date_with_its_own_year_needs_no_publish_date():
    d = resolve_date("February 2022", None)
    assert (d.start, d.precision, d.unresolved) == (date(2022, 2, 1), "month", False)


def test_vague_periods_are_not_dates():
    assert resolve_date("recent weeks", PUBLISHED) is None
    assert resolve_date("decades", PUBLISHED) is None


def test_the_fast_reading_of_common_forms_agrees_with_dateparser():
    from datetime import timedelta

    from knowledge.extract.dates import _fast, _parser

    exprs = [
        "Thursday",
        "Monday",
        "Sunday",
        "June 21",
        "March 14",
        "Sept. 11",
        "Dec 31",
        "February 28",
        "Sept. 11, 2001",
        "June 21 2025",
        "March 2022",
        "October",
        "March",
        "2016",
        "Jan. 5",
        "4 April",
        "21 June 2025",
        "3rd May",
    ]
    for offset in range(0, 400, 37):
        anchor = datetime(2024, 2, 20, 9, 30) + timedelta(days=offset)
        for expr in exprs:
            fast = _fast(expr, anchor)
            assert fast is not None, expr
            data = _parser(anchor).get_date_data(expr)
            day = data.date_obj.date()
            if fast[1] in ("month", "year"):
                assert (day.year, day.month if fast[1] == "month" else 0, data.period) == (
                    fast[0].year,
                    fast[0].month if fast[1] == "month" else 0,
                    fast[1],
                ), (expr, anchor)
            else:
                assert (day, data.period) == fast, (expr, anchor)


WEDNESDAY = datetime(2025, 5, 14, 9, 0)


def test_a_past_weekday_is_the_one_before_publication():
    assert resolve_date("on Friday", WEDNESDAY, "past").start == date(2025, 5, 9)


def test_a_future_weekday_is_the_coming_one():
    assert resolve_date("on Friday", WEDNESDAY, "future").start == date(2025, 5, 16)


def test_a_past_or_present_weekday_may_be_the_publish_day_itself():
    assert resolve_date("on Wednesday", WEDNESDAY, "past").start == date(2025, 5, 14)
    assert resolve_date("Monday", WEDNESDAY, "present").start == date(2025, 5, 12)


def test_last_and_next_say_the_week_themselves():
    assert resolve_date("last Wednesday", WEDNESDAY, "past").start == date(2025, 5, 7)
    assert resolve_date("next Monday", WEDNESDAY, "future").start == date(2025, 5, 19)


def test_a_future_date_is_kept_only_for_a_future_verb():
    assert resolve_date("tomorrow", WEDNESDAY, "future").start == date(2025, 5, 15)
    assert resolve_date("next week", WEDNESDAY, "past") is None


DATE_WORDS = st.sampled_from(
    [
        "0000",
        "9999",
        "2016",
        "²²²²",
        "٢٠٢٥",
        "December 31",
        "January 1",
        "Feb 29",
        "next year",
        "last week",
        "Thursday",
        "tomorrow",
        "March 2022",
        "Sept. 11, 2001",
        "the following year",
        "31 December 0001",
        "December 31, 0000",
        "March 0000",
        "this year",
        "the week of December 31, 9999",
        "yesterday",
        "next Monday",
        "last Friday",
        "Sunday night",
    ]
)


@given(
    st.one_of(DATE_WORDS, st.text(max_size=40), st.lists(DATE_WORDS, max_size=3).map(" ".join)),
    st.one_of(
        st.none(),
        st.datetimes(timezones=st.just(UTC)),
        st.sampled_from([datetime(1, 1, 1, tzinfo=UTC), datetime(9999, 12, 31, 23, tzinfo=UTC)]),
    ),
    st.sampled_from([None, "past", "present", "future"]),
)
def test_any_date_words_in_any_article_resolve_or_are_not_a_date_never_an_error(text, published, tense):
    resolved = resolve_date(text, published, tense)
    assert resolved is None or (resolved.start is None) == (resolved.end is None)


def test_a_length_of_time_is_no_date():
    published = datetime(2025, 6, 19, tzinfo=UTC)
    assert resolve_date("35-minute", published) is None
    assert resolve_date("four-day", published) is None
    assert resolve_date("June 17", published) is not None


@pytest.mark.parametrize("length", ["three days", "two weeks", "10 years", "a few more days", "the three days"])
def test_a_length_of_time_with_nothing_placing_it_is_no_date(length):
    assert resolve_date(length, PUBLISHED) is None  # "the order was reduced to three days"


def test_a_count_of_days_ago_is_still_a_date():
    found = resolve_date("three days ago", PUBLISHED)
    assert found is not None and found.start < PUBLISHED.date()
