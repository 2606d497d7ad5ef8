"""Descriptions real coverage uses for an organisation the text names: "the union" for a longshoremen's association,
"the companies" for two companies named together, "the Tacoma, Wash.-based grocer", and a company the tagger
mislabelled once or missed but for "X CEO". Each resolves only to what the text itself names; else as written."""

from __future__ import annotations

import pytest

from knowledge.extract.name_parts import one_word_majority, titled_organisations
from knowledge.extract.nlp import load_nlp
from tests.claim_speakers import speakers_by_opening as speakers


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_an_association_named_for_the_people_it_organises_is_the_union(nlp):
    text = (
        "Dockers walked out at dawn, led by Harbour Longshoremen's Association president Carl Brandt. The strike "
        "is expected to cost millions. The union is claiming a 60 per cent pay rise over five years."
    )
    assert speakers(nlp, text)["a 60 per"] == "Harbour Longshoremen's Association"


def test_the_alliance_is_not_a_union_named_an_association(nlp):
    text = (
        "The National Longshoremen's Association rejected the offer on Monday. The alliance also said its offer "
        "doubled pension contributions."
    )
    assert speakers(nlp, text)["its offer doubled"] == "The alliance"


def test_the_companies_after_two_named_companies_are_both(nlp):
    text = (
        "Nordvik Bank and Halvard Foods said they were disappointed by the ruling. Halvard said the evidence "
        "was clear. The companies said they were weighing their options."
    )
    assert speakers(nlp, text)["they were weighing"] == "Nordvik Bank and Halvard Foods"


def test_the_companies_after_one_company_stay_as_written(nlp):
    text = "Halvard Foods said it was disappointed by the ruling. The companies said they were weighing their options."
    assert speakers(nlp, text)["they were weighing"] == "The companies"


def test_a_city_and_state_based_description_is_the_company_not_the_city(nlp):
    text = (
        "Halvard Foods said it is seeking damages from Marlow Grocers. According to the Tacoma, Wash.-based "
        "grocer, its investors lost the premium they were promised."
    )
    assert speakers(nlp, text)["its investors lost"] == "Halvard Foods"


def test_a_passive_deny_with_an_object_is_no_denial(nlp):
    text = "According to Halvard Foods, its workers have been denied the raise they were promised last year."
    got = speakers(nlp, text)
    assert list(got) == ["its workers have"]


def test_the_statement_from_a_company_is_the_company(nlp):
    text = '"We did everything we could to close the deal," the statement from Halvard Foods said.'
    assert speakers(nlp, text)["We did everything"] == "Halvard Foods"


def test_a_name_before_ceo_is_an_organisation_the_tagger_missed(nlp):
    doc = nlp('"We will appeal," said Vivek Tanaka, Corvanders CEO.')
    found = titled_organisations(doc, [])
    assert [(name, label) for name, label, *_ in found] == [("Corvanders", "ORG")]


def test_a_one_word_name_tagged_a_person_once_among_organisations_is_an_organisation(nlp):
    doc = nlp("Quorvix sued. Quorvix won. Quorvix appealed.")
    spans = [doc[0:1], doc[3:4], doc[6:7]]
    cands = [(s.text, label, s.start_char, s.end_char, s) for s, label in zip(spans, ["ORG", "PERSON", "ORG"])]
    assert [label for _, label, *_ in one_word_majority(cands)] == ["ORG", "ORG", "ORG"]


def test_a_one_word_name_as_often_a_person_as_not_stays_as_tagged(nlp):
    doc = nlp("Field spoke. Field left.")
    spans = [doc[0:1], doc[3:4]]
    cands = [(s.text, label, s.start_char, s.end_char, s) for s, label in zip(spans, ["PERSON", "ORG"])]
    assert [label for _, label, *_ in one_word_majority(cands)] == ["PERSON", "ORG"]
