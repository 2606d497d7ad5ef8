"""A pronoun inside someone's quotation is not the speaker: the quoted words are the quoting speaker's. And a family
named by its plural surname ("the Brandts") is who a following "they" means."""

from __future__ import annotations

from datetime import datetime

import pytest

from knowledge.extract.nlp import load_nlp
from knowledge.extract.pipeline import analyze_doc
from tests.claim_speakers import speakers_by_opening as speakers


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_a_quoted_they_inside_an_according_to_quote_is_the_quoted_speakers(nlp):
    text = (
        'If the board had "read the offer, as they were obliged to, they would have seen how fair it was," '
        "according to the union's lawyer, Sara Lind."
    )
    got = speakers(nlp, text)
    assert set(got.values()) == {"Sara Lind"}


def test_a_quotation_opening_the_next_paragraph_continues_the_speaker_before(nlp):
    text = (
        "Mr. Brandt also said that dockers deserve a share of the profits made by shipping lines.\n"
        "\u201cThey want to keep all the profits for themselves and take the money out of the country"
    )
    a = analyze_doc(nlp(text), datetime(2025, 5, 7))
    quoted = text.index("keep all the profits")
    holding = [c for c in a.claims if c.content[0] <= quoted < c.content[1]]
    assert holding, "the quotation is no claim's words"
    assert {a.entities[c.speaker_entity].name if c.speaker_entity is not None else c.speaker for c in holding} == {
        "Brandt"
    }


def test_a_family_named_by_its_plural_surname_is_the_they_after_it(nlp):
    text = (
        "The Brandts demanded: \u201cWe want a fair deal.\u201d They added that the employers should have asked "
        "the union first."
    )
    assert speakers(nlp, text)["that the employers"] == "Brandts"
