"""Speakers of claims: pronouns, titles, relative "who" and shared surnames go to the nearest compatible person
the text supports, and what cannot be resolved stays as written."""

from __future__ import annotations

import pytest

from knowledge.extract.nlp import load_nlp
from tests.claim_speakers import claim_speakers as speakers


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_she_after_two_women_goes_to_the_one_just_named_not_to_the_earlier_topic(nlp):
    text = (
        "Lena Dorn had led the port talks for a year. She said on Monday that progress was slow. "
        "On Tuesday the operator's new head, Ingrid Moss, arrived in the city. She said the deal was close."
    )
    assert speakers(nlp, text)[-1] == ("the deal was", "Ingrid Moss")


def test_a_pronoun_skips_a_person_of_the_other_gender_the_text_has_shown(nlp):
    text = "Mr Karl Weiss met Hanna Roth at the station. She said the timetable would change in June."
    assert speakers(nlp, text) == [("the timetable would", "Hanna Roth")]


def test_a_deputy_introduced_before_his_quote_gets_it_while_his_boss_is_the_topic(nlp):
    text = (
        "Interior Minister Sofia Lane has been criticised for weeks. Her deputy, Tomas Berg, who runs the "
        'ministry\'s press office, spoke to reporters on Friday. "The review is almost finished," he said.'
    )
    assert ("The review is", "Tomas Berg") in speakers(nlp, text)


def test_a_title_later_in_the_article_goes_to_the_person_given_that_role(nlp):
    text = (
        "Rosa Kell, the ministry's spokeswoman, opened the briefing. Finance Minister Ivo Stan was absent. "
        "The spokeswoman said the budget would be published in May."
    )
    assert speakers(nlp, text)[-1] == ("the budget would", "Rosa Kell")


def test_an_unnamed_speaker_stays_as_written_and_his_pronoun_follows_him_not_a_named_person(nlp):
    text = (
        "Mayor Ida Holm was not at the meeting. A council spokesman said the vote had been delayed. "
        '"We need another week," he said.'
    )
    found = speakers(nlp, text)
    assert ("the vote had", "A council spokesman") in found and ("We need another", "A council spokesman") in found


def test_a_pronoun_with_no_compatible_person_before_it_is_left_unresolved(nlp):
    text = "Ms Ida Holm chaired the meeting. He said the vote had been delayed."
    assert speakers(nlp, text) == [("the vote had", "He")]


def test_a_title_nobody_in_the_article_holds_stays_as_written(nlp):
    text = "Ida Holm chaired the meeting. The treasurer said the accounts were in order."
    assert speakers(nlp, text) == [("the accounts were", "The treasurer")]


def test_a_bare_surname_two_people_share_is_the_one_named_last_before_it(nlp):
    text = (
        "Anna Lind runs the harbour board. Her brother, Erik Lind, runs the shipyard. "
        "Lind said the yard would hire forty welders."
    )
    assert speakers(nlp, text)[-1] == ("the yard would", "Erik Lind")


def test_they_goes_to_the_group_that_spoke_before(nlp):
    text = (
        "Inspectors visited the dam on Monday. Engineers said the wall was sound. They added that repairs would wait."
    )
    assert speakers(nlp, text)[-1] == ("that repairs would", "Engineers")
