"""Compression only deletes words: titles, asides, trailing phrases and time words go; the clause stays."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from knowledge.brief.compress import compress

PEOPLE = ["Maria Lindqvist", "Tomas Berger", "Anna Novak"]


def test_titles_in_front_of_names_and_full_names_of_known_people_are_shortened():
    text = "Port authority chief Anna Novak met Deputy Mayor Tomas Berger on Tuesday in Lindenport."
    assert compress(text, PEOPLE) == "Port authority chief Novak met Berger in Lindenport"


def test_asides_between_commas_and_trailing_phrases_are_dropped():
    text = (
        "Maria Lindqvist, who has led the dockers' union since March, called a strike at the port, halting "
        "container traffic for the first time in years."
    )
    assert compress(text, PEOPLE) == "Lindqvist called a strike at the port"


def test_a_leading_that_of_reported_speech_goes():
    assert compress("that the union had agreed to a pay offer", PEOPLE) == "the union had agreed to a pay offer"


def test_a_deletion_that_would_leave_a_bare_name_is_undone():
    text = "Tomas Berger, a former harbour pilot turned mayor of the town."
    assert compress(text, PEOPLE) == "Berger, a former harbour pilot turned mayor of the town"


def test_an_aside_holding_a_year_is_kept_because_later_words_may_lean_on_it():
    text = "Anna Novak, who ran the port in 2019, was dismissed after that year's audit"
    assert "2019" in compress(text, PEOPLE)


def test_long_text_is_cut_at_a_clause_boundary():
    text = "The union said it would strike, and " + "the port would stay closed for a long time " * 6
    out = compress(text, PEOPLE, max_chars=80)
    assert len(out) <= 80
    assert out == "The union said it would strike"


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text)


@given(
    st.lists(
        st.sampled_from(
            [
                "Maria",
                "Lindqvist",
                "Tomas",
                "Berger",
                "envoy",
                "met",
                "the",
                "on",
                "Monday",
                ",",
                "who",
                "said",
                "that",
                "port",
                "in",
                "Lindenport",
                "leader",
                "a",
                "2019",
                "strike",
                "last",
                "week",
                "and",
                "halting",
            ]
        ),
        min_size=1,
        max_size=30,
    )
)
def test_every_word_of_a_compression_is_a_word_of_the_input(tokens):
    text = " ".join(tokens)
    source = set(_words(text))
    assert set(_words(compress(text, PEOPLE))) <= source | {"…"}
