"""Relative dates are placed against the publish date, keep their precision, and are never guessed without one."""

from datetime import date, datetime

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
