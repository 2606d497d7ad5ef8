"""People named by a title held at an organisation: "the chief executive of X" is the person the article names in
that role at X ("X president and CEO Y"), never one holding it at another organisation."""

from __future__ import annotations

import pytest

from knowledge.extract.nlp import load_nlp
from tests.claim_speakers import speakers_by_opening as speakers


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_the_chief_executive_of_a_company_is_the_person_the_article_names_in_that_role_there(nlp):
    text = (
        "The chief executive of Larchmont Foods Inc. says his company remains committed to the deal.\n"
        "Larchmont president and CEO Tom Berry said the offer was fair."
    )
    assert speakers(nlp, text)["his company remains"] == "Tom Berry"


def test_the_chief_executive_of_another_company_is_not_the_chief_executive_named_at_this_one(nlp):
    text = (
        "The chief executive of Orvel Holdings says his company will not sell.\n"
        "Larchmont president and CEO Tom Berry said the offer was fair."
    )
    assert speakers(nlp, text)["his company will"] != "Tom Berry"


def test_the_chief_executive_continues_the_ceo_named_before(nlp):
    text = (
        "Larchmont CEO Tom Berry met the bankers on Monday.\n"
        "The chief executive said the offer was fair and would not be raised."
    )
    assert speakers(nlp, text)["the offer was"] == "Tom Berry"
