"""A claim owned by a possessive pronoun: "X reiterated its claim that P" is X saying P again; "the company's
argument that P" is the company named before. A verb that answers somebody else's claim leaves the pronoun alone,
and so does a pronoun that does not fit the subject."""

from __future__ import annotations

import pytest

from knowledge.extract.nlp import load_nlp
from tests.claim_speakers import speakers_by_opening as speakers


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_an_organisation_reiterating_its_claim_is_the_speaker_of_that_claim(nlp):
    text = "Halvard Foods reiterated its claim that Brill Systems had breached the contract."
    assert speakers(nlp, text)["that Brill Systems"] == "Halvard Foods"


def test_a_person_repeating_his_claim_is_the_speaker_of_that_claim(nlp):
    text = "Mayor Tom Vance repeated his claim that the council had hidden the report."
    assert speakers(nlp, text)["that the council"] == "Tom Vance"


def test_a_description_repeating_its_claim_gives_the_claim_to_the_description(nlp):
    text = (
        "In an interview with The Courier, the Harbour Police Service said the Vanter gang is the armed wing of the "
        "council. The police also repeated its disputed claim that the council used the gang to target activists."
    )
    assert speakers(nlp, text)["that the council"] != "its"


def test_rejecting_his_claim_does_not_make_the_one_who_rejects_it_its_speaker(nlp):
    text = "Governor Ana Ruiz rejected his claim that the council had hidden the report."
    assert speakers(nlp, text)["that the council"] != "Ana Ruiz"


def test_its_claim_is_not_given_to_a_person(nlp):
    text = "Mayor Tom Vance repeated its claim that the council had hidden the report."
    assert speakers(nlp, text)["that the council"] != "Tom Vance"


def test_the_company_owning_an_argument_is_the_company_named_before(nlp):
    text = "Halvard Foods sued Brill Systems on Monday. Regulators dismissed the company's argument that the merger would lower prices."
    assert speakers(nlp, text)["that the merger"] == "Halvard Foods"
