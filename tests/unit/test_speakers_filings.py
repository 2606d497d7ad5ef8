"""A court filing as the speaker: its filer, the filing kept as the channel, and "it said" carrying the filing on."""

from __future__ import annotations

import pytest

from knowledge.extract.nlp import load_nlp
from tests.claim_speakers import claim_vias
from tests.claim_speakers import speakers_by_opening as speakers


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_a_suit_followed_by_where_it_was_filed_is_the_party_that_filed_it(nlp):
    text = (
        "Harbor Freight Lines is suing the Galen port authority in state court. "
        '"The port broke every promise it made to the carriers," the suit filed in Dover says.'
    )
    assert speakers(nlp, text)["The port broke"] == "Harbor Freight Lines"


def test_a_brief_named_with_its_owner_is_the_owners(nlp):
    text = (
        "The Galen Maritime Commission appealed the verdict last week. The court erred in reading the contract, "
        "said the agency's appellate brief on Monday."
    )
    assert speakers(nlp, text)["The court erred"] == "Galen Maritime Commission"


def test_it_said_after_a_filing_spoke_is_the_filer_through_the_filing(nlp):
    text = (
        "The Galen Maritime Commission appealed the verdict last week. The court erred in reading the contract, "
        "said the agency's appellate brief on Monday. The trial judge also ignored the port's own records, it said."
    )
    assert speakers(nlp, text)["The trial judge"] == "Galen Maritime Commission"
    assert any(v and "brief" in v for c, s, v in claim_vias(nlp, text) if c.startswith("The trial judge"))


def test_the_agency_is_the_regulator_known_by_its_initials(nlp):
    text = (
        "The NTSB opened an inquiry into the runway collision at Halvard airport on Tuesday. "
        "The agency said the tower had cleared both jets to use the same runway."
    )
    assert speakers(nlp, text)["the tower had"] == "NTSB"


def test_a_motion_after_a_named_lawsuit_stays_with_the_side_that_argued_it(nlp):
    text = (
        "Halvard Foods sued the Galen port authority in May, saying Halvard's lawsuit was its last resort. "
        "The port cannot be sued in a federal court, lawyers for the port argued in their motion to dismiss. "
        "The motion also argues that Halvard Foods waited too long."
    )
    assert speakers(nlp, text)["that Halvard Foods"] != "Halvard Foods"


def test_the_lawsuit_states_with_a_bare_clause_is_a_claim_of_the_party_that_sued(nlp):
    # the parser reads "The lawsuit states" as one noun phrase and the clause after it as a relative clause
    text = (
        "Brill Marine is suing the Galen port authority. The lawsuit states this happened in retaliation for "
        "Brill's opposition to the dredging plan favoured by the mayor."
    )
    assert speakers(nlp, text)["this happened in"] == "Brill Marine"


def test_a_quote_closed_by_the_lawsuit_states_is_the_suing_partys(nlp):
    # the tagger reads "states" after "the lawsuit" as a plural noun: the phrase closing the quote is still its cue
    text = (
        "Brill Marine sued the Galen port authority in June. "
        '"There is no doubt about what went on here: Brill spoke up and was punished for it," the lawsuit states.'
    )
    assert speakers(nlp, text)["There is no"] == "Brill Marine"


def test_a_lawsuit_filed_by_a_company_is_that_companys_and_the_company_after_it_is_the_filer(nlp):
    text = (
        "Brill Systems said it would appeal the contempt finding. A 2020 lawsuit filed by Halvard Games accused "
        "Brill Systems of restricting payments. The company claimed that Brill's policies gave it unfair control."
    )
    found = speakers(nlp, text)
    assert found["Brill Systems of"] == "Halvard Games"
    assert found["that Brill's policies"] == "Halvard Games"
