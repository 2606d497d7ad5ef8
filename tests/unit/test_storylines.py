"""Grouping events and claims into storylines: structure first, then near-identical words."""

from __future__ import annotations

import random

from knowledge.brief.storylines import content_words, group
from tests.unit.storyline_members import member, strike_story


def _keys(storylines) -> set[frozenset[str]]:
    return {frozenset(m.key for m in s.members) for s in storylines}


def test_one_event_reported_by_two_outlets_is_one_storyline_counting_both_and_the_copy():
    members, disputes = strike_story()
    by_key = {frozenset(m.key for m in s.members): s for s in group(members, disputes)}
    strike = by_key[frozenset({"e:1", "e:2"})]
    assert strike.outlets == ["Harbor Ledger", "Northern Wire", "Bay Echo"]
    assert strike.independent == 2
    assert strike.outlet_label() == "3 outlets, 2 original"
    assert len(strike.citations) == 2


def test_a_claim_and_its_denial_are_one_storyline_that_remembers_the_pairing():
    members, disputes = strike_story()
    storylines = group(members, disputes)
    pair = next(s for s in storylines if s.disputes)
    assert {m.key for m in pair.members} == {"c:1", "c:2"}
    assert pair.disputes == [("c:1", "c:2")]


def test_the_same_person_meeting_two_different_people_is_two_storylines():
    a = member(
        "e:a",
        "Tomas Berger met Maria Lindqvist in Lindenport.",
        doc="a",
        trigger="meet",
        entities=("person:tomas-berger", "person:maria-lindqvist"),
    )
    b = member(
        "e:b",
        "Tomas Berger met Jon Haddad in Lindenport.",
        doc="b",
        outlet="wire",
        trigger="meet",
        entities=("person:tomas-berger", "person:jon-haddad"),
    )
    assert len(group([a, b])) == 2


def test_reports_of_one_event_weeks_apart_stay_separate():
    a = member(
        "e:a",
        "Dockers walked out at the port of Lindenport over pay.",
        doc="a",
        trigger="strike",
        entities=("org:dockers-union",),
        day=1,
    )
    b = member(
        "e:b",
        "Dockers walked out at the port of Lindenport over pay.",
        doc="b",
        outlet="wire",
        trigger="strike",
        entities=("org:dockers-union",),
        day=28,
    )
    assert len(group([a, b])) == 2


def test_a_claim_reporting_an_event_joins_it_when_it_uses_the_trigger_with_the_same_actors():
    event = member(
        "e:a",
        "Berger met Lindqvist at the town hall on Friday.",
        doc="a",
        trigger="meet",
        entities=("person:tomas-berger", "person:maria-lindqvist"),
        day=9,
    )
    claim = member(
        "c:a",
        "Tomas Berger met Maria Lindqvist before the talks ended",
        doc="b",
        outlet="wire",
        kind="claim",
        speaker="org:town-hall",
        speaker_name="the town hall",
        stance="report",
        day=10,
        entities=("person:tomas-berger", "person:maria-lindqvist"),
    )
    assert len(group([event, claim])) == 1


def test_a_short_text_made_of_shared_names_does_not_pull_in_a_longer_one():
    long = member(
        "e:a",
        "Harbor chief Anna Novak opened the new quay in Lindenport with Mayor Tomas Berger.",
        doc="a",
        trigger="open",
        entities=("person:anna-novak",),
    )
    short = member(
        "c:a",
        "an account given by Mayor Tomas Berger",
        doc="b",
        outlet="wire",
        kind="claim",
        speaker="person:anna-novak",
        speaker_name="Anna Novak",
        stance="deny",
    )
    assert len(group([long, short])) == 2


def test_the_same_speaker_going_on_in_the_next_sentence_stays_in_one_storyline():
    a = member(
        "c:a",
        "that the union had accepted any offer",
        doc="a",
        kind="claim",
        start=0,
        speaker="person:maria-lindqvist",
        speaker_name="Maria Lindqvist",
        stance="deny",
    )
    b = member(
        "c:b",
        "that her words had been twisted by the mayor's office",
        doc="a",
        kind="claim",
        start=120,
        speaker="person:maria-lindqvist",
        speaker_name="Lindqvist",
        stance="deny",
    )
    c = member(
        "c:c",
        "that the harbour will reopen next month",
        doc="a",
        kind="claim",
        start=2000,
        speaker="person:maria-lindqvist",
        speaker_name="Lindqvist",
        stance="forecast",
    )
    assert _keys(group([a, b, c])) == {frozenset({"c:a", "c:b"}), frozenset({"c:c"})}


def test_storyline_ids_do_not_depend_on_the_order_of_members():
    members, disputes = strike_story()
    first = {frozenset(m.key for m in s.members): s.id for s in group(members, disputes)}
    shuffled = members[:]
    random.Random(4).shuffle(shuffled)
    second = {frozenset(m.key for m in s.members): s.id for s in group(shuffled, disputes)}
    assert first == second


def _reworded(n: int) -> list:
    """n stories, each reported twice in slightly different words, with distinct rare words per story."""
    out = []
    for i in range(n):
        words = f"ferry{i} harbour{i} cargo{i} crane{i} pier{i}"
        out.append(member(f"e:{i}a", f"The {words} closed after a storm hit the coast", doc=f"a{i}", trigger=f"t{i}a"))
        out.append(
            member(
                f"e:{i}b",
                f"The {words} closed when a storm hit the coast",
                doc=f"b{i}",
                outlet="wire",
                trigger=f"t{i}b",
            )
        )
    return out


def test_minhash_lsh_candidates_find_the_same_storylines_as_the_word_index():
    members = _reworded(60)
    by_index = _keys(group(members, lsh_above=10_000))
    by_lsh = _keys(group(members, lsh_above=10))
    assert by_index == by_lsh
    assert len(by_index) == 60


def test_content_words_drop_function_words_accents_and_possessives():
    assert content_words("The envoy's talks with Tsikhanoŭski were held") == ["envoy", "talk", "tsikhanouski", "hold"]


def test_a_speaker_repeating_a_claim_months_later_is_a_new_development_with_its_denial_beside_it():
    said = dict(kind="claim", speaker="person:tomas-berger", speaker_name="Tomas Berger", stance="assert")
    first = member("c:may", "that the port deal was his work alone", doc="may", month=5, day=2, **said)
    again = member("c:sep", "that the port deal was his work alone", doc="sep", month=9, day=2, **said)
    denial = member(
        "c:no",
        "that the port deal was anyone's work but the union's",
        doc="no",
        outlet="wire",
        month=9,
        day=3,
        kind="claim",
        speaker="person:maria-lindqvist",
        speaker_name="Maria Lindqvist",
        stance="deny",
    )
    storylines = group([first, again, denial], [("c:may", "c:no")])
    assert _keys(storylines) == {frozenset({"c:may", "c:no"}), frozenset({"c:sep"})}
    assert next(s for s in storylines if s.disputes).disputes == [("c:may", "c:no")]


def _background(n: int) -> list:
    """Other articles on the topic, so that its own names are common words and carry no weight."""
    return [
        member(f"e:bg{n}{k}", f"Brill Holdings and Acme Freight of Lindenport met {k} times about the port plan.",
               doc=f"bg{n}{k}", outlet="post", day=1)
        for k in range(4)
    ]  # fmt: skip


def _withdrawal():
    """One outlet's report of a development, which the tests below set beside another outlet's report."""
    return member(
        "e:a",
        "Lindenport carrier Acme Freight said on Wednesday it was withdrawing its $9 billion takeover bid for "
        "Brill Holdings after months without talks.",
        doc="a",
        day=16,
    )


def test_two_outlets_telling_one_development_in_their_own_words_are_one_storyline():
    a = _withdrawal()
    b = member(
        "e:b",
        "Acme Freight announced Thursday it has withdrawn its $9 billion buyout proposal for Brill Holdings, the "
        "Lindenport carrier said in a letter.",
        doc="b",
        outlet="wire",
        day=17,
    )
    joined = [s for s in group([a, b, *_background(1)]) if {"e:a", "e:b"} <= {m.key for m in s.members}]
    assert len(joined) == 1 and joined[0].independent == 2


def test_two_developments_sharing_only_the_topics_names_stay_apart():
    a = _withdrawal()
    b = member(
        "e:b",
        "Brill Holdings named a new chief executive on Thursday and announced a share buyback, Lindenport "
        "carrier Acme Freight noted.",
        doc="b",
        outlet="wire",
        day=17,
    )
    assert not any({"e:a", "e:b"} <= {m.key for m in s.members} for s in group([a, b, *_background(2)]))


def test_irregular_past_forms_and_participles_count_as_their_verb():
    assert content_words("Acme withdrew the offer") == content_words("Acme has withdrawn the offer")
    assert content_words("Acme withdrew the offer") == content_words("Acme withdraws the offer")
