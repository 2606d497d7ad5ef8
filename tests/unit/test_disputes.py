"""A denial is paired with a claim only when both are about the same proposition, never on speakers alone."""

from __future__ import annotations

from datetime import datetime

import pytest

from knowledge.extract.disputes import dispute_score, proposition_words
from knowledge.extract.nlp import load_nlp
from knowledge.extract.pipeline import analyze_doc


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def pairs(nlp, text):
    a = analyze_doc(nlp(text), datetime(2025, 5, 7))
    quote = lambda c: text[c.content[0] : c.content[1]]  # noqa: E731
    return [(quote(a.claims[d.claim]), quote(a.claims[d.other])) for d in a.disputes]


def test_a_denial_of_a_different_proposition_about_the_same_person_is_not_paired():
    # the claim is about the denier and the denial names the claimant, but they speak of different things
    assert (
        dispute_score("vik", {"solberg"}, "that the fund would be cut", "solberg", {"vik"}, "she broke a promise") == 0
    )


def test_shared_wording_beyond_names_pairs_a_denial_with_its_claim():
    score = dispute_score(
        "vik",
        set(),
        "that she had promised the union a seat on the board",
        "solberg",
        {"vik"},
        "the commissioner had promised the union a seat on the quota board",
    )
    assert score > 0.7


def test_a_back_reference_naming_the_claimant_pairs_across_articles_but_a_bare_one_does_not():
    assert dispute_score("moen", {"solberg"}, "Solberg's account", "solberg", set(), "fees doubled", across=True) > 0.7
    assert dispute_score("moen", set(), "the claim", "solberg", {"moen"}, "fees doubled", across=True) == 0


def test_names_alone_are_not_shared_content():
    assert proposition_words("Kellogg met Lukashenko in Minsk") == {"met"}


def test_one_claim_draws_several_denials_and_an_unrelated_denial_stays_plain(nlp):
    text = (
        "Union chairman Erik Solberg said that the harbour board had sold the north quay to a developer. "
        "Board chair Lise Moen denied that the board had sold the north quay. "
        "Treasurer Per Ahl also denied that the quay had been sold to a developer. "
        "Moen denied that the ferry would stop running in winter."
    )
    found = pairs(nlp, text)
    assert {d for _, d in found} == {
        "that the board had sold the north quay",
        "that the quay had been sold to a developer",
    }
    assert all(c.startswith("that the harbour board had sold") for c, _ in found)


def test_rejecting_the_claim_answers_the_claim_just_before_it(nlp):
    text = "Erik Solberg claimed that the permit fees had doubled since spring. Lise Moen rejected the claim."
    assert pairs(nlp, text) == [("that the permit fees had doubled since spring", "the claim")]
