"""Speakers on shapes of court and company coverage: a ruling or court order speaks for its judge or court, the
justices for their court, "the president-elect" for the person the text names so, "the company" for the
organisation the article is about, a list of actors for none of them alone, and a title-case headline never lends
its verbs to a name."""

from __future__ import annotations

import pytest

from knowledge.extract.entities import find_entities
from knowledge.extract.nlp import load_nlp
from tests.claim_speakers import claim_vias
from tests.claim_speakers import speakers_by_opening as speakers


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_the_ruling_speaks_for_the_one_judge_the_text_names(nlp):
    text = (
        "U.S. District Judge Marta Vellan ruled against Corvane Labs on Tuesday. The ruling says that the lab "
        "ignored her earlier order for two years."
    )
    assert speakers(nlp, text)["that the lab"] == "Marta Vellan"
    assert ("that the lab", "Marta Vellan", "The ruling") in claim_vias(nlp, text)


def test_the_court_order_with_no_judge_named_is_the_one_courts(nlp):
    text = (
        "The Federal Court of Canada heard the case of Oracle in March. According to the court order, the "
        "company must pay the fine by June 3."
    )
    assert speakers(nlp, text)["the company must"] == "Federal Court of Canada"


def test_a_ruling_with_two_courts_named_and_no_judge_stays_as_written(nlp):
    text = (
        "The Federal Court of Appeal reversed the Federal Court of Canada in March. The ruling says that the lab "
        "must pay the fine."
    )
    assert speakers(nlp, text)["that the lab"] == "The ruling"


def test_the_justices_speak_for_the_court_the_text_names(nlp):
    text = (
        "The Supreme Court of Canada heard the appeal of Oracle in May. The justices said the law was "
        "within the powers of the parliament."
    )
    assert speakers(nlp, text)["the law was"] == "Supreme Court of Canada"


def test_the_president_elect_is_the_person_the_text_gives_that_role(nlp):
    text = (
        "President-elect Tomas Reyk met the outgoing cabinet on Monday. The president-elect said he would keep the "
        "finance minister in office."
    )
    assert speakers(nlp, text)["he would keep"] == "Tomas Reyk"


def test_the_company_is_the_organisation_the_article_names_far_more_often(nlp):
    text = (
        "The Federal Court of Canada upheld a ban on Microsoft on Friday. Millions of Microsoft users may lose "
        "access on Sunday unless a buyer for Microsoft is found, and shares of Microsoft fell. The company has said "
        "that a ban would hurt millions of its users."
    )
    assert speakers(nlp, text)["that a ban"] == "Microsoft"


def test_the_company_stays_as_written_when_two_companies_are_named_as_often(nlp):
    text = (
        "Oracle and Microsoft were named in the order. Oracle and Microsoft both appealed. Oracle and Microsoft "
        "lost. The Federal Court of Canada upheld the ban. The company has said that a ban would hurt millions of "
        "its users."
    )
    assert speakers(nlp, text)["that a ban"] == "The company"


def test_a_list_of_companies_is_no_single_one_of_them(nlp):
    text = (
        "Oracle, Amazon, Jeff Bezos’s Blue Origin and Microsoft last month told the court that the rules were unlawful."
    )
    assert speakers(nlp, text)["that the rules"] not in ("Oracle", "Amazon", "Microsoft")


def test_who_after_an_outlet_spoke_with_an_official_is_the_official(nlp):
    text = (
        "The Washington Post spoke with a ministry official on Monday, who confirmed that the minister will not "
        "sign the decree."
    )
    assert speakers(nlp, text)["that the minister"] == "a ministry official"


def test_a_title_case_headline_does_not_glue_its_verb_to_the_body_name(nlp):
    text = (
        "Spotify Denies Breaking Court Order in Netflix Lawsuit\n\n"
        "Spotify said on Monday that it had complied with the order. Netflix disagreed."
    )
    names = [e.name for e in find_entities(nlp(text)).entities]
    assert "Spotify" in names
    assert not [n for n in names if "Denies" in n or "Lawsuit" in n]


def test_who_after_a_common_noun_stays_with_that_noun(nlp):
    text = "Mendez did not attend the hearing, a fact noted by the judges who accused him of stalling the case."
    assert speakers(nlp, text)["him of stalling"] == "the judges"


def test_a_headline_name_keeps_a_word_naming_a_part_of_the_organisation(nlp):
    text = "Spotify Workers Union Backs Strike Plan\n\nSpotify said on Monday that it would meet the workers."
    names = [e.name for e in find_entities(nlp(text)).entities]
    assert "Spotify Workers Union" in names
