"""Organisations as speakers: "the company", "the union", "the tech giant" and "it" go to the organisation the
text named, when the text shows which; otherwise they stay as written (never a guess)."""

from __future__ import annotations

import pytest

from knowledge.extract.nlp import load_nlp
from knowledge.extract.speakers.organisations import fits, name_kinds
from tests.claim_speakers import speakers_by_opening as speakers


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_the_company_and_it_after_a_named_company_are_that_company(nlp):
    text = (
        "Halvard Foods said it would appeal the ruling. The company said in a statement that the fine was "
        "unjustified. It added that jobs were not at risk."
    )
    got = speakers(nlp, text)
    assert got["that the fine"] == "Halvard Foods"
    assert got["that jobs were"] == "Halvard Foods"


def test_a_retail_chain_or_a_grocer_described_by_its_trade_is_the_company_named_before(nlp):
    text = (
        "Halvard Foods said it would appeal the ruling on Tuesday. The supermarket chain said the fine was "
        "unjustified. According to the Oslo-based grocer, prices will not rise."
    )
    got = speakers(nlp, text)
    assert got["the fine was"] == "Halvard Foods"
    assert got["prices will not"] == "Halvard Foods"


def test_the_companys_statement_is_the_company_named_before(nlp):
    text = (
        'Halvard Foods called the lawsuit baseless on Tuesday. "This is an attempt to shift the blame," the '
        "company's statement said."
    )
    assert speakers(nlp, text)["This is an"] == "Halvard Foods"


def test_a_union_description_goes_to_the_union_not_to_the_company_named_last(nlp):
    text = (
        "The Brotherhood of Dock Workers rejected the offer on Monday. Marlow Shipping said talks had failed. "
        "The union said members would walk out."
    )
    assert speakers(nlp, text)["members would walk"] == "Brotherhood of Dock Workers"


def test_the_firm_goes_to_the_speaker_of_the_main_clause_not_to_the_company_inside_its_claim(nlp):
    text = "Norvik Data, through its lawyer, said Kestrel Air had refused help. The software firm said the claims were misleading."
    assert speakers(nlp, text)["the claims were"] == "Norvik Data"


def test_two_companies_joined_by_and_leave_the_company_as_written(nlp):
    text = "Alder Bank and Corvin Trust were fined. The company said the penalty was unfair."
    assert speakers(nlp, text)["the penalty was"] == "The company"


def test_it_after_a_report_is_not_pinned_on_the_organisation_named_earlier(nlp):
    text = (
        "The Rail Safety Office published a report on Monday. The report was written by engineers. "
        "It said the bridges were unsafe."
    )
    assert speakers(nlp, text)["the bridges were"] != "Rail Safety Office"


def test_a_company_named_only_in_its_own_words_is_what_the_company_later_means(nlp):
    text = (
        "The state mining company plans to close its oldest pit, according to the Korvik Daily. "
        "The company said the pit was no longer safe."
    )
    assert speakers(nlp, text)["the pit was"] == "The state mining company"


def test_a_headline_names_no_antecedent_for_a_description_in_the_body(nlp):
    text = "Council backs tram line\n\nThe city council said the line would open in 2027."
    assert speakers(nlp, text)["the line would"] == "The city council"


def test_an_organisations_kind_is_read_from_its_name():
    assert name_kinds("Delta Air Lines Inc.") == {"company"}
    assert "union" in name_kinds("International Association of Machinists and Aerospace Workers")
    assert "government" in name_kinds("Ministry of Defence")
    assert name_kinds("Halvard") == set()


def test_a_generic_description_fits_an_organisation_of_unknown_kind_but_a_union_needs_a_union():
    assert fits("company", set())
    assert fits("company", {"company"})
    assert not fits("company", {"government"})
    assert not fits("union", set())
    assert fits("union", {"union"})


def test_a_company_short_full_and_legal_names_are_one_entity_named_without_designators(nlp):
    from knowledge.extract.entities import find_entities

    doc = nlp("Kestrel Air Lines Inc. sued Norvik Data Corp. on Friday. Kestrel said Norvik owed it money.")
    names = sorted(e.name for e in find_entities(doc).entities if e.type == "ORG")
    assert names == ["Kestrel Air Lines", "Norvik Data"], names


def test_a_given_name_alone_is_the_one_person_the_article_names_with_it(nlp):
    text = "Svetlana Tikhanovskaya met Ivo Brandt in Vilnius. Svetlana said the talks were useful."
    assert speakers(nlp, text)["the talks were"] == "Svetlana Tikhanovskaya"


def test_a_given_name_two_people_share_stays_as_written(nlp):
    text = "Svetlana Tikhanovskaya met Svetlana Lund in Vilnius. Svetlana said the talks were useful."
    assert speakers(nlp, text)["the talks were"] == "Svetlana"


def test_a_short_name_after_a_unit_of_the_company_is_not_merged_into_the_unit():
    from knowledge.extract.entities import DocEntities

    ents = DocEntities()
    unit = ents.add("Kestrel Commercial Airplanes", "ORG", 0, 28)
    assert ents.add("Kestrel", "ORG", 40, 47) != unit


def test_a_short_name_after_the_full_name_is_that_organisation_but_two_candidates_leave_it_apart():
    from knowledge.extract.entities import DocEntities

    ents = DocEntities()
    full = ents.add("Norvik Data Corp.", "ORG", 0, 17)
    assert ents.add("Norvik", "ORG", 30, 36) == full
    assert ents.entities[full].name == "Norvik Data"
    two = DocEntities()
    two.add("Arlen Mining", "ORG", 0, 12)
    two.add("Arlen Steel", "ORG", 20, 31)
    assert two.add("Arlen", "ORG", 40, 45) == 2


def test_he_after_a_reported_clause_is_not_the_person_named_inside_what_he_said(nlp):
    text = (
        "Foreign Secretary Vikram Misri said the prime minister spoke to Trump. "
        "Trump was also told that the deal had been agreed on request, he said."
    )
    assert speakers(nlp, text)["Trump was also"] == "Vikram Misri"


def test_he_after_an_adverbial_clause_naming_someone_may_be_that_person(nlp):
    text = "Since May 10, when Donald Trump announced the ceasefire, he has claimed that he helped settle the tensions."
    assert speakers(nlp, text)["that he helped"] == "Donald Trump"
