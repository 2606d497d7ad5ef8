"""A person named again by a description ("the Quorvix founder", "the billionaire", "the Halvard Foods CEO") is the
person the text names for it: the holder of that role there, else the one person named just before; two people
there, or none, leave it as written."""

from __future__ import annotations

import pytest

from knowledge.extract.name_parts import glued_names
from knowledge.extract.nlp import load_nlp
from tests.claim_speakers import speakers_by_opening as speakers


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_the_founder_of_a_named_company_is_the_one_person_named_just_before(nlp):
    text = (
        "Brandt's lawsuit came a year after Tom Brandt first sued the startup he once funded. Last year, the "
        "Quorvix founder sued the app maker for breach of contract, alleging that it had betrayed its mission."
    )
    assert speakers(nlp, text)["that it had"] == "Tom Brandt"


def test_the_founder_after_two_people_stays_as_written(nlp):
    text = (
        "Tom Brandt met Sara Lind on Monday. Last year, the Quorvix founder sued the app maker, alleging that it "
        "had betrayed its mission."
    )
    assert speakers(nlp, text)["that it had"] == "the Quorvix founder"


def test_the_ceo_of_a_named_company_is_the_person_the_text_gives_that_role_there(nlp):
    text = "Halvard Foods CEO Sara Lind met Tom Brandt on Monday. The Halvard Foods CEO said that the suit was a sham."
    assert speakers(nlp, text)["that the suit"] == "Sara Lind"


def test_the_billionaire_is_the_one_person_named_just_before(nlp):
    text = "The app maker said Tom Brandt had lost interest. The billionaire said that the suit was a sham."
    assert speakers(nlp, text)["that the suit"] == "Tom Brandt"


def test_the_billionaire_after_two_people_stays_as_written(nlp):
    text = "Sara Lind and Tom Brandt spoke on Monday. The billionaire said that the suit was a sham."
    assert speakers(nlp, text)["that the suit"] == "The billionaire"


def test_a_headline_glueing_a_surname_to_a_company_is_no_persons_name(nlp):
    doc = nlp("Tom Brandt sued. Brandt Quorvix CEO sued.")
    spans = [doc[0:2], doc[4:6]]
    cands = [(s.text, "PERSON", s.start_char, s.end_char, s) for s in spans]
    assert glued_names(cands) == {"brandt quorvix"}


def test_a_description_after_a_surname_two_people_share_stays_as_written(nlp):
    text = (
        "Tom Brandt and Sara Brandt praised the plan on Monday. The team has said families would qualify under "
        "Brandt's broader plan. The Quorvix candidate proposes allowing parents to deduct the cost of care."
    )
    assert speakers(nlp, text)["allowing parents to"] == "The Quorvix candidate"
