"""A statement worded as no denial still rebuts another party's claim when it says that what the claim states is
not so: its negating sentences restate the claim's words, both speakers are named, and the claim negates nothing."""

from __future__ import annotations

from datetime import datetime

import pytest

from knowledge.extract.counters import counter_evidence, counters, negated_words
from knowledge.extract.nlp import load_nlp
from knowledge.extract.pipeline import analyze_doc


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def pairs(nlp, text):
    a = analyze_doc(nlp(text), datetime(2025, 5, 7))
    quote = lambda c: text[c.content[0] : c.content[1]]  # noqa: E731
    return [(quote(a.claims[d.claim]), quote(a.claims[d.other])) for d in a.disputes]


def test_a_statement_that_the_claimed_talks_were_never_decided_rebuts_the_announcement_of_them(nlp):
    text = (
        "Finance Minister Ada Holt said the two ports had agreed to hold talks on fishing quotas at a neutral venue. "
        "Harbour chief Lise Moen said the strike had ended through direct contact between the two ports, and that "
        "there had been no decision to hold talks on fishing quotas anywhere else."
    )
    found = pairs(nlp, text)
    assert found, "the counter-statement is paired"
    assert all("agreed to hold talks" in claim and "no decision" in rebuttal for claim, rebuttal in found)


def test_a_counter_statement_pairs_with_the_claim_it_negates_whichever_comes_first(nlp):
    text = (
        "Foreign Minister Lise Moen said the grain levy was never raised in any of her calls with Ada Holt. "
        "Ada Holt said she had settled the border row by raising the grain levy in her calls with Moen."
    )
    found = pairs(nlp, text)
    assert len(found) == 1
    claim, rebuttal = found[0]
    assert claim.startswith("she had settled") and rebuttal.startswith("the grain levy was never raised")


def test_a_negating_sentence_of_a_statement_is_what_it_says_is_not_so():
    said = "There was no talk of a loan at any level. The talks were held directly between the two towns."
    assert negated_words(said) == {"talk", "loan", "level"}


def test_two_statements_that_both_negate_do_not_counter_each_other():
    assert counter_evidence("the levy was never raised in the talks", "the talks did not end with a levy") == 0


def test_a_claim_worded_as_a_refusal_is_not_countered_by_a_statement_that_agrees_nothing_was_done():
    # "disappointed by its refusal to engage" / "we do not see a basis to engage in discussions": no dispute
    assert (
        counter_evidence("we do not see a basis to engage in discussions", "its refusal to engage in discussions") == 0
    )


def test_a_counter_must_negate_the_claims_own_words_not_words_it_states_afterwards(nlp):
    text = (
        "Mayor Ada Holt said the ferry crossing was agreed directly between the two towns. "
        "Councillor Per Ahl said Holt told him that no fare rise was discussed at any level. "
        "The crossing was agreed directly between the two towns, Ahl said."
    )
    assert pairs(nlp, text) == []


def test_a_statement_negating_nothing_or_declining_to_act_is_no_counter():
    assert not counters("assert", "the levy was raised in the talks")
    assert not counters("assert", "not to raise the levy", "refuse")
    assert counters("assert", "the levy was never raised in the talks")


def test_a_described_party_that_may_include_the_claimant_never_counters_a_named_one(nlp):
    text = (
        "The two firms signed a pact that Norvik would engage constructively on the bid. "
        "Westport said there had been no constructive engagement from Norvik on the bid since the pact."
    )
    assert pairs(nlp, text) == []
