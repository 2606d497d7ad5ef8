"""Digest times are local wall-clock times: DST moves them in UTC, never skips or doubles a day."""

from datetime import UTC, date, datetime

from knowledge.workspace.schedule import latest_occurrence, next_occurrence, occurrence_on
from knowledge.workspace.subscriptions import Subscription


def sub(at="08:00", tz="Europe/Berlin", created="2024-01-01T00:00:00+00:00"):
    return Subscription(1, "T1", "C1", "kellogg", None, at, tz, "U1", "active", None, False, None, created)


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def test_eight_in_berlin_is_seven_utc_in_winter_and_six_in_summer():
    assert occurrence_on(sub(), date(2025, 1, 15)) == utc(2025, 1, 15, 7)
    assert occurrence_on(sub(), date(2025, 7, 15)) == utc(2025, 7, 15, 6)


def test_the_days_around_the_spring_change_each_get_one_digest_at_eight_local():
    s = sub()
    times = [occurrence_on(s, date(2025, 3, d)) for d in (29, 30, 31)]  # DST starts 30 March 2025 in Berlin
    assert times == [utc(2025, 3, 29, 7), utc(2025, 3, 30, 6), utc(2025, 3, 31, 6)]


def test_only_the_latest_missed_occurrence_is_due_and_it_is_late():
    occ = latest_occurrence(sub(), utc(2025, 1, 18, 12))  # three days after the last digest
    assert occ.local_date == date(2025, 1, 18) and occ.late


def test_before_todays_time_the_latest_occurrence_is_yesterdays():
    occ = latest_occurrence(sub(), utc(2025, 1, 18, 6, 59))
    assert occ.local_date == date(2025, 1, 17)


def test_a_subscription_made_after_todays_time_waits_for_tomorrow():
    s = sub(created="2025-01-18T09:00:00+00:00")
    assert latest_occurrence(s, utc(2025, 1, 18, 10)) is None
    assert next_occurrence(s, utc(2025, 1, 18, 10)) == utc(2025, 1, 19, 7)


def test_a_time_that_does_not_exist_on_the_spring_change_still_fires_once_that_day():
    s = sub(at="02:30")
    at = occurrence_on(s, date(2025, 3, 30))
    assert at.date() == date(2025, 3, 30)
