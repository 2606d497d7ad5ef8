"""Extraction on wire-style articles from outlets the rules were not written on: datelines, a body's first word,
surnames of people the model mislabelled, people described only by an apposition."""

from __future__ import annotations

from datetime import datetime

import pytest

from knowledge.extract.nlp import load_nlp
from knowledge.extract.pipeline import analyze_doc


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _analysis(nlp, text):
    return analyze_doc(nlp(text), datetime(2026, 11, 10))


def _content(text, claim):
    return text[claim.content[0] : claim.content[1]]


def test_the_first_word_of_a_body_under_a_headline_stays_in_its_sentence(nlp):
    text = (
        "Prisoner swap completed at Hollin crossing\n\n"
        "Arvand and Kessia exchanged 120 prisoners at the Hollin crossing on Wednesday, UN envoy Marta Field said."
    )
    a = _analysis(nlp, text)
    contents = [_content(text, c) for c in a.claims]
    assert any(c.startswith("Arvand and Kessia exchanged 120 prisoners") for c in contents), contents


def test_a_dateline_is_not_part_of_what_the_speaker_said(nlp):
    text = (
        "Ceasefire to start Wednesday\n\n"
        "GENEVA (CPA) — A 30-day ceasefire between Arvand and Kessia will start at midnight on Wednesday, "
        "UN envoy Marta Field said on Monday."
    )
    a = _analysis(nlp, text)
    contents = [_content(text, c) for c in a.claims]
    assert any(c.startswith("A 30-day ceasefire") for c in contents), contents
    assert not any("GENEVA" in c or "CPA" in c for c in contents), contents


def test_a_later_bare_surname_speaks_for_a_full_name_the_model_tagged_as_a_place(nlp):
    text = (
        "Envoy brokers truce\n\n"
        "The two governments accepted a month-long ceasefire, according to Marta Field, the UN envoy who chaired "
        "the talks.\n\nField said the two sides would also swap 120 prisoners in the coming week."
    )
    a = _analysis(nlp, text)
    field = next(i for i, e in enumerate(a.entities) if e.name == "Marta Field")
    assert a.entities[field].type == "PERSON"
    swap = next(c for c in a.claims if "swap 120 prisoners" in _content(text, c))
    assert swap.speaker_entity == field


def test_a_name_with_a_role_apposition_is_a_person_and_the_pronoun_after_it_is_theirs(nlp):
    text = (
        "Analyst warns Lorne truce may not last\n\n"
        "Ravi Anand, a researcher at the Hague Institute for Conflict Studies, said on Tuesday that the ceasefire "
        "could collapse before December.\n\nAnand said the truce had no map attached to it.\n\n"
        "He praised Marta Field for getting the two delegations into one room."
    )
    a = _analysis(nlp, text)
    names = [e.name for e in a.entities]
    anand = names.index("Ravi Anand")
    assert a.entities[anand].type == "PERSON"
    praise = next(c for c in a.claims if c.cue_lemma == "praise")
    assert praise.speaker_entity == anand, (praise.speaker, names[praise.speaker_entity or 0])
