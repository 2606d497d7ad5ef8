"""Two parties in one article stating and negating the same act are a dispute, though neither is worded as a denial;
a shared word alone, a party against itself, or a description that may be the other side never are."""

from __future__ import annotations

from datetime import datetime

import pytest

from knowledge.extract.contradictions import polarity
from knowledge.extract.nlp import load_nlp
from knowledge.extract.pipeline import analyze_doc


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def contradictions(nlp, text):
    a = analyze_doc(nlp(text), datetime(2025, 5, 7))
    quote = lambda c: text[c.content[0] : c.content[1]]  # noqa: E731
    return [(quote(a.claims[d.claim]), quote(a.claims[d.other])) for d in a.disputes if d.kind == "contradiction"]


def test_a_party_stating_the_act_the_other_negates_about_it_is_paired_with_it(nlp):
    text = (
        "Nordhavn Shipping said there had been no serious engagement from Marlow Bank over the sale. "
        "Marlow Bank’s special committee said: “We engaged in good faith with Nordhavn Shipping.”"
    )
    assert contradictions(nlp, text) == [
        (
            "there had been no serious engagement from Marlow Bank over the sale",
            "We engaged in good faith with Nordhavn Shipping",
        )
    ]


def test_a_party_never_contradicts_itself_through_its_own_officer(nlp):
    text = (
        "Nordhavn Shipping said there had been no serious engagement from Marlow Bank over the sale. "
        "Nordhavn Shipping’s chief executive said the company engaged with Marlow Bank every week."
    )
    assert contradictions(nlp, text) == []


def test_a_description_that_may_be_the_other_side_is_never_set_against_it(nlp):
    text = (
        "The two firms signed an agreement that Marlow Bank would engage with Nordhavn Shipping. "
        "Nordhavn Shipping said there had been no engagement from Marlow Bank."
    )
    assert contradictions(nlp, text) == []


def test_a_shared_act_between_statements_about_different_things_pairs_nothing(nlp):
    text = (
        "Erik Solberg said the ferry company improved its winter timetable. "
        "Lise Moen said the council did not improve the harbour road."
    )
    assert contradictions(nlp, text) == []


def test_refusing_or_failing_to_act_negates_the_act_and_saying_or_thinking_states_none(nlp):
    refused = polarity(nlp("The board refused to improve the wages and failed to repair the crane"))
    assert {("improv", "the board"), ("repair", "the board")} <= refused.negated
    assert not {w for w, _ in refused.stated} & {"improv", "repair"}
    hedged = polarity(nlp("I don't think I had one story written about it"))
    assert not {w for w, _ in hedged.negated | hedged.stated} & {"think", "writ"}


def test_what_someone_ought_to_do_or_what_another_did_is_no_answer_to_their_denial(nlp):
    ought = (
        "Erik Solberg said Lise Moen should publish the harbour accounts. "
        "Lise Moen said she had not published the harbour accounts."
    )
    assert contradictions(nlp, ought) == []
    another = (
        "Erik Solberg said Lise Moen would require every clerk to sign a secrecy pledge. "
        "Lise Moen said Solberg himself never signed a secrecy pledge."
    )
    assert contradictions(nlp, another) == []


def test_one_answering_for_the_act_the_other_says_it_did_is_paired(nlp):
    text = (
        "Erik Solberg said Lise Moen had touched the ballot box. Lise Moen said she had never touched the ballot box."
    )
    assert contradictions(nlp, text) == [
        ("Lise Moen had touched the ballot box", "she had never touched the ballot box")
    ]
