"""Events: action, actors, date resolved against the publish date, place — and hearsay left to claims."""

from datetime import date, datetime

import pytest

from knowledge.extract.entities import find_entities
from knowledge.extract.events import find_events
from knowledge.extract.nlp import load_nlp

PUBLISHED = datetime(2025, 6, 24, 10)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def events(nlp, text, published=PUBLISHED, reported=()):
    doc = nlp(text)
    ents = find_entities(doc)
    found = find_events(doc, ents, published, list(reported))
    return [(ev, [ents.entities[a].name for a in ev.actors]) for ev in found]


def test_a_meeting_with_a_date_and_a_place_is_an_event_with_both(nlp):
    [(ev, actors)] = events(
        nlp, "The row began after a meeting on June 21 in Vilnius between Ana Ruiz and Pavel Sevruk."
    )
    assert ev.trigger == "meet" and ev.place_text == "Vilnius"
    assert (ev.date_start, ev.date_precision) == (date(2025, 6, 21), "day")
    assert set(actors) == {"Ana Ruiz", "Pavel Sevruk"}


def test_a_release_names_who_released_whom(nlp):
    found = events(nlp, "Belarus released the blogger Pavel Sevruk on Saturday.")
    ev, actors = next((e, a) for e, a in found if e.trigger == "release")
    assert actors == ["Belarus", "Pavel Sevruk"]
    assert ev.date_start == date(2025, 6, 21)


def test_late_thursday_is_resolved_against_the_publish_date(nlp):
    [(ev, actors)] = events(nlp, "Ana Ruiz landed in Warsaw late Thursday.", published=datetime(2025, 3, 14))
    assert (ev.date_start, ev.place_text, actors) == (date(2025, 3, 13), "Warsaw", ["Ana Ruiz"])


def test_without_a_publish_date_a_relative_date_is_kept_but_marked_unresolved(nlp):
    [(ev, _)] = events(nlp, "Ana Ruiz landed in Warsaw late Thursday.", published=None)
    assert ev.date_start is None and ev.date_unresolved and ev.date_text == "late Thursday"


def test_actions_inside_reported_speech_are_not_events(nlp):
    text = "Pavel Sevruk claimed that Ana Ruiz visited Warsaw on Monday."
    start = text.index("Ana Ruiz")
    assert events(nlp, text, reported=[(start, len(text) - 1)]) == []


def test_each_event_cites_its_own_sentence(nlp):
    text = "Storms hit the coast.\n\nAna Ruiz arrived in Gdansk on Monday. She left on Tuesday."
    found = events(nlp, text)
    assert "arrive" in {ev.trigger for ev, _ in found}
    for ev, _ in found:
        assert text[ev.span[0] : ev.span[1]] == ev.what and "\n" not in ev.what


def test_the_two_ministers_are_the_two_people_named_just_before(nlp):
    found = events(
        nlp,
        "Foreign Minister Anna Berg spoke with Pavel Domrin by phone on Monday. "
        "The two ministers met in Lindenport on Thursday.",
    )
    meeting = [actors for ev, actors in found if ev.trigger == "meet"]
    assert meeting and set(meeting[0]) == {"Anna Berg", "Pavel Domrin"}


def test_both_leaders_after_three_named_people_names_no_one(nlp):
    found = events(
        nlp,
        "Anna Berg, Pavel Domrin and Maria Lindqvist arrived in Lindenport on Monday. "
        "Both leaders signed the accord in Lindenport on Tuesday.",
    )
    signing = [actors for ev, actors in found if ev.trigger == "sign"]
    assert signing and all(not set(a) & {"Anna Berg", "Pavel Domrin", "Maria Lindqvist"} for a in signing)


def test_a_meeting_between_the_two_sides_takes_the_pair_named_before_as_participants(nlp):
    found = events(
        nlp,
        "Anna Berg had invited Pavel Domrin weeks ago. The meeting between the two sides took place in Riga on June 3.",
    )
    meeting = [actors for ev, actors in found if ev.trigger == "meet"]
    assert meeting and set(meeting[0]) == {"Anna Berg", "Pavel Domrin"}


def test_a_date_that_names_a_thing_does_not_date_what_was_done_to_it(nlp):
    found = events(nlp, "Through the mediator, the Harbor Company has now withdrawn its June 3 offer to Pavel Domrin.")
    withdrawals = [ev for ev, _ in found if ev.trigger == "withdraw"]
    assert withdrawals and all(ev.date_start is None for ev in withdrawals)


def test_a_weekday_before_night_or_morning_still_dates_the_event(nlp):
    [(ev, _)] = events(nlp, "On Tuesday night, Harbor chief executive Anna Berg released the latest offer.")
    assert ev.trigger == "release" and ev.date_start == date(2025, 6, 24)


def test_suing_and_filing_a_lawsuit_are_one_kind_of_event(nlp):
    sued = events(nlp, "Halvard Airways sued Norvik Data on Friday in Georgia.")
    filed = events(nlp, "Halvard Airways filed a lawsuit against Norvik Data on Friday.")
    assert sued and filed
    assert {e.trigger for e, _ in sued} == {e.trigger for e, _ in filed} == {"sue"}
    assert all("Halvard Airways" in actors for _, actors in sued + filed)


def test_a_court_ruling_a_blocked_deal_and_a_vote_are_events(nlp):
    assert [e.trigger for e, _ in events(nlp, "Judge Ana Ruiz ruled on Monday that Norvik Data must pay.")] == ["rule"]
    blocked = events(nlp, "President Pavel Sevruk blocked the takeover of Norvik Data on Friday.")
    assert "block" in {e.trigger for e, _ in blocked}
    voted = events(nlp, "Dock workers at Halvard Port voted on Sunday to reject the contract.")
    assert "vote" in {e.trigger for e, _ in voted}


def test_a_light_verb_without_an_event_noun_or_a_verb_with_another_particle_is_no_event(nlp):
    assert events(nlp, "Halvard Airways filed its quarterly report on Friday.") == []
    assert [e for e, _ in events(nlp, "Judge Ana Ruiz ruled out a delay on Monday.") if e.trigger == "rule"] == []
