"""Organisations the tagger spells badly, as speakers: a firm written with "&" whose parts the tagger reads as a
number and a pronoun, a description ("the Manitoba company") the tagger took for a name, an organisation the parser
glued to a person, and "it" continuing a letter that the organisation issued."""

from __future__ import annotations

from datetime import datetime

import pytest
from spacy.tokens import Doc

from knowledge.extract.entities import find_entities
from knowledge.extract.nlp import load_nlp
from knowledge.extract.pipeline import analyze_doc
from knowledge.extract.speakers.heads import glued_organisation
from tests.claim_speakers import speakers_by_opening as speakers


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_a_firm_written_with_an_ampersand_is_one_organisation_that_the_company_continues(nlp):
    text = (
        "Seven & m Holdings Co. Ltd. received a takeover offer in May.\n"
        "There is no assurance that the offer will be accepted, Seven & m noted.\n"
        '"No decision has been made at this time," the company said.'
    )
    assert speakers(nlp, text)["No decision has"] == "Seven & m"


def test_an_ampersand_between_capitalised_names_makes_one_organisation_entity(nlp):
    doc = nlp("Shares in Seven & m Holdings rose on Monday. Seven & m said the bid was too low.")
    names = [e.name for e in find_entities(doc).entities if e.type == "ORG"]
    assert "Seven & m" in names


def test_a_tight_ampersand_in_an_abbreviation_makes_no_organisation(nlp):
    doc = nlp("Spending on R&D rose sharply, the report said.")
    assert not [e for e in find_entities(doc).entities if "&" in e.name]


def _tagged_as_organisation(nlp, text: str, words: str):
    """The parsed text with every occurrence of `words` (any case) tagged as an organisation, as the tagger does on some
    real pages ("the Quebec company" ORG), other tags kept where they do not overlap."""
    doc = nlp(text)
    spans = []
    at = text.lower().find(words.lower())
    while at >= 0:
        spans.append(doc.char_span(at, at + len(words), label="ORG"))
        at = text.lower().find(words.lower(), at + 1)
    taken = {i for s in spans for i in range(s.start, s.end)}
    doc.ents = spans + [e for e in doc.ents if not taken & set(range(e.start, e.end))]
    return doc


def test_a_description_tagged_as_a_name_is_no_organisation_of_its_own(nlp):
    text = "Larchmont Foods Inc. made an offer. In a letter to the Manitoba company, Orvel refused it."
    doc = _tagged_as_organisation(nlp, text, "the Manitoba company")
    names = [e.name for e in find_entities(doc).entities]
    assert "Larchmont Foods" in names
    assert not [n for n in names if "Manitoba" in n]


def test_a_description_tagged_as_a_name_continues_the_organisation_before_it(nlp):
    text = (
        "Larchmont Foods Inc. says it is disappointed that its offer was refused.\n"
        "In a letter to the Manitoba company, Orvel said the offer undervalued it.\n"
        "In its Sunday statement, Larchmont Foods said it is confident that talks would add value.\n"
        '"We are disappointed in the refusal to engage," the company said.\n'
        "The Manitoba company added it has offered to sign a confidentiality agreement."
    )
    a = analyze_doc(_tagged_as_organisation(nlp, text, "the Manitoba company"), datetime(2025, 5, 7))
    shown = {
        text[c.content[0] : c.content[1]].split()[2]: a.entities[c.speaker_entity].name
        if c.speaker_entity is not None
        else c.speaker
        for c in a.claims
    }
    assert shown["offered"] == "Larchmont Foods"


def test_it_after_a_letter_goes_to_whoever_issued_the_letter(nlp):
    text = (
        "The board of Orvel said the buyer's claims were misleading in a letter issued on Tuesday.\n"
        '"We engaged in good faith at every stage," the letter said.\n'
        "It said that the buyer never had a credible plan for the stores."
    )
    assert speakers(nlp, text)["that the buyer"] == "The board of Orvel"


def test_it_after_a_report_stays_the_report_when_nobody_is_shown_issuing_it(nlp):
    text = (
        "The Rail Safety Office was criticised on Monday. The report was written by engineers.\n"
        "It said the bridges were unsafe."
    )
    assert speakers(nlp, text)["the bridges were"] == "The report"


def test_an_organisation_the_parser_glued_to_a_person_as_her_appositive_is_the_speaker(nlp):
    # the parse the tagger gives a long fronted phrase on real pages, built by hand: "Orvel" as an appositive
    # of "Ito" right before the cue, where a person can never be an organisation
    words = ["In", "the", "letter", ",", "Meyumi", "Ito", ",", "chair", "of", "its", "board", ",", "Orvel", "said"]
    heads = [13, 2, 0, 5, 5, 13, 5, 5, 7, 10, 8, 5, 5, 13]
    deps = ["prep", "det", "pobj", "punct", "compound", "nsubj", "punct", "appos", "prep", "poss", "pobj", "punct"]
    deps += ["appos", "ROOT"]
    ents = ["O"] * 4 + ["B-PERSON", "I-PERSON"] + ["O"] * 6 + ["B-ORG", "O"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, ents=ents)
    found = find_entities(doc)
    source = (doc[4].idx, doc[12].idx + len("Orvel"))
    assert glued_organisation(doc, found, source) == (doc[12].idx, doc[12].idx + len("Orvel"))


def test_a_person_with_a_role_appositive_keeps_her_words(nlp):
    doc = nlp("Meyumi Ito, chair of the Orvel board, said the bid was too low.")
    source = (0, doc.text.index(", said"))
    assert glued_organisation(doc, find_entities(doc), source) is None
