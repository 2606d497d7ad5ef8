"""A lawsuit or a complaint as the speaker ("the lawsuit claims …"): whoever brought it, the document as channel."""

from __future__ import annotations

import pytest

from knowledge.extract.nlp import load_nlp
from tests.claim_speakers import claim_vias
from tests.claim_speakers import speakers_by_opening as speakers


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_the_lawsuit_claims_is_the_party_that_filed_it(nlp):
    text = (
        "Harbor Freight Lines filed a lawsuit against Galen Ports on Monday. The lawsuit claims that the port "
        "broke its contract by closing the northern quay."
    )
    assert speakers(nlp, text)["that the port"] == "Harbor Freight Lines"
    assert ("that the port", "Harbor Freight Lines", "The lawsuit") in claim_vias(nlp, text)


def test_a_complaint_named_with_its_owner_earlier_is_the_owners_when_the_lawsuit_speaks_later(nlp):
    text = (
        "Halvard Foods Inc. went to court in Delaware. The Halvard Foods complaint puts the blame on Galen Ports. "
        "The lawsuit asserts that the port knew the quay would close."
    )
    assert speakers(nlp, text)["that the port"] == "Halvard Foods"


def test_the_owner_named_before_the_lawsuit_is_its_speaker(nlp):
    text = '"The two ports compete in every town on the coast," the Galen Council lawsuit said on Friday.'
    assert speakers(nlp, text)["The two ports"] == "Galen Council"


def test_a_lawsuit_no_party_is_named_for_stays_as_written(nlp):
    text = "Ships queued outside the harbour on Monday. The lawsuit claims that the port broke its contract."
    assert speakers(nlp, text)["that the port"] == "The lawsuit"
