"""A plain statement whose negated content states another party's earlier claim false is a denial without a
denial cue ("clarified that trade was not discussed"); a negation that contradicts nothing said before stays a
plain statement."""

from __future__ import annotations

from datetime import datetime

import pytest

from knowledge.extract.disputes import negated_statement
from knowledge.extract.nlp import load_nlp
from knowledge.extract.pipeline import analyze_doc


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def analysed(nlp, text):
    a = analyze_doc(nlp(text), datetime(2025, 5, 7))
    quote = lambda c: text[c.content[0] : c.content[1]]  # noqa: E731
    return a, [(quote(a.claims[d.claim]), quote(a.claims[d.other])) for d in a.disputes]


def test_a_negated_statement_after_anothers_claim_on_the_same_words_is_paired_as_its_denial(nlp):
    text = (
        "Governor Anna Lindqvist said the county had cut ambulance funding to pay for the new stadium. "
        "The county board clarified that ambulance funding was not cut and that no money went to the stadium."
    )
    a, found = analysed(nlp, text)
    assert [c for c, _ in found] == ["the county had cut ambulance funding to pay for the new stadium"]
    assert [a.claims[d.other].stance for d in a.disputes] == ["deny"]


def test_two_negated_statements_agree_rather_than_dispute(nlp):
    text = (
        "Governor Anna Lindqvist said no ambulance funding would be cut this year. "
        "The county board said ambulance funding would not be cut before the stadium opens."
    )
    a, found = analysed(nlp, text)
    assert found == []
    assert a.claims and all(c.stance != "deny" for c in a.claims)


def test_a_negation_of_something_else_than_the_earlier_claim_answers_nothing(nlp):
    text = (
        "Governor Anna Lindqvist said the county would fund the new stadium and its roads. "
        "The county board said the county would fund the new stadium and its roads but not the parking garage."
    )
    assert analysed(nlp, text)[1] == []


def test_a_negated_statement_answers_no_claim_made_after_it(nlp):
    text = (
        "The county board said ambulance funding was not cut to pay for the new stadium. "
        "Governor Anna Lindqvist later said the county had cut ambulance funding to pay for the new stadium."
    )
    assert analysed(nlp, text)[1] == []


def test_only_a_plain_statement_has_a_negated_part_a_naming_or_a_forecast_has_none():
    assert negated_statement("assert", "that the issue of trade did not come up", "say") == "not come up"
    assert negated_statement("assert", "the plan no answer to the shortage", "call") == ""
    assert negated_statement("forecast", "the plant would not reopen", "warn") == ""
    assert negated_statement("assert", "the talks went well", "say") == ""
