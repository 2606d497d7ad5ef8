"""Who speaks when an outlet passes a party's words on, when a lawsuit "says" something, and when a party's lawyers
write: the party, with the outlet, the suit or the lawyers as the channel."""

from __future__ import annotations

import pytest

from knowledge.extract.nlp import load_nlp
from tests.claim_speakers import claim_vias
from tests.claim_speakers import speakers_by_opening as speakers


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_an_outlet_reporting_that_a_company_alleges_something_gives_the_claim_to_the_company(nlp):
    text = (
        "Harbor Freight Lines has filed a lawsuit against Galen Ports. The Coastal Ledger reports that Harbor "
        "Freight Lines alleges negligence on the part of Galen Ports in closing the northern quay."
    )
    found = claim_vias(nlp, text)
    assert ("negligence on the", "Harbor Freight Lines", "The Coastal Ledger") in found
    assert all(speaker != "The Coastal Ledger" for _, speaker, _ in found)


def test_a_participle_the_parse_gave_the_outlet_follows_the_party_the_outlet_reports(nlp):
    text = (
        "The Coastal Ledger reports that Halvard Foods has slammed the threat of a lawsuit from Brill Metals, "
        "stating that its founder offered help within hours of the outage."
    )
    found = claim_vias(nlp, text)
    assert ("that its founder", "Halvard Foods", "The Coastal Ledger") in found


def test_the_company_after_a_station_reports_a_firms_reply_is_that_firm_not_the_station(nlp):
    text = (
        "KDRT reported that Halvard Foods responded to the inquiry. The company said in a statement that it is "
        "cooperating fully with the regulator."
    )
    assert speakers(nlp, text)["that it is"] == "Halvard Foods"


def test_the_lawsuit_with_an_aside_after_two_firms_sued_is_those_firms(nlp):
    text = (
        "Brill Metals and Halvard Foods sued the federal government on Monday to save their merger. "
        "The lawsuit, filed in a federal court in Denver, accused the trade minister of corrupting the review."
    )
    found = claim_vias(nlp, text)
    assert ("the trade minister", "Brill Metals and Halvard Foods", "The lawsuit") in found


def test_it_after_a_passive_first_lawsuit_is_the_firms_that_filed_both_suits(nlp):
    text = (
        "Brill Metals and Halvard Foods have filed two lawsuits against the government. "
        "The first lawsuit was filed in the appeals court on Monday. It alleges a violation of due process. "
        "Also, it asks the court to set aside the review."
    )
    said = speakers(nlp, text)
    assert said["a violation of"] == "Brill Metals and Halvard Foods"
    assert said["the court to"] == "Brill Metals and Halvard Foods"


def test_a_description_that_closes_on_the_lawsuit_it_spoke_in_is_the_party_with_the_suit_as_channel(nlp):
    text = (
        "Harbor Freight Lines filed a lawsuit against Galen Ports on Friday. "
        '"Galen Ports closed the quay without warning," said the carrier in its lawsuit.'
    )
    assert ("Galen Ports closed", "Harbor Freight Lines", "its lawsuit") in claim_vias(nlp, text)


def test_attorneys_representing_a_company_speak_for_the_company(nlp):
    text = (
        "Halvard Foods Inc. filed suit late Friday. Attorneys representing Halvard Foods in its suit wrote: "
        '"Harbor Freight Lines now attempts to shift the blame to the grocer."'
    )
    found = claim_vias(nlp, text)
    assert ("Harbor Freight Lines", "Halvard Foods", "Attorneys representing Halvard Foods") in found


def test_a_persons_lawyers_are_not_the_person(nlp):
    text = "Ms. Dana Holt's lawyers wrote that there are no facts to support the claim."
    assert speakers(nlp, text)["that there are"] != "Dana Holt"


def test_the_company_speaking_in_a_named_firms_response_is_that_firm(nlp):
    text = (
        "Dana Holt, the chief executive of Brill Metals, said the outage cost the carrier $80 million. "
        "In Halvard Foods' response the company said that its founder had offered help within hours."
    )
    assert speakers(nlp, text)["that its founder"] == "Halvard Foods"


def test_a_bare_spokesperson_right_after_a_firms_statement_speaks_for_that_firm(nlp):
    text = (
        "A Halvard Foods statement accused Brill Metals of spreading misinformation about the recall. "
        "The spokesperson said the claims reflect a desperate attempt to shift the blame."
    )
    found = claim_vias(nlp, text)
    assert ("the claims reflect", "Halvard Foods", "The spokesperson") in found


def test_a_bare_spokesperson_after_a_persons_claim_stays_as_written(nlp):
    text = (
        "Dana Holt said Brill Metals had spread misinformation about the recall. "
        "The spokesperson said the claims reflect a desperate attempt to shift the blame."
    )
    assert speakers(nlp, text)["the claims reflect"] != "Brill Metals"


def test_a_party_saying_that_another_alleges_something_keeps_its_own_account(nlp):
    text = "Dana Holt said that Halvard Foods alleges negligence on the part of Brill Metals."
    assert all(speaker == "Dana Holt" for _, speaker, _ in claim_vias(nlp, text))


def test_the_judge_after_an_unnamed_judge_is_the_one_judge_the_article_names(nlp):
    text = (
        "The merger of Brill Metals and Halvard Foods was blocked by a federal judge.\n"
        "The judge agreed with the regulator that the merger would weaken competition.\n"
        "District Judge Marta Lindqvist in Denver found the deal would raise prices."
    )
    assert speakers(nlp, text)["that the merger"] == "Marta Lindqvist"


def test_the_judge_stays_unnamed_when_the_article_names_two_judges(nlp):
    text = (
        "The merger of Brill Metals and Halvard Foods was blocked by a federal judge.\n"
        "The judge agreed with the regulator that the merger would weaken competition.\n"
        "District Judge Marta Lindqvist in Denver and Judge Tomas Berg in Ohio heard the two cases."
    )
    assert speakers(nlp, text)["that the merger"] not in ("Marta Lindqvist", "Tomas Berg")
