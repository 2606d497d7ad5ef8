"""A statement worded as no denial still rebuts another party's claim when it says categorically that what the claim
states is not so: its negating sentences restate the claim's words, the two parties speak of each other, both are
named, and the claim negates nothing."""

from __future__ import annotations

import pytest

from knowledge.extract.counters import counters, negated_words, restates
from knowledge.extract.nlp import load_nlp
from tests.unit.dispute_pairs import pairs


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_a_categorical_denial_in_other_words_rebuts_the_claim_of_the_party_it_names(nlp):
    text = (
        "Ada Holt said she had settled the border row by raising the grain levy in her calls with Lise Moen. "
        "Lise Moen said she told Ada Holt that the grain levy was never raised in any of their calls."
    )
    found = pairs(nlp, text)
    assert found, "the denial in other words is paired"
    assert all(claim.startswith("she had settled") and "was never raised" in rebuttal for claim, rebuttal in found)


def test_a_counter_statement_pairs_with_the_claim_it_negates_whichever_comes_first(nlp):
    text = (
        "Foreign Minister Lise Moen said the grain levy was never raised in any of her calls with Ada Holt. "
        "Ada Holt said she had settled the border row by raising the grain levy in her calls with Moen."
    )
    found = pairs(nlp, text)
    assert len(found) == 1
    claim, rebuttal = found[0]
    assert claim.startswith("she had settled") and rebuttal.startswith("the grain levy was never raised")


def test_a_categorical_negation_by_a_party_that_speaks_of_no_one_in_the_claim_counters_nothing(nlp):
    text = (
        "Ada Holt said the grain levy had been raised in the spring talks. "
        "Per Ahl said the grain levy was never raised in the spring talks."
    )
    assert pairs(nlp, text) == []


def test_a_negating_sentence_of_a_statement_is_what_it_says_is_not_so():
    said = "There was no talk of a loan at any level. The talks were held directly between the two towns."
    assert negated_words(said) == {"talk", "loan", "level"}


def test_two_statements_that_both_negate_do_not_counter_each_other():
    assert not restates("the levy was never raised in the talks", "the talks did not end with a levy")


def test_a_claim_worded_as_a_refusal_is_not_countered_by_a_statement_that_agrees_nothing_was_done():
    # "disappointed by its refusal to engage" / "we never saw a basis to engage in discussions": no dispute
    assert not restates("we never saw a basis to engage in discussions", "its refusal to engage in discussions")


def test_a_counter_restates_a_share_of_the_claim_not_two_words_of_a_long_one():
    assert restates("the levy on grain never rose", "the levy on grain rose")
    claim = "the levy on grain, timber, salt and wool rose sharply at the northern ports after the winter storms"
    counter = (
        "none of the ferry fares, harbour dues or pilot charges went up in the southern towns after the winter storms"
    )
    assert not restates(counter, claim)


def test_a_counter_must_negate_the_claims_own_words_not_words_it_states_afterwards(nlp):
    text = (
        "Mayor Ada Holt said the ferry crossing was agreed directly between the two towns. "
        "Councillor Per Ahl said Ada Holt told him that no fare rise was ever discussed at any level. "
        "The crossing was agreed directly between the two towns, Ahl said."
    )
    assert pairs(nlp, text) == []


def test_only_a_categorical_negation_of_a_statement_can_counter():
    assert not counters("assert", "the levy was raised in the talks")
    assert not counters("assert", "he backs an exception, but not for a first offence")
    assert not counters("assert", "never to raise the levy", "refuse")
    assert counters("assert", "the levy was never raised in the talks")
    assert counters("assert", "none of the levies were raised")


def test_a_described_party_that_may_include_the_claimant_never_counters_a_named_one(nlp):
    text = (
        "The two firms signed a pact that Norvik would engage constructively on the bid. "
        "Westport said Norvik had never engaged constructively on the bid since the pact."
    )
    assert pairs(nlp, text) == []
