"""Speakers real coverage of strikes and bids loses: a union named after its employer ("Halvard Union", "Halvard’s
machinist union") taken for the employer, a union lodge whose number the tagger leaves out, and a speaker the
parser strands inside an opening phrase ("In a letter to A, B called …")."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from knowledge.extract.entities import find_entities
from knowledge.extract.nlp import load_nlp
from knowledge.extract.speakers.heads import head_entity
from tests.claim_speakers import claim_vias
from tests.claim_speakers import speakers_by_opening as speakers


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _orgs(nlp, text: str) -> list[str]:
    return [e.name for e in find_entities(nlp(text)).entities if e.type == "ORG"]


def test_a_union_named_after_its_employer_in_a_headline_is_not_the_employer(nlp):
    text = "Halvard Union Says Workers Voted Against Offer\n\nHalvard Corp. said it would raise prices next month."
    names = _orgs(nlp, text)
    assert "Halvard Union" in names
    assert "Halvard" in names


def test_a_union_lodge_keeps_the_number_the_tagger_left_out(nlp):
    names = _orgs(nlp, "Members of the Allied Federation of Riveters District 412 rejected it.")
    assert names == ["Allied Federation of Riveters District 412"]


def test_a_union_lodge_keeps_its_unit_word_and_code_when_the_tagger_stops_before_both(nlp):
    text = (
        "Most members of the International Association of Welders and Aerospace Workers District 412 rejected the "
        "contract, the union said."
    )
    lodge = "International Association of Welders and Aerospace Workers District 412"
    assert speakers(nlp, text)["Most members of"] == lodge


def test_a_number_that_is_not_a_lodge_is_not_glued_to_a_name(nlp):
    assert all(not n.endswith("12") for n in _orgs(nlp, "Shares of Halvard Corp. rose 12 percent on Monday."))


def test_the_union_an_employer_owns_by_a_possessive_is_not_the_employer(nlp):
    # the parse the tagger gives it on a real page, built by hand: the employer as the subject and the union
    # joined to it as a conjunct, so the employer reads as the phrase's head
    words = ["Halvard", "’s", "(", "HV", ")", "machinist", "union", "said", "pay", "was", "low", "."]
    heads = [7, 0, 6, 6, 6, 6, 0, 7, 9, 7, 9, 7]
    deps = ["nsubj", "case", "punct", "nmod", "punct", "compound", "conj", "ROOT", "nsubj", "ccomp", "acomp"]
    deps += ["punct"]
    tags = ["NNP", "POS", "-LRB-", "NNP", "-RRB-", "NNP", "NN", "VBD", "NN", "VBD", "JJ", "."]
    pos = ["PROPN", "PART", "PUNCT", "PROPN", "PUNCT", "PROPN", "NOUN", "VERB", "NOUN", "AUX", "ADJ", "PUNCT"]
    ents = ["B-ORG", "O", "O", "B-ORG"] + ["O"] * 8
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=ents)
    for tok, lemma in zip(doc, [w.lower() for w in words], strict=True):
        tok.lemma_ = lemma
    found = find_entities(doc)
    source = (doc[0].idx, doc[6].idx + len("union"))
    assert doc[0:7].root.i == 0  # the shape under test
    assert head_entity(doc, found, source) == (True, None)


def test_a_speaker_the_parser_joined_to_the_addressee_of_an_opening_letter_said_it(nlp):
    text = (
        "Nine & Co rejected the bid. In a letter to Halvard, Nine & Co called its offer of US$14.86 per share "
        '"badly timed" and said the proposal was not in the best interest of its shareholders.'
    )
    found = {opening: (speaker, via) for opening, speaker, via in claim_vias(nlp, text)}
    assert found["its offer of"] == ("Nine", "a letter to Halvard")
    assert found["the proposal was"][0] == "Nine"


def test_a_speaker_the_parser_hung_on_an_opening_phrase_set_off_by_dashes_said_it(nlp):
    text = (
        "Despite broad support for the findings—including recognition from several countries—Ruritania's high "
        "court, controlled by the president's allies, claimed the opposition's data were false."
    )
    assert "high court" in (speakers(nlp, text)["the opposition's data"] or "")


def test_a_description_the_parser_joined_to_the_addressee_of_an_opening_letter_said_it(nlp):
    text = "In a letter to Halvard, the chairman of Nine & Co said the offer was too low."
    assert "chairman" in (speakers(nlp, text)["the offer was"] or "")


def test_a_lowercase_fragment_left_by_a_cut_page_is_no_organisation(nlp):
    text = (
        "Leaders of the Allied Federation of Riveters and Aerospace Workers said 59% of members approved the offer. "
        "According to the union, the 3,000 workers it represents can return to work on Wednesday. The union s"
    )
    assert _orgs(nlp, text) == ["Allied Federation of Riveters and Aerospace Workers"]
    assert speakers(nlp, text)["the 3,000 workers"] == "Allied Federation of Riveters and Aerospace Workers"


def test_nouns_compounded_with_a_description_head_do_not_stop_it_naming_the_organisation(nlp):
    text = (
        "Halvard Foods Inc. says it is disappointed by the refusal. In a news release Sunday, the Ontario-based "
        "convenience store operator argued its proposal offers clear benefits."
    )
    assert speakers(nlp, text)["its proposal offers"] == "Halvard Foods"


def test_a_description_with_more_narrowing_modifiers_stays_as_written(nlp):
    text = (
        "Halvard Foods Inc. says it is disappointed by the refusal. The small, old Ontario-based operator argued "
        "its proposal offers clear benefits."
    )
    assert speakers(nlp, text)["its proposal offers"] != "Halvard Foods"
