"""One date per event across its reports: a stated calendar day beats relative words, the earliest relative
report beats later ones, a publish-date fallback never beats a stated date, and the line cites the dating report."""

from __future__ import annotations

import dataclasses
from datetime import date

from knowledge.brief.event_dates import Stated, cited_first, dating_row, may_be_one_day, stated
from knowledge.brief.storylines import Member, Storyline
from tests.unit.storyline_members import member

FERRY = ("person:ilse-varga", "person:tomas-berger")


def _report(key: str, doc: str, outlet: str, published: int, happened: int, how: Stated, text: str) -> Member:
    """A report of the ferry talks published on `published` May that dates them to `happened` May."""
    m = member(key, text, doc=doc, outlet=outlet, day=published, trigger="meet", entities=FERRY)
    precision = "reported" if how == Stated.REPORTED else "day"
    return dataclasses.replace(m, when=date(2025, 5, happened), precision=precision, stated=how)


def test_a_named_month_or_year_is_a_stated_date_and_weekdays_or_yesterday_are_relative():
    assert stated("June 21", "day") == Stated.CALENDAR_DAY
    assert stated("on 21 June 2025", "day") == Stated.CALENDAR_DAY
    assert stated("yesterday", "day") == Stated.RELATIVE_DAY
    assert stated("late Friday", "day") == Stated.RELATIVE_DAY
    assert stated("last week", "week") == Stated.COARSE
    assert stated(None, "unknown") == Stated.REPORTED
    assert stated("Thursday", "day", unresolved=True) == Stated.REPORTED


def test_an_event_dated_a_day_apart_by_two_articles_shows_the_calendar_day_one_of_them_states():
    relative = _report("e:1", "d1", "ledger", 6, 4, Stated.RELATIVE_DAY, "Varga met Berger on Sunday in Lindenport.")
    calendar = _report("e:2", "d2", "wire", 7, 5, Stated.CALENDAR_DAY, "Varga and Berger met on May 5 in Lindenport.")
    talks = Storyline("st-1", [relative, calendar])
    assert talks.shown_dates() == (date(2025, 5, 5), date(2025, 5, 5))
    assert talks.citations[0].document_id == "d2"  # the report whose words give the date is cited first


def test_among_relative_dates_the_earliest_report_dates_the_event():
    early = _report("e:1", "d1", "ledger", 5, 4, Stated.RELATIVE_DAY, "Varga met Berger yesterday in Lindenport.")
    late = _report("e:2", "d2", "wire", 8, 3, Stated.RELATIVE_DAY, "Varga met Berger on Saturday in Lindenport.")
    talks = Storyline("st-1", [late, early])
    assert talks.shown_dates() == (date(2025, 5, 4), date(2025, 5, 4))
    assert talks.citations[0].document_id == "d1"


def test_a_publish_date_fallback_never_overrides_a_date_the_text_states():
    undated = _report("e:1", "d1", "ledger", 3, 3, Stated.REPORTED, "Varga met Berger in Lindenport.")
    dated = _report("e:2", "d2", "wire", 6, 5, Stated.RELATIVE_DAY, "Varga met Berger yesterday in Lindenport.")
    talks = Storyline("st-1", [undated, dated])
    assert talks.shown_dates() == (date(2025, 5, 5), date(2025, 5, 5))
    assert talks.citations[0].document_id == "d2"


def test_two_different_events_of_one_storyline_still_show_the_span_between_them():
    meeting = _report("e:1", "d1", "ledger", 5, 4, Stated.CALENDAR_DAY, "Varga met Berger on May 4 in Lindenport.")
    signing = dataclasses.replace(
        _report("e:2", "d2", "wire", 8, 7, Stated.CALENDAR_DAY, "Varga and Berger signed the deal on May 7."),
        trigger="sign",
    )
    assert Storyline("st-1", [meeting, signing]).shown_dates() == (date(2025, 5, 4), date(2025, 5, 7))


def test_dates_a_day_apart_may_be_one_event_only_when_relative_words_gave_one_of_them():
    may4, may5 = date(2025, 5, 4), date(2025, 5, 5)
    assert may_be_one_day(may4, may5, Stated.RELATIVE_DAY, Stated.CALENDAR_DAY, 1)
    assert not may_be_one_day(may4, may5, Stated.CALENDAR_DAY, Stated.CALENDAR_DAY, 1)
    assert not may_be_one_day(may4, date(2025, 5, 7), Stated.RELATIVE_DAY, Stated.RELATIVE_DAY, 1)
    assert not may_be_one_day(may4, may5, Stated.COARSE, Stated.RELATIVE_DAY, 1)
    assert may_be_one_day(None, may5, Stated.REPORTED, Stated.CALENDAR_DAY, 1)


def test_the_row_that_dates_a_grouped_event_is_the_one_stating_a_calendar_day():
    rows = [
        {"document_id": "d1", "start": 0, "published_at": "2025-05-06T09:00:00+00:00", "date_text": "Sunday",
         "date_precision": "day", "date_unresolved": 0},
        {"document_id": "d2", "start": 40, "published_at": "2025-05-07T09:00:00+00:00", "date_text": "May 5",
         "date_precision": "day", "date_unresolved": 0},
        {"document_id": "d3", "start": 9, "published_at": "2025-05-02T09:00:00+00:00", "date_text": None,
         "date_precision": "unknown", "date_unresolved": 0},
    ]  # fmt: skip
    assert dating_row(rows)["document_id"] == "d2"


def test_when_no_report_states_a_date_the_reports_keep_their_order():
    rows = [
        {"document_id": "d2", "start": 0, "published_at": "2025-05-07T09:00:00+00:00", "date_text": None,
         "date_precision": "unknown", "date_unresolved": 0},
        {"document_id": "d1", "start": 9, "published_at": "2025-05-02T09:00:00+00:00", "date_text": None,
         "date_precision": "unknown", "date_unresolved": 0},
    ]  # fmt: skip
    assert dating_row(rows)["document_id"] == "d2"  # the latest report, as the store reads them, as before
    assert [r["document_id"] for r in cited_first(rows)] == ["d2", "d1"]
    undated = _report("e:1", "d1", "ledger", 3, 3, Stated.REPORTED, "Varga met Berger in Lindenport.")
    later = _report("e:2", "d2", "wire", 2, 2, Stated.REPORTED, "Varga and Berger met in Lindenport.")
    assert Storyline("st-1", [undated, later]).citations[0].document_id == "d2"  # by publication, as before


def test_a_sentence_states_its_own_day_only_before_its_verb():
    from knowledge.brief.event_dates import head_day

    sent = date(2025, 1, 18)
    assert head_day("Today (January 17), the harbour court ruled to uphold the ban", sent) == date(2025, 1, 17)
    assert head_day("The harbour court on Jan. 17 upheld the ban", sent) == date(2025, 1, 17)
    assert head_day("The operator will ask the court to review the January 10 ruling", sent) is None
    assert head_day("The board said it had not received a stay, despite asking for one on January 7", sent) is None
    assert head_day("The port may close on January 19", sent) is None
    assert head_day("On January 20 the port closed", sent) is None  # after the report: a misread, no date


def test_a_weekday_of_the_sentences_main_clause_dates_its_event_counted_back_from_the_report():
    from knowledge.brief.event_dates import head_day

    thursday = date(2025, 3, 13)
    assert head_day("Dockers at Galen rejected the owners' offer on Wednesday, extending the strike", thursday) == date(
        2025, 3, 12
    )
    assert head_day("The harbour court on Thursday upheld the ban on night shifts", thursday) == thursday
    assert head_day("Galen Ports sued the union on Monday over the blockade", thursday) == date(2025, 3, 10)
    assert head_day("Yesterday, the union filed its answer", thursday) == date(2025, 3, 12)


def test_a_weekday_that_is_a_deadline_a_coming_day_or_another_clauses_day_dates_nothing():
    from knowledge.brief.event_dates import head_day

    thursday = date(2025, 3, 13)
    assert head_day("The court extended the order until midnight Friday to allow an appeal", thursday) is None
    assert head_day("The union will meet the owners on Monday", thursday) is None
    assert head_day("The union said it plans to strike on Saturday", thursday) is None
    assert head_day("The court upheld a rule that would close the port on Sunday", thursday) is None
    assert head_day("The city expelled the envoy, ordering him to leave before midnight on Sunday", thursday) is None
