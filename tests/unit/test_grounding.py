"""The grounding check: names, numbers, dates and quoted words come from the cited spans; speakers and stances
from the cited claims."""

from __future__ import annotations

from knowledge.brief.grounding import Speech, grounded, problems

SPANS = [
    "that the union had agreed to a pay offer worth nine percent",
    "Maria Lindqvist called a strike at the port of Lindenport on Monday, halting container traffic.",
]
BERGER = Speech(("Mayor Tomas Berger", "Tomas Berger"), "assert")
LINDQVIST = Speech(("Maria Lindqvist",), "deny")


def test_a_line_built_from_its_spans_and_claims_is_grounded():
    line = "Berger says the union had agreed to a pay offer worth nine percent; Lindqvist denies it"
    assert problems(line, SPANS, [BERGER, LINDQVIST], claims_only=True) == []


def test_a_name_that_is_in_no_span_fails():
    assert not grounded("Lindqvist called a strike at the port of Varna", SPANS)


def test_a_number_or_date_that_is_in_no_span_fails():
    assert not grounded("Lindqvist called a strike at the port of Lindenport on Tuesday", SPANS)
    assert not grounded("Berger says the union agreed to a pay offer worth ten percent", SPANS, [BERGER])
    assert not grounded("Berger says the union agreed to a 9 percent offer", SPANS, [BERGER])


def test_quoted_words_must_be_exact_words_of_a_span():
    assert grounded("Berger says “the union had agreed to a pay offer”", SPANS, [BERGER])
    assert not grounded("Berger says “the union agreed to a pay offer”", SPANS, [BERGER])


def test_a_denial_must_not_be_reported_as_an_assertion_nor_the_other_way_round():
    assert not grounded("Lindqvist says the union had agreed to a pay offer", SPANS, [BERGER, LINDQVIST])
    assert not grounded("Berger denies the union had agreed to a pay offer", SPANS, [BERGER, LINDQVIST])


def test_a_claim_must_not_be_pinned_on_someone_who_did_not_make_it():
    novak = "Novak says the union had agreed to a pay offer"
    assert any("Novak" in p for p in problems(novak, SPANS + ["Anna Novak"], [BERGER]))


def test_a_negated_speech_verb_needs_a_negated_claim():
    assert not grounded("Lindqvist did not deny the union had agreed to a pay offer", SPANS, [LINDQVIST])


def test_a_line_made_only_of_claims_must_keep_its_attribution():
    found = problems("The union had agreed to a pay offer worth nine percent", SPANS, [BERGER], claims_only=True)
    assert found == ["a claim stated as fact: the line names no speaker of its claims"]


def test_content_verbs_after_a_modal_are_not_attributions():
    spans = ["that Belarus will ask for the reopening of the embassy"]
    analysts = Speech(("Some analysts",), "forecast")
    assert grounded("Some analysts predict Belarus will ask for the reopening of the embassy", spans, [analysts])


def test_an_abbreviation_matches_with_or_without_its_dots():
    assert grounded("The U.S. embassy reopened", ["The US embassy reopened on the hill"])


def test_according_to_a_cited_speaker_is_an_attribution_and_no_name():
    spans = ["Putin would consider a ceasefire if Ukraine stopped its drone strikes"]
    lukashenko = Speech(("Lukashenko",), "report")
    assert grounded("According to Lukashenko, Putin would consider a ceasefire", spans, [lukashenko], True)
    assert not grounded("According to Zelensky, Putin would consider a ceasefire", spans + ["Zelensky"], [lukashenko])


def test_a_number_word_in_a_speakers_name_is_the_name_not_an_unsupported_number():
    seven = Speech(("Seven Harbors",), "assert")
    line = "Seven Harbors says the union had agreed to a pay offer worth nine percent"
    assert problems(line, SPANS[:1], [seven], claims_only=True) == []
    assert problems("Seven dockers say the union had agreed to a pay offer", SPANS[:1], [seven], claims_only=True)
